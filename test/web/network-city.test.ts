/**
 * The network overview and the city dashboard in Debian Chromium on a real workspace (the demo network):
 * figures equal to the API's, sorting, the CSV export, both languages, the public's and an editor's view,
 * "no data yet" for a place with no inventory, the demo cluster's totals and pathways, and axe-core on every page in
 * both languages.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn } from './support/browser.ts';
import { startWorkspace, type WebWorkspace } from './support/workspace.ts';

let workspace: WebWorkspace;
let browser: Browser;

beforeAll(async () => {
  [workspace, browser] = await Promise.all([startWorkspace(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await workspace?.close();
});

interface Summary {
  inventory: { totals: { basic: number }; energyCo2: number | null } | null;
  pathway: { computed: boolean; peak?: { year: number | null } } | null;
}

const summaryOf = async (slug: string): Promise<Summary> => (await (await fetch(`${workspace.url}/api/entities/${workspace.entities.get(slug)!.id}/summary`)).json()) as Summary;

const MEMBERS = ['demo-city', 'demo-city-b', 'demo-city-c', 'demo-cluster'];

/** The slugs of the table's rows, top to bottom. */
const rowOrder = async (page: Page): Promise<string[]> =>
  Promise.all((await page.locator('[data-testid=benchmark-table] tbody tr').all()).map(async (row) => (await row.getAttribute('data-testid'))!.slice(4)));

/**
 * The figures as a reader expects them, written out here rather than taken from the app's format.ts:
 * Chinese in 万吨 with one decimal (the demo places are between 10⁴ and 10⁸ t, the cluster above 10⁸ in 亿),
 * English in full tonnes with separators.
 */
const inWan = (tonnes: number): string =>
  tonnes >= 1e8
    ? `${(tonnes / 1e8).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 亿吨CO2e`
    : `${(tonnes / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} 万吨CO2e`;
const inFull = (tonnes: number): string => `${Math.round(tonnes).toLocaleString('en-US')} t CO2e`;

/** Waits until every chart on the page has drawn its canvas. */
async function chartsDrawn(page: Page, testIds: readonly string[]): Promise<void> {
  for (const id of testIds) await page.locator(`[data-testid=${id}] canvas`).first().waitFor();
}

describe('the network overview', () => {
  it('lists the demo network’s three cities and the cluster with the API’s figures, in Chinese by default', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await page.goto(workspace.url);
    await page.getByTestId('benchmark-table').waitFor();
    expect((await rowOrder(page)).sort()).toEqual([...MEMBERS].sort());
    const demo = await summaryOf('demo-city');
    const basicCell = page.locator('[data-testid=row-demo-city] [data-column=basic]');
    expect(await basicCell.textContent()).toBe(inWan(demo.inventory!.totals.basic));
    expect(await basicCell.textContent()).toContain('万吨CO2e');
    expect(await page.locator('h1').textContent()).toBe('示例城市网络');
    // Peak status from the pathway's default scenario, as the summary computed it.
    expect(demo.pathway?.computed).toBe(true);
    expect(await page.locator('[data-testid=row-demo-city] [data-column=peak]').textContent()).toMatch(/年达峰|情景期内未达峰/);
    await chartsDrawn(page, ['members-chart']);
    await screenshot(page, 'overview-zh');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sorts by a column with the header buttons (mouse and keyboard), in English with full figures', async () => {
    const { page, context, errors } = await openPage(browser, 'en-US');
    // The network's own address (`/` opens the first network the user may read).
    await page.goto(`${workspace.url}/networks/${workspace.networkId}`);
    await page.getByTestId('benchmark-table').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Demo Network (illustrative)');
    const demo = await summaryOf('demo-city');
    expect(await page.locator('[data-testid=row-demo-city] [data-column=basic]').textContent()).toBe(inFull(demo.inventory!.totals.basic));
    const basics = new Map(await Promise.all(MEMBERS.map(async (slug) => [slug, (await summaryOf(slug)).inventory!.totals.basic] as const)));
    const ascending = [...MEMBERS].sort((a, b) => basics.get(a)! - basics.get(b)!);

    const sortBasic = page.locator('button.sort-button[data-column=basic]');
    await sortBasic.click();
    await expect.poll(() => rowOrder(page)).toEqual(ascending);
    expect(await page.locator('th:has(button[data-column=basic])').getAttribute('aria-sort')).toBe('ascending');
    // The keyboard: the same button, focused, Enter.
    await sortBasic.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rowOrder(page)).toEqual([...ascending].reverse());
    expect(await page.locator('th:has(button[data-column=basic])').getAttribute('aria-sort')).toBe('descending');
    // By name: another column reorders the rows again.
    await page.locator('button.sort-button[data-column=name]').click();
    expect(await page.locator('[data-testid=benchmark-table] tbody tr th a').first().textContent()).toBe('Demo City (illustrative)');
    await chartsDrawn(page, ['members-chart']);
    await screenshot(page, 'overview-en');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the demo cluster’s total with the double counting its members report removed, as the API aggregates it', async () => {
    const cluster = workspace.entities.get('demo-cluster')!;
    const documents = (await (await fetch(`${workspace.url}/api/entities/${cluster.id}/documents`)).json()) as { items: { id: string; kind: string }[] };
    const document = documents.items.find((candidate) => candidate.kind === 'cluster')!;
    const answer = (await (await fetch(`${workspace.url}/api/documents/${document.id}/result`)).json()) as {
      result: { result: { totals: { total: number }; reconciliation: { members: { total: number }; removed: { total: number } } } };
    };
    const { totals, reconciliation } = answer.result.result;
    expect(reconciliation.removed.total).toBeGreaterThan(0);
    const { page, context, errors } = await openPage(browser, 'en-US');
    await page.goto(`${workspace.url}/networks/${workspace.networkId}`);
    const section = page.getByTestId('cluster-demo-cluster');
    await section.locator('[data-figure=total]').waitFor();
    expect(await section.locator('[data-figure=members]').textContent()).toBe(inFull(reconciliation.members.total));
    expect(await section.locator('[data-figure=removed]').textContent()).toBe(`−${inFull(reconciliation.removed.total)}`);
    expect(await section.locator('[data-figure=total]').textContent()).toBe(inFull(totals.total));
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the demo cluster’s pathways: its peak and each member’s contribution as the API gives them, a stacked chart, in both languages', async () => {
    const cluster = workspace.entities.get('demo-cluster')!;
    const documents = (await (await fetch(`${workspace.url}/api/entities/${cluster.id}/documents`)).json()) as { items: { id: string; kind: string }[] };
    const document = documents.items.find((candidate) => candidate.kind === 'cluster')!;
    const answer = (await (await fetch(`${workspace.url}/api/documents/${document.id}/result`)).json()) as {
      result: {
        pathways: {
          result: {
            scenario: { name: { en: string; zh: string } };
            peak: { year: number; value: number };
            contributionYear: number;
            contributions: { member: string; atPeak: number; share: number; ownPeak: { year: number | null } }[];
            members: { id: string; scenario: string; scenarioName: { en: string; zh: string } }[];
          };
        };
      };
    };
    const pathways = answer.result.pathways.result;
    // The demo cluster peaks within its years, and its members peak in different years.
    expect(pathways.peak.year).toBe(pathways.contributionYear);
    expect(new Set(pathways.contributions.map((contribution) => contribution.ownPeak.year)).size).toBe(pathways.contributions.length);
    const percent = (share: number, locale: string, sign: string) => `${(share * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}${sign}`;
    for (const [locale, tonnes, sign, peaks, heading] of [
      ['en-US', inFull, ' %', (year: number) => `Peaks in ${year}`, `The cluster’s pathways — ${pathways.scenario.name.en}`],
      ['zh-CN', inWan, '％', (year: number) => `${year} 年达峰`, `城市群达峰路径——${pathways.scenario.name.zh}`],
    ] as const) {
      const { page, context, errors } = await openPage(browser, locale);
      await page.goto(`${workspace.url}/networks/${workspace.networkId}`);
      const section = page.getByTestId('cluster-demo-cluster').getByTestId('cluster-pathways');
      await section.locator('[data-figure=peak-year]').waitFor();
      expect(await section.locator('h4').textContent()).toBe(heading);
      expect(await section.locator('[data-figure=peak-year]').textContent()).toBe(String(pathways.peak.year));
      expect(await section.locator('[data-figure=peak-value]').textContent()).toBe(tonnes(pathways.peak.value));
      expect(await section.locator('caption').textContent()).toContain(String(pathways.contributionYear));
      for (const contribution of pathways.contributions) {
        const row = section.getByTestId(`contribution-${contribution.member}`);
        expect(await row.locator('[data-column=counted]').textContent()).toBe(tonnes(contribution.atPeak));
        expect(await row.locator('[data-column=share]').textContent()).toBe(percent(contribution.share, locale, sign));
        expect(await row.locator('[data-column=own-peak]').textContent()).toBe(peaks(contribution.ownPeak.year!));
        // The member's scenario by its name in the member's pathway, in the page's language.
        expect(await row.locator('[data-column=scenario]').textContent()).toBe(pathways.members.find((member) => member.id === contribution.member)!.scenarioName[locale === 'zh-CN' ? 'zh' : 'en']);
      }
      await chartsDrawn(page, ['cluster-pathways-chart']);
      await page.getByTestId('cluster-demo-cluster').scrollIntoViewIfNeeded();
      await screenshot(page, `cluster-pathways-${locale === 'zh-CN' ? 'zh' : 'en'}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('exports the rows on screen as a UTF-8 CSV with a byte-order mark', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await page.goto(workspace.url);
    await page.getByTestId('benchmark-table').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('demo-network-benchmark.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + MEMBERS.length);
    expect(lines[0]).toContain('清单年份');
    const demo = await summaryOf('demo-city');
    const demoLine = lines.find((line) => line.startsWith('示例市（示例）'))!;
    // Full figures, not 万: a spreadsheet computes with them.
    expect(demoLine.split(',')[3]).toBe(String(demo.inventory!.totals.basic));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the city dashboard', () => {
  it('shows Demo City in Chinese with BASIC in 万吨 equal to the API’s, the Sankey and the sector chart', async () => {
    const demo = workspace.entities.get('demo-city')!;
    const { page, context, errors } = await openPage(browser, 'en-US');
    await page.goto(`${workspace.url}/cities/${demo.id}`);
    // A Chinese city is Chinese by default, even in an English browser.
    await expect.poll(() => page.locator('h1').textContent()).toBe('示例市（示例）');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const summary = await summaryOf('demo-city');
    await expect.poll(() => page.locator('[data-testid=key-basic] .value').textContent()).toBe(inWan(summary.inventory!.totals.basic));
    expect(await page.locator('[data-testid=key-basic] .value').textContent()).toMatch(/^[\d,.]+ 万吨CO2e$/);
    await chartsDrawn(page, ['sector-chart', 'sankey-chart', 'gas-chart', 'scope-chart']);
    expect(await page.getByTestId('trend-single').textContent()).toContain('2022');
    expect(await page.getByTestId('notation-table').locator('tbody tr').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('warnings-heading').textContent()).toMatch(/^提示（\d+ 条）$/);
    await screenshot(page, 'dashboard-zh');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows Demo City’s district file: the city, Demo District and the rest computed on BASIC as the API gives them, and the verdict', async () => {
    const demo = workspace.entities.get('demo-city')!;
    const documents = (await (await fetch(`${workspace.url}/api/entities/${demo.id}/documents`)).json()) as { items: { id: string; kind: string; name: string }[] };
    const document = documents.items.find((candidate) => candidate.kind === 'district')!;
    const answer = (await (await fetch(`${workspace.url}/api/documents/${document.id}/result`)).json()) as {
      result: { reconciliation: { bases: { basis: string; city: number; byPart: Record<string, number>; remainder: number }[] }; assessments: { climatePositive: { operational: { total: number }; net: number } }[] };
    };
    const basic = answer.result.reconciliation.bases.find((line) => line.basis === 'basic')!;
    const cell = (page: Page, row: string) => page.locator(`[data-testid=district-${document.name}] tr[data-row=${row}] td`).textContent();
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await page.goto(`${workspace.url}/cities/${demo.id}`);
    await page.locator(`[data-testid=district-${document.name}] tr[data-row=remainder] td`).waitFor();
    expect(await cell(page, 'city')).toBe(inWan(basic.city));
    expect(await cell(page, 'demo-district')).toBe(inWan(basic.byPart['demo-district']!));
    expect(await cell(page, 'remainder')).toBe(inWan(basic.remainder));
    expect(await page.locator(`[data-testid=district-${document.name}] tr[data-row=remainder] th`).textContent()).toBe('城市其余部分（按城市减各部分计算）');
    const verdict = page.locator('[data-testid=assessment-demo-district] [data-verdict=climate-positive]');
    expect(await verdict.textContent()).toBe(`demo-district 未达到气候正效益：运营排放 ${inWan(answer.result.assessments[0]!.climatePositive.operational.total)}，净排放 ${inWan(answer.result.assessments[0]!.climatePositive.net)}，未低于零。`);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => cell(page, 'remainder')).toBe(inFull(basic.remainder));
    expect(await cell(page, 'demo-district')).toBe(inFull(basic.byPart['demo-district']!));
    expect(await page.getByTestId('parts-differences').textContent()).toBe('The parts and the remainder add up to the city on every basis, within the tolerance.');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to English with full figures, equal to the API’s', async () => {
    const demo = workspace.entities.get('demo-city')!;
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await page.goto(`${workspace.url}/cities/${demo.id}`);
    await page.locator('[data-testid=key-basic] .value').waitFor();
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Demo City (illustrative)');
    const summary = await summaryOf('demo-city');
    expect(await page.locator('[data-testid=key-basic] .value').textContent()).toBe(inFull(summary.inventory!.totals.basic));
    expect(await page.locator('[data-testid=key-basic] .value').textContent()).toMatch(/^\d{1,3}(,\d{3})+ t CO2e$/);
    await chartsDrawn(page, ['sector-chart', 'sankey-chart']);
    await screenshot(page, 'dashboard-en');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the public no edit links, and the Demo City editor edit links on Demo City only', async () => {
    const demo = workspace.entities.get('demo-city')!;
    const other = workspace.entities.get('demo-city-b')!;
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await page.goto(`${workspace.url}/cities/${demo.id}`);
    await page.getByTestId('document-link').first().waitFor();
    expect(await page.locator('[data-testid=document-link][data-mode=edit]').count()).toBe(0);
    // Inventory, pathway, plan and (Demo City's alone) the tracking document.
    expect(await page.locator('[data-testid=document-link][data-mode=view]').count()).toBe(4);

    await signIn(page, workspace, workspace.editor);
    await page.goto(`${workspace.url}/cities/${demo.id}`);
    await page.locator('[data-testid=document-link][data-mode=edit]').first().waitFor();
    expect(await page.locator('[data-testid=document-link][data-mode=edit]').count()).toBe(3);
    await screenshot(page, 'dashboard-editor-zh');
    const documents = await workspace.documents('demo-city');
    expect(await Promise.all((await page.locator('[data-testid=document-link][data-mode=edit]').all()).map((link) => link.getAttribute('href')))).toEqual([
      `/cities/${demo.id}/inventory/${documents.inventory}`,
      `/cities/${demo.id}/pathway/${documents.pathway}`,
      `/cities/${demo.id}/plan/${documents.plan}`,
    ]);
    // The tracking page reads the document and judges it; it is edited as a file or through the API.
    expect(await page.locator('[data-testid=document-link][data-mode=view]').getAttribute('href')).toBe(`/cities/${demo.id}/tracking/${documents.tracking}`);
    await page.goto(`${workspace.url}/cities/${other.id}`);
    await page.getByTestId('document-link').first().waitFor();
    expect(await page.locator('[data-testid=document-link][data-mode=edit]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows "no data yet", never 0, for a place with no inventory, on its dashboard and in the network table', async () => {
    // The admin creates a city with no documents through the API and adds it to the demo network.
    const signedIn = await fetch(`${workspace.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(workspace.admin) });
    const session = { cookie: String(signedIn.headers.get('set-cookie')).split(';')[0]!, 'x-csrf-token': ((await signedIn.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
    const created = await fetch(`${workspace.url}/api/entities`, { method: 'POST', headers: session, body: JSON.stringify({ slug: 'empty-city', kind: 'city', name: 'Empty City (test)', nameZh: '空白市（测试）', country: 'CN' }) });
    expect(created.status).toBe(201);
    const empty = (await created.json()) as { id: string };
    expect((await fetch(`${workspace.url}/api/networks/${workspace.networkId}/members`, { method: 'POST', headers: session, body: JSON.stringify({ entityId: empty.id }) })).status).toBe(204);

    for (const [locale, missing] of [['zh-CN', '暂无数据'], ['en-US', 'No data yet']] as const) {
      const { page, context, errors } = await openPage(browser, locale);
      // The public does not see a place with nothing published (the store's rule): the admin does.
      await signIn(page, workspace, workspace.admin);
      // English by the query (a Chinese city would otherwise be Chinese by default).
      await page.goto(`${workspace.url}/cities/${empty.id}${locale === 'en-US' ? '?lang=en' : ''}`);
      await page.getByTestId('no-inventory').waitFor();
      for (const card of ['key-basic', 'key-basicPlus', 'key-scope1', 'key-perCapita', 'key-energyCo2']) {
        expect(await page.locator(`[data-testid=${card}] .value`).textContent()).toBe(missing);
      }
      expect(await page.locator('main').textContent()).not.toMatch(/(^|[^\d.,])0 (t CO2e|吨CO2e)/);
      expect(await seriousViolations(page)).toEqual([]);
      if (locale === 'zh-CN') await screenshot(page, 'dashboard-empty-zh');
      await page.goto(`${workspace.url}/?lang=${locale === 'zh-CN' ? 'zh' : 'en'}`);
      await page.locator('[data-testid=row-empty-city]').waitFor();
      expect(await page.locator('[data-testid=row-empty-city] [data-column=basic]').textContent()).toBe(missing);
      expect(await page.locator('[data-testid=row-empty-city] [data-column=perGdp]').textContent()).toBe(missing);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
