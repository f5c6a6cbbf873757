/**
 * Aggregate sources on land (GPC V.3.1), worked by hand from IPCC 2006 Vol.4:
 * fertiliser N2O (Ch.11: EF1 0.01, EF1FR 0.003, FracGASF 0.10, EF4 0.010, EF5 0.0075; N2O = N2O–N × 44/28),
 * liming (0.12 / 0.13 t C/t) and urea (0.20 t C/t), CO2 = C × 44/12.
 */
import { describe, expect, it } from 'vitest';
import { type LineResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLine, issuesOf, pathsAndCodes, quantity, type Fields } from '../../../../../test/support/method-line.ts';

const line = (method: string, fields: Fields): LineResult => computeLine({ gpc: 'V.3.1', method, ...fields });
const issues = (method: string, fields: Fields): { path: string; code: string }[] => pathsAndCodes(issuesOf([{ gpc: 'V.3.1', method, ...fields }]));
const t = quantity;

describe('fertiliser-n2o', () => {
  it('1 万吨 of N with the defaults: direct, volatilisation and leaching at the Table 11.3 FracLEACH 0.30, stated', () => {
    // direct 10,000 × 0.01 = 100 t N2O–N; volatilisation 10,000 × 0.10 × 0.010 = 10; leaching 10,000 × 0.30 × 0.0075 = 22.5;
    // 132.5 × 44/28 = 208.214 t N2O. AR5: × 265 = 55,176.8 tCO2e.
    const result = line('fertiliser-n2o', { syntheticN: t(1, '万吨') });
    expect(closeTo(result.gases.N2O, (132.5 * 44) / 28)).toBe(true);
    expect(closeTo(result.co2e, ((132.5 * 44) / 28) * 265)).toBe(true);
    expect(result.factors.map((f) => f.id)).toEqual([
      'ipcc2006.afolu.soils.ef1',
      'ipcc2006.afolu.soils.frac-gasf',
      'ipcc2006.afolu.soils.ef4',
      'ipcc2006.afolu.soils.frac-leach',
      'ipcc2006.afolu.soils.ef5',
      'gwp.ar5.n2o',
    ]);
    expect(result.factors.find((f) => f.id === 'ipcc2006.afolu.soils.frac-leach')?.value).toBe(0.3);
    expect(result.assumptions.map((a) => a.code)).toContain('frac-leach-wet-default');
  });

  it('a dry region gives fracLeach 0: no leaching, nothing defaulted', () => {
    const dry = line('fertiliser-n2o', { syntheticN: t(1, '万吨'), fracLeach: 0 });
    expect(closeTo(dry.gases.N2O, (110 * 44) / 28)).toBe(true);
    expect(dry.assumptions.map((a) => a.code)).not.toContain('frac-leach-wet-default');
  });

  it('with flooded rice and with leaching', () => {
    // (leaching left out: fracLeach 0) rice: 100 + 2,000 × 0.003 = 6, volatilisation 12,000 × 0.1 × 0.01 = 12 → 118 × 44/28 = 185.43 t.
    expect(closeTo(line('fertiliser-n2o', { syntheticN: t(10_000), floodedRiceN: t(2000), fracLeach: 0 }).gases.N2O, (118 * 44) / 28)).toBe(true);
    // leaching: 10,000 × 0.3 × 0.0075 = 22.5 → (100 + 10 + 22.5) × 44/28 = 208.21 t.
    const leached = line('fertiliser-n2o', { syntheticN: t(10_000), fracLeach: 0.3 });
    expect(closeTo(leached.gases.N2O, (132.5 * 44) / 28)).toBe(true);
    expect(leached.factors.map((f) => f.id)).toContain('ipcc2006.afolu.soils.ef5');
    // a national EF1 of 0.008: 80 + 10 = 90 → 141.43 t.
    expect(closeTo(line('fertiliser-n2o', { syntheticN: t(10_000), ef1: 0.008, fracLeach: 0 }).gases.N2O, (90 * 44) / 28)).toBe(true);
  });

  it('reports bad input', () => {
    expect(issues('fertiliser-n2o', {})).toEqual([{ path: 'activities.0.syntheticN', code: 'required' }]);
    expect(issues('fertiliser-n2o', { floodedRiceN: t(5), ef1: 0.01, ef5: 0.0075, fracGasf: 1.2 })).toEqual([
      { path: 'activities.0.syntheticN', code: 'required' },
      { path: 'activities.0.fracGasf', code: 'out-of-range' },
    ]);
    expect(issues('fertiliser-n2o', { syntheticN: t(5, 'm3') })).toEqual([{ path: 'activities.0.syntheticN.unit', code: 'wrong-dimension' }]);
  });
});

describe('liming and urea', () => {
  it('limestone and dolomite', () => {
    // C = 1,000 × 0.12 + 500 × 0.13 = 185 t → CO2 = 185 × 44/12 = 678.33 t.
    expect(closeTo(line('liming', { limestone: t(1000), dolomite: t(500) }).gases.CO2, (185 * 44) / 12)).toBe(true);
    // own limestone factor 0.11 t C/t: 110 × 44/12 = 403.33 t.
    const own = line('liming', { limestone: t(1000), limestoneFactor: t(0.11, 'tC/t') });
    expect(closeTo(own.gases.CO2, (110 * 44) / 12)).toBe(true);
    expect(own.factors.map((f) => f.id)).toEqual(['line:limestoneFactor']);
    expect(issues('liming', { limestone: t(1000), dolomiteFactor: t(0.13, 'tC/t') })).toEqual([{ path: 'activities.0.dolomite', code: 'required' }]);
    expect(issues('liming', { limestone: t(1000), limestoneFactor: t(0.12, 't/t') })).toEqual([{ path: 'activities.0.limestoneFactor.unit', code: 'wrong-dimension' }]);
  });

  it('urea', () => {
    // 20,000 t × 0.20 t C/t = 4,000 t C → 14,666.67 t CO2.
    const result = line('urea', { urea: t(2, '万吨') });
    expect(closeTo(result.gases.CO2, (4000 * 44) / 12)).toBe(true);
    expect(result.factors.map((f) => f.id)).toEqual(['ipcc2006.afolu.urea.ef']);
    expect(issues('urea', {})).toEqual([{ path: 'activities.0.urea', code: 'required' }]);
  });
});
