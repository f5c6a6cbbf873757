import type { Factor, FactorLibrary } from './library.ts';

/**
 * A grid factor as an inventory names it: a factor id with its year (`CN-east-2022`), taken as it is,
 * or a series without a year (`CN-east`), which takes the series' factor of the inventory's year or,
 * when that year is not published, of the nearest published year (the earlier one on a tie). The
 * choice is returned so that the result can state it; carbon-market factors (`scheme`) have no
 * series and are never chosen this way.
 */
export interface GridChoice {
  readonly factor: Factor;
  /** The id as the file wrote it: the factor's own id, or its series. */
  readonly named: string;
  /** When chosen by series: the years the series has, ascending. */
  readonly published?: readonly number[] | undefined;
}

/** The statistical grid factors of a series, by year ascending; empty for an unknown series. */
export function gridSeries(library: FactorLibrary, series: string): Factor[] {
  return library
    .select({ kind: 'grid' })
    .filter((factor) => factor.series === series && factor.scheme === undefined && factor.year !== undefined)
    .sort((a, b) => a.year! - b.year!);
}

/** Every id a file may name as a grid factor: each factor's id and each series; for did-you-mean hints. */
export function gridNames(library: FactorLibrary): string[] {
  const factors = library.select({ kind: 'grid' });
  const series = new Set(factors.flatMap((factor) => (factor.series === undefined ? [] : [factor.series])));
  return [...factors.map((factor) => factor.id), ...series];
}

/** The grid factor a name stands for in an inventory of `year`; undefined when the name is no grid factor or series. */
export function chooseGrid(library: FactorLibrary, named: string, year: number | undefined): GridChoice | undefined {
  const exact = library.get(named);
  if (exact) return exact.kind === 'grid' ? { factor: exact, named } : undefined;
  const series = gridSeries(library, named);
  if (series.length === 0) return undefined;
  const published = series.map((factor) => factor.year!);
  // Without a valid inventory year (reported elsewhere) the latest stands in so the lines can still be checked.
  const target = year ?? published[published.length - 1]!;
  let nearest = series[0]!;
  for (const factor of series) {
    if (Math.abs(factor.year! - target) < Math.abs(nearest.year! - target)) nearest = factor;
  }
  return { factor: nearest, named, published };
}
