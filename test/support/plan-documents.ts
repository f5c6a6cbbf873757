/** Small plans for the plan engine's tests: a two-sector city, measures with given costs, brute force. */
import { baseInventory, loadCatalogue, parsePlan, PlanEvaluator, judgeTarget, targetInputs, type Catalogue, type Plan } from '@peakpath/core';
import moneyData from '../../packages/core/data/actions/money.json' with { type: 'json' };
import { COAL, HOME_POWER, inventoryOf, type Fields } from './pathway-documents.ts';
import { expectSchemaAccepts } from './schema-check.ts';

/** A catalogue with no measures: the plans below give their own effects and costs. */
export const EMPTY_CATALOGUE: Catalogue = loadCatalogue({ version: 'test', sources: [], measures: [] }, moneyData);

export const PLAN_INVENTORY = inventoryOf(COAL, HOME_POWER);

/**
 * Industry (coal, driven by GDP +5 %/yr) and homes (electricity, constant population) to 2040. The city
 * is Chinese, so its targets would default to energyCo2: the targets given here say `basis: basic`
 * unless they name a basis (these tests were written on BASIC; official-basis plans are in
 * plan/official.test.ts).
 */
export function planPathway(top: Fields = {}): Fields {
  const targets = Object.fromEntries(Object.entries((top['targets'] ?? {}) as Record<string, Fields>).map(([id, target]) => [id, { basis: 'basic', ...target }]));
  return {
    endYear: 2040,
    drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: '5%' } },
    sectors: { industry: { gpc: ['I.3'], driver: 'gdp' }, homes: { gpc: ['I.1'], driver: 'population' } },
    scenarios: { bau: { actions: [] } },
    ...top,
    targets,
  };
}

/** A measure with its own effects, one unit of it, and a capex of `capex` 元 for that unit. */
export function measure(effects: Fields[], capex: number, extra: Fields = {}): Fields {
  return {
    adoption: { start: 2023, full: 2025 },
    effects,
    quantity: { value: 1, unit: 'household' },
    costs: { capex: { value: capex, unit: '元/household', source: 'test' }, lifetime: { value: 30, source: 'test' } },
    ...extra,
  };
}

export function planDoc(measures: Fields, top: Fields = {}): Fields {
  return { discountRate: 0, maccYear: 2030, baseline: 'bau', basis: 'basic', priceYear: 2022, measures, ...top };
}

export function loadTestPlan(plan: Fields, pathway: Fields = planPathway(), inventory: Fields = PLAN_INVENTORY): Plan {
  const base = baseInventory(inventory);
  if (!base.ok) throw new Error(`inventory: ${JSON.stringify(base.issues)}`);
  const parsed = parsePlan(plan, pathway, base.base, EMPTY_CATALOGUE);
  if (!parsed.ok) throw new Error(`plan: ${JSON.stringify(parsed.issues)} pathway: ${JSON.stringify(parsed.pathwayIssues)}`);
  expectSchemaAccepts('plan', plan);
  expectSchemaAccepts('pathway', pathway);
  return parsed.plan;
}

/** Whether adoption x meets the plan's targets and budget on the real pathway. */
export function feasible(plan: Plan, evaluator: PlanEvaluator, x: Float64Array): boolean {
  const ws = evaluator.evaluate(x);
  const inputs = targetInputs(ws);
  if (!plan.targets.every((target) => judgeTarget(target, inputs, evaluator.params).met)) return false;
  if (plan.budget) {
    for (let t = 0; t < evaluator.years; t++) {
      const limit = plan.budget[t]!;
      if (!Number.isFinite(limit)) continue;
      const spent = evaluator.costs.reduce((total, costs, m) => total + x[m]! * costs.outlay[t]!, 0);
      if (spent > limit * (1 + 1e-9) + 1e-6) return false;
    }
  }
  for (const [m, measure] of plan.measures.entries()) {
    for (const other of measure.requires) if (x[m]! / measure.max > x[other]! / plan.measures[other]!.max + 1e-9) return false;
    for (const other of measure.excludes) if (x[m]! > 0 && x[other]! > 0) return false;
  }
  return true;
}

/** The cheapest feasible portfolio by trying every combination of `levels` (per measure: its allowed values). */
export function bruteForce(plan: Plan, levels: readonly (readonly number[])[]): { cost: number; x: Float64Array } | undefined {
  const evaluator = new PlanEvaluator(plan);
  let best: { cost: number; x: Float64Array } | undefined;
  const x = new Float64Array(plan.measures.length);
  const visit = (m: number): void => {
    if (m === plan.measures.length) {
      if (!feasible(plan, evaluator, x)) return;
      const cost = evaluator.cost(x);
      if (!best || cost < best.cost) best = { cost, x: Float64Array.from(x) };
      return;
    }
    for (const level of levels[m]!) {
      x[m] = level;
      visit(m + 1);
    }
  };
  visit(0);
  return best;
}
