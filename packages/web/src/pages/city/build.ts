import type { InventoryJson, LineJson } from '@peakpath/core';

/**
 * Pure views of an inventory result (output version 2) for the dashboard's charts: no DOM, no fetch, so
 * each is unit-tested against the result's own totals.
 */

export const SECTORS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export const SCOPES = ['scope1', 'scope2', 'scope3'] as const;

/** The sectors with emissions, with their GPC scope totals (the engine's bySector: scope 1 is every in-boundary emission). */
export function sectorRows(result: InventoryJson): { sector: string; scope1: number; scope2: number; scope3: number; total: number }[] {
  // In GPC order: a result read back from the cache (PostgreSQL jsonb) has its keys in another order.
  const known = new Set<string>(SECTORS);
  const order = [...SECTORS, ...Object.keys(result.bySector).filter((sector) => !known.has(sector)).sort()];
  return order.flatMap((sector) => {
    const totals = result.bySector[sector];
    if (!totals || (totals.scope1 === 0 && totals.scope2 === 0 && totals.scope3 === 0)) return [];
    return [{ sector, scope1: totals.scope1, scope2: totals.scope2, scope3: totals.scope3, total: totals.scope1 + totals.scope2 + totals.scope3 }];
  });
}

const isBasic = (line: LineJson): boolean => line.level === 'BASIC';

/** The GWP a line applied to `gas` (its `gwp.<set>.<gas>…` factor), or undefined when it cites none. */
function gwpOf(line: LineJson, gas: 'ch4' | 'n2o'): number | undefined {
  return line.factors.find((factor) => new RegExp(`^gwp\\.[^.]+\\.${gas}(\\.|$)`).test(factor.id))?.value;
}

export interface GasBreakdown {
  /** t of each gas (mass). */
  readonly mass: { readonly CO2: number; readonly CH4: number; readonly N2O: number };
  /** t CO2e of each gas, by each line's own GWP factor; null when a line with CH4 or N2O cites no GWP. */
  readonly co2e: null | { readonly CO2: number; readonly CH4: number; readonly N2O: number; readonly other: number; readonly unattributed: number };
}

/**
 * BASIC emissions by gas. CO2e per gas is each line's mass times the GWP that line cites (AR6 has two CH4
 * values, so no single GWP would do); what a line's CO2e holds beyond its gases is shown as unattributed,
 * never dropped.
 */
export function gasBreakdown(result: InventoryJson): GasBreakdown {
  const mass = { CO2: 0, CH4: 0, N2O: 0 };
  const co2e = { CO2: 0, CH4: 0, N2O: 0, other: 0, unattributed: 0 };
  let complete = true;
  for (const line of result.lines.filter(isBasic)) {
    mass.CO2 += line.gases.CO2;
    mass.CH4 += line.gases.CH4;
    mass.N2O += line.gases.N2O;
    const ch4 = line.gases.CH4 === 0 ? 0 : gwpOf(line, 'ch4');
    const n2o = line.gases.N2O === 0 ? 0 : gwpOf(line, 'n2o');
    if (ch4 === undefined || n2o === undefined) {
      complete = false;
      continue;
    }
    const attributed = line.gases.CO2 + line.gases.CH4 * ch4 + line.gases.N2O * n2o + (line.otherGasesCo2e ?? 0);
    co2e.CO2 += line.gases.CO2;
    co2e.CH4 += line.gases.CH4 * ch4;
    co2e.N2O += line.gases.N2O * n2o;
    co2e.other += line.otherGasesCo2e ?? 0;
    co2e.unattributed += line.co2e - attributed;
  }
  // Rounding leaves dust of 1e-9 t: only a real remainder is shown.
  if (Math.abs(co2e.unattributed) < 1e-6 * Math.max(1, Math.abs(result.totals.basic))) co2e.unattributed = 0;
  return { mass, co2e: complete ? co2e : null };
}

export interface SankeyNames {
  carrier(line: LineJson, fuel: string | undefined): string;
  sector(sector: string): string;
  scope(scope: number): string;
}

export interface SankeyData {
  readonly nodes: { readonly name: string; readonly depth: number }[];
  readonly links: { readonly source: string; readonly target: string; readonly value: number }[];
}

/**
 * Energy carrier or fuel → GPC sector → scope, in t CO2e, from the BASIC lines with positive emissions
 * (a Sankey cannot draw a removal). `fuels[index]` is the fuel the document's `activities[index]` names.
 */
export function sankeyData(result: InventoryJson, fuels: ReadonlyMap<number, string>, names: SankeyNames): SankeyData {
  const flows = new Map<string, number>();
  const nodes = new Map<string, number>();
  const add = (source: string, sourceDepth: number, target: string, value: number) => {
    nodes.set(source, sourceDepth);
    nodes.set(target, sourceDepth + 1);
    const key = `${source}\u0000${target}`;
    flows.set(key, (flows.get(key) ?? 0) + value);
  };
  for (const line of result.lines) {
    if (!isBasic(line) || !(line.co2e > 0)) continue;
    const sector = names.sector(line.gpc.split('.')[0]!);
    add(names.carrier(line, fuels.get(line.index)), 0, sector, line.co2e);
    add(sector, 1, names.scope(line.scope), line.co2e);
  }
  return {
    nodes: [...nodes].map(([name, depth]) => ({ name, depth })),
    links: [...flows].map(([key, value]) => {
      const [source, target] = key.split('\u0000') as [string, string];
      return { source, target, value };
    }),
  };
}

/** One point per inventory year: of several inventories of one year, the last updated (as the summary picks). */
export function trendPoints<T extends { year: number; updatedAt: string }>(points: readonly T[]): T[] {
  const byYear = new Map<number, T>();
  for (const point of points) {
    const known = byYear.get(point.year);
    if (!known || point.updatedAt > known.updatedAt) byYear.set(point.year, point);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
