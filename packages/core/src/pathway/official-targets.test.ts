/**
 * Targets on China's official basis against hand arithmetic: the default basis (energyCo2 for a Chinese
 * city, BASIC elsewhere), decline targets chained over two plan periods, a reference year before the
 * inventory (its value given), the non-fossil share and the total-energy cap.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from './results.ts';
import { chainedDecline } from './targets.ts';
import { COAL, engine, inventoryOf, inventoryResult, load, pathwayDoc, expectClose, type Fields } from '../../../../test/support/pathway-documents.ts';

// Industry coal only (I.3.1, 10 万t): no electricity, so energyCo2 = the coal's CO2 (net imports 0).
// GDP +5 %/yr; the sector's energy per GDP falls 4 %/yr, so CO2 per GDP falls 4 %/yr: 0.96^t.
const INVENTORY = inventoryOf(COAL);
const co2 = inventoryResult(INVENTORY).official.energyCo2.total;
// 2022 intensity, tCO2 per 万元: GDP 100 亿元 = 1,000,000 万元.
const i2022 = co2 / 1e6;
const run = (targets: Fields) => runScenario(load(pathwayDoc({ sectors: { industry: { gpc: ['I.3'], driver: 'gdp', intensity: { growth: '-4%' } } }, targets }), INVENTORY));

describe('cumulative decline over plan periods', () => {
  it('−18 % then −17 % is −31.94 %: 1 − (1 − 0.18)(1 − 0.17)', () => {
    expect(chainedDecline([0.18, 0.17])).toBeCloseTo(0.3194, 12);
  });

  it('two periods from the base year, each judged at its end, the second on the chained value', () => {
    // 2025: 0.96^3 = 0.884736 (−11.53 %), 2030: 0.96^8 = 0.721390 (−27.86 %).
    // −10 % then −20 % chain to 0.9 × 0.8 = 0.72: 2030 misses by (0.721390 − 0.72) × 2022 intensity × GDP 2030.
    // −10 % then −19 % chain to 0.9 × 0.81 = 0.729: met (a sum of the two, −29 %, would wrongly fail).
    const result = run({
      tight: { type: 'decline', of: 'co2PerGdp', from: 2022, periods: { 2025: '10%', 2030: '20%' } },
      loose: { type: 'decline', of: 'co2PerGdp', from: 2022, periods: { 2025: '10%', 2030: '19%' } },
    });
    const tight = result.targets.find((target) => target.id === 'tight')!;
    const loose = result.targets.find((target) => target.id === 'loose')!;
    expect(tight.basis).toBe('energyCo2');
    expect(tight.gapUnit).toBe('tCO2');
    expect(tight.cumulative).toBeCloseTo(0.28, 12);
    expect(tight.met).toBe(false);
    const gdp2030 = 1e6 * 1.05 ** 8;
    expectClose(tight.gap[3]!, (0.884736 - 0.9) * i2022 * 1e6 * 1.05 ** 3, 1e-9);
    expectClose(tight.gap[8]!, (0.96 ** 8 - 0.72) * i2022 * gdp2030, 1e-9);
    expect(tight.gap[5]).toBeNull();
    expect(loose.met).toBe(true);
    expect(loose.cumulative).toBeCloseTo(1 - 0.9 * 0.81, 12);
  });

  it('from a year before the inventory: the given value is the reference', () => {
    // 2020 intensity given as 2022's / 0.95 (−5 % already by 2022). 2025 allowed: 0.82 / 0.95 = 0.863158 of 2022's;
    // the pathway reaches 0.884736: missed. A −16 % target allows 0.84 / 0.95 = 0.884211: still missed; −15 %: 0.894737, met.
    const value = i2022 / 0.95;
    const targets = (reduction: string) => ({ fyp: { type: 'decline', of: 'co2PerGdp', from: 2020, baseValue: { value, unit: 't/万元', source: 'test' }, periods: { 2025: reduction } } });
    expect(run(targets('18%')).targets[0]!.met).toBe(false);
    expect(run(targets('16%')).targets[0]!.met).toBe(false);
    const met = run(targets('15%')).targets[0]!;
    expect(met.met).toBe(true);
    expectClose(met.gap[3]!, (0.884736 - 0.85 / 0.95) * i2022 * 1e6 * 1.05 ** 3, 1e-9);
  });

  it('energy per GDP: on the official total energy (tce), calorific here as the inventory gives no coal rate', () => {
    const result = run({ energy: { type: 'decline', of: 'energyPerGdp', from: 2022, periods: { 2030: '25%' } } });
    const target = result.targets[0]!;
    expect(target.basis).toBe('energyCo2');
    expect(target.gapUnit).toBe('tce');
    // Energy follows the same 0.96^t per GDP: 0.72139 ≤ 0.75 — met, gap = (0.72139 − 0.75) × energy 2022 × 1.05^8.
    expect(target.met).toBe(true);
    expectClose(target.gap[8]!, (0.96 ** 8 - 0.75) * result.official.energy.tce[0]! * 1.05 ** 8, 1e-9);
    expect(result.assumptions.map((a) => a.code)).toContain('target-energy');
  });
});

describe('the default basis', () => {
  it('a Chinese city: energyCo2, stated; BASIC when the target says so', () => {
    const result = run({ peak: { type: 'peak', by: 2030 }, gpc: { type: 'peak', basis: 'basic', by: 2030 } });
    expect(result.targets.map((target) => target.basis)).toEqual(['energyCo2', 'basic']);
    expect(result.assumptions.find((a) => a.code === 'target-basis')?.text.en).toMatch(/energy-activity CO2/);
  });

  it('GDP prices unstated: said with the result, the intensities labelled so', () => {
    const result = run({});
    expect(result.official.intensity.gdpPrices).toBeNull();
    expect(result.assumptions.map((a) => a.code)).toContain('gdp-prices-unstated');
  });

  it('elsewhere: BASIC, stated', () => {
    const inventory = { ...inventoryOf({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: '万吨' }), city: { name: 'Testville', country: 'GB' }, gdp: { value: 100, unit: '亿元' } };
    const result = runScenario(load(pathwayDoc({ targets: { peak: { type: 'peak', by: 2030 } } }), inventory));
    expect(result.targets[0]!.basis).toBe('basic');
    expect(result.assumptions.find((a) => a.code === 'target-basis')?.text.en).toMatch(/BASIC/);
  });
});

describe('non-fossil share and total energy cap', () => {
  it('judged on the official total: share × total − non-fossil ≤ 0; total ≤ cap', () => {
    // No local non-fossil generation: the share is 0, so any positive share is missed by share × total.
    const result = run({ nf: { type: 'nonFossil', year: 2030, share: '20%' }, cap: { type: 'energyCap', year: 2030, value: 1, unit: '万tce' }, capLoose: { type: 'energyCap', year: 2030, value: 100, unit: '万tce' } });
    const [nf, cap, loose] = result.targets;
    const energy2030 = result.official.energy.tce[8]!;
    expect(nf!.met).toBe(false);
    expectClose(nf!.gap[8]!, 0.2 * energy2030);
    // 10 万t raw coal ≈ 7.1 万tce, × 1.05^8 × 0.96^8 ≈ 7.6 万tce: above 1, below 100.
    expect(cap!.met).toBe(false);
    expectClose(cap!.gap[8]!, energy2030 - 10_000);
    expect(loose!.met).toBe(true);
  });

  it('a basis on an energy target is refused', () => {
    const loaded = engine.compilePathway({ pathway: pathwayDoc({ targets: { nf: { type: 'nonFossil', basis: 'basic', year: 2030, share: '20%' } } }), inventory: INVENTORY });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.issues.map((issue) => [issue.path, issue.code])).toEqual([[['targets', 'nf', 'basis'], 'not-applicable']]);
  });
});
