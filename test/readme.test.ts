/** The README stays true: the demo output it shows is what `npm start` prints today. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

describe('README', () => {
  it('shows the demo city table exactly as the CLI prints it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const marker = 'statistics. `npm start` prints:\n\n```\n';
    const start = readme.indexOf(marker);
    expect(start, 'the README introduces the demo output').toBeGreaterThan(0);
    const shown = readme.slice(start + marker.length, readme.indexOf('```', start + marker.length));
    const run = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/peakpath.js'), 'inventory', 'examples/demo-city/inventory.yaml'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', PEAKPATH_LANG: 'en' },
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(shown).toBe(run.stdout);
  });

  it('shows the start of the demo plan exactly as the CLI prints it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const marker = '`npx peakpath plan examples/demo-city/plan.yaml` begins:\n\n```\n';
    const start = readme.indexOf(marker);
    expect(start, 'the README shows the demo plan').toBeGreaterThan(0);
    const shown = readme.slice(start + marker.length, readme.indexOf('```', start + marker.length));
    const run = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/peakpath.js'), 'plan', 'examples/demo-city/plan.yaml'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', PEAKPATH_LANG: 'en' },
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(shown.length).toBeGreaterThan(200);
    expect(run.stdout.startsWith(shown)).toBe(true);
  });
});
