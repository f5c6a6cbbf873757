import { z } from 'zod';
import unitsData from '../../data/units.json' with { type: 'json' };
import { editDistance, MAX_HINT_LENGTH } from '../text/closest.ts';

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

/**
 * Characters that scale a unit: Chinese multiples (万, 亿, 百万, 千 …) and SI prefixes (k, M, G, T, m; K read as k).
 * A hint may fix any other character, never one of these: `万百万千焦` is not a typo of `百万千焦` but 10,000 of them.
 */
const MAGNITUDE_MARKS: ReadonlySet<string> = new Set([...'十百千万亿兆吉太', 'k', 'M', 'G', 'T', 'm']);

function magnitudeMarks(spelling: string): string {
  let marks = '';
  for (const char of spelling) {
    const mark = char === 'K' ? 'k' : char;
    if (MAGNITUDE_MARKS.has(mark)) marks += mark;
  }
  return marks;
}

const spellingMarks = new Map<string, string>([...simpleUnits.keys()].map((spelling) => [spelling, magnitudeMarks(spelling)]));

/** Same dimension and the same size: two spellings of one unit, or units that can stand for each other (Gg, kt). */
function sameUnit(a: Unit, b: Unit): boolean {
  return a.dimension === b.dimension && Math.abs(a.toBase - b.toBase) <= 1e-12 * Math.max(a.toBase, b.toBase);
}

/**
 * Whether a spelling is a known one behind multiples (`百公斤`, `万百万千焦` before 万百万千焦 was known): a size the
 * library does not hold, not a typo; any hint would name another size or, one character off, another unit.
 */
function isMultipleOfKnown(spelling: string): boolean {
  const chars = [...spelling];
  for (let i = 1; i < chars.length && MAGNITUDE_MARKS.has(chars[i - 1] === 'K' ? 'k' : chars[i - 1]!); i++) {
    if (simpleUnits.has(chars.slice(i).join(''))) return true;
  }
  return false;
}

/** Whether `typed` is `known` with one character struck twice (`kWhh`, `tt`). */
function doubledKey(typed: string, known: string): boolean {
  if (typed.length !== known.length + 1) return false;
  for (let i = 0; i + 1 < typed.length; i++) {
    if (typed[i] === typed[i + 1] && typed.slice(0, i) + typed.slice(i + 1) === known) return true;
  }
  return false;
}

/**
 * The known simple spelling a mistyped one most likely means, or undefined when none is near or the nearest
 * disagree. Near: at most a third of the input's length in edits (a change of case counts half, a key struck twice
 * three quarters: `tt` is `t` rather than `tC`). Only spellings
 * with the same magnitude marks count, and when the nearest spellings name units of different size or
 * dimension there is no hint: a hint must never change what the number means.
 */
function suggestSimple(spelling: string): string | undefined {
  if (spelling.length > MAX_HINT_LENGTH || isMultipleOfKnown(spelling)) return undefined;
  const marks = magnitudeMarks(spelling);
  const limit = Math.max(1, Math.floor(spelling.length / 3));
  const lowered = spelling.toLowerCase();
  let bestDistance = Infinity;
  let nearest: string[] = [];
  for (const [candidate, candidateMarks] of spellingMarks) {
    if (candidateMarks !== marks || Math.abs(candidate.length - spelling.length) > limit) continue;
    const distance = candidate.toLowerCase() === lowered ? 0.5 : doubledKey(spelling, candidate) ? 0.75 : editDistance(spelling, candidate);
    if (distance < bestDistance) {
      bestDistance = distance;
      nearest = [candidate];
    } else if (distance === bestDistance) {
      nearest.push(candidate);
    }
  }
  const first = nearest[0];
  if (first === undefined || bestDistance > limit) return undefined;
  const unit = simpleUnits.get(first)!;
  return nearest.every((candidate) => sameUnit(simpleUnits.get(candidate)!, unit)) ? first : undefined;
}

/** The known spelling a mistyped one most likely means, for "did you mean" hints; never one of another size or dimension. */
export function suggestUnit(spelling: string): string | undefined {
  const parts = spelling.split('/');
  if (parts.length === 2) {
    const numerator = simpleUnits.has(parts[0]!) ? parts[0] : suggestSimple(parts[0]!);
    const denominator = simpleUnits.has(parts[1]!) ? parts[1] : suggestSimple(parts[1]!);
    return numerator && denominator ? `${numerator}/${denominator}` : undefined;
  }
  return suggestSimple(spelling);
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
