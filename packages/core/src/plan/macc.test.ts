/**
 * The MACC through the pathway: merit order, interaction between measures on the same emissions
 * (the second is credited only with what the first left), measures with nothing to avoid in the
 * year, negative costs; and the cost arithmetic behind it (restatement in CNY, streams, discounting).
 */
import { describe, expect, it } from 'vitest';
import moneyData from '../../data/actions/money.json' with { type: 'json' };
import { EMPTY_CATALOGUE, loadTestPlan, measure, PLAN_INVENTORY, planDoc, planPathway } from '../../../../test/support/plan-documents.ts';
import { baseInventory } from '../pathway/run.ts';
import { parsePlan } from './parse.ts';
import { expectClose } from '../../../../test/support/pathway-documents.ts';
import { parseUnit } from '../units/units.ts';
import { defaultCatalogue } from './catalogue.ts';
import { capitalRecovery, costStreams, cpiFactor, discountFactors, presentCost, restateCost } from './costs.ts';
import { PlanEvaluator } from './evaluator.ts';
import { buildMacc, netEmissions } from './macc.ts';

const industry = (reduction: number) => ({ type: 'efficiency', sector: 'industry', reduction });
const homes = (reduction: number) => ({ type: 'efficiency', sector: 'homes', reduction });
const Y2030 = 8;

describe('merit order through the pathway', () => {
  it('two 30 % cuts on one sector: the second is credited with 0.3 × 0.7 of the sector', () => {
    const plan = loadTestPlan(planDoc({ cheap: measure([industry(0.3)], 300), dear: measure([industry(0.3)], 600) }), planPathway());
    const evaluator = new PlanEvaluator(plan);
    const base = evaluator.evaluate(Float64Array.of(0, 0)).basic[Y2030]!;
    const cheapAlone = evaluator.evaluate(Float64Array.of(1, 0)).basic[Y2030]!;
    const both = evaluator.evaluate(Float64Array.of(1, 1)).basic[Y2030]!;
    const industry2030 = (base - cheapAlone) / 0.3;
    const macc = buildMacc(evaluator);
    expect(macc.entries.map((entry) => entry.id)).toEqual(['cheap', 'dear']);
    expectClose(macc.entries[0]!.abatement, 0.3 * industry2030, 1e-9);
    expectClose(macc.entries[1]!.abatement, 0.3 * 0.7 * industry2030, 1e-9);
    expectClose(macc.entries[1]!.standaloneAbatement, 0.3 * industry2030, 1e-9);
    // Each tonne counted once: the curve adds up to what all measures together avoid.
    expectClose(macc.totalAbatement, base - both, 1e-12);
    expectClose(macc.entries[0]!.abatement + macc.entries[1]!.abatement, base - both, 1e-9);
    // The running total along the merit order (the MACC's horizontal axis) ends at the total.
    expectClose(macc.entries[0]!.runningAbatement, 0.3 * industry2030, 1e-9);
    expectClose(macc.entries[1]!.runningAbatement, base - both, 1e-9);
    expectClose(macc.entries[1]!.runningAbatement, macc.totalAbatement, 1e-12);
    // The second's cost per tonne rises as its abatement shrinks.
    expectClose(macc.entries[1]!.costPerTonne!, macc.entries[1]!.annualCost / (0.21 * industry2030), 1e-9);
  });

  it('merit order can change once interactions are counted: a cheap measure that overlaps drops back', () => {
    // a: 50 % of industry for 1000; b: 50 % of industry for 1100; c: 20 % of homes for 300.
    const plan = loadTestPlan(planDoc({ a: measure([industry(0.5)], 1000), b: measure([industry(0.5)], 1100), c: measure([homes(0.2)], 300) }), planPathway());
    const evaluator = new PlanEvaluator(plan);
    const macc = buildMacc(evaluator);
    const perTonne = macc.entries.map((entry) => entry.costPerTonne!);
    expect([...perTonne].sort((x, y) => x - y)).toEqual(perTonne);
    // b comes after a, credited with half of what it avoids alone.
    const a = macc.entries.findIndex((entry) => entry.id === 'a');
    const b = macc.entries.findIndex((entry) => entry.id === 'b');
    expect(a).toBeLessThan(b);
    expectClose(macc.entries[b]!.abatement, 0.5 * macc.entries[b]!.standaloneAbatement, 1e-9);
  });

  it('horizon abatement: the tonnes of each entry summed over every year of the pathway, after the entries before it', () => {
    const plan = loadTestPlan(planDoc({ cheap: measure([industry(0.3)], 300), dear: measure([industry(0.3)], 600) }), planPathway());
    const evaluator = new PlanEvaluator(plan);
    const net = (x: Float64Array) => Array.from(netEmissions(evaluator.evaluate(x), plan.basis, new Float64Array(evaluator.years)));
    const [none, cheap, both] = [net(Float64Array.of(0, 0)), net(Float64Array.of(1, 0)), net(Float64Array.of(1, 1))];
    const sumOver = (from: number[], to: number[]) => from.reduce((total, value, t) => total + value - to[t]!, 0);
    const macc = buildMacc(evaluator);
    expectClose(macc.entries[0]!.horizonAbatement, sumOver(none, cheap), 1e-9);
    expectClose(macc.entries[1]!.horizonAbatement, sumOver(cheap, both), 1e-9);
    // Over the horizon, not one year: more than the MACC year's tonnes.
    expect(macc.entries[0]!.horizonAbatement).toBeGreaterThan(macc.entries[0]!.abatement);
  });

  it('measures on different sectors: merit-order abatement equals the stand-alone abatement', () => {
    const plan = loadTestPlan(planDoc({ i: measure([industry(0.2)], 500), h: measure([homes(0.2)], 100) }), planPathway());
    const macc = buildMacc(new PlanEvaluator(plan));
    for (const entry of macc.entries) expectClose(entry.abatement, entry.standaloneAbatement, 1e-9);
  });

  it('a measure that starts after the MACC year avoids nothing then: no cost per tonne, last', () => {
    const late = measure([homes(0.5)], 1, { adoption: { start: 2033, full: 2035 } });
    const plan = loadTestPlan(planDoc({ late, now: measure([homes(0.1)], 1000) }), planPathway());
    const macc = buildMacc(new PlanEvaluator(plan));
    expect(macc.entries.map((entry) => entry.id)).toEqual(['now', 'late']);
    expect(macc.entries[1]!.costPerTonne).toBeNull();
    expect(macc.entries[1]!.abatement).toBe(0);
    // Nothing in 2030, but it avoids emissions from 2033 on: the horizon sum counts them.
    expect(macc.entries[1]!.horizonAbatement).toBeGreaterThan(0);
    // The running total does not move at an entry that avoids nothing in the MACC year.
    expect(macc.entries[1]!.runningAbatement).toBe(macc.entries[0]!.runningAbatement);
  });

  it('a measure that saves money comes first with a negative cost per tonne', () => {
    const saver = measure([homes(0.1)], 100, { costs: { capex: { value: 100, unit: '元/household', source: 't' }, savings: { value: 50, unit: '元/household', source: 't' }, lifetime: { value: 10, source: 't' } } });
    const plan = loadTestPlan(planDoc({ spender: measure([industry(0.1)], 10), saver }), planPathway());
    const macc = buildMacc(new PlanEvaluator(plan));
    expect(macc.entries[0]!.id).toBe('saver');
    // Undiscounted (rate 0): 100/10 capex a year + 0 opex − 50 savings = −40 for its one unit in 2030.
    expectClose(macc.entries[0]!.annualCost, -40, 1e-12);
    expect(macc.entries[0]!.costPerTonne!).toBeLessThan(0);
  });

  it('cost in the MACC year: units × (capex × capital recovery + opex − savings), at 8 %', () => {
    const m = measure([homes(0.2)], 0, { quantity: { value: 1000, unit: 'household' }, costs: { capex: { value: 5000, unit: '元/household', source: 't' }, opex: { value: 100, unit: '元/household', source: 't' }, lifetime: { value: 20, source: 't' } } });
    const plan = loadTestPlan(planDoc({ m }, { discountRate: '8%' }), planPathway());
    const macc = buildMacc(new PlanEvaluator(plan));
    // CRF(8 %, 20) = 0.08 / (1 − 1.08^−20) = 0.1018522; 1000 × (5000 × 0.1018522 + 100) = 609,261.1
    expectClose(macc.entries[0]!.annualCost, 1000 * (5000 * capitalRecovery(0.08, 20) + 100), 1e-12);
    expect(macc.entries[0]!.annualCost).toBeCloseTo(609_261.1, 0);
  });
});

describe('cost arithmetic', () => {
  const money = defaultCatalogue().money;
  const kW = parseUnit('kW')!;

  it('restates a 2014 USD cost in CNY of 2022: rate of 2014, then China CPI 2015–2022 chained', () => {
    const cpi = 1.014 * 1.02 * 1.016 * 1.021 * 1.029 * 1.025 * 1.009 * 1.02;
    expectClose(cpiFactor(money, 2014, 2022)!, cpi, 1e-12);
    expectClose(cpiFactor(money, 2022, 2014)!, 1 / cpi, 1e-12);
    const pv = defaultCatalogue().measure('rooftop-pv')!.capex!;
    const restated = restateCost(pv, kW, 2022, money);
    expect(restated.ok).toBe(true);
    // 2012 USD/kW × 6.1428 CNY/USD × 1.16934… = 14,452.9 CNY2022/kW
    if (restated.ok) expectClose(restated.cost.value, 2012 * 6.1428 * cpi, 1e-12);
    if (restated.ok) expect(restated.cost.basis).toContain('6.1428 CNY/USD');
  });

  it('per W becomes per kW; the conventional alternative is subtracted (incremental cost)', () => {
    const perWatt = restateCost({ value: 5.8, currency: 'CNY', priceYear: 2017, per: 'W', source: 's', marker: 'S' }, kW, 2017, money);
    expect(perWatt.ok && perWatt.cost.value).toBeCloseTo(5800, 9);
    const incremental = restateCost({ value: 36318, conventional: 25325, currency: 'USD', priceYear: 2014, per: 'vehicle', source: 's', marker: 'V' }, parseUnit('vehicle')!, 2014, money);
    expect(incremental.ok && incremental.cost.value).toBeCloseTo((36318 - 25325) * 6.1428, 6);
  });

  it('a price year without a rate or a CPI step cannot be restated', () => {
    expect(restateCost({ value: 1, currency: 'USD', priceYear: 2005, per: 'kW', source: 's', marker: 'V' }, kW, 2022, money)).toEqual({ ok: false, currency: 'USD', year: 2005 });
    expect(restateCost({ value: 1, currency: 'CNY', priceYear: 2022, per: 'kW', source: 's', marker: 'V' }, kW, 2026, money)).toEqual({ ok: false, currency: 'CNY', year: 2022 });
    expect(moneyData.usdCny.length).toBeGreaterThan(10);
  });

  it('streams: installations follow growth and replacement; salvage is the unused life of the last units', () => {
    // Units in use 0, 1, 2, 2, 2 with a 2-year life: one installed each year from year 1 (growth, then replacements).
    const streams = costStreams(Float64Array.of(0, 1, 2, 2, 2), 10, 1, 3, 2);
    expect(Array.from(streams.installed)).toEqual([0, 1, 1, 1, 1]);
    expect(Array.from(streams.capex)).toEqual([0, 10, 10, 10, 10]);
    expect(Array.from(streams.opex)).toEqual([0, 1, 2, 2, 2]);
    expect(Array.from(streams.savings)).toEqual([0, 3, 6, 6, 6]);
    // The unit installed in the last year has used 1 of its 2 years: half its capex left.
    expect(streams.salvage).toBe(5);
    // Undiscounted: 40 capex + 7 opex − 21 savings − 5 salvage = 21.
    expect(presentCost(streams, discountFactors(5, 0))).toBe(21);
    const discounted = presentCost(streams, discountFactors(5, 0.1));
    const expected = [0, 1, 2, 3, 4].reduce((sum, y) => sum + (streams.capex[y]! + streams.opex[y]! - streams.savings[y]!) / 1.1 ** y, 0) - 5 / 1.1 ** 4;
    expectClose(discounted, expected, 1e-12);
  });

  it('a shrinking stock: the oldest units retire early, are not replaced, and are not credited at the end', () => {
    // 100 units, then 50 from year 2 (life 3): 50 of year 1's retire early in year 2; the other 50 reach the
    // end of their life in year 4 and are replaced; those 50 have used 2 of 3 years by the end: a third left.
    const shrinking = costStreams(Float64Array.of(0, 100, 50, 50, 50, 50), 1, 0, 0, 3);
    expect(Array.from(shrinking.installed)).toEqual([0, 100, 0, 0, 50, 0]);
    expectClose(shrinking.salvage, 50 / 3, 1e-12);
    // Units in use to year 3, then none: nothing is replaced or credited after they go.
    const ended = costStreams(Float64Array.of(0, 100, 100, 100, 0, 0), 1, 0, 0, 10);
    expect(Array.from(ended.installed)).toEqual([0, 100, 0, 0, 0, 0]);
    expect(ended.salvage).toBe(0);
  });

  it('capital recovery factor: r / (1 − (1 + r)^−n); 1/n at r = 0', () => {
    expectClose(capitalRecovery(0.08, 20), 0.08 / (1 - 1.08 ** -20), 1e-15);
    expect(capitalRecovery(0.08, 20)).toBeCloseTo(0.1018522, 7);
    expect(capitalRecovery(0, 25)).toBe(0.04);
  });
});

describe('energy savings at the plan\'s prices', () => {
  const prices = { electricity: { value: 0.6, unit: '元/kWh', source: 'test tariff' }, raw_coal: { value: 40, unit: '元/GJ', source: 'test price' } };

  it('an efficiency cut saves its share of the energy bill: 10 % of homes\' 10 亿kWh × 0.6 元/kWh', () => {
    const plan = loadTestPlan(planDoc({ h: measure([homes(0.1)], 100) }, { energyPrices: prices }), planPathway());
    const evaluator = new PlanEvaluator(plan);
    const saved = evaluator.costs[0]!.energySavings;
    // Homes use 10 亿kWh a year (constant population); the cut ramps 2023–2025: a third, two thirds, then all of it.
    expectClose(saved[Y2030]!, 0.1 * 1e9 * 0.6, 1e-9);
    expectClose(saved[1]!, (1 / 3) * 0.1 * 1e9 * 0.6, 1e-9);
    expect(saved[0]).toBe(0);
    // The savings lower the measure's cost: undiscounted, 19 years of 6 千万元 at full minus the ramp.
    const withoutPrices = new PlanEvaluator(loadTestPlan(planDoc({ h: measure([homes(0.1)], 100) }), planPathway()));
    expectClose(withoutPrices.costs[0]!.presentCost - evaluator.costs[0]!.presentCost, saved.reduce((a, b) => a + b, 0), 1e-12);
    expect(plan.assumptions.some((a) => a.code === 'energy-savings' && a.text.en.includes('electricity 0.6 CNY/kWh (source: "test tariff")') && a.text.zh.includes('电力 0.6 元/千瓦时（来源：“test tariff”）'))).toBe(true);
  });

  it('coal saved in industry: tce × 29.3076 GJ × 40 元/GJ; local generation saves the electricity not bought', () => {
    const pv = { ...measure([{ type: 'generation', value: 1e5, unit: 'MWh' }], 100), adoption: { start: 2023, full: 2023 } };
    const plan = loadTestPlan(planDoc({ coal: measure([industry(0.2)], 100), pv }, { energyPrices: prices }), planPathway());
    const evaluator = new PlanEvaluator(plan);
    const base = evaluator.evaluate(Float64Array.of(0, 0));
    // Industry's coal line: its tce in 2030 (GDP +5 %/yr), as the pathway computes it.
    let coalTce = 0;
    const { lines, sectors } = plan.pathway.model;
    for (let l = 0; l < lines.count; l++) if (lines.carrier[l]! >= 0 && sectors[lines.sector[l]!]!.carriers[lines.carrier[l]!] === 'raw_coal') coalTce += base.lineQuantities(l)[Y2030]!;
    expect(coalTce).toBeGreaterThan(0);
    expectClose(evaluator.costs[0]!.energySavings[Y2030]!, 0.2 * coalTce * 29.3076 * 40, 1e-9);
    // 100,000 MWh displace grid electricity bought: 1e8 kWh × 0.6 元.
    expectClose(evaluator.costs[1]!.energySavings[Y2030]!, 1e5 * 1000 * 0.6, 1e-9);
  });

  it('a price per mass is refused (a price per unit of energy is needed); a carrier the pathway lacks is unknown', () => {
    const base = baseInventory(PLAN_INVENTORY);
    if (!base.ok) throw new Error('inventory');
    const parsed = parsePlan(planDoc({ h: measure([homes(0.1)], 100) }, { energyPrices: { raw_coal: { value: 900, unit: '元/t', source: 's' }, diesle: { value: 1, unit: '元/GJ', source: 's' } } }), planPathway(), base.base, EMPTY_CATALOGUE);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toHaveLength(2);
    expect(parsed.issues).toContainEqual({ path: ['energyPrices', 'raw_coal', 'unit'], code: 'wrong-dimension', unit: 'CNY/t', got: 'money/mass', expected: ['money/energy'] });
    expect(parsed.issues).toContainEqual(expect.objectContaining({ path: ['energyPrices', 'diesle'], code: 'unknown-reference', kind: 'carrier', got: 'diesle' }));
  });
});
