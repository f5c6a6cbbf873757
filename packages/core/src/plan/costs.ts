import type { CostFigure, MoneyTables } from './catalogue.ts';
import { parseUnit, type Unit } from '../units/units.ts';

/** A cost of one unit of a measure in CNY of the plan's price year, with how it was obtained. */
export interface UnitCost {
  /** CNY per unit of the measure (capex), or per unit and year (opex, savings). */
  readonly value: number;
  /** Where the figure comes from and how it was restated ("DD solarpvroof: 2012 USD2014/kW × 6.1428 CNY/USD × CPI 2014→2022 1.1646"). */
  readonly basis: string;
  readonly source: string;
}

export type Restated = { ok: true; cost: UnitCost } | { ok: false; currency: string; year: number };

/**
 * CPI index from one year's prices to another's (China CPI, year-on-year changes chained): 1 when
 * the years are equal; undefined when a year's change is missing.
 */
export function cpiFactor(money: MoneyTables, from: number, to: number): number | undefined {
  let factor = 1;
  const change = (year: number): number | undefined => money.cpiChange.find((entry) => entry.year === year)?.value;
  for (let year = Math.min(from, to) + 1; year <= Math.max(from, to); year++) {
    const pct = change(year);
    if (pct === undefined) return undefined;
    factor *= 1 + pct / 100;
  }
  return from <= to ? factor : 1 / factor;
}

/**
 * A catalogue cost in CNY of `priceYear` per unit of the measure: USD at the price year's average
 * rate, then CNY between years by the CPI; per-unit spellings converted (CNY/W → CNY/kW), and the
 * conventional alternative's cost subtracted where the catalogue gives one (incremental costing).
 */
export function restateCost(cost: CostFigure, measureUnit: Unit, priceYear: number, money: MoneyTables): Restated {
  const per = parseUnit(cost.per);
  if (!per) throw new Error(`catalogue cost per ${cost.per}: unknown unit (the catalogue is validated at load)`);
  const perMeasureUnit = measureUnit.toBase / per.toBase;
  const own = cost.value - (cost.conventional ?? 0);
  let value = own * perMeasureUnit;
  const steps: string[] = [cost.conventional === undefined ? `${cost.value} ${cost.currency}${cost.priceYear}/${cost.per}` : `(${cost.value} − ${cost.conventional} conventional) ${cost.currency}${cost.priceYear}/${cost.per}`];
  if (perMeasureUnit !== 1) steps.push(`× ${perMeasureUnit} ${cost.per} per ${measureUnit.id}`);
  if (cost.currency === 'USD') {
    const rate = money.usdCny.find((entry) => entry.year === cost.priceYear);
    if (!rate) return { ok: false, currency: 'USD', year: cost.priceYear };
    value *= rate.value;
    steps.push(`× ${rate.value} CNY/USD (${cost.priceYear})`);
  }
  const cpi = cpiFactor(money, cost.priceYear, priceYear);
  if (cpi === undefined) return { ok: false, currency: cost.currency, year: cost.priceYear };
  value *= cpi;
  if (cost.priceYear !== priceYear) steps.push(`× CPI ${cost.priceYear}→${priceYear} ${cpi.toFixed(4)}`);
  return { ok: true, cost: { value, basis: `${steps.join(' ')} = ${round(value)} CNY${priceYear}/${measureUnit.id}`, source: cost.source } };
}

const round = (value: number): string => Number(value.toPrecision(6)).toString();

/**
 * The money flows of a measure at full scale (x = 1), year by year from the base year, CNY of the
 * price year (undiscounted): capex when units are installed (growth of the stock in use plus the
 * replacement of units at the end of their life; when fewer units are needed the oldest retire early,
 * not replaced and not credited), opex and savings per unit in use, and the salvage value of the units
 * still in use at the end of the horizon (straight-line over their lifetime).
 * Every flow is linear in the measure's scale x, so a plan's cost is Σ x × these.
 */
export interface CostStreams {
  readonly units: Float64Array;
  readonly installed: Float64Array;
  readonly capex: Float64Array;
  readonly opex: Float64Array;
  readonly savings: Float64Array;
  /** Value left in units still within their life at the end of the last year (counted then, as a negative cost). */
  readonly salvage: number;
}

export function costStreams(units: Float64Array, capex: number, opex: number, savings: number, lifetime: number): CostStreams {
  const years = units.length;
  const installed = new Float64Array(years);
  // Units of each year's installation still in use: they retire at the end of their life, or earlier —
  // oldest first — when fewer are needed (a shrinking stock); a unit retired early is neither replaced
  // nor credited with the value it had left.
  const alive = new Float64Array(years);
  const life = Math.max(1, Math.round(lifetime));
  let inUse = 0;
  for (let y = 0; y < years; y++) {
    if (y - life >= 0) {
      inUse -= alive[y - life]!;
      alive[y - life] = 0;
    }
    const needed = units[y]!;
    for (let vintage = Math.max(0, y - life + 1); inUse > needed + 1e-12 && vintage < y; vintage++) {
      const retired = Math.min(alive[vintage]!, inUse - needed);
      alive[vintage]! -= retired;
      inUse -= retired;
    }
    const added = Math.max(0, needed - inUse);
    installed[y] = added;
    alive[y] = added;
    inUse += added;
  }
  let salvage = 0;
  for (let y = 0; y < years; y++) {
    const usedYears = years - y;
    if (usedYears < life) salvage += alive[y]! * capex * (1 - usedYears / life);
  }
  return {
    units,
    installed,
    capex: installed.map((count) => count * capex),
    opex: units.map((count) => count * opex),
    savings: units.map((count) => count * savings),
    salvage,
  };
}

/** Discount factor of year index y (0 = base year) at rate r: (1 + r)^−y. */
export function discountFactors(years: number, rate: number): Float64Array {
  return Float64Array.from({ length: years }, (_, y) => (1 + rate) ** -y);
}

/** Net present cost of the streams at scale 1: Σ (capex + opex − savings) × d − salvage × d(last). */
export function presentCost(streams: CostStreams, discount: Float64Array): number {
  let total = 0;
  for (let y = 0; y < discount.length; y++) total += (streams.capex[y]! + streams.opex[y]! - streams.savings[y]!) * discount[y]!;
  return total - streams.salvage * discount[discount.length - 1]!;
}

/** Capital recovery factor: the yearly payment that repays 1 over `lifetime` years at `rate`. */
export function capitalRecovery(rate: number, lifetime: number): number {
  if (rate === 0) return 1 / lifetime;
  return rate / (1 - (1 + rate) ** -lifetime);
}
