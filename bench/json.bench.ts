/**
 * `peakpath inventory FILE --json` on a 200,000-line file, whole process, against node reading,
 * parsing and re-writing the same file (issue 10: within 8×). Both are spawned the same way with
 * standard output to /dev/null, alternately, in this run; the ratio is of their medians.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateInventory } from './generate.ts';
import { median } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages', 'cli');
/** The bin as package.json names it, so the bench follows it wherever the build puts it. */
const BIN = join(CLI, (JSON.parse(readFileSync(join(CLI, 'package.json'), 'utf8')) as { bin: { peakpath: string } }).bin.peakpath);
/** What the input costs at the least: read it, parse it, write it back. */
const BASELINE = "const fs = require('node:fs'); const text = fs.readFileSync(process.argv[1], 'utf8'); fs.writeFileSync('/dev/null', JSON.stringify(JSON.parse(text)));";

/** Milliseconds of one run of node with `args`, standard output to `output`. */
function run(args: readonly string[], output: string): number {
  const fd = openSync(output, 'w');
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${String(result.status)}): ${result.stderr}`);
    return ms;
  } finally {
    closeSync(fd);
  }
}

export function benchJson(lines = 200_000, repeats = 3): void {
  const dir = mkdtempSync(join(tmpdir(), 'peakpath-json-bench-'));
  try {
    const file = join(dir, 'inventory.json');
    writeFileSync(file, JSON.stringify(generateInventory(lines)));
    const inputBytes = statSync(file).size;
    const peakpath = [BIN, 'inventory', file, '--json'];
    const baseline = ['-e', BASELINE, file];

    // Once untimed into a file: the output's size, and a warm file cache for both.
    const written = join(dir, 'output.json');
    run(peakpath, written);
    const outputBytes = statSync(written).size;
    rmSync(written);
    run(baseline, '/dev/null');

    const cliTimes: number[] = [];
    const baselineTimes: number[] = [];
    for (let i = 0; i < repeats; i++) {
      baselineTimes.push(run(baseline, '/dev/null'));
      cliTimes.push(run(peakpath, '/dev/null'));
    }
    const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
    console.log(`inventory --json: ${lines.toLocaleString('en-US')} activity lines (${mb(inputBytes)} of JSON in, ${mb(outputBytes)} out, ${Math.round(outputBytes / lines)} bytes per line), whole process, median of ${repeats}`);
    console.log(`  peakpath inventory FILE --json > /dev/null   ${median(cliTimes).toFixed(0).padStart(7)} ms   (runs: ${cliTimes.map((ms) => ms.toFixed(0)).join(', ')})`);
    console.log(`  baseline: node reads, parses, writes FILE    ${median(baselineTimes).toFixed(0).padStart(7)} ms   (runs: ${baselineTimes.map((ms) => ms.toFixed(0)).join(', ')})`);
    console.log(`  ratio (peakpath / baseline): ${(median(cliTimes) / median(baselineTimes)).toFixed(2)}× (issue 10 target: ≤ 8×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
