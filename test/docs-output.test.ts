/**
 * The command output quoted in docs/plans.md is what the CLI prints today: the demo plan's table (in
 * full, and the start of its Chinese version) and the errors of the page's invalid example.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { peakpath as cli } from './support/cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE = readFileSync(join(ROOT, 'docs', 'plans.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'peakpath-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text block that starts with `$ <command>`: its lines after the command, up to the closing fence. */
function quoted(command: string): string {
  const start = PAGE.indexOf(`\`\`\`text\n$ ${command}\n`);
  expect(start, `docs/plans.md quotes \`${command}\``).toBeGreaterThan(0);
  const body = PAGE.indexOf('\n', start + 8) + 1;
  return PAGE.slice(body, PAGE.indexOf('```', body));
}

describe('docs/plans.md quotes the CLI as it is', () => {
  it('the demo plan, in full', () => {
    const run = peakpath(ROOT, 'plan', 'examples/demo-city/plan.yaml');
    expect(run.status).toBe(0);
    expect(quoted('npx peakpath plan examples/demo-city/plan.yaml')).toBe(run.stdout);
  });

  it('the start of the demo plan in Chinese', () => {
    const run = peakpath(ROOT, 'plan', 'examples/demo-city/plan.yaml', '--lang', 'zh');
    const shown = quoted('npx peakpath plan examples/demo-city/plan.yaml --lang zh').replace(/…\n$/, '');
    expect(shown.length).toBeGreaterThan(200);
    expect(run.stdout.startsWith(shown)).toBe(true);
  });

  it('the invalid example: its problems, all at once, exit status 2', () => {
    const blocks = [...PAGE.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
    const invalid = blocks.find((block) => block.includes('envelope-insulaton'));
    expect(invalid, 'the page has its invalid example').toBeDefined();
    for (const file of ['inventory.yaml', 'pathway.yaml']) copyFileSync(join(ROOT, 'examples', 'demo-city', file), join(dir, file));
    writeFileSync(join(dir, 'plan.yaml'), invalid!);
    const run = peakpath(dir, 'plan', 'plan.yaml');
    expect(run.status).toBe(2);
    const shown = quoted('npx peakpath plan plan.yaml').replace(/\$ echo \$\?\n2\n$/, '');
    expect(run.stderr).toBe(shown);
  });
});

function peakpath(cwd: string, ...args: string[]): ReturnType<typeof cli> {
  return cli(args, { cwd });
}
