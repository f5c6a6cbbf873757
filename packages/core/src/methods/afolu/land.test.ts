/**
 * Land (GPC V.2.1), worked by hand from IPCC 2006 Vol.4 Ch.2: stock difference (Eq 2.5) and gain-loss
 * (Eq 2.4), CO2 = −ΔC × 44/12; every value from the line, a carbon gain a negative CO2 (removal).
 */
import { describe, expect, it } from 'vitest';
import { type InventoryResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLines, issuesOf, pathsAndCodes, type Fields } from '../../../../../test/support/method-line.ts';

const run = (activities: Fields[]): InventoryResult => computeLines(activities);
const issues = (line: Fields): { path: string; code: string }[] => pathsAndCodes(issuesOf([{ gpc: 'V.2.1', ...line }]));

const tc = (value: number): { value: number; unit: string } => ({ value, unit: 'tC' });

describe('land-stock-difference', () => {
  it('a growing stock is a removal, and the totals carry it', () => {
    // ΔC = (1,050,000 − 1,000,000) tC / (2020 − 2015) = 10,000 tC/yr → CO2 = −10,000 × 44/12 = −36,666.67 t.
    // With a 20,000 t urea line (20,000 × 0.20 × 44/12 = 14,666.67 t) BASIC+ = −22,000 t.
    const result = run([
      { gpc: 'V.2.1', method: 'land-stock-difference', stockStart: { year: 2015, carbon: tc(1_000_000) }, stockEnd: { year: 2020, carbon: tc(1_050_000) } },
      { gpc: 'V.3.1', method: 'urea', urea: { value: 2, unit: '万吨' } },
    ]);
    const land = result.lines[0]!;
    expect(closeTo(land.gases.CO2, (-10_000 * 44) / 12)).toBe(true);
    expect(closeTo(land.co2e, (-10_000 * 44) / 12)).toBe(true);
    expect(closeTo(result.totals.basicPlus, -22_000)).toBe(true);
    expect(land.assumptions.map((a) => a.text.en)).toEqual([
      'annual carbon stock change averaged over 2015–2020 (Eq 2.5), applied to inventory year 2022 outside that interval; a stock gain is a removal (negative CO2)',
    ]);
  });

  it('a shrinking stock is an emission', () => {
    // ΔC = (480,000 − 500,000) / (2022 − 2018) = −5,000 tC/yr → CO2 = 5,000 × 44/12 = 18,333.33 t.
    const land = run([{ gpc: 'V.2.1', method: 'land-stock-difference', stockStart: { year: 2018, carbon: tc(500_000) }, stockEnd: { year: 2022, carbon: tc(480_000) } }]).lines[0]!;
    expect(closeTo(land.gases.CO2, (5000 * 44) / 12)).toBe(true);
    expect(land.assumptions[0]!.text.en).not.toContain('outside');
  });

  it('reports bad stocks with their paths', () => {
    expect(issues({ method: 'land-stock-difference', stockStart: { year: 2020, carbon: tc(1) }, stockEnd: { year: 2020, carbon: tc(2) } })).toEqual([
      { path: 'activities.0.stockEnd.year', code: 'out-of-range' },
    ]);
    expect(issues({ method: 'land-stock-difference', stockStart: { year: 2015.5, carbon: { value: 1, unit: 't' } } })).toEqual([
      { path: 'activities.0.stockStart.year', code: 'type' },
      { path: 'activities.0.stockStart.carbon.unit', code: 'wrong-dimension' },
      { path: 'activities.0.stockEnd', code: 'required' },
    ]);
    expect(issues({ method: 'land-stock-difference', stockStart: { year: 2015, carbon: tc(-1), area: 5 }, stockEnd: [] })).toEqual([
      { path: 'activities.0.stockStart.area', code: 'unknown-field' },
      { path: 'activities.0.stockStart.carbon.value', code: 'negative' },
      { path: 'activities.0.stockEnd', code: 'type' },
    ]);
  });
});

describe('land-gain-loss', () => {
  it('net gain of 9,000 tC is a removal', () => {
    // ΔC = 12,000 − 3,000 = 9,000 tC/yr → CO2 = −9,000 × 44/12 = −33,000 t.
    const land = run([{ gpc: 'V.2.1', method: 'land-gain-loss', gains: tc(12_000), losses: tc(3000) }]).lines[0]!;
    expect(closeTo(land.gases.CO2, -33_000)).toBe(true);
    expect(land.assumptions.map((a) => a.code)).toEqual(['land-gain-loss-annual']);
  });

  it('needs both gains and losses, in carbon', () => {
    expect(issues({ method: 'land-gain-loss', gains: { value: 12_000, unit: 't' } })).toEqual([
      { path: 'activities.0.gains.unit', code: 'wrong-dimension' },
      { path: 'activities.0.losses', code: 'required' },
    ]);
  });
});
