/**
 * The pathway engine against hand arithmetic: the base year reproduces the inventory; a peak worked
 * out from constant growth rates; actions (adoption curves, efficiency, fuel switches, the grid,
 * local generation, removals) and how two actions combine; targets. Each case builds a small
 * inventory and pathway inline so the expected numbers follow from the file; the arithmetic is in
 * the comments. Properties have a logged seed (replay: FC_SEED=<seed>).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { closeTo, propertySettings } from '../../../../test/support/fast-check.ts';
import { runInventory } from '../inventory/run.ts';
import type { InventoryResult } from '../inventory/types.ts';
import type { Pathway } from './definitions.ts';
import { runScenario, type PathwayResult } from './results.ts';
import { loadPathway } from './run.ts';
import { findPeak } from './targets.ts';

type Fields = Record<string, unknown>;

const CITY = { city: { name: 'Testville', country: 'CN' }, year: 2022, grid: 'CN-east-2022', population: 1_000_000, gdp: { value: 100, unit: '亿元' } };
const COAL = { gpc: 'I.3.1', fuel: 'raw_coal', amount: 10, unit: '万吨' };
const GAS = { gpc: 'I.3.1', fuel: 'natural_gas', amount: 1, unit: '亿立方米' };
const INDUSTRY_POWER = { gpc: 'I.3.2', energy: 'electricity', amount: 1, unit: '亿千瓦时' };
const HOME_POWER = { gpc: 'I.1.2', energy: 'electricity', amount: 10, unit: '亿千瓦时' };

const inventoryOf = (...activities: Fields[]): Fields => ({ ...CITY, activities });

/** A pathway to 2040: population constant, GDP +5 %/yr, one sector (industry, I.3) driven by GDP; `top` replaces fields. */
function pathwayDoc(top: Fields = {}): Fields {
  return {
    endYear: 2040,
    drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: '5%' } },
    sectors: { industry: { gpc: ['I.3'], driver: 'gdp' } },
    scenarios: { bau: { actions: [] } },
    ...top,
  };
}

function load(pathway: Fields, inventory: Fields): Pathway {
  const loaded = loadPathway(pathway, inventory);
  if (!loaded.ok) throw new Error(`expected a valid pathway: ${JSON.stringify(loaded)}`);
  return loaded.pathway;
}

function inventoryResult(inventory: Fields): InventoryResult {
  const result = runInventory(inventory);
  if (!result.ok) throw new Error(`expected a valid inventory: ${JSON.stringify(result.issues)}`);
  return result.result;
}

/** tCO2e and tce of the inventory's lines on rows starting with `gpc` and of this fuel/energy. */
function linesOf(inventory: Fields, gpc: string): { co2e: number; tce: number; co2: number } {
  const lines = inventoryResult(inventory).lines.filter((line) => line.gpc.startsWith(gpc));
  return { co2e: lines.reduce((s, l) => s + l.co2e, 0), tce: lines.reduce((s, l) => s + l.energyTce, 0), co2: lines.reduce((s, l) => s + l.gases.CO2, 0) };
}

const at = (result: PathwayResult, series: readonly number[], year: number): number => series[year - result.baseYear]!;

function expectClose(actual: number, expected: number, relative = 1e-12): void {
  expect(closeTo(actual, expected, relative), `${actual} vs ${expected}`).toBe(true);
}

function expectSeries(actual: readonly number[], expected: readonly number[], relative = 1e-12): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(closeTo(value, expected[i]!, relative), `[${i}] ${value} vs ${expected[i]}`).toBe(true));
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

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

describe('actions', () => {
  // Two sectors: homes (electricity, constant) and industry (coal; GDP +5 %/yr).
  const inventory = inventoryOf(HOME_POWER, COAL);
  const twoSectors = {
    homes: { gpc: ['I.1'], driver: 'population' },
    industry: { gpc: ['I.3'], driver: 'gdp' },
  };
  const withAction = (adoption: Fields, effects: Fields[] = [{ type: 'efficiency', sector: 'industry', reduction: '20%' }], extra: Fields = {}): Pathway =>
    load(pathwayDoc({ sectors: twoSectors, actions: { act: { adoption, effects } }, scenarios: { bau: { actions: [] }, on: { actions: ['act'] } }, ...extra }), inventory);

  it('efficiency r = 20 %, ramp 2023–2025: the sector × (1 − adoption × r); impact = r × adoption × BAU', () => {
    // Linear ramp: adoption(y) = (y − start + 1) / (full − start + 1) = 1/3, 2/3, 1 in 2023, 2024, 2025, then 1.
    const pathway = withAction({ start: 2023, full: 2025 });
    const bau = runScenario(pathway, 'bau');
    const on = runScenario(pathway, 'on');
    const adoption = range(2022, 2040).map((year) => Math.min(1, Math.max(0, (year - 2022) / 3)));
    expectSeries(on.actions[0]!.adoption, adoption, 1e-15);
    expect(on.actions[0]!.adoption.slice(0, 4)).toEqual([0, 1 / 3, 2 / 3, 1]);
    const industry = bau.bySector['industry']!;
    expectSeries(on.bySector['industry']!, industry.map((e, y) => e * (1 - 0.2 * adoption[y]!)), 1e-12);
    // At full adoption exactly × 0.8, and homes are untouched.
    expectClose(at(on, on.bySector['industry']!, 2030), 0.8 * at(bau, industry, 2030), 1e-12);
    expect(on.bySector['homes']).toEqual(bau.bySector['homes']);
    // Impact = without − with = 0.2 × adoption × BAU industry; one action: no interaction.
    const impact = on.actions[0]!.impact;
    expectSeries(impact, industry.map((e, y) => 0.2 * adoption[y]! * e), 1e-9);
    expectClose(on.actions[0]!.cumulative, impact.reduce((s, v) => s + v, 0), 1e-12);
    on.interaction.forEach((value, y) => expect(Math.abs(value)).toBeLessThanOrEqual(1e-9 * bau.total[y]!));
  });

  it('efficiency on one carrier only: the other carriers are untouched', () => {
    // Industry has coal and gas; 50 % on gas at full adoption from 2023: industry = coal + 0.5 gas.
    const fuels = inventoryOf(COAL, GAS);
    const pathway = load(
      pathwayDoc({
        drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: 0 } },
        actions: { act: { adoption: { start: 2023, full: 2023 }, effects: [{ type: 'efficiency', sector: 'industry', carrier: 'natural_gas', reduction: 0.5 }] } },
        scenarios: { on: { actions: ['act'] } },
      }),
      fuels,
    );
    const coal = inventoryResult(fuels).lines[0]!.co2e;
    const gas = inventoryResult(fuels).lines[1]!.co2e;
    const result = runScenario(pathway);
    expectClose(result.total[0]!, coal + gas);
    expectClose(at(result, result.total, 2023), coal + 0.5 * gas, 1e-12);
  });

  it('an S-curve ramp: x²(3 − 2x) of the linear share', () => {
    // start 2023, full 2026: x = 1/4, 2/4, 3/4, 1 → 0.15625, 0.5, 0.84375, 1; level 0.6 scales it.
    const pathway = withAction({ start: 2023, full: 2026, shape: 's-curve', level: '60%' });
    const adoption = runScenario(pathway, 'on').actions[0]!.adoption;
    expectSeries(adoption.slice(0, 6), [0, 0.6 * 0.15625, 0.6 * 0.5, 0.6 * 0.84375, 0.6, 0.6], 1e-15);
  });

  it('rate adoption: min(level, rate × (years since start + 1))', () => {
    // start 2024, 10 %/yr, at most 25 %: 2022 0, 2023 0, 2024 0.1, 2025 0.2, 2026 min(0.25, 0.3) = 0.25, then 0.25.
    const pathway = withAction({ start: 2024, rate: '10%', level: '25%' });
    const on = runScenario(pathway, 'on');
    expectSeries(on.actions[0]!.adoption.slice(0, 7), [0, 0, 0.1, 0.2, 0.25, 0.25, 0.25], 1e-15);
    const bau = runScenario(pathway, 'bau');
    expectClose(at(on, on.total, 2025), at(bau, bau.total, 2025) - 0.2 * 0.2 * at(bau, bau.bySector['industry']!, 2025), 1e-12);
  });

  it('stock turnover: adoption follows the hand recursion over the stock', () => {
    // Stock 100 (2022), 110 (2023), 120 (2024 on); lifetime 10 (1/10 replaced a year); new stock takes the
    // measure at level 0.8 × linear ramp (2023: 1/2, 2024 on: 1).
    //   new(y) = S_y − 0.9 S_{y−1};  A_y = 0.9 A_{y−1} + 0.8 × ramp × new(y);  adoption = A_y / S_y
    //   2023: new = 110 − 90 = 20,   A = 0.8 × 0.5 × 20 = 8            → 8/110
    //   2024: new = 120 − 99 = 21,   A = 7.2 + 0.8 × 21 = 24           → 24/120 = 0.2
    //   2025: new = 120 − 108 = 12,  A = 21.6 + 9.6 = 31.2             → 0.26
    //   2026: new = 12,              A = 28.08 + 9.6 = 37.68           → 0.314
    const pathway = withAction({ stock: 'cars', lifetime: 10, start: 2023, full: 2024, level: 0.8 }, undefined, {
      drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: '5%' }, cars: { unit: '万辆', base: 100, points: { 2023: 110, 2024: 120 } } },
    });
    const adoption = runScenario(pathway, 'on').actions[0]!.adoption;
    expectSeries(adoption.slice(0, 5), [0, 8 / 110, 0.2, 0.26, 0.314], 1e-12);
  });

  it('activity reduction scales the whole sector, energy and emissions alike', () => {
    const pathway = withAction({ start: 2023, full: 2023, level: 0.5 }, [{ type: 'activity', sector: 'industry', reduction: '40%' }]);
    const bau = runScenario(pathway, 'bau');
    const on = runScenario(pathway, 'on');
    // 1 − 0.5 × 0.4 = 0.8 from 2023.
    expectClose(at(on, on.bySector['industry']!, 2031), 0.8 * at(bau, bau.bySector['industry']!, 2031), 1e-12);
  });

  it('an emissions effect cuts one gas of the sector', () => {
    // CH4 of the coal line −50 % at full adoption: the total falls by 0.5 × the line's CH4 in tCO2e.
    const pathway = withAction({ start: 2023, full: 2023 }, [{ type: 'emissions', sector: 'industry', gas: 'CH4', reduction: '50%' }]);
    const bau = runScenario(pathway, 'bau');
    const on = runScenario(pathway, 'on');
    const ch4 = at(bau, bau.byGas.co2e.CH4, 2030);
    expect(ch4).toBeGreaterThan(0);
    expectClose(at(on, on.total, 2030), at(bau, bau.total, 2030) - 0.5 * ch4, 1e-12);
    expectClose(at(on, on.byGas.co2e.CO2, 2030), at(bau, bau.byGas.co2e.CO2, 2030), 1e-15);
  });
});

describe('two actions on one sector', () => {
  const inventory = inventoryOf(COAL);
  const E0 = linesOf(inventory, 'I.3').co2e;
  const flat = { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: 0 } };

  it('two efficiency measures combine as (1 − r1)(1 − r2); impacts and interaction by hand', () => {
    // r1 = 20 %, r2 = 10 %, both fully adopted from 2023; activity flat, so E = E0 every year.
    //   scenario      = E0 × 0.8 × 0.9 = 0.72 E0                     (not 1 − 0.2 − 0.1 = 0.7)
    //   impact of a1  = E0 × 0.9 − 0.72 E0 = r1 (1 − r2) E0 = 0.18 E0  (the scenario without a1, minus the scenario)
    //   impact of a2  = E0 × 0.8 − 0.72 E0 = r2 (1 − r1) E0 = 0.08 E0
    //   interaction   = (BAU − scenario) − Σ impacts = 0.28 E0 − 0.26 E0 = +r1 r2 E0 = 0.02 E0
    // (each impact is counted with the other on, so overlapping measures add up to less than together).
    const pathway = load(
      pathwayDoc({
        drivers: flat,
        actions: {
          a1: { adoption: { start: 2023, full: 2023 }, effects: [{ type: 'efficiency', sector: 'industry', reduction: '20%' }] },
          a2: { adoption: { start: 2023, full: 2023 }, effects: [{ type: 'efficiency', sector: 'industry', reduction: '10%' }] },
        },
        scenarios: { both: { actions: ['a1', 'a2'] } },
      }),
      inventory,
    );
    const result = runScenario(pathway);
    expectClose(result.total[0]!, E0);
    expectClose(at(result, result.total, 2030), 0.72 * E0, 1e-12);
    const [a1, a2] = result.actions;
    expect([a1!.id, a2!.id]).toEqual(['a1', 'a2']);
    expectClose(at(result, a1!.impact, 2030), 0.18 * E0, 1e-12);
    expectClose(at(result, a2!.impact, 2030), 0.08 * E0, 1e-12);
    expectClose(at(result, result.interaction, 2030), 0.2 * 0.1 * E0, 1e-9);
    expectClose(a1!.cumulative, 18 * 0.18 * E0, 1e-12);
    expect(result.interaction[0]).toBe(0);
  });

  // Industry: coal, gas and electricity; activity flat.
  const fuels = inventoryOf(COAL, GAS, INDUSTRY_POWER);
  const switches = (order: 'ab' | 'ba', ratio: number | undefined = undefined): Pathway => {
    const a = { adoption: { start: 2023, full: 2023 }, effects: [{ type: 'switch', sector: 'industry', from: 'raw_coal', to: 'natural_gas', share: '50%', ...(ratio === undefined ? {} : { ratio }) }] };
    const b = { adoption: { start: 2023, full: 2023 }, effects: [{ type: 'switch', sector: 'industry', from: ['raw_coal'], to: 'electricity', share: '30%', ...(ratio === undefined ? {} : { ratio }) }] };
    return load(
      pathwayDoc({
        drivers: flat,
        actions: order === 'ab' ? { a, b } : { b, a },
        scenarios: { bau: { actions: [] }, both: { actions: order === 'ab' ? ['a', 'b'] : ['b', 'a'] } },
      }),
      fuels,
    );
  };

  it('two switches from one fuel: the result does not depend on the order they are listed in', () => {
    const ab = runScenario(switches('ab'), 'both');
    const ba = runScenario(switches('ba'), 'both');
    expectSeries(ba.total, ab.total, 1e-14);
    expectSeries(ba.energy.tce, ab.energy.tce, 1e-14);
    expect(ab.total[1]).not.toBe(ab.total[0]);
  });

  it('two switches from one fuel, by hand; with ratio 1 energy is conserved', () => {
    // Coal keeps (1 − 0.5)(1 − 0.3) = 0.35; the 0.65 that leaves is split 0.5 : 0.3 →
    //   0.65 × 0.5/0.8 = 0.40625 of the coal to gas, 0.65 × 0.3/0.8 = 0.24375 to electricity, in tce.
    // Each carrier's tCO2e per tce is the inventory's: f = co2e / tce of its line.
    const lines = inventoryResult(fuels).lines;
    const [coal, gas, power] = lines.map((line) => ({ tce: line.energyTce, f: line.co2e / line.energyTce }));
    const expected = 0.35 * coal!.tce * coal!.f + (gas!.tce + 0.40625 * coal!.tce) * gas!.f + (power!.tce + 0.24375 * coal!.tce) * power!.f;
    const pathway = switches('ab');
    const bau = runScenario(pathway, 'bau');
    const both = runScenario(pathway, 'both');
    expectClose(at(both, both.total, 2030), expected, 1e-12);
    // Ratio 1 (the default): one tce in for one tce out.
    expectSeries(both.energy.tce, bau.energy.tce, 1e-12);
    expectClose(bau.energy.tce[0]!, coal!.tce + gas!.tce + power!.tce, 1e-12);
    // Ratio 0.5: the 0.65 of the coal that moves arrives as half as many tce.
    const halved = runScenario(switches('ab', 0.5), 'both');
    expectClose(at(halved, halved.energy.tce, 2030), bau.energy.tce[0]! - 0.65 * coal!.tce * 0.5, 1e-12);
  });
});

describe('electricity: the grid trajectory and local generation', () => {
  // Homes: electricity only (10 亿kWh = 1,000,000 MWh), population flat; industry: coal, GDP flat.
  const inventory = inventoryOf(HOME_POWER, COAL);
  const home = linesOf(inventory, 'I.1');
  const coal = linesOf(inventory, 'I.3').co2e;
  const gridBase = home.co2 / 1e6; // tCO2/MWh of the inventory's electricity
  const sectors = { homes: { gpc: ['I.1'], driver: 'population' }, industry: { gpc: ['I.3'], driver: 'gdp' } };
  const flat = { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: 0 } };

  it('electricity lines scale with grid(y) / grid(base); other lines do not', () => {
    // grid 0.3 t/MWh in 2030, linear from the inventory's factor: 2026 is halfway.
    const result = runScenario(load(pathwayDoc({ drivers: flat, sectors, grid: { unit: 't/MWh', points: { 2030: 0.3 } } }), inventory));
    expectClose(result.bySector['homes']![0]!, home.co2e);
    expectClose(at(result, result.bySector['homes']!, 2030), home.co2e * (0.3 / gridBase), 1e-12);
    expectClose(at(result, result.bySector['homes']!, 2026), home.co2e * ((gridBase + 0.3) / 2 / gridBase), 1e-12);
    expectClose(at(result, result.bySector['homes']!, 2040), home.co2e * (0.3 / gridBase), 1e-12);
    expectClose(at(result, result.bySector['industry']!, 2030), coal, 1e-12);
  });

  it('local generation displaces grid electricity: × (1 − generation / demand)', () => {
    // 2 亿kWh = 200,000 MWh at full adoption (ramp 2023–2024: 1/2, 1) against 1,000,000 MWh of demand:
    // 2023 × (1 − 0.1), 2024 on × (1 − 0.2).
    const pathway = load(
      pathwayDoc({
        drivers: flat,
        sectors,
        actions: { pv: { adoption: { start: 2023, full: 2024 }, effects: [{ type: 'generation', value: 2, unit: '亿千瓦时' }] } },
        scenarios: { on: { actions: ['pv'] } },
      }),
      inventory,
    );
    const result = runScenario(pathway);
    expectClose(at(result, result.bySector['homes']!, 2023), 0.9 * home.co2e, 1e-12);
    expectClose(at(result, result.bySector['homes']!, 2030), 0.8 * home.co2e, 1e-12);
    expectClose(at(result, result.generation.mwh, 2030), 200_000, 1e-12);
    expect(at(result, result.generation.unused, 2030)).toBe(0);
    expectClose(at(result, result.actions[0]!.impact, 2030), 0.2 * home.co2e, 1e-12);
    expectClose(at(result, result.bySector['industry']!, 2030), coal, 1e-12);
  });

  it('generation beyond demand displaces all of it; the rest is counted unused', () => {
    // 15 亿kWh against 10: electricity emissions 0, 500,000 MWh unused.
    const pathway = load(
      pathwayDoc({
        drivers: flat,
        sectors,
        actions: { pv: { adoption: { start: 2023, full: 2023 }, effects: [{ type: 'generation', value: 15, unit: '亿千瓦时' }] } },
        scenarios: { on: { actions: ['pv'] } },
      }),
      inventory,
    );
    const result = runScenario(pathway);
    expect(at(result, result.bySector['homes']!, 2030)).toBe(0);
    expectClose(at(result, result.generation.unused, 2030), 500_000, 1e-12);
    expectClose(at(result, result.total, 2030), coal, 1e-12);
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
      by2030: { type: 'peak', by: 2030 },
      by2029: { type: 'peak', by: 2029 },
      by2028: { type: 'peak', by: 2028 },
      byEnd: { type: 'peak', by: 2040 },
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
      loose: { type: 'cap', year: 2030, value: 25, unit: '万tCO2e' },
      tight: { type: 'cap', year: 2030, value: 200000, unit: 'tCO2e' },
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
      i14: { type: 'intensity', year: 2030, reduction: '14%', baseYear: 2022 },
      i15: { type: 'intensity', year: 2030, reduction: '15%' },
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
    const targets = { n2035: { type: 'neutrality', year: 2035 }, n2038: { type: 'neutrality', year: 2038 } };
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
