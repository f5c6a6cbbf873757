/** `peakpath report` end to end: the built CLI spawned as a user runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeTracking, parseTracking } from '@peakpath/core';
import { readDocument } from '@peakpath/node';
import { valueAt } from '@peakpath/report';
import { firstStart } from '@peakpath/server';
import { openStore } from '@peakpath/store';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'peakpath.js');
const run = (args: readonly string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, PEAKPATH_LANG: 'en' } });

describe('peakpath report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'peakpath-report-cli-'));

  it.each(['zh', 'en'] as const)('writes the demo city report in %s as HTML and PDF from the plan file', (lang) => {
    const html = join(dir, `report.${lang}.html`);
    const htmlRun = run(['report', 'examples/demo-city/plan.yaml', '--year', '2022', '--lang', lang, '--format', 'html', '--out', html, '--runs', '200', '--seed', '3']);
    expect(htmlRun.stderr).toMatch(lang === 'zh' ? /已写入/ : /Wrote/);
    expect(htmlRun.status).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain(lang === 'zh' ? '示例市 2022 年度绿色低碳发展报告' : 'Demo City: Annual Green and Low-Carbon Development Report 2022');
    expect(text).toContain('data-source="examples/demo-city/inventory.yaml@sha256:');
    const pdf = join(dir, `report.${lang}.pdf`);
    expect(run(['report', 'examples/demo-city/pathway.yaml', '--year', '2022', '--lang', lang, '--format', 'pdf', '--out', pdf, '--runs', '0']).status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('refuses bad input with exit 2 and a message in the language asked for', () => {
    const noYear = run(['report', 'examples/demo-city/plan.yaml', '--year', '2020', '--lang', 'zh', '--out', join(dir, 'x.html')]);
    expect(noYear.status).toBe(2);
    expect(noYear.stderr).toContain('没有 2020 年或更早的清单（现有清单年份：2022）');
    const badRuns = run(['report', 'examples/demo-city/plan.yaml', '--year', '2022', '--runs', 'many', '--lang', 'en', '--out', join(dir, 'x.html')]);
    expect(badRuns.status).toBe(2);
    expect(badRuns.stderr).toContain('--runs: expected a whole number');
    expect(run(['report', 'examples/demo-city/plan.yaml', '--year', '2022', '--format', 'docx', '--out', join(dir, 'x.docx')]).status).toBe(2);
  });
  it('reports a tracking file: its plan, pathway and inventory followed, statuses judged at --as-of', async () => {
    const html = join(dir, 'tracking.zh.html');
    const result = run(['report', 'examples/demo-city/tracking.yaml', '--year', '2024', '--lang', 'zh', '--format', 'html', '--out', html, '--runs', '100', '--as-of', '2025-06-30']);
    expect(result.stderr).toContain('跟踪状态判定日期 2025-06-30');
    expect(result.status).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('状态判定日期 2025-06-30');
    for (const file of ['tracking', 'plan', 'pathway', 'inventory']) expect(text).toContain(`data-source="examples/demo-city/${file}.yaml@sha256:`);
    // Every tracking percentage in the report is the core's, computed here from the same file at the same date.
    const parsed = parseTracking(await readDocument(join(ROOT, 'examples/demo-city/tracking.yaml')));
    if (!parsed.ok) throw new Error('the demo tracking file does not parse');
    const computed = computeTracking(parsed.tracking, '2025-06-30');
    const percents = [...text.matchAll(/data-figure="tracking\.([^"]+\.(?:progress|expected))"[^>]*>([^<]*)</g)];
    expect(percents.length).toBeGreaterThan(10);
    for (const [, path, shown] of percents) {
      const value = valueAt(computed, path!.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)));
      expect(shown, path).toBe(`${Math.round(value * 100)}%`);
    }
  }, 120_000);

  it('refuses a tracking file with a bad date or a measure the plan does not have', () => {
    const badDate = run(['report', 'examples/demo-city/tracking.yaml', '--year', '2024', '--lang', 'en', '--out', join(dir, 'x.html'), '--runs', '0', '--as-of', '2025-02-30']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('asOf: expected a real date YYYY-MM-DD, got "2025-02-30"');
    const body = readFileSync(join(ROOT, 'examples/demo-city/tracking.yaml'), 'utf8').replace(/measure: pv-roofs/, 'measure: pv-roofz').replace(/^(inventory|pathway|plan): (\S+)/gm, (_, field: string, file: string) => `${field}: ${join(ROOT, 'examples/demo-city', file)}`);
    expect(body).toContain('pv-roofz');
    const file = join(dir, 'tracking-bad.yaml');
    writeFileSync(file, body);
    const badMeasure = run(['report', file, '--year', '2024', '--lang', 'en', '--out', join(dir, 'x.html'), '--runs', '0', '--as-of', '2025-06-30']);
    expect(badMeasure.status).toBe(2);
    expect(badMeasure.stderr).toMatch(/measure.*pv-roofz|pv-roofz.*measure/);
    expect(badMeasure.stderr).toContain('pv-roofs');
  });
  it("reports a city of the workspace from its stored documents (the demo seed), each figure naming its stored version", async () => {
    const data = mkdtempSync(join(tmpdir(), 'peakpath-report-city-'));
    try {
      const store = await openStore({ dataDir: data });
      try {
        if (!(await firstStart(store, { seed: true }))?.seeded) throw new Error('the demo network was not seeded');
      } finally {
        await store.close();
      }
      const html = join(dir, 'city.en.html');
      const result = run(['report', 'demo-city', '--data', data, '--year', '2024', '--lang', 'en', '--format', 'html', '--out', html, '--runs', '0', '--as-of', '2025-06-30']);
      expect(result.stderr).toContain('tracking judged at 2025-06-30');
      expect(result.status).toBe(0);
      const text = readFileSync(html, 'utf8');
      expect(text).toContain('Statuses as of 2025-06-30');
      // Stored documents are cited by id and version number, never by a file's hash.
      const sources = new Set([...text.matchAll(/data-source="([^"]+)"/g)].map((match) => match[1]!));
      expect(sources.size).toBeGreaterThanOrEqual(4);
      for (const source of sources) expect(source).toMatch(/^[0-9a-f-]{36}@v1$/);
      const unknown = run(['report', 'no-such-city', '--data', data, '--year', '2024', '--lang', 'en', '--out', join(dir, 'x.html')]);
      expect(unknown.status).toBe(2);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 120_000);
});
