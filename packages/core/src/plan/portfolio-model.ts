import type { TargetBasis, TargetDefinition } from '../pathway/definitions.ts';
import type { PathwayWorkspace } from '../pathway/evaluate.ts';
import type { PlanEvaluator } from './evaluator.ts';
import type { LpModel, LpRow } from './lp.ts';

/**
 * The linear model of a portfolio request: the pathway linearised around a point (what each measure
 * changes, year by year), the targets' rows on it, the budget and dependency rows, and the cuts the
 * relaxation adds. PortfolioOptimiser (optimise.ts) builds and solves these.
 */

/** What the rows need of the optimiser. */
export interface ModelContext {
  readonly evaluator: PlanEvaluator;
  readonly years: number;
  readonly baseYear: number;
  /** Emissions rows are divided by this (the baseline's largest value) to keep the LP well scaled. */
  readonly scale: number;
  readonly maxima: Float64Array;
}

/** The constraints of one request: the plan's, or a subset of them while diagnosing. */
export interface Request {
  readonly targets: readonly TargetDefinition[];
  readonly budget: Float64Array | undefined;
}

export type Goal = 'cost' | { minimise: (lp: LpModel, lin: Linearisation) => void };

export interface Linearisation {
  /** The point (y = x / max) and the pathway there: BASIC, BASIC+ and removals. */
  readonly point: Float64Array;
  readonly basic: Float64Array;
  readonly basicPlus: Float64Array;
  readonly removals: Float64Array;
  /** Per measure: change from y = 0 to y = 1 (the others at the point). */
  readonly dBasic: Float64Array[];
  readonly dBasicPlus: Float64Array[];
  readonly dRemovals: Float64Array[];
  /** China's official quantities at the point (energy-activity CO2, t; total energy and its non-fossil part, tce) and their changes per measure. */
  readonly official: Record<OfficialQuantity, Float64Array>;
  readonly dOfficial: Record<OfficialQuantity, Float64Array[]>;
}

export const OFFICIAL_QUANTITIES = ['energyCo2', 'energy', 'nonFossil'] as const;
export type OfficialQuantity = (typeof OFFICIAL_QUANTITIES)[number];
/** A pathway quantity the rows are written in. */
export type LinearQuantity = 'basic' | 'basicPlus' | OfficialQuantity;

export function levelOf(lin: Linearisation, quantity: LinearQuantity): Float64Array {
  return quantity === 'basic' ? lin.basic : quantity === 'basicPlus' ? lin.basicPlus : lin.official[quantity];
}

export function slopesOf(lin: Linearisation, quantity: LinearQuantity): readonly Float64Array[] {
  return quantity === 'basic' ? lin.dBasic : quantity === 'basicPlus' ? lin.dBasicPlus : lin.dOfficial[quantity];
}

/** The same quantity from an evaluated workspace. */
export function truthOf(ws: PathwayWorkspace, quantity: LinearQuantity): Float64Array {
  return quantity === 'basic' ? ws.basic : quantity === 'basicPlus' ? ws.basicPlus : ws.official[quantity];
}

/** The quantities a target's rows are written in. */
export function quantitiesOf(target: TargetDefinition): LinearQuantity[] {
  if (target.kind === 'nonFossil') return ['energy', 'nonFossil'];
  if (target.kind === 'energyCap' || (target.kind === 'decline' && target.of === 'energyPerGdp')) return ['energy'];
  return [target.basis];
}

/** Headroom the linear rows keep below each limit (scaled), so a solver's rounding never lands just above it. */
export const MARGIN = 1e-9;

/** Emissions on a basis (net of removals for `net-…`) in year t as linear terms over the columns, and the constant. */
export function emissionTerms(ctx: ModelContext, lin: Linearisation, basis: TargetBasis | `net-${TargetBasis}`, t: number, columns: readonly string[], factor = 1): { terms: [string, number][]; constant: number } {
  const net = basis.startsWith('net-');
  return quantityTerms(ctx, lin, (net ? basis.slice(4) : basis) as TargetBasis, t, columns, factor, net);
}

/** A pathway quantity in year t (minus removals when `net`) as linear terms over the columns, and the constant. */
export function quantityTerms(ctx: ModelContext, lin: Linearisation, quantity: LinearQuantity, t: number, columns: readonly string[], factor = 1, net = false): { terms: [string, number][]; constant: number } {
  const level = levelOf(lin, quantity);
  const slopes = slopesOf(lin, quantity);
  const base = level[t]! - (net ? lin.removals[t]! : 0);
  const terms: [string, number][] = [];
  let constant = base;
  columns.forEach((column, m) => {
    const slope = slopes[m]![t]! - (net ? lin.dRemovals[m]![t]! : 0);
    if (slope === 0) return;
    terms.push([column, (slope * factor) / ctx.scale]);
    constant -= slope * lin.point[m]!;
  });
  return { terms, constant: (constant * factor) / ctx.scale };
}

/** The targets' rows on one linearisation; `prefix` tells apart the rows of several (outer approximation). */
export function addTargetRows(ctx: ModelContext, lp: LpModel, lin: Linearisation, request: Request, columns: readonly string[], prefix: string): void {
  const { plan } = ctx.evaluator;
  const { model } = plan.pathway;
  const ws = ctx.evaluator.workspace;
  const years = ctx.years;
  const driverOf = (per: 'gdp' | 'population'): Float64Array => ws.drivers[per === 'gdp' ? model.gdp : model.population]!;
  const params = ctx.evaluator.params;
  const row = (name: string, parts: { terms: [string, number][]; constant: number }[], signs: number[], rhs: number): void => {
    const terms = new Map<string, number>();
    let constant = 0;
    parts.forEach((part, i) => {
      for (const [column, coefficient] of part.terms) terms.set(column, (terms.get(column) ?? 0) + signs[i]! * coefficient);
      constant += signs[i]! * part.constant;
    });
    lp.row({ name, terms: [...terms], sense: '<=', rhs: rhs - constant });
  };
  for (const [index, target] of request.targets.entries()) {
    const k = target.year - ctx.baseYear;
    const basis = target.basis;
    // LP names allow few characters: the target's position names its rows and columns.
    const id = `${prefix}t${index}`;
    switch (target.kind) {
      case 'cap':
        row(`cap_${id}`, [emissionTerms(ctx, lin, basis, k, columns)], [1], params[target.cap]! / ctx.scale - MARGIN);
        break;
      case 'intensity': {
        const driver = driverOf(target.per);
        const allowedShare = 1 - params[target.reduction]!;
        if ('year' in target.reference) {
          const r = target.reference.year - ctx.baseYear;
          const q = (allowedShare * driver[k]!) / driver[r]!;
          row(`int_${id}`, [emissionTerms(ctx, lin, basis, k, columns), emissionTerms(ctx, lin, basis, r, columns, q)], [1, -1], -MARGIN);
        } else {
          row(`int_${id}`, [emissionTerms(ctx, lin, basis, k, columns)], [1], (params[target.reference.value]! * allowedShare * driver[k]!) / ctx.scale - MARGIN);
        }
        break;
      }
      case 'neutrality':
        for (let t = k; t < years; t++) row(`neu_${id}_${t}`, [emissionTerms(ctx, lin, `net-${basis}`, t, columns)], [1], -MARGIN);
        break;
      case 'peak': {
        // Peak by k: some year s ≤ k that no later year exceeds (w_s = 1 picks it).
        if (k >= years - 1) {
          lp.row({ name: `peak_${id}_horizon`, terms: [[columns[0] ?? 'y0', 0]], sense: '>=', rhs: 1 });
          break;
        }
        const picks = Array.from({ length: k + 1 }, (_, s) => lp.column(`w_${id}_${s}`, 0, 1, { binary: true }));
        lp.row({ name: `peak_${id}_one`, terms: picks.map((pick) => [pick, 1] as const), sense: '=', rhs: 1 });
        const bound = bigM(ctx, lin, basis);
        for (let t = k + 1; t < years; t++) {
          for (let s = 0; s <= k; s++) {
            const later = emissionTerms(ctx, lin, basis, t, columns);
            const earlier = emissionTerms(ctx, lin, basis, s, columns);
            const terms = new Map<string, number>(later.terms);
            for (const [column, coefficient] of earlier.terms) terms.set(column, (terms.get(column) ?? 0) - coefficient);
            terms.set(picks[s]!, bound);
            lp.row({ name: `peak_${id}_${t}_${s}`, terms: [...terms], sense: '<=', rhs: bound - MARGIN - (later.constant - earlier.constant) });
          }
        }
        break;
      }
      case 'decline': {
        // Each period's end: quantity ≤ reference intensity × Π(1 − d) × GDP (GDP does not depend on the measures).
        const quantity: LinearQuantity = target.of === 'co2PerGdp' ? basis : 'energy';
        const gdp = driverOf('gdp');
        let kept = 1;
        for (const period of target.periods) {
          kept *= 1 - params[period.reduction]!;
          const p = period.year - ctx.baseYear;
          if ('year' in target.reference) {
            const r = target.reference.year - ctx.baseYear;
            const q = (kept * gdp[p]!) / gdp[r]!;
            row(`dec_${id}_${p}`, [quantityTerms(ctx, lin, quantity, p, columns), quantityTerms(ctx, lin, quantity, r, columns, q)], [1, -1], -MARGIN);
          } else {
            row(`dec_${id}_${p}`, [quantityTerms(ctx, lin, quantity, p, columns)], [1], (params[target.reference.value]! * kept * gdp[p]!) / ctx.scale - MARGIN);
          }
        }
        break;
      }
      case 'nonFossil':
        // share × total energy − non-fossil energy ≤ 0.
        row(`nf_${id}`, [quantityTerms(ctx, lin, 'energy', k, columns, params[target.share]!), quantityTerms(ctx, lin, 'nonFossil', k, columns)], [1, -1], -MARGIN);
        break;
      case 'energyCap':
        row(`ecap_${id}`, [quantityTerms(ctx, lin, 'energy', k, columns)], [1], params[target.cap]! / ctx.scale - MARGIN);
        break;
      default: {
        const unhandled: never = target;
        throw new Error(`unknown target ${String(unhandled)}`);
      }
    }
  }
}

/** Budgets and dependencies: linear in x and exact, the same for every linearisation. */
export function addStructuralRows(ctx: ModelContext, lp: LpModel, request: Request, columns: readonly string[]): void {
  const { plan } = ctx.evaluator;
  const years = ctx.years;
  if (request.budget) {
    const budget = request.budget;
    const peak = Math.max(1, ...Array.from(budget).filter((value) => Number.isFinite(value)));
    for (let t = 0; t < years; t++) {
      if (!Number.isFinite(budget[t]!)) continue;
      const terms = columns.map((column, m) => [column, (ctx.evaluator.costs[m]!.outlay[t]! * ctx.maxima[m]!) / peak] as [string, number]);
      lp.row({ name: `budget_${t}`, terms, sense: '<=', rhs: budget[t]! / peak });
    }
  }
  plan.measures.forEach((measure, m) => {
    for (const other of measure.requires) lp.row({ name: `req_${m}_${other}`, terms: [[columns[m]!, 1], [columns[other]!, -1]], sense: '<=', rhs: 0 });
  });
  // Exclusions hold both ways, whichever of the two measures lists the other: one row per pair.
  const pairs = new Set<string>();
  plan.measures.forEach((measure, m) => {
    for (const other of measure.excludes) {
      const [a, b] = m < other ? [m, other] : [other, m];
      if (pairs.has(`${a}_${b}`)) continue;
      pairs.add(`${a}_${b}`);
      lp.row({ name: `exc_${a}_${b}`, terms: [[columns[a]!, 1], [columns[b]!, 1]], sense: '<=', rhs: 1 });
    }
  });
}

/** A bound on how far apart two years' linear emissions can be (scaled), for the peak's big-M rows. */
export function bigM(ctx: ModelContext, lin: Linearisation, basis: TargetBasis): number {
  const level = levelOf(lin, basis);
  const slopes = slopesOf(lin, basis);
  let spread = Math.max(...level) - Math.min(...level);
  for (const slope of slopes) spread += 2 * Math.max(...slope.map(Math.abs));
  return (spread / ctx.scale) * 2 + 1;
}

/**
 * A bound at a yes/no portfolio S (`y`): the pathway at S, with the slopes of the measures in S from
 * `inside` and of the others from `outside` (each a linearisation whose slopes are what a measure adds).
 */
export function mixed(at: Linearisation, y: Float64Array, inside: Linearisation, outside: Linearisation): Linearisation {
  const pick = (m: number): Linearisation => (y[m]! >= 0.5 ? inside : outside);
  return {
    point: at.point,
    basic: at.basic,
    basicPlus: at.basicPlus,
    removals: at.removals,
    dBasic: at.dBasic.map((_, m) => pick(m).dBasic[m]!),
    dBasicPlus: at.dBasicPlus.map((_, m) => pick(m).dBasicPlus[m]!),
    dRemovals: at.dRemovals.map((_, m) => pick(m).dRemovals[m]!),
    official: at.official,
    dOfficial: {
      energyCo2: at.dOfficial.energyCo2.map((_, m) => pick(m).dOfficial.energyCo2[m]!),
      energy: at.dOfficial.energy.map((_, m) => pick(m).dOfficial.energy[m]!),
      nonFossil: at.dOfficial.nonFossil.map((_, m) => pick(m).dOfficial.nonFossil[m]!),
    },
  };
}

/** Every portfolio inside a refuted one is refuted too (measures only lower emissions): ask for one more measure. */
export function supersetCut(y: Float64Array, index: number): LpRow {
  const outside: [string, number][] = [];
  y.forEach((level, m) => {
    if (level < 0.5) outside.push([`y${m}`, 1]);
  });
  return { name: `cut_${index}`, terms: outside, sense: '>=', rhs: 1 };
}

/** Not this exact yes/no portfolio again. */
export function noGoodCut(y: Float64Array, index: number): LpRow {
  const terms: [string, number][] = [];
  let ones = 0;
  y.forEach((level, m) => {
    if (level >= 0.5) {
      terms.push([`y${m}`, -1]);
      ones++;
    } else terms.push([`y${m}`, 1]);
  });
  return { name: `nogood_${index}`, terms, sense: '>=', rhs: 1 - ones };
}
