import { describe, expect, it } from 'vitest';
import { diffBodies } from './diff.ts';

describe('diffBodies', () => {
  it('lists added, removed and changed paths with their values', () => {
    const before = { year: 2022, city: { name: '甲市', population: 5.1 }, lines: [{ fuel: 'coal', amount: 10 }, { fuel: 'gas', amount: 3 }], note: 'draft' };
    const after = { year: 2023, city: { name: '甲市', population: 5.2, gdp: 100 }, lines: [{ fuel: 'coal', amount: 12 }], 'odd key': true };
    expect(diffBodies(before, after)).toEqual([
      { kind: 'changed', path: 'year', old: 2022, new: 2023 },
      { kind: 'changed', path: 'city.population', old: 5.1, new: 5.2 },
      { kind: 'added', path: 'city.gdp', value: 100 },
      { kind: 'changed', path: 'lines[0].amount', old: 10, new: 12 },
      { kind: 'removed', path: 'lines[1]', value: { fuel: 'gas', amount: 3 } },
      { kind: 'removed', path: 'note', value: 'draft' },
      { kind: 'added', path: '["odd key"]', value: true },
    ]);
  });

  it('reports a change of shape as one change, and nothing for equal bodies', () => {
    expect(diffBodies({ a: [1] }, { a: { 0: 1 } })).toEqual([{ kind: 'changed', path: 'a', old: [1], new: { 0: 1 } }]);
    expect(diffBodies({ a: null }, { a: 0 })).toEqual([{ kind: 'changed', path: 'a', old: null, new: 0 }]);
    expect(diffBodies({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toEqual([]);
    expect(diffBodies(1, 2)).toEqual([{ kind: 'changed', path: '', old: 1, new: 2 }]);
  });
});
