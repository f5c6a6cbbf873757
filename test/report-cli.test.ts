/** `peakpath report` end to end: the built CLI spawned as a user runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
});
