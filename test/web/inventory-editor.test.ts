import * as XLSX from '@e965/xlsx';
import { createEngine, formatIssue, type InventoryJson } from '@peakpath/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTonnes } from '../../packages/web/src/app/format.ts';
import { launchBrowser, openPage, screenshot, seriousViolations, signIn } from './support/browser.ts';
import { startWorkspace, type WebWorkspace } from './support/workspace.ts';

/**
 * The inventory editor in Debian Chromium against a real server and store (issue 15, item 4): live totals
 * from the engine, inline issues in both languages, factors with their sources, versions with diff and
 * restore, a previewed XLSX import, and the refusal another city's editor sees.
 */
let workspace: WebWorkspace;
let browser: Browser;
let demoCity: string;
let inventory: string;
type Line = Record<string, unknown>;
let lines: Line[];
/** The demo's raw-coal line in I.3.1 and its notation line in I.1.3 (IE), by index in `activities`. */
let coal: number;
let notation: number;

beforeAll(async () => {
  [workspace, browser] = await Promise.all([startWorkspace(), launchBrowser()]);
  demoCity = workspace.entities.get('demo-city')!.id;
  inventory = (await workspace.documents('demo-city')).inventory;
  const admin = { kind: 'user' as const, userId: (await workspace.store.userByEmail(workspace.admin.email))!.id, admin: true };
  lines = ((await workspace.store.version(admin, inventory)).body as { activities: Line[] }).activities;
  coal = lines.findIndex((line) => line['gpc'] === 'I.3.1' && line['fuel'] === 'raw_coal');
  notation = lines.findIndex((line) => line['gpc'] === 'I.1.3' && 'notation' in line);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await workspace?.close();
});

const editorUrl = () => `${workspace.url}/cities/${demoCity}/inventory/${inventory}`;
const basicShown = async (page: Page) => Number(await page.getByTestId('total-basic').getAttribute('data-value'));
const currentVersion = async (page: Page) => ((await (await page.request.get(`${workspace.url}/api/documents/${inventory}`)).json()) as { document: { currentVersion: number } }).document.currentVersion;

async function openEditor(page: Page) {
  await signIn(page, workspace, workspace.editor);
  await page.goto(editorUrl());
  await page.getByTestId('total-basic').waitFor();
}

describe('the inventory editor', () => {
  it('recomputes BASIC as an amount changes, saves a version, diffs it and restores the first (the totals return)', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await openEditor(page);
    const before = await basicShown(page);
    const versionBefore = await currentVersion(page);
    await page.locator('[data-subsector="I.3"]').click();
    const amount = page.locator(`#line-${coal}-amount`);
    expect(await amount.inputValue()).toBe(String(lines[coal]!['amount']));
    await amount.fill(String((lines[coal]!['amount'] as number) * 2));
    await expect.poll(() => basicShown(page)).not.toBe(before);
    const edited = await basicShown(page);
    expect(edited).toBeGreaterThan(before);
    await screenshot(page, 'editor-zh');

    await page.locator('#save-comment').fill('原煤用量按 2023 年鉴修订');
    await page.getByRole('button', { name: '保存版本' }).click();
    await expect.poll(() => page.getByTestId('current-version').textContent()).toBe(`第 ${versionBefore + 1} 版`);
    // The page's figure is the server's figure for the saved version, to the last digit.
    const saved = (await (await page.request.get(`${workspace.url}/api/documents/${inventory}/result`)).json()) as { version: number; result: InventoryJson };
    expect(saved.version).toBe(versionBefore + 1);
    expect(saved.result.totals.basic).toBe(edited);

    await page.getByRole('tab', { name: '版本' }).click();
    await expect.poll(() => page.getByTestId('version-list').locator('tbody tr').count()).toBe(versionBefore + 1);
    expect(await page.getByTestId('version-list').textContent()).toContain('原煤用量按 2023 年鉴修订');
    await page.locator('#diff-from').selectOption(String(versionBefore));
    await page.locator('#diff-to').selectOption(String(versionBefore + 1));
    await page.getByRole('button', { name: '显示差异' }).click();
    const diff = page.getByTestId('diff');
    await diff.waitFor();
    expect(await diff.textContent()).toContain(`activities[${coal}].amount`);
    const basicRow = diff.locator('tr[data-total="basic"] td');
    expect(await basicRow.nth(0).textContent()).toBe(formatTonnes(before, 'zh'));
    expect(await basicRow.nth(1).textContent()).toBe(formatTonnes(edited, 'zh'));
    await screenshot(page, 'editor-diff');

    await page.getByRole('button', { name: `恢复 ${versionBefore}` }).click();
    await page.getByRole('button', { name: `确认恢复第 ${versionBefore} 版` }).click();
    await expect.poll(() => page.getByTestId('current-version').textContent()).toBe(`第 ${versionBefore + 2} 版`);
    await page.getByRole('tab', { name: '活动数据' }).click();
    await expect.poll(() => basicShown(page)).toBe(before);
    expect(await currentVersion(page)).toBe(versionBefore + 2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a notation key without its explanation as the engine’s error on the field, in Chinese then English, and clears it when fixed', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await openEditor(page);
    expect(await seriousViolations(page)).toEqual([]);
    const body = { ...(await (await page.request.get(`${workspace.url}/api/documents/${inventory}`)).json() as { version: { body: Record<string, unknown> } }).version.body };
    const broken = { ...body, activities: lines.map((line, index) => (index === notation ? { ...line, explanation: '' } : line)) };
    const run = createEngine().inventory(broken);
    if (run.ok) throw new Error('an empty explanation is an error');
    const issue = run.issues.find((candidate) => candidate.path[1] === notation)!;

    await page.locator('[data-subsector="I.1"]').click();
    const explanation = page.locator(`#line-${notation}-explanation`);
    await explanation.fill('');
    await expect.poll(() => explanation.getAttribute('aria-invalid')).toBe('true');
    const message = page.locator(`#line-${notation}-explanation-error`);
    expect(await explanation.getAttribute('aria-describedby')).toBe(`line-${notation}-explanation-error`);
    expect(await message.textContent()).toBe(formatIssue(issue, 'zh'));
    expect(await page.getByTestId('issue-summary').textContent()).toContain(formatIssue(issue, 'zh'));
    expect(await page.getByTestId('total-basic').count()).toBe(0);
    await screenshot(page, 'editor-issue');
    expect(await seriousViolations(page)).toEqual([]);
    // The server stores a draft with problems (PUT does not validate), so saving one asks first; cancelling writes nothing.
    const version = await currentVersion(page);
    await page.getByRole('button', { name: '保存版本' }).click();
    await page.getByRole('button', { name: '保存有问题的草稿' }).waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    expect(await page.getByRole('button', { name: '保存有问题的草稿' }).count()).toBe(0);
    expect(await currentVersion(page)).toBe(version);

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => message.textContent()).toBe(formatIssue(issue, 'en'));
    expect(await explanation.getAttribute('aria-invalid')).toBe('true');
    // The summary's link takes the keyboard to the field.
    await page.getByTestId('issue-summary').getByRole('link').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`line-${notation}-explanation`);

    await explanation.fill('Grid T&D losses are reported in I.4.3');
    await expect.poll(() => explanation.getAttribute('aria-invalid')).toBe(null);
    expect(await message.count()).toBe(0);
    await page.getByTestId('total-basic').waitFor();
    await screenshot(page, 'editor-en');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows each factor of a fuel line with the source the engine cites, reached by keyboard', async () => {
    const { page, context, errors } = await openPage(browser, 'en-US');
    await openEditor(page);
    const result = ((await (await page.request.get(`${workspace.url}/api/documents/${inventory}/result`)).json()) as { result: InventoryJson }).result;
    const line = result.lines.find((candidate) => candidate.index === coal)!;
    expect(line.factors.length).toBeGreaterThan(0);
    // By keyboard: Enter opens a sub-sector, Enter opens the factors, arrow keys move between the tabs.
    const subsector = page.locator('[data-subsector="I.3"]');
    await subsector.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => subsector.getAttribute('aria-expanded')).toBe('true');
    const details = page.locator(`#line-${coal} details.factors`);
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    const table = await details.locator('table').textContent();
    for (const factor of line.factors) {
      expect(table).toContain(factor.id);
      expect(table).toContain(result.sources[factor.id]!.source);
    }
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { selected: true }).getAttribute('id')).toBe('tab-versions');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-versions');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('previews an edited XLSX (the change, the new total, the version unchanged) and writes it only on approval', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await openEditor(page);
    const version = await currentVersion(page);
    const exported = await page.request.get(`${workspace.url}/api/documents/${inventory}/export?format=xlsx&lang=zh`);
    expect(exported.status()).toBe(200);
    const book = XLSX.read(await exported.body(), { type: 'buffer' });
    const sheet = book.Sheets['活动数据']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    const header = rows[0] as string[];
    const amountColumn = header.indexOf('活动量');
    // Row r of the sheet (after the header) is activities[r - 1].
    const cell = XLSX.utils.encode_cell({ r: coal + 1, c: amountColumn });
    const newAmount = 250;
    sheet[cell] = { t: 'n', v: newAmount };
    const upload = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

    const current = ((await (await page.request.get(`${workspace.url}/api/documents/${inventory}`)).json()) as { version: { body: Record<string, unknown> & { activities: Line[] } } }).version.body;
    const expected = createEngine().inventory({ ...current, activities: current.activities.map((line, index) => (index === coal ? { ...line, amount: newAmount } : line)) });
    if (!expected.ok) throw new Error('the edited inventory computes');

    await page.getByRole('tab', { name: '导入与导出' }).click();
    await page.locator('#import-file').setInputFiles({ name: 'lines.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: upload });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const text = await preview.textContent();
    expect(text).toContain(`activities[${coal}].amount`);
    expect(text).toContain('活动量');
    expect(await preview.locator('tr[data-total="basic"] td').nth(1).textContent()).toBe(formatTonnes(expected.value.totals.basic, 'zh'));
    expect(await currentVersion(page)).toBe(version);
    await screenshot(page, 'editor-import-preview');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '确认导入：保存为新版本' }).click();
    await expect.poll(() => page.getByTestId('current-version').textContent()).toBe(`第 ${version + 1} 版`);
    expect(await currentVersion(page)).toBe(version + 1);

    // A table with a bad cell: the problem by its cell, in Chinese; nothing written.
    await page.locator('#import-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('gpc,amount\nI.3.1,"1,5"\n') });
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('upload!B2');
    expect(await problems.textContent()).toContain('应为数值');
    expect(await currentVersion(page)).toBe(version + 1);

    await page.getByRole('tab', { name: '活动数据' }).click();
    await expect.poll(() => basicShown(page)).toBe(expected.value.totals.basic);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses Sample City B’s editor on Demo City’s editor: the reason, and no inputs', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await signIn(page, workspace, workspace.otherEditor);
    await page.goto(editorUrl());
    const refusal = page.getByTestId('edit-refused');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('您无权编辑本市数据');
    expect(await refusal.textContent()).toContain(workspace.otherEditor.email);
    await page.locator('[data-subsector="I.3"]').click();
    await page.locator(`#line-${coal}`).waitFor();
    expect(await page.locator('.inventory-page').locator('input, select, textarea').count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存版本' }).count()).toBe(0);
    await page.getByRole('tab', { name: '导入与导出' }).click();
    expect(await page.locator('#import-file').count()).toBe(0);
    await page.getByRole('tab', { name: '活动数据' }).click();
    // The read-only view still computes: the totals are the engine's, as for an editor.
    await page.getByTestId('total-basic').waitFor();
    await screenshot(page, 'editor-other-city-refused');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('shows the public the published version read only, with why, and no inputs', async () => {
    const { page, context, errors } = await openPage(browser, 'en-US');
    await page.goto(editorUrl());
    await page.getByTestId('total-basic').waitFor();
    expect(await page.locator('.notice-warn').first().textContent()).toBe('您正在查看已发布的版本。如需修改，请以本市编辑身份登录。');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('.notice-warn').first().textContent()).toBe('You are viewing the published version. Sign in as an editor of this city to change it.');
    await page.locator('[data-subsector="I.1"]').click();
    await page.locator(`#line-${notation}`).waitFor();
    expect(await page.locator('.inventory-page').locator('input, select, textarea').count()).toBe(0);
    expect(await page.getByTestId('current-version').textContent()).toBe('Version 1');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('never overwrites a version someone saved first: it says which, keeps the edits, and saves them only when asked', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await openEditor(page);
    const version = await currentVersion(page);
    await page.locator('[data-subsector="I.3"]').click();
    await page.locator(`#line-${coal}-amount`).fill('123');
    // Meanwhile a colleague saves through the store, as another session would.
    const colleague = { kind: 'user' as const, userId: (await workspace.store.userByEmail(workspace.editor.email))!.id, admin: false };
    const now = await workspace.store.version(colleague, inventory);
    await workspace.store.saveVersion(colleague, inventory, { expectedVersion: version, body: now.body, comment: 'colleague: checked the sources' });
    await page.getByRole('button', { name: '保存版本' }).click();
    const conflict = page.getByTestId('save-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(`第 ${version + 1} 版`);
    expect(await conflict.textContent()).toContain('colleague: checked the sources');
    expect(await page.locator(`#line-${coal}-amount`).inputValue()).toBe('123');
    expect(await currentVersion(page)).toBe(version + 1);
    await screenshot(page, 'editor-conflict');
    await page.getByRole('button', { name: `保留我的修改，在第 ${version + 1} 版之上保存` }).click();
    await expect.poll(() => page.getByTestId('current-version').textContent()).toBe(`第 ${version + 2} 版`);
    const saved = await workspace.store.version(colleague, inventory);
    expect((saved.body as { activities: Line[] }).activities[coal]!['amount']).toBe(123);
    expect(errors).toEqual([]);
    await context.close();
  });
});
