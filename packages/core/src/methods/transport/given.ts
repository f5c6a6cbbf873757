import type { Path } from '../../issues/issue.ts';
import type { Fields } from '../../reading/reader.ts';
import type { GivenValue } from '../../reading/reader.ts';
import { parseUnit, suggestUnit, type Dimension } from '../../units/units.ts';
import type { MethodWork } from '../method.ts';

export interface GivenPair {
  /** The value in base units of its dimension (t, m3, GJ, km and their ratios). */
  readonly value: number;
  readonly given: GivenValue;
  /** The pair's own `source`, if it has one. */
  readonly source: string | undefined;
}

const PAIR_FIELDS: ReadonlySet<string> = new Set(['value', 'unit', 'source']);

/**
 * A `{ value, unit, source? }` pair at `holder[key]`, checked as the reader checks `ncv` or `ef.CO2`,
 * its dimension must be one of `expected` (fuel economy reads as published: `L/100km`, `kWh/100km`, `kg/L`).
 */
export function readPair(work: MethodWork, holder: Fields, key: string, path: Path, expected: readonly Dimension[]): GivenPair | undefined {
  const { reader } = work.input;
  const at = [...path, key];
  const pair = reader.object(holder[key], at);
  if (!pair) return undefined;
  reader.onlyFields(pair, PAIR_FIELDS, at);
  const value = reader.number(pair, 'value', at, { required: true });
  const spelling = reader.string(pair, 'unit', at, true);
  const source = reader.string(pair, 'source', at, false);
  if (spelling === undefined) return undefined;
  const unit = parseUnit(spelling);
  if (!unit) {
    reader.report([...at, 'unit'], { code: 'unknown-unit', got: spelling, suggestion: suggestUnit(spelling) });
    return undefined;
  }
  if (!expected.includes(unit.dimension)) {
    reader.report([...at, 'unit'], { code: 'wrong-dimension', unit: unit.id, got: unit.dimension, expected });
    return undefined;
  }
  if (value === undefined) return undefined;
  return { value: value * unit.toBase, given: { value, unit }, source };
}
