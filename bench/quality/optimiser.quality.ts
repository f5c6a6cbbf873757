/**
 * How good the portfolio optimiser is on random small plans, against brute force (every yes/no
 * combination, or a 10 % grid of continuous levels): the table in docs/plans.md. Not part of
 * `npm test` (it takes a few minutes); run it with
 *   npx vitest run --config bench/quality/vitest.config.ts
 */
import fc from 'fast-check';
import { beforeAll, it } from 'vitest';
import { highsSolver } from '../../test/support/highs.ts';
import { bruteForce, feasible, loadTestPlan, measure, planDoc, planPathway } from '../../test/support/plan-documents.ts';
import { PlanEvaluator, PortfolioOptimiser, type LpSolver } from '@peakpath/core';
let solver: LpSolver;
beforeAll(async () => { solver = await highsSolver(); });
const grid = Array.from({ length: 11 }, (_, i) => i / 10);
for (const [family, lumpy, peak, maxLength, runs] of [['A yes/no caps', true, false, 7, 600], ['B yes/no peak', true, true, 5, 600], ['C continuous peak', false, true, 4, 600], ['D continuous cap', false, false, 4, 600]] as const) {
  it(family, { timeout: 590000 }, async () => {
    const arbitrary = fc.record({
      ms: fc.array(fc.record({ sector: fc.constantFrom('industry', 'homes'), reduction: fc.double({ min: 0.05, max: 0.6, noNaN: true }), cost: fc.integer({ min: 10, max: 1000 }), start: fc.integer({ min: 2023, max: 2032 }), years: fc.integer({ min: 1, max: 6 }) }), { minLength: 2, maxLength }),
      by: fc.integer({ min: 2025, max: 2034 }), share: fc.double({ min: 0.5, max: 0.98, noNaN: true }),
    });
    const stats = { cases: 0, equalOrBetter: 0, worse: 0, wrongInfeasible: 0, wrongOptimal: 0, notFeasible: 0, worst: 1, optimalClaims: 0 };
    for (const { ms, by, share } of fc.sample(arbitrary, { numRuns: runs, seed: 2026 })) {
      const measures = Object.fromEntries(ms.map((r, i) => [`m${i}`, measure([{ type: 'efficiency', sector: r.sector, reduction: r.reduction }], r.cost, { ...(lumpy ? { yesNo: true } : {}), adoption: { start: r.start, full: r.start + r.years } })]));
      let target: Record<string, unknown> = { type: 'peak', by };
      if (!peak) {
        const probe = loadTestPlan(planDoc(measures), planPathway());
        target = { type: 'cap', year: 2035, value: share * new PlanEvaluator(probe).evaluate(new Float64Array(ms.length)).basic[13]!, unit: 'tCO2e' };
      }
      const plan = loadTestPlan(planDoc(measures, { constraints: { targets: ['t'] } }), planPathway({ targets: { t: target } }));
      const ev = new PlanEvaluator(plan);
      const sol = await new PortfolioOptimiser(ev, solver).solve();
      const brute = bruteForce(plan, plan.measures.map(() => (lumpy ? [0, 1] : grid)));
      if (!brute) continue;
      stats.cases++;
      if (sol.status === 'infeasible') { stats.wrongInfeasible++; continue; }
      if (!feasible(plan, ev, sol.x)) stats.notFeasible++;
      if (sol.status === 'optimal') stats.optimalClaims++;
      const ratio = sol.cost / brute.cost;
      if (sol.cost <= brute.cost * (1 + 1e-9) + 1e-9) stats.equalOrBetter++; else { stats.worse++; stats.worst = Math.max(stats.worst, ratio); if (sol.status === 'optimal') stats.wrongOptimal++; }
    }
    console.log(family, JSON.stringify(stats));
  });
}
