/**
 * The network overview's city-cluster block in Debian Chromium on a real workspace (the demo network): the pathways'
 * problems listed beside the aggregation when a member's pathway does not exist, every cluster scenario compared and
 * one picked shown in detail, the unit notes that match the figures, and the cluster's Monte Carlo run as a job by a
 * signed-in reader (progress, cancel, the result equal to the job's) while the public sees no run button — in English
 * and Chinese, with axe-core on each.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLUSTER } from '@peakpath/server';
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

type Lang = 'en' | 'zh';
const LOCALES = [['en-US', 'en'], ['zh-CN', 'zh']] as const;
type Bilingual = { en: string; zh: string };
type Peak = { year: number | null; value: number | null };

/**
 * The figures as a reader expects them, written out here rather than taken from the app's format.ts: Chinese in 万吨
 * (one decimal) from 10⁴ and 亿吨 (two) from 10⁸, English in full tonnes; shares with one decimal.
 */
const tonnes = (value: number, lang: Lang): string => {
  if (lang === 'en') return `${Math.round(value).toLocaleString('en-US')} t CO2e`;
  const fixed = (scaled: number, digits: number) => scaled.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return Math.abs(value) >= 1e8 ? `${fixed(value / 1e8, 2)} 亿吨CO2e` : `${fixed(value / 1e4, 1)} 万吨CO2e`;
};
const percent = (share: number, lang: Lang): string =>
  `${(share * 100).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}${lang === 'zh' ? '％' : ' %'}`;

const json = async <T,>(response: Response): Promise<T> => {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

/** The admin's session for API calls: the cookie and the CSRF token. */
async function adminSession(): Promise<Record<string, string>> {
  const signedIn = await fetch(`${workspace.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(workspace.admin) });
  return { cookie: String(signedIn.headers.get('set-cookie')).split(';')[0]!, 'x-csrf-token': ((await signedIn.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
}

async function clusterDocumentId(entityId: string): Promise<string> {
  const documents = await json<{ items: { id: string; kind: string }[] }>(await fetch(`${workspace.url}/api/entities/${entityId}/documents`));
  return documents.items.find((candidate) => candidate.kind === 'cluster')!.id;
}

interface PathwaysResult {
  scenario: { id: string; name: Bilingual };
  years: number[];
  peak: Peak;
}
interface ScenarioFigures {
  id: string;
  name: Bilingual;
  total: number[];
  peak: Peak;
  officialPeak: Peak | null;
}
interface ClusterAnswer {
  result: {
    result: { totals: { total: number }; reconciliation: { members: { total: number }; removed: { total: number } } };
    pathways: { result: PathwaysResult; comparison: ScenarioFigures[] } | { error: { code: string; message: Bilingual; issues: { path: (string | number)[]; code: string; message: Bilingual }[] } };
  };
}

const clusterAnswer = async (documentId: string, scenario?: string): Promise<ClusterAnswer> =>
  json<ClusterAnswer>(await fetch(`${workspace.url}/api/documents/${documentId}/result${scenario ? `?scenario=${scenario}` : ''}`));

/** The units each figure of the block's list ends with, each once in order: what its note must name. */
async function figureUnits(page: Page, section: string, lang: Lang): Promise<string> {
  const texts = await page.getByTestId(section).locator('.cluster-figures').first().locator('dd').allTextContents();
  const units = [...new Set(texts.map((text) => text.slice(text.indexOf(' ') + 1)))];
  return units.join(lang === 'zh' ? '、' : ', ');
}

describe('the cluster block', () => {
  it('lists the pathways’ problems, each path and message in the page’s language, beside the aggregation, when a member names a pathway that does not exist', async () => {
    // The admin adds a second cluster of the three cities to the demo network, its City B naming a pathway "nope".
    const session = await adminSession();
    const created = await fetch(`${workspace.url}/api/entities`, { method: 'POST', headers: session, body: JSON.stringify({ slug: 'broken-cluster', kind: 'cluster', name: 'Broken Cluster (test)', nameZh: '问题城市群（测试）', country: 'CN' }) });
    expect(created.status).toBe(201);
    const cluster = (await created.json()) as { id: string };
    const cities = ['demo-city', 'demo-city-b', 'demo-city-c'].map((slug) => workspace.entities.get(slug)!.id);
    expect((await fetch(`${workspace.url}/api/entities/${cluster.id}/members`, { method: 'PUT', headers: session, body: JSON.stringify({ memberIds: cities }) })).status).toBe(204);
    expect((await fetch(`${workspace.url}/api/networks/${workspace.networkId}/members`, { method: 'POST', headers: session, body: JSON.stringify({ entityId: cluster.id }) })).status).toBe(204);
    const body = structuredClone(DEMO_CLUSTER) as unknown as { members: Record<string, { pathway: string }> };
    body.members['b']!.pathway = 'nope';
    const document = await json<{ document: { id: string }; version: { version: number } }>(
      await fetch(`${workspace.url}/api/entities/${cluster.id}/documents`, { method: 'POST', headers: session, body: JSON.stringify({ kind: 'cluster', name: 'members', body, comment: 'test: a member pathway that does not exist' }) }),
    );
    expect((await fetch(`${workspace.url}/api/documents/${document.document.id}/publish`, { method: 'POST', headers: session, body: JSON.stringify({ version: document.version.version }) })).status).toBe(204);

    const answer = await clusterAnswer(document.document.id);
    const pathways = answer.result.pathways;
    if (!('error' in pathways)) throw new Error('the broken cluster’s pathways ran');
    expect(pathways.error.issues.map((issue) => issue.path.join('.'))).toContain('members.b.pathway');

    for (const [locale, lang] of LOCALES) {
      const { page, context, errors } = await openPage(browser, locale);
      await page.goto(`${workspace.url}/networks/${workspace.networkId}`);
      const section = page.getByTestId('cluster-broken-cluster');
      await section.getByTestId('cluster-pathway-problems').waitFor();
      // The aggregation stands, as the API computed it.
      expect(await section.locator('[data-figure=total]').textContent()).toBe(tonnes(answer.result.result.totals.total, lang));
      expect(await section.locator('[data-figure=members]').textContent()).toBe(tonnes(answer.result.result.reconciliation.members.total, lang));
      // The problems as a list, not an error notice for the block; no pathways shown.
      expect(await section.locator('[role=alert]').count()).toBe(0);
      expect(await section.getByTestId('cluster-pathways').count()).toBe(0);
      expect(await section.getByTestId('cluster-pathway-problems').locator('h4').textContent()).toBe(lang === 'zh' ? '城市群达峰路径无法计算' : 'The cluster’s pathways cannot be computed');
      expect(await section.getByTestId('cluster-pathway-problems').textContent()).toContain(pathways.error.message[lang]);
      const items = section.getByTestId('cluster-pathway-problem');
      expect(await items.count()).toBe(pathways.error.issues.length);
      for (const [index, issue] of pathways.error.issues.entries()) {
        expect(await items.nth(index).locator('[data-part=path]').textContent()).toBe(issue.path.join('.'));
        // The message without the place it starts with, which the list shows beside it.
        const path = issue.path.join('.');
        const shown = (await items.nth(index).locator('[data-part=message]').textContent())!;
        expect([`${path}: ${shown}`, `${path}：${shown}`, shown]).toContain(issue.message[lang]);
        expect(shown.startsWith(path)).toBe(false);
      }
      if (lang === 'zh') expect(await items.first().locator('[data-part=message]').textContent()).toMatch(/[\u4e00-\u9fff]/u);
      // The demo cluster beside it still shows its pathways.
      await page.getByTestId('cluster-demo-cluster').getByTestId('cluster-pathways').waitFor();
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, `cluster-problems-${lang}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('compares every cluster scenario as the API does and shows the one picked in detail (fetched with ?scenario=)', async () => {
    const documentId = await clusterDocumentId(workspace.entities.get('demo-cluster')!.id);
    const answer = await clusterAnswer(documentId);
    if (!('result' in answer.result.pathways)) throw new Error('the demo cluster’s pathways did not run');
    const { comparison, result } = answer.result.pathways;
    expect(result.scenario.id).toBe('demo-city-leads');
    expect(comparison.map((scenario) => scenario.id).sort()).toEqual(['bau', 'demo-city-leads', 'policy']);
    const policy = await clusterAnswer(documentId, 'policy');
    if (!('result' in policy.result.pathways)) throw new Error('the policy scenario did not run');
    const { years } = result;
    const last = years[years.length - 1]!;

    for (const [locale, lang] of LOCALES) {
      const { page, context, errors } = await openPage(browser, locale);
      await page.goto(`${workspace.url}/networks/${workspace.networkId}`);
      const section = page.getByTestId('cluster-demo-cluster');
      const table = section.getByTestId('cluster-scenarios');
      await table.locator('tbody tr').first().waitFor();
      expect(await table.locator('tbody tr').count()).toBe(comparison.length);
      for (const scenario of comparison) {
        const row = table.getByTestId(`scenario-${scenario.id}`);
        expect(await row.locator('th').textContent()).toBe(scenario.name[lang]);
        expect(await row.locator('[data-column=peak-year]').textContent()).toBe(String(scenario.peak.year));
        expect(await row.locator('[data-column=peak-value]').textContent()).toBe(tonnes(scenario.peak.value!, lang));
        expect(await row.locator('[data-column=in-2030]').textContent()).toBe(tonnes(scenario.total[years.indexOf(2030)]!, lang));
        expect(await row.locator(`[data-column=in-${last}]`).textContent()).toBe(tonnes(scenario.total[years.indexOf(last)]!, lang));
        expect(await row.getAttribute('aria-current')).toBe(scenario.id === result.scenario.id ? 'true' : null);
      }
      // The default in detail; pick the policy scenario.
      const detail = section.getByTestId('cluster-pathways');
      expect(await detail.locator('h4').textContent()).toContain(result.scenario.name[lang]);
      await table.getByTestId('show-scenario-policy').click();
      await expect.poll(() => detail.locator('h4').textContent()).toContain(policy.result.pathways.result.scenario.name[lang]);
      expect(await detail.locator('[data-figure=peak-year]').textContent()).toBe(String(policy.result.pathways.result.peak.year));
      expect(await detail.locator('[data-figure=peak-value]').textContent()).toBe(tonnes(policy.result.pathways.result.peak.value!, lang));
      expect(await table.getByTestId('scenario-policy').getAttribute('aria-current')).toBe('true');
      await page.locator('[data-testid=cluster-pathways-chart] canvas').first().waitFor();
      await table.scrollIntoViewIfNeeded();
      await screenshot(page, `cluster-scenarios-${lang}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('states the unit its figures are printed in (亿吨 and 万吨 in Chinese, not 吨CO2e), under the figures and under the chart', async () => {
    for (const [locale, lang] of LOCALES) {
      const { page, context, errors } = await openPage(browser, locale);
      await page.goto(`${workspace.url}/networks/${workspace.networkId}`);
      const section = page.getByTestId('cluster-demo-cluster');
      await section.locator('[data-figure=total]').waitFor();
      const units = await figureUnits(page, 'cluster-demo-cluster', lang);
      expect(await section.getByTestId('cluster-unit-note').textContent()).toBe(lang === 'zh' ? `三范围合计，单位：${units}。` : `Scopes 1+2+3, in ${units}.`);
      if (lang === 'zh') {
        // The members' sum and the total in 亿吨, the removed flows in 万吨.
        expect(units).toBe('亿吨CO2e、万吨CO2e');
        expect(await page.locator('.network-overview > p.hint').last().textContent()).not.toContain('吨CO2e');
      }
      // The chart's axis is in one unit, that of the peak as printed (亿吨 for the demo cluster), and its note says so.
      const peak = (await section.locator('[data-figure=peak-value]').textContent())!;
      const chartUnit = peak.slice(peak.indexOf(' ') + 1);
      expect(await section.getByTestId('cluster-chart-note').textContent()).toBe(
        lang === 'zh' ? `BASIC 口径，单位：${chartUnit}，已扣除成员之间的流量。示例数据，仅供演示。` : `BASIC, in ${chartUnit}, flows between members removed. Illustrative demo data.`,
      );
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('shows the public no Monte Carlo run button, only a note to sign in', async () => {
    for (const [locale, lang] of LOCALES) {
      const { page, context, errors } = await openPage(browser, locale);
      await page.goto(`${workspace.url}/networks/${workspace.networkId}`);
      const mc = page.getByTestId('cluster-demo-cluster').getByTestId('cluster-mc');
      await mc.getByTestId('cluster-mc-sign-in').waitFor();
      expect(await mc.getByTestId('cluster-mc-run').count()).toBe(0);
      expect(await mc.getByTestId('cluster-mc-sign-in').textContent()).toBe(lang === 'zh' ? '登录后可运行城市群蒙特卡洛模拟。' : 'Sign in to run the cluster’s Monte Carlo analysis.');
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('lets a signed-in reader run the cluster’s Monte Carlo, follow it, cancel it, and read its result, equal to the job’s', async () => {
    const documentId = await clusterDocumentId(workspace.entities.get('demo-cluster')!.id);
    const { page, context, errors } = await openPage(browser, 'en-US');
    // The editor of City B has no role on the cluster: a signed-in reader of its published version.
    await signIn(page, workspace, workspace.otherEditor);
    await page.goto(`${workspace.url}/networks/${workspace.networkId}`);
    const mc = page.getByTestId('cluster-demo-cluster').getByTestId('cluster-mc');
    await mc.getByTestId('cluster-mc-run').waitFor();
    await mc.getByTestId('cluster-mc-runs').fill('300');
    await mc.getByTestId('cluster-mc-seed').fill('7');

    // Held before its work: started, followed, then cancelled.
    workspace.jobs.hold();
    await mc.getByTestId('cluster-mc-run').click();
    await expect.poll(() => mc.getByTestId('cluster-mc-state').getAttribute('data-status')).toMatch(/^(queued|running)$/);
    await mc.getByTestId('cluster-mc-progress').waitFor();
    expect(await mc.getByTestId('cluster-mc-run').isDisabled()).toBe(true);
    await mc.getByTestId('cluster-mc-cancel').click();
    await expect.poll(() => mc.getByTestId('cluster-mc-state').getAttribute('data-status')).toBe('cancelled');
    expect(await mc.getByTestId('cluster-mc-state').textContent()).toContain('Monte Carlo: cancelled');
    workspace.jobs.release();

    // Run to the end.
    await mc.getByTestId('cluster-mc-run').click();
    await expect.poll(() => mc.getByTestId('cluster-mc-state').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    await mc.getByTestId('cluster-mc-probability').waitFor();
    const jobs = (await (await page.request.get(`${workspace.url}/api/documents/${documentId}/jobs?kind=monte-carlo&limit=10`)).json()) as { items: { id: string; status: string }[] };
    expect(jobs.items.map((job) => job.status)).toEqual(['done', 'cancelled']);
    const job = (await (await page.request.get(`${workspace.url}/api/jobs/${jobs.items[0]!.id}`)).json()) as {
      result: { scenario: string; runs: number; seed: number; mc: { peakedBy: Record<string, number>; peakYear: Record<string, number>; members: { id: string; peakedBy: Record<string, number> }[]; percentiles: { p5: number[]; p50: number[]; p95: number[] } } };
    };
    expect(job.result).toMatchObject({ scenario: 'demo-city-leads', runs: 300, seed: 7 });
    const { mc: summary } = job.result;
    const answer = await clusterAnswer(documentId);
    if (!('result' in answer.result.pathways)) throw new Error('the demo cluster’s pathways did not run');
    const years = answer.result.pathways.result.years;
    const check = async (lang: Lang) => {
      expect(await mc.getByTestId('cluster-mc-probability').textContent()).toBe(percent(summary.peakedBy['2030']!, lang));
      const peakYears = Object.entries(summary.peakYear);
      expect(await mc.locator('[data-testid=cluster-mc-peak-years] tbody tr').count()).toBe(peakYears.length);
      for (const [year, share] of peakYears) expect(await mc.locator(`[data-testid=cluster-mc-peak-years] tr[data-year="${year}"] td`).textContent()).toBe(percent(share, lang));
      for (const member of summary.members) expect(await mc.locator(`[data-testid=cluster-mc-members] tr[data-member="${member.id}"] td`).textContent()).toBe(percent(member.peakedBy['2030']!, lang));
      const band = mc.locator('[data-testid=cluster-mc-band] tr[data-year="2030"] td');
      expect(await band.allTextContents()).toEqual([summary.percentiles.p5, summary.percentiles.p50, summary.percentiles.p95].map((values) => tonnes(values[years.indexOf(2030)]!, lang)));
    };
    await check('en');
    await mc.locator('[data-testid=cluster-mc-chart] canvas').first().waitFor();
    expect(await mc.getByTestId('cluster-mc-summary').textContent()).toBe('300 runs, seed 7, scenario Demo City leads.');
    await mc.scrollIntoViewIfNeeded();
    await screenshot(page, 'cluster-mc-en');
    expect(await seriousViolations(page)).toEqual([]);

    // In Chinese, the same result (the latest finished job opens on a new visit).
    await page.goto(`${workspace.url}/networks/${workspace.networkId}?lang=zh`);
    await mc.getByTestId('cluster-mc-probability').waitFor();
    await check('zh');
    // The fields hold the settings of the job shown, to run it again.
    expect(await mc.getByTestId('cluster-mc-runs').inputValue()).toBe('300');
    expect(await mc.getByTestId('cluster-mc-seed').inputValue()).toBe('7');
    await mc.locator('[data-testid=cluster-mc-chart] canvas').first().waitFor();
    expect(await mc.getByTestId('cluster-mc-summary').textContent()).toBe('300 次运行，随机种子 7，情景：示例市先行。');
    await mc.scrollIntoViewIfNeeded();
    await screenshot(page, 'cluster-mc-zh');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
