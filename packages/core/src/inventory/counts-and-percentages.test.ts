/**
 * Counts with units (`population: { value: 320, unit: 万人 }`, a vehicle class's `count`) and percentages where a
 * fraction is asked (`oxidation: "98%"`, a method's shares and factors): issue 13. The plain numbers keep working.
 */
import { describe, expect, it } from 'vitest';
import { runInventory, type Issue } from '../index.ts';

const inventory = (top: Record<string, unknown>, lines: readonly unknown[] = [{ gpc: 'I.3.1', fuel: 'diesel', amount: 1000, unit: 't' }]) => ({
  city: { name: 'Counts', country: 'CN' },
  year: 2022,
  activities: lines,
  ...top,
});

function computed(document: unknown) {
  const run = runInventory(document);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.result;
}

function issues(document: unknown): readonly Issue[] {
  const run = runInventory(document);
  if (run.ok) throw new Error('expected input errors');
  return run.issues;
}

describe('population with a unit', () => {
  it('takes { value: 320, unit: 万人 } as 3,200,000 persons, as the plain number', () => {
    const withUnit = computed(inventory({ population: { value: 320, unit: '万人' } }));
    const plain = computed(inventory({ population: 3_200_000 }));
    expect(withUnit.intensity.perCapita).toBeDefined();
    expect(withUnit.intensity.perCapita).toBe(plain.intensity.perCapita);
    // BASIC over 3.2 million people
    expect(withUnit.intensity.perCapita! * 3_200_000).toBeCloseTo(withUnit.totals.basic, 6);
    expect(computed(inventory({ population: { value: 3_200_000, unit: '人' } })).intensity.perCapita).toBe(plain.intensity.perCapita);
  });

  it('refuses a unit of another dimension, zero, and a string', () => {
    expect(issues(inventory({ population: { value: 320, unit: '万吨' } }))).toEqual([
      { path: ['population', 'unit'], code: 'wrong-dimension', unit: '万t', got: 'mass', expected: ['population'] },
    ]);
    expect(issues(inventory({ population: { value: 0, unit: '万人' } }))).toEqual([{ path: ['population', 'value'], code: 'not-positive' }]);
    expect(issues(inventory({ population: { value: 320, unit: '万人们' } }))).toEqual([
      { path: ['population', 'unit'], code: 'unknown-unit', got: '万人们', suggestion: '万人' },
    ]);
    expect(issues(inventory({ population: '320万' }))).toEqual([{ path: ['population'], code: 'type', expected: 'number', got: 'string' }]);
  });

  it('takes a vehicle count in 万辆', () => {
    const bus = (count: unknown) => ({
      gpc: 'II.1.1',
      method: 'road-vkt',
      vehicles: [{ class: 'bus', fuel: '柴油', count, annualDistance: { value: 6, unit: '万km' }, ef: { CO2: { value: 1100, unit: 'g/km' } }, source: 'bus company' }],
    });
    const inWan = computed(inventory({}, [bus({ value: 0.3, unit: '万辆' })]));
    // 3,000 buses × 60,000 km × 1.1 kg/km = 198,000 t CO2
    expect(inWan.gases.CO2).toBeCloseTo(198_000, 6);
    expect(inWan.gases.CO2).toBeCloseTo(computed(inventory({}, [bus(3000)])).gases.CO2, 9);
    expect(issues(inventory({}, [bus({ value: 1, unit: '万人' })]))).toEqual([
      { path: ['activities', 0, 'vehicles', 0, 'count', 'unit'], code: 'wrong-dimension', unit: '万人', got: 'population', expected: ['count'] },
    ]);
  });
});

describe('a percentage wherever a fraction is', () => {
  const diesel = (oxidation: unknown) => ({ gpc: 'I.3.1', fuel: 'diesel', amount: 1000, unit: 't', oxidation });

  it('reads oxidation "98%" as 0.98, with the full-width sign too', () => {
    const fraction = computed(inventory({}, [diesel(0.98)]));
    expect(computed(inventory({}, [diesel('98%')])).gases.CO2).toBe(fraction.gases.CO2);
    expect(computed(inventory({}, [diesel('98 ％')])).gases.CO2).toBe(fraction.gases.CO2);
    // 1,000 t × 42.652 GJ/t × 20.2 kgC/GJ × 0.98 × 44/12
    expect(fraction.gases.CO2).toBeCloseTo(1000 * 42.652 * 0.0202 * 0.98 * (44 / 12), 6);
  });

  it('checks the percentage against the fraction\'s range, and refuses other strings', () => {
    expect(issues(inventory({}, [diesel('150%')]))).toEqual([{ path: ['activities', 0, 'oxidation'], code: 'out-of-range', min: 0, max: 1, got: 1.5 }]);
    expect(issues(inventory({}, [diesel('0.98')]))).toEqual([{ path: ['activities', 0, 'oxidation'], code: 'type', expected: 'number', got: 'string' }]);
  });

  it('reads a method\'s fractions as percentages: fertiliser EF1 "1%" is 0.01', () => {
    const n2o = (ef1: unknown) => computed(inventory({}, [{ gpc: 'V.3.1', method: 'fertiliser-n2o', syntheticN: { value: 1, unit: '万吨' }, ef1 }])).gases.N2O;
    expect(n2o('1%')).toBe(n2o(0.01));
    expect(n2o('2%')).toBeGreaterThan(n2o('1%'));
  });

  it('does not read a percentage where the number is no fraction (an amount)', () => {
    expect(issues(inventory({}, [{ gpc: 'I.3.1', fuel: 'diesel', amount: '50%', unit: 't' }]))).toEqual([
      { path: ['activities', 0, 'amount'], code: 'type', expected: 'number', got: 'string' },
    ]);
  });
});
