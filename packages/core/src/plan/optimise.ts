import { checkCancelled, type CancelSignal } from '../control/cancel.ts';
import type { PathwayWorkspace } from '../pathway/evaluate.ts';
import { targetMet, type TargetInputs } from '../pathway/targets.ts';
import type { PlanEvaluator } from './evaluator.ts';
import { LpModel, type LpRow, type LpSolver } from './lp.ts';
import { diagnose } from './diagnose.ts';
import { addStructuralRows, addTargetRows, levelOf, mixed, noGoodCut, OFFICIAL_QUANTITIES, quantitiesOf, slopesOf, supersetCut, truthOf, type Goal, type Linearisation, type ModelContext, type Request } from './portfolio-model.ts';

/**
 * Least-cost portfolio: adoption scales x (0 … `max`, or 0 / `max` for a yes/no measure) that
 * minimise the net present cost of the measures subject to the plan's targets (peak by a year, caps,
 * intensity, neutrality), yearly budgets, adoption limits and dependencies.
 *
 * The pathway is not linear in x (two cuts on one sector multiply), so the solver works on a linear
 * model of it and checks every answer on the real pathway:
 * - emissions are linearised around a point p by secants: each measure's effect is the pathway with
 *   it at its maximum minus the pathway without it, the others at p — exact at p, and exact
 *   everywhere when measures do not interact;
 * - yes/no measures only, with caps, neutrality and intensity against a fixed reference: the
 *   linearisation at p = 0 credits each measure with all it avoids alone, which over-counts when
 *   measures overlap, so it is a relaxation; its optimum is the true optimum as soon as the pathway
 *   confirms it, and a portfolio the pathway refutes is cut off together with every smaller one
 *   (a measure only lowers emissions), until one is confirmed (`relaxation`);
 * - otherwise (continuous measures, or a peak target, which compares years), sequential
 *   linearisation: solve, move p to the answer, solve again, until the answer repeats; the best
 *   answer the pathway confirms is kept (`sequential`).
 */
export interface PortfolioSolution {
  /**
   * `optimal`: proven the cheapest, to within `gap`; `feasible`: meets every constraint, not proven the
   * cheapest (the measures interact, or a limit stopped the search: `limit`); `infeasible`: none found.
   */
  readonly status: 'optimal' | 'feasible' | 'infeasible';
  readonly method: 'relaxation' | 'sequential';
  /**
   * Proven relative gap: the portfolio costs at most this share more than the cheapest (`(cost − bound) / |cost|`
   * of the solve it comes from; the relaxation's bound is below the true cheapest, so it bounds that too).
   * Null when nothing is proven (the sequential search, or a portfolio the last solve did not produce).
   */
  readonly gap: number | null;
  /**
   * The limit that stopped the search before it ended on its own: `time` (the optimisation's `seconds`, or a
   * solve's `solverSeconds` with the solver's best answer so far). The portfolio is then the best the pathway
   * confirmed by then; an `infeasible` status says only that none was found in time.
   */
  readonly limit?: TimeLimit;
  /** Adoption scale per measure (in the plan's order). */
  readonly x: Float64Array;
  /** Net present cost, CNY. */
  readonly cost: number;
  /** Solver calls made. */
  readonly iterations: number;
  /** Largest |linear − pathway| emissions at the portfolio over the years of the bases its targets use, relative to the baseline's largest value. */
  readonly linearisationError: number;
  readonly infeasible?: Infeasibility;
}

/** The time limit that stopped a search: the optimisation's `seconds`, or one solve's `solverSeconds`. */
export interface TimeLimit {
  readonly kind: 'time';
  readonly seconds: number;
}

export interface Infeasibility {
  /** A smallest set of the request's constraints that cannot hold together (`target:<id>`, `budget`). */
  readonly conflicting: readonly string[];
  /** For each conflicting constraint, the best the measures reach with the request's other constraints dropped. */
  readonly reachable: readonly Reachable[];
}

export type Reachable =
  | { readonly constraint: string; readonly kind: 'peak'; readonly earliestPeakBy: number | null }
  /** The lowest the measures reach of the target's quantity in its year (for nonFossil: the non-fossil tce still missing), and what it allows. */
  | { readonly constraint: string; readonly kind: 'cap' | 'intensity' | 'neutrality' | 'decline' | 'nonFossil' | 'energyCap'; readonly year: number; readonly lowest: number; readonly allowed: number | null; readonly unit: 'tCO2e' | 'tCO2' | 'tce' }
  | { readonly constraint: string; readonly kind: 'budget'; readonly factor: number | null };


/** A portfolio the pathway confirmed, with the linearisation there when known and the proven gap of the solve that found it. */
interface Candidate {
  x: Float64Array;
  cost: number;
  error: number;
  lin?: Linearisation;
  gap: number | null;
}

/** How far the searches may go. Each solver call counts as one solve. */
export interface OptimiseLimits {
  /** Solves of one sequential search (it runs from no measure and from every measure at its maximum). */
  readonly sequentialSolves: number;
  /** Solves of the relaxation-and-cut search for yes/no measures; past it, the sequential search decides. */
  readonly relaxationSolves: number;
  /** Solves of each question the diagnosis of an infeasible request asks. */
  readonly diagnosisSolves: number;
  /** Seconds one solver call may take (passed to the solver; it answers with the best it has, or none). */
  readonly solverSeconds: number;
  /**
   * Seconds the whole optimisation may take, the diagnosis of an infeasible request included: checked before
   * each solve, and each solve gets no more than what is left. Counted on `OptimiseOptions.clock` when given,
   * otherwise as the seconds the solver reports (the pathway checks between solves take milliseconds).
   */
  readonly seconds: number;
  /**
   * Relative MIP gap at which a solve is optimal: its answer is proven within this share of the best its model
   * allows. 10⁻⁴ (HiGHS's default): measure costs are uncertain by tens of per cent, so proving the last 0.01 %
   * buys nothing, while a gap of 10⁻⁹ made a plan of 40 interchangeable yes/no measures run for hours.
   */
  readonly mipGap: number;
}

export const DEFAULT_LIMITS: OptimiseLimits = { sequentialSolves: 30, relaxationSolves: 400, diagnosisSolves: 12, solverSeconds: 60, seconds: 60, mipGap: 1e-4 };

/** What an optimisation has done so far, for a progress bar or a job's status. */
export interface OptimiseProgress {
  /** `portfolio` while the least-cost portfolio is searched; `diagnosis` while an infeasible request is explained. */
  readonly phase: 'portfolio' | 'diagnosis';
  /** Solver calls made so far. */
  readonly solves: number;
}

export interface OptimiseOptions {
  readonly limits?: Partial<OptimiseLimits> | undefined;
  /** Checked before each solve: an aborted signal rejects the optimisation with `Cancelled`. */
  readonly signal?: CancelSignal | undefined;
  readonly progress?: ((progress: OptimiseProgress) => void) | undefined;
  /** Milliseconds from any origin (`performance.now`): the clock of the `seconds` limit. The core reads no clock itself. */
  readonly clock?: (() => number) | undefined;
}

/** An answer of the linear model: its solution y, and the proven gap of the solve. */
interface LinearAnswer {
  readonly y: Float64Array;
  readonly gap: number | null;
  /** The solver's proven lower bound on the model's cost, CNY, when known. */
  readonly bound: number | undefined;
}

export class PortfolioOptimiser implements ModelContext {
  readonly years: number;
  readonly baseYear: number;
  /** Emissions rows are divided by this (the baseline's largest BASIC+ value) to keep the LP well scaled. */
  readonly scale: number;
  private readonly costScale: number;
  readonly maxima: Float64Array;
  calls = 0;
  /** What the solver said when it could not solve a model (runPlan states them: the answer may then be wrong). */
  readonly solverErrors: string[] = [];
  /** Solver calls made, for progress (`calls` counts the searches' iterations as they end). */
  private solved = 0;
  /** The linearisation with every measure at its maximum, once computed. */
  private fullLinearisation: Linearisation | undefined;

  readonly limits: OptimiseLimits;
  private readonly signal: CancelSignal | undefined;
  private readonly progress: ((progress: OptimiseProgress) => void) | undefined;
  private phase: OptimiseProgress['phase'] = 'portfolio';
  private readonly clock: (() => number) | undefined;
  private readonly started: number;
  /** Seconds the solver has reported, for the `seconds` limit without a clock. */
  private solverSeconds = 0;
  /** Set when a time limit stopped a search or cut a solve short (its seconds); the request being solved reports it. */
  private timeLimited: TimeLimit | undefined;

  constructor(
    readonly evaluator: PlanEvaluator,
    private readonly solver: LpSolver,
    options: OptimiseOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.signal = options.signal;
    this.progress = options.progress;
    this.clock = options.clock;
    this.started = this.clock?.() ?? 0;
    const { plan } = evaluator;
    this.years = evaluator.years;
    this.baseYear = plan.pathway.model.baseYear;
    this.maxima = Float64Array.from(plan.measures, (measure) => measure.max);
    const baseline = evaluator.evaluate(new Float64Array(plan.measures.length));
    // Official targets' rows (energyCo2, tce) are scaled by the same figure: it covers them too when the plan has any.
    const official = plan.targets.some((target) => target.basis === 'energyCo2') ? [...baseline.official.energyCo2, ...baseline.official.energy] : [];
    this.scale = Math.max(1, ...baseline.basicPlus, ...baseline.basic, ...official);
    this.costScale = Math.max(1, ...evaluator.costs.map((costs, m) => Math.abs(costs.presentCost * this.maxima[m]!)));
  }

  /**
   * The least-cost portfolio for the plan's constraints, with a diagnosis when none exists. Rejects
   * with `Cancelled` when the signal asks it to stop (checked before each solve).
   */
  async solve(): Promise<PortfolioSolution> {
    const { plan } = this.evaluator;
    const request: Request = { targets: plan.targets, budget: plan.budget };
    const solution = await this.solveRequest(request, 'cost');
    // Nothing found within the time limit is no proof that nothing exists: there is nothing to diagnose.
    if (solution.status !== 'infeasible' || solution.limit) return solution;
    this.phase = 'diagnosis';
    this.timeLimited = undefined;
    const infeasible = await diagnose(this, request);
    return { ...solution, ...(this.timeLimited ? { limit: this.timeLimited } : {}), infeasible };
  }

  private get allBinary(): boolean {
    return this.evaluator.plan.measures.every((measure) => measure.yesNo || measure.max === 0);
  }

  /** The least-cost (or, with a `minimise` goal, the lowest) answer to a request; diagnose.ts asks it for subsets. */
  async solveRequest(request: Request, goal: Goal, maxIterations?: number): Promise<PortfolioSolution> {
    const outer = this.timeLimited;
    this.timeLimited = undefined;
    const solution = await this.searchRequest(request, goal, maxIterations);
    const limited = this.timeLimited;
    this.timeLimited ??= outer;
    if (!limited) return solution;
    // A limit stopped the search: the best confirmed portfolio is not proven the cheapest, only within the gap of
    // the solve it came from, and with nothing confirmed, every measure at its maximum may still meet the request.
    if (solution.status === 'infeasible' && goal === 'cost') {
      const all = Float64Array.from(this.maxima);
      if (this.meets(this.evaluator.evaluate(all), all, request)) return { status: 'feasible', method: solution.method, gap: null, limit: limited, x: all, cost: this.evaluator.cost(all), iterations: solution.iterations, linearisationError: 0 };
    }
    return { ...solution, status: solution.status === 'optimal' ? 'feasible' : solution.status, limit: limited };
  }

  /** Seconds left of the optimisation's `seconds`. */
  private remaining(): number {
    const spent = this.clock ? (this.clock() - this.started) / 1000 : this.solverSeconds;
    return this.limits.seconds - spent;
  }

  private async searchRequest(request: Request, goal: Goal, maxIterations?: number): Promise<PortfolioSolution> {
    const count = this.evaluator.plan.measures.length;
    // The relaxation relies on measures only lowering emissions; on the official basis a plant or an
    // electrification can raise energyCo2 or total energy, so official targets take the sequential search.
    const relaxable =
      this.allBinary &&
      goal === 'cost' &&
      request.targets.every((target) => target.basis !== 'energyCo2' && (target.kind === 'cap' || target.kind === 'neutrality' || (target.kind === 'intensity' && !('year' in target.reference && target.reference.year !== this.baseYear))));
    const zero = this.linearise(this.lowerBounds());
    if (relaxable && this.overlapping(zero)) return this.relaxation(request, zero, maxIterations ?? this.limits.relaxationSolves);
    // Sequential linearisation is a local search: it starts from no measure and, for a least-cost
    // portfolio, again from every measure at its maximum (where the model is exact at the most abatement).
    const limit = maxIterations ?? this.limits.sequentialSolves;
    const runs = [await this.sequential(request, goal, zero, limit)];
    if (goal === 'cost') runs.push(await this.sequential(request, goal, this.linearise(new Float64Array(count).fill(1)), limit));
    const iterations = runs.reduce((total, run) => total + run.iterations, 0);
    const found = runs.flatMap((run) => (run.best ? [run.best] : []));
    if (found.length === 0) return { status: 'infeasible', method: 'sequential', gap: null, x: new Float64Array(count), cost: 0, iterations, linearisationError: 0 };
    const best = found.reduce((a, b) => (b.cost < a.cost - 1e-9 * Math.abs(a.cost) ? b : a));
    // Optimal only when no measure interacts with another: the model taken at no measure has the slopes of
    // the model at the answer, and both match the pathway there — then the pathway is linear in x and the
    // LP/MIP optimum is the optimum. Otherwise the answer is the best of a local search.
    const at = best.lin ?? this.linearise(Float64Array.from(best.x, (value, m) => (this.maxima[m]! > 0 ? value / this.maxima[m]! : 0)));
    const additive = best.error <= 1e-6 && this.sameSlopes(zero, at) && this.proportional(zero);
    return { status: additive ? 'optimal' : 'feasible', method: 'sequential', gap: additive ? (best.gap ?? null) : null, x: best.x, cost: best.cost, iterations, linearisationError: best.error };
  }

  /**
   * Yes/no measures: the linear model at no measure credits each with all it avoids alone — with
   * overlapping measures, an over-estimate for every portfolio, so a relaxation. Its optimum, once the
   * pathway confirms it, is the optimum. A refuted portfolio S is cut off with every portfolio inside it
   * (fewer measures avoid less), and two more bounds at S are added, valid when abatement has
   * diminishing returns (is submodular; Nemhauser, Wolsey & Fisher 1978), for any portfolio T:
   *   f(T) ≤ f(S) − Σ_{j∈S∖T} ρ_j(S−j) + Σ_{j∈T∖S} ρ_j(∅)   and   f(T) ≤ f(S) − Σ_{j∈S∖T} ρ_j(N−j) + Σ_{j∈T∖S} ρ_j(S),
   * ρ_j(X) what j adds to X, N every measure.
   */
  private async relaxation(request: Request, zero: Linearisation, limit: number): Promise<PortfolioSolution> {
    const count = zero.point.length;
    const lins: Linearisation[] = [zero];
    let full: Linearisation | undefined;
    const cuts: LpRow[] = [];
    let iterations = 0;
    // Every relaxation is below the cheapest portfolio (the cuts remove only refuted ones): its proven bound is too.
    let bound = -Infinity;
    // Half of the time is kept for the sequential search that answers if no portfolio is confirmed in time.
    const reserve = this.limits.seconds / 2;
    while (iterations < limit) {
      iterations++;
      const answer = await this.solveLinear(lins, request, cuts, 'cost', reserve);
      if (!answer) break;
      if (answer.bound !== undefined) bound = Math.max(bound, answer.bound);
      const { y } = answer;
      const x = y.map((level, m) => level * this.maxima[m]!);
      const ws = this.evaluator.evaluate(x);
      if (this.meets(ws, x, request)) {
        this.calls += iterations;
        return { status: 'optimal', method: 'relaxation', gap: answer.gap, x, cost: this.evaluator.cost(x), iterations, linearisationError: this.error(zero, y, ws, request) };
      }
      cuts.push(supersetCut(y, cuts.length));
      full ??= this.fullLinearisation ?? this.linearise(new Float64Array(count).fill(1));
      const atS = this.linearise(y);
      lins.push(mixed(atS, y, atS, zero), mixed(atS, y, full, atS));
    }
    this.calls += iterations;
    // Nothing confirmed within the limit: with no proof either way, the local search has the last word. Nor is
    // "none" trusted if every measure at its maximum meets the request (the premise failed where it was not checked).
    const all = Float64Array.from(this.maxima);
    if (iterations >= limit || this.timeLimited || this.meets(this.evaluator.evaluate(all), all, request)) {
      const found = await this.solveRequestSequential(request);
      const total = { ...found, iterations: iterations + found.iterations };
      if (found.status === 'infeasible' || !Number.isFinite(bound)) return total;
      return { ...total, gap: Math.max(0, (found.cost - bound) / Math.max(Math.abs(found.cost), 1e-9)) };
    }
    return { status: 'infeasible', method: 'relaxation', gap: null, x: new Float64Array(count), cost: 0, iterations, linearisationError: 0 };
  }

  private async solveRequestSequential(request: Request): Promise<PortfolioSolution> {
    const count = this.evaluator.plan.measures.length;
    const run = await this.sequential(request, 'cost', this.linearise(this.lowerBounds()), this.limits.sequentialSolves);
    if (!run.best) return { status: 'infeasible', method: 'sequential', gap: null, x: new Float64Array(count), cost: 0, iterations: run.iterations, linearisationError: 0 };
    return { status: 'feasible', method: 'sequential', gap: null, x: run.best.x, cost: run.best.cost, iterations: run.iterations, linearisationError: run.best.error };
  }

  /** Solve, move the linearisation to the answer, solve again, until an answer repeats; the cheapest the pathway confirms. */
  private async sequential(request: Request, goal: Goal, start: Linearisation, limit: number): Promise<{ best?: Candidate; iterations: number }> {
    let lin = start;
    const cuts: LpRow[] = [];
    const seen = new Set<string>();
    let best: Candidate | undefined;
    // The starting point is a candidate too (the model is exact there).
    if (goal === 'cost') {
      const x = start.point.map((level, m) => level * this.maxima[m]!);
      if (this.meets(this.evaluator.evaluate(x), x, request)) best = { x, cost: this.evaluator.cost(x), error: 0, lin: start, gap: null };
    }
    let iterations = 0;
    while (iterations < limit) {
      iterations++;
      const answer = await this.solveLinear([lin], request, cuts, goal);
      if (!answer) break;
      const { y } = answer;
      const x = y.map((level, m) => level * this.maxima[m]!);
      const key = Array.from(y, (level) => level.toFixed(6)).join(',');
      const ws = this.evaluator.evaluate(x);
      const feasible = this.meets(ws, x, request);
      const error = this.error(lin, y, ws, request);
      const cost = this.evaluator.cost(x);
      if (feasible && (!best || cost < best.cost - 1e-9 * Math.abs(best.cost))) best = { x, cost, error, gap: answer.gap };
      if (seen.has(key)) break;
      seen.add(key);
      if (this.allBinary && !feasible) cuts.push(noGoodCut(y, cuts.length));
      if (goal !== 'cost' && feasible) break;
      // An answer the pathway refutes, cheaper than the best confirmed one: step back towards that one until
      // the pathway confirms (the linear model is close on the way), and go on from there. This ends the
      // zig-zag of plain sequential linearisation between two answers just outside the constraints.
      const back = !feasible && best && cost < best.cost ? this.stepBack(best.x, x, request) : undefined;
      if (back) {
        best = { ...back, error: 0, gap: null };
        lin = this.linearise(back.x.map((value, m) => (this.maxima[m]! > 0 ? value / this.maxima[m]! : 0)));
        best.lin = lin;
        best.error = this.error(lin, lin.point, this.evaluator.evaluate(back.x), request);
        continue;
      }
      lin = this.linearise(y);
      if (best && best.x === x) best.lin = lin;
    }
    this.calls += iterations;
    return best ? { best, iterations } : { iterations };
  }

  /**
   * The cheapest point the pathway confirms on the way from a confirmed portfolio to a cheaper refuted
   * one (continuous measures part of the way; a yes/no measure takes the refuted one's choice past half-way).
   */
  private stepBack(from: Float64Array, to: Float64Array, request: Request): { x: Float64Array; cost: number } | undefined {
    const { measures } = this.evaluator.plan;
    for (const share of [0.95, 0.8, 0.5, 0.2]) {
      const x = from.map((value, m) => (measures[m]!.yesNo ? (share >= 0.5 ? to[m]! : value) : value + share * (to[m]! - value)));
      if (!this.meets(this.evaluator.evaluate(x), x, request)) continue;
      const cost = this.evaluator.cost(x);
      if (cost < this.evaluator.cost(from) - 1e-9 * Math.abs(cost)) return { x, cost };
    }
    return undefined;
  }

  /**
   * Whether the measures overlap rather than reinforce, where it can be checked cheaply: every measure
   * together, and every measure but one, avoid no more than the sum of what each avoids alone (the
   * relaxation's premise). A switch to electricity with an electricity cut, or local generation that
   * finds more electricity to displace, can fail it: then the sequential search decides, unproven.
   */
  private overlapping(zero: Linearisation): boolean {
    const full = this.linearise(new Float64Array(zero.point.length).fill(1));
    this.fullLinearisation = full;
    const tolerance = 1e-9 * this.scale;
    const claims = (y: Float64Array, t: number, level: Float64Array, slopes: readonly Float64Array[]): number => {
      let value = level[t]!;
      slopes.forEach((slope, m) => (value += slope[t]! * (y[m]! - zero.point[m]!)));
      return value;
    };
    const ones = new Float64Array(zero.point.length).fill(1);
    const check = (basis: 'basic' | 'basicPlus'): boolean => {
      const level = basis === 'basic' ? zero.basic : zero.basicPlus;
      const slopes = basis === 'basic' ? zero.dBasic : zero.dBasicPlus;
      const all = basis === 'basic' ? full.basic : full.basicPlus;
      const fullSlopes = basis === 'basic' ? full.dBasic : full.dBasicPlus;
      for (let t = 0; t < this.years; t++) {
        if (all[t]! < claims(ones, t, level, slopes) - tolerance) return false;
        for (let m = 0; m < ones.length; m++) {
          // Every measure but m: the pathway there is E(N) − slope_m at N.
          ones[m] = 0;
          const withoutM = all[t]! - fullSlopes[m]![t]!;
          const claimed = claims(ones, t, level, slopes);
          ones[m] = 1;
          if (withoutM < claimed - tolerance) return false;
        }
      }
      return true;
    };
    return check('basic') && check('basicPlus');
  }

  /** Each measure at its lower bound (`limits.min`; 0 for most), as shares y of its maximum: where the search starts. */
  private lowerBounds(): Float64Array {
    return Float64Array.from(this.evaluator.plan.measures, (measure, m) => (this.maxima[m]! > 0 ? measure.min / this.maxima[m]! : 0));
  }

  /**
   * Whether each continuous measure's effect is proportional to its level: at half way the pathway is the
   * mid-point of the measure off and at its maximum (a measure with two cuts on one sector is not).
   */
  private proportional(zero: Linearisation): boolean {
    const { measures } = this.evaluator.plan;
    const tolerance = 1e-9 * this.scale;
    const x = zero.point.map((level, m) => level * this.maxima[m]!);
    return measures.every((measure, m) => {
      if (measure.yesNo || this.maxima[m]! === 0) return true;
      const half = (zero.point[m]! + 1) / 2;
      const keep = x[m]!;
      x[m] = half * this.maxima[m]!;
      const ws = this.evaluator.evaluate(x);
      x[m] = keep;
      const step = half - zero.point[m]!;
      for (let t = 0; t < this.years; t++) {
        if (Math.abs(ws.basic[t]! - (zero.basic[t]! + zero.dBasic[m]![t]! * step)) > tolerance) return false;
        if (Math.abs(ws.basicPlus[t]! - (zero.basicPlus[t]! + zero.dBasicPlus[m]![t]! * step)) > tolerance) return false;
        if (Math.abs(ws.removals[t]! - (zero.removals[t]! + zero.dRemovals[m]![t]! * step)) > tolerance) return false;
        for (const quantity of OFFICIAL_QUANTITIES) if (Math.abs(ws.official[quantity][t]! - (zero.official[quantity][t]! + zero.dOfficial[quantity][m]![t]! * step)) > tolerance) return false;
      }
      return true;
    });
  }

  /** Whether two linearisations give every measure the same effect in every year (to 10⁻⁹ of the scale). */
  private sameSlopes(a: Linearisation, b: Linearisation): boolean {
    const tolerance = 1e-9 * this.scale;
    const same = (p: readonly Float64Array[], q: readonly Float64Array[]): boolean => p.every((slope, m) => slope.every((value, t) => Math.abs(value - q[m]![t]!) <= tolerance));
    return same(a.dBasic, b.dBasic) && same(a.dBasicPlus, b.dBasicPlus) && same(a.dRemovals, b.dRemovals) && OFFICIAL_QUANTITIES.every((quantity) => same(a.dOfficial[quantity], b.dOfficial[quantity]));
  }

  /** Secant linearisation of the pathway around y (a share of each measure's maximum). */
  private linearise(point: Float64Array): Linearisation {
    const { evaluator, maxima } = this;
    const count = point.length;
    const x = point.map((level, m) => level * maxima[m]!);
    const at = evaluator.evaluate(x);
    const basic = Float64Array.from(at.basic);
    const basicPlus = Float64Array.from(at.basicPlus);
    const removals = Float64Array.from(at.removals);
    const dBasic: Float64Array[] = [];
    const dBasicPlus: Float64Array[] = [];
    const dRemovals: Float64Array[] = [];
    const official = { energyCo2: Float64Array.from(at.official.energyCo2), energy: Float64Array.from(at.official.energy), nonFossil: Float64Array.from(at.official.nonFossil) };
    const dOfficial: Linearisation['dOfficial'] = { energyCo2: [], energy: [], nonFossil: [] };
    for (let m = 0; m < count; m++) {
      const keep = x[m]!;
      x[m] = maxima[m]!;
      const on = evaluator.evaluate(x);
      const onBasic = Float64Array.from(on.basic);
      const onPlus = Float64Array.from(on.basicPlus);
      const onRemovals = Float64Array.from(on.removals);
      const onOfficial = OFFICIAL_QUANTITIES.map((quantity) => Float64Array.from(on.official[quantity]));
      x[m] = 0;
      const off = evaluator.evaluate(x);
      OFFICIAL_QUANTITIES.forEach((quantity, q) => dOfficial[quantity].push(onOfficial[q]!.map((value, t) => value - off.official[quantity][t]!)));
      dBasic.push(onBasic.map((value, t) => value - off.basic[t]!));
      dBasicPlus.push(onPlus.map((value, t) => value - off.basicPlus[t]!));
      dRemovals.push(onRemovals.map((value, t) => value - off.removals[t]!));
      x[m] = keep;
    }
    return { point: Float64Array.from(point), basic, basicPlus, removals, dBasic, dBasicPlus, dRemovals, official, dOfficial };
  }

  /** The linear programme for a linearisation; its solution y, or undefined when it has none. */
  private async solveLinear(lins: readonly Linearisation[], request: Request, cuts: readonly LpRow[], goal: Goal, reserve = 0): Promise<LinearAnswer | undefined> {
    const { plan } = this.evaluator;
    const lp = new LpModel();
    const columns = plan.measures.map((measure, m) => {
      const max = this.maxima[m]!;
      const lower = max > 0 ? measure.min / max : 0;
      const cost = goal === 'cost' ? (this.evaluator.costs[m]!.presentCost * max) / this.costScale : 0;
      return lp.column(`y${m}`, max > 0 ? lower : 0, max > 0 ? 1 : 0, { binary: measure.yesNo && max > 0, cost });
    });
    lins.forEach((lin, i) => addTargetRows(this, lp, lin, request, columns, lins.length === 1 ? '' : `l${i}_`));
    addStructuralRows(this, lp, request, columns);
    for (const cut of cuts) lp.row(cut);
    if (goal !== 'cost') goal.minimise(lp, lins[lins.length - 1]!);
    checkCancelled(this.signal);
    const remaining = this.remaining() - reserve;
    if (remaining <= 0) {
      this.timeLimited = { kind: 'time', seconds: this.limits.seconds };
      return undefined;
    }
    const solution = await this.solver(lp.text(), { timeLimit: Math.min(this.limits.solverSeconds, remaining), mipGap: this.limits.mipGap });
    this.solverSeconds += solution.seconds ?? 0;
    this.solved++;
    this.progress?.({ phase: this.phase, solves: this.solved });
    if (solution.status === 'time-limit') this.timeLimited = { kind: 'time', seconds: this.limits.solverSeconds < remaining ? this.limits.solverSeconds : this.limits.seconds };
    if (solution.status === 'error') this.solverErrors.push(solution.message);
    const solved = solution.status === 'optimal' || (solution.status === 'time-limit' && solution.objective !== undefined);
    if (!solved) return undefined;
    const y = Float64Array.from(columns, (name) => Math.min(1, Math.max(0, solution.columns[name] ?? 0)));
    return { y, gap: solution.gap ?? (solution.status === 'optimal' ? 0 : null), bound: solution.bound === undefined ? undefined : solution.bound * this.costScale };
  }

  /** Whether a portfolio meets the request on the real pathway (the workspace holds its evaluation). */
  private meets(ws: PathwayWorkspace, x: Float64Array, request: Request): boolean {
    const { plan } = this.evaluator;
    const { model } = plan.pathway;
    const inputs: TargetInputs = {
      baseYear: this.baseYear,
      basic: ws.basic,
      basicPlus: ws.basicPlus,
      removals: ws.removals,
      population: ws.drivers[model.population]!,
      gdp: ws.drivers[model.gdp]!,
      energyCo2: ws.official.energyCo2,
      energy: ws.official.energy,
      nonFossil: ws.official.nonFossil,
    };
    if (!this.withinStructure(x)) return false;
    for (const target of request.targets) if (!targetMet(target, inputs, this.evaluator.params)) return false;
    if (request.budget) {
      for (let t = 0; t < this.years; t++) {
        const limit = request.budget[t]!;
        if (!Number.isFinite(limit)) continue;
        const spent = this.evaluator.costs.reduce((total, costs, m) => total + x[m]! * costs.outlay[t]!, 0);
        if (spent > limit * (1 + 1e-9) + 1e-6) return false;
      }
    }
    return true;
  }

  /** Adoption limits, yes/no choices, `requires` and `excludes`: what every portfolio must keep, whatever the request. */
  private withinStructure(x: Float64Array): boolean {
    const { measures } = this.evaluator.plan;
    const tolerance = 1e-9;
    const share = (m: number): number => (this.maxima[m]! > 0 ? x[m]! / this.maxima[m]! : 0);
    return measures.every((measure, m) => {
      const value = x[m]!;
      if (value < measure.min - tolerance || value > measure.max + tolerance) return false;
      if (measure.yesNo && Math.abs(value) > tolerance && Math.abs(value - measure.max) > tolerance) return false;
      if (measure.requires.some((other) => share(m) > share(other) + tolerance)) return false;
      return !measure.excludes.some((other) => share(m) + share(other) > 1 + tolerance);
    });
  }

  /** Largest |linear − pathway| over the years, relative to the scale, at the portfolio y. */
  private error(lin: Linearisation, y: Float64Array, ws: PathwayWorkspace, request: Request): number {
    let worst = 0;
    const quantities = new Set(request.targets.flatMap(quantitiesOf));
    for (const quantity of quantities) {
      const level = levelOf(lin, quantity);
      const slopes = slopesOf(lin, quantity);
      const truth = truthOf(ws, quantity);
      for (let t = 0; t < this.years; t++) {
        let linear = level[t]!;
        slopes.forEach((slope, m) => (linear += slope[t]! * (y[m]! - lin.point[m]!)));
        worst = Math.max(worst, Math.abs(linear - truth[t]!) / this.scale);
      }
    }
    return worst;
  }

}
