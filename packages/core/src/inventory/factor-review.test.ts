/**
 * Factor fixes from the expert review (issue 12, item 5), each worked by hand: refinery gas's own CH4 and N2O rows
 * (IPCC 2006 Vol.2 Tables 2.2–2.5), the purchased-heat default of China's enterprise guidelines (0.11 tCO2/GJ,
 * factor set cn only), and the provincial-guideline carbon contents labelled by what is confirmed.
 */
import { describe, expect, it } from 'vitest';
import { defaultLibrary, runInventory, type InventoryResult } from '../index.ts';

function compute(factorSet: 'cn' | 'ipcc2006', line: Record<string, unknown>): InventoryResult {
  const run = runInventory({ city: { name: 'Review', country: 'CN' }, year: 2022, gwp: 'AR5', factorSet, activities: [line] });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.result;
}

describe('refinery gas CH4 and N2O', () => {
  it('takes the refinery-gas row of Table 2.2 for energy industries (I.4.1): CH4 1, N2O 0.1 kg/TJ', () => {
    // 100 TJ × 1 kg/TJ = 0.1 t CH4; 100 TJ × 0.1 kg/TJ = 0.01 t N2O.
    const line = compute('cn', { gpc: 'I.4.1', fuel: 'refinery_gas', amount: 100, unit: 'TJ' }).lines[0]!;
    expect(line.gases.CH4).toBeCloseTo(0.1, 12);
    expect(line.gases.N2O).toBeCloseTo(0.01, 12);
    expect(line.factors.map((f) => f.id)).toEqual(expect.arrayContaining(['ipcc2006.ch4.energy-industries.refinery_gas', 'ipcc2006.n2o.energy-industries.refinery_gas']));
  });

  it('takes Table 2.4 for commercial use (I.2.1): CH4 5 kg/TJ; under cn too, by the GB/T 2589 NCV', () => {
    // 1,000 t × 46.055 GJ/t = 46.055 TJ; CH4 = 46.055 × 5 kg = 0.230275 t; N2O = 46.055 × 0.1 kg = 0.0046055 t.
    const line = compute('cn', { gpc: 'I.2.1', fuel: 'refinery_gas', amount: 1000, unit: 't' }).lines[0]!;
    expect(line.gases.CH4).toBeCloseTo(0.230275, 12);
    expect(line.gases.N2O).toBeCloseTo(0.0046055, 12);
    expect(defaultLibrary.get('ipcc2006.ch4.commercial.refinery_gas')?.table).toBe('Table 2.4');
  });
});

describe('purchased heat without a factor', () => {
  it('takes 0.11 tCO2/GJ under factor set cn, stated on the line with its source', () => {
    // 1,000 GJ × 0.11 t/GJ = 110 tCO2.
    const line = compute('cn', { gpc: 'I.1.2', energy: 'heat', amount: 1000, unit: 'GJ' }).lines[0]!;
    expect(line.gases.CO2).toBeCloseTo(110, 9);
    expect(line.factors.map((f) => f.id)).toContain('cn-ndrc.heat.co2');
    const stated = line.assumptions.find((a) => a.code === 'library-default');
    expect(stated?.text.en).toContain('CO2 factor of purchased heat: library default cn-ndrc.heat.co2 = 0.11 t/GJ');
    expect(stated?.text.zh).toContain('外购热力 CO2 排放因子');
  });

  it('stays a missing factor under ipcc2006, which has no heat default', () => {
    const run = runInventory({ city: { name: 'Review', country: 'CN' }, year: 2022, factorSet: 'ipcc2006', activities: [{ gpc: 'I.1.2', energy: 'heat', amount: 1000, unit: 'GJ' }] });
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.issues).toEqual([{ path: ['activities', 0, 'ef', 'CO2'], code: 'missing-factor', need: 'co2', context: 'heat' }]);
  });
});

describe('provincial-guideline carbon contents', () => {
  it('are labelled unverified with the reason: the attribution to the guideline is not confirmed', () => {
    const records = defaultLibrary.factors.filter((f) => f.id.startsWith('cn-provincial.'));
    expect(records).toHaveLength(20);
    for (const record of records) {
      expect(record.verification, record.id).toBe('unverified');
      expect(record.note, record.id).toContain('Attribution not confirmed');
    }
  });
});
