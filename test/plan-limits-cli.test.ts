/** `peakpath plan --time-limit --mip-gap` (issue 11): the 40 yes/no copies plan answers within its limit and says so. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peakpath } from './support/cli.ts';
import { yesNoCopies } from './support/yes-no-copies.ts';

let folder: string;
let file: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'peakpath-limits-'));
  const { plan, pathway, inventory } = yesNoCopies(40, 0.6);
  writeFileSync(join(folder, 'inventory.json'), JSON.stringify(inventory));
  writeFileSync(join(folder, 'pathway.json'), JSON.stringify({ ...pathway, inventory: 'inventory.json' }));
  file = join(folder, 'plan.json');
  writeFileSync(file, JSON.stringify({ ...plan, pathway: 'pathway.json' }));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('peakpath plan --time-limit', () => {
  it('answers with the best portfolio found and its proven gap, in the table', () => {
    const run = peakpath(['plan', file, '--time-limit', '2']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Least-cost portfolio: best found within the 2 s limit (sequential,');
    expect(run.stdout).toMatch(/best portfolio found within the 2 s limit; proven within \d+(\.\d+)? % of the cheapest/);
  });

  it('and in the JSON, in Chinese too', () => {
    const run = peakpath(['plan', file, '--time-limit', '2', '--mip-gap', '0.001', '--json']);
    expect(run.status).toBe(0);
    const solution = (JSON.parse(run.stdout) as { solution: { status: string; gap: number; limit: unknown } }).solution;
    expect(solution.status).toBe('feasible');
    expect(solution.limit).toEqual({ kind: 'time', seconds: 2 });
    expect(solution.gap).toBeGreaterThan(0);
    const zh = peakpath(['plan', file, '--time-limit', '2', '--lang', 'zh']);
    expect(zh.stdout).toContain('2 秒时限内找到的最佳组合');
  });

  it.each([
    ['--time-limit', 'soon'],
    ['--time-limit', '0'],
    ['--mip-gap', '-0.1'],
    ['--mip-gap', '2'],
  ])('%s %s is a usage error (exit 2)', (option, value) => {
    const run = peakpath(['plan', file, option, value]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${option}: expected a number`);
    expect(run.stdout).toBe('');
    const zh = peakpath(['plan', file, option, value, '--lang', 'zh']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe(`${option}：应为 ${option === '--mip-gap' ? '0–1' : '0.001–86,400'} 的数，实为 "${value}"\n`);
  });
});
