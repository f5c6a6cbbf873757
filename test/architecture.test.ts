/**
 * The architecture is enforced by lint (eslint.config.js), not by habit: these tests feed the real
 * ESLint configuration code that breaks each rule and check that it is refused.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleViolations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('the core stays pure', () => {
  const core = 'packages/core/src/inventory/example.ts';
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const read = readFileSync;", 'no-restricted-imports'],
    ["import { readFileSync } from 'fs';\nexport const read = readFileSync;", 'no-restricted-imports'],
    ['export const roll = (): number => Math.random();', 'no-restricted-properties'],
    ['export const now = (): number => Date.now();', 'no-restricted-properties'],
    ['export const today = (): Date => new Date();', 'no-restricted-syntax'],
    ["export const load = (): Promise<Response> => fetch('http://example.org');", 'no-restricted-globals'],
    ["export const env = (): string | undefined => process.env['X'];", 'no-restricted-globals'],
  ])('refuses %s', async (code, rule) => {
    const violations = await ruleViolations(core, code);
    expect(violations.some((violation) => violation.startsWith(`${rule}:`)), violations.join('\n')).toBe(true);
  });

  it('refuses imports from the layers above it', async () => {
    const violations = await ruleViolations(core, "import { main } from '../../../cli/src/main.ts';\nexport const run = main;");
    expect(violations.some((violation) => violation.includes('core depends on nothing above it'))).toBe(true);
  });

  it('accepts pure code', async () => {
    expect(await ruleViolations(core, 'export const double = (value: number): number => value * 2;\n')).toEqual([]);
  });
});

describe('the CLI uses the public API of the core', () => {
  it('refuses deep imports into core/src', async () => {
    const violations = await ruleViolations(
      'packages/cli/src/example.ts',
      "import { resolveFuel } from '../../core/src/inventory/resolve.ts';\nexport const x = resolveFuel;",
    );
    expect(violations.some((violation) => violation.includes('use the public API'))).toBe(true);
  });
  it('accepts the package import', async () => {
    expect(await ruleViolations('packages/cli/src/example.ts', "import { parseUnit } from '@peakpath/core';\nexport const x = parseUnit;\n")).toEqual([]);
  });
});
