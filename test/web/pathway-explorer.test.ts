/**
 * The pathway explorer in Debian Chromium against a real workspace: sliders recompute the demo city's
 * pathway in the browser (and agree with the core run in Node), the link restores the scenario, undo and
 * the two resets, Monte Carlo in web workers (the same numbers as the core's), saving a scenario, axe.
 * Prints the slider → redraw p95 and the 10,000-run Monte Carlo time (BENCHMARKS.md); asserts no time.
 */
import { fileURLToPath } from 'node:url';
import { type Pathway } from '@peakpath/core';
import { createNodeEngine, readDocument } from '@peakpath/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent } from '../../packages/web/src/app/format.ts';
import { formatEmissions } from '../../packages/web/src/pages/pathway/units.ts';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn } from './support/browser.ts';
import { startWorkspace, type WebWorkspace } from './support/workspace.ts';

/** What the page exposes for the measurements (the root type check has no DOM types). */
interface Measured {
  __peakpathTimings?: number[];
  __peakpathEvalTimings?: number[];
  __peakpathPhaseTimings?: { react: number; chart: number }[];
  __peakpathMcTimings?: { runs: number; ms: number; workers: number }[];
  readonly location: { readonly search: string };
}

const DEMO = fileURLToPath(new URL('../../examples/demo-city/', import.meta.url));
const GDP = 'drivers.gdp.growth.2026';
const EV = 'actions.ev-cars.adoption.level';

let workspace: WebWorkspace;
let browser: Browser;
let explorerPath: string;
let engine: Awaited<ReturnType<typeof createNodeEngine>>;
let pathwayBody: Record<string, unknown>;
let inventoryBody: unknown;

beforeAll(async () => {
  [workspace, browser, engine] = await Promise.all([startWorkspace(), launchBrowser(), createNodeEngine()]);
  const demo = workspace.entities.get('demo-city')!;
  explorerPath = `/cities/${demo.id}/pathway/${(await workspace.documents('demo-city')).pathway}`;
  pathwayBody = (await readDocument(`${DEMO}pathway.yaml`)) as Record<string, unknown>;
  inventoryBody = await readDocument(`${DEMO}inventory.yaml`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await workspace?.close();
});

/** The core's own answer, in Node: the demo pathway with `set` added to the policy scenario. */
function coreScenario(set: Record<string, number>): { pathway: Pathway; official: { year: number | null; value: number | null }; basic: { year: number | null; value: number | null } } {
  const scenarios = pathwayBody['scenarios'] as Record<string, Record<string, unknown>>;
  const policy = scenarios['policy']!;
  const document = { ...pathwayBody, scenarios: { ...scenarios, policy: { ...policy, set: { ...(policy['set'] as object | undefined), ...set } } } };
  const compiled = engine.compilePathway({ pathway: document, inventory: inventoryBody });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  const result = engine.scenario(compiled.value, 'policy');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { pathway: compiled.value, official: result.value.official.peak, basic: result.value.peak };
}

async function openExplorer(page: Page, query = ''): Promise<void> {
  await page.goto(`${workspace.url}${explorerPath}${query}`);
  await page.getByTestId('peak-year').waitFor();
  if (!query.includes('charts=') || /charts=[^&]*wedge/.test(query)) await page.locator('[data-testid=wedge-chart] canvas').first().waitFor();
}

const text = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).textContent()) ?? '').trim();
const sliderValue = (page: Page, path: string) => text(page, `value-${path}`);

async function press(page: Page, path: string, key: 'ArrowLeft' | 'ArrowRight', times: number): Promise<void> {
  await page.locator(`input[data-path="${path}"]`).focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Steps a slider and waits for each step's redraw before the next key, as a person pressing an arrow key would. */
async function stepAndWait(page: Page, path: string, key: 'ArrowLeft' | 'ArrowRight', times: number): Promise<void> {
  await page.locator(`input[data-path="${path}"]`).focus();
  for (let i = 0; i < times; i++) {
    const before = await page.evaluate(() => (globalThis as unknown as Measured).__peakpathTimings?.length ?? 0);
    await page.keyboard.press(key);
    await page.waitForFunction((count) => ((globalThis as unknown as Measured).__peakpathTimings?.length ?? 0) > count, before);
  }
}

const percentile95 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
};

describe('the pathway explorer', () => {
  it('opens in Chinese for the Chinese demo city, with the file’s scenario as the core computes it', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await openExplorer(page);
    expect(await page.locator('h1').textContent()).toContain('路径情景推演');
    const file = coreScenario({});
    expect(await text(page, 'peak-year')).toBe(String(file.official.year));
    expect(await text(page, 'peak-value')).toBe(formatEmissions(file.official.value!, 'tCO2', 'zh'));
    expect(await sliderValue(page, GDP)).toBe(formatPercent(0.05, 'zh', 1));
    expect(await page.locator('[data-testid=compare-table] tbody tr').count()).toBe(4);
    await screenshot(page, 'pathway-zh');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves the peak year when a slider is stepped with the keyboard; the figure is the core’s; undo brings back the peak; times each redraw', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await openExplorer(page);
    const before = { year: await text(page, 'peak-year'), value: await text(page, 'peak-value') };
    await page.evaluate(() => { (globalThis as unknown as Measured).__peakpathTimings = []; });
    // 40 steps down, 40 up, 40 down: 120 redraws, ending at 5 % − 40 × 0.1 % = 1 % GDP growth from 2026.
    await page.evaluate(() => { (globalThis as unknown as Measured).__peakpathEvalTimings = []; });
    await stepAndWait(page, GDP, 'ArrowLeft', 40);
    await stepAndWait(page, GDP, 'ArrowRight', 40);
    await stepAndWait(page, GDP, 'ArrowLeft', 40);
    await expect.poll(() => sliderValue(page, GDP)).toBe(formatPercent(0.01, 'zh', 1));
    const expected = coreScenario({ [GDP]: 0.01 });
    expect(expected.official.year).not.toBe(Number(before.year));
    await expect.poll(() => text(page, 'peak-year')).toBe(String(expected.official.year));
    expect(await text(page, 'peak-value')).toBe(formatEmissions(expected.official.value!, 'tCO2', 'zh'));

    const timings = await page.evaluate(() => (globalThis as unknown as Measured).__peakpathTimings ?? []);
    expect(timings.length).toBeGreaterThanOrEqual(100);
    expect(timings.every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true);
    const median = [...timings].sort((a, b) => a - b)[Math.floor(timings.length / 2)]!;
    const engineTimings = await page.evaluate(() => (globalThis as unknown as Measured).__peakpathEvalTimings ?? []);
    const phases = await page.evaluate(() => (globalThis as unknown as Measured).__peakpathPhaseTimings ?? []);
    const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    console.log(`  input → React commit: median ${medianOf(phases.map((phase) => phase.react)).toFixed(1)} ms, p95 ${percentile95(phases.map((phase) => phase.react)).toFixed(1)} ms; commit → chart redrawn: median ${medianOf(phases.map((phase) => phase.chart)).toFixed(1)} ms, p95 ${percentile95(phases.map((phase) => phase.chart)).toFixed(1)} ms`);
    console.log(`slider→redraw p95 = ${percentile95(timings).toFixed(1)} ms over ${timings.length} steps (median ${median.toFixed(1)} ms); of which the core's runScenario p95 = ${percentile95(engineTimings).toFixed(1)} ms`);

    // The 120 steps of one slider are one change: one undo returns to the file's value and its peak; redo goes back.
    await page.getByTestId('undo').click();
    await expect.poll(() => text(page, 'peak-year')).toBe(before.year);
    expect(await text(page, 'peak-value')).toBe(before.value);
    expect(await sliderValue(page, GDP)).toBe(formatPercent(0.05, 'zh', 1));
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => text(page, 'peak-year')).toBe(String(expected.official.year));
    await page.keyboard.press('Control+Z');
    await expect.poll(() => text(page, 'peak-year')).toBe(before.year);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('restores the same scenario from the shared link in a new browser context', async () => {
    const first = await openPage(browser, 'zh-CN');
    await openExplorer(first.page);
    await press(first.page, GDP, 'ArrowLeft', 30);
    await press(first.page, EV, 'ArrowLeft', 20);
    await first.page.getByTestId('basis-basic').check();
    await first.page.waitForFunction(() => new URLSearchParams((globalThis as unknown as Measured).location.search).getAll('v').length === 2 && (globalThis as unknown as Measured).location.search.includes('basis=basic'));
    const link = first.page.url();
    const shown = { year: await text(first.page, 'peak-year'), value: await text(first.page, 'peak-value'), gdp: await sliderValue(first.page, GDP), ev: await sliderValue(first.page, EV) };
    const expected = coreScenario({ [GDP]: 0.02, [EV]: 0.7 });
    expect(shown).toEqual({ year: String(expected.basic.year), value: formatEmissions(expected.basic.value!, 'tCO2e', 'zh'), gdp: formatPercent(0.02, 'zh', 1), ev: formatPercent(0.7, 'zh', 0) });
    await first.context.close();

    const second = await openPage(browser, 'zh-CN');
    await second.page.goto(link);
    await second.page.locator('[data-testid=wedge-chart] canvas').first().waitFor();
    expect({ year: await text(second.page, 'peak-year'), value: await text(second.page, 'peak-value'), gdp: await sliderValue(second.page, GDP), ev: await sliderValue(second.page, EV) }).toEqual(shown);
    expect(await second.page.getByTestId('basis-basic').isChecked()).toBe(true);
    expect(await second.page.getByTestId('link-notices').count()).toBe(0);
    await screenshot(second.page, 'pathway-shared');
    expect(second.errors).toEqual([]);
    await second.context.close();
  });

  it('says which parts of a damaged link it ignored, and shows the rest', async () => {
    const { page, context, errors } = await openPage(browser, 'en-US');
    await openExplorer(page, `?lang=en&v=drivers.nothing.growth:0.1&v=${GDP}:abc&v=grid.points.2030:0.45&charts=wedge,pie`);
    const notices = page.getByTestId('link-notices');
    await notices.waitFor();
    expect(await notices.locator('li').count()).toBe(3);
    expect(await notices.textContent()).toContain('"drivers.nothing.growth" is not a setting of this scenario');
    expect(await sliderValue(page, 'grid.points.2030')).toBe('0.45 t/MWh');
    expect(await page.getByTestId('target-chart').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('resets policies and assumptions separately', async () => {
    const { page, context, errors } = await openPage(browser, 'en-US');
    await openExplorer(page, '?lang=en');
    await press(page, GDP, 'ArrowLeft', 10);
    await press(page, EV, 'ArrowLeft', 10);
    await expect.poll(() => sliderValue(page, EV)).toBe('80 %');
    expect(await sliderValue(page, GDP)).toBe('4.0 %');
    await page.getByTestId('reset-policies').click();
    await expect.poll(() => sliderValue(page, EV)).toBe('90 %');
    expect(await sliderValue(page, GDP)).toBe('4.0 %');
    await press(page, EV, 'ArrowLeft', 5);
    await page.getByTestId('reset-assumptions').click();
    await expect.poll(() => sliderValue(page, GDP)).toBe('5.0 %');
    expect(await sliderValue(page, EV)).toBe('85 %');
    // Each reset is a change of its own: undo brings the assumptions back.
    await page.getByTestId('undo').click();
    await expect.poll(() => sliderValue(page, GDP)).toBe('4.0 %');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs 10,000 Monte Carlo runs in web workers, as the core does, and cancels a run', async () => {
    const { page, context, errors } = await openPage(browser, 'en-US');
    await openExplorer(page, '?lang=en&charts=mc');
    await page.getByTestId('mc-runs').fill('10000');
    await page.getByTestId('mc-seed').fill('7');
    await expect.poll(() => page.getByTestId('mc-seed').inputValue()).toBe('7');
    await page.getByTestId('mc-run').click();
    await page.getByTestId('mc-probability').waitFor({ timeout: 180_000 });
    expect(await text(page, 'mc-summary')).toContain('10,000 runs, seed 7');
    await page.locator('[data-testid=mc-chart] canvas').first().waitFor();
    // The same numbers as the core's Monte Carlo in this thread, by design — on the stored document, as the page
    // reads it, and on the file (the draws follow the parameters' paths, not the stored keys' order).
    const admin = (await workspace.store.userByEmail(workspace.admin.email))!;
    const actor = { kind: 'user' as const, userId: admin.id, admin: true };
    const documents = await workspace.documents('demo-city');
    const stored = engine.compilePathway({ pathway: (await workspace.store.version(actor, documents.pathway)).body, inventory: (await workspace.store.version(actor, documents.inventory)).body });
    if (!stored.ok) throw new Error('the stored pathway does not compile');
    const mc = await engine.monteCarlo(stored.value, { scenario: 'policy', runs: 10_000, seed: 7 });
    if (!mc.ok) throw new Error('core Monte Carlo failed');
    const file = engine.compilePathway({ pathway: pathwayBody, inventory: inventoryBody });
    if (!file.ok) throw new Error('the demo pathway does not compile');
    const fromFile = await engine.monteCarlo(file.value, { scenario: 'policy', runs: 10_000, seed: 7 });
    expect(fromFile.ok && fromFile.value.peakedBy).toEqual(mc.value.peakedBy);
    expect(await text(page, 'mc-probability')).toBe(formatPercent(mc.value.peakedBy['2030']!, 'en'));
    await page.getByTestId('copy-mc').locator('button').click();
    const rows = (await page.getByTestId('copy-mc-text').inputValue()).trim().split('\n').slice(1).map((line) => line.split('\t').map(Number));
    // The percentiles agree to the last digit or so: Chromium's V8 and Node's may round Math.exp and Math.log (the
    // lognormal and normal draws) one unit in the last place apart; the counts behind the probabilities do not move.
    const agree = (got: readonly (number | undefined)[], want: readonly number[]) => {
      expect(got).toHaveLength(want.length);
      got.forEach((value, index) => expect(Math.abs(value! - want[index]!)).toBeLessThanOrEqual(1e-12 * Math.abs(want[index]!)));
    };
    agree(rows.map((row) => row[3]), mc.value.percentiles.p50);
    agree(rows.map((row) => row[1]), mc.value.percentiles.p5);
    expect(await text(page, 'mc-summary')).toContain('10,000 runs, seed 7');
    const timing = await page.evaluate(() => (globalThis as unknown as Measured).__peakpathMcTimings ?? []);
    expect(timing).toHaveLength(1);
    console.log(`Monte Carlo 10,000 runs in the browser: ${(timing[0]!.ms / 1000).toFixed(2)} s with ${timing[0]!.workers} web worker(s)`);
    await screenshot(page, 'pathway-mc');

    await page.getByTestId('mc-runs').fill('2000000');
    await page.getByTestId('mc-run').click();
    await page.getByTestId('mc-progress').waitFor();
    await page.getByTestId('mc-cancel').click();
    await page.getByTestId('mc-cancelled').waitFor();
    expect(await text(page, 'mc-cancelled')).toMatch(/^Cancelled after [\d,]+ of 2,000,000 runs/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets an editor save the settings as a scenario of the document; the public may explore but not save', async () => {
    const { page, context, errors } = await openPage(browser, 'en-US');
    await signIn(page, workspace, workspace.editor);
    await openExplorer(page, '?lang=en');
    await press(page, GDP, 'ArrowLeft', 10);
    await page.locator('input[name=scenario-id]').fill('slow-growth');
    await page.locator('input[name=scenario-name]').fill('Slower growth');
    await page.locator('[data-testid=save-form] button[type=submit]').click();
    await expect.poll(() => page.getByTestId('scenario').inputValue()).toBe('slow-growth');
    const admin = (await workspace.store.userByEmail(workspace.admin.email))!;
    const stored = await workspace.store.version({ kind: 'user', userId: admin.id, admin: true }, (await workspace.documents('demo-city')).pathway);
    const scenario = ((stored.body as Record<string, unknown>)['scenarios'] as Record<string, unknown>)['slow-growth'];
    expect(scenario).toEqual({ name: 'Slower growth', actions: ['ev-cars', 'public-retrofit', 'rooftop-pv', 'coal-to-gas', 'waste-to-energy', 'clinker-substitution'], set: { [GDP]: 0.04 } });
    // The saved scenario opens with no slider moved, and its peak is the settings' peak.
    expect(await sliderValue(page, GDP)).toBe('4.0 %');
    expect(await text(page, 'changed-count')).toBe('The scenario as in the file');
    expect(errors).toEqual([]);
    await context.close();

    const visitor = await openPage(browser, 'en-US');
    await openExplorer(visitor.page, '?lang=en');
    await visitor.page.getByTestId('save-read-only').waitFor();
    expect(await visitor.page.getByTestId('save-form').count()).toBe(0);
    await visitor.context.close();
  });

  it('has no serious or critical accessibility violations, in Chinese and in English', async () => {
    for (const [locale, query, name] of [['zh-CN', '', null], ['en-US', '?lang=en', 'pathway-en']] as const) {
      const { page, context, errors } = await openPage(browser, locale);
      await openExplorer(page, query);
      await page.getByTestId('copy-wedge').locator('button').click();
      await page.getByTestId('copy-wedge-text').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      if (name) await screenshot(page, name);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
