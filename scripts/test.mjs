#!/usr/bin/env node
// `npm test`: everything CI checks — the build (packages/*/dist, which the CLI runs; the core compiled
// without Node's types), type check, lint (architecture rules included), unit, property and
// integration tests — ending with one summary line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
let passed = 0;
let failed = 0;

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  return run.status === 0;
}

for (const [name, command, args] of [
  // First, so that the end-to-end tests spawn the working tree's CLI, never a stale dist/.
  ['build (the core type-checked without Node types)', bin('tsc'), ['-b', 'tsconfig.build.json']],
  ['type check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['type check (the web app: DOM and JSX)', bin('tsc'), ['-p', 'packages/web/tsconfig.json', '--noEmit']],
  ['type check (the web app\'s tests: Node and DOM)', bin('tsc'), ['-p', 'test/web/tsconfig.json', '--noEmit']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
]) {
  if (step(name, command, args)) passed += 1;
  else failed += 1;
}

const dir = mkdtempSync(join(tmpdir(), 'peakpath-test-'));
const report = join(dir, 'vitest.json');
const ok = step('tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  if (!ok && results.numFailedTests === 0) failed += 1; // a suite that failed to load
} catch {
  failed += 1; // no report: the runner itself failed
}
rmSync(dir, { recursive: true, force: true });

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
