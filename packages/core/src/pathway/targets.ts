import type { Path } from '../issues/issue.ts';
import type { Basis, TargetDefinition } from './definitions.ts';
import { bilingualName, entries } from './read-fields.ts';
import type { PathwayReader } from './read-series.ts';

const TARGET_FIELDS: Record<TargetDefinition['kind'], readonly string[]> = {
  peak: ['by'],
  cap: ['year', 'value', 'unit'],
  intensity: ['year', 'per', 'reduction', 'baseYear', 'baseValue'],
  neutrality: ['year'],
};

/**
 * Reads `targets`:
 * - `{ type: peak, by: 2030 }` — emissions peak no later than `by`;
 * - `{ type: cap, year, value, unit }` — emissions in `year` at most `value`;
 * - `{ type: intensity, year, reduction, per: gdp | population, baseYear | baseValue }` — emissions
 *   per unit of GDP (or per person) in `year` at least `reduction` below the reference;
 * - `{ type: neutrality, year }` — emissions minus removals at or below zero from `year` on.
 * Each may say `basis: basic | basicPlus` (BASIC when it does not; stated with the result).
 */
export function readTargets(values: PathwayReader, raw: unknown, baseYear: number): TargetDefinition[] {
  const { reader } = values;
  const targets: TargetDefinition[] = [];
  for (const [id, value] of entries(reader, raw, ['targets'], false)) {
    const path: Path = ['targets', id];
    const fields = reader.object(value, path);
    if (!fields) continue;
    const kind = reader.choice(fields, 'type', path, ['peak', 'cap', 'intensity', 'neutrality'] as const, true);
    if (kind === undefined) continue;
    reader.onlyFields(fields, new Set(['type', 'basis', 'name', 'note', 'source', ...TARGET_FIELDS[kind]]), path);
    reader.string(fields, 'note', path, false);
    reader.string(fields, 'source', path, false);
    const basis: Basis = reader.choice(fields, 'basis', path, ['basic', 'basicPlus'] as const, false) ?? 'basic';
    const name = bilingualName(reader, fields['name'], [...path, 'name'], id);
    const yearOf = (key: string): number | undefined => (fields[key] === undefined ? void reader.report([...path, key], { code: 'required' }) : values.year(fields[key], [...path, key]));
    switch (kind) {
      case 'peak': {
        const year = yearOf('by');
        if (year !== undefined) targets.push({ id, name, basis, kind, year });
        break;
      }
      case 'neutrality': {
        const year = yearOf('year');
        if (year !== undefined) targets.push({ id, name, basis, kind, year });
        break;
      }
      case 'cap': {
        const year = yearOf('year');
        const unit = values.unit(fields, path, ['emissions', 'mass']);
        const cap = fields['value'] === undefined ? void reader.report([...path, 'value'], { code: 'required' }) : unit && values.parameter(fields['value'], [...path, 'value'], { percent: false, scale: unit.toBase });
        if (year !== undefined && cap !== undefined) targets.push({ id, name, basis, kind, year, cap });
        break;
      }
      case 'intensity': {
        const year = yearOf('year');
        const per = reader.choice(fields, 'per', path, ['gdp', 'population'] as const, false) ?? 'gdp';
        const reduction = fields['reduction'] === undefined ? void reader.report([...path, 'reduction'], { code: 'required' }) : values.parameter(fields['reduction'], [...path, 'reduction'], { percent: true, min: 0, max: 1 });
        let reference: { year: number } | { value: number; label: string } | undefined;
        if (fields['baseYear'] !== undefined && fields['baseValue'] !== undefined) reader.report(path, { code: 'conflict', fields: ['baseYear', 'baseValue'] });
        else if (fields['baseValue'] !== undefined) {
          const at = [...path, 'baseValue'];
          const given = reader.given(fields, 'baseValue', path);
          const expected = per === 'gdp' ? ['emissions/money', 'mass/money'] : ['emissions/population', 'mass/population'];
          if (given && !expected.includes(given.unit.dimension)) reader.report([...at, 'unit'], { code: 'wrong-dimension', unit: given.unit.id, got: given.unit.dimension, expected });
          else if (given) reference = { value: values.params.add([...at, 'value'], given.value * given.unit.toBase, { scale: given.unit.toBase, min: 0 }), label: `${given.value} ${given.unit.id}${given.source ? ` (${given.source})` : ''}` };
        } else {
          const from = fields['baseYear'] === undefined ? baseYear : values.year(fields['baseYear'], [...path, 'baseYear']);
          if (from !== undefined) reference = { year: from };
        }
        if (year !== undefined && reduction !== undefined && reference !== undefined) targets.push({ id, name, basis, kind, year, per, reduction, reference });
        break;
      }
      default: {
        const unhandled: never = kind;
        throw new Error(`unknown target ${String(unhandled)}`);
      }
    }
  }
  return targets;
}

/** The pathway figures a target is judged on (base units; one value per year from the base year). */
export interface TargetInputs {
  readonly baseYear: number;
  readonly basic: ArrayLike<number>;
  readonly basicPlus: ArrayLike<number>;
  readonly removals: ArrayLike<number>;
  readonly population: ArrayLike<number>;
  readonly gdp: ArrayLike<number>;
}

export interface TargetOutcome {
  readonly met: boolean;
  /** Emissions above what the target allows, per year (tCO2e; negative = headroom); null where the target says nothing. */
  readonly gap: (number | null)[];
}

/** Values within this relative distance of each other count as equal (float noise is not a trend). */
const TOLERANCE = 1e-9;

/**
 * The peak: the first year emissions reach their highest value within the horizon, provided that
 * year is not the last — so emissions never exceed it afterwards, and a bump followed by a higher
 * value is not a peak. Null when the highest value is in the last year (still rising at the horizon).
 */
export function findPeak(series: ArrayLike<number>, baseYear: number): { year: number | null; value: number | null } {
  let best = 0;
  for (let y = 1; y < series.length; y++) if (series[y]! > series[best]! + TOLERANCE * Math.abs(series[best]!)) best = y;
  if (best === series.length - 1) return { year: null, value: null };
  return { year: baseYear + best, value: series[best]! };
}

export function judgeTarget(target: TargetDefinition, inputs: TargetInputs, params: Float64Array): TargetOutcome {
  const emissions = target.basis === 'basic' ? inputs.basic : inputs.basicPlus;
  const gap: (number | null)[] = new Array<number | null>(emissions.length).fill(null);
  return { met: targetMet(target, inputs, params, gap), gap };
}

/**
 * Whether a target is met; the gap of each year it speaks of is written into `gap` when given (a
 * Monte Carlo run asks only whether, and allocates nothing).
 */
export function targetMet(target: TargetDefinition, inputs: TargetInputs, params: Float64Array, gap?: (number | null)[]): boolean {
  const emissions = target.basis === 'basic' ? inputs.basic : inputs.basicPlus;
  const years = emissions.length;
  const at = target.year - inputs.baseYear;
  const within = (value: number, scale: number): boolean => value <= TOLERANCE * Math.abs(scale);
  switch (target.kind) {
    case 'peak': {
      let highest = -Infinity;
      for (let y = 0; y <= at; y++) highest = Math.max(highest, emissions[y]!);
      let met = true;
      for (let y = at + 1; y < years; y++) {
        const over = emissions[y]! - highest;
        if (gap) gap[y] = Math.max(0, over);
        if (!within(over, highest)) met = false;
      }
      // A target at the horizon's last year cannot be judged met: emissions may still be rising.
      return met && at < years - 1;
    }
    case 'cap': {
      const cap = params[target.cap]!;
      if (gap) for (let y = 0; y < years; y++) gap[y] = emissions[y]! - cap;
      return within(emissions[at]! - cap, cap);
    }
    case 'intensity': {
      const driver = target.per === 'gdp' ? inputs.gdp : inputs.population;
      const reference = 'year' in target.reference ? emissions[target.reference.year - inputs.baseYear]! / driver[target.reference.year - inputs.baseYear]! : params[target.reference.value]!;
      const allowed = reference * (1 - params[target.reduction]!);
      if (gap) for (let y = 0; y < years; y++) gap[y] = emissions[y]! - allowed * driver[y]!;
      return within(emissions[at]! - allowed * driver[at]!, emissions[at]!);
    }
    case 'neutrality': {
      let met = true;
      for (let y = 0; y < years; y++) {
        const net = emissions[y]! - inputs.removals[y]!;
        if (gap) gap[y] = net;
        if (y >= at && !within(net, emissions[y]!)) met = false;
      }
      return met;
    }
    default: {
      const unhandled: never = target;
      throw new Error(`unknown target ${String(unhandled)}`);
    }
  }
}
