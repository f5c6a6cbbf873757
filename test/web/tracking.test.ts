/**
 * The tracking page in Debian Chromium against a real server over the seeded demo network: every
 * status and progress on the page equals the core's at the same date, a new date recomputes them, the
 * good-practice search finds what the core finds, the report and export links fetch real files, and
 * axe finds nothing serious, in Chinese and in English.
 */
import { computeTracking, parseTracking, progressText, searchPractices, type Tracking } from '@peakpath/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn } from './support/browser.ts';
import { startWorkspace, type WebWorkspace } from './support/workspace.ts';

let workspace: WebWorkspace;
let browser: Browser;
let trackingId: string;
let cityId: string;
let tracking: Tracking;

beforeAll(async () => {
  [workspace, browser] = await Promise.all([startWorkspace(), launchBrowser()]);
  trackingId = (await workspace.documents('demo-city')).tracking;
  cityId = workspace.entities.get('demo-city')!.id;
  const stored = (await (await fetch(`${workspace.url}/api/documents/${trackingId}`)).json()) as { version: { body: unknown } };
  const parsed = parseTracking(stored.version.body);
  if (!parsed.ok) throw new Error(`the demo tracking document does not parse: ${JSON.stringify(parsed.issues)}`);
  tracking = parsed.tracking;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await workspace?.close();
});

const trackingUrl = (asOf: string) => `${workspace.url}/cities/${cityId}/tracking/${trackingId}?asOf=${asOf}`;

/** The statuses the page shows, by row: `indicator id → status`, and so on for targets and actions. */
async function shownStatuses(page: Page) {
  const read = (selector: string, key: string, attribute: string) =>
    page.locator(selector).evaluateAll(
      (rows, [key, attribute]) => rows.map((row) => [row.getAttribute(key!), row.querySelector(`[${attribute}]`)?.getAttribute(attribute!) ?? null]),
      [key, attribute],
    ) as Promise<[string, string | null][]>;
  return {
    indicators: Object.fromEntries(await read('tr[data-indicator]', 'data-indicator', 'data-status')),
    targets: Object.fromEntries(await read('tr[data-target]', 'data-target', 'data-status')),
    actions: Object.fromEntries(await read('tr[data-action]', 'data-action', 'data-status')),
    freshness: Object.fromEntries(await read('tr[data-action]', 'data-action', 'data-freshness')),
  };
}

function expectedStatuses(asOf: string) {
  const result = computeTracking(tracking, asOf);
  return {
    result,
    statuses: {
      indicators: Object.fromEntries(result.indicators.map((entry) => [entry.indicator, entry.status])),
      targets: Object.fromEntries(result.targets.map((entry) => [entry.target, entry.status])),
      actions: Object.fromEntries(result.actions.map((entry) => [entry.action, entry.status])),
      freshness: Object.fromEntries(result.actions.map((entry) => [entry.action, entry.freshness])),
    },
  };
}

describe('the tracking page', () => {
  it('shows the statuses the core computes, in Chinese for a Chinese city, to the public', async () => {
    const { page, errors } = await openPage(browser, 'en-US');
    await page.goto(trackingUrl('2025-06-30'));
    await page.getByTestId('tracking-page').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const { result, statuses } = expectedStatuses('2025-06-30');
    expect(await shownStatuses(page)).toEqual(statuses);
    // Every status the demo file is written to show appears.
    const shown = new Set(result.indicators.map((entry) => entry.status));
    for (const status of ['on-track', 'at-risk', 'off-track', 'achieved'] as const) expect(shown, status).toContain(status);
    // Progress as "完成X%", the core's figure rounded.
    const first = result.indicators.find((entry) => entry.progress !== null)!;
    const text = await page.locator(`tr[data-indicator="${first.indicator}"] [data-testid="progress-text"]`).textContent();
    expect(text).toBe(progressText(first.progress!, 'zh'));
    expect(text).toMatch(/^完成-?\d+%$/);
    // The rules the statuses follow are stated.
    expect(await page.getByTestId('rules').textContent()).toContain(String(result.rules.updateDays));
    await screenshot(page, 'tracking-zh');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('recomputes at another date, in English', async () => {
    const { page, errors } = await openPage(browser, 'en-US');
    await page.goto(`${trackingUrl('2025-06-30')}&lang=en`);
    await page.getByTestId('tracking-page').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByTestId('as-of').fill('2026-03-31');
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf')).toBe('2026-03-31');
    const { statuses } = expectedStatuses('2026-03-31');
    await expect.poll(() => shownStatuses(page)).toEqual(statuses);
    // A year later, some updates are no longer on time: the page follows the date, not a stored answer.
    expect(statuses.freshness).not.toEqual(expectedStatuses('2025-06-30').statuses.freshness);
    await screenshot(page, 'tracking-en');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('finds good practice as the core does', async () => {
    const { page, errors } = await openPage(browser, 'zh-CN');
    await page.goto(trackingUrl('2025-06-30'));
    const search = page.getByTestId('practice-search');
    await search.waitFor();
    const all = tracking.practices.map((practice) => practice.id);
    const listed = () => page.locator('li[data-practice]').evaluateAll((items) => items.map((item) => item.getAttribute('data-practice')));
    await expect.poll(listed).toEqual(searchPractices(tracking.practices, {}).map((practice) => practice.id));
    expect((await listed()).sort()).toEqual([...all].sort());
    const word = tracking.practices[0]!.city.zh ?? tracking.practices[0]!.city.en!;
    await search.fill(word);
    const found = searchPractices(tracking.practices, { text: word }).map((practice) => practice.id);
    expect(found.length).toBeGreaterThan(0);
    await expect.poll(listed).toEqual(found);
    await search.fill('zzzz-no-such-practice');
    await expect.poll(listed).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('links the annual report and the exports, which download real files for an editor', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await signIn(page, workspace, workspace.editor);
    await page.goto(trackingUrl('2025-06-30'));
    await page.getByTestId('report-pdf').waitFor();
    await page.getByTestId('report-year').fill('2024');
    const get = async (testId: string) => {
      const href = await page.getByTestId(testId).getAttribute('href');
      expect(href, testId).toBeTruthy();
      const response = await context.request.get(new URL(href!, workspace.url).toString());
      expect(response.status(), `${testId} ${href}`).toBe(200);
      return { href: href!, body: await response.body(), type: response.headers()['content-type'] ?? '' };
    };
    const html = await get('report-html');
    expect(html.href).toContain('year=2024');
    expect(html.type).toContain('text/html');
    expect(html.body.toString('utf8')).toContain('<html lang="zh');
    const pdf = await get('report-pdf');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const kind of ['tracking-indicators', 'actions', 'cdp-targets']) {
      const xlsx = await get(`export-${kind}-xlsx`);
      expect(xlsx.body.subarray(0, 2).toString('latin1'), kind).toBe('PK');
      const csv = await get(`export-${kind}-csv`);
      expect(csv.type, kind).toContain('text/csv');
    }
    expect(errors).toEqual([]);
  });
});
