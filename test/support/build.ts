/**
 * Vitest's global setup: builds the packages' dist/ (tsc -b, incremental: about a second when nothing
 * changed) so that the end-to-end tests, which spawn packages/cli/bin/peakpath.js as a user runs it,
 * run the working tree's code — again before each rerun in watch mode — and the web app (packages/web/dist). Type errors do not stop the
 * tests — tsc still emits, and the type check reports them —, but a build that leaves no CLI does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function build(): void {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) process.stderr.write(`npm run build reported errors; the CLI tests run what it emitted:\n${run.stdout}${run.stderr}`);
  if (!existsSync(join(ROOT, 'packages', 'cli', 'dist', 'main.js'))) throw new Error('the build left no packages/cli/dist/main.js: see the errors above');
  // The web app the browser tests open and `peakpath serve` serves: Vite, from the sources (a second or two).
  const web = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: join(ROOT, 'packages', 'web'),
    encoding: 'utf8',
    // Vitest sets NODE_ENV=test, which would give React's development build: the app is built as shipped.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (web.status !== 0) throw new Error(`the web app did not build (vite build):\n${web.stdout}${web.stderr}`);
}

export default function setup(project: TestProject): void {
  build();
  project.onTestsRerun(() => build());
}
