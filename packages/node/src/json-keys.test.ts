import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../../test/support/fast-check.ts';
import { jsonStructureProblem } from './json-keys.ts';

describe('duplicate keys and nesting in JSON text', () => {
  it('finds no problem in any JSON.stringify output (pretty or compact) of nesting within the bound', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
        expect(jsonStructureProblem(JSON.stringify(value, null, pretty ? 2 : undefined), 256)).toBeUndefined();
      }),
      propertySettings('json-keys: no false duplicate', 300),
    );
  });

  it.each([
    // text, key, where the second one is written, where the first one is
    ['{"a": 1, "a": 2}', 'a', '"a": 2', '"a": 1'],
    ['{"a": {"b": 1}, "c": [{"b": 1, "b": 2}]}', 'b', '"b": 2', '"b": 1, "b"'],
    ['{"\\u0061": 1, "a": 2}', 'a', '"a": 2', '"\\u0061"'],
    ['{"x\\"y": "}{,", "x\\"y": 2}', 'x"y', '"x\\"y": 2', '"x\\"y": "'],
  ])('%s: the key %j twice', (text, key, second, first) => {
    expect(jsonStructureProblem(text, 256)).toEqual({ kind: 'duplicate-key', key, offset: text.indexOf(second), firstOffset: text.indexOf(first) });
  });

  it('keys of different objects, and values equal to keys, are not duplicates', () => {
    expect(jsonStructureProblem('[{"a": "a"}, {"a": "a"}, {"b": {"a": 1}, "a": 2}]', 256)).toBeUndefined();
  });

  it('a large object (past the in-place search) still finds its duplicate', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`);
    expect(jsonStructureProblem(`{${keys.join(', ')}}`, 256)).toBeUndefined();
    expect(jsonStructureProblem(`{${keys.join(', ')}, "k3": 0}`, 256)).toMatchObject({ kind: 'duplicate-key', key: 'k3' });
  });

  it('nesting past the bound, at the bracket that goes past it', () => {
    expect(jsonStructureProblem(`${'['.repeat(3)}${']'.repeat(3)}`, 3)).toBeUndefined();
    // [ { "a": [ { — the fourth container, the second object, opens at offset 7.
    expect(jsonStructureProblem(`${'[{"a":'.repeat(2)}1}]}]`, 3)).toEqual({ kind: 'too-deep', offset: 7 });
  });
});
