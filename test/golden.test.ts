/**
 * The CLI's output for the demo files, recorded before the engine API (issue 10) and compared on
 * every run: tables byte for byte, JSON as data. The only differences allowed are the documented
 * ones, each undone here by a named step (`documented`), so a change of anything else fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peakpath, ROOT } from './support/cli.ts';
import { DOCUMENTED_CHANGES } from './support/golden-changes.ts';

const GOLDEN = join(ROOT, 'test', 'golden');
const DEMO = 'examples/demo-city';

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

describe('the CLI prints what it printed before the engine API', () => {
  it.each(CASES)('peakpath $args', ({ file, args }) => {
    const run = peakpath(args);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const recorded = readFileSync(join(GOLDEN, file), 'utf8');
    if (!file.endsWith('.json')) {
      expect(run.stdout).toBe(recorded);
      return;
    }
    const kind = file.split(/[.-]/)[0]!;
    const now: unknown = JSON.parse(run.stdout);
    const undo = DOCUMENTED_CHANGES[kind] ?? ((value: unknown) => value);
    expect(undo(now)).toEqual(JSON.parse(recorded));
  });
});
