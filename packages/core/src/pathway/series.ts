import type { Slot } from './params.ts';

/**
 * A yearly series, compiled: for each year of the horizon the slots it reads and how it combines
 * them, worked out once when the file is compiled, so evaluating a series is one pass of a few
 * multiplications per year.
 *
 * - `growth`:     v[y] = v[y−1] × (1 + rate[y]); the rate of each year is the slot of its period.
 * - `points`:     between two points, linear (v = a + (b − a)·w) or geometric (v = a^(1−w) · b^w,
 *                 constant growth between the points); after the last point the value holds.
 * - `elasticity`: v[y] = v[y−1] × (d[y] / d[y−1])^e[y], d another series (a driver).
 * - `share`:      v[y] = share[y] × d[y], the share a series of its own.
 * - `constant`:   v[y] = base.
 */
export type SeriesProgram =
  | { readonly kind: 'constant'; readonly base: Slot }
  | { readonly kind: 'growth'; readonly base: Slot; readonly rate: Int32Array }
  | {
      readonly kind: 'points';
      readonly geometric: boolean;
      readonly from: Int32Array;
      readonly to: Int32Array;
      readonly weight: Float64Array;
    }
  | { readonly kind: 'elasticity'; readonly base: Slot; readonly of: number; readonly elasticity: Int32Array }
  | { readonly kind: 'share'; readonly of: number; readonly share: SeriesProgram };

/** Evaluates a series into `out` (one value per year); `drivers` holds the driver series it may refer to. */
export function evaluateSeries(program: SeriesProgram, params: Float64Array, out: Float64Array, drivers: readonly Float64Array[]): void {
  const years = out.length;
  switch (program.kind) {
    case 'constant': {
      out.fill(params[program.base]!);
      return;
    }
    case 'growth': {
      let value = params[program.base]!;
      out[0] = value;
      const rate = program.rate;
      for (let y = 1; y < years; y++) {
        value *= 1 + params[rate[y]!]!;
        out[y] = value;
      }
      return;
    }
    case 'points': {
      const { from, to, weight } = program;
      if (program.geometric) {
        for (let y = 0; y < years; y++) {
          const w = weight[y]!;
          const a = params[from[y]!]!;
          out[y] = w === 0 ? a : a ** (1 - w) * params[to[y]!]! ** w;
        }
      } else {
        for (let y = 0; y < years; y++) {
          const a = params[from[y]!]!;
          out[y] = a + (params[to[y]!]! - a) * weight[y]!;
        }
      }
      return;
    }
    case 'elasticity': {
      const driver = drivers[program.of]!;
      let value = params[program.base]!;
      out[0] = value;
      for (let y = 1; y < years; y++) {
        value *= (driver[y]! / driver[y - 1]!) ** params[program.elasticity[y]!]!;
        out[y] = value;
      }
      return;
    }
    case 'share': {
      evaluateSeries(program.share, params, out, drivers);
      const driver = drivers[program.of]!;
      for (let y = 0; y < years; y++) out[y]! *= driver[y]!;
      return;
    }
    default: {
      const unhandled: never = program;
      throw new Error(`unknown series ${String(unhandled)}`);
    }
  }
}

/** The slot of each year for values given by period (`{ 2023: 5%, 2031: 4% }` applies 5% to 2023–2030). */
export function periodSlots(baseYear: number, years: number, periods: readonly { from: number; slot: Slot }[]): Int32Array {
  const sorted = [...periods].sort((a, b) => a.from - b.from);
  const slots = new Int32Array(years).fill(-1);
  let at = -1;
  for (let y = 0; y < years; y++) {
    while (at + 1 < sorted.length && sorted[at + 1]!.from <= baseYear + y) at++;
    if (at >= 0) slots[y] = sorted[at]!.slot;
  }
  return slots;
}

/** For each year, the two points around it and the weight of the later one; after the last point, the last. */
export function pointWeights(baseYear: number, years: number, points: readonly { year: number; slot: Slot }[]): { from: Int32Array; to: Int32Array; weight: Float64Array } {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const from = new Int32Array(years);
  const to = new Int32Array(years);
  const weight = new Float64Array(years);
  let at = 0;
  for (let y = 0; y < years; y++) {
    const year = baseYear + y;
    while (at + 1 < sorted.length && sorted[at + 1]!.year <= year) at++;
    const a = sorted[at]!;
    const b = sorted[at + 1];
    from[y] = a.slot;
    if (b === undefined || year <= a.year) {
      to[y] = a.slot;
      weight[y] = 0;
    } else {
      to[y] = b.slot;
      weight[y] = (year - a.year) / (b.year - a.year);
    }
  }
  return { from, to, weight };
}
