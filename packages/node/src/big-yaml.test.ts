/** Big YAML parsed a part at a time gives the values of one parse, or declines (issue 11, resource limits). */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseBigYaml } from './big-yaml.ts';

const OPTIONS = { maxAliasCount: 100 };

/** Items written in the ways an inventory may write them: nested maps, flow maps, comments, block scalars, quoted text. */
function inventoryText(items: number, indent: string): string {
  const lines = ['# a comment', 'city:', '  name: Test City', '  country: CN', 'year: 2022', 'activities:   # the lines'];
  for (let i = 0; i < items; i++) {
    const kind = i % 5;
    if (kind === 0) lines.push(`${indent}- gpc: I.1.1`, `${indent}  fuel: natural_gas`, `${indent}  amount: ${i}.5`, `${indent}  unit: 万立方米`);
    else if (kind === 1) lines.push(`${indent}- { gpc: I.3.1, fuel: raw_coal, amount: ${i}, unit: t, ncv: { value: 22.35, unit: GJ/t } }`);
    else if (kind === 2) lines.push('# a comment at column 0 between items', `${indent}-`, `${indent}  gpc: II.1.1`, `${indent}  note: |`, `${indent}    two lines`, `${indent}    - not an item`, `${indent}  amount: ${i}`);
    else if (kind === 3) lines.push(`${indent}- gpc: "III.1.1"`, `${indent}  note: 'it''s quoted: - here'`, '', `${indent}  amount: ${i}e3`);
    else lines.push(`${indent}- gpc: IV.1.1`, `${indent}  ef:`, `${indent}    CO2: [1, 2, 3]`, `${indent}  amount: ${i}`);
  }
  lines.push('population: 1000000', 'more:', '- 1', '- two', 'end: true');
  return `${lines.join('\n')}\n`;
}

describe('parseBigYaml', () => {
  it.each([
    ['items indented under their key', '  '],
    ['items at column 0', ''],
  ])('the values of one parse, %s, cut every few items', (_name, indent) => {
    const text = inventoryText(203, indent);
    const one = parse(text, OPTIONS) as Record<string, unknown>;
    expect((one['activities'] as unknown[]).length).toBe(203);
    for (const chunk of [1, 100, 1000, 1 << 20]) expect(parseBigYaml(text, OPTIONS, chunk)).toEqual(one);
  });

  it('keeps the order of the top-level keys', () => {
    const text = inventoryText(10, '  ');
    expect(Object.keys(parseBigYaml(text, OPTIONS, 50) as object)).toEqual(Object.keys(parse(text) as object));
  });

  it.each([
    ['an alias to an anchor in another part', 'activities:\n  - &line { gpc: I.1.1, amount: 1 }\n  - *line\n'],
    ['several documents', 'activities:\n  - 1\n---\nactivities:\n  - 2\n'],
    ['a directive', '%YAML 1.2\n---\nactivities:\n  - 1\n'],
    ['no block sequence at the top', 'city: { name: A }\nactivities: [1, 2]\n'],
    ['a document that is a sequence', '- 1\n- 2\n'],
    ['a part that does not parse', 'activities:\n  - gpc: "I.1.1\n  - amount: 2\n'],
  ])('declines %s (the caller parses the whole text)', (_name, text) => {
    expect(parseBigYaml(text, OPTIONS, 1)).toBeUndefined();
  });
});
