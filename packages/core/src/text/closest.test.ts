import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './closest.ts';

describe('typo hints', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['yaer', 'year', 1],
    ['amout', 'amount', 1],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s → %s is %d edits', (a, b, distance) => expect(editDistance(a, b)).toBe(distance));

  it('suggests only a plausible typo', () => {
    expect(closest('yaer', ['year', 'gwp', 'city'])).toBe('year');
    expect(closest('natual_gas', ['natural_gas', 'diesel'])).toBe('natural_gas');
    expect(closest('wood', ['natural_gas', 'diesel'])).toBeUndefined();
    expect(closest('ar5', ['AR4', 'AR5', 'AR6'])).toBe('AR5');
  });
});
