/**
 * Actions against hand arithmetic: adoption curves (ramp, S-curve, rate, stock turnover), efficiency,
 * activity, emissions and fuel-switch effects, how two actions on one sector combine (interaction), and
 * electricity: the grid trajectory and local generation. The arithmetic is in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { Pathway } from './definitions.ts';
import { runScenario } from './results.ts';
import { type Fields, COAL, GAS, INDUSTRY_POWER, HOME_POWER, inventoryOf, pathwayDoc, load, inventoryResult, linesOf, at, expectClose, expectSeries, range } from '../../../../test/support/pathway-documents.ts';

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

  it('a percentage with the full-width sign ("40％", as Chinese input methods type it) reads as with "%"', () => {
    const halfWidth = runScenario(withAction({ start: 2023, full: 2023, level: 0.5 }, [{ type: 'activity', sector: 'industry', reduction: '40%' }]), 'on');
    const fullWidth = runScenario(withAction({ start: 2023, full: 2023, level: 0.5 }, [{ type: 'activity', sector: 'industry', reduction: '40％' }]), 'on');
    expect(fullWidth.total).toEqual(halfWidth.total);
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
