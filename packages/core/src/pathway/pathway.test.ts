/**
 * The pathway engine against hand arithmetic: the base year reproduces the inventory; a peak worked
 * out from constant growth rates; actions (adoption curves, efficiency, fuel switches, the grid,
 * local generation, removals) and how two actions combine are in actions.test.ts; targets. Each case builds a small
 * inventory and pathway inline so the expected numbers follow from the file; the arithmetic is in
 * the comments. Properties have a logged seed (replay: FC_SEED=<seed>).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { closeTo, propertySettings } from '../../../../test/support/fast-check.ts';
import { runScenario, type PathwayResult } from './results.ts';
import { findPeak } from './targets.ts';
import { type Fields, COAL, GAS, INDUSTRY_POWER, HOME_POWER, inventoryOf, pathwayDoc, load, inventoryResult, linesOf, at, expectClose, expectSeries, range } from '../../../../test/support/pathway-documents.ts';

describe('the base year reproduces the inventory', () => {
  // BASIC lines (I.1, I.3), a BASIC+ scope-3 line (I.4.3 T&D losses), a BASIC+ process line (IV.1.1)
  // and a territorial-only line (I.4.4, outside both totals).
  const inventory = inventoryOf(
    { gpc: 'I.1.1', fuel: 'natural_gas', amount: 0.5, unit: '亿立方米' },
    HOME_POWER,
    COAL,
    GAS,
    INDUSTRY_POWER,
    { gpc: 'I.4.3', energy: 'electricity', amount: 0.8, unit: '亿千瓦时' },
    { gpc: 'I.4.4', fuel: 'raw_coal', amount: 50, unit: '万吨' },
    { gpc: 'IV.1.1', method: 'ippu-cement', clinker: { value: 20, unit: '万吨' } },
  );
  const sectors = {
    buildings: { gpc: ['I.1'], driver: 'population', intensity: { growth: '1%' } },
    industry: { gpc: ['I.3'], driver: 'gdp', intensity: { growth: '-3%' }, shares: { electricity: { points: { 2030: 0.4 } } } },
    energy: { gpc: ['I.4'], driver: 'gdp' },
    cement: { gpc: ['IV'], driver: 'gdp', intensity: { growth: '-1%' } },
  };

  it('BASIC and BASIC+ in the base year equal the inventory totals, whatever the trajectories and actions', () => {
    const totals = inventoryResult(inventory).totals;
    const pathway = load(
      pathwayDoc({
        sectors,
        grid: { unit: 't/MWh', points: { 2030: 0.3 } },
        actions: { saving: { adoption: { start: 2023, full: 2025 }, effects: [{ type: 'efficiency', sector: 'industry', reduction: '20%' }] } },
        scenarios: { bau: { actions: [] }, policy: { actions: ['saving'] } },
      }),
      inventory,
    );
    for (const scenario of ['bau', 'policy']) {
      const result = runScenario(pathway, scenario);
      expectClose(result.total[0]!, totals.basic, 1e-12);
      expectClose(result.basicPlus[0]!, totals.basicPlus, 1e-12);
    }
    // BASIC+ adds the T&D losses and the cement process emissions: the two totals differ, so the test can tell them apart.
    expect(totals.basicPlus - totals.basic).toBeGreaterThan(1000);
    // Each sector's base year is its rows' emissions.
    const result = runScenario(pathway, 'bau');
    expectClose(result.bySector['buildings']![0]!, linesOf(inventory, 'I.1').co2e);
    expectClose(result.bySector['industry']![0]!, linesOf(inventory, 'I.3').co2e);
    expectClose(result.bySectorBasicPlus['cement']![0]!, linesOf(inventory, 'IV').co2e);
    expect(result.bySector['cement']![0]).toBe(0);
  });

  it('the demo city: every scenario starts from the inventory', () => {
    const read = (file: string): unknown => parse(readFileSync(new URL(`../../../../examples/demo-city/${file}`, import.meta.url), 'utf8'));
    const inventory = read('inventory.yaml') as Fields;
    const totals = inventoryResult(inventory).totals;
    const pathway = load(read('pathway.yaml') as Fields, inventory);
    expect(pathway.scenarios.map((scenario) => scenario.id)).toEqual(['bau', 'policy', 'ambitious']);
    for (const scenario of pathway.scenarios) {
      const result = runScenario(pathway, scenario.id);
      expectClose(result.total[0]!, totals.basic, 1e-12);
      expectClose(result.basicPlus[0]!, totals.basicPlus, 1e-12);
      expect(result.years).toEqual(range(2022, 2060));
    }
  });
});

describe('peak: emissions from constant rates', () => {
  const inventory = inventoryOf(COAL);
  const E0 = linesOf(inventory, 'I.3').co2e;

  // Activity = GDP, growing at g; intensity index falling at d: E_t = E0 × ((1 + g)(1 − d))^t.
  const run = (gdpGrowth: unknown, intensityGrowth: unknown, endYear = 2040): PathwayResult =>
    runScenario(
      load(
        pathwayDoc({
          endYear,
          drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: gdpGrowth } },
          sectors: { industry: { gpc: ['I.3'], driver: 'gdp', intensity: { growth: intensityGrowth } } },
        }),
        inventory,
      ),
    );

  it('E_t = E0 ((1+g)(1−d))^t: falling from the base year when (1+g)(1−d) < 1 — the peak is the base year', () => {
    // g = 3 %, d = 5 %: q = 1.03 × 0.95 = 0.9785 < 1.
    const result = run('3%', '-5%');
    expectSeries(result.total, range(0, 18).map((t) => E0 * (1.03 * 0.95) ** t), 1e-12);
    expect(result.peak).toEqual({ year: 2022, value: result.total[0] });
    expectClose(result.peak.value!, E0);
  });

  it('rising to the horizon: no peak', () => {
    // g = 5 %, d = 2 %: q = 1.05 × 0.98 = 1.029 > 1 every year.
    const result = run('5%', '-2%');
    expectClose(at(result, result.total, 2040), E0 * 1.029 ** 18, 1e-12);
    expect(result.peak).toEqual({ year: null, value: null });
  });

  it('growth g1 until Y − 1, then g2 < d from Y: the peak is Y − 1', () => {
    // growth { 2023: 5 %, 2030: 1 % }: the rate of year y takes year y − 1 to y, so
    //   E_y = E_{y−1} × 1.05 × 0.98 = × 1.029 for y ≤ 2029 (rising),
    //   E_y = E_{y−1} × 1.01 × 0.98 = × 0.9898 for y ≥ 2030 (falling).
    // The highest year is 2029 = Y − 1, with E_2029 = E0 × 1.029^7.
    const result = run({ 2023: '5%', 2030: '1%' }, '-2%');
    expect(result.peak.year).toBe(2029);
    expectClose(result.peak.value!, E0 * 1.029 ** 7, 1e-12);
    expectClose(at(result, result.total, 2030), E0 * 1.029 ** 7 * 0.9898, 1e-12);
    expectClose(at(result, result.total, 2040), E0 * 1.029 ** 7 * 0.9898 ** 11, 1e-12);
  });

  it('a bump, a dip and a higher second rise: the peak is the later, global maximum', () => {
    // GDP points 100 → 120 (2025) → 100 (2030) → 130 (2035) → 110 (2040), linear; intensity constant, so
    // E = E0 × GDP/100: a local maximum 1.2 E0 in 2025, the global one 1.3 E0 in 2035.
    const pathway = load(
      pathwayDoc({ drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', points: { 2025: 120, 2030: 100, 2035: 130, 2040: 110 } } } }),
      inventory,
    );
    const result = runScenario(pathway);
    expectClose(at(result, result.total, 2025), 1.2 * E0, 1e-12);
    expectClose(at(result, result.total, 2028), (120 - 20 * (3 / 5)) / 100 * E0, 1e-12);
    expect(result.peak.year).toBe(2035);
    expectClose(result.peak.value!, 1.3 * E0, 1e-12);
  });

  it('findPeak: the first year of the highest value, unless that is the last year', () => {
    expect(findPeak([1, 3, 2, 4, 3], 2000)).toEqual({ year: 2003, value: 4 });
    expect(findPeak([3, 2, 1], 2000)).toEqual({ year: 2000, value: 3 });
    expect(findPeak([1, 2, 3], 2000)).toEqual({ year: null, value: null });
    // A plateau: its first year; float noise (1e-12 relative) is not a rise.
    expect(findPeak([1, 5, 5 * (1 + 1e-12), 4], 2000)).toEqual({ year: 2001, value: 5 });
    expect(findPeak([1, 5, 5.001, 4], 2000)).toEqual({ year: 2002, value: 5.001 });
  });

  it('property: for any g, d, every year is E0 ((1+g)(1−d))^t and the peak is the base year or none', () => {
    const percent = fc.integer({ min: -80, max: 120 }).map((tenths) => tenths / 10); // −8.0 % … 12.0 %
    fc.assert(
      fc.property(percent, fc.integer({ min: 0, max: 80 }).map((tenths) => tenths / 10), (g, d) => {
        const q = (1 + g / 100) * (1 - d / 100);
        fc.pre(Math.abs(q - 1) > 1e-6);
        const result = run(`${g}%`, `${-d}%`, 2035);
        const expected = range(0, 13).map((t) => E0 * q ** t);
        if (!result.total.every((value, t) => closeTo(value, expected[t]!, 1e-11))) return false;
        return q < 1 ? result.peak.year === 2022 : result.peak.year === null;
      }),
      propertySettings('pathway constant rates', 200),
    );
  });
});

describe('targets', () => {
  // The peak case above: GDP +5 %/yr to 2029, +1 %/yr from 2030; intensity −2 %/yr.
  //   E_y = E0 × 1.029^(y−2022) to 2029; E_y = E0 × 1.029^7 × 0.9898^(y−2029) after; peak 2029.
  const inventory = inventoryOf(COAL);
  const E0 = linesOf(inventory, 'I.3').co2e;
  const E = (year: number): number => (year <= 2029 ? E0 * 1.029 ** (year - 2022) : E0 * 1.029 ** 7 * 0.9898 ** (year - 2029));
  const gdp = (year: number): number => (year <= 2029 ? 1.05 ** (year - 2022) : 1.05 ** 7 * 1.01 ** (year - 2029)); // relative to 2022
  const doc = (targets: Fields, extra: Fields = {}): Fields =>
    pathwayDoc({
      drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: { 2023: '5%', 2030: '1%' } } },
      sectors: { industry: { gpc: ['I.3'], driver: 'gdp', intensity: { growth: '-2%' } } },
      targets,
      ...extra,
    });
  const judged = (targets: Fields, extra: Fields = {}, scenario?: string) => {
    const result = runScenario(load(doc(targets, extra), inventory), scenario);
    return { result, target: (id: string) => result.targets.find((target) => target.id === id)! };
  };

  it('peak by: met when the peak (2029) is no later; otherwise the gap is the rise above the highest value to then', () => {
    const { result, target } = judged({
      by2030: { type: 'peak', basis: 'basic', by: 2030 },
      by2029: { type: 'peak', basis: 'basic', by: 2029 },
      by2028: { type: 'peak', basis: 'basic', by: 2028 },
      byEnd: { type: 'peak', basis: 'basic', by: 2040 },
    });
    expectClose(result.peak.value!, E(2029), 1e-12);
    expect(target('by2030').met).toBe(true);
    expect(target('by2029').met).toBe(true);
    expect(target('by2028').met).toBe(false);
    // By 2028: the gap is the excess over the highest value to 2028 (E_2028): 2029 is E_2028 × 0.029 above it;
    // 2030 is E_2028 (1.029 × 0.9898 − 1) above; from 2032 (1.029 × 0.9898³ = 0.998 < 1) none.
    const gap = target('by2028').gap as number[];
    expectClose(at(result, gap, 2029), E(2028) * 0.029, 1e-9);
    expectClose(at(result, gap, 2030), E(2028) * (1.029 * 0.9898 - 1), 1e-9);
    expect(at(result, gap, 2031)).toBeGreaterThan(0);
    expect(at(result, gap, 2032)).toBe(0);
    expect(at(result, target('by2030').gap as number[], 2031)).toBe(0);
    expect(target('by2028').gap.slice(0, 7)).toEqual(new Array(7).fill(null));
    // The horizon's last year cannot be judged met.
    expect(target('byEnd').met).toBe(false);
  });

  it('cap: gap = emissions − cap; met when at or below', () => {
    // E_2030 = E0 × 1.029^7 × 0.9898 ≈ 231,600 t.
    const { result, target } = judged({
      loose: { type: 'cap', basis: 'basic', year: 2030, value: 25, unit: '万tCO2e' },
      tight: { type: 'cap', basis: 'basic', year: 2030, value: 200000, unit: 'tCO2e' },
    });
    expect(target('loose').met).toBe(true);
    expect(target('tight').met).toBe(false);
    expectClose(at(result, target('loose').gap as number[], 2030), E(2030) - 250_000, 1e-9);
    expectClose(at(result, target('tight').gap as number[], 2030), E(2030) - 200_000, 1e-9);
    expectClose(at(result, target('tight').gap as number[], 2022), E0 - 200_000, 1e-9);
  });

  it('intensity per GDP against the base year: (E/GDP)_2030 = (E/GDP)_2022 × 0.98^8, a 14.92 % cut', () => {
    // allowed_2030 = (E0 / GDP0) × (1 − reduction) × GDP_2030; gap = E_2030 − allowed = E0 gdp(2030) (0.98^8 − (1 − reduction)).
    const { result, target } = judged({
      i14: { type: 'intensity', basis: 'basic', year: 2030, reduction: '14%', baseYear: 2022 },
      i15: { type: 'intensity', basis: 'basic', year: 2030, reduction: '15%' },
    });
    expect(target('i14').met).toBe(true);
    expect(target('i15').met).toBe(false);
    expectClose(at(result, target('i14').gap as number[], 2030), E0 * gdp(2030) * (0.98 ** 8 - 0.86), 1e-9);
    expectClose(at(result, target('i15').gap as number[], 2030), E0 * gdp(2030) * (0.98 ** 8 - 0.85), 1e-9);
  });

  it('neutrality: emissions minus removals at or below zero from the target year on', () => {
    // Removals 0 (2022) → 300,000 t (2040), linear: R_y = 300,000 (y − 2022)/18.
    //   2035: E ≈ 220,100 > R = 216,667 → not neutral;  2038 on: E ≈ 213,300 < R = 266,667 → neutral.
    // A removal action of 50,000 t/yr (full from 2023) makes 2035 neutral too.
    const R = (year: number): number => (300_000 * (year - 2022)) / 18;
    const extra = {
      removals: { unit: '万tCO2e', points: { 2022: 0, 2040: 30 } },
      actions: { forest: { adoption: { start: 2023, full: 2023 }, effects: [{ type: 'removal', value: 5, unit: '万tCO2e' }] } },
      scenarios: { bau: { actions: [] }, forest: { actions: ['forest'] } },
    };
    const targets = { n2035: { type: 'neutrality', basis: 'basic', year: 2035 }, n2038: { type: 'neutrality', basis: 'basic', year: 2038 } };
    const { result, target } = judged(targets, extra, 'bau');
    expectClose(at(result, result.removals, 2035), R(2035), 1e-12);
    expect(target('n2035').met).toBe(false);
    expect(target('n2038').met).toBe(true);
    expectClose(at(result, target('n2035').gap as number[], 2035), E(2035) - R(2035), 1e-9);
    expectClose(at(result, target('n2038').gap as number[], 2038), E(2038) - R(2038), 1e-9);
    const forest = judged(targets, extra, 'forest');
    expectClose(at(forest.result, forest.result.removals, 2035), R(2035) + 50_000, 1e-12);
    expect(forest.target('n2035').met).toBe(true);
    // Removals are not emissions: the totals are the same with or without the forest.
    expect(forest.result.total).toEqual(result.total);
  });
});

describe('scenarios', () => {
  it('`set` overrides a number of the file for that scenario only', () => {
    const inventory = inventoryOf(COAL);
    const E0 = linesOf(inventory, 'I.3').co2e;
    const pathway = load(pathwayDoc({ scenarios: { bau: { actions: [] }, slow: { actions: [], set: { 'drivers.gdp.growth': '2%' } } } }), inventory);
    expectClose(at(runScenario(pathway, 'bau'), runScenario(pathway, 'bau').total, 2030), E0 * 1.05 ** 8, 1e-12);
    const slow = runScenario(pathway, 'slow');
    expectClose(at(slow, slow.total, 2030), E0 * 1.02 ** 8, 1e-12);
  });
});
