/**
 * Worked examples computed by hand from the standards' tables (values as in data/factors/*.json):
 * IPCC 2006 Vol.2 Tables 1.2, 1.4, 2.3, 2.5, 3.2.2; GB/T 2589 average NCVs and coefficients; the
 * provincial guideline's carbon contents and oxidation rates; MEE 2022 grid factors; GWP100 AR4/AR5/AR6.
 * Each expected figure is written as the arithmetic a reader can redo with a calculator.
 */
import { describe, expect, it } from 'vitest';
import { closeTo } from '../../../../test/support/fast-check.ts';
import { runInventory, type InventoryResult } from '../index.ts';

type Line = Record<string, unknown>;

function compute(lines: Line[], top: Record<string, unknown> = {}): InventoryResult {
  const run = runInventory({ city: { name: 'Worked', country: 'CN' }, year: 2022, grid: 'CN-east-2022', ...top, activities: lines });
  if (!run.ok) throw new Error(`unexpected issues: ${JSON.stringify(run.issues)}`);
  return run.result;
}

function expectClose(actual: number, expected: number): void {
  expect(closeTo(actual, expected), `${actual} ≈ ${expected}`).toBe(true);
}

describe('ipcc2006 method: 1 万吨 other bituminous coal in manufacturing (I.3.1)', () => {
  // Energy: 10,000 t = 10 Gg × 25.8 TJ/Gg (Table 1.2) = 258 TJ.
  // CO2: 258 TJ × 94,600 kg/TJ (Table 1.4) = 24,406,800 kg = 24,406.8 t.
  // CH4: 258 TJ × 10 kg/TJ (Table 2.3, coal) = 2.58 t; N2O: 258 TJ × 1.5 kg/TJ = 0.387 t.
  const line = { gpc: 'I.3.1', fuel: 'other_bituminous_coal', amount: 1, unit: '万吨' };
  const cases = [
    // AR4: 24,406.8 + 2.58 × 25 + 0.387 × 298 = 24,406.8 + 64.5 + 115.326
    { gwp: 'AR4', co2e: 24406.8 + 64.5 + 115.326 },
    // AR5: 24,406.8 + 2.58 × 28 + 0.387 × 265 = 24,406.8 + 72.24 + 102.555
    { gwp: 'AR5', co2e: 24406.8 + 72.24 + 102.555 },
    // AR6: combustion CH4 is fossil: 24,406.8 + 2.58 × 29.8 + 0.387 × 273 = 24,406.8 + 76.884 + 105.651
    { gwp: 'AR6', co2e: 24406.8 + 76.884 + 105.651 },
  ] as const;
  for (const { gwp, co2e } of cases) {
    it(`gives ${co2e} tCO2e under ${gwp}`, () => {
      const result = compute([line], { factorSet: 'ipcc2006', gwp });
      const [computed] = result.lines;
      expectClose(computed!.gases.CO2, 24406.8);
      expectClose(computed!.gases.CH4, 2.58);
      expectClose(computed!.gases.N2O, 0.387);
      expectClose(computed!.co2e, co2e);
      expect(computed!.factors.map((f) => f.id)).toEqual([
        'ipcc2006.ncv.other_bituminous_coal',
        'ipcc2006.co2.other_bituminous_coal',
        'ipcc2006.ch4.manufacturing.coal',
        'ipcc2006.n2o.manufacturing.coal',
        `gwp.${gwp.toLowerCase()}.ch4${gwp === 'AR6' ? '.fossil' : ''}`,
        `gwp.${gwp.toLowerCase()}.n2o`,
      ]);
    });
  }

  it('converts to standard coal at 29.3076 GJ/tce when GB/T 2589 has no coefficient, and says so', () => {
    const [computed] = compute([line], { factorSet: 'ipcc2006' }).lines;
    // 258,000 GJ / 29.3076 GJ/tce
    expectClose(computed!.energyTce, 258000 / 29.3076);
    expect(computed!.assumptions.map((a) => a.code)).toContain('tce-from-energy');
  });
});

describe('cn method (GB/T 2589 NCV, provincial-guideline carbon content and oxidation)', () => {
  it('1 万吨 raw coal in manufacturing', () => {
    // Energy: 10,000 t × 20.908 GJ/t = 209,080 GJ = 209.08 TJ.
    // CO2: 209.08 TJ × 26.37 tC/TJ × 0.94 × 44/12 = 5,513.4396 tC × 0.94 × 44/12 = 19,002.988488 t.
    // CH4: 209.08 TJ × 10 kg/TJ = 2.0908 t; N2O: 209.08 × 1.5 kg = 0.31362 t (Table 2.3, coal).
    // AR5: 19,002.988488 + 2.0908 × 28 + 0.31362 × 265 = 19,002.988488 + 58.5424 + 83.1093.
    // Standard coal: 10,000 t × 0.7143 kgce/kg = 7,143 tce.
    const [computed] = compute([{ gpc: 'I.3.1', fuel: 'raw_coal', amount: 1, unit: '万吨' }]).lines;
    expectClose(computed!.gases.CO2, 19002.988488);
    expectClose(computed!.gases.CH4, 2.0908);
    expectClose(computed!.gases.N2O, 0.31362);
    expectClose(computed!.co2e, 19002.988488 + 58.5424 + 83.1093);
    expectClose(computed!.energyTce, 7143);
  });

  it('1 亿立方米 natural gas in residential buildings (I.1.1)', () => {
    // Energy: 1e8 m3 × 38.931 MJ/m3 = 3,893,100 GJ = 3,893.1 TJ.
    // CO2: 3,893.1 × 15.3 tC/TJ × 0.99 × 44/12 = 59,564.43 × 0.99 × 44/12 = 216,218.8809 t.
    // CH4: 3,893.1 TJ × 5 kg/TJ (Table 2.5, gas) = 19.4655 t; N2O: × 0.1 kg/TJ = 0.38931 t.
    // Standard coal: 1e8 m3 × 1.33 kgce/m3 = 133,000 tce.
    const [computed] = compute([{ gpc: 'I.1.1', fuel: 'natural_gas', amount: 1, unit: '亿立方米' }]).lines;
    expectClose(computed!.gases.CO2, 216218.8809);
    expectClose(computed!.gases.CH4, 19.4655);
    expectClose(computed!.gases.N2O, 0.38931);
    expectClose(computed!.energyTce, 133000);
  });

  it('the same amount in 万m3 and in m3 gives the same emissions', () => {
    const a = compute([{ gpc: 'I.1.1', fuel: 'natural_gas', amount: 1500, unit: '万m3' }]).lines[0]!;
    const b = compute([{ gpc: 'I.1.1', fuel: 'natural_gas', amount: 15_000_000, unit: 'm3' }]).lines[0]!;
    expectClose(a.co2e, b.co2e);
  });

  it('an amount given in 万吨标准煤 needs no NCV: 1 万tce of raw coal', () => {
    // Energy: 10,000 tce × 29.3076 GJ/tce = 293,076 GJ = 293.076 TJ.
    // CO2: 293.076 × 26.37 × 0.94 × 44/12 t.
    const [computed] = compute([{ gpc: 'I.3.1', fuel: 'raw_coal', amount: 1, unit: '万吨标准煤' }]).lines;
    expectClose(computed!.gases.CO2, 293.076 * 26.37 * 0.94 * (44 / 12));
    expectClose(computed!.energyTce, 10000);
    expect(computed!.factors.map((f) => f.id)).not.toContain('gbt2589.ncv.raw_coal');
  });

  it('jet kerosene takes kerosene values and says so', () => {
    // 1,000 t × 43.07 GJ/t = 43.07 TJ; CO2 = 43.07 × 19.5 × 0.98 × 44/12.
    const [computed] = compute([{ gpc: 'II.4.1', fuel: 'jet_kerosene', amount: 1000, unit: 't', ef: { CH4: { value: 0.5, unit: 'kg/TJ' }, N2O: { value: 2, unit: 'kg/TJ' } } }]).lines;
    expectClose(computed!.gases.CO2, 43.07 * 19.5 * 0.98 * (44 / 12));
    expect(computed!.assumptions.map((a) => a.code)).toContain('fuel-substitute');
    // CH4 and N2O given on the line per energy: 43.07 TJ × 0.5 kg/TJ; × 2 kg/TJ.
    expectClose(computed!.gases.CH4, 43.07 * 0.5 / 1000);
    expectClose(computed!.gases.N2O, 43.07 * 2 / 1000);
  });
});

describe('road transport (II.1.1, IPCC 2006 Table 3.2.2)', () => {
  const gasoline = { gpc: 'II.1.1', fuel: 'gasoline', amount: 100, unit: 't', technology: 'gasoline-oxidation-catalyst' };
  it('ipcc2006: 100 t gasoline with oxidation catalyst', () => {
    // Energy: 0.1 Gg × 44.3 TJ/Gg = 4.43 TJ. CO2: 4.43 × 69,300 kg = 306.999 t.
    // CH4: 4.43 × 25 kg = 0.11075 t; N2O: 4.43 × 8.0 kg = 0.03544 t.
    const [computed] = compute([gasoline], { factorSet: 'ipcc2006' }).lines;
    expectClose(computed!.gases.CO2, 306.999);
    expectClose(computed!.gases.CH4, 0.11075);
    expectClose(computed!.gases.N2O, 0.03544);
  });
  it('cn: the same line with GB/T 2589 NCV and guideline carbon content', () => {
    // Energy: 100 t × 43.07 GJ/t = 4.307 TJ. CO2: 4.307 × 18.9 × 0.98 × 44/12 = 292.505598 t.
    // CH4: 4.307 × 25 kg = 0.107675 t.
    const [computed] = compute([gasoline]).lines;
    expectClose(computed!.gases.CO2, 292.505598);
    expectClose(computed!.gases.CH4, 0.107675);
  });
  it('diesel needs no technology: 1 万吨 under ipcc2006', () => {
    // 10 Gg × 43.0 TJ/Gg = 430 TJ; CO2 430 × 74,100 kg = 31,863 t; CH4 430 × 3.9 kg = 1.677 t; N2O the same.
    const [computed] = compute([{ gpc: 'II.1.1', fuel: 'diesel', amount: 1, unit: '万t' }], { factorSet: 'ipcc2006' }).lines;
    expectClose(computed!.gases.CO2, 31863);
    expectClose(computed!.gases.CH4, 1.677);
    expectClose(computed!.gases.N2O, 1.677);
  });
  it('off-road diesel (II.5.1, Table 3.3.1): 1,000 t under ipcc2006', () => {
    // 43 TJ; CH4 43 × 4.15 kg = 0.17845 t; N2O 43 × 28.6 kg = 1.2298 t.
    const [computed] = compute([{ gpc: 'II.5.1', fuel: 'diesel', amount: 1000, unit: 't' }], { factorSet: 'ipcc2006' }).lines;
    expectClose(computed!.gases.CH4, 0.17845);
    expectClose(computed!.gases.N2O, 1.2298);
  });
});

describe('grid energy', () => {
  it('1 亿千瓦时 with the East China 2022 grid factor', () => {
    // 1e8 kWh = 100,000 MWh × 0.5617 t/MWh = 56,170 t CO2; 1e8 kWh × 0.1229 kgce/kWh = 12,290 tce.
    const [computed] = compute([{ gpc: 'I.2.2', energy: 'electricity', amount: 1, unit: '亿千瓦时' }]).lines;
    expectClose(computed!.gases.CO2, 56170);
    expect(computed!.gases.CH4).toBe(0);
    expectClose(computed!.co2e, 56170);
    expectClose(computed!.energyTce, 12290);
    expect(computed!.assumptions.map((a) => a.code)).toEqual(['grid-from-file', 'grid-co2-only']);
  });
  it('a line-level grid overrides the file default: 1 万kWh in Yunnan', () => {
    // 10 MWh × 0.1073 t/MWh = 1.073 t.
    const [computed] = compute([{ gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: '万千瓦时', grid: 'CN-yunnan-2022' }]).lines;
    expectClose(computed!.gases.CO2, 1.073);
  });
  it('a grid factor given on the line in t/MWh', () => {
    const [computed] = compute([{ gpc: 'I.1.2', energy: 'electricity', amount: 2, unit: 'GWh', ef: { CO2: { value: 0.5, unit: 't/MWh' } } }]).lines;
    expectClose(computed!.gases.CO2, 1000); // 2,000 MWh × 0.5
  });
  it('the coal-consumption method converts electricity at the year\'s coal rate', () => {
    // 1e8 kWh × 300 gce/kWh = 3e10 gce = 30,000 tce; calorific equivalent stays 12,290 tce.
    const result = compute([{ gpc: 'I.2.2', energy: 'electricity', amount: 1, unit: '亿kWh' }], {
      energyAccounting: { method: 'coal-consumption', coalRate: { value: 300, unit: 'gce/kWh' } },
    });
    expectClose(result.energy.tce, 30000);
    expectClose(result.energy.calorificTce, 12290);
    expectClose(result.energy.coalConsumptionTce!, 30000);
  });
  it('heat: 10,000 GJ at 62.33 kg/GJ', () => {
    // 10,000 GJ × 62.33 kg/GJ = 623.3 t; 10,000 GJ × 0.0341 tce/GJ = 341 tce.
    const [computed] = compute([{ gpc: 'I.3.2', energy: 'heat', amount: 10000, unit: 'GJ', ef: { CO2: { value: 62.33, unit: 'kg/GJ' } } }]).lines;
    expectClose(computed!.gases.CO2, 623.3);
    expectClose(computed!.energyTce, 341);
  });
});

describe('emissions lines and the AR6 fossil / non-fossil CH4 convention', () => {
  const ch4 = (gpc: string, gwp: string, extra: Line = {}) =>
    compute([{ gpc, gas: 'CH4', amount: 100, unit: 't', ...extra }], { gwp }).lines[0]!.co2e;
  it('AR5 weighs every CH4 at 28', () => {
    expectClose(ch4('III.1.1', 'AR5'), 2800);
    expectClose(ch4('I.8.1', 'AR5'), 2800);
  });
  it('AR4 weighs every CH4 at 25', () => expectClose(ch4('III.1.1', 'AR4'), 2500));
  it('AR6: landfill CH4 is non-fossil (27.0), gas-network CH4 fossil (29.8)', () => {
    expectClose(ch4('III.1.1', 'AR6'), 2700);
    expectClose(ch4('I.8.1', 'AR6'), 2980);
  });
  it('AR6: a line may state its CH4 origin', () => expectClose(ch4('VI.1', 'AR6', { ch4Origin: 'fossil' }), 2980));
  it('N2O in kg: 500 kg × 265 (AR5) = 132.5 tCO2e', () => {
    expectClose(compute([{ gpc: 'III.4.1', gas: 'N2O', amount: 500, unit: 'kg' }]).lines[0]!.co2e, 132.5);
  });
});

describe('intensities', () => {
  it('per capita and per 万元 GDP on the BASIC total', () => {
    // BASIC = 56,170 t (1 亿kWh East China); population 100,000; GDP 50 亿元 = 500,000 万元.
    const result = compute([{ gpc: 'I.2.2', energy: 'electricity', amount: 1, unit: '亿千瓦时' }], {
      population: 100000,
      gdp: { value: 50, unit: '亿元' },
    });
    expectClose(result.intensity.perCapita!, 0.5617);
    expectClose(result.intensity.perGdp!, 56170 / 500000);
    expectClose(result.intensity.energyPerCapita!, 0.1229);
    expectClose(result.intensity.energyPerGdp!, 12290 / 500000);
  });
  it('are absent without population or GDP', () => {
    const result = compute([{ gpc: 'I.2.2', energy: 'electricity', amount: 1, unit: '亿千瓦时' }]);
    expect(result.intensity.perCapita).toBeUndefined();
    expect(result.intensity.perGdp).toBeUndefined();
  });
});

describe('sources of values given on a line', () => {
  it('a pair\'s own source is cited, else the line\'s', () => {
    const [computed] = compute([
      { gpc: 'I.3.1', fuel: 'raw_coal', amount: 1, unit: 't', source: 'Energy balance', ncv: { value: 22.35, unit: 'GJ/t', source: 'Plant lab report 2022' }, carbonContent: { value: 26.8, unit: 'tC/TJ' } },
    ]).lines;
    const byId = Object.fromEntries(computed!.factors.map((f) => [f.id, f.source]));
    expect(byId['line:ncv']).toBe('Plant lab report 2022');
    expect(byId['line:carbonContent']).toBe('Energy balance');
  });
});

describe('factors per tonne need no NCV', () => {
  it('raw coal under ipcc2006 with every gas per tonne and the GB/T 2589 coefficient for standard coal', () => {
    // 1,000 t × 1.9 t/t = 1,900 t CO2; × 0.2 kg/t = 0.2 t CH4; × 0.03 kg/t = 0.03 t N2O; 1,000 t × 0.7143 kgce/kg = 714.3 tce.
    const [computed] = compute(
      [{ gpc: 'I.3.1', fuel: 'raw_coal', amount: 1000, unit: 't', ef: { CO2: { value: 1.9, unit: 't/t' }, CH4: { value: 0.2, unit: 'kg/t' }, N2O: { value: 0.03, unit: 'kg/t' } } }],
      { factorSet: 'ipcc2006' },
    ).lines;
    expectClose(computed!.gases.CO2, 1900);
    expectClose(computed!.gases.CH4, 0.2);
    expectClose(computed!.gases.N2O, 0.03);
    expectClose(computed!.energyTce, 714.3);
  });
  it('but still needs one when a gas takes its factor per energy', () => {
    const run = runInventory({
      city: 'X',
      year: 2022,
      factorSet: 'ipcc2006',
      activities: [{ gpc: 'I.3.1', fuel: 'raw_coal', amount: 1000, unit: 't', ef: { CO2: { value: 1.9, unit: 't/t' }, CH4: { value: 0.2, unit: 'kg/t' } } }],
    });
    expect(run.ok).toBe(false);
  });
});
