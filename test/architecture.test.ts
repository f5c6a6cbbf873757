/**
 * The architecture is enforced by lint (eslint.config.js) and by the core's own tsconfig, not by
 * habit: these tests feed the real ESLint configuration code that breaks each rule and check that the
 * rule meant for it refuses it, and that code the rules allow passes.
 */
import { builtinModules } from 'node:module';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleViolations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

/** Asserts that `rule` refuses `code` in `filePath`, with a message that contains `says` when given. */
async function expectRefused(filePath: string, code: string, rule: string, says = ''): Promise<void> {
  const violations = await ruleViolations(filePath, code);
  expect(
    violations.some((violation) => violation.startsWith(`${rule}:`) && violation.includes(says)),
    `${rule} (${says}) should refuse:\n${code}\ngot:\n${violations.join('\n')}`,
  ).toBe(true);
}

const core = 'packages/core/src/inventory/example.ts';

describe('the core stays pure', () => {
  it.each([
    // Modules: files, clocks, events, compression, loaders — static or dynamic.
    ["import { readFileSync } from 'node:fs';\nexport const read = readFileSync;", 'no-restricted-imports'],
    ["import { readFileSync } from 'fs';\nexport const read = readFileSync;", 'no-restricted-imports'],
    ["import { performance } from 'perf_hooks';\nexport const now = (): number => performance.now();", 'no-restricted-imports'],
    ["import { performance } from 'node:perf_hooks';\nexport const now = (): number => performance.now();", 'no-restricted-imports'],
    ["import { EventEmitter } from 'events';\nexport const bus = new EventEmitter();", 'no-restricted-imports'],
    ["import { gzipSync } from 'zlib';\nexport const pack = gzipSync;", 'no-restricted-imports'],
    ["import { setTimeout as sleep } from 'timers/promises';\nexport const wait = sleep;", 'no-restricted-imports'],
    ["import { createRequire } from 'module';\nexport const load = createRequire('/');", 'no-restricted-imports'],
    ["import { createRequire } from 'node:module';\nexport const load = createRequire('/');", 'no-restricted-imports'],
    ["import { readFile } from 'node:fs/promises';\nexport const read = readFile;", 'no-restricted-imports'],
    ["import { test } from 'node:test';\nexport const t = test;", 'no-restricted-imports'],
    ["export const read = async (): Promise<unknown> => import('node:fs');", 'no-restricted-syntax', 'imports dynamically'],
    ["export const read = async (): Promise<unknown> => import('fs');", 'no-restricted-syntax', 'imports dynamically'],
    ['export const load = async (name: string): Promise<unknown> => import(name);', 'no-restricted-syntax', 'imports dynamically'],
    ["export const read = (): unknown => require('fs');", 'no-restricted-globals', 'require'],
    ['export const here = (): string => import.meta.url;', 'no-restricted-syntax', 'import.meta'],
    // The environment, directly or through a global object.
    ["export const env = (): string | undefined => process.env['X'];", 'no-restricted-globals', 'process'],
    ["export const env = (): string | undefined => globalThis.process.env['X'];", 'no-restricted-globals', 'globalThis'],
    ["export const load = (): Promise<Response> => globalThis.fetch('http://example.org');", 'no-restricted-globals', 'globalThis'],
    ["export const load = (): unknown => (window as unknown as { fetch: unknown }).fetch;", 'no-restricted-globals', 'window'],
    ['export const id = (): string => (self as unknown as { crypto: Crypto }).crypto.randomUUID();', 'no-restricted-globals', 'self'],
    ["export const bytes = (): unknown => (global as unknown as { Buffer: unknown }).Buffer;", 'no-restricted-globals', 'global'],
    ['export const here = (): string => __dirname;', 'no-restricted-globals', '__dirname'],
    ["export const bytes = (): Uint8Array => Buffer.from('x');", 'no-restricted-globals', 'Buffer'],
    ["export const run = (): unknown => eval('1 + 1');", 'no-eval'],
    ["export const run = (): unknown => new Function('return this')();", 'no-new-func'],
    // I/O.
    ["export const load = (): Promise<Response> => fetch('http://example.org');", 'no-restricted-globals', 'fetch'],
    ["export const log = (): void => console.log('x');", 'no-restricted-globals', 'console'],
    // Randomness.
    ['export const roll = (): number => Math.random();', 'no-restricted-properties'],
    ['export const id = (): string => crypto.randomUUID();', 'no-restricted-globals', 'crypto'],
    ['export const bytes = (): Uint8Array => crypto.getRandomValues(new Uint8Array(4));', 'no-restricted-globals', 'crypto'],
    // The clock.
    ['export const now = (): number => Date.now();', 'no-restricted-properties'],
    ['export const today = (): Date => new Date();', 'no-restricted-syntax', 'no clock'],
    ["export const day = (): Date => new Date('2030-01-01');", 'no-restricted-syntax', 'no clock'],
    ['export const today = (): string => Date();', 'no-restricted-syntax', 'no clock'],
    ['export const later = (work: () => void): void => { setImmediate(work); };', 'no-restricted-globals', 'setImmediate'],
    ['export const later = (work: () => void): void => { setTimeout(work, 10); };', 'no-restricted-globals', 'setTimeout'],
    ['export const tick = (work: () => void): void => { setInterval(work, 10); };', 'no-restricted-globals', 'setInterval'],
    ['export const now = (): number => performance.now();', 'no-restricted-globals', 'performance'],
  ])('refuses %s', async (code, rule, says = '') => {
    await expectRefused(core, code, rule, says);
  });

  it('refuses every Node built-in, with and without node:, and their subpaths', async () => {
    const specifiers = [...builtinModules.flatMap((name) => [name, `node:${name}`]), 'node:test', 'node:sqlite', 'node:sea', 'fs/promises/extra'];
    const accepted: string[] = [];
    for (const specifier of specifiers) {
      const violations = await ruleViolations(core, `import * as builtin from '${specifier}';\nexport const used = builtin;\n`);
      if (!violations.some((violation) => violation.startsWith('no-restricted-imports:'))) accepted.push(specifier);
    }
    expect(accepted).toEqual([]);
  });

  it('refuses imports from the layers above it', async () => {
    for (const specifier of ['../../../cli/src/main.ts', '../../../node/src/highs.ts', '@peakpath/node', 'peakpath', '../../../../test/support/highs.ts']) {
      await expectRefused(core, `import * as above from '${specifier}';\nexport const used = above;\n`, 'no-restricted-imports', 'core depends on nothing above it');
    }
  });

  it('accepts pure code: arithmetic, its own modules (static or dynamic), its dependencies, microtasks, calendar arithmetic', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { closest } from '../text/closest.ts';",
      'export const double = (value: number): number => value * 2;',
      'export const schema = z.number();',
      'export const hint = closest;',
      "export const lazy = async (): Promise<unknown> => import('../text/closest.ts');",
      'export const later = (work: () => void): void => queueMicrotask(work);',
      'export const copy = <T>(value: T): T => structuredClone(value);',
      'export const newYear = (year: number): number => Date.UTC(year, 0, 1);',
      "export const format = (value: number): string => new Intl.NumberFormat('en-US').format(value);",
      'export const own = (): number => { const self = 1; return self; };',
      '',
    ].join('\n');
    expect(await ruleViolations(core, code)).toEqual([]);
  });

  it('is type-checked without Node types (packages/core/tsconfig.json, built by npm test)', () => {
    const file = ts.readConfigFile('packages/core/tsconfig.json', (path) => ts.sys.readFile(path));
    const config = ts.parseJsonConfigFileContent(file.config, ts.sys, 'packages/core');
    expect(config.errors).toEqual([]);
    expect(config.options.types).toEqual([]);
    expect(config.options.lib).toEqual(['lib.es2023.d.ts']);
    expect(config.fileNames.some((name) => name.endsWith('core/src/index.ts'))).toBe(true);
    expect(config.fileNames.filter((name) => name.endsWith('.test.ts'))).toEqual([]);
    const build = ts.readConfigFile('tsconfig.build.json', (path) => ts.sys.readFile(path));
    expect((build.config as { references: { path: string }[] }).references).toContainEqual({ path: 'packages/core' });
  });
});

describe('layers inside the core point one way', () => {
  it('refuses imports of inventory/ (and the engines above) from methods/', async () => {
    await expectRefused('packages/core/src/methods/waste/example.ts', "import { computeInventory } from '../../inventory/compute.ts';\nexport const x = computeInventory;\n", 'no-restricted-imports', 'methods');
    await expectRefused('packages/core/src/methods/example.ts', "import type { InventoryResult } from '../inventory/types.ts';\nexport type X = InventoryResult;\n", 'no-restricted-imports', 'methods');
    await expectRefused('packages/core/src/methods/example.ts', "import { runPlan } from '../plan/run.ts';\nexport const x = runPlan;\n", 'no-restricted-imports', 'methods');
  });
  it('refuses imports of the layers above from reading/ and accounting/', async () => {
    await expectRefused('packages/core/src/reading/example.ts', "import { x } from '../inventory/parse.ts';\nexport const y = x;\n", 'no-restricted-imports', 'reading and accounting');
    await expectRefused('packages/core/src/reading/example.ts', "import { x } from '../methods/method.ts';\nexport const y = x;\n", 'no-restricted-imports', 'reading and accounting');
    await expectRefused('packages/core/src/accounting/example.ts', "import { x } from '../pathway/parse.ts';\nexport const y = x;\n", 'no-restricted-imports', 'reading and accounting');
  });
  it('accepts imports downwards', async () => {
    expect(await ruleViolations('packages/core/src/methods/waste/example.ts', "import { Reader } from '../../reading/reader.ts';\nimport { x } from '../../accounting/assumptions.ts';\nexport const y = [Reader, x];\n")).toEqual([]);
    expect(await ruleViolations('packages/core/src/reading/example.ts', "import { x } from '../issues/issue.ts';\nexport const y = x;\n")).toEqual([]);
    expect(await ruleViolations('packages/core/src/inventory/example.ts', "import { x } from '../methods/registry.ts';\nexport const y = x;\n")).toEqual([]);
  });
});

describe('packages use the public APIs of the ones below', () => {
  const publicApi = 'use the public API';
  it.each([
    ['packages/node/src/example.ts', '../../core/src/units/units.ts', publicApi],
    ['packages/node/src/monte-carlo/example.ts', '../../../core/dist/index.js', publicApi],
    ['packages/node/src/example.ts', 'peakpath', '@peakpath/node depends on nothing above it'],
    ['packages/node/src/example.ts', '../../cli/src/main.ts', '@peakpath/node depends on nothing above it'],
    ['packages/cli/src/example.ts', '../../core/src/inventory/resolve.ts', publicApi],
    ['packages/cli/src/example.ts', '../../node/src/highs.ts', publicApi],
    ['bench/example.ts', '../packages/core/src/index.ts', publicApi],
    ['test/example.test.ts', '../packages/node/src/monte-carlo/pool.ts', publicApi],
    ['packages/core/src/plan/example.test.ts', '../../../node/src/highs.ts', publicApi],
    // The workspace layers: store ← server ← cli, each on the public API of the ones below.
    ['packages/store/src/example.ts', '../../core/src/units/units.ts', publicApi],
    // The report: on core and node, below the store, the server and the CLI, which reach it by its public API.
    ['packages/report/src/example.ts', '../../core/src/units/units.ts', publicApi],
    ['packages/report/src/example.ts', '@peakpath/store', '@peakpath/report depends only on core and node'],
    ['packages/report/src/example.ts', '@peakpath/server', '@peakpath/report depends only on core and node'],
    ['packages/report/src/example.ts', '../../cli/src/main.ts', '@peakpath/report depends only on core and node'],
    ['packages/server/src/example.ts', '../../report/src/build.ts', '@peakpath/report'],
    ['packages/cli/src/example.ts', '../../report/src/build.ts', '@peakpath/report'],
    ['packages/store/src/example.ts', '@peakpath/server', '@peakpath/store depends only on the core'],
    ['packages/store/src/example.ts', '@peakpath/node', '@peakpath/store depends only on the core'],
    ['packages/store/src/example.ts', '../../cli/src/main.ts', '@peakpath/store depends only on the core'],
    ['packages/server/src/example.ts', '../../store/src/store.ts', '@peakpath/store'],
    ['packages/server/src/example.ts', 'peakpath', '@peakpath/server depends on nothing above it'],
    ['packages/server/src/routes/example.ts', '../../../cli/src/main.ts', '@peakpath/server depends on nothing above it'],
    ['packages/cli/src/example.ts', '../../server/src/index.ts', '@peakpath/server'],
    ['test/example.test.ts', '../packages/store/src/store.ts', '@peakpath/store'],
  ])('%s refuses %s', async (file, specifier, says) => {
    await expectRefused(file, `import * as below from '${specifier}';\nexport const used = below;\n`, 'no-restricted-imports', says);
  });

  it.each([
    ['packages/node/src/example.ts', '@peakpath/core'],
    ['packages/cli/src/example.ts', '@peakpath/core'],
    ['packages/cli/src/example.ts', '@peakpath/node'],
    ['bench/example.ts', '@peakpath/node'],
    ['test/example.test.ts', '@peakpath/core'],
    ['packages/core/src/plan/example.test.ts', '@peakpath/node'],
    ['packages/store/src/example.ts', '@peakpath/core'],
    ['packages/server/src/example.ts', '@peakpath/store'],
    ['packages/server/src/example.ts', '@peakpath/node'],
    ['packages/cli/src/example.ts', '@peakpath/server'],
    ['test/example.test.ts', '@peakpath/store'],
  ])('%s accepts %s', async (file, specifier) => {
    expect(await ruleViolations(file, `import * as below from '${specifier}';\nexport const used = below;\n`)).toEqual([]);
  });
});
