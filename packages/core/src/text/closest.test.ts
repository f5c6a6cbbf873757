import { describe, expect, it } from 'vitest';
import { closest, editDistance, MAX_HINT_LENGTH } from './closest.ts';

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

  it('gives no hint for an input longer than MAX_HINT_LENGTH, even one edit away', () => {
    const long = 'a'.repeat(MAX_HINT_LENGTH);
    expect(closest(`${long}b`, [`${long}c`])).toBeUndefined();
    expect(closest(`${long.slice(1)}b`, [`${long.slice(1)}c`])).toBe(`${long.slice(1)}c`);
    // A 10 MB input (a pasted file in a `unit` field) is answered at once, not after minutes.
    expect(closest('x'.repeat(10_000_000), ['t', 'kg', 'x'.repeat(200)])).toBeUndefined();
  });

  it('skips candidates whose length alone puts them beyond a plausible typo', () => {
    // 'kitten' allows 2 edits: a candidate 3 letters longer is never one, however alike.
    expect(closest('kitten', ['kittenxyz'])).toBeUndefined();
    expect(closest('kitten', ['kittenxy'])).toBe('kittenxy');
    // A long candidate among the list does not hide the short one that is a typo.
    expect(closest('yaer', ['y'.repeat(5_000_000), 'year'])).toBe('year');
  });
});
