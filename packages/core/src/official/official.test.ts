import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.ts';
import { formatIssue } from '../issues/messages.ts';
import type { InventoryResult } from '../inventory/types.ts';

/**
 * A worked example computed by hand: a city with a coal power plant, a gas CHP, a waste-to-energy plant and
 * its own solar and wind, importing the rest of its electricity. Every fuel line gives its NCV and CO2 factor,
 * so each figure below is arithmetic on the file (GJ / 29.3076 = tce, GB/T 2589).
 */
const GJ_PER_TCE = 29.3076;
const fuel = (gpc: string, id: string, tonnes: number, ncv: number, co2: number, extra: Record<string, unknown> = {}) => ({
  gpc,
  fuel: id,
  amount: tonnes,
  unit: 't',
  ncv: { value: ncv, unit: 'GJ/t' },
  ef: { CO2: { value: co2, unit: 'kg/GJ' }, CH4: { value: 1, unit: 'g/GJ' }, N2O: { value: 0.1, unit: 'g/GJ' } },
  ...extra,
});
const MWh = (value: number) => ({ value, unit: 'MWh' });

function city(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    city: { name: 'Worked City', nameZh: '算例市', country: 'CN' },
    year: 2023,
    gwp: 'AR5',
    factorSet: 'cn',
    grid: 'CN-national-2022', // 0.5366 t/MWh
    population: 1_000_000,
    gdp: { value: 100, unit: '亿元', prices: 2020 },
    activities: [
      fuel('I.4.4', 'raw_coal', 100_000, 20, 95), //          2,000,000 GJ → 190,000 tCO2
      fuel('I.4.4', 'natural_gas', 20_000, 48, 56), //           960,000 GJ →  53,760 tCO2 (the CHP)
      fuel('I.3.1', 'natural_gas', 5_000, 48, 56, { use: 'feedstock' }), // 240,000 GJ → no CO2 (原料用能)
      fuel('I.3.1', 'diesel', 2_000, 43, 74), //                  86,000 GJ →   6,364 tCO2
      fuel('II.1.1', 'gasoline', 3_000, 44, 69.3), //            132,000 GJ →   9,147.6 tCO2
      { gpc: 'I.1.2', energy: 'electricity', amount: 500_000, unit: 'MWh' },
      { gpc: 'I.3.2', energy: 'electricity', amount: 700_000, unit: 'MWh' },
      { gpc: 'I.4.3', energy: 'electricity', amount: 50_000, unit: 'MWh', note: 'T&D losses' },
      { gpc: 'I.3.2', energy: 'heat', amount: 400_000, unit: 'GJ', ef: { CO2: { value: 60, unit: 'kg/GJ' } } },
      { gpc: 'III.3.1', gas: 'CO2', amount: 30_000, unit: 't', note: 'fossil CO2 of incineration: not energy activity' },
      { gpc: 'I.8.1', gas: 'CO2', amount: 100, unit: 't', note: 'fugitive: not combustion' },
    ],
    supply: {
      electricity: {
        generation: [
          { source: 'coal', amount: 200_000, unit: 'MWh' },
          { source: 'gas', amount: 120_000, unit: 'MWh', chp: true },
          { source: 'waste', amount: 30_000, unit: 'MWh' },
          { source: 'solar', amount: 20_000, unit: 'MWh' },
          { source: 'wind', amount: 10_000, unit: 'MWh' },
        ],
        nonFossilImports: MWh(100_000),
      },
      heat: { generation: [{ source: 'gas', amount: 300_000, unit: 'GJ', chp: true }] },
    },
    official: { coalRate: { value: 300, unit: 'gce/kWh' }, renewableBase: { year: 2020, amount: MWh(40_000) } },
    ...overrides,
  };
}

function official(document: Record<string, unknown>): InventoryResult['official'] {
  const run = createEngine().inventory(document, { id: 'worked.yaml' });
  if (!run.ok) throw new Error(run.issues.map((issue) => formatIssue(issue, 'en')).join('\n'));
  return run.value.official;
}

const COMBUSTION = 190_000 + 53_760 + 6_364 + 9_147.6; // 259,271.6 tCO2
const CONSUMPTION = 500_000 + 700_000 + 50_000; // MWh: scope-2 lines and T&D losses
const GENERATION = 200_000 + 120_000 + 30_000 + 20_000 + 10_000; // 380,000 MWh
const NET_IMPORTS = CONSUMPTION - GENERATION; // 870,000 MWh
const FOSSIL_TCE = (2_000_000 + 960_000 + 240_000 + 86_000 + 132_000) / GJ_PER_TCE; // 116,625.3 tce, feedstock included
const FEEDSTOCK_TCE = 240_000 / GJ_PER_TCE; // 8,189.0 tce
const NON_FOSSIL_MWH = 30_000 + 20_000 + 10_000; // waste, solar, wind
const CALORIFIC = 0.1229; // tce/MWh
const COAL_RATE = 0.3; // tce/MWh (300 gce/kWh)

describe('China official quantities: the worked city', () => {
  const result = official(city());

  it('energy-activity CO2: combustion in the territory with the plants, feedstock out, + net imports × grid factor', () => {
    expect(result.energyCo2.components.map((part) => part.id)).toEqual(['combustion', 'electricity-net-imports']);
    expect(result.energyCo2.components[0]!.value).toBeCloseTo(COMBUSTION, 6);
    expect(result.electricity.consumption).toBeCloseTo(CONSUMPTION, 6);
    expect(result.electricity.generation).toBeCloseTo(GENERATION, 6);
    expect(result.electricity.netImports).toBeCloseTo(NET_IMPORTS, 6);
    expect(result.electricity.factor?.id).toBe('CN-national-2022');
    expect(result.energyCo2.components[1]!.value).toBeCloseTo(NET_IMPORTS * 0.5366, 4); // 466,842
    expect(result.energyCo2.total).toBeCloseTo(726_113.6, 4);
    expect(result.energyCo2.combustionByRow).toEqual({ 'I.4.4': expect.closeTo(243_760, 6), 'I.3.1': expect.closeTo(6_364, 6), 'II.1.1': expect.closeTo(9_147.6, 6) });
    // The feedstock line, the fugitive line are named; waste (III) is not energy at all.
    expect(result.energyCo2.excludedLines).toEqual({ feedstock: [2], fugitive: [10] });
  });

  it('total energy by the calorific and the coal-equivalent methods', () => {
    expect(result.energy.calorific.total).toBeCloseTo(FOSSIL_TCE + NON_FOSSIL_MWH * CALORIFIC + NET_IMPORTS * CALORIFIC, 6); // 230,922.3
    expect(result.energy.calorific.total).toBeCloseTo(230_922.3, 0);
    expect(result.energy.coalEquivalent?.total).toBeCloseTo(FOSSIL_TCE + NON_FOSSIL_MWH * COAL_RATE + NET_IMPORTS * COAL_RATE, 6); // 395,625.3
    expect(result.energy.coalEquivalent?.total).toBeCloseTo(395_625.3, 0);
  });

  it('non-fossil share on the coal-equivalent total: local non-fossil power and certified imports', () => {
    expect(result.nonFossil.method).toBe('coal-equivalent');
    expect(result.nonFossil.tce).toBeCloseTo((NON_FOSSIL_MWH + 100_000) * COAL_RATE, 6); // 48,000
    expect(result.nonFossil.share).toBeCloseTo(48_000 / 395_625.3, 6); // 12.13 %
  });

  it('the assessed total for 2023: feedstock and new renewables above the 2020 base out', () => {
    expect(result.options.deductionsGiven).toBe(false);
    expect(result.energy.assessed.deductions.map((part) => [part.id, part.value])).toEqual([
      ['feedstock', expect.closeTo(FEEDSTOCK_TCE, 6)],
      ['new-renewables', expect.closeTo((60_000 + 100_000 - 40_000) * COAL_RATE, 6)], // 36,000
    ]);
    expect(result.energy.assessed.total).toBeCloseTo(395_625.3 - FEEDSTOCK_TCE - 36_000, 0); // 351,436.3
  });

  it('intensities per GDP at the prices the file states, and per person', () => {
    expect(result.intensity.gdpPrices).toBe(2020);
    expect(result.intensity.co2PerGdp).toBeCloseTo(726_113.6 / 1e6, 8);
    expect(result.intensity.energyPerGdp).toBeCloseTo(395_625.3 / 1e6, 6);
    // New renewables stay in intensity (2022-11 notice); feedstock is out of both.
    expect(result.intensity.assessedEnergyPerGdp).toBeCloseTo((395_625.3 - FEEDSTOCK_TCE) / 1e6, 6);
    expect(result.intensity.co2PerCapita).toBeCloseTo(0.7261136, 6);
  });
});

describe('each option, stated', () => {
  it('deductions of 2024 on: feedstock and all non-fossil energy (out of intensity too)', () => {
    const result = official(city({ year: 2024 }));
    expect(result.options.deductions).toEqual(['feedstock', 'non-fossil']);
    expect(result.energy.assessed.total).toBeCloseTo(395_625.3 - FEEDSTOCK_TCE - 48_000, 0); // 339,436.3
    expect(result.intensity.assessedEnergyPerGdp).toBeCloseTo((395_625.3 - FEEDSTOCK_TCE - 48_000) / 1e6, 6);
    expect(result.assumptions.find((a) => a.code === 'official-deductions')?.text.en).toContain('in force for 2024');
  });

  it('deductions chosen in the file: none', () => {
    const result = official(city({ official: { coalRate: { value: 300, unit: 'gce/kWh' }, deductions: [] } }));
    expect(result.energy.assessed.total).toBeCloseTo(395_625.3, 0);
    expect(result.assumptions.find((a) => a.code === 'official-deductions')?.text.en).toContain('as the file chose');
  });

  it('new renewables in force without a base year: not deducted, and said so', () => {
    const result = official(city({ official: { coalRate: { value: 300, unit: 'gce/kWh' } } }));
    expect(result.energy.assessed.notDeducted.map((part) => part.id)).toEqual(['new-renewables']);
    expect(result.energy.assessed.total).toBeCloseTo(395_625.3 - FEEDSTOCK_TCE, 0);
  });

  it('imported electricity at 当量 in the coal-equivalent total', () => {
    const result = official(city({ official: { coalRate: { value: 300, unit: 'gce/kWh' }, importedElectricity: 'calorific', deductions: [] } }));
    expect(result.energy.coalEquivalent?.total).toBeCloseTo(FOSSIL_TCE + NON_FOSSIL_MWH * COAL_RATE + NET_IMPORTS * CALORIFIC, 6); // 241,548.3
  });

  it('no coal rate: calorific only, the share on it, and the statement asks for the rate', () => {
    const result = official(city({ official: { deductions: [] } }));
    expect(result.energy.coalEquivalent).toBeUndefined();
    expect(result.nonFossil.method).toBe('calorific');
    expect(result.nonFossil.share).toBeCloseTo(((NON_FOSSIL_MWH + 100_000) * CALORIFIC) / 230_922.3, 5);
    expect(result.assumptions.map((a) => a.code)).toContain('official-no-coal-rate');
  });

  it('net heat imports counted when chosen: 100,000 GJ at the 0.11 t/GJ default, and in the energy total', () => {
    const result = official(city({ official: { coalRate: { value: 300, unit: 'gce/kWh' }, heat: 'net-imports', deductions: [] } }));
    expect(result.heat.netImports).toBeCloseTo(100_000, 6);
    expect(result.energyCo2.total).toBeCloseTo(726_113.6 + 11_000, 4);
    expect(result.assumptions.map((a) => a.code)).toContain('official-heat-default');
    expect(result.energy.coalEquivalent?.total).toBeCloseTo(395_625.3 + 100_000 * (0.0341 / 1), 0);
  });

  it('stated transfers replace the balance; another grid factor for imports', () => {
    const result = official(
      city({ supply: { electricity: { imports: MWh(900_000), exports: MWh(50_000), grid: 'CN-east-2022' } } }),
    );
    expect(result.electricity.netImportsBasis).toBe('stated');
    expect(result.electricity.netImports).toBeCloseTo(850_000, 6);
    expect(result.electricity.factor?.id).toBe('CN-east-2022');
    expect(result.energyCo2.components[1]!.value).toBeCloseTo(850_000 * (result.electricity.factor?.value ?? Number.NaN), 3);
  });

  it('a feedstock line emits nothing in the GPC totals either, and says why', () => {
    const run = createEngine().inventory(city(), { id: 'worked.yaml' });
    if (!run.ok) throw new Error('expected the worked city to compute');
    const line = run.value.lines.find((item) => item.index === 2)!;
    expect(line.co2e).toBe(0);
    expect(line.energyTce).toBeCloseTo(FEEDSTOCK_TCE, 6);
    expect(line.assumptions.map((a) => a.code)).toContain('feedstock');
  });
});

describe('bad supply and official blocks: every problem with its path', () => {
  it('a wrong source, unit and deduction, a feedstock line on a transport row, imports without exports', () => {
    const run = createEngine().inventory(
      city({
        activities: [fuel('II.1.1', 'gasoline', 3_000, 44, 69.3, { use: 'feedstock' })],
        supply: { electricity: { generation: [{ source: 'coal-plant', amount: 1, unit: 't' }], imports: MWh(1) } },
        official: { deductions: ['feedstock', 'renewables'], coalRate: { value: 300, unit: 't' } },
      }),
      { id: 'bad.yaml' },
    );
    expect(run.ok).toBe(false);
    if (run.ok) return;
    const found = run.issues.map((issue) => [issue.path.join('.'), issue.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['activities.0.use', 'not-applicable'],
        ['supply.electricity.generation.0.source', 'enum'],
        ['supply.electricity.generation.0.unit', 'wrong-dimension'],
        ['supply.electricity.exports', 'required'],
        ['official.deductions.1', 'enum'],
        ['official.coalRate.unit', 'wrong-dimension'],
      ]),
    );
    for (const issue of run.issues) expect(formatIssue(issue, 'zh')).not.toBe(formatIssue(issue, 'en'));
  });

  it('new renewables and non-fossil together conflict; a coal rate given twice differently conflicts', () => {
    const run = createEngine().inventory(
      city({
        energyAccounting: { method: 'coal-consumption', coalRate: { value: 310, unit: 'gce/kWh' } },
        official: { deductions: ['new-renewables', 'non-fossil'], coalRate: { value: 300, unit: 'gce/kWh' } },
      }),
      { id: 'bad.yaml' },
    );
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['official.deductions', 'conflict'],
      ['official.coalRate', 'conflict'],
    ]);
  });
});
