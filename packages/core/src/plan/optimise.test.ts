/**
 * The least-cost portfolio against brute force on small plans: yes/no measures (every combination
 * tried on the real pathway), continuous ones (a grid that holds the optimum), interacting measures
 * (two cuts on one sector), peak targets, budgets, dependencies; and the diagnosis of a request that
 * cannot be met.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { highsSolver } from '../../../../test/support/highs.ts';
import { propertySettings } from '../../../../test/support/fast-check.ts';
import { bruteForce, feasible, loadTestPlan, measure, planDoc, planPathway } from '../../../../test/support/plan-documents.ts';
import type { Fields } from '../../../../test/support/pathway-documents.ts';
import { PlanEvaluator } from './evaluator.ts';
import type { LpSolver } from './lp.ts';
import { PortfolioOptimiser } from './optimise.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await highsSolver();
});

/** 2 to `most` cuts of 5–60 % of one sector's energy, each ramping up over 1–6 years from 2023–2032, at random costs. */
const rampingCuts = (most: number) =>
  fc.array(
    fc.record({ sector: fc.constantFrom('industry', 'homes'), reduction: fc.double({ min: 0.05, max: 0.6, noNaN: true }), cost: fc.integer({ min: 10, max: 1000 }), start: fc.integer({ min: 2023, max: 2032 }), years: fc.integer({ min: 1, max: 6 }) }),
    { minLength: 2, maxLength: most },
  );

const industry = (reduction: number): Fields => ({ type: 'efficiency', sector: 'industry', reduction });
const homes = (reduction: number): Fields => ({ type: 'efficiency', sector: 'homes', reduction });

/** BASIC emissions of the baseline in `year` (for caps relative to it). */
function baselineAt(pathway: Fields, plan: Fields, year: number): number {
  const loaded = loadTestPlan(plan, pathway);
  const evaluator = new PlanEvaluator(loaded);
  return evaluator.evaluate(new Float64Array(loaded.measures.length)).basic[year - 2022]!;
}

async function optimise(plan: Fields, pathway: Fields) {
  const loaded = loadTestPlan(plan, pathway);
  const evaluator = new PlanEvaluator(loaded);
  const solution = await new PortfolioOptimiser(evaluator, solver).solve();
  return { loaded, evaluator, solution };
}

describe('yes/no measures equal brute force', () => {
  it('non-interacting measures on two sectors, a cap in 2030', async () => {
    const measures = {
      a: measure([industry(0.3)], 300, { yesNo: true }),
      b: measure([industry(0.1)], 90, { yesNo: true }),
      c: measure([homes(0.5)], 200, { yesNo: true }),
      d: measure([homes(0.2)], 70, { yesNo: true }),
    };
    const probe = planDoc(measures);
    const cap = 0.75 * baselineAt(planPathway(), probe, 2030);
    const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2030, value: cap / 1e4, unit: '万tCO2e' } } });
    const plan = planDoc(measures, { constraints: { targets: ['cap'] } });
    const { loaded, solution } = await optimise(plan, pathway);
    const brute = bruteForce(loaded, loaded.measures.map(() => [0, 1]));
    expect(brute).toBeDefined();
    expect(solution.status).toBe('optimal');
    expect(solution.cost).toBeCloseTo(brute!.cost, 6);
    expect(Array.from(solution.x)).toEqual(Array.from(brute!.x));
  });

  it('overlapping cuts on one sector: the relaxation is refuted, then the true optimum found', async () => {
    // a and b alone would be credited 30 % + 30 % of industry; together they cut 51 %. c cuts 45 % alone.
    const measures = {
      a: measure([industry(0.3)], 300, { yesNo: true }),
      b: measure([industry(0.3)], 310, { yesNo: true }),
      c: measure([industry(0.45)], 650, { yesNo: true }),
    };
    const loadedProbe = loadTestPlan(planDoc(measures), planPathway());
    const evaluator = new PlanEvaluator(loadedProbe);
    const base = evaluator.evaluate(new Float64Array(3)).basic[8]!;
    const industry2030 = (base - evaluator.evaluate(Float64Array.of(1, 0, 0)).basic[8]!) / 0.3;
    // Cut 55 % of industry: a + b claim 60 % but cut 51 %; c alone 45 %; a + c cut 61.5 % (950), b + c (960).
    const cap = base - 0.55 * industry2030;
    const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2030, value: cap / 1e4, unit: '万tCO2e' } } });
    const { loaded, solution } = await optimise(planDoc(measures, { constraints: { targets: ['cap'] } }), pathway);
    const brute = bruteForce(loaded, loaded.measures.map(() => [0, 1]));
    expect(solution.method).toBe('relaxation');
    expect(solution.iterations).toBeGreaterThan(1);
    expect(solution.cost).toBeCloseTo(brute!.cost, 6);
    expect(Array.from(solution.x)).toEqual(Array.from(brute!.x));
    expect(Array.from(solution.x)).toEqual([1, 0, 1]);
  });

  it('random small plans (fast-check): optimiser cost = brute-force cost', async () => {
    const arbitrary = fc.record({
      reductions: fc.array(fc.record({ sector: fc.constantFrom('industry', 'homes'), reduction: fc.double({ min: 0.05, max: 0.6, noNaN: true }), cost: fc.integer({ min: 10, max: 1000 }) }), { minLength: 2, maxLength: 7 }),
      capShare: fc.double({ min: 0.5, max: 0.98, noNaN: true }),
    });
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ reductions, capShare }) => {
        const measures = Object.fromEntries(reductions.map((r, i) => [`m${i}`, measure([{ type: 'efficiency', sector: r.sector, reduction: r.reduction }], r.cost, { yesNo: true })]));
        const cap = capShare * baselineAt(planPathway(), planDoc(measures), 2030);
        const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2030, value: cap, unit: 'tCO2e' } } });
        const { loaded, solution } = await optimise(planDoc(measures, { constraints: { targets: ['cap'] } }), pathway);
        const brute = bruteForce(loaded, loaded.measures.map(() => [0, 1]));
        if (!brute) return solution.status === 'infeasible';
        checked++;
        return solution.status === 'optimal' && Math.abs(solution.cost - brute.cost) <= 1e-9 * Math.max(1, brute.cost);
      }),
      propertySettings('optimiser = brute force', 60),
    );
    expect(checked).toBeGreaterThan(10);
  });

  it('random plans with a peak target (fast-check): measures ramping at different times, against brute force', async () => {
    const arbitrary = fc.record({
      ms: rampingCuts(5),
      by: fc.integer({ min: 2025, max: 2034 }),
    });
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ ms, by }) => {
        const measures = Object.fromEntries(ms.map((r, i) => [`m${i}`, measure([{ type: 'efficiency', sector: r.sector, reduction: r.reduction }], r.cost, { yesNo: true, adoption: { start: r.start, full: r.start + r.years } })]));
        const pathway = planPathway({ targets: { peak: { type: 'peak', by } } });
        const { loaded, solution } = await optimise(planDoc(measures, { constraints: { targets: ['peak'] } }), pathway);
        const brute = bruteForce(loaded, loaded.measures.map(() => [0, 1]));
        if (!brute) return solution.status === 'infeasible';
        checked++;
        // A peak compares years, so this is the local search: exactly brute force whenever it claims
        // `optimal`, and close otherwise (391 of 392 random plans equal, one 3.4 % dearer: docs/plans.md).
        if (solution.status === 'infeasible') return false;
        const same = Math.abs(solution.cost - brute.cost) <= 1e-9 * Math.max(1, brute.cost);
        if (solution.status === 'optimal') return same;
        return solution.cost <= brute.cost * 1.25 + 1e-9;
      }),
      propertySettings('peak: optimiser vs brute force', 60),
    );
    expect(checked).toBeGreaterThan(10);
  });

  it('a peak target: the cheapest set that bends the curve by 2030', async () => {
    // Industry grows 5 %/yr; cuts ramp in 2029–2031 so they bend the curve around the target year.
    const ramp = { start: 2029, full: 2031 };
    const measures = {
      a: measure([industry(0.15)], 100, { yesNo: true, adoption: ramp }),
      b: measure([industry(0.25)], 180, { yesNo: true, adoption: ramp }),
      c: measure([industry(0.35)], 240, { yesNo: true, adoption: ramp }),
      d: measure([homes(0.5)], 50, { yesNo: true, adoption: ramp }),
    };
    const pathway = planPathway({ endYear: 2034, targets: { peak: { type: 'peak', by: 2031 } } });
    const { loaded, solution } = await optimise(planDoc(measures, { constraints: { targets: ['peak'] } }), pathway);
    const brute = bruteForce(loaded, loaded.measures.map(() => [0, 1]));
    expect(brute).toBeDefined();
    expect(solution.status).not.toBe('infeasible');
    expect(solution.cost).toBeCloseTo(brute!.cost, 6);
  });
});

describe('continuous measures', () => {
  it('a cap met by the cheapest tonnes first (grid brute force at 5 % steps holds the optimum)', async () => {
    // homes: 1 unit cuts 40 % of homes for 100; industry: 40 % of industry for 400. Homes first.
    const measures = { h: measure([homes(0.4)], 100), i: measure([industry(0.4)], 400) };
    const probe = loadTestPlan(planDoc(measures), planPathway());
    const evaluator = new PlanEvaluator(probe);
    const base = evaluator.evaluate(Float64Array.of(0, 0)).basic[8]!;
    const homesFull = evaluator.evaluate(Float64Array.of(1, 0)).basic[8]!;
    const industryFull = evaluator.evaluate(Float64Array.of(0, 1)).basic[8]!;
    // Needs all of h and 35 % of i.
    const cap = homesFull - 0.35 * (base - industryFull);
    const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2030, value: cap, unit: 'tCO2e' } } });
    const { loaded, solution } = await optimise(planDoc(measures, { constraints: { targets: ['cap'] } }), pathway);
    const grid = Array.from({ length: 21 }, (_, i) => i / 20);
    const brute = bruteForce(loaded, [grid, grid]);
    expect(solution.status).toBe('optimal');
    expect(solution.x[0]).toBeCloseTo(1, 6);
    expect(solution.x[1]).toBeCloseTo(0.35, 4);
    expect(solution.cost).toBeLessThanOrEqual(brute!.cost * (1 + 1e-6));
    // Capex less the value left in the units in 2040 (30-year life), undiscounted.
    expect(solution.cost).toBeCloseTo(new PlanEvaluator(loaded).cost(Float64Array.of(1, 0.35)), 4);
  });

  it('random continuous plans with a peak target (fast-check): a local search, checked against a 10 % grid', async () => {
    const arbitrary = fc.record({
      ms: rampingCuts(3),
      by: fc.integer({ min: 2025, max: 2034 }),
    });
    const grid = Array.from({ length: 11 }, (_, i) => i / 10);
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ ms, by }) => {
        const measures = Object.fromEntries(ms.map((r, i) => [`m${i}`, measure([{ type: 'efficiency', sector: r.sector, reduction: r.reduction }], r.cost, { adoption: { start: r.start, full: r.start + r.years } })]));
        const pathway = planPathway({ targets: { peak: { type: 'peak', by } } });
        const { loaded, evaluator, solution } = await optimise(planDoc(measures, { constraints: { targets: ['peak'] } }), pathway);
        const brute = bruteForce(loaded, loaded.measures.map(() => grid));
        if (!brute) return true;
        checked++;
        // Found whenever the grid finds one; meets the target on the pathway; claims `optimal` only when no
        // grid point is cheaper; and, as a local search, within a quarter of the grid's best (1,199 of 1,200
        // random plans were at least as cheap as the grid; one was 7 % dearer: docs/plans.md).
        if (solution.status === 'infeasible' || !feasible(loaded, evaluator, solution.x)) return false;
        if (solution.status === 'optimal' && solution.cost > brute.cost * (1 + 1e-9) + 1e-9) return false;
        return solution.cost <= brute.cost * 1.25 + 1e-9;
      }),
      propertySettings('continuous peak: optimiser vs grid', 50),
    );
    // Many random requests have no feasible grid point (an early peak year the cuts cannot bend): 15–22 of
    // 50 had one in four seeds tried, so at least 8 checked holds but for about 1 seed in 2,000 (25 runs
    // with "more than 5" failed for seed 1787104644).
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('interacting continuous cuts: the answer meets the cap on the real pathway and beats the grid', async () => {
    const measures = { a: measure([industry(0.3)], 300), b: measure([industry(0.4)], 500) };
    const probe = loadTestPlan(planDoc(measures), planPathway());
    const evaluator = new PlanEvaluator(probe);
    const base = evaluator.evaluate(Float64Array.of(0, 0)).basic[8]!;
    const both = evaluator.evaluate(Float64Array.of(1, 1)).basic[8]!;
    const cap = base - 0.8 * (base - both);
    const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2030, value: cap, unit: 'tCO2e' } } });
    const { loaded, evaluator: ev, solution } = await optimise(planDoc(measures, { constraints: { targets: ['cap'] } }), pathway);
    expect(solution.method).toBe('sequential');
    expect(feasible(loaded, ev, solution.x)).toBe(true);
    const grid = Array.from({ length: 41 }, (_, i) => i / 40);
    const brute = bruteForce(loaded, [grid, grid]);
    expect(solution.cost).toBeLessThanOrEqual(brute!.cost * (1 + 1e-9));
  });
});

describe('budgets, limits and dependencies', () => {
  it('a yearly budget rules out the cheap-in-total but front-loaded measure', async () => {
    const measures = {
      quick: measure([homes(0.5)], 1000, { yesNo: true }),
      slow: measure([homes(0.5)], 1200, { yesNo: true, adoption: { start: 2023, full: 2030 } }),
    };
    const probe = planDoc(measures);
    const cap = 0.999 * baselineAt(planPathway(), probe, 2035);
    const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2035, value: cap, unit: 'tCO2e' } } });
    const free = await optimise(planDoc(measures, { constraints: { targets: ['cap'] } }), pathway);
    expect(Array.from(free.solution.x)).toEqual([1, 0]);
    // quick spends ~1000/3 a year for three years; slow ~1200/8: a budget of 200 a year allows only slow.
    const tight = await optimise(planDoc(measures, { constraints: { targets: ['cap'], budget: { unit: '元', perYear: 200 } } }), pathway);
    expect(Array.from(tight.solution.x)).toEqual([0, 1]);
    const brute = bruteForce(tight.loaded, [[0, 1], [0, 1]]);
    expect(tight.solution.cost).toBeCloseTo(brute!.cost, 6);
  });

  it('requires and excludes hold, and adoption limits bound x', async () => {
    const measures = {
      grid: measure([homes(0.1)], 500, { yesNo: true }),
      pv: measure([homes(0.6)], 100, { requires: ['grid'], limits: { max: 0.5 } }),
      alt: measure([homes(0.6)], 50, { yesNo: true, excludes: ['grid'] }),
    };
    const probe = planDoc(measures);
    const cap = 0.8 * baselineAt(planPathway(), probe, 2030);
    const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2030, value: cap, unit: 'tCO2e' } } });
    const { loaded, evaluator, solution } = await optimise(planDoc(measures, { constraints: { targets: ['cap'] } }), pathway);
    expect(feasible(loaded, evaluator, solution.x)).toBe(true);
    expect(solution.x[1]).toBeLessThanOrEqual(0.5 + 1e-9);
    if (solution.x[1]! > 0) expect(solution.x[0]).toBe(1);
    expect(solution.x[0]! > 0 && solution.x[2]! > 0).toBe(false);
    const brute = bruteForce(loaded, [[0, 1], Array.from({ length: 11 }, (_, i) => i / 20), [0, 1]]);
    expect(solution.cost).toBeLessThanOrEqual(brute!.cost * (1 + 1e-9));
  });
});

describe('exclusions hold whichever measure lists the other', () => {
  it('b excludes a (listed on the later measure only): never both', async () => {
    const measures = { a: measure([homes(0.3)], 100, { yesNo: true }), b: measure([homes(0.3)], 100, { yesNo: true, excludes: ['a'] }), c: measure([industry(0.3)], 1000, { yesNo: true }) };
    const probe = planDoc(measures);
    // A cap that a + b would meet more cheaply than anything with c.
    const cap = 0.5 * (baselineAt(planPathway(), probe, 2030) + (() => {
      const loaded = loadTestPlan(probe, planPathway());
      return new PlanEvaluator(loaded).evaluate(Float64Array.of(1, 1, 0)).basic[8]!;
    })());
    const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2030, value: cap, unit: 'tCO2e' } } });
    const { loaded, evaluator, solution } = await optimise(planDoc(measures, { constraints: { targets: ['cap'] } }), pathway);
    expect(solution.x[0]! > 0 && solution.x[1]! > 0).toBe(false);
    expect(feasible(loaded, evaluator, solution.x)).toBe(true);
    const brute = bruteForce(loaded, [[0, 1], [0, 1], [0, 1]]);
    expect(solution.cost).toBeCloseTo(brute!.cost, 6);
  });
});

describe('what every portfolio keeps, and what the solver may claim', () => {
  it('exclusions, limits and yes/no hold even where no target asks for anything', async () => {
    // Both measures pay for themselves (savings above costs): the cheapest portfolio takes all it may.
    const saver = (extra: Fields): Fields => measure([homes(0.1)], 10, { costs: { capex: { value: 10, unit: '元/household', source: 't' }, savings: { value: 100, unit: '元/household', source: 't' }, lifetime: { value: 20, source: 't' } }, ...extra });
    const excluded = await optimise(planDoc({ a: saver({ yesNo: true }), b: saver({ yesNo: true, excludes: ['a'] }) }), planPathway());
    expect(excluded.solution.x[0]! > 0 && excluded.solution.x[1]! > 0).toBe(false);
    expect(excluded.solution.x[0]! + excluded.solution.x[1]!).toBe(1);
    // A measure forced in by its limits is in, yes/no or continuous, even when it costs money.
    const dear = (extra: Fields): Fields => measure([homes(0.1)], 1000, { limits: { min: 1, max: 1 }, ...extra });
    const forced = await optimise(planDoc({ c: dear({}), d: dear({ yesNo: true }) }), planPathway());
    expect(Array.from(forced.solution.x)).toEqual([1, 1]);
    // Forced in, but the budget cannot pay for it: infeasible, not an empty "optimal" portfolio.
    const unpaid = await optimise(planDoc({ e: dear({}) }, { constraints: { budget: { unit: '元', perYear: 1 } } }), planPathway());
    expect(unpaid.solution.status).toBe('infeasible');
  });

  it('measures that reinforce each other (a switch to electricity and an electricity cut): no false "infeasible", no false proof', async () => {
    const toElectricity = { type: 'switch', sector: 'industry', from: ['raw_coal'], to: 'electricity', ratio: 0.3 };
    const measures = {
      sw: measure([toElectricity], 100, { yesNo: true }),
      cut: measure([{ type: 'efficiency', sector: 'industry', carrier: 'electricity', reduction: 0.9 }], 100, { yesNo: true }),
      dear: measure([homes(0.9)], 100_000, { yesNo: true }),
    };
    const probe = loadTestPlan(planDoc(measures), planPathway());
    const evaluator = new PlanEvaluator(probe);
    const at = (x: number[]): number => evaluator.evaluate(Float64Array.from(x)).basic[8]!;
    const base = at([0, 0, 0]);
    // Together they avoid more than the sum of each alone: the relaxation's premise fails.
    expect(base - at([1, 1, 0])).toBeGreaterThan(base - at([1, 0, 0]) + (base - at([0, 1, 0])));
    const cap = at([1, 1, 0]) + 0.1 * (at([1, 0, 0]) - at([1, 1, 0]));
    const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2030, value: cap, unit: 'tCO2e' } } });
    const { loaded, solution } = await optimise(planDoc(measures, { constraints: { targets: ['cap'] } }), pathway);
    const brute = bruteForce(loaded, [[0, 1], [0, 1], [0, 1]]);
    expect(brute).toBeDefined();
    expect(solution.method).toBe('sequential');
    expect(solution.status).not.toBe('infeasible');
    expect(solution.cost).toBeCloseTo(brute!.cost, 6);
  });

  it('a measure whose effect is not proportional to its level (two cuts on one sector) is never claimed optimal by the local search', async () => {
    // Homes use electricity only: a cut of all their energy and one of their electricity compound (1 − 0.5 × 0.5).
    // (The same lever twice in one measure is a duplicate.)
    const measures = { a: measure([homes(0.5), { ...homes(0.5), carrier: 'electricity' }], 100), b: measure([industry(1)], 1000) };
    const probe = planDoc(measures);
    const cap = 0.7 * baselineAt(planPathway(), probe, 2035);
    const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2035, value: cap, unit: 'tCO2e' } } });
    const { loaded, evaluator, solution } = await optimise(planDoc(measures, { constraints: { targets: ['cap'] } }), pathway);
    expect(feasible(loaded, evaluator, solution.x)).toBe(true);
    expect(solution.status).toBe('feasible');
  });
});

describe('infeasible requests', () => {
  it('names the conflicting constraints and the best reachable values', async () => {
    const measures = { a: measure([industry(0.3)], 300, { yesNo: true }), b: measure([homes(0.3)], 100, { yesNo: true }) };
    const pathway = planPathway({
      targets: {
        deep: { type: 'cap', year: 2030, value: 1, unit: 'tCO2e' },
        loose: { type: 'cap', year: 2035, value: 1e12, unit: 'tCO2e' },
        peak2025: { type: 'peak', by: 2025 },
      },
    });
    const { solution, evaluator } = await optimise(planDoc(measures, { constraints: { targets: ['deep', 'loose', 'peak2025'] } }), pathway);
    expect(solution.status).toBe('infeasible');
    expect(solution.infeasible!.conflicting).toContain('target:deep');
    expect(solution.infeasible!.conflicting).not.toContain('target:loose');
    const deep = solution.infeasible!.reachable.find((r) => r.constraint === 'target:deep');
    // The lowest 2030 emissions: both measures on.
    const lowest = evaluator.evaluate(Float64Array.of(1, 1)).basic[8]!;
    expect(deep).toMatchObject({ kind: 'cap', year: 2030, allowed: 1 });
    expect(deep!.kind === 'cap' && deep!.lowest).toBeCloseTo(lowest, 0);
  });

  it('a peak the measures cannot bring forward: the earliest peak year they allow', async () => {
    // Industry grows 5 %/yr; a 30 % cut ramping 2030–2034 flattens it only while it ramps, then growth resumes.
    const measures = { a: measure([industry(0.6)], 300, { yesNo: true, adoption: { start: 2030, full: 2040 } }) };
    const pathway = planPathway({ targets: { early: { type: 'peak', by: 2025 } } });
    const { solution } = await optimise(planDoc(measures, { constraints: { targets: ['early'] } }), pathway);
    expect(solution.status).toBe('infeasible');
    expect(solution.infeasible!.conflicting).toEqual(['target:early']);
    const reach = solution.infeasible!.reachable[0]!;
    expect(reach.kind).toBe('peak');
  });

  it('a budget too small: how many times larger it would have to be', async () => {
    const measures = { a: measure([homes(0.5)], 3000, { yesNo: true }) };
    const probe = planDoc(measures);
    const cap = 0.9 * baselineAt(planPathway(), probe, 2030);
    const pathway = planPathway({ targets: { cap: { type: 'cap', year: 2030, value: cap, unit: 'tCO2e' } } });
    const { solution } = await optimise(planDoc(measures, { constraints: { targets: ['cap'], budget: { unit: '元', perYear: 500 } } }), pathway);
    expect(solution.status).toBe('infeasible');
    expect(solution.infeasible!.conflicting).toEqual(['target:cap', 'budget']);
    const budget = solution.infeasible!.reachable.find((r) => r.kind === 'budget');
    // 3000 over a 2023–2025 ramp: 1000 a year, twice the 500 budget.
    expect(budget).toMatchObject({ kind: 'budget' });
    expect(budget!.kind === 'budget' && budget!.factor).toBeCloseTo(2, 6);
  });
});
