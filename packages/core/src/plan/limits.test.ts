/**
 * Optimisation limits (issue 11): a plan of 40 interchangeable yes/no measures, which ran past 600 s, answers
 * within its time limit with the best portfolio the pathway confirmed and its proven gap; a solve stopped by
 * its time limit is used with the gap it proves, and the statement says so in both languages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { highsSolver } from '../../../../test/support/highs.ts';
import { feasible, loadTestPlan, measure, planDoc, planPathway } from '../../../../test/support/plan-documents.ts';
import { yesNoCopiesPlan } from '../../../../test/support/yes-no-copies.ts';
import { PlanEvaluator } from './evaluator.ts';
import type { LpSolver } from './lp.ts';
import { PortfolioOptimiser } from './optimise.ts';
import { runPlan } from './run.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await highsSolver();
});

describe('a time limit', () => {
  it('40 yes/no copies of one measure: the best confirmed portfolio within 2 s, its gap proven against the relaxation', async () => {
    const plan = yesNoCopiesPlan(40, 0.6);
    const evaluator = new PlanEvaluator(plan);
    // No clock: the limit counts the seconds the solver reports, so the test does not depend on the machine's load.
    const solution = await new PortfolioOptimiser(evaluator, solver, { limits: { seconds: 2, solverSeconds: 2 } }).solve();
    expect(solution.limit).toEqual({ kind: 'time', seconds: 2 });
    expect(solution.status).toBe('feasible');
    expect(feasible(plan, evaluator, solution.x)).toBe(true);
    // k copies cut 1 − 0.95^k of the industry: 18 are the fewest that cut 60 %, so 18 copies are the cheapest.
    const unit = evaluator.cost(Float64Array.from({ length: 40 }, (_, m) => (m === 0 ? 1 : 0)));
    const cheapest = 18 * unit;
    const chosen = Array.from(solution.x).filter((value) => value > 0).length;
    expect(chosen).toBeGreaterThanOrEqual(18);
    expect(solution.cost).toBeCloseTo(chosen * unit, 6);
    // The gap is proven: the bound it implies is at most the cheapest cost.
    expect(solution.gap).not.toBeNull();
    expect(solution.gap!).toBeGreaterThan(0);
    expect(solution.gap!).toBeLessThan(1);
    expect(solution.cost * (1 - solution.gap!)).toBeLessThanOrEqual(cheapest * (1 + 1e-9));
  });

  const fourMeasures = () => {
    const industry = (reduction: number) => ({ type: 'efficiency', sector: 'industry', reduction });
    const homes = (reduction: number) => ({ type: 'efficiency', sector: 'homes', reduction });
    const measures = {
      a: measure([industry(0.3)], 300, { yesNo: true }),
      b: measure([industry(0.1)], 90, { yesNo: true }),
      c: measure([homes(0.5)], 200, { yesNo: true }),
      d: measure([homes(0.2)], 70, { yesNo: true }),
    };
    const probe = loadTestPlan(planDoc(measures));
    const base = new PlanEvaluator(probe).evaluate(new Float64Array(4)).basic[8]!;
    const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2030, value: (0.75 * base) / 1e4, unit: '万tCO2e' } } });
    return loadTestPlan(planDoc(measures, { constraints: { targets: ['cap'] } }), pathway);
  };

  it('a solve stopped at its time limit with a solution: used, with its gap, and said so in English and Chinese', async () => {
    const plan = fourMeasures();
    const stopped: LpSolver = async (model, options) => ({ ...(await solver(model, options)), status: 'time-limit', message: 'timeLimit', gap: 0.0317 });
    const proven = await new PortfolioOptimiser(new PlanEvaluator(plan), solver).solve();
    const result = await runPlan(plan, stopped);
    expect(proven.status).toBe('optimal');
    expect(result.solution).toMatchObject({ status: 'feasible', method: 'relaxation', gap: 0.0317, limit: { kind: 'time', seconds: 60 } });
    expect(result.totalCost).toBeCloseTo(proven.cost, 6);
    const statement = result.assumptions.find((assumption) => assumption.code === 'solution-time-limit-feasible');
    expect(statement?.text).toEqual({ en: 'best portfolio found within the 60 s limit; proven within 3.2 % of the cheapest', zh: '60 秒时限内找到的最佳组合；已证明与最低成本相差不超过 3.2%' });
  });

  it('solves that find nothing in time: not "infeasible" — every measure at its maximum, unproven, and no diagnosis', async () => {
    const plan = fourMeasures();
    const nothing: LpSolver = () => ({ status: 'time-limit', message: 'timeLimit', columns: {}, seconds: 1 });
    const solution = await new PortfolioOptimiser(new PlanEvaluator(plan), nothing, { limits: { seconds: 3, solverSeconds: 1 } }).solve();
    expect(solution).toMatchObject({ status: 'feasible', gap: null, limit: { kind: 'time', seconds: 1 } });
    expect(Array.from(solution.x)).toEqual([1, 1, 1, 1]);
    expect(solution.infeasible).toBeUndefined();
  });

  it('the budget is checked before each solve: a spent budget asks the solver nothing more', async () => {
    const plan = yesNoCopiesPlan(40, 0.6);
    let calls = 0;
    const slow: LpSolver = async (model, options) => {
      calls++;
      return { ...(await solver(model, options)), seconds: 5 };
    };
    const solution = await new PortfolioOptimiser(new PlanEvaluator(plan), slow, { limits: { seconds: 4 } }).solve();
    // The relaxation may use half of the 4 s: its first answer (5 s) is refuted and spends all; the sequential
    // search gets nothing, so every measure at its maximum answers, unproven.
    expect(calls).toBe(1);
    expect(Array.from(solution.x).every((value) => value === 1)).toBe(true);
    expect(solution.limit).toEqual({ kind: 'time', seconds: 4 });
    expect(feasible(plan, new PlanEvaluator(plan), solution.x)).toBe(true);
  });
});
