/**
 * The action planner in Debian Chromium against a real server over the seeded demo network: the
 * catalogue filters, the MACC from the API, the ranking recomputed for other weights (checked against the
 * core's MCDA), the optimiser run to its portfolio and run again and cancelled, axe in both languages.
 */
import { defaultCatalogue, prioritise, type Macc } from '@peakpath/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankingInput, withWeights, type Job } from '../../packages/web/src/pages/plan/model.ts';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn } from './support/browser.ts';
import { startWorkspace, type WebWorkspace } from './support/workspace.ts';

let workspace: WebWorkspace;
let browser: Browser;
let planId: string;
let cityId: string;

beforeAll(async () => {
  [workspace, browser] = await Promise.all([startWorkspace(), launchBrowser()]);
  planId = (await workspace.documents('demo-city')).plan;
  cityId = workspace.entities.get('demo-city')!.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await workspace?.close();
});

const planUrl = (tab?: string) => `${workspace.url}/cities/${cityId}/plan/${planId}${tab ? `?tab=${tab}` : ''}`;

/**
 * Records every job state and whether a progress bar showed, from before the click: a fast job may pass
 * through them quickly. Browser code as text: the tests' TypeScript has no DOM types.
 */
async function watchJobState(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const seen = [];
    window.seen = seen;
    const record = () => {
      const status = document.querySelector('[data-testid="job-state"]')?.getAttribute('data-status');
      if (status && seen[seen.length - 1] !== status) seen.push(status);
      if (document.querySelector('[data-testid="job-progress"]') && !seen.includes('progress')) seen.push('progress');
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
  })()`);
}
const seenStates = (page: Page) => page.evaluate('window.seen') as Promise<string[]>;

describe('the action planner', () => {
  it('filters the catalogue by category, in Chinese for a Chinese city, for the public', async () => {
    const { page, context, errors } = await openPage(browser, 'en-US');
    await page.goto(planUrl('catalogue'));
    const count = page.getByTestId('catalogue-count');
    const size = defaultCatalogue().measures.length;
    await expect.poll(() => count.getAttribute('data-shown')).toBe(String(size));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await count.textContent()).toBe(`共 ${size} 项措施，显示 ${size} 项`);
    await page.getByLabel('类别').selectOption('buildings');
    const buildings = defaultCatalogue().measures.filter((measure) => measure.category === 'buildings').length;
    expect(buildings).toBeLessThan(size);
    await expect.poll(() => count.getAttribute('data-shown')).toBe(String(buildings));
    expect(await page.locator('[data-testid="catalogue-table"] tbody tr').count()).toBe(buildings);
    await screenshot(page, 'planner-catalogue');
    // The measures the plan uses are marked; an unverified figure says so.
    await page.getByLabel('类别').selectOption('');
    await page.getByLabel('仅显示本方案采用的措施').check();
    await expect.poll(async () => Number(await count.getAttribute('data-shown'))).toBeLessThan(size);
    expect(await page.locator('tbody tr[data-used="no"]').count()).toBe(0);
    await page.getByLabel('仅显示本方案采用的措施').uncheck();
    expect(await page.getByText('M 未核实').count()).toBeGreaterThan(0);
    // The public may browse but not compute.
    await page.getByTestId('tab-optimiser').click();
    await page.getByRole('link', { name: '登录后可运行优化求解。' }).waitFor();
    expect(await page.getByTestId('run-optimiser').count()).toBe(0);
    await screenshot(page, 'planner-zh');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('tab-catalogue').click();
    await page.getByTestId('catalogue-table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws the MACC of the API’s result, with the same measures in its table', async () => {
    const answer = (await (await fetch(`${workspace.url}/api/documents/${planId}/result`)).json()) as { result: { macc: Macc } };
    const macc = answer.result.macc;
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await page.goto(planUrl('macc'));
    const rows = page.locator('[data-testid="macc-table"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(macc.entries.length);
    expect(await rows.first().locator('th').textContent()).toBe(macc.entries[0]!.name.zh);
    expect(await rows.first().getAttribute('data-measure')).toBe(macc.entries[0]!.id);
    expect(await page.locator('h2').textContent()).toBe(`${macc.year} 年边际减排成本曲线`);
    await page.locator('[data-testid="macc-chart"] canvas').waitFor();
    await screenshot(page, 'planner-macc');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs the optimiser to its portfolio, re-ranks for other weights as the core does, and cancels a second run', async () => {
    const { page, context, errors } = await openPage(browser, 'en-US');
    await signIn(page, workspace, workspace.editor);
    await page.goto(planUrl());
    // The city is Chinese: the page turns Chinese first (no language chosen yet), then the user switches.
    await expect.poll(() => page.locator('h1').textContent()).toBe('减排行动方案规划');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Action planner');
    await watchJobState(page);
    await page.getByTestId('run-optimiser').click();
    await expect.poll(() => page.getByTestId('job-state').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    const seen = await seenStates(page);
    expect(seen).toContain('progress');
    expect(seen[seen.length - 1]).toBe('done');
    expect(await page.getByTestId('job-state').textContent()).toContain('Optimiser: Done');

    // The cost on screen is the job's, as the API has it.
    const jobId = new URL(page.url()).searchParams.get('job')!;
    const job = (await (await context.request.get(`${workspace.url}/api/jobs/${jobId}`)).json()) as Job;
    expect(job.status).toBe('done');
    const cost = page.getByTestId('portfolio-cost');
    expect(Number(await cost.getAttribute('data-value'))).toBe(job.result!.totalCost);
    // English shows full figures (format.ts): whole yuan with separators.
    expect(await cost.textContent()).toBe(`${job.result!.totalCost.toLocaleString('en-US', { maximumFractionDigits: 0 })} CNY`);
    expect(await page.locator('[data-testid="portfolio-table"] tbody tr').count()).toBe(job.result!.portfolio.length);
    await page.locator('[data-testid="portfolio-chart"] canvas').waitFor();
    // Opened again without the job in the link, the planner shows the plan's latest finished run.
    const again = await context.newPage();
    await again.goto(planUrl());
    await expect.poll(() => new URL(again.url()).searchParams.get('job')).toBe(jobId);
    expect(Number(await again.getByTestId('portfolio-cost').getAttribute('data-value'))).toBe(job.result!.totalCost);
    await again.close();
    await screenshot(page, 'planner-portfolio');
    await screenshot(page, 'planner-en');
    expect(await seriousViolations(page)).toEqual([]);

    // Priorities: the plan's weights give the job's ranking; a heavier feasibility weight re-ranks as the core's MCDA does.
    await page.getByTestId('tab-priorities').click();
    const order = async () => Promise.all((await page.locator('[data-testid="ranking"] tbody tr').all()).map((row) => row.getAttribute('data-measure')));
    const prioritisation = job.result!.prioritisation!;
    await expect.poll(order).toEqual(prioritisation.ranking.map((ranked) => ranked.id));
    await page.getByLabel('Weight of "Feasibility"').fill('10');
    const input = rankingInput(prioritisation)!;
    const { perturbation, samples, seed } = prioritisation.robustness;
    const expected = prioritise(withWeights(input.criteria, { feasibility: 10 }), input.alternatives, { perturbation, samples, seed });
    expect(expected.ranking.map((ranked) => ranked.id)).not.toEqual(prioritisation.ranking.map((ranked) => ranked.id));
    await expect.poll(order).toEqual(expected.ranking.map((ranked) => ranked.id));
    const first = page.locator('[data-testid="ranking"] tbody tr').first();
    expect(await first.locator('td').last().textContent()).toBe(`${(expected.ranking[0]!.firstShare * 100).toFixed(0)} %`);
    // The keyboard moves a slider: two steps right on Equity's, 1 → 2, and the ranking follows.
    await page.getByRole('slider', { name: 'Equity' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByLabel('Weight of "Equity"').inputValue()).toBe('2');
    const keyed = prioritise(withWeights(input.criteria, { feasibility: 10, equity: 2 }), input.alternatives, { perturbation, samples, seed });
    await expect.poll(order).toEqual(keyed.ranking.map((ranked) => ranked.id));
    await expect.poll(() => page.locator('[data-testid="ranking"] tbody tr td:nth-child(3)').first().textContent()).toBe(keyed.ranking[0]!.score.toFixed(3));
    await screenshot(page, 'planner-priorities');
    expect(await seriousViolations(page)).toEqual([]);

    // Run again and cancel it while it runs.
    await page.getByTestId('tab-optimiser').click();
    // The demo plan solves in well under a second: the server holds this job in `running` until it is
    // cancelled (workspace.jobs), so the click meets a running job every time.
    workspace.jobs.hold();
    await page.getByTestId('run-optimiser').click();
    await page.getByTestId('cancel-optimiser').click();
    await expect.poll(() => page.getByTestId('job-state').getAttribute('data-status')).toBe('cancelled');
    expect(await page.getByTestId('job-state').textContent()).toContain('Optimiser: Cancelled');
    const cancelledId = new URL(page.url()).searchParams.get('job')!;
    expect(cancelledId).not.toBe(jobId);
    expect(((await (await context.request.get(`${workspace.url}/api/jobs/${cancelledId}`)).json()) as Job).status).toBe('cancelled');
    expect(await page.getByTestId('portfolio').count()).toBe(0);
    workspace.jobs.release();
    await screenshot(page, 'planner-cancelled');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets an editor change the budget, saved as a new version of the plan; another city’s editor may not', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await signIn(page, workspace, workspace.editor);
    await page.goto(planUrl());
    const budget = page.getByLabel('年度预算（亿元）');
    expect(await budget.inputValue()).toBe('150');
    await budget.fill('200');
    await page.getByTestId('save-constraints').click();
    await page.getByText('已保存为第 2 版。').waitFor();
    const stored = (await (await context.request.get(`${workspace.url}/api/documents/${planId}`)).json()) as { version: { version: number; body: { constraints: { budget: { perYear: number } } } } };
    expect(stored.version.version).toBe(2);
    expect(stored.version.body.constraints.budget.perYear).toBe(200);

    // Hardly any money: no portfolio can meet the 2035 cap, and the page says which constraints conflict.
    await budget.fill('1');
    await page.getByTestId('save-constraints').click();
    await page.getByText('已保存为第 3 版。').waitFor();
    await page.getByTestId('run-optimiser').click();
    await expect.poll(() => page.getByTestId('job-state').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    const jobId = new URL(page.url()).searchParams.get('job')!;
    const job = (await (await context.request.get(`${workspace.url}/api/jobs/${jobId}`)).json()) as Job;
    expect(job.version).toBe(3);
    expect(job.result!.solution.status).toBe('infeasible');
    const diagnosis = page.getByTestId('infeasible');
    await diagnosis.waitFor();
    expect(await diagnosis.textContent()).toContain('以下约束无法同时满足：');
    for (const constraint of job.result!.infeasible!.conflicting) expect(await diagnosis.textContent()).toContain(constraint === 'budget' ? '年度预算' : constraint.replace('target:', ''));
    expect(await page.getByTestId('portfolio-cost').count()).toBe(0);
    await page.locator('[data-testid="portfolio-chart"] canvas').waitFor();
    expect(await diagnosis.locator('li').count()).toBe(job.result!.infeasible!.reachable.length);
    const budgetReach = job.result!.infeasible!.reachable.find((reach) => reach.kind === 'budget');
    if (budgetReach?.kind !== 'budget' || budgetReach.factor === null) throw new Error(`expected the budget's factor in the diagnosis, got ${JSON.stringify(budgetReach)}`);
    expect(await diagnosis.textContent()).toContain(`预算需扩大到 ${budgetReach.factor.toFixed(2)} 倍`);
    await screenshot(page, 'planner-infeasible');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const other = await openPage(browser, 'zh-CN');
    await signIn(other.page, workspace, workspace.otherEditor);
    await other.page.goto(planUrl());
    await other.page.getByText('只有该城市的编辑者可以修改约束。').waitFor();
    expect(await other.page.getByTestId('save-constraints').count()).toBe(0);
    expect(await other.page.getByLabel('年度预算（亿元）').getAttribute('readonly')).not.toBeNull();
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await other.context.close();
  });
});
