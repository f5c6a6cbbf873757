import type { Browser } from 'playwright-core';
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

describe('the app frame', () => {
  it('signs in with the first start’s admin password and signs out', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await page.goto(workspace.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await signIn(page, workspace, workspace.admin);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('已登录');
    await screenshot(page, 'shell-signed-in');
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('link', { name: '登录' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a wrong password with the API’s message in the page’s language, and names no account', async () => {
    const { page, context } = await openPage(browser, 'en-US');
    await page.goto(`${workspace.url}/sign-in`);
    await page.locator('input[name=email]').fill(workspace.admin.email);
    await page.locator('input[name=password]').fill('not the password');
    await page.locator('form button[type=submit]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong email or password.');
    await screenshot(page, 'shell-wrong-password');
    await context.close();
  });

  it('switches language and keeps the choice on the next page load', async () => {
    const { page, context, errors } = await openPage(browser, 'zh-CN');
    await page.goto(`${workspace.url}/sign-in`);
    expect(await page.locator('h1').textContent()).toBe('登录 peakpath');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to peakpath');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to peakpath');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves every page path as the app, an unknown API path as the API’s 404, and a missing asset as 404', async () => {
    const page = await fetch(`${workspace.url}/cities/x/pathway/y?s=1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${workspace.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not-found');
    expect((await fetch(`${workspace.url}/assets/missing.js`)).status).toBe(404);
  });

  it('has no serious or critical accessibility violations on the sign-in page (axe-core)', async () => {
    const { page, context } = await openPage(browser, 'zh-CN');
    await page.goto(`${workspace.url}/sign-in`);
    await page.locator('h1').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
