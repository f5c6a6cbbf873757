/**
 * Biological treatment (GPC III.2), worked by hand from IPCC 2006 Vol.5 Table 4.1:
 * composting 4 g CH4 and 0.3 g N2O per kg wet waste (10 and 0.6 per kg dry); anaerobic digestion
 * 0.8 g CH4 per kg wet (2 dry; the wet central value not confirmed), N2O negligible.
 */
import { describe, expect, it } from 'vitest';
import { FactorLibrary, formatIssue, runInventory, type InventoryResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLines, type Fields } from '../../../../../test/support/method-line.ts';

const compute = (line: Fields, gwp = 'AR5'): InventoryResult => computeLines([{ gpc: 'III.2.1', method: 'biological-treatment', ...line }], { gwp });

describe('biological treatment', () => {
  it('composting 1 万吨 of wet waste', () => {
    // CH4 = 10,000 t × 4 kg/t = 40 t; N2O = 10,000 t × 0.3 kg/t = 3 t (Table 4.1 prints 0.3 wet, not 0.6 × 0.4 = 0.24).
    // AR5: 40 × 28 + 3 × 265 = 1,120 + 795 = 1,915 tCO2e; AR6 (non-fossil CH4): 40 × 27 + 3 × 273 = 1,899.
    const line = compute({ treatment: 'composting', waste: { value: 1, unit: '万吨' }, basis: 'wet' }).lines[0]!;
    expect(closeTo(line.gases.CH4, 40)).toBe(true);
    expect(closeTo(line.gases.N2O, 3)).toBe(true);
    expect(closeTo(line.co2e, 1915)).toBe(true);
    expect(line.method).toBe('biological-treatment');
    expect(line.factors.map((f) => f.id)).toEqual(['ipcc2006.bio.ch4.composting.wet', 'ipcc2006.bio.n2o.composting.wet', 'gwp.ar5.ch4', 'gwp.ar5.n2o']);
    expect(closeTo(compute({ treatment: 'composting', waste: { value: 1, unit: '万吨' }, basis: 'wet' }, 'AR6').lines[0]!.co2e, 1899)).toBe(true);
  });

  it('labels the wet-basis factors by what was confirmed: a reprint of Table 4.1, not the IPCC text itself', () => {
    const factors = compute({ treatment: 'composting', waste: { value: 1, unit: '万吨' }, basis: 'wet' }).lines[0]!.factors;
    expect(factors.find((f) => f.id === 'ipcc2006.bio.n2o.composting.wet')).toMatchObject({ value: 0.3, verification: 'secondary' });
    // Anaerobic digestion, wet: 10,000 t × 0.8 kg/t = 8 t CH4; the central value is not legible in the reprint (range 0–8).
    const digestion = compute({ treatment: 'anaerobic-digestion', waste: { value: 1, unit: '万吨' }, basis: 'wet' }).lines[0]!;
    expect(closeTo(digestion.gases.CH4, 8)).toBe(true);
    expect(digestion.factors.find((f) => f.id === 'ipcc2006.bio.ch4.anaerobic-digestion.wet')).toMatchObject({ value: 0.8, verification: 'secondary' });
  });

  it('anaerobic digestion of 5,000 t dry matter with 3 t CH4 recovered', () => {
    // CH4 = 5,000 t × 2 kg/t − 3 t = 10 − 3 = 7 t; N2O negligible.
    const line = compute({ treatment: 'anaerobic-digestion', waste: { value: 5000, unit: 't' }, basis: 'dry', recovered: { value: 3, unit: 't' } }).lines[0]!;
    expect(closeTo(line.gases.CH4, 7)).toBe(true);
    expect(line.gases.N2O).toBe(0);
  });

  it('states the wet basis when none is given', () => {
    const line = compute({ treatment: 'composting', waste: { value: 100, unit: 't' } }).lines[0]!;
    expect(line.assumptions.map((a) => a.code)).toContain('waste-basis-wet');
    expect(closeTo(line.gases.CH4, 0.4)).toBe(true);
  });

  it('takes a factor given on the line instead of the default', () => {
    // 1,000 t × 2.5 kg/t = 2.5 t CH4.
    const line = compute({ treatment: 'composting', waste: { value: 1000, unit: 't' }, basis: 'wet', ch4Factor: { value: 2.5, unit: 'kg/t' } }).lines[0]!;
    expect(closeTo(line.gases.CH4, 2.5)).toBe(true);
    expect(line.factors.map((f) => f.id)).toContain('line:ch4Factor');
  });

  it('reports bad input with paths', () => {
    const run = runInventory({
      city: 'Test',
      year: 2022,
      activities: [{ gpc: 'III.2.1', method: 'biological-treatment', treatment: 'composting', waste: { value: 10, unit: 'MWh' }, basis: 'moist', recovered: { value: 1, unit: 't' } }],
    });
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.issues.map((issue) => formatIssue(issue))).toEqual([
      'activities[0].waste.unit: unit "MWh" measures energy, expected mass',
      'activities[0].basis: "moist" is not one of "wet", "dry"',
    ]);
  });

  it('refuses more CH4 recovered than generated', () => {
    const run = runInventory({
      city: 'Test',
      year: 2022,
      activities: [{ gpc: 'III.2.1', method: 'biological-treatment', treatment: 'composting', waste: { value: 100, unit: 't' }, basis: 'wet', recovered: { value: 1, unit: 't' } }],
    });
    expect(run.ok).toBe(false);
  });

  it('says when the library lacks a default', () => {
    const empty = new FactorLibrary('test', { sources: [] }, []);
    // The GWP table is needed before any line: an empty library is a fault of the library, not of the file.
    expect(() => runInventory({ city: 'Test', year: 2022, activities: [] }, empty)).toThrow(/GWP/);
  });
});
