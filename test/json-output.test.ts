/** `--json` is written piece by piece (large inventories), and reads exactly as JSON.stringify would write it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runInventory } from '@peakpath/core';
import { inventoryJson } from '../packages/cli/src/format/json.ts';

const ROOT = process.cwd();

describe('JSON output', () => {
  it('is byte for byte JSON.stringify(result, null, 2), for the demo city and for an inventory of notation keys only', () => {
    const demo = runInventory(parse(readFileSync(join(ROOT, 'examples/demo-city/inventory.yaml'), 'utf8')) as unknown);
    const keysOnly = runInventory({ city: 'X', year: 2022, activities: [{ gpc: 'I.1.1', notation: 'NO', explanation: 'none' }] });
    for (const run of [demo, keysOnly]) {
      if (!run.ok) throw new Error(JSON.stringify(run.issues));
      expect([...inventoryJson(run.result)].join('')).toBe(`${JSON.stringify(run.result, null, 2)}\n`);
    }
  });

  it('streams a 20,000-line inventory through the CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peakpath-json-'));
    try {
      const activities = Array.from({ length: 20000 }, (_, index) => ({ gpc: 'I.1.2', energy: 'electricity', amount: index + 1, unit: 'MWh' }));
      const file = join(dir, 'big.json');
      writeFileSync(file, JSON.stringify({ city: 'Big', year: 2022, grid: 'CN-east-2022', activities }));
      const run = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/peakpath.js'), 'inventory', file, '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        timeout: 60_000,
      });
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout) as { lines: unknown[]; totals: { basic: number } };
      expect(result.lines).toHaveLength(20000);
      // Σ 1..20,000 MWh = 200,010,000 MWh × 0.5617 t/MWh.
      expect(result.totals.basic).toBeCloseTo(200010000 * 0.5617, 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
