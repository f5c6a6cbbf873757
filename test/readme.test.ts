/** The README stays true: the demo output it shows is what the CLI prints today. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peakpath, ROOT } from './support/cli.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The fenced block after `marker` in the README. */
function shownAfter(marker: string): string {
  const start = README.indexOf(marker);
  expect(start, `the README has "${marker.trim()}"`).toBeGreaterThan(0);
  return README.slice(start + marker.length, README.indexOf('```', start + marker.length));
}

describe('README', () => {
  it('shows the demo city table exactly as the CLI prints it', () => {
    const run = peakpath(['inventory', 'examples/demo-city/inventory.yaml'], { timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(shownAfter('statistics. `npx peakpath inventory examples/demo-city/inventory.yaml` prints:\n\n```\n')).toBe(run.stdout);
  });

  it('shows the start of the demo plan exactly as the CLI prints it', () => {
    const run = peakpath(['plan', 'examples/demo-city/plan.yaml'], { timeout: 60_000 });
    expect(run.status).toBe(0);
    const shown = shownAfter('`npx peakpath plan examples/demo-city/plan.yaml` begins:\n\n```\n');
    expect(shown.length).toBeGreaterThan(200);
    expect(run.stdout.startsWith(shown)).toBe(true);
  });

  it('shows the start of the inventory the import writes from the shipped energy balance', () => {
    const command = 'npx peakpath import energy-balance examples/energy-balance/example.xlsx --year 2023 --city 示例市 --grid CN-east-2023 --out inventory.yaml';
    expect(README).toContain(command);
    const run = peakpath(['import', 'energy-balance', 'examples/energy-balance/example.xlsx', '--year', '2023', '--city', '示例市', '--grid', 'CN-east-2023'], { timeout: 30_000 });
    expect(run.status).toBe(0);
    const shown = shownAfter('(`examples/energy-balance/inventory.yaml`) begins:\n\n```yaml\n');
    expect(shown.split('\n').length).toBeGreaterThan(20);
    // Standard output is the text --out writes (test/import-energy-balance.test.ts compares that with the shipped file).
    expect(run.stdout.startsWith(shown)).toBe(true);
  });
});
