/**
 * Waterborne navigation (II.3) and aviation (II.4) by fuel, worked by hand. NCV and CO2 are the library's:
 * IPCC 2006 Vol.2 Table 1.2 (jet kerosene 44.1, diesel 43.0, residual fuel oil 40.4 TJ/Gg) and Table 1.4
 * (71,500, 74,100, 77,400 kg/TJ); under `cn`, GB/T 2589 kerosene 43.07 GJ/t with the provincial
 * guideline's 19.5 tC/TJ and oxidation 0.98. CH4 and N2O have no sourced default for these modes: the
 * values below are the line's own (illustrative, not IPCC defaults).
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, runInventory, type LineResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLine, issuesOf, messages, type Fields } from '../../../../../test/support/method-line.ts';

const first = (gpc: string, line: Fields, gwp = 'AR5'): LineResult => computeLine({ gpc, method: 'mobile-fuel', ...line }, { gwp });
const problems = (gpc: string, line: Fields): string[] => messages(issuesOf([{ gpc, method: 'mobile-fuel', ...line }]));

const lineEf = { CH4: { value: 0.5, unit: 'kg/TJ' }, N2O: { value: 2, unit: 'kg/TJ' } };

describe('mobile-fuel: aviation', () => {
  it('10 万吨 of jet kerosene sold for departing flights (II.4.3), ipcc2006', () => {
    // E = 100,000 t × 44.1 GJ/t = 4,410,000 GJ = 4,410 TJ; CO2 = 4,410 × 71.5 t/TJ = 315,315 t
    // CH4 = 4,410 × 0.5 kg = 2.205 t; N2O = 4,410 × 2 kg = 8.82 t (line factors)
    // AR5: 315,315 + 2.205 × 28 + 8.82 × 265 = 315,315 + 61.74 + 2,337.3 = 317,714.04
    const line = first('II.4.3', { fuels: [{ fuel: 'jet_kerosene', amount: { value: 10, unit: '万吨' }, ef: lineEf }] });
    expect(closeTo(line.gases.CO2, 315315)).toBe(true);
    expect(closeTo(line.gases.CH4, 2.205)).toBe(true);
    expect(closeTo(line.gases.N2O, 8.82)).toBe(true);
    expect(closeTo(line.co2e, 317714.04)).toBe(true);
    expect(line.factors.map((f) => f.id)).toEqual(['ipcc2006.ncv.jet_kerosene', 'ipcc2006.co2.jet_kerosene', 'line:fuels[0].ef.CH4', 'line:fuels[0].ef.N2O', 'gwp.ar5.ch4', 'gwp.ar5.n2o']);
    expect(line.assumptions.map((a) => a.code)).toEqual(['method-factor-set', 'library-default', 'library-default', 'tce-from-energy']);
    // AR6, fossil CH4: 315,315 + 2.205 × 29.8 + 8.82 × 273 = 315,315 + 65.709 + 2,407.86 = 317,788.569
    expect(closeTo(first('II.4.3', { fuels: [{ fuel: 'jet_kerosene', amount: { value: 10, unit: '万吨' }, ef: lineEf }] }, 'AR6').co2e, 317788.569)).toBe(true);
  });

  it('the same under factorSet cn: jet kerosene takes kerosene\'s values, stated', () => {
    // E = 100,000 t × 43.07 GJ/t = 4,307,000 GJ = 4,307 TJ
    // CO2 = 4,307 × 19.5 tC/TJ × 0.98 × 44/12 = 301,791.49 t; CH4 = 4,307 × 0.5 kg = 2.1535 t
    const line = first('II.4.3', { factorSet: 'cn', fuels: [{ fuel: 'jet_kerosene', amount: { value: 10, unit: '万吨' }, ef: lineEf }] });
    expect(closeTo(line.gases.CO2, 301791.49)).toBe(true);
    expect(closeTo(line.gases.CH4, 2.1535)).toBe(true);
    expect(line.assumptions.map((a) => a.code)).toEqual(['fuel-substitute', 'library-default', 'library-default', 'library-default', 'tce-from-energy']);
    expect(line.factors.map((f) => f.id).slice(0, 3)).toEqual(['gbt2589.ncv.kerosene', 'cn-provincial.carbon-content.kerosene', 'cn-provincial.oxidation.kerosene']);
  });
});

describe('mobile-fuel: waterborne navigation', () => {
  it('diesel and fuel oil on one line, factors per TJ and per tonne', () => {
    // diesel: E = 20,000 t × 43.0 = 860,000 GJ = 860 TJ; CO2 = 860 × 74.1 = 63,726 t;
    //   CH4 = 860 × 7 kg = 6.02 t; N2O = 860 × 2 kg = 1.72 t
    // fuel oil: E = 10,000 t × 40.4 = 404,000 GJ = 404 TJ; CO2 = 404 × 77.4 = 31,269.6 t;
    //   CH4 = 10,000 t × 0.3 kg/t = 3 t; N2O = 10,000 × 0.08 kg/t = 0.8 t
    // total CO2 = 94,995.6 t; CH4 = 9.02 t; N2O = 2.52 t
    const line = first('II.3.1', {
      fuels: [
        { fuel: 'diesel', amount: { value: 2, unit: '万吨' }, ef: { CH4: { value: 7, unit: 'kg/TJ' }, N2O: { value: 2, unit: 'kg/TJ' } } },
        { fuel: 'fuel_oil', amount: { value: 10000, unit: 't' }, ef: { CH4: { value: 0.3, unit: 'kg/t' }, N2O: { value: 0.08, unit: 'kg/t', source: 'port authority study' } } },
      ],
    });
    expect(closeTo(line.gases.CO2, 94995.6)).toBe(true);
    expect(closeTo(line.gases.CH4, 9.02)).toBe(true);
    expect(closeTo(line.gases.N2O, 2.52)).toBe(true);
    expect(line.factors.find((f) => f.id === 'line:fuels[1].ef.N2O')?.source).toBe('port authority study');
  });

  it('an amount in energy needs no NCV; a line CO2 factor replaces Table 1.4', () => {
    // E = 100 TJ; CO2 = 100 × 75,000 kg = 7,500 t (line); CH4 = 100 × 7 kg = 0.7 t; N2O = 100 × 2 kg = 0.2 t
    const line = first('II.3.3', {
      fuels: [{ fuel: 'diesel', amount: { value: 100, unit: 'TJ' }, ef: { CO2: { value: 75000, unit: 'kg/TJ' }, CH4: { value: 7, unit: 'kg/TJ' }, N2O: { value: 2, unit: 'kg/TJ' } } }],
    });
    expect(closeTo(line.gases.CO2, 7500)).toBe(true);
    expect(closeTo(line.gases.CH4, 0.7)).toBe(true);
    expect(closeTo(line.gases.N2O, 0.2)).toBe(true);
    expect(line.factors.map((f) => f.id)).toEqual(['line:fuels[0].ef.CO2', 'line:fuels[0].ef.CH4', 'line:fuels[0].ef.N2O', 'gwp.ar5.ch4', 'gwp.ar5.n2o']);
  });
});

describe('mobile-fuel: input errors', () => {
  it('CH4 and N2O must come from the line', () => {
    expect(problems('II.4.1', { fuels: [{ fuel: 'jet_kerosene', amount: { value: 1, unit: 't' } }] })).toEqual([
      'activities[0].fuels[0].ef.CH4: the library has no value for this line (jet_kerosene, GPC II.4); the method needs a CH4 emission factor: add `ef.CH4` { value, unit } (e.g. in kg/TJ)',
      'activities[0].fuels[0].ef.N2O: the library has no value for this line (jet_kerosene, GPC II.4); the method needs an N2O emission factor: add `ef.N2O` { value, unit } (e.g. in kg/TJ)',
    ]);
  });

  it('checks the fuel against the mode, units against the amount, and the row', () => {
    const run = runInventory({
      city: 'Test',
      year: 2022,
      activities: [
        {
          gpc: 'II.4.1',
          method: 'mobile-fuel',
          fuels: [
            { fuel: 'diesel', amount: { value: 1, unit: 't' }, ef: lineEf },
            { fuel: 'jet_kerosine', amount: { value: 1, unit: 't' }, ef: lineEf },
            { fuel: 'jet_kerosene', amount: { value: 1, unit: 'm3' }, ef: lineEf },
            { fuel: 'jet_kerosene', amount: { value: 1, unit: 'GJ' }, ncv: { value: 44, unit: 'GJ/t' }, ef: { ...lineEf, CH4: { value: 1, unit: 'kg/m3' } } },
          ],
        },
        { gpc: 'II.2.1', method: 'mobile-fuel', fuels: [] },
        { gpc: 'II.3.1', method: 'mobile-fuel', fuels: { fuel: 'diesel' } },
      ],
    });
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.issues.map((issue) => formatIssue(issue))).toEqual([
      'activities[0].fuels[0].fuel: "diesel" is not one of "jet_kerosene"',
      'activities[0].fuels[1].fuel: "jet_kerosine" is not a known fuel (did you mean "jet_kerosene"?)',
      'activities[0].fuels[2].ncv: the library has no value for this line (jet_kerosene, ipcc2006); the method needs a net calorific value per volume for an amount in m3: add `ncv` in MJ/m3, or give the amount by mass',
      'activities[0].fuels[3].ncv: "ncv" and "amount" cannot go together (they set the same value, or contradict each other): keep one',
      'activities[0].fuels[3].ef.CH4.unit: unit "kg/m3" measures mass/volume, expected mass/energy',
      'activities[1].gpc: method "mobile-fuel" does not compute GPC row II.2.1; it computes II.3.1, II.3.3, II.4.1, II.4.3',
      'activities[2].fuels: expected array, got object',
    ]);
  });
});
