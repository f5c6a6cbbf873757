/**
 * Rice cultivation (GPC V.3.1), worked by hand from IPCC 2006 Vol.4 Ch.5: CH4 = 1.30 kg/ha/day (Table 5.11)
 * × SFw (Table 5.12) × SFp (Table 5.13) × SFo = (1 + Σ ROA × CFOA)^0.59 (Eq 5.3, Table 5.14) × days × area.
 */
import { describe, expect, it } from 'vitest';
import { runInventory, type LineResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLine, issuesOf, pathsAndCodes, quantity, type Fields } from '../../../../../test/support/method-line.ts';

const line = (method: string, fields: Fields): LineResult => computeLine({ gpc: 'V.3.1', method, ...fields });
const issues = (method: string, fields: Fields): { path: string; code: string }[] => pathsAndCodes(issuesOf([{ gpc: 'V.3.1', method, ...fields }]));
const t = quantity;

describe('rice-cultivation', () => {
  it('1 万亩 continuously flooded for 120 days, no amendments', () => {
    // 1 万亩 = 666.667 ha; 1.30 kg/ha/day × 120 days × 666.667 ha = 104,000 kg = 104 t CH4.
    const result = line('rice-cultivation', { area: t(1, '万亩'), days: t(120, 'day'), waterRegime: 'continuously-flooded', preSeason: 'not-flooded-under-180d' });
    expect(closeTo(result.gases.CH4, 104, 1e-9)).toBe(true);
    expect(result.assumptions.map((a) => a.code)).toEqual(['library-default', 'library-default', 'library-default', 'rice-no-organic-amendments']);
  });

  it('intermittent flooding, flooded pre-season, straw and manure (Eq 5.3)', () => {
    // ROA·CFOA: straw < 30 d 2 t/ha × 1 = 2; manure 400 kg/亩 = 6 t/ha × 0.14 = 0.84; SFo = 3.84^0.59 = 2.21185.
    // 1.30 × 0.60 × 1.90 = 1.482 kg/ha/day × SFo × 100 days × 1,000 ha = 148.2 t × 2.21185 = 327.796 t.
    const result = line('rice-cultivation', {
      area: t(1000, 'ha'),
      days: t(100, 'day'),
      waterRegime: 'single-aeration',
      preSeason: 'flooded-over-30d',
      amendments: [
        { type: 'straw-under-30d', rate: t(2, 't/ha') },
        { type: 'farmyard-manure', rate: t(400, 'kg/亩') },
      ],
    });
    expect(closeTo(result.gases.CH4, 148.2 * 3.84 ** 0.59, 1e-9)).toBe(true);
    expect(closeTo(result.gases.CH4, 327.796, 1e-5)).toBe(true);
    expect(result.factors.map((f) => f.id)).toContain('ipcc2006.afolu.rice.cfoa.farmyard-manure');
  });

  it('scaling factors and the baseline given on the line', () => {
    // 1,000 ha × 100 days × 1.2 kg/ha/day × 0.7 × 1 = 84,000 kg = 84 t.
    const result = line('rice-cultivation', { area: t(1000, 'ha'), days: t(100, 'day'), waterFactor: 0.7, preSeasonFactor: 1, baselineFactor: t(1.2, 'kg/ha/day') });
    expect(closeTo(result.gases.CH4, 84, 1e-9)).toBe(true);
    expect(result.factors.map((f) => f.id)).toEqual(['line:baselineFactor', 'line:waterFactor', 'line:preSeasonFactor', 'gwp.ar5.ch4']);
  });

  it('reports bad input with paths', () => {
    expect(
      issues('rice-cultivation', {
        area: t(10, 'ha'),
        days: t(400, 'day'),
        waterRegime: 'continuously-flooded',
        waterFactor: 1,
        amendments: [{ type: 'straw-under-30d', rate: t(2) }, { type: 'manure', rate: t(1, 't/ha') }],
      }),
    ).toEqual([
      { path: 'activities.0.days', code: 'out-of-range' },
      { path: 'activities.0.waterFactor', code: 'conflict' },
      { path: 'activities.0.preSeason', code: 'required' },
      { path: 'activities.0.amendments.0.rate.unit', code: 'wrong-dimension' },
      { path: 'activities.0.amendments.1.type', code: 'unknown-category' },
    ]);
  });
});

describe('rice factor units', () => {
  it('refuses a baseline factor without its time unit, so a seasonal figure is never multiplied by the days', () => {
    const run = runInventory({ city: 'Test', year: 2022, activities: [{ gpc: 'V.3.1', method: 'rice-cultivation', area: { value: 1000, unit: 'ha' }, days: { value: 110, unit: 'day' }, waterRegime: 'continuously-flooded', preSeason: 'not-flooded-under-180d', baselineFactor: { value: 211.4, unit: 'kg/ha' } }] });
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.issues.map((issue) => `${issue.code} ${issue.path.join('.')}`)).toEqual(['wrong-dimension activities.0.baselineFactor.unit']);
  });

  it('takes a seasonal factor as CH4 = EF × area', () => {
    // 1,000 ha × 211.4 kg/ha = 211,400 kg = 211.4 t CH4.
    const run = runInventory({ city: 'Test', year: 2022, activities: [{ gpc: 'V.3.1', method: 'rice-cultivation', area: { value: 1000, unit: 'ha' }, seasonalFactor: { value: 211.4, unit: 'kg/ha' } }] });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.result.lines[0]!.gases.CH4).toBeCloseTo(211.4, 9);
    expect(run.result.lines[0]!.assumptions.map((a) => a.code)).toContain('rice-seasonal-factor');
  });

  it('refuses daily-rate fields beside a seasonal factor', () => {
    const run = runInventory({ city: 'Test', year: 2022, activities: [{ gpc: 'V.3.1', method: 'rice-cultivation', area: { value: 1000, unit: 'ha' }, days: { value: 100, unit: 'day' }, seasonalFactor: { value: 211.4, unit: 'kg/ha' } }] });
    expect(run.ok).toBe(false);
  });
});
