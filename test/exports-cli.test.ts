/**
 * `peakpath export … --table gpc|cdp-emissions|cdp-targets|tracking-indicators|actions` as a user runs it: the
 * files equal the reference files of test/fixtures/exports (the tables themselves are checked cell by cell in
 * exports.test.ts; here, that the command writes them), the date a tracking table is judged at is stated, and bad
 * input is refused with exit 2 in both languages.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { peakpath, ROOT } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'peakpath-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inventory = join(ROOT, 'examples', 'demo-city', 'inventory.yaml');
const tracking = join(ROOT, 'examples', 'demo-city', 'tracking.yaml');
const out = (name: string) => join(dir, name);
/** A CSV's rows as text, without the byte-order mark. */
const csvRows = (file: string): string[] => readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\r\n');

describe('peakpath export --table (standard exports)', () => {
  it('writes the GPC table of the demo inventory: the same rows as the reference file', () => {
    const run = peakpath(['export', inventory, '--table', 'gpc', '--to', out('gpc.csv')]);
    expect(run.stderr).toBe(`wrote ${out('gpc.csv')}: the gpc table of ${inventory} / 已写出 ${out('gpc.csv')}：${inventory} 的 gpc 表\n`);
    expect(run.status).toBe(0);
    const reference = csvRows(join(ROOT, 'test', 'fixtures', 'exports', 'demo-gpc.en.csv'));
    const written = csvRows(out('gpc.csv'));
    // Line for line: JavaScript writes each double as the reference's script wrote it (shortest round trip).
    expect(written).toEqual(reference);
  });

  it('writes the CDP emissions table in Chinese as XLSX, with the inventory\'s population and the boundary given', () => {
    const run = peakpath(['export', inventory, '--table', 'cdp-emissions', '--to', out('cdp.xlsx'), '--lang', 'zh', '--boundary', '示例市行政区域']);
    expect(run.status).toBe(0);
    const book = XLSX.read(readFileSync(out('cdp.xlsx')), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['CDP排放']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['CDP排放']!, { header: 1 });
    expect(rows[0]![0]).toBe('CDP 部门');
    expect(rows.find((row) => row[0] === '人口')![1]).toBe(5_200_000);
    expect(rows.find((row) => row[0] === '边界')![1]).toBe('示例市行政区域');
    const basic = (JSON.parse(peakpath(['inventory', inventory, '--json']).stdout) as { totals: { basic: number } }).totals.basic;
    expect(rows.find((row) => row[0] === 'BASIC 合计（吨CO2当量）')![1]).toBe(basic);
  });

  it('writes the tracking tables judged at --as-of, equal to the reference files', () => {
    for (const [table, reference] of [['cdp-targets', 'demo-cdp-targets.en.csv'], ['tracking-indicators', 'demo-tracking-indicators.en.csv'], ['actions', 'demo-actions.en.csv']] as const) {
      const run = peakpath(['export', tracking, '--table', table, '--to', out(`${table}.csv`), '--as-of', '2025-06-30']);
      expect(run.stderr).toBe(`wrote ${out(`${table}.csv`)}: the ${table} table of ${tracking} / 已写出 ${out(`${table}.csv`)}：${tracking} 的 ${table} 表\njudged at 2025-06-30 / 判定日期 2025-06-30\n`);
      expect(run.status).toBe(0);
      expect(csvRows(out(`${table}.csv`))).toEqual(csvRows(join(ROOT, 'test', 'fixtures', 'exports', reference)));
    }
  });

  it('states today when no --as-of is given', () => {
    const run = peakpath(['export', tracking, '--table', 'actions', '--to', out('today.csv')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/judged at \d{4}-\d{2}-\d{2} \(today; --as-of names another date\)/);
  });

  it('refuses bad input with exit 2, in both languages', () => {
    const badDate = peakpath(['export', tracking, '--table', 'actions', '--to', out('x.csv'), '--as-of', '2025-02-30']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--as-of: expected a real date YYYY-MM-DD, got "2025-02-30" / --as-of：应为有效日期 YYYY-MM-DD，实为 "2025-02-30"');

    const wrongFile = peakpath(['export', inventory, '--table', 'cdp-targets', '--to', out('x.csv')]);
    expect(wrongFile.status).toBe(2);
    expect(wrongFile.stderr).toContain(`${inventory}: an inventory file; --table cdp-targets takes a tracking file (docs/tracking.md) / ${inventory}：这是清单文件`);

    const trackingAsInventory = peakpath(['export', tracking, '--table', 'gpc', '--to', out('x.csv')]);
    expect(trackingAsInventory.status).toBe(2);
    expect(trackingAsInventory.stderr).toContain('not an inventory file');

    const boundaryOnGpc = peakpath(['export', inventory, '--table', 'gpc', '--to', out('x.csv'), '--boundary', 'city']);
    expect(boundaryOnGpc.status).toBe(2);
    expect(boundaryOnGpc.stderr).toContain('--boundary: applies to --table cdp-emissions, not to --table gpc / --boundary：仅适用于');

    const asOfOnInventory = peakpath(['export', inventory, '--table', 'gpc', '--to', out('x.csv'), '--as-of', '2025-06-30']);
    expect(asOfOnInventory.status).toBe(2);
    expect(asOfOnInventory.stderr).toContain('--as-of: applies to the tables of a tracking file');

    writeFileSync(out('broken.yaml'), readFileSync(tracking, 'utf8').replace('direction: decrease', 'direction: down'));
    const broken = peakpath(['export', out('broken.yaml'), '--table', 'tracking-indicators', '--to', out('x.csv'), '--as-of', '2025-06-30', '--lang', 'zh']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('indicators.co2-per-gdp.direction');

    const badInventory = join(dir, 'bad-inventory.yaml');
    writeFileSync(badInventory, readFileSync(inventory, 'utf8').replace('unit: 亿千瓦时, quality: high, source: "Grid', 'unit: 亿千瓦时时, quality: high, source: "Grid'));
    const notComputed = peakpath(['export', badInventory, '--table', 'gpc', '--to', out('x.csv')]);
    expect(notComputed.status).toBe(2);
    expect(notComputed.stderr).toContain('the inventory does not compute; nothing written / ');
  });
});
