import type { Path } from '../../issues/issue.ts';
import type { Fields } from '../../inventory/reader.ts';
import type { GivenValue } from '../../inventory/types.ts';
import { parseUnit, suggestUnit, type Dimension, type Unit } from '../../units/units.ts';
import type { MethodWork } from '../method.ts';

/**
 * Fuel economy is quoted per 100 km and fuel by the litre (百公里油耗 8 L/100km, 百公里电耗 15 kWh/100km),
 * and data/units.json has neither a litre nor a 100 km. These two are understood here, inside a pair's
 * unit only, so that `L/100km`, `kWh/100km`, `L/km` and `kg/L` read as the figures are published.
 */
const LITRE: Unit = { id: 'L', dimension: 'volume', toBase: 0.001, name: { en: 'litre', zh: '升' }, aliases: ['升'] };
const HUNDRED_KM: Unit = { id: '100km', dimension: 'distance', toBase: 100, name: { en: '100 km', zh: '百公里' }, aliases: ['百公里'] };
const LOCAL_UNITS: ReadonlyMap<string, Unit> = new Map(
  [LITRE, HUNDRED_KM].flatMap((unit) => [unit.id, ...unit.aliases].map((spelling): [string, Unit] => [spelling, unit])),
);

function simpleUnit(spelling: string): Unit | undefined {
  const trimmed = spelling.trim();
  return LOCAL_UNITS.get(trimmed) ?? (trimmed.includes('/') ? undefined : parseUnit(trimmed));
}

/** A unit of data/units.json, or a compound of one with a litre or 100 km (`L/100km` = 10⁻⁵ m³/km). */
export function transportUnit(spelling: string): Unit | undefined {
  const known = parseUnit(spelling);
  if (known) return known;
  const parts = spelling.split('/');
  if (parts.length !== 2) return simpleUnit(spelling);
  const numerator = simpleUnit(parts[0]!);
  const denominator = simpleUnit(parts[1]!);
  if (!numerator || !denominator || numerator.dimension === 'dimensionless' || denominator.dimension === 'dimensionless') return undefined;
  return {
    id: `${numerator.id}/${denominator.id}`,
    dimension: `${numerator.dimension}/${denominator.dimension}` as Dimension,
    toBase: numerator.toBase / denominator.toBase,
    name: { en: `${numerator.name.en} per ${denominator.name.en}`, zh: `${numerator.name.zh}/${denominator.name.zh}` },
    aliases: [],
  };
}

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
 * with the transport units above; its dimension must be one of `expected`.
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
  const unit = transportUnit(spelling);
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
