/** The `peakpath` command as a user runs it: a child process of the bin, for the end-to-end tests. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'peakpath.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `peakpath ARGS` in `cwd` (the repository by default) with LANG=C and no PEAKPATH_LANG: English unless `--lang`. */
export function peakpath(args: readonly string[], options: { cwd?: string; timeout?: number } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C' };
  delete env['LC_ALL'];
  delete env['PEAKPATH_LANG'];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8', timeout: options.timeout ?? 120_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
