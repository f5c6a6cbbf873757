/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser): pages in a fresh context,
 * every page error and console error collected (a test fails on them), screenshots saved as test
 * artifacts under .test-results/web/, and the axe-core accessibility scan.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Person, WebWorkspace } from './workspace.ts';

export const CHROMIUM = process.env['PEAKPATH_CHROMIUM'] ?? '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../../../.test-results/web/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk; .ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export interface TestPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Page errors and console errors so far (a test asserts there are none). */
  readonly errors: string[];
}

/** A fresh context (no cookies, no stored language) in a browser language (`zh-CN` or `en-US`). */
export async function openPage(browser: Browser, locale: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<TestPage> {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A refused request shows as a console error by the browser itself: the tests that expect one say so.
    if (message.type() === 'error' && !/the server responded with a status of (401|403|404|409|412|422)/.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  return { page, context, errors };
}

export async function signIn(page: Page, workspace: WebWorkspace, who: Person): Promise<void> {
  await page.goto(`${workspace.url}/sign-in`);
  await page.locator('input[name=email]').fill(who.email);
  await page.locator('input[name=password]').fill(who.password);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** Saves a full-page screenshot as a test artifact and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/** axe-core's WCAG 2.1 A/AA scan of the page as it is; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Through the DevTools protocol: the app's Content-Security-Policy refuses inline scripts, rightly.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // Typed without the DOM's types: the benchmarks import this file under the root (Node-only) type check.
    const page = globalThis as unknown as { document: unknown; axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } };
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
