/**
 * A measure's `generationPrice`: electricity sold to the grid (a wind farm) is worth the coal benchmark price, not the
 * retail price that values electricity bought — and so generation used where it is made (rooftop PV).
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOGUE, loadTestPlan, measure, PLAN_INVENTORY, planDoc, planPathway } from '../../../../test/support/plan-documents.ts';
import { expectClose } from '../../../../test/support/pathway-documents.ts';
import { baseInventory } from '../pathway/run.ts';
import { PlanEvaluator } from './evaluator.ts';
import { parsePlan } from './parse.ts';

const Y2030 = 8;
const prices = { electricity: { value: 0.68, unit: '元/kWh', source: 'retail tariff' }, raw_coal: { value: 40, unit: '元/GJ', source: 'test price' } };
const generation = (extra = {}) => ({ ...measure([{ type: 'generation', value: 1e5, unit: 'MWh' }], 100), adoption: { start: 2023, full: 2023 }, ...extra });
const benchmark = { value: 0.3736, unit: '元/kWh', source: '燃煤基准价' };

describe('generation sold to the grid, valued at its own price', () => {
  it('100,000 MWh at the coal benchmark 0.3736 元/kWh beside the same generation used on site at 0.68', () => {
    const plan = loadTestPlan(planDoc({ roof: generation(), farm: generation({ generationPrice: benchmark }) }, { energyPrices: prices }), planPathway());
    const evaluator = new PlanEvaluator(plan);
    expectClose(evaluator.costs[0]!.energySavings[Y2030]!, 1e5 * 1000 * 0.68, 1e-9);
    expectClose(evaluator.costs[1]!.energySavings[Y2030]!, 1e5 * 1000 * 0.3736, 1e-9);
    // The emissions it avoids are the same: only the money differs.
    const alone = (m: number) => evaluator.evaluate(m === 0 ? [1, 0] : [0, 1]).basic[Y2030]!;
    expectClose(alone(0), alone(1), 1e-12);
    expect(plan.measures[1]!.generationPrice?.text).toEqual({ en: '0.3736 CNY/kWh (source: "燃煤基准价")', zh: '0.3736 元/千瓦时（来源：“燃煤基准价”）' });
    expect(plan.assumptions.find((a) => a.code === 'generation-price')?.text.en).toBe('electricity generated and sold to the grid valued at its own price, not the electricity price: farm 0.3736 CNY/kWh (source: "燃煤基准价")');
  });

  it('a measure that also saves fuel keeps the fuel at its price: only the electricity part is restated', () => {
    const both = { ...measure([{ type: 'generation', value: 1e5, unit: 'MWh' }, { type: 'efficiency', sector: 'industry', reduction: 0.2 }], 100), adoption: { start: 2023, full: 2023 } };
    const valued = (extra: object) => new PlanEvaluator(loadTestPlan(planDoc({ m: { ...both, ...extra } }, { energyPrices: prices }), planPathway())).costs[0]!.energySavings[Y2030]!;
    const retail = valued({});
    const sold = valued({ generationPrice: benchmark });
    // The industry cut also saves electricity bought, so the restated part is the whole electricity saving, not only the generation.
    expect(sold).toBeLessThan(retail);
    expect(retail - sold).toBeGreaterThanOrEqual(1e5 * 1000 * (0.68 - 0.3736) * (1 - 1e-9));
  });

  it('needs the plan\u2019s electricity price and a price per unit of energy', () => {
    const base = baseInventory(PLAN_INVENTORY);
    if (!base.ok) throw new Error('inventory');
    const noElectricity = parsePlan(planDoc({ farm: generation({ generationPrice: benchmark }) }, { energyPrices: { raw_coal: prices.raw_coal } }), planPathway(), base.base, EMPTY_CATALOGUE);
    expect(noElectricity.ok).toBe(false);
    if (!noElectricity.ok) expect(noElectricity.issues).toContainEqual({ path: ['energyPrices', 'electricity'], code: 'required' });
    const perMass = parsePlan(planDoc({ farm: generation({ generationPrice: { value: 860, unit: '元/t', source: 's' } }) }, { energyPrices: prices }), planPathway(), base.base, EMPTY_CATALOGUE);
    expect(perMass.ok).toBe(false);
    if (!perMass.ok) expect(perMass.issues).toContainEqual({ path: ['measures', 'farm', 'generationPrice', 'unit'], code: 'wrong-dimension', unit: 'CNY/t', got: 'money/mass', expected: ['money/energy'] });
  });
});
