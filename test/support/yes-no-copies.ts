/**
 * The plan that hung the optimiser (issue 11): `copies` yes/no copies of one measure — each cuts 5 % of
 * the industry's energy, so together they overlap (k copies cut 1 − 0.95^k) — and a 2030 cap that takes
 * about `share` of the industry's emissions off. The copies are interchangeable, so a MIP that must
 * prove its optimum to 10⁻⁹ explores every equivalent subset. No vitest here: the benchmark uses it too.
 */
import { createEngine, PlanEvaluator, type Plan } from '@peakpath/core';
import { PLAN_INVENTORY } from './plan-documents.ts';

type Fields = Record<string, unknown>;

/** Industry burning coal, homes on grid electricity (the plan tests' city). */
const INVENTORY: Fields = PLAN_INVENTORY;

function pathway(cap: number | undefined): Fields {
  return {
    version: 1,
    inventory: 'inventory.yaml',
    endYear: 2040,
    drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: '5%' } },
    sectors: { industry: { gpc: ['I.3'], driver: 'gdp' }, homes: { gpc: ['I.1'], driver: 'population' } },
    scenarios: { bau: { actions: [] } },
    targets: cap === undefined ? {} : { cap: { type: 'cap', basis: 'basic', year: 2030, value: cap, unit: 'tCO2e' } },
  };
}

function plan(copies: number, capped: boolean): Fields {
  const measures: Fields = {};
  for (let i = 1; i <= copies; i++) {
    measures[`cut-${i}`] = {
      adoption: { start: 2023, full: 2025 },
      effects: [{ type: 'efficiency', sector: 'industry', reduction: 0.05 }],
      quantity: { value: 1, unit: 'household' },
      costs: { capex: { value: 100, unit: '元/household', source: 'test' }, lifetime: { value: 30, source: 'test' } },
      yesNo: true,
    };
  }
  return { version: 2, pathway: 'pathway.yaml', discountRate: 0, maccYear: 2030, baseline: 'bau', basis: 'basic', priceYear: 2022, measures, ...(capped ? { constraints: { targets: ['cap'] } } : {}) };
}

/** The three documents; the cap is set from the baseline so that about `share` of the industry's 2030 emissions must go. */
export function yesNoCopies(copies = 40, share = 0.6): { plan: Fields; pathway: Fields; inventory: Fields } {
  const engine = createEngine();
  const probe = engine.compilePlan({ plan: plan(copies, false), pathway: pathway(undefined), inventory: INVENTORY });
  if (!probe.ok) throw new Error(`yes/no copies: ${JSON.stringify(probe.issues)}`);
  const evaluator = new PlanEvaluator(probe.value);
  const t = 2030 - 2022;
  const base = evaluator.evaluate(new Float64Array(copies)).basic[t]!;
  const one = Float64Array.from({ length: copies }, (_, m) => (m === 0 ? 1 : 0));
  const industry = (base - evaluator.evaluate(one).basic[t]!) / 0.05;
  return { plan: plan(copies, true), pathway: pathway(base - share * industry), inventory: INVENTORY };
}

/** The same, compiled. */
export function yesNoCopiesPlan(copies = 40, share = 0.6): Plan {
  const compiled = createEngine().compilePlan(yesNoCopies(copies, share));
  if (!compiled.ok) throw new Error(`yes/no copies: ${JSON.stringify(compiled.issues)}`);
  return compiled.value;
}
