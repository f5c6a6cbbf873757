/**
 * `peakpath export FILE --table gpc|cdp-emissions` end to end, as a user runs it: the demo city's GPC
 * reporting table and CDP-ICLEI emissions table equal their reference files (test/fixtures/exports) cell by
 * cell; a tracking file's indicators and actions read back to the file's own; an inventory that does not
 * compute is refused with nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTracking } from '@peakpath/core';
import { importActionsFile, importTrackingIndicatorsFile, readDocument, spreadsheetFromBytes } from '@peakpath/node';
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

  it('writes a tracking file\'s indicators (XLSX) and actions (CSV), which read back to the file\'s own, judged at --as-of or today (stated)', async () => {
    const file = join(ROOT, 'examples', 'demo-city', 'tracking.yaml');
    const parsed = parseTracking(await readDocument(file));
    if (!parsed.ok) throw new Error('the demo tracking file reads');
    const indicators = peakpath(['export', file, '--table', 'tracking-indicators', '--to', path('ind.xlsx'), '--as-of', '2025-12-01']);
    expect(indicators.stderr).toBe(`wrote ${path('ind.xlsx')}: the tracking indicators table; statuses judged at 2025-12-01 / 已写出 ${path('ind.xlsx')}：跟踪指标表；状态判定日期 2025-12-01\n`);
    expect(indicators.status).toBe(0);
    const readIndicators = await importTrackingIndicatorsFile('ind.xlsx', readFileSync(path('ind.xlsx')));
    expect(readIndicators.problems).toEqual([]);
    expect(readIndicators.indicators).toEqual(parsed.tracking.indicators);
    const actions = peakpath(['export', file, '--table', 'actions', '--to', path('actions.csv'), '--lang', 'zh']);
    expect(actions.stderr).toMatch(/状态判定日期 \d{4}-\d{2}-\d{2}（今天；可用 --as-of 指定）/);
    expect(actions.status).toBe(0);
    const readActions = await importActionsFile('actions.csv', readFileSync(path('actions.csv')));
    expect(readActions.problems).toEqual([]);
    expect(readActions.actions).toEqual(parsed.tracking.actions);
    const targets = peakpath(['export', file, '--table', 'cdp-targets', '--to', path('targets.csv'), '--as-of', '2025-12-01']);
    expect(targets.status).toBe(0);
    expect(readFileSync(path('targets.csv'), 'utf8').startsWith('\uFEFFtarget id,target,CDP target type,target kind,sector,boundary,base year,')).toBe(true);
    const badDate = peakpath(['export', file, '--table', 'actions', '--to', path('never2.csv'), '--as-of', '2025-02-30']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--as-of: "2025-02-30" is not a real date written YYYY-MM-DD');
    const notTracking = peakpath(['export', demo, '--table', 'actions', '--to', path('never3.csv')]);
    expect(notTracking.status).toBe(2);
    expect(notTracking.stderr).toContain('the tracking file has');
    expect(existsSync(path('never2.csv')) || existsSync(path('never3.csv'))).toBe(false);
  });
});
