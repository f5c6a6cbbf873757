/**
 * The CLI's output for the demo files, compared on every run: tables byte for byte, JSON as data.
 * A change of any of them must be deliberate: re-record with `RECORD_GOLDEN=1 npx vitest run
 * test/golden.test.ts`, review the diff, and say in test/golden/CHANGES.md what changed and why.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peakpath, ROOT } from './support/cli.ts';

const GOLDEN = join(ROOT, 'test', 'golden');
const DEMO = 'examples/demo-city';
const RECORD = process.env.RECORD_GOLDEN === '1';

const CASES: readonly { readonly file: string; readonly args: readonly string[] }[] = [
  { file: 'inventory.en.txt', args: ['inventory', `${DEMO}/inventory.yaml`] },
  { file: 'inventory.zh.txt', args: ['inventory', `${DEMO}/inventory.yaml`, '--lang', 'zh'] },
  { file: 'inventory.json', args: ['inventory', `${DEMO}/inventory.yaml`, '--json'] },
  { file: 'worked.json', args: ['inventory', 'examples/worked-example/inventory.yaml', '--json'] },
  { file: 'pathway.en.txt', args: ['pathway', `${DEMO}/pathway.yaml`] },
  { file: 'pathway.zh.txt', args: ['pathway', `${DEMO}/pathway.yaml`, '--lang', 'zh'] },
  { file: 'pathway.json', args: ['pathway', `${DEMO}/pathway.yaml`, '--json'] },
  { file: 'pathway-mc.en.txt', args: ['pathway', `${DEMO}/pathway.yaml`, '--scenario', 'policy', '--mc', '2000', '--seed', '7', '--threads', '2'] },
  { file: 'pathway-mc.json', args: ['pathway', `${DEMO}/pathway.yaml`, '--scenario', 'policy', '--mc', '2000', '--seed', '7', '--json', '--threads', '2'] },
  { file: 'plan.en.txt', args: ['plan', `${DEMO}/plan.yaml`] },
  { file: 'plan.zh.txt', args: ['plan', `${DEMO}/plan.yaml`, '--lang', 'zh'] },
  { file: 'plan.json', args: ['plan', `${DEMO}/plan.yaml`, '--json'] },
];

describe('the CLI prints what test/golden recorded', () => {
  it.each(CASES)('peakpath $args', ({ file, args }) => {
    const run = peakpath(args);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const path = join(GOLDEN, file);
    if (RECORD) {
      // JSON recorded indented, so that a change reads as a diff of the values that moved.
      writeFileSync(path, file.endsWith('.json') ? `${JSON.stringify(JSON.parse(run.stdout), null, 2)}\n` : run.stdout);
      return;
    }
    const recorded = readFileSync(path, 'utf8');
    if (file.endsWith('.json')) expect(JSON.parse(run.stdout)).toEqual(JSON.parse(recorded));
    else expect(run.stdout).toBe(recorded);
  });
});
