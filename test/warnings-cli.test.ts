/**
 * Warnings at the command line: after the table (a "Warnings" (警告) block, only when there are any),
 * in the JSON (`warnings`), and with `--strict` as input problems (exit 2), for inventory, pathway and
 * plan — each warning with its file and path.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peakpath, ROOT } from './support/cli.ts';

type DemoFile = 'inventory.yaml' | 'pathway.yaml' | 'plan.yaml';
const demo = (file: DemoFile): string => readFileSync(join(ROOT, 'examples', 'demo-city', file), 'utf8');
let dir: string;

/** The demo's three files in a folder of their own, some of them edited. */
function demoWith(name: string, edits: Partial<Record<DemoFile, (text: string) => string>>): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (const file of ['inventory.yaml', 'pathway.yaml', 'plan.yaml'] as const) {
    const text = demo(file);
    const edited = edits[file]?.(text) ?? text;
    if (edits[file]) expect(edited).not.toBe(text);
    writeFileSync(join(folder, file), edited);
  }
  return folder;
}

const COKE_LINE = '  - { gpc: I.3.1, fuel: coke, amount: 45, unit: 万吨, quality: high }\n';
/** Position of the coke line of I.3.1 in the demo's `activities` (items start at two spaces' indent). */
const COKE = demo('inventory.yaml').slice(0, demo('inventory.yaml').indexOf(COKE_LINE)).split('\n').filter((line) => line.startsWith('  - ')).length;
/** The coke line of I.3.1 twice (activities[COKE] and [COKE + 1]). */
const duplicateCoke = (text: string): string => text.replace(COKE_LINE, `${COKE_LINE}${COKE_LINE.replace('quality: high', 'quality: high, note: copied')}`);
/** GDP growth written as 4 instead of 4 % from 2031. */
const gdpTypo = (text: string): string => text.replace('2031: 4%, 2036', '2031: 4, 2036');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakpath-warnings-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inventory', () => {
  it('prints the first 200 warnings and how many more, as with problems; the JSON lists every one', () => {
    const folder = demoWith('many-warnings', { 'inventory.yaml': (text) => text.replace(COKE_LINE, COKE_LINE.repeat(206)) });
    const run = peakpath(['inventory', join(folder, 'inventory.yaml')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Warnings: 205 (computed all the same');
    expect(run.stdout.split('\n').filter((line) => line.includes(': activities[') && line.includes('repeats activities[')).length).toBe(200);
    expect(run.stdout).toContain('… and 5 more warnings (`--json` lists every one)');
    const json = JSON.parse(peakpath(['inventory', join(folder, 'inventory.yaml'), '--json']).stdout) as { warnings: unknown[] };
    expect(json.warnings.length).toBe(205);
  });

  it('the table, then the warnings with the file and both lines; exit 0', () => {
    const folder = demoWith('inventory', { 'inventory.yaml': duplicateCoke });
    const file = join(folder, 'inventory.yaml');
    const run = peakpath(['inventory', file]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const [table, block] = run.stdout.split('\nWarnings: ');
    expect(table).toContain('GPC inventory 2022');
    expect(block).toBe(
      `1 (computed all the same; \`--strict\` makes them errors)\n${file}: activities[${COKE + 1}]: repeats activities[${COKE}] (the same GPC row, fuel, energy or gas, amount and unit) and both are counted: if both are meant (two plants that used the same amount, say), this warning can stand; otherwise remove one\n`,
    );
  });

  it('--json lists the warning with its document, path, code and text', () => {
    const file = join(dir, 'inventory', 'inventory.yaml');
    const run = peakpath(['inventory', file, '--json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { warnings: unknown[] };
    expect(json.warnings).toEqual([
      {
        document: { kind: 'inventory', id: file },
        path: ['activities', COKE + 1],
        code: 'duplicate-line',
        first: COKE,
        match: 'amount',
        text: { en: expect.stringContaining(`activities[${COKE + 1}]: repeats activities[${COKE}]`), zh: expect.stringContaining(`activities[${COKE + 1}]：与 activities[${COKE}]`) },
      },
    ]);
  });

  it('--strict: the warning is an input problem, exit 2, nothing on stdout', () => {
    const file = join(dir, 'inventory', 'inventory.yaml');
    const run = peakpath(['inventory', file, '--strict', '--json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`--strict: the warnings below are errors.\n${file}: 1 input problem; nothing computed.\nactivities[${COKE + 1}]: repeats activities[${COKE}] (the same GPC row, fuel, energy or gas, amount and unit) and both are counted: if both are meant (two plants that used the same amount, say), this warning can stand; otherwise remove one\n`);
  });

  it('--strict on a file without warnings changes nothing', () => {
    const plain = peakpath(['inventory', 'examples/demo-city/inventory.yaml']);
    const strict = peakpath(['inventory', 'examples/demo-city/inventory.yaml', '--strict']);
    expect(strict).toEqual(plain);
    expect(strict.status).toBe(0);
    expect(strict.stdout).not.toContain('Warnings');
  });
});

describe('pathway', () => {
  it('a growth rate of 400 %/yr: warned with its path in Chinese too, JSON, and --strict exit 2', () => {
    const folder = demoWith('pathway', { 'pathway.yaml': gdpTypo });
    const file = join(folder, 'pathway.yaml');
    const zh = peakpath(['pathway', file, '--lang', 'zh']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain(`\n警告：1 处（结果已计算；如确属实可保留，\`--strict\` 将其视为错误）\n${file}：drivers.gdp.growth.2031：驱动因素的年变化率（2031 年）为 +400 %/年`);
    const json = JSON.parse(peakpath(['pathway', file, '--json']).stdout) as { warnings: { path: unknown; document: unknown }[] };
    expect(json.warnings.map((warning) => [warning.document, warning.path])).toEqual([[{ kind: 'pathway', id: file }, ['drivers', 'gdp', 'growth', '2031']]]);
    const strict = peakpath(['pathway', file, '--strict']);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toContain(`${file}: 1 input problem; nothing computed.\ndrivers.gdp.growth.2031: yearly change of a driver in 2031 is +400 %/yr`);
  });
});

describe('plan', () => {
  it("the base inventory's warning, named by the inventory's file; --strict exits 2 before optimising", () => {
    const folder = demoWith('plan', { 'inventory.yaml': duplicateCoke });
    const plan = join(folder, 'plan.yaml');
    const inventory = join(folder, 'inventory.yaml');
    const run = peakpath(['plan', plan]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`\nWarnings: 1 (computed all the same; \`--strict\` makes them errors)\n${inventory}: activities[${COKE + 1}]: repeats activities[${COKE}]`);
    const strict = peakpath(['plan', plan, '--strict']);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toContain(`${inventory}: 1 input problem; nothing computed.\nactivities[${COKE + 1}]: repeats activities[${COKE}]`);
  });
});
