/** docs/engine.md's first example runs as written and prints what the page says it prints. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './support/cli.ts';

it('the first call of docs/engine.md runs and prints the default scenario and its peak', () => {
  const page = readFileSync(join(ROOT, 'docs', 'engine.md'), 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(page)![1]!;
  // Inside the repository, so that the packages resolve as they do for a user's script beside them.
  const script = join(ROOT, `.docs-engine-example-${process.pid}.ts`);
  writeFileSync(script, example);
  try {
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^policy \{ year: 2030, value: 37931395\.\d+ \}\n$/);
  } finally {
    rmSync(script, { force: true });
  }
});
