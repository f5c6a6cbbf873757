/**
 * The web app in Debian Chromium (issue 15's budgets): the pathway explorer's slider → redrawn chart time on
 * the demo city (120 keyboard steps of one slider, each waited for, as a person presses an arrow key), and
 * 10,000 Monte Carlo runs in the page's web workers. Baselines in this process: the same scenario computed by
 * the core in Node (runScenario), and the same 10,000 runs in this thread, so each figure comes with a ratio
 * that does not depend on how fast the machine is today.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createNodeEngine } from '@peakpath/node';
import { launchBrowser, openPage } from '../test/web/support/browser.ts';
import { startWorkspace } from '../test/web/support/workspace.ts';

const GDP = 'drivers.gdp.growth.2026';
const STEPS = 120;

interface Measured {
  __peakpathTimings?: number[];
  __peakpathEvalTimings?: number[];
  __peakpathMcTimings?: { runs: number; ms: number; workers: number }[];
}

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
};

export async function benchWeb(): Promise<void> {
  // The app as shipped: React's production build (NODE_ENV=production), as `npm run build` makes it.
  const web = fileURLToPath(new URL('../packages/web/', import.meta.url));
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--logLevel', 'warn'], { cwd: web, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}${build.stderr}`);

  const [workspace, browser, engine] = await Promise.all([startWorkspace(), launchBrowser(), createNodeEngine()]);
  try {
    const demo = workspace.entities.get('demo-city')!;
    const documents = await workspace.documents('demo-city');
    const { page, context } = await openPage(browser, 'zh-CN');
    await page.goto(`${workspace.url}/cities/${demo.id}/pathway/${documents.pathway}`);
    await page.locator('[data-testid=wedge-chart] canvas').first().waitFor();
    await page.evaluate(() => {
      const measured = globalThis as unknown as Measured;
      measured.__peakpathTimings = [];
      measured.__peakpathEvalTimings = [];
    });
    const slider = page.locator(`input[data-path="${GDP}"]`);
    await slider.focus();
    for (let step = 0; step < STEPS; step++) {
      const before = await page.evaluate(() => (globalThis as unknown as Measured).__peakpathTimings?.length ?? 0);
      await page.keyboard.press(step % 80 < 40 ? 'ArrowLeft' : 'ArrowRight');
      await page.waitForFunction((count) => ((globalThis as unknown as Measured).__peakpathTimings?.length ?? 0) > count, before);
    }
    const redraw = await page.evaluate(() => (globalThis as unknown as Measured).__peakpathTimings ?? []);
    const browserEval = await page.evaluate(() => (globalThis as unknown as Measured).__peakpathEvalTimings ?? []);

    // Baseline: the same stored documents compiled by the core in Node, the scenario run as many times.
    const admin = (await workspace.store.userByEmail(workspace.admin.email))!;
    const actor = { kind: 'user' as const, userId: admin.id, admin: true };
    const compiled = engine.compilePathway({ pathway: (await workspace.store.version(actor, documents.pathway)).body, inventory: (await workspace.store.version(actor, documents.inventory)).body });
    if (!compiled.ok) throw new Error('the stored demo pathway does not compile');
    const nodeEval: number[] = [];
    for (let step = 0; step < STEPS; step++) {
      const begun = performance.now();
      engine.scenario(compiled.value, 'policy');
      nodeEval.push(performance.now() - begun);
    }

    await page.goto(`${workspace.url}/cities/${demo.id}/pathway/${documents.pathway}?charts=mc`);
    await page.getByTestId('mc-runs').fill('10000');
    await page.getByTestId('mc-seed').fill('7');
    await page.getByTestId('mc-run').click();
    await page.getByTestId('mc-probability').waitFor({ timeout: 600_000 });
    const [mc] = await page.evaluate(() => (globalThis as unknown as Measured).__peakpathMcTimings ?? []);
    await context.close();
    const begun = performance.now();
    const nodeMc = await engine.monteCarlo(compiled.value, { scenario: 'policy', runs: 10_000, seed: 7 });
    const nodeMcMs = performance.now() - begun;
    if (!nodeMc.ok || !mc) throw new Error('Monte Carlo failed');

    const nodeP95 = quantile(nodeEval, 0.95);
    console.log(`\nWeb app — Debian Chromium (headless), ${cpus().length} cores: the demo city's pathway explorer`);
    console.log(`  slider → redrawn chart, ${redraw.length} steps:   median ${quantile(redraw, 0.5).toFixed(1)} ms, p95 ${quantile(redraw, 0.95).toFixed(1)} ms (target ≤ 50 ms)`);
    console.log(`    of which the core's runScenario in the page: median ${quantile(browserEval, 0.5).toFixed(2)} ms, p95 ${quantile(browserEval, 0.95).toFixed(2)} ms`);
    console.log(`  baseline, runScenario in Node (this process):  median ${quantile(nodeEval, 0.5).toFixed(2)} ms, p95 ${nodeP95.toFixed(2)} ms`);
    console.log(`  ratio redraw p95 / Node runScenario p95:       ${(quantile(redraw, 0.95) / nodeP95).toFixed(1)}×; page runScenario p95 / Node: ${(quantile(browserEval, 0.95) / nodeP95).toFixed(2)}×`);
    console.log(`  Monte Carlo 10,000 runs in the page:           ${(mc.ms / 1000).toFixed(2)} s with ${mc.workers} web worker(s)`);
    console.log(`  baseline, 10,000 runs in Node, one thread:     ${(nodeMcMs / 1000).toFixed(2)} s; ratio page / Node ${(mc.ms / nodeMcMs).toFixed(2)}×`);
  } finally {
    await browser.close();
    await workspace.close();
  }
}
