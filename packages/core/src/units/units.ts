import { z } from 'zod';
import unitsData from '../../data/units.json' with { type: 'json' };
import { closest } from '../text/closest.ts';

/** The base dimensions a quantity can have; each has one base unit (see data/units.json). */
export const BASE_DIMENSIONS = [
  'mass',
  'volume',
  'energy',
  'carbon',
  'emissions',
  'money',
  'population',
  'head',
  'count',
  'area',
  'distance',
  'time',
  'power',
  'dimensionless',
] as const;
export type BaseDimension = (typeof BASE_DIMENSIONS)[number];
/** A factor unit such as `GJ/t` has the dimension `energy/mass`. */
export type Dimension = BaseDimension | `${BaseDimension}/${BaseDimension}`;

export interface Unit {
  /** The canonical spelling, e.g. `万t` or `GJ/t`. */
  readonly id: string;
  readonly dimension: Dimension;
  /** Multiply a value in this unit by `toBase` to get the dimension's base unit (t, m3, GJ, tC, tCO2e, CNY, person). */
  readonly toBase: number;
  readonly name: { readonly en: string; readonly zh: string };
  /** Other accepted spellings (Chinese, English). */
  readonly aliases: readonly string[];
}

const unitSchema = z
  .object({
    id: z.string().min(1),
    dimension: z.enum(BASE_DIMENSIONS),
    toBase: z.number().positive(),
    aliases: z.array(z.string().min(1)),
    name: z.object({ en: z.string().min(1), zh: z.string().min(1) }),
  })
  .strict();

function loadSimpleUnits(): ReadonlyMap<string, Unit> {
  const parsed = z.object({ units: z.array(unitSchema) }).parse(unitsData);
  const bySpelling = new Map<string, Unit>();
  for (const unit of parsed.units) {
    for (const spelling of [unit.id, ...unit.aliases]) {
      if (bySpelling.has(spelling)) throw new Error(`data/units.json: spelling "${spelling}" is defined twice`);
      if (spelling.includes('/')) throw new Error(`data/units.json: "${spelling}" must not contain "/"`);
      bySpelling.set(spelling, unit);
    }
  }
  return bySpelling;
}

const simpleUnits = loadSimpleUnits();
const compoundCache = new Map<string, Unit>();

/** Every simple unit once, in the order of data/units.json. */
export function listUnits(): readonly Unit[] {
  return [...new Set(simpleUnits.values())];
}

/**
 * The unit a spelling names, or undefined. Accepts every spelling of data/units.json and compound
 * factor units `A/B` of two of them (`GJ/t`, `MJ/m3`, `kg/TJ`, `tC/TJ`, `t/MWh`, `吨/万立方米`, …).
 */
export function parseUnit(spelling: string): Unit | undefined {
  const exact = simpleUnits.get(spelling) ?? compoundCache.get(spelling);
  if (exact) return exact;
  const trimmed = spelling.trim();
  const simple = simpleUnits.get(trimmed);
  if (simple) return simple;
  const cached = compoundCache.get(trimmed);
  if (cached) return cached;
  const parts = trimmed.split('/');
  if (parts.length !== 2) return undefined;
  const numerator = simpleUnits.get(parts[0]!.trim());
  const denominator = simpleUnits.get(parts[1]!.trim());
  if (!numerator || !denominator) return undefined;
  if (numerator.dimension === 'dimensionless' || denominator.dimension === 'dimensionless') return undefined;
  const unit: Unit = {
    id: `${numerator.id}/${denominator.id}`,
    dimension: `${numerator.dimension}/${denominator.dimension}` as Dimension,
    toBase: numerator.toBase / denominator.toBase,
    name: { en: `${numerator.name.en} per ${denominator.name.en}`, zh: `${numerator.name.zh}/${denominator.name.zh}` },
    aliases: [],
  };
  compoundCache.set(trimmed, unit);
  return unit;
}

/** The known spelling closest to a mistyped one, for "did you mean" hints. */
export function suggestUnit(spelling: string): string | undefined {
  const parts = spelling.split('/');
  const spellings = [...simpleUnits.keys()];
  if (parts.length === 2) {
    const numerator = simpleUnits.has(parts[0]!) ? parts[0] : closest(parts[0]!, spellings);
    const denominator = simpleUnits.has(parts[1]!) ? parts[1] : closest(parts[1]!, spellings);
    return numerator && denominator ? `${numerator}/${denominator}` : undefined;
  }
  return closest(spelling, spellings);
}

/** Raised when a quantity is converted to a unit of another dimension. */
export class DimensionMismatchError extends Error {
  constructor(
    readonly quantity: string,
    readonly from: Unit,
    readonly to: Unit,
  ) {
    super(`${quantity}: cannot convert ${from.id} (${from.dimension}) to ${to.id} (${to.dimension})`);
    this.name = 'DimensionMismatchError';
  }
}

/** Converts `value` from one unit to another of the same dimension; `quantity` names it in the error. */
export function convert(value: number, from: Unit, to: Unit, quantity = 'value'): number {
  if (from.dimension !== to.dimension) throw new DimensionMismatchError(quantity, from, to);
  return from === to ? value : (value * from.toBase) / to.toBase;
}

/** Looks a unit up by spelling and fails loudly: for units the code itself names. */
export function unit(spelling: string): Unit {
  const found = parseUnit(spelling);
  if (!found) throw new Error(`unknown unit "${spelling}"`);
  return found;
}
