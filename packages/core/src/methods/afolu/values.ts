import type { FactorCriteria } from '../../factors/library.ts';
import type { Fields } from '../../reading/reader.ts';
import type { Path } from '../../issues/issue.ts';
import type { Dimension } from '../../units/units.ts';
import type { MethodWork } from '../method.ts';

export type Label = { en: string; zh: string };

/** The library's default for a value in a nested object (an animal of a list), reported at its own path. */
export function libraryValueAt(work: MethodWork, path: Path, field: string, criteria: FactorCriteria, label: Label): number | undefined {
  return work.libraryValue(field, criteria, label, path)?.toBase;
}

/**
 * A factor with a unit: `field` of `holder` as `{ value, unit }` of the given dimension (listed with
 * the line as its source, under `name`), or else the library's default (stated).
 */
export function factorOrDefault(
  work: MethodWork,
  options: { holder?: Fields; path?: Path; field: string; name?: string; dimension: Dimension; criteria: FactorCriteria; label: Label },
): number | undefined {
  const holder = options.holder ?? work.input.fields;
  const path = options.path ?? work.input.path;
  if (holder[options.field] !== undefined) {
    const given = work.quantity(options.field, [options.dimension], { fields: holder, path });
    if (given) work.listGiven(options.name ?? options.field, given.given);
    return given?.value;
  }
  return libraryValueAt(work, path, options.field, options.criteria, options.label);
}

/** An optional activity quantity (0 when absent), in base units. */
export function optionalQuantity(work: MethodWork, field: string, dimension: Dimension): number | undefined {
  return work.input.fields[field] === undefined ? 0 : work.quantity(field, [dimension])?.value;
}
