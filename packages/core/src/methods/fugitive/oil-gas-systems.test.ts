/**
 * Fugitive emissions from natural gas systems (GPC I.8.1), worked by hand from IPCC 2006 Vol.2 Table 4.2.5,
 * developing countries, CH4 in Gg per 10⁶ m³ (= kg/m³): production 3.8E-04 to 2.4E-02, transmission
 * 1.66E-04 to 1.1E-03, distribution 1.1E-03 to 2.5E-03 (per 10⁶ m³ of utility sales). A range, so the
 * line picks an end or gives its own factor.
 */
import { describe, expect, it } from 'vitest';
import { type LineResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLine, issuesOf, messages, type Fields } from '../../../../../test/support/method-line.ts';

const first = (line: Fields, gwp = 'AR5'): LineResult => computeLine({ gpc: 'I.8.1', method: 'oil-gas-systems', ...line }, { gwp });
const problems = (line: Fields): string[] => messages(issuesOf([{ gpc: 'I.8.1', method: 'oil-gas-systems', ...line }]));

describe('natural gas systems', () => {
  it('distribution of 5 亿m³ of utility sales at the high end, stated', () => {
    // 5 亿m³ = 500 × 10⁶ m³; CH4 = 500 × 2.5E-03 Gg = 1.25 Gg = 1,250 t (= 5 × 10⁸ m³ × 2.5 × 10⁻⁶ t/m³)
    // AR5: 1,250 × 28 = 35,000 tCO2e; AR6 (fossil): 1,250 × 29.8 = 37,250 tCO2e
    const line = first({ segment: 'distribution', volume: { value: 5, unit: '亿m3' }, estimate: 'high' });
    expect(closeTo(line.gases.CH4, 1250)).toBe(true);
    expect(line.gases.CO2).toBe(0);
    expect(closeTo(line.co2e, 35000)).toBe(true);
    expect(closeTo(first({ segment: 'distribution', volume: { value: 5, unit: '亿m3' }, estimate: 'high' }, 'AR6').co2e, 37250)).toBe(true);
    expect(line.factors.map((f) => f.id)).toEqual(['ipcc2006.oil-gas.distribution.ch4.high', 'gwp.ar5.ch4']);
    expect(line.assumptions.map((a) => a.code)).toEqual(['oil-gas-range-end', 'oil-gas-co2-not-estimated']);
    expect(line.assumptions[0]!.text.en).toContain('the high end of the IPCC 2006 Table 4.2.5 range');
  });

  it('production of 2 亿m³ at the low end', () => {
    // CH4 = 200 × 10⁶ m³ × 3.8E-04 Gg per 10⁶ m³ = 0.076 Gg = 76 t
    expect(closeTo(first({ segment: 'production', volume: { value: 2, unit: '亿立方米' }, estimate: 'low' }).gases.CH4, 76)).toBe(true);
  });

  it('transmission of 10 亿m³ at the high end', () => {
    // CH4 = 1,000 × 10⁶ m³ × 1.1E-03 Gg per 10⁶ m³ = 1.1 Gg = 1,100 t
    expect(closeTo(first({ segment: 'transmission', volume: { value: 10, unit: '亿m3' }, estimate: 'high' }).gases.CH4, 1100)).toBe(true);
  });

  it('the line\'s own CH4 and CO2 factors', () => {
    // CH4 = 3 亿m³ × 8 t/亿m³ = 24 t; CO2 = 3 × 1 t/亿m³ = 3 t
    const line = first({ segment: 'transmission', volume: { value: 3, unit: '亿m3' }, ch4Factor: { value: 8, unit: 't/亿m3' }, co2Factor: { value: 1, unit: 't/亿m3' } });
    expect(closeTo(line.gases.CH4, 24)).toBe(true);
    expect(closeTo(line.gases.CO2, 3)).toBe(true);
    expect(line.factors.map((f) => f.id)).toEqual(['line:ch4Factor', 'line:co2Factor', 'gwp.ar5.ch4']);
    expect(line.assumptions).toEqual([]);
  });

  it('a range is not a default: no estimate and no factor is an error', () => {
    expect(problems({ segment: 'distribution', volume: { value: 5, unit: '亿m3' } })).toEqual([
      'activities[0].estimate: the library has no default `estimate` for method oil-gas-systems (distribution): give it on the line',
    ]);
  });

  it('reports bad input with paths', () => {
    expect(problems({ segment: 'storage', volume: { value: 5, unit: 't' }, estimate: 'average', ch4Factor: { value: 1, unit: 'kg/m3' } })).toEqual([
      'activities[0].segment: "storage" is not one of "production", "transmission", "distribution"',
      'activities[0].volume.unit: unit "t" measures mass, expected volume',
      'activities[0].estimate: "average" is not one of "low", "high"',
      'activities[0].estimate: "estimate" and "ch4Factor" cannot go together (they set the same value, or contradict each other): keep one',
    ]);
  });
});
