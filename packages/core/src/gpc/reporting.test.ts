/**
 * Every reporting-level rule of the GPC table (GPC v1.1 Table 4.x; reference/factors.md §4): which
 * rows are BASIC, BASIC+, territorial only or other, and how each row's emissions enter the totals.
 */
import { describe, expect, it } from 'vitest';
import { GPC_ROWS, runInventory } from '../index.ts';

const expectedLevel = (ref: string): { scope: number; level: string } => {
  const [sector, sub, row] = ref.split('.');
  if (sector === 'VI') return { scope: 3, level: 'other' };
  if (sector === 'IV' || sector === 'V') return { scope: 1, level: 'BASIC+' };
  if (sector === 'III') return row === '1' ? { scope: 1, level: 'BASIC' } : row === '2' ? { scope: 3, level: 'BASIC' } : { scope: 1, level: 'territorial' };
  if (sector === 'I' && sub === '4' && row === '4') return { scope: 1, level: 'territorial' };
  return { scope: Number(row), level: row === '3' ? 'BASIC+' : 'BASIC' };
};

describe('GPC reporting table', () => {
  it('has the 53 rows of sectors I–VI', () => {
    expect(GPC_ROWS.size).toBe(53);
    const refs = [...GPC_ROWS.keys()];
    for (const sub of ['I.1', 'I.2', 'I.3', 'I.5', 'I.6']) expect(refs.filter((r) => r.startsWith(`${sub}.`))).toEqual([`${sub}.1`, `${sub}.2`, `${sub}.3`]);
    expect(refs.filter((r) => r.startsWith('I.4.'))).toEqual(['I.4.1', 'I.4.2', 'I.4.3', 'I.4.4']);
    expect(refs.filter((r) => r.startsWith('II.5.'))).toEqual(['II.5.1', 'II.5.2']);
    for (const sub of ['III.1', 'III.2', 'III.3', 'III.4']) expect(refs.filter((r) => r.startsWith(`${sub}.`))).toHaveLength(3);
  });

  for (const row of GPC_ROWS.values()) {
    const expected = expectedLevel(row.ref);
    it(`${row.ref} is scope ${expected.scope}, ${expected.level}`, () => {
      expect({ scope: row.scope, level: row.level }).toEqual(expected);
    });
  }
});

describe('how each row enters the totals', () => {
  // 1,000 t CO2 on one row at a time: where does it count?
  const totalsFor = (gpc: string) => {
    const run = runInventory({ city: 'Rules', year: 2022, activities: [{ gpc, gas: 'CO2', amount: 1000, unit: 't' }] });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    return run.result.totals;
  };

  it('I.4.4 (generation of grid energy) is territorial only: scope 1, not BASIC nor BASIC+', () => {
    expect(totalsFor('I.4.4')).toEqual({ basic: 0, basicPlus: 0, scope1: 1000, scope2: 0, scope3: 0, other: 0 });
  });
  for (const ref of ['III.1.3', 'III.2.3', 'III.3.3', 'III.4.3']) {
    it(`${ref} (waste from outside treated in the city) is territorial only`, () => {
      expect(totalsFor(ref)).toEqual({ basic: 0, basicPlus: 0, scope1: 1000, scope2: 0, scope3: 0, other: 0 });
    });
  }
  for (const ref of ['I.1.3', 'I.2.3', 'I.3.3', 'I.4.3', 'I.5.3', 'I.6.3', 'II.1.3', 'II.2.3', 'II.3.3', 'II.4.3']) {
    it(`${ref} (T&D losses, transboundary journeys) is BASIC+ only, scope 3`, () => {
      expect(totalsFor(ref)).toEqual({ basic: 0, basicPlus: 1000, scope1: 0, scope2: 0, scope3: 1000, other: 0 });
    });
  }
  for (const ref of ['IV.1.1', 'IV.2.1', 'V.1.1', 'V.2.1', 'V.3.1']) {
    it(`${ref} (IPPU, AFOLU) is BASIC+ only, scope 1`, () => {
      expect(totalsFor(ref)).toEqual({ basic: 0, basicPlus: 1000, scope1: 1000, scope2: 0, scope3: 0, other: 0 });
    });
  }
  for (const ref of ['III.1.2', 'III.2.2', 'III.3.2', 'III.4.2']) {
    it(`${ref} (waste treated outside the city) is BASIC, scope 3`, () => {
      expect(totalsFor(ref)).toEqual({ basic: 1000, basicPlus: 1000, scope1: 0, scope2: 0, scope3: 1000, other: 0 });
    });
  }
  for (const ref of ['I.1.1', 'I.3.1', 'I.4.1', 'I.7.1', 'I.8.1', 'II.1.1', 'II.5.1', 'III.1.1', 'III.4.1']) {
    it(`${ref} is BASIC, scope 1`, () => {
      expect(totalsFor(ref)).toEqual({ basic: 1000, basicPlus: 1000, scope1: 1000, scope2: 0, scope3: 0, other: 0 });
    });
  }
  for (const ref of ['I.1.2', 'I.4.2', 'II.2.2', 'II.5.2']) {
    it(`${ref} is BASIC, scope 2`, () => {
      expect(totalsFor(ref)).toEqual({ basic: 1000, basicPlus: 1000, scope1: 0, scope2: 1000, scope3: 0, other: 0 });
    });
  }
  it('VI.1 (other scope 3) is in neither BASIC nor BASIC+', () => {
    expect(totalsFor('VI.1')).toEqual({ basic: 0, basicPlus: 0, scope1: 0, scope2: 0, scope3: 1000, other: 1000 });
  });

  it('gases sum over BASIC+ lines only; energy over BASIC lines only', () => {
    const run = runInventory({
      city: { name: 'Rules', country: 'CN' },
      year: 2022,
      grid: 'CN-east-2022',
      activities: [
        { gpc: 'I.4.4', fuel: 'raw_coal', amount: 100, unit: 't' },
        { gpc: 'I.4.3', energy: 'electricity', amount: 1000, unit: 'MWh' },
        { gpc: 'I.1.2', energy: 'electricity', amount: 1000, unit: 'MWh' },
      ],
    });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    const { result } = run;
    // Only I.1.2 and I.4.3 count for gases: 2 × 1,000 MWh × 0.5617 t/MWh.
    expect(result.gases.CO2).toBeCloseTo(1123.4, 9);
    // Only I.1.2 counts for energy: 1e6 kWh × 0.1229 kgce/kWh = 122.9 tce.
    expect(result.energy.tce).toBeCloseTo(122.9, 9);
  });

  it('lists the BASIC rows that have neither data nor a notation key', () => {
    const run = runInventory({ city: 'Rules', year: 2022, activities: [{ gpc: 'I.1.1', notation: 'NO', explanation: 'none' }] });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    const missing = run.result.completeness.missingBasicRows;
    expect(missing).not.toContain('I.1.1');
    expect(missing).toContain('I.1.2');
    expect(missing).not.toContain('I.1.3'); // BASIC+, not required for BASIC
    expect(missing).not.toContain('I.4.4');
    expect(missing).toHaveLength([...GPC_ROWS.values()].filter((r) => r.level === 'BASIC').length - 1);
  });

  it('lists the BASIC+ rows that have neither data nor a notation key apart: a file cut off after its waste rows loses IPPU and AFOLU', () => {
    const lines = [...GPC_ROWS.values()].filter((row) => row.level === 'BASIC' || row.ref === 'I.4.3').map((row) => ({ gpc: row.ref, notation: 'NO', explanation: 'none' }));
    const run = runInventory({ city: 'Rules', year: 2022, activities: lines });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.result.completeness.missingBasicRows).toEqual([]);
    expect(run.result.completeness.missingBasicPlusRows).toEqual(
      [...GPC_ROWS.values()].filter((row) => row.level === 'BASIC+' && row.ref !== 'I.4.3').map((row) => row.ref),
    );
    expect(run.result.completeness.missingBasicPlusRows).toEqual(expect.arrayContaining(['IV.1.1', 'IV.2.1', 'V.1.1', 'V.2.1', 'V.3.1']));
  });
});
