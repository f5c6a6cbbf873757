/**
 * `peakpath export FILE --table gpc|cdp-emissions` end to end, as a user runs it: the demo city's GPC
 * reporting table and CDP-ICLEI emissions table equal their reference files (test/fixtures/exports) cell by
 * cell; an inventory that does not compute is refused with nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spreadsheetFromBytes } from '@peakpath/node';
import { afterAll, describe, expect, it } from 'vitest';
import { peakpath, ROOT } from './support/cli.ts';
import { differences } from './support/table-compare.ts';

const dir = mkdtempSync(join(tmpdir(), 'peakpath-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const demo = join(ROOT, 'examples', 'demo-city', 'inventory.yaml');
const path = (name: string) => join(dir, name);
const rows = async (file: string) => (await spreadsheetFromBytes(file, readFileSync(file), { maxRows: 20_000 })).rows.map((row) => [...row]);
const reference = (name: string) => rows(join(ROOT, 'test', 'fixtures', 'exports', name));

describe('peakpath export --table gpc | cdp-emissions', () => {
  it('writes the GPC reporting table as CSV, equal to its reference cell by cell', async () => {
    const run = peakpath(['export', demo, '--table', 'gpc', '--to', path('gpc.csv')]);
    expect(run.stderr).toBe(`wrote ${path('gpc.csv')}: the GPC reporting table / 已写出 ${path('gpc.csv')}：GPC 报告表\n`);
    expect(run.status).toBe(0);
    expect(differences(await rows(path('gpc.csv')), await reference('demo-gpc.en.csv'))).toEqual([]);
  });

  it('writes the CDP-ICLEI emissions table as XLSX in Chinese with the boundary given, equal to its reference', async () => {
    const run = peakpath(['export', demo, '--table', 'cdp-emissions', '--to', path('cdp.xlsx'), '--lang', 'zh', '--boundary', '示例市行政区域（示意）']);
    expect(run.stderr).toBe(`已写出 ${path('cdp.xlsx')}：CDP-ICLEI 排放表 / wrote ${path('cdp.xlsx')}: the CDP-ICLEI emissions table\n`);
    expect(run.status).toBe(0);
    const written = (await rows(path('cdp.xlsx'))).map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : cell)));
    expect(differences(written, await reference('demo-cdp-emissions.zh.csv'))).toEqual([]);
  });

  it('refuses an inventory that does not compute, and --boundary for another table; writes nothing', () => {
    writeFileSync(path('broken.yaml'), 'city: { name: X, country: CN }\nyear: 2022\nactivities:\n  - { gpc: I.3.1, fuel: coke, amount: 3, unit: kWhh }\n');
    const broken = peakpath(['export', path('broken.yaml'), '--table', 'gpc', '--to', path('broken.csv')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`the GPC reporting table holds computed results, and the inventory has 1 problem (peakpath inventory ${path('broken.yaml')} lists them); nothing written`);
    expect(existsSync(path('broken.csv'))).toBe(false);
    const boundary = peakpath(['export', demo, '--table', 'gpc', '--boundary', 'city', '--to', path('never.csv')]);
    expect(boundary.status).toBe(2);
    expect(boundary.stderr).toContain('--boundary applies to --table cdp-emissions');
    expect(existsSync(path('never.csv'))).toBe(false);
  });
});
