import type { FactorCriteria } from '../../factors/library.ts';
import type { MethodWork } from '../method.ts';

export type Label = { en: string; zh: string };

/**
 * An emission factor per tonne of product: the line's `field` as `{ value, unit }` (t/t, kg/t, …),
 * listed with the line as its source, or else the library's default (stated). Without `criteria`
 * there is no default and the field is required.
 */
export function perTonne(work: MethodWork, field: string, criteria: FactorCriteria | undefined, label: Label): number | undefined {
  const { fields, path, reader } = work.input;
  if (fields[field] !== undefined) {
    const given = work.quantity(field, ['mass/mass']);
    if (given) work.listGiven(field, given.given);
    return given?.value;
  }
  if (!criteria) {
    reader.report([...path, field], { code: 'required' });
    return undefined;
  }
  return work.libraryValue(field, criteria, label)?.toBase;
}

/** An optional mass of activity data on the line, in tonnes; 0 when absent. */
export function optionalMass(work: MethodWork, field: string): number | undefined {
  return work.input.fields[field] === undefined ? 0 : work.quantity(field, ['mass'])?.value;
}
