/**
 * China's official quantities in a pathway, year by year: the base year equals the inventory's
 * `official` (the demo city and a small city); the supply model — local generation by source, plant
 * fuel following generation, CHP fuel split by the efficiency method, net imports as the balance —
 * against hand arithmetic; plant actions move the official quantity and leave BASIC where it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runScenario } from './results.ts';
import { CITY, COAL, HOME_POWER, at, engine, expectClose, expectSeries, inventoryResult, linesOf, load, pathwayDoc, type Fields } from '../../../../test/support/pathway-documents.ts';

const ROOT = join(import.meta.dirname, '../../../..');

describe('the base year equals the inventory’s official quantities', () => {
  it('the demo city: energyCo2 and its parts, total energy, non-fossil share, intensities, electricity balance', () => {
    const inventory = parse(readFileSync(join(ROOT, 'examples/demo-city/inventory.yaml'), 'utf8')) as Fields;
    const pathwayFile = parse(readFileSync(join(ROOT, 'examples/demo-city/pathway.yaml'), 'utf8')) as Fields;
    const official = inventoryResult(inventory).official;
    const compiled = engine.compilePathway({ pathway: pathwayFile, inventory });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    for (const scenario of compiled.value.scenarios) {
      const result = runScenario(compiled.value, scenario.id).official;
      // Equal up to the rounding of sums taken in another order (relative 1e-12).
      expectClose(result.energyCo2[0]!, official.energyCo2.total);
      expectClose(result.parts.electricityImports[0]!, official.energyCo2.components.find((part) => part.id === 'electricity-net-imports')!.value);
      expectClose(result.parts.combustion[0]! + result.parts.plants[0]!, official.energyCo2.components.find((part) => part.id === 'combustion')!.value);
      expect(result.energy.method).toBe('coal-equivalent');
      expectClose(result.energy.tce[0]!, official.energy.coalEquivalent!.total);
      expectClose(result.energy.nonFossilShare[0]!, official.nonFossil.share);
      expectClose(result.intensity.co2PerGdp[0]!, official.intensity.co2PerGdp!);
      expectClose(result.intensity.energyPerGdp[0]!, official.intensity.energyPerGdp!);
      expect(result.intensity.gdpPrices).toBe(2022);
      expectClose(result.electricity.consumption[0]!, official.electricity.consumption);
      expectClose(result.electricity.generation[0]!, official.electricity.generation);
      expectClose(result.electricity.netImports[0]!, official.electricity.netImports);
    }
  });
});

// A small Chinese city: industry coal (I.3.1), homes' electricity 10 亿kWh = 1,000,000 MWh (I.1.2), a coal
// power plant burning 50 万t raw coal for 10 亿kWh and a gas CHP burning 1 亿m3 for 3 亿kWh and
// 1,000,000 GJ of heat (I.4.4, territorial only), 1 亿kWh of local solar.
const PLANT_COAL = { gpc: 'I.4.4', fuel: 'raw_coal', amount: 50, unit: '万吨' };
const PLANT_GAS = { gpc: 'I.4.4', fuel: 'natural_gas', amount: 1, unit: '亿立方米' };
const INVENTORY: Fields = {
  ...CITY,
  supply: {
    electricity: {
      generation: [
        { source: 'coal', amount: 10, unit: '亿千瓦时' },
        { source: 'gas', amount: 3, unit: '亿千瓦时', chp: true },
        { source: 'solar', amount: 1, unit: '亿千瓦时' },
      ],
    },
    heat: { generation: [{ source: 'gas', amount: 1_000_000, unit: 'GJ', chp: true }] },
  },
  activities: [COAL, HOME_POWER, PLANT_COAL, PLANT_GAS],
};
const SECTORS = { industry: { gpc: ['I.3'], driver: 'gdp' }, homes: { gpc: ['I.1'], driver: 'population' } };
const ramp = { start: 2023, full: 2030 };

function run(top: Fields, scenario: string) {
  return runScenario(load(pathwayDoc({ sectors: SECTORS, ...top }), INVENTORY), scenario);
}

describe('power and heat supply', () => {
  const official = inventoryResult(INVENTORY).official;
  const plantCoal = linesOf({ ...INVENTORY, activities: [PLANT_COAL] }, 'I.4.4').co2;
  const plantGas = linesOf({ ...INVENTORY, activities: [PLANT_GAS] }, 'I.4.4').co2;
  const industry = linesOf(INVENTORY, 'I.3').co2;
  // The import factor: the inventory's grid factor, tCO2/MWh (net imports in the base year: 1,000,000 − 1,400,000 = −400,000 MWh).
  const grid = official.energyCo2.components.find((part) => part.id === 'electricity-net-imports')!.value / official.electricity.netImports;

  it('the base year: industry coal + plant fuel + net imports × grid', () => {
    const result = run({}, 'bau').official;
    expect(official.electricity.netImports).toBeCloseTo(-400_000, 6);
    expectClose(result.energyCo2[0]!, industry + plantCoal + plantGas + -400_000 * grid);
  });

  it('local solar built lowers energyCo2 by its MWh × the grid factor; BASIC does not move (grid-connected plants are not consumers’ scope 2)', () => {
    const actions = { solar: { adoption: ramp, effects: [{ type: 'plant', source: 'solar', amount: 2, unit: '亿千瓦时' }] } };
    const scenarios = { bau: { actions: [] }, solar: { actions: ['solar'] } };
    const bau = run({ actions, scenarios }, 'bau');
    const solar = run({ actions, scenarios }, 'solar');
    // 2030, full adoption: 200,000 MWh more local generation, 200,000 MWh less imported at the base-year grid factor (no trajectory).
    expectClose(at(solar, solar.official.energyCo2, 2030), at(bau, bau.official.energyCo2, 2030) - 200_000 * grid);
    expectClose(at(solar, solar.official.electricity.bySource['solar']!, 2030), 300_000);
    // Non-fossil share rises: 200,000 MWh more non-fossil primary electricity.
    expect(at(solar, solar.official.energy.nonFossilShare, 2030)).toBeGreaterThan(at(bau, bau.official.energy.nonFossilShare, 2030));
    expectSeries(solar.total, bau.total);
  });

  it('a new coal plant raises energyCo2 (its 0.95 tCO2/MWh is above the imports it displaces); BASIC does not move', () => {
    const actions = { coal: { adoption: ramp, effects: [{ type: 'plant', source: 'coal', amount: 5, unit: '亿千瓦时' }] } };
    const scenarios = { bau: { actions: [] }, coal: { actions: ['coal'] } };
    const bau = run({ actions, scenarios }, 'bau');
    const coal = run({ actions, scenarios }, 'coal');
    // 2030: coal generation 1,000,000 → 1,500,000 MWh, plant fuel × 1.5: + 0.5 × plantCoal; imports − 500,000 MWh × grid.
    const change = 0.5 * plantCoal - 500_000 * grid;
    expect(plantCoal / 1_000_000).toBeGreaterThan(grid);
    expect(change).toBeGreaterThan(0);
    expectClose(at(coal, coal.official.energyCo2, 2030) - at(bau, bau.official.energyCo2, 2030), change, 1e-9);
    expectSeries(coal.total, bau.total);
  });

  it('a gas CHP’s fuel splits by the efficiency method; more gas power raises energyCo2 once the grid is cleaner than it', () => {
    // Efficiency method: power 300,000 MWh × 3.6 / 0.35 = 3,085,714 GJ; heat 1,000,000 / 0.80 = 1,250,000 GJ;
    // power's share 3,085,714 / 4,335,714 = 0.71170. Doubling gas power (3 亿kWh more): fuel × (0.71170 × 2 + 0.28830).
    const powerShare = (300_000 * 3.6) / 0.35 / ((300_000 * 3.6) / 0.35 + 1_000_000 / 0.8);
    expect(powerShare).toBeCloseTo(0.7117, 4);
    // The grid falls to 0.3 t/MWh by 2030 (below the CHP's power, 0.7117 × plantGas / 300,000 ≈ 0.51 t/MWh).
    const top = {
      grid: { unit: 't/MWh', points: { 2030: 0.3 } },
      actions: { ccgt: { adoption: ramp, effects: [{ type: 'plant', source: 'gas', share: '100%' }] } },
      scenarios: { bau: { actions: [] }, ccgt: { actions: ['ccgt'] } },
    };
    const bau = run(top, 'bau');
    const ccgt = run(top, 'ccgt');
    const change = powerShare * plantGas - 300_000 * 0.3;
    expect(change).toBeGreaterThan(0);
    expectClose(at(ccgt, ccgt.official.energyCo2, 2030) - at(bau, bau.official.energyCo2, 2030), change, 1e-9);
    expectSeries(ccgt.total, bau.total);
  });

  it('supply series: coal generation phased out by 2030 takes the plant’s fuel with it and imports the rest', () => {
    const result = run({ supply: { electricity: { coal: { unit: '亿千瓦时', points: { 2030: 0 } } } } }, 'bau').official;
    // 2030: no coal plant CO2; imports 1,000,000 − 400,000 (gas 300,000 + solar 100,000) = 600,000 MWh.
    expectClose(result.electricity.netImports[8]!, 600_000, 1e-9);
    expectClose(result.parts.plants[8]!, plantGas);
    expectClose(result.energyCo2[8]!, industry * 1.05 ** 8 + plantGas + 600_000 * grid, 1e-9);
  });

  it('retiring a share and building an amount: the share acts on the series, whatever the actions\' order', () => {
    // 2030: coal 1,000,000 MWh − 50 % (500,000) + 5 亿kWh (500,000) = 1,000,000 MWh: the official basis equals BAU's.
    const actions = {
      build: { adoption: ramp, effects: [{ type: 'plant', source: 'coal', amount: 5, unit: '亿千瓦时' }] },
      retire: { adoption: ramp, effects: [{ type: 'plant', source: 'coal', share: '-50%' }] },
    };
    const scenarios = { bau: { actions: [] }, both: { actions: ['build', 'retire'] } };
    const bau = run({ actions, scenarios }, 'bau');
    const both = run({ actions, scenarios }, 'both');
    expectClose(at(both, both.official.electricity.bySource['coal']!, 2030), 1_000_000);
    expectClose(at(both, both.official.energyCo2, 2030), at(bau, bau.official.energyCo2, 2030));
    // 2026, adoption 4/8: 1,000,000 − 0.5 × 500,000 + 0.5 × 500,000: the same.
    expectClose(at(both, both.official.electricity.bySource['coal']!, 2026), 1_000_000);
  });

  it('a heat-only boiler cannot tell what a new power plant of its fuel burns: no-plant-fuel', () => {
    // Gas in I.4.4 for heat only (no gas electricity in the base year): a new gas power plant has no fuel per MWh.
    const inventory = { ...INVENTORY, supply: { electricity: { generation: [{ source: 'coal', amount: 10, unit: '亿千瓦时' }] }, heat: { generation: [{ source: 'gas', amount: 1_000_000, unit: 'GJ' }] } } };
    const loaded = engine.compilePathway({ pathway: pathwayDoc({ sectors: SECTORS, actions: { ccgt: { adoption: ramp, effects: [{ type: 'plant', source: 'gas', amount: 1, unit: '亿千瓦时' }] } } }), inventory });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.issues.map((issue) => [issue.path, issue.code])).toEqual([[['actions', 'ccgt', 'effects', 0, 'source'], 'no-plant-fuel']]);
  });

  it('the behind-the-meter `generation` effect lowers BASIC as before and counts as local solar in the official basis', () => {
    const actions = { pv: { adoption: ramp, effects: [{ type: 'generation', value: 2, unit: '亿千瓦时' }] } };
    const scenarios = { bau: { actions: [] }, pv: { actions: ['pv'] } };
    const bau = run({ actions, scenarios }, 'bau');
    const pv = run({ actions, scenarios }, 'pv');
    expectClose(at(bau, bau.total, 2030) - at(pv, pv.total, 2030), 200_000 * grid, 1e-9);
    expectClose(at(bau, bau.official.energyCo2, 2030) - at(pv, pv.official.energyCo2, 2030), 200_000 * grid, 1e-9);
    expectClose(at(pv, pv.official.electricity.bySource['solar']!, 2030), 300_000);
  });

  it('total energy by the calorific method when the inventory has no coal rate (stated)', () => {
    const result = run({}, 'bau');
    expect(result.official.energy.method).toBe('calorific');
    expectClose(result.official.energy.tce[0]!, official.energy.calorific.total);
    expect(result.assumptions.map((a) => a.code)).toContain('energy-calorific');
  });
});
