import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'peakpath.js');

/** Wall time of one whole process, from spawn to exit, in milliseconds; fails on a non-zero exit. */
function run(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${String(result.status)}: ${result.stderr}`);
  return ms;
}

/**
 * Start-up of the CLI: `peakpath units` (the built CLI, as `npx peakpath units` runs it) against
 * `node -e 0`, whole processes spawned alternately in the same run, so that the ratio holds while
 * the machine's load moves. For comparison, the same command run from the TypeScript sources through
 * tsx, as the CLI ran before it was compiled. Builds first (incremental) so that dist/ is current.
 */
export function benchStartup(runs = 21): void {
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  const cases = {
    node: ['-e', '0'],
    built: [BIN, 'units'],
    sources: ['--conditions=source', '--import', 'tsx', BIN, 'units'],
  } as const;
  const times: Record<keyof typeof cases, number[]> = { node: [], built: [], sources: [] };
  for (const args of Object.values(cases)) run(args); // warm the file system cache
  for (let i = 0; i < runs; i += 1) {
    for (const [name, args] of Object.entries(cases)) times[name as keyof typeof cases].push(run(args));
  }
  const node = median(times.node);
  const built = median(times.built);
  const sources = median(times.sources);
  console.log(`start-up: whole processes, median of ${runs} runs each, spawned alternately`);
  console.log(`  node -e 0                                          ${node.toFixed(0).padStart(6)} ms`);
  console.log(`  peakpath units (built, dist/)                      ${built.toFixed(0).padStart(6)} ms   ${(built / node).toFixed(2)}× node -e 0 (target ≤ 5×)`);
  console.log(`  peakpath units from the sources through tsx        ${sources.toFixed(0).padStart(6)} ms   ${(sources / node).toFixed(2)}× node -e 0`);
}
