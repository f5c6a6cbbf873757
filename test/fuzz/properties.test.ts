/** The fuzzer's own checks can fail: each property catches the fault it is there for, and mutants replay. */
import { describe, expect, it } from 'vitest';
import type { DocumentIssue } from '@peakpath/core';
import { classify } from './known.ts';
import { clone, mutate, type Json } from './mutators.ts';
import { checkFinite, checkFiniteDeep, checkIssues, checkPrinted, inDocument } from './properties.ts';
import { mutantSeed, random } from './random.ts';

const document: Json = { year: 2022, activities: [{ gpc: 'I.3.1', amount: 1 }] };
const issue = (path: (string | number)[], extra: object = {}): DocumentIssue => ({ document: { kind: 'inventory', id: 'inventory.yaml' }, path, code: 'required', ...extra }) as DocumentIssue;

describe('fuzz properties', () => {
  it('accept a place of the document, or up to two missing field names below one', () => {
    expect(inDocument(document, ['activities', 0, 'amount'])).toBe(true);
    expect(inDocument(document, ['activities', 0, 'unit'])).toBe(true);
    expect(inDocument(document, ['activities', 0, 'ef', 'CO2'])).toBe(true);
    expect(inDocument(document, [])).toBe(true);
    expect(checkIssues([issue(['activities', 0, 'unit'])], { inventory: document })).toEqual([]);
  });

  it('refuse a missing item, a path three fields off, an issue without its document', () => {
    expect(inDocument(document, ['activities', 3, 'unit'])).toBe(false);
    expect(inDocument(document, ['activities', 0, 'a', 'b', 'c'])).toBe(false);
    expect(checkIssues([issue(['activities', 3, 'unit'])], { inventory: document }).map((v) => v.kind)).toEqual(['path-not-in-document']);
    const orphan = { path: ['year'], code: 'required' } as unknown as DocumentIssue;
    expect(checkIssues([orphan], { inventory: document }).map((v) => v.kind)).toEqual(['no-document']);
  });

  it('refuse messages with undefined or NaN of ours, not the file\'s own text', () => {
    expect(checkIssues([issue(['year'], { code: 'type', expected: 'number', got: undefined })], { inventory: document }).map((v) => v.kind)).toEqual(['bad-message', 'bad-message']);
    expect(checkIssues([issue(['year'], { code: 'out-of-range', min: 0, max: 1, got: Number.NaN })], { inventory: document }).map((v) => v.kind)).toEqual(['bad-message', 'bad-message']);
    expect(checkIssues([issue(['activities', 0, 'unit'], { code: 'unknown-unit', got: 'NaN' })], { inventory: document })).toEqual([]);
  });

  it('refuse totals that are not finite', () => {
    expect(checkFinite({ basic: 1, total: [1, 2] })).toEqual([]);
    expect(checkFinite({ basic: Infinity, total: [1, Number.NaN] })).toEqual([
      { kind: 'non-finite', detail: 'basic = Infinity' },
      { kind: 'non-finite', detail: 'total[1] = NaN' },
    ]);
  });

  it('check an issue in the document its id names (a cluster\'s member file), else the one of its kind', () => {
    const member: Json = { activities: [{ gpc: 'I.1.2', counterpart: { city: 'Alpha' } }] };
    const inMember = { ...issue(['activities', 0, 'counterpart', 'city']), document: { kind: 'inventory', id: 'beta.yaml' } } as DocumentIssue;
    expect(checkIssues([inMember], { inventory: document }, { 'beta.yaml': member })).toEqual([]);
    expect(checkIssues([{ ...inMember, path: ['activities', 1, 'counterpart'] }], { inventory: document }, { 'beta.yaml': member }).map((v) => v.kind)).toEqual(['path-not-in-document']);
  });

  it('refuse a number that is not finite anywhere in a result, typed arrays included', () => {
    expect(checkFiniteDeep('result', { totals: { basic: 1 }, years: [1, 2], draws: Float64Array.of(1, 2), peak: { year: null } })).toEqual([]);
    expect(checkFiniteDeep('result', { rows: [{ share: 1 }, { share: Number.NaN }], draws: Float64Array.of(1, -Infinity) })).toEqual([
      { kind: 'non-finite', detail: 'result.rows[1].share = NaN' },
      { kind: 'non-finite', detail: 'result.draws[1] = -Infinity' },
    ]);
  });

  it('refuse printed output with undefined or [object Object], not a name the file gives', () => {
    expect(checkPrinted('cluster (en)', 'Member NaN: 12 tCO2e')).toEqual([]);
    expect(checkPrinted('cluster (en)', 'Member alpha: undefined tCO2e').map((v) => v.kind)).toEqual(['bad-message']);
    expect(checkPrinted('cluster (zh)', '成员 [object Object]').map((v) => v.kind)).toEqual(['bad-message']);
  });

  it('replay: the same seed gives the same mutant, another seed another one', () => {
    const run = (seed: number): string => {
      const copy = clone(document);
      const rng = random(mutantSeed(seed, 'inventory', 7));
      const steps = [0, 1, 2].map(() => mutate(rng, copy, { longString: 50 }).description);
      return JSON.stringify([steps, copy]);
    };
    expect(run(2026)).toBe(run(2026));
    expect(new Set([2026, 1, 2, 3, 4].map(run)).size).toBeGreaterThan(1);
  });

  it('keep a hostile key as an own property, as JSON.parse does', () => {
    const parsed = JSON.parse('{"__proto__": {"x": 1}}') as Json;
    expect(Object.keys(clone(parsed) as object)).toEqual(['__proto__']);
  });

  it('leave a failure outside the known classes unknown', () => {
    const outcome = { mutant: { kind: 'inventory', index: 0, seedName: 'x', description: 'x', operators: [] }, result: 'issues', milliseconds: 1, violations: [] } as const;
    expect(classify(outcome, { kind: 'throw', detail: 'TypeError: Cannot read properties of undefined' })).toBeUndefined();
    // Every class the fuzzer found is fixed and off the list: a crash on an unresolved alias is no longer tolerated.
    expect(classify(outcome, { kind: 'throw', detail: 'reader: ReferenceError: Unresolved alias (the anchor must be set before the alias): nope' })).toBeUndefined();
  });
});
