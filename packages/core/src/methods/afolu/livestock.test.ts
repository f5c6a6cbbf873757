/**
 * Livestock (GPC V.1.1), worked by hand from IPCC 2006 Vol.4 Ch.10, kg CH4 per head per year:
 * enteric (Tables 10.10, 10.11 Asia) dairy cattle 68, other cattle 47, buffalo 55, sheep 5, swine 1.0;
 * manure, Asia (Table 10.14) dairy cows 14 and swine 3 at 16 °C, other cattle 1, buffalo 2 from 15 °C;
 * developing countries (Table 10.15) sheep 0.15 and poultry 0.02 when temperate (15–25 °C).
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, runInventory, type LineResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLine, issuesOf, pathsAndCodes, quantity, type Fields } from '../../../../../test/support/method-line.ts';

const line = (fields: Fields, gwp = 'AR5'): LineResult => computeLine({ gpc: 'V.1.1', method: 'livestock', ...fields }, { gwp });
const issues = (fields: Fields): { path: string; code: string }[] => pathsAndCodes(issuesOf([{ gpc: 'V.1.1', method: 'livestock', ...fields }]));
const head = (value: number, unit = 'head'): { value: number; unit: string } => quantity(value, unit);

describe('livestock', () => {
  it('a mixed herd in yearbook units at 16.4 °C', () => {
    // dairy 20,000 × (68 + 14) = 1,640,000 kg; other cattle 5,000 × (47 + 1) = 240,000 kg;
    // swine 100,000 × (1.0 + 3) = 400,000 kg; sheep 30,000 × (5 + 0.15) = 154,500 kg;
    // buffalo 1,000 × (55 + 2) = 57,000 kg; poultry 1,000,000 × (0 + 0.02) = 20,000 kg.
    // CH4 = 2,511.5 t; AR5 × 28 = 70,322 tCO2e; AR6 (non-fossil) × 27 = 67,810.5.
    const fields = {
      temperature: 16.4,
      animals: [
        { type: 'dairy-cattle', head: head(2, '万头') },
        { type: 'other-cattle', head: head(5000, '头') },
        { type: 'swine', head: head(10, '万头') },
        { type: 'sheep', head: head(3, '万只') },
        { type: 'buffalo', head: head(1000) },
        { type: 'poultry', head: head(100, '万只') },
      ],
    };
    const result = line(fields);
    expect(closeTo(result.gases.CH4, 2511.5)).toBe(true);
    expect(closeTo(result.co2e, 70_322)).toBe(true);
    expect(closeTo(line(fields, 'AR6').co2e, 67_810.5)).toBe(true);
    expect(result.factors.map((f) => f.id).slice(0, 4)).toEqual([
      'ipcc2006.afolu.enteric.dairy-cattle',
      'ipcc2006.afolu.manure.dairy-cattle.16c',
      'ipcc2006.afolu.enteric.other-cattle',
      'ipcc2006.afolu.manure.other-cattle',
    ]);
    const codes = result.assumptions.map((a) => a.code);
    expect(codes.filter((code) => code !== 'library-default')).toEqual(['poultry-enteric-not-estimated', 'manure-temperature-band', 'manure-n2o-not-estimated']);
    const band = result.assumptions.find((a) => a.code === 'manure-temperature-band')!;
    expect(band.text.en).toBe(
      'annual mean temperature 16.4 °C: Table 10.14 column 16 °C (nearest whole degree); buffalo 15 °C or more; Table 10.15 temperate climate (cool < 15 °C ≤ temperate ≤ 25 °C < warm)',
    );
  });

  it('reads the temperature bands at their edges', () => {
    // 27.5 °C → column ≥ 28: dairy 1,000 × (68 + 31) = 99 t; warm: sheep 1,000 × (5 + 0.20) = 5.2 t.
    expect(closeTo(line({ temperature: 27.5, animals: [{ type: 'dairy-cattle', head: head(1000) }] }).gases.CH4, 99)).toBe(true);
    expect(closeTo(line({ temperature: 27.5, animals: [{ type: 'sheep', head: head(1000) }] }).gases.CH4, 5.2)).toBe(true);
    // 25 °C is still temperate: 1,000 × 5.15 = 5.15 t; 10.4 °C → column ≤ 10: 1,000 × (68 + 9) = 77 t.
    expect(closeTo(line({ temperature: 25, animals: [{ type: 'sheep', head: head(1000) }] }).gases.CH4, 5.15)).toBe(true);
    expect(closeTo(line({ temperature: 10.4, animals: [{ type: 'dairy-cattle', head: head(1000) }] }).gases.CH4, 77)).toBe(true);
    // 14.9 °C: buffalo below 15 → 1,000 × (55 + 1) = 56 t; swine −3 °C → column ≤ 10: 1,000 × (1 + 2) = 3 t.
    expect(closeTo(line({ temperature: 14.9, animals: [{ type: 'buffalo', head: head(1000) }] }).gases.CH4, 56)).toBe(true);
    expect(closeTo(line({ temperature: -3, animals: [{ type: 'swine', head: head(1000) }] }).gases.CH4, 3)).toBe(true);
  });

  it('takes factors given per animal, and needs no temperature when nothing depends on it', () => {
    // camels 100 × (46 + 1.92) = 4,792 kg; dairy 1,000 × (90 + 20) = 110,000 kg; other cattle 1,000 × 48 = 48,000 kg.
    const result = line({
      animals: [
        { type: 'camels', head: head(100), manureFactor: { value: 1.92, unit: 'kg/head' } },
        { type: 'dairy-cattle', head: head(1000), entericFactor: { value: 90, unit: 'kg/head' }, manureFactor: { value: 20, unit: 'kg/head' } },
        { type: 'other-cattle', head: head(1000) },
      ],
    });
    expect(closeTo(result.gases.CH4, 4.792 + 110 + 48)).toBe(true);
    expect(result.factors.map((f) => f.id)).toEqual([
      'ipcc2006.afolu.enteric.camels',
      'line:animals[0].manureFactor',
      'line:animals[1].entericFactor',
      'line:animals[1].manureFactor',
      'ipcc2006.afolu.enteric.other-cattle',
      'ipcc2006.afolu.manure.other-cattle',
      'gwp.ar5.ch4',
    ]);
    expect(result.assumptions.map((a) => a.code)).not.toContain('manure-temperature-band');
  });

  it('reports each bad animal with its path', () => {
    expect(issues({ animals: [] })).toEqual([{ path: 'activities.0.animals', code: 'required' }]);
    expect(issues({ animals: [{ type: 'dairy-cattle', head: head(10) }] })).toEqual([{ path: 'activities.0.temperature', code: 'required' }]);
    expect(
      issues({
        temperature: 70,
        animals: [
          { type: 'cow', head: head(10) },
          { type: 'sheep', head: head(10, 't') },
          { type: 'mules-asses', head: head(10) },
          { type: 'goats', head: head(10), weight: 30 },
        ],
      }),
    ).toEqual([
      { path: 'activities.0.animals.0.type', code: 'unknown-category' },
      { path: 'activities.0.animals.1.head.unit', code: 'wrong-dimension' },
      { path: 'activities.0.animals.3.weight', code: 'unknown-field' },
      { path: 'activities.0.temperature', code: 'out-of-range' },
      { path: 'activities.0.animals.2.manureFactor', code: 'missing-parameter' },
    ]);
  });

  it('says what is missing from the library, in words', () => {
    const run = runInventory({ city: 'Test', year: 2022, activities: [{ gpc: 'V.1.1', method: 'livestock', animals: [{ type: 'camels', head: head(5) }] }] });
    expect(run.ok ? [] : run.issues.map((issue) => formatIssue(issue))).toEqual([
      'activities[0].animals[0].manureFactor: the library has no default `manureFactor` for method livestock (camels): give it on the line',
    ]);
  });
});
