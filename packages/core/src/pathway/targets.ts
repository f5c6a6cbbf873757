import type { Path } from '../issues/issue.ts';
import { GJ_PER_TCE } from '../accounting/statements.ts';
import type { TargetBasis, TargetDefinition } from './definitions.ts';
import { bilingualName, entries } from './read-fields.ts';
import type { PathwayReader } from './read-series.ts';

const TARGET_FIELDS: Record<TargetDefinition['kind'], readonly string[]> = {
  peak: ['by'],
  cap: ['year', 'value', 'unit'],
  intensity: ['year', 'per', 'reduction', 'baseYear', 'baseValue'],
  neutrality: ['year'],
  decline: ['of', 'from', 'baseValue', 'periods'],
  nonFossil: ['year', 'share'],
  energyCap: ['year', 'value', 'unit'],
};
const TARGET_KINDS = ['peak', 'cap', 'intensity', 'neutrality', 'decline', 'nonFossil', 'energyCap'] as const;
/** Kinds judged on the official energy total: their basis is `energyCo2` whatever the city. */
const ENERGY_KINDS: ReadonlySet<string> = new Set(['nonFossil', 'energyCap']);

/**
 * Reads `targets`:
 * - `{ type: peak, by: 2030 }` — emissions peak no later than `by`;
 * - `{ type: cap, year, value, unit }` — emissions in `year` at most `value`;
 * - `{ type: intensity, year, reduction, per: gdp | population, baseYear | baseValue }` — emissions
 *   per unit of GDP (or per person) in `year` at least `reduction` below the reference;
 * - `{ type: neutrality, year }` — emissions minus removals at or below zero from `year` on;
 * - `{ type: decline, of: co2PerGdp | energyPerGdp, from, baseValue?, periods: { 2025: 18%, 2030: 17% } }` —
 *   the intensity down by each period's reduction, chained multiplicatively (`baseValue` required
 *   when `from` precedes the pathway's base year, refused otherwise);
 * - `{ type: nonFossil, year, share }` — non-fossil share of total energy at least `share`;
 * - `{ type: energyCap, year, value, unit }` — total energy (official) at most `value`.
 * Each may say `basis: basic | basicPlus | energyCo2`; without it, `energyCo2` for a Chinese city,
 * BASIC elsewhere (stated with the result). Energy targets are on the official total (`energyCo2`).
 */
export function readTargets(values: PathwayReader, raw: unknown, baseYear: number, chinese: boolean): TargetDefinition[] {
  const { reader } = values;
  const targets: TargetDefinition[] = [];
  for (const [id, value] of entries(reader, raw, ['targets'], false)) {
    const path: Path = ['targets', id];
    const fields = reader.object(value, path);
    if (!fields) continue;
    const kind = reader.choice(fields, 'type', path, TARGET_KINDS, true);
    if (kind === undefined) continue;
    reader.onlyFields(fields, new Set(['type', 'basis', 'name', 'note', 'source', ...TARGET_FIELDS[kind]]), path);
    reader.string(fields, 'note', path, false);
    reader.string(fields, 'source', path, false);
    const given: TargetBasis | undefined = reader.choice(fields, 'basis', path, ['basic', 'basicPlus', 'energyCo2'] as const, false);
    const energyOnly = ENERGY_KINDS.has(kind) || (kind === 'decline' && fields['of'] === 'energyPerGdp');
    if (energyOnly && given !== undefined && given !== 'energyCo2') reader.report([...path, 'basis'], { code: 'not-applicable', field: 'basis', reason: 'official-energy' });
    const basis: TargetBasis = energyOnly ? 'energyCo2' : (given ?? (chinese ? 'energyCo2' : 'basic'));
    const basisDefault = given === undefined && !energyOnly;
    const name = bilingualName(reader, fields['name'], [...path, 'name'], id);
    const common = { id, name, basis, basisDefault };
    const yearOf = (key: string): number | undefined => (fields[key] === undefined ? void reader.report([...path, key], { code: 'required' }) : values.year(fields[key], [...path, key]));
    switch (kind) {
      case 'peak': {
        const year = yearOf('by');
        if (year !== undefined) targets.push({ ...common, kind, year });
        break;
      }
      case 'neutrality': {
        const year = yearOf('year');
        if (year !== undefined) targets.push({ ...common, kind, year });
        break;
      }
      case 'cap': {
        const year = yearOf('year');
        const unit = values.unit(fields, path, ['emissions', 'mass']);
        const cap = fields['value'] === undefined ? void reader.report([...path, 'value'], { code: 'required' }) : unit && values.parameter(fields['value'], [...path, 'value'], { percent: false, scale: unit.toBase });
        if (year !== undefined && cap !== undefined) targets.push({ ...common, kind, year, cap });
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
          // (The same reading serves decline targets below.)
          if (given && !expected.includes(given.unit.dimension)) reader.report([...at, 'unit'], { code: 'wrong-dimension', unit: given.unit.id, got: given.unit.dimension, expected });
          else if (given) reference = { value: values.params.add([...at, 'value'], given.value * given.unit.toBase, { scale: given.unit.toBase, min: 0 }), label: `${given.value} ${given.unit.id}${given.source ? ` (${given.source})` : ''}` };
        } else {
          const from = fields['baseYear'] === undefined ? baseYear : values.year(fields['baseYear'], [...path, 'baseYear']);
          if (from !== undefined) reference = { year: from };
        }
        if (year !== undefined && reduction !== undefined && reference !== undefined) targets.push({ ...common, kind, year, per, reduction, reference });
        break;
      }
      case 'decline': {
        const target = readDecline(values, fields, path, baseYear);
        if (target) targets.push({ ...common, kind, ...target });
        break;
      }
      case 'nonFossil': {
        const year = yearOf('year');
        const share = fields['share'] === undefined ? void reader.report([...path, 'share'], { code: 'required' }) : values.parameter(fields['share'], [...path, 'share'], { percent: true, min: 0, max: 1 });
        if (year !== undefined && share !== undefined) targets.push({ ...common, kind, year, share });
        break;
      }
      case 'energyCap': {
        const year = yearOf('year');
        const unit = values.unit(fields, path, ['energy']);
        // In tce, as the official total is.
        const cap = fields['value'] === undefined ? void reader.report([...path, 'value'], { code: 'required' }) : unit && values.parameter(fields['value'], [...path, 'value'], { percent: false, scale: unit.toBase / GJ_PER_TCE });
        if (year !== undefined && cap !== undefined) targets.push({ ...common, kind, year, cap });
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

/** A decline target's fields: what declines, from when (and the reference when that precedes the inventory), by how much per period. */
function readDecline(values: PathwayReader, fields: Record<string, unknown>, path: Path, baseYear: number): Omit<Extract<TargetDefinition, { kind: 'decline' }>, 'id' | 'name' | 'basis' | 'basisDefault' | 'kind'> | undefined {
  const { reader } = values;
  const of = reader.choice(fields, 'of', path, ['co2PerGdp', 'energyPerGdp'] as const, true);
  const raw = fields['from'];
  const from = typeof raw === 'number' && Number.isInteger(raw) ? raw : raw === undefined ? void reader.report([...path, 'from'], { code: 'required' }) : void reader.report([...path, 'from'], { code: 'type', expected: 'integer', got: typeof raw });
  let reference: { year: number } | { value: number; label: string } | undefined;
  if (from !== undefined && from < baseYear) {
    // A reference before the inventory's year (2020 for the 14th FYP): the pathway cannot compute it.
    if (fields['baseValue'] === undefined) reader.report([...path, 'baseValue'], { code: 'decline-base-before', from, baseYear });
    else if (of !== undefined) {
      const at = [...path, 'baseValue'];
      const given = reader.given(fields, 'baseValue', path);
      const expected = of === 'co2PerGdp' ? ['emissions/money', 'mass/money'] : ['energy/money'];
      if (given && !expected.includes(given.unit.dimension)) reader.report([...at, 'unit'], { code: 'wrong-dimension', unit: given.unit.id, got: given.unit.dimension, expected });
      else if (given) {
        // Energy per GDP in tce per CNY, as the official total is in tce.
        const scale = of === 'energyPerGdp' ? given.unit.toBase / GJ_PER_TCE : given.unit.toBase;
        reference = { value: values.params.add([...at, 'value'], given.value * scale, { scale, min: 0 }), label: `${given.value} ${given.unit.id}${given.source ? ` (${given.source})` : ''}` };
      }
    }
  } else if (from !== undefined) {
    if (fields['baseValue'] !== undefined) reader.report([...path, 'baseValue'], { code: 'conflict', fields: ['from', 'baseValue'] });
    else if (values.year(from, [...path, 'from']) !== undefined) reference = { year: from };
  }
  const periods: { year: number; reduction: number }[] = [];
  const map = fields['periods'] === undefined ? void reader.report([...path, 'periods'], { code: 'required' }) : reader.object(fields['periods'], [...path, 'periods']);
  if (map) {
    for (const key of Object.keys(map)) {
      const at = [...path, 'periods', key];
      const year = values.year(key, at, Math.max(baseYear, (from ?? baseYear) + 1));
      const reduction = values.parameter(map[key], at, { percent: true, min: 0, max: 1 });
      if (year !== undefined && reduction !== undefined) periods.push({ year, reduction });
    }
    if (Object.keys(map).length === 0) reader.report([...path, 'periods'], { code: 'required' });
  }
  periods.sort((a, b) => a.year - b.year);
  if (of === undefined || from === undefined || reference === undefined || periods.length === 0 || periods.length !== Object.keys(map ?? {}).length) return undefined;
  return { year: periods[periods.length - 1]!.year, of, from, reference, periods };
}

/** The cumulative decline of chained periods: 1 − Π(1 − d_i) (−18 % then −17 % is −31.94 %). */
export function chainedDecline(reductions: readonly number[]): number {
  return 1 - reductions.reduce((kept, reduction) => kept * (1 - reduction), 1);
}

/** The pathway figures a target is judged on (base units; one value per year from the base year). */
export interface TargetInputs {
  readonly baseYear: number;
  readonly basic: ArrayLike<number>;
  readonly basicPlus: ArrayLike<number>;
  readonly removals: ArrayLike<number>;
  readonly population: ArrayLike<number>;
  readonly gdp: ArrayLike<number>;
  /** Official basis: energy-activity CO2 (t), total energy and its non-fossil part (tce). */
  readonly energyCo2: ArrayLike<number>;
  readonly energy: ArrayLike<number>;
  readonly nonFossil: ArrayLike<number>;
}

/** The series a target's basis judges: BASIC, BASIC+ or energy-activity CO2. */
export function basisSeries(basis: TargetBasis, inputs: TargetInputs): ArrayLike<number> {
  return basis === 'basic' ? inputs.basic : basis === 'basicPlus' ? inputs.basicPlus : inputs.energyCo2;
}

export interface TargetOutcome {
  readonly met: boolean;
  /** The quantity above what the target allows, per year (in `gapUnit`; negative = headroom); null where the target says nothing. */
  readonly gap: (number | null)[];
  /** tCO2e on a GPC basis, tCO2 on energyCo2, tce for energy targets (non-fossil: the non-fossil tce missing). */
  readonly gapUnit: 'tCO2e' | 'tCO2' | 'tce';
}

/** The unit of a target's gap. */
export function gapUnit(target: TargetDefinition): TargetOutcome['gapUnit'] {
  if (target.kind === 'nonFossil' || target.kind === 'energyCap' || (target.kind === 'decline' && target.of === 'energyPerGdp')) return 'tce';
  return target.basis === 'energyCo2' ? 'tCO2' : 'tCO2e';
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
  const gap: (number | null)[] = new Array<number | null>(inputs.basic.length).fill(null);
  return { met: targetMet(target, inputs, params, gap), gap, gapUnit: gapUnit(target) };
}

/**
 * Whether a target is met; the gap of each year it speaks of is written into `gap` when given (a
 * Monte Carlo run asks only whether, and allocates nothing).
 */
export function targetMet(target: TargetDefinition, inputs: TargetInputs, params: Float64Array, gap?: (number | null)[]): boolean {
  const emissions = basisSeries(target.basis, inputs);
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
    case 'decline': {
      const quantity = target.of === 'co2PerGdp' ? emissions : inputs.energy;
      const reference = 'year' in target.reference ? quantity[target.reference.year - inputs.baseYear]! / inputs.gdp[target.reference.year - inputs.baseYear]! : params[target.reference.value]!;
      let kept = 1;
      let met = true;
      for (const period of target.periods) {
        kept *= 1 - params[period.reduction]!;
        const y = period.year - inputs.baseYear;
        const over = quantity[y]! - reference * kept * inputs.gdp[y]!;
        if (gap) gap[y] = over;
        if (!within(over, quantity[y]!)) met = false;
      }
      return met;
    }
    case 'nonFossil': {
      const share = params[target.share]!;
      // The non-fossil energy missing for the share: share × total − non-fossil.
      if (gap) for (let y = 0; y < years; y++) gap[y] = share * inputs.energy[y]! - inputs.nonFossil[y]!;
      return within(share * inputs.energy[at]! - inputs.nonFossil[at]!, inputs.energy[at]!);
    }
    case 'energyCap': {
      const cap = params[target.cap]!;
      if (gap) for (let y = 0; y < years; y++) gap[y] = inputs.energy[y]! - cap;
      return within(inputs.energy[at]! - cap, cap);
    }
    default: {
      const unhandled: never = target;
      throw new Error(`unknown target ${String(unhandled)}`);
    }
  }
}
