/**
 * The worked example of docs/districts.md, by hand: the city Gamma split into two districts, North and South, and a
 * remainder (the rest of the city). 2022, AR5 (CH4 × 28), grid CN-east-2022 = 0.5617 tCO2/MWh; emissions given as
 * measured gases so every figure is checked by hand. South is then computed a second time with the national grid
 * factor CN-national-2022 (0.5366): the deliberate mismatch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../../../test/support/fast-check.ts';
import { runInventory, type InventoryResult } from '../index.ts';
import { reconcileParts } from './reconcile.ts';
import type { PartsReconciliation, ReconcileOptions } from './types.ts';

function inventory(name: string, activities: Record<string, unknown>[], grid = 'CN-east-2022'): InventoryResult {
  const run = runInventory({ city: { name, country: 'CN' }, year: 2022, gwp: 'AR5', grid, activities });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.result;
}

// Gamma: I.1.2 200,000 MWh × 0.5617 = 112,340; I.3.1 150,000; II.1.1 50,000; III.1.1 1,000 t CH4 × 28 = 28,000.
// scope 1 = 150,000 + 50,000 + 28,000 = 228,000; scope 2 = 112,340; BASIC = BASIC+ = 340,340.
const gamma = inventory('Gamma', [
  { gpc: 'I.1.2', energy: 'electricity', amount: 200_000, unit: 'MWh' },
  { gpc: 'I.3.1', gas: 'CO2', amount: 150_000, unit: 't' },
  { gpc: 'II.1.1', gas: 'CO2', amount: 50_000, unit: 't' },
  { gpc: 'III.1.1', gas: 'CH4', amount: 1_000, unit: 't' },
]);
// North: I.1.2 80,000 MWh = 44,936; I.3.1 100,000; II.1.1 20,000. BASIC 164,936.
const north = inventory('North', [
  { gpc: 'I.1.2', energy: 'electricity', amount: 80_000, unit: 'MWh' },
  { gpc: 'I.3.1', gas: 'CO2', amount: 100_000, unit: 't' },
  { gpc: 'II.1.1', gas: 'CO2', amount: 20_000, unit: 't' },
]);
const southActivities = [
  { gpc: 'I.1.2', energy: 'electricity', amount: 70_000, unit: 'MWh' },
  { gpc: 'II.1.1', gas: 'CO2', amount: 25_000, unit: 't' },
  { gpc: 'III.1.1', gas: 'CH4', amount: 600, unit: 't' },
];
// South: I.1.2 70,000 MWh = 39,319; II.1.1 25,000; III.1.1 600 × 28 = 16,800. BASIC 81,119.
const south = inventory('South', southActivities);
// South on the national grid factor: I.1.2 70,000 × 0.5366 = 37,562, 1,757 less than on the city's factor.
const southNational = inventory('South', southActivities, 'CN-national-2022');
// The rest of Gamma: I.1.2 50,000 MWh = 28,085; I.3.1 50,000; II.1.1 5,000; III.1.1 400 × 28 = 11,200. BASIC 94,285.
const rest = inventory('Rest of Gamma', [
  { gpc: 'I.1.2', energy: 'electricity', amount: 50_000, unit: 'MWh' },
  { gpc: 'I.3.1', gas: 'CO2', amount: 50_000, unit: 't' },
  { gpc: 'II.1.1', gas: 'CO2', amount: 5_000, unit: 't' },
  { gpc: 'III.1.1', gas: 'CH4', amount: 400, unit: 't' },
]);

function reconcile(parts: { id: string; result: InventoryResult }[], options?: ReconcileOptions): PartsReconciliation {
  const run = reconcileParts({ id: 'gamma', result: gamma }, parts, options);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}
const line = (value: PartsReconciliation, basis: string) => value.bases.find((entry) => entry.basis === basis)!;

describe('worked example: a city, two districts and the rest', () => {
  it('computes each inventory as the files say', () => {
    expect(gamma.totals.basic).toBeCloseTo(340_340, 6);
    expect(gamma.totals.scope1).toBe(228_000);
    expect(north.totals.basic).toBeCloseTo(164_936, 6);
    expect(south.totals.basic).toBeCloseTo(81_119, 6);
    expect(southNational.totals.scope2).toBeCloseTo(37_562, 6);
    expect(rest.totals.basic).toBeCloseTo(94_285, 6);
  });

  it('reports the remainder computed as city − parts, labelled so', () => {
    const value = reconcile([{ id: 'south', result: south }, { id: 'north', result: north }]);
    expect(value.parts).toEqual(['north', 'south']);
    expect(value.remainderKind).toBe('computed');
    const basic = line(value, 'basic');
    // 340,340 − (164,936 + 81,119) = 94,285: the rest of Gamma.
    expect(basic.parts).toBeCloseTo(246_055, 6);
    expect(basic.remainder).toBeCloseTo(94_285, 6);
    expect(basic.remainderKind).toBe('computed');
    expect(basic.difference).toBe(0);
    // scope 1: 228,000 − (120,000 + 41,800) = 66,200 = 50,000 + 5,000 + 11,200.
    expect(line(value, 'scope1').remainder).toBeCloseTo(66_200, 6);
    // III.basic: 28,000 − 16,800 = 11,200, the rest's landfill.
    expect(line(value, 'III.basic').remainder).toBeCloseTo(11_200, 6);
    expect(value.differences).toEqual([]);
    expect(value.mismatches).toEqual([]);
  });

  it('with the rest stated as an inventory: no difference', () => {
    const value = reconcile([{ id: 'north', result: north }, { id: 'south', result: south }], { remainder: { result: rest } });
    expect(value.remainderKind).toBe('stated');
    expect(line(value, 'basic').remainder).toBeCloseTo(94_285, 6);
    for (const entry of value.bases) expect(Math.abs(entry.difference)).toBeLessThan(1e-6);
    expect(value.differences).toEqual([]);
  });

  it('lists the deliberate mismatch: South on the national grid factor', () => {
    const value = reconcile([{ id: 'north', result: north }, { id: 'south', result: southNational }], { remainder: { result: rest } });
    // BASIC: 340,340 − (164,936 + 37,562 + 25,000 + 16,800) − 94,285 = 1,757 = 70,000 MWh × (0.5617 − 0.5366).
    expect(value.differences.map((difference) => difference.basis)).toEqual(['basic', 'basicPlus', 'scope2', 'I.basic', 'I.basicPlus', 'I.scope2']);
    for (const difference of value.differences) {
      expect(difference.code).toBe('beyond-tolerance');
      expect(difference.difference).toBeCloseTo(1_757, 6);
      expect(difference.rows).toHaveLength(1);
      const row = difference.rows[0]!;
      expect(row.gpc).toBe('I.1.2');
      expect(row.city).toBeCloseTo(112_340, 6);
      expect(row.parts['north']).toBeCloseTo(44_936, 6);
      expect(row.parts['south']).toBeCloseTo(37_562, 6);
      expect(row.remainder).toBeCloseTo(28_085, 6);
      expect(row.difference).toBeCloseTo(1_757, 6);
    }
    expect(value.differences[0]!.text.en).toBe('basic: city − parts − remainder = 1,757 tCO2e, beyond the tolerance of 0.5 tCO2e');
    // Scope 1 adds up: the grid factor touches scope 2 only.
    expect(Math.abs(line(value, 'scope1').difference)).toBeLessThan(1e-6);
    expect(value.mismatches).toEqual([
      expect.objectContaining({ part: 'south', code: 'grid-factor', city: 'CN-east-2022', partValue: 'CN-national-2022', rows: ['I.1.2'] }),
    ]);
  });

  it('a tolerance above the difference lists nothing; the mismatch is still flagged', () => {
    const value = reconcile([{ id: 'north', result: north }, { id: 'south', result: southNational }], { remainder: { result: rest }, tolerance: 2_000 });
    expect(value.differences).toEqual([]);
    expect(value.mismatches.map((mismatch) => mismatch.code)).toEqual(['grid-factor']);
  });

  it('a remainder given as figures: bases it leaves out are computed, and labelled so', () => {
    const value = reconcile([{ id: 'north', result: north }, { id: 'south', result: south }], { remainder: { figures: { basic: 90_000 } } });
    expect(line(value, 'basic')).toMatchObject({ remainder: 90_000, remainderKind: 'stated' });
    expect(line(value, 'basic').difference).toBeCloseTo(4_285, 6);
    expect(line(value, 'scope1').remainderKind).toBe('computed');
    expect(value.differences.map((difference) => difference.basis)).toEqual(['basic']);
    // Rows of a figures-only remainder: every row where the city is not the parts' sum.
    expect(value.differences[0]!.rows.map((row) => row.gpc)).toEqual(['I.3.1', 'I.1.2', 'III.1.1', 'II.1.1']);
  });

  it('flags parts that exceed the city when the remainder is computed', () => {
    const value = reconcile([{ id: 'north', result: north }, { id: 'south', result: south }, { id: 'rest', result: rest }, { id: 'again', result: north }]);
    expect(value.differences.find((difference) => difference.basis === 'basic')).toMatchObject({ code: 'parts-exceed-city' });
    expect(line(value, 'basic').remainder).toBeCloseTo(-164_936, 6);
  });

  it('refuses input that names nothing real', () => {
    const run = reconcileParts({ id: 'gamma', result: gamma }, [{ id: 'gamma', result: north }], { tolerance: -1 });
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['parts.0.id', 'duplicate-part'], ['tolerance', 'tolerance-out-of-range']]);
    const none = reconcileParts({ id: 'gamma', result: gamma }, []);
    expect(none.ok).toBe(false);
    // A remainder figure on a basis no inventory has would be ignored: refused (IX: no GPC sector).
    const typo = reconcileParts({ id: 'gamma', result: gamma }, [{ id: 'north', result: north }], { remainder: { figures: { basik: 1, 'IX.basic': 2 } as never } });
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['remainder.figures.basik', 'unknown-basis'], ['remainder.figures.IX.basic', 'unknown-basis']]);
    const named = reconcileParts({ id: 'gamma', result: gamma }, [{ id: 'remainder', result: north }], { remainder: { result: rest } });
    expect(named.ok).toBe(false);
  });

  it('flags a part on another GWP set', () => {
    const ar6 = runInventory({ city: { name: 'South', country: 'CN' }, year: 2022, gwp: 'AR6', grid: 'CN-east-2022', activities: southActivities });
    if (!ar6.ok) throw new Error('does not compute');
    const value = reconcile([{ id: 'north', result: north }, { id: 'south', result: ar6.result }], { remainder: { result: rest } });
    expect(value.mismatches).toContainEqual(expect.objectContaining({ part: 'south', code: 'gwp', city: 'AR5', partValue: 'AR6' }));
    expect(value.differences.some((difference) => difference.basis === 'III.basic' && difference.rows[0]!.gpc === 'III.1.1')).toBe(true);
  });
});

const TEMPLATES = [
  { gpc: 'I.1.1', gas: 'CO2' },
  { gpc: 'I.3.1', gas: 'CO2' },
  { gpc: 'I.4.4', gas: 'CO2' },
  { gpc: 'II.1.1', gas: 'CO2' },
  { gpc: 'II.1.3', gas: 'CO2' },
  { gpc: 'III.1.1', gas: 'CH4' },
  { gpc: 'III.1.2', gas: 'CH4' },
  { gpc: 'III.1.3', gas: 'CH4' },
  { gpc: 'IV.1.1', gas: 'CO2' },
];

describe('property: parts that are exactly the city', () => {
  it('leave a zero remainder and no difference, on every basis', () => {
    // Integer tonnes (CH4 × 28): every sum is exact, so "zero" is exactly zero.
    const drawn = fc.array(fc.tuple(fc.constantFrom(...TEMPLATES), fc.integer({ min: 0, max: 10_000_000 }), fc.nat()), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(drawn, fc.integer({ min: 1, max: 4 }), (lines, partCount) => {
        const activities = lines.map(([template, amount]) => ({ ...template, amount, unit: 't' }));
        const city = inventory('City', activities);
        const parts = Array.from({ length: partCount }, (_, at) => ({
          id: `part-${at}`,
          result: inventory(`Part ${at}`, activities.filter((_, index) => lines[index]![2] % partCount === at)),
        }));
        const run = reconcileParts({ id: 'city', result: city }, parts);
        if (!run.ok) return false;
        const stated = reconcileParts({ id: 'city', result: city }, parts, { remainder: { figures: { basic: 0 } }, tolerance: 0 });
        if (!stated.ok) return false;
        return (
          run.value.differences.length === 0 &&
          run.value.bases.every((entry) => entry.remainder === 0 && entry.difference === 0) &&
          stated.value.differences.length === 0 &&
          run.value.mismatches.length === 0
        );
      }),
      propertySettings('parts equal to the city', 200),
    );
  });
});
