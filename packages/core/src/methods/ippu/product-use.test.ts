/**
 * Product use (GPC IV.2.1), worked by hand: lubricants by IPCC 2006 Vol.3 Eq 5.2 (CO2 = LC × CC × ODU × 44/12)
 * with every value from the line; other gases by mass × a GWP given on the line.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, runInventory, type LineResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLine, issuesOf, pathsAndCodes, type Fields } from '../../../../../test/support/method-line.ts';

const line = (fields: Fields, gwp = 'AR5'): LineResult => computeLine({ gpc: 'IV.2.1', method: 'ippu-product-use', ...fields }, { gwp });
const issues = (fields: Fields): { path: string; code: string }[] => pathsAndCodes(issuesOf([{ gpc: 'IV.2.1', method: 'ippu-product-use', ...fields }]));

const HFC_134A = { gas: 'HFC-134a', emissions: { value: 2, unit: 't' }, gwp: { value: 1300, source: 'IPCC AR5 WG1 Table 8.A.1' } };

describe('ippu-product-use: lubricants', () => {
  it('by energy, carbon content per energy', () => {
    // 100 TJ × 20 tC/TJ × 0.2 × 44/12 = 400 tC × 3.6667 = 1,466.67 t CO2.
    const result = line({ lubricants: { amount: { value: 100, unit: 'TJ' }, carbonContent: { value: 20, unit: 'tC/TJ' }, odu: 0.2 } });
    expect(closeTo(result.gases.CO2, (400 * 44) / 12)).toBe(true);
    expect(result.factors.map((f) => f.id)).toEqual(['line:lubricants.odu', 'line:lubricants.carbonContent']);
  });

  it('by mass, carbon content per mass', () => {
    // 5,000 t × 0.8 tC/t × 0.2 × 44/12 = 800 tC × 3.6667 = 2,933.33 t CO2.
    const result = line({ lubricants: { amount: { value: 5000, unit: '吨' }, carbonContent: { value: 0.8, unit: 'tC/t' }, odu: 0.2 } });
    expect(closeTo(result.gases.CO2, (800 * 44) / 12)).toBe(true);
  });

  it('carbon content must match the amount; no default ODU', () => {
    expect(issues({ lubricants: { amount: { value: 100, unit: 'TJ' }, carbonContent: { value: 0.8, unit: 'tC/t' } } })).toEqual([
      { path: 'activities.0.lubricants.odu', code: 'required' },
      { path: 'activities.0.lubricants.carbonContent.unit', code: 'wrong-dimension' },
    ]);
  });
});

describe('ippu-product-use: gases by mass', () => {
  it('an HFC with its GWP on the line goes to other gases as CO2e, stated; N2O to its own column', () => {
    // HFC-134a: 2 t × 1,300 = 2,600 tCO2e (other gases); N2O 0.5 t × 265 (AR5) = 132.5; total 2,732.5.
    const result = line({ gases: [HFC_134A, { gas: 'N2O', emissions: { value: 500, unit: 'kg' } }] });
    expect(result.gases.CO2).toBe(0);
    expect(closeTo(result.otherGasesCo2e!, 2600)).toBe(true);
    expect(closeTo(result.gases.N2O, 0.5)).toBe(true);
    expect(closeTo(result.co2e, 2732.5)).toBe(true);
    expect(result.assumptions.map((a) => a.code)).toEqual(['other-gas-gwp-from-line']);
    expect(result.assumptions[0]!.text.en).toContain('HFC-134a: 2 t × GWP 1300 (given on the line, IPCC AR5 WG1 Table 8.A.1) = 2600 tCO2e');
    expect(result.factors.map((f) => f.id)).toContain('line:HFC-134a.gwp');
  });

  it('the HFC figure does not move with the GWP set; N2O does', () => {
    // AR6: 2,600 + 0.5 × 273 = 2,736.5.
    const result = line({ gases: [HFC_134A, { gas: 'n2o', emissions: { value: 0.5, unit: 't' } }] }, 'AR6');
    expect(closeTo(result.co2e, 2736.5)).toBe(true);
  });

  it('lubricants and gases on one line add up', () => {
    const result = line({ lubricants: { amount: { value: 100, unit: 'TJ' }, carbonContent: { value: 20, unit: 'tC/TJ' }, odu: 0.2 }, gases: [HFC_134A] });
    // Lubricants: 100 TJ × 20 tC/TJ × 0.2 = 400 tC × 44/12 CO2; HFC-134a 2,600 tCO2e apart from it.
    expect(closeTo(result.gases.CO2, (400 * 44) / 12)).toBe(true);
    expect(closeTo(result.otherGasesCo2e!, 2600)).toBe(true);
    expect(closeTo(result.co2e, (400 * 44) / 12 + 2600)).toBe(true);
  });

  it('the inventory keeps other gases out of the CO2 mass and in the CO2e totals', () => {
    const run = runInventory({ city: 'Test', year: 2022, activities: [{ gpc: 'IV.2.1', method: 'ippu-product-use', gases: [HFC_134A] }] });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.result.gases.CO2).toBe(0);
    expect(closeTo(run.result.otherGases.co2e, 2600)).toBe(true);
    expect(closeTo(run.result.totals.basicPlus, 2600)).toBe(true);
  });

  it('reports every problem with its path', () => {
    expect(issues({})).toEqual([{ path: 'activities.0.gases', code: 'required' }]);
    expect(issues({ gases: [] })).toEqual([{ path: 'activities.0.gases', code: 'required' }]);
    expect(issues({ gases: { gas: 'SF6' } })).toEqual([{ path: 'activities.0.gases', code: 'type' }]);
    expect(
      issues({
        gases: [
          { gas: 'SF6', emissions: { value: 1, unit: 't' } },
          { gas: 'HFC-32', emissions: { value: 1, unit: 't' }, gwp: { value: 677 } },
          { gas: 'CO2', emissions: { value: 1, unit: 't' }, gwp: { value: 1, source: 'x' } },
          { gas: 'HFC-23', emissions: { value: 1, unit: 'tCO2e' }, gwp: { value: 0, source: 'x' }, note: 'x' },
        ],
      }),
    ).toEqual([
      { path: 'activities.0.gases.0.gwp', code: 'required' },
      { path: 'activities.0.gases.1.gwp.source', code: 'required' },
      { path: 'activities.0.gases.2.gwp', code: 'conflict' },
      { path: 'activities.0.gases.3.note', code: 'unknown-field' },
      { path: 'activities.0.gases.3.emissions.unit', code: 'wrong-dimension' },
      { path: 'activities.0.gases.3.gwp.value', code: 'not-positive' },
    ]);
  });

  it('a GWP without its source, in words', () => {
    const run = runInventory({ city: 'Test', year: 2022, activities: [{ gpc: 'IV.2.1', method: 'ippu-product-use', gases: [{ gas: 'HFC-32', emissions: { value: 1, unit: 't' }, gwp: { value: 677 } }] }] });
    expect(run.ok ? [] : run.issues.map((issue) => formatIssue(issue))).toEqual(['activities[0].gases[0].gwp.source: is required']);
  });
});
