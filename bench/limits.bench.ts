import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { PlanEvaluator, PortfolioOptimiser } from '@peakpath/core';
import { highsSolver } from '@peakpath/node';
import { yesNoCopiesPlan } from '../test/support/yes-no-copies.ts';
import { generateInventory } from './generate.ts';

/**
 * Resource limits (issue 11). BENCH_LIMITS=plan or BENCH_LIMITS=memory runs one half.
 * - plan: the plan of 40 yes/no copies of one measure (test/support/yes-no-copies.ts), which ran past 600 s with
 *   a MIP gap of 10⁻⁹ and no overall limit: for each time limit, when the answer came, its cost against the
 *   cheapest (18 copies) and the gap it proves.
 * - memory: an inventory just under the 64 MiB input cap, as YAML and as JSON, run by the built CLI (table and
 *   `--json`, output to /dev/null): wall time and peak resident memory (`/usr/bin/time -f %M`). BENCH_MEMORY_LINES
 *   scales both files (default: 63 MiB each).
 */
export async function benchLimits(): Promise<void> {
  const part = process.env['BENCH_LIMITS'];
  if (part === undefined || part === 'plan') await benchYesNoCopies();
  if (part === undefined || part === 'memory') benchBigFiles();
}

async function benchYesNoCopies(): Promise<void> {
  const solver = await highsSolver();
  const plan = yesNoCopiesPlan(40, 0.6);
  const evaluator = new PlanEvaluator(plan);
  const unit = evaluator.cost(Float64Array.from({ length: 40 }, (_, m) => (m === 0 ? 1 : 0)));
  const cheapest = 18 * unit;
  console.log('Plan of 40 yes/no copies of one measure (cheapest: 18 copies), limits.seconds on the wall clock, mipGap 1e-4');
  for (const seconds of [1, 2, 5, 10, 30]) {
    const start = performance.now();
    const solution = await new PortfolioOptimiser(evaluator, solver, { limits: { seconds }, clock: () => performance.now() }).solve();
    const ms = performance.now() - start;
    const copies = Array.from(solution.x).filter((value) => value > 0).length;
    const gap = solution.gap === null ? 'none' : `${(solution.gap * 100).toFixed(1)} %`;
    console.log(`  limit ${String(seconds).padStart(3)} s: answer after ${(ms / 1000).toFixed(2).padStart(6)} s, ${solution.status}${solution.limit ? ' (time limit)' : ''}, ${copies} copies, cost ${(solution.cost / cheapest).toFixed(3)} × the cheapest, proven gap ${gap}, ${solution.iterations} solves`);
  }
}

function benchBigFiles(): void {
  const folder = mkdtempSync(join(tmpdir(), 'peakpath-bench-'));
  try {
    const scale = Number(process.env['BENCH_MEMORY_LINES'] ?? 1);
    // Lines that make each file just under 63 MiB (YAML ≈ 80 bytes a line, indented JSON ≈ 105).
    const files = [
      { file: join(folder, 'inventory.yaml'), text: () => stringify(generateInventory(Math.round(825_000 * scale)), { aliasDuplicateObjects: false }) },
      { file: join(folder, 'inventory.json'), text: () => JSON.stringify(generateInventory(Math.round(625_000 * scale)), null, 1) },
    ];
    console.log('Input at the cap: the built CLI (bin/peakpath.js), output to /dev/null; peak resident memory of the process');
    for (const { file, text } of files) {
      writeFileSync(file, text());
      const mib = statSync(file).size / 2 ** 20;
      for (const json of [false, true]) {
        const args = [join(import.meta.dirname, '../packages/cli/bin/peakpath.js'), 'inventory', ...(json ? ['--json'] : []), file];
        const start = performance.now();
        const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
        const seconds = (performance.now() - start) / 1000;
        const kb = Number(/(\d+)\s*$/.exec(run.stderr)?.[1]);
        const label = `${file.endsWith('.yaml') ? 'YAML' : 'JSON'} ${mib.toFixed(1)} MiB${json ? ' --json' : ''}`;
        console.log(`  ${label.padEnd(24)} exit ${run.status}, ${seconds.toFixed(1).padStart(6)} s, peak RSS ${(kb / 2 ** 20).toFixed(2)} GiB`);
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
