/**
 * Waste burnt for energy (GPC 2014: incineration with energy recovery and methane recovered for energy
 * are reported under Stationary Energy, not Waste), worked by hand.
 * Incineration as in incineration.test.ts: industrial waste 1 万吨, dm 0.9 (given), Table 5.2 carbon 0.50,
 * fossil 0.90, OF 1: fossil C = 10,000 × 0.9 × 0.5 × 0.9 = 4,050 t → CO2 = 4,050 × 44/12 = 14,850 t;
 * CH4 = 10 Gg × 0.2 kg/Gg (given) = 0.002 t; N2O = 10,000 t × 100 g/t (Table 5.6) = 1 t;
 * AR5: 14,850 + 0.002 × 28 + 1 × 265 = 15,115.056 tCO2e.
 * Landfill gas: IPCC 2006 Vol.2 Table 1.2 NCV 50.4 TJ/Gg of CH4; Tables 2.2 (energy industries) CH4 1 kg/TJ,
 * 2.4 (commercial) 5 kg/TJ, N2O 0.1 kg/TJ; Table 1.4 CO2 54,600 kg/TJ (biogenic, not counted).
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLines, messages, problemsOf, quantity as tonnes, type Fields } from '../../../../../test/support/method-line.ts';

const WTE = { method: 'incineration', practice: 'incineration', stream: 'industrial', waste: tonnes(1, '万吨'), dm: 0.9, ch4Factor: tonnes(0.2, 'kg/Gg') };
const WTE_CO2E = 14850 + 0.002 * 28 + 1 * 265;
/** A consumer's grid electricity: 1,000 MWh × 0.5 t/MWh = 500 t CO2, scope 2 (BASIC). */
const CONSUMER = { gpc: 'I.1.2', energy: 'electricity', amount: 1000, unit: 'MWh', ef: { CO2: { value: 0.5, unit: 't/MWh' } } };
const issues = (line: Fields): string[] => messages(problemsOf([line]));

describe('incineration with energy recovery', () => {
  it('supplied to the grid: I.4.4, territorial only — in scope 1, not in BASIC, and the consumers\' scope 2 is not counted twice', () => {
    expect(WTE_CO2E).toBeCloseTo(15115.056, 9);
    const grid = computeLines([{ gpc: 'I.4.4', energyRecovery: 'grid', ...WTE }, CONSUMER]);
    const line = grid.lines[0]!;
    expect(line.level).toBe('territorial');
    expect(closeTo(line.gases.CO2, 14850)).toBe(true);
    expect(closeTo(line.co2e, 15115.056)).toBe(true);
    expect(line.assumptions.map((a) => a.code)).toContain('incineration-energy-recovery');
    // BASIC and BASIC+ hold only the consumer's 500 t; scope 1 (territorial) holds the plant once; scope 2 is the consumer's alone.
    expect(closeTo(grid.totals.basic, 500)).toBe(true);
    expect(closeTo(grid.totals.basicPlus, 500)).toBe(true);
    expect(closeTo(grid.totals.scope1, 15115.056)).toBe(true);
    expect(closeTo(grid.totals.scope2, 500)).toBe(true);

    // The same plant written in Waste (III.3.1, no energy recovery) is in BASIC: 15,115.056 + 500 = 15,615.056.
    const waste = computeLines([{ gpc: 'III.3.1', ...WTE }, CONSUMER]);
    expect(closeTo(waste.totals.basic, 15615.056)).toBe(true);
    expect(closeTo(waste.totals.scope1, 15115.056)).toBe(true);
    expect(closeTo(waste.totals.scope2, 500)).toBe(true);
    expect(waste.lines[0]!.assumptions.map((a) => a.code)).not.toContain('incineration-energy-recovery');
  });

  it('in I.4.4 without energyRecovery: taken as grid-supplied, and said so', () => {
    const line = computeLines([{ gpc: 'I.4.4', ...WTE }]).lines[0]!;
    expect(closeTo(line.co2e, 15115.056)).toBe(true);
    expect(line.assumptions.map((a) => a.code)).toEqual(expect.arrayContaining(['energy-recovery-grid', 'incineration-energy-recovery']));
  });

  it('used on site: the consuming sub-sector\'s scope-1 row, in BASIC', () => {
    const result = computeLines([{ gpc: 'I.3.1', energyRecovery: 'onsite', ...WTE }]);
    expect(result.lines[0]!.scope).toBe(1);
    expect(closeTo(result.totals.basic, 15115.056)).toBe(true);
    expect(result.lines[0]!.assumptions.map((a) => a.code)).not.toContain('energy-recovery-onsite');
  });

  it('refuses energy recovery in Waste, and no recovery or open burning in Stationary Energy, naming the row to use', () => {
    expect(issues({ gpc: 'III.3.1', energyRecovery: 'grid', ...WTE })).toEqual([
      'activities[0].energyRecovery: energyRecovery "grid": waste or landfill gas burnt for energy supplied to the grid is reported under Stationary Energy in I.4.4 (territorial only; its electricity is already in consumers\' scope 2), not in GPC III.3.1: move the line to I.4.4, and mark III.3.1 with notation IE ("included in I.4.4") if nothing else is left there',
    ]);
    expect(issues({ gpc: 'III.3.3', energyRecovery: 'onsite', ...WTE })).toEqual([
      'activities[0].energyRecovery: energyRecovery "onsite": waste or landfill gas burnt for energy used on site is reported in the consuming sub-sector\'s scope-1 row (I.1.1, I.2.1, I.3.1, I.4.1, I.5.1, I.6.1), not in GPC III.3.3: move the line to that row',
    ]);
    expect(issues({ gpc: 'I.3.1', energyRecovery: 'grid', ...WTE })).toEqual([expect.stringMatching(/^activities\[0\]\.energyRecovery: energyRecovery "grid": .* move the line to I\.4\.4/)]);
    expect(issues({ gpc: 'I.4.4', energyRecovery: 'onsite', ...WTE })).toEqual([expect.stringMatching(/not in GPC I\.4\.4: move the line to that row$/)]);
    expect(issues({ gpc: 'I.4.4', energyRecovery: 'none', ...WTE })).toEqual([expect.stringMatching(/^activities\[0\]\.energyRecovery: energyRecovery "none" .* under Waste \(III\.3\.1, III\.3\.3\), not in Stationary Energy row GPC I\.4\.4/)]);
    expect(issues({ gpc: 'I.4.4', ...WTE, practice: 'open-burning' })).toEqual([expect.stringMatching(/^activities\[0\]\.practice: energyRecovery "none" \(or open burning\)/)]);
    expect(issues({ gpc: 'III.3.1', energyRecovery: 'power', ...WTE })).toEqual([expect.stringMatching(/^activities\[0\]\.energyRecovery: "power" is not one of "grid", "onsite", "none"/)]);
    // The same in Chinese.
    const [issue] = problemsOf([{ gpc: 'III.3.1', energyRecovery: 'grid', ...WTE }]);
    expect(formatIssue(issue!, 'zh')).toBe(
      'activities[0].energyRecovery：`energyRecovery` 为 "grid"：焚烧或燃用填埋气发电上网，按 GPC 计入固定源能源的 I.4.4 行（仅计入辖区排放，其电量已计入用户的范围二），不属于 GPC III.3.1 行：请将该行移至 I.4.4，原行如无其他数据可填注释键 `IE`（已计入其他行）并说明已计入 I.4.4',
    );
  });

  it('outside the city (III.3.2, scope 3) takes any energyRecovery: the plant\'s energy is another territory\'s', () => {
    const result = computeLines([{ gpc: 'III.3.2', energyRecovery: 'grid', ...WTE }]);
    expect(closeTo(result.totals.scope3, 15115.056)).toBe(true);
  });
});

describe('landfill gas burnt for energy', () => {
  it('100 t CH4 to a grid engine in I.4.4: combustion CH4 and N2O, CO2 biogenic (stated, not counted)', () => {
    // E = 100 t × 50.4 GJ/t = 5,040 GJ = 5.04 TJ; CH4 = 5.04 × 1 kg = 0.00504 t; N2O = 5.04 × 0.1 kg = 0.000504 t;
    // CO2 = 5.04 × 54,600 kg = 275.184 t biogenic. AR5: 0.00504 × 28 + 0.000504 × 265 = 0.14112 + 0.13356 = 0.27468.
    const result = computeLines([{ gpc: 'I.4.4', method: 'landfill-gas', energyRecovery: 'grid', ch4: tonnes(100) }, CONSUMER]);
    const line = result.lines[0]!;
    expect(line.gases.CO2).toBe(0);
    expect(closeTo(line.gases.CH4, 0.00504)).toBe(true);
    expect(closeTo(line.gases.N2O, 0.000504)).toBe(true);
    expect(closeTo(line.co2e, 0.27468)).toBe(true);
    expect(line.factors.map((f) => f.id)).toEqual(expect.arrayContaining(['ipcc2006.lfg.ncv', 'ipcc2006.lfg.ch4.energy-industries', 'ipcc2006.lfg.n2o.energy-industries']));
    const statement = line.assumptions.find((a) => a.code === 'landfill-gas-energy')!;
    expect(statement.text.en).toContain('5040 GJ');
    expect(statement.text.en).toContain('CO2 of 275.184 t');
    expect(closeTo(result.totals.basic, 500)).toBe(true);
    expect(closeTo(result.totals.scope1, 0.27468)).toBe(true);
    expect(closeTo(result.totals.scope2, 500)).toBe(true);
  });

  it('used on site in a commercial building (I.2.1): Table 2.4 CH4 5 kg/TJ', () => {
    // CH4 = 5.04 TJ × 5 kg = 0.0252 t; AR5 0.0252 × 28 + 0.000504 × 265 = 0.7056 + 0.13356 = 0.83916, BASIC.
    const result = computeLines([{ gpc: 'I.2.1', method: 'landfill-gas', ch4: tonnes(100) }]);
    expect(closeTo(result.lines[0]!.gases.CH4, 0.0252)).toBe(true);
    expect(closeTo(result.totals.basic, 0.83916)).toBe(true);
  });

  it('asks for factors where IPCC has no context (I.6.1), refuses flaring and Waste rows', () => {
    expect(issues({ gpc: 'I.6.1', method: 'landfill-gas', ch4: tonnes(1) })).toEqual([
      'activities[0].ch4Factor: the library has no default `ch4Factor` for method landfill-gas (non-specified): give it on the line',
      'activities[0].n2oFactor: the library has no default `n2oFactor` for method landfill-gas (non-specified): give it on the line',
    ]);
    expect(computeLines([{ gpc: 'I.6.1', method: 'landfill-gas', ch4: tonnes(100), ch4Factor: tonnes(2, 'kg/TJ'), n2oFactor: tonnes(0.1, 'kg/TJ') }]).lines[0]!.gases.CH4).toBeCloseTo(0.01008, 9);
    expect(issues({ gpc: 'I.4.4', method: 'landfill-gas', energyRecovery: 'none', ch4: tonnes(1) })).toEqual([expect.stringMatching(/under Waste \(III\.1\.1\).*flared is not energy use/)]);
    expect(issues({ gpc: 'III.1.1', method: 'landfill-gas', ch4: tonnes(1) })).toEqual([expect.stringMatching(/^activities\[0\]\.gpc: method "landfill-gas" does not compute GPC row III\.1\.1/)]);
  });
});

describe('landfill gas recovered: flared or used for energy (III.1)', () => {
  // As in solid-waste.test.ts: generated 120 × (1 − e^{−0.1}) × 0.5 × 16/12 = 7.613007 t CH4 in 2022; emitted = (generated − recovered) × (1 − 0.1).
  const LANDFILL = { gpc: 'III.1.1', method: 'solid-waste-fod', history: [{ year: 2021, waste: tonnes(1000) }], doc: 0.2, mcf: 1, k: 0.1, docf: 0.6, f: 0.5, oxidisingCover: true };

  it('subtracts all that is recovered, says how much is burnt for energy, and the energy part is counted in stationary energy', () => {
    // (7.613007 − 5) × 0.9 = 2.351706 t, whether the 5 t are flared or used: the split moves no number in III.1.
    const flared = computeLines([{ ...LANDFILL, recovered: tonnes(5) }]).lines[0]!;
    const used = computeLines([{ ...LANDFILL, recovered: tonnes(5), recoveredForEnergy: tonnes(3) }, { gpc: 'I.4.4', method: 'landfill-gas', ch4: tonnes(3) }]);
    expect(closeTo(flared.gases.CH4, 2.351706, 1e-6)).toBe(true);
    expect(closeTo(used.lines[0]!.gases.CH4, 2.351706, 1e-6)).toBe(true);
    const statement = used.lines[0]!.assumptions.find((a) => a.code === 'swd-recovered-for-energy')!;
    expect(statement.text.en).toMatch(/^of 5 t CH4 recovered, 3 t is burnt for energy and 2 t flared/);
    // The 3 t burnt: 3 × 50.4 = 151.2 GJ = 0.1512 TJ × 1 kg/TJ = 0.0001512 t CH4 in I.4.4.
    expect(closeTo(used.lines[1]!.gases.CH4, 0.0001512)).toBe(true);
  });

  it('refuses more used for energy than recovered, or a split without the total', () => {
    expect(issues({ ...LANDFILL, recovered: tonnes(1), recoveredForEnergy: tonnes(2) })).toEqual(['activities[0].recoveredForEnergy: 2 is out of range: expected 0 to 1']);
    expect(issues({ ...LANDFILL, recoveredForEnergy: tonnes(2) })).toEqual(['activities[0].recovered: is required']);
  });
});
