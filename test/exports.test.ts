/**
 * The standard exports (issue 16, docs/import-export.md) against reference files written by hand from the
 * standards' layouts (test/fixtures/exports/README.md): the demo city's GPC reporting table and CDP-ICLEI
 * emissions table, and a hand-built tracking document's CDP target, indicator and action tables. Each
 * export equals its reference cell by cell (a wrong cell fails, shown below); the XLSX file reads back to
 * the same cells as the CSV; the indicator and action tables read back to what was exported; the GPC
 * totals are the inventory's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, cdpEmissionsTable, gpcReportTable, readActionsTable, readIndicatorsTable, type InventoryResult, type Lang, type TableCell, type Tracking, type TrackingResult } from '@peakpath/core';
import { importActionsFile, importTrackingIndicatorsFile, readExportedSheet, spreadsheetFromBytes, standardTableFile, trackingTableFile, type InventoryExport, type TrackingExport } from '@peakpath/node';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support/cli.ts';
import { differences, trimmed } from './support/table-compare.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'exports');
const demoDocument = parse(readFileSync(join(ROOT, 'examples', 'demo-city', 'inventory.yaml'), 'utf8')) as Record<string, unknown>;
const run = createEngine().inventory(demoDocument);
if (!run.ok) throw new Error('the demo city computes');
const demo: InventoryResult = run.value;
const fixture = JSON.parse(readFileSync(join(FIXTURES, 'tracking.json'), 'utf8')) as { tracking: Tracking; result: TrackingResult };
const CDP_OPTIONS = { population: 5_200_000, boundary: '示例市行政区域（示意）' };

const csvRows = async (name: string, bytes: Uint8Array): Promise<TableCell[][]> => (await spreadsheetFromBytes(name, bytes, { maxRows: 20_000 })).rows.map((row) => [...row]);
const reference = (name: string): Promise<TableCell[][]> => csvRows(name, readFileSync(join(FIXTURES, name)));

async function inventoryExport(kind: InventoryExport, lang: Lang) {
  const csv = await standardTableFile(kind, demo, 'csv', lang, CDP_OPTIONS);
  const xlsx = await standardTableFile(kind, demo, 'xlsx', lang, CDP_OPTIONS);
  return { csv: await csvRows(`${kind}.csv`, csv), xlsx: (await readExportedSheet(`${kind}.xlsx`, xlsx, { en: '', zh: '' })).rows };
}

async function trackingExport(kind: TrackingExport, lang: Lang) {
  const csv = await trackingTableFile(kind, fixture.tracking, 'csv', lang, fixture.result);
  const xlsx = await trackingTableFile(kind, fixture.tracking, 'xlsx', lang, fixture.result);
  return { csvBytes: csv, xlsxBytes: xlsx, csv: await csvRows(`${kind}.csv`, csv), xlsx: (await readExportedSheet(`${kind}.xlsx`, xlsx, { en: '', zh: '' })).rows };
}

/** XLSX cells read back as the CSV writes them (numbers by JavaScript's shortest form, text as escaped). */
const asCsvText = (rows: readonly (readonly TableCell[])[]): TableCell[][] => rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : cell)));
const unescape = (rows: readonly (readonly TableCell[])[]): TableCell[][] => rows.map((row) => row.map((cell) => (typeof cell === 'string' && /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)));

describe('the GPC reporting table (demo city)', () => {
  it('equals the reference written from the GPC layout, cell by cell, in CSV and in XLSX', async () => {
    const { csv, xlsx } = await inventoryExport('gpc', 'en');
    expect(differences(csv, await reference('demo-gpc.en.csv'))).toEqual([]);
    expect(trimmed(asCsvText(xlsx))).toEqual(trimmed(unescape(csv)));
  });

  it('a wrong cell fails: the reference with one figure changed differs at that cell alone', async () => {
    const { csv } = await inventoryExport('gpc', 'en');
    const changed = await reference('demo-gpc.en.csv');
    const row = changed.findIndex((cells) => cells[0] === 'I.1.2');
    changed[row]![11] = String(Number(changed[row]![11]) + 1);
    expect(differences(csv, changed)).toEqual([`row ${row + 1} column 12: exported "${csv[row]![11]}", reference "${changed[row]![11]}"`]);
    const key = await reference('demo-gpc.en.csv');
    key[row + 1]![6] = 'NE';
    expect(differences(csv, key)).toHaveLength(1);
  });

  it('its BASIC and BASIC+ totals are the inventory\'s, and the rows add up to them', () => {
    const table = gpcReportTable(demo, 'en');
    const total = (label: string) => table.rows.find((row) => row[0] === label)!;
    expect(total('BASIC total')[11]).toBe(demo.totals.basic);
    expect(total('BASIC+ total')[11]).toBe(demo.totals.basicPlus);
    expect(total('Total scope 1 (territorial)')[11]).toBe(demo.totals.scope1);
    const rowsOf = (levels: readonly string[]) => table.rows.filter((row) => typeof row[0] === 'string' && /^[IVX]+\.\d/.test(row[0]) && levels.includes(String(row[5])));
    const sum = (rows: readonly (readonly TableCell[])[], column: number) => rows.reduce((acc, row) => acc + (typeof row[column] === 'number' ? row[column] : 0), 0);
    expect(sum(rowsOf(['BASIC']), 11)).toBeCloseTo(demo.totals.basic, 4);
    expect(sum(rowsOf(['BASIC', 'BASIC+']), 11)).toBeCloseTo(demo.totals.basicPlus, 4);
    // BASIC+ by gas is the inventory's gases (which sum the BASIC+ lines).
    expect(total('BASIC+ total')[7]).toBeCloseTo(demo.gases.CO2, 4);
    expect(total('BASIC+ total')[8]).toBeCloseTo(demo.gases.CH4, 8);
    expect(total('BASIC+ total')[9]).toBeCloseTo(demo.gases.N2O, 8);
    // Every notation key of the inventory is on its row, with its explanation.
    for (const entry of demo.notationKeys) {
      const row = table.rows.find((cells) => cells[0] === entry.gpc)!;
      expect(String(row[6])).toContain(entry.key);
      expect(String(row[12])).toContain(entry.explanation);
    }
  });
});

describe('the CDP-ICLEI emissions table (demo city)', () => {
  it('equals the reference written from the CDP layout, cell by cell, in CSV and in XLSX', async () => {
    const { csv, xlsx } = await inventoryExport('cdp-emissions', 'zh');
    expect(differences(csv, await reference('demo-cdp-emissions.zh.csv'))).toEqual([]);
    expect(trimmed(asCsvText(xlsx))).toEqual(trimmed(unescape(csv)));
  });

  it('writes population and boundary only when given, and its total row is the inventory\'s totals', () => {
    const table = cdpEmissionsTable(demo, 'en');
    expect(table.rows.some((row) => row[0] === 'Population' || row[0] === 'Inventory boundary')).toBe(false);
    expect(table.rows.at(-1)).toEqual(['Total', null, null, demo.totals.scope1, demo.totals.scope2, demo.totals.scope3, demo.totals.basic, demo.totals.basicPlus, null, null]);
  });
});

describe('the tracking tables (hand-built tracking document)', () => {
  it.each([
    ['cdp-targets', 'en', 'tracking-cdp-targets.en.csv'],
    ['tracking-indicators', 'zh', 'tracking-indicators.zh.csv'],
    ['actions', 'en', 'tracking-actions.en.csv'],
  ] as const)('%s (%s) equals its reference cell by cell, in CSV and in XLSX', async (kind, lang, file) => {
    const { csv, xlsx } = await trackingExport(kind, lang);
    expect(differences(csv, await reference(file))).toEqual([]);
    expect(trimmed(asCsvText(xlsx))).toEqual(trimmed(unescape(csv)));
  });

  it('text that could start a formula is written with an apostrophe and read back without it', async () => {
    const { csv } = await trackingExport('actions', 'en');
    expect(csv[2]![12]).toBe("'+ funding moved to 2027");
    const back = await importActionsFile('actions.csv', (await trackingExport('actions', 'en')).csvBytes);
    expect(back.actions[1]!.status!.reason.en).toBe('+ funding moved to 2027');
  });

  it.each(['csv', 'xlsx'] as const)('the indicators table re-imports to the same indicators (%s, both languages)', async (format) => {
    for (const lang of ['en', 'zh'] as const) {
      const bytes = await trackingTableFile('tracking-indicators', fixture.tracking, format, lang, fixture.result);
      const back = await importTrackingIndicatorsFile(`indicators.${format}`, bytes);
      expect(back.problems).toEqual([]);
      expect(back.indicators).toEqual(fixture.tracking.indicators);
    }
  });

  it.each(['csv', 'xlsx'] as const)('the actions table re-imports to the same actions (%s, both languages); the computed columns are not read', async (format) => {
    for (const lang of ['en', 'zh'] as const) {
      const bytes = await trackingTableFile('actions', fixture.tracking, format, lang, fixture.result);
      const back = await importActionsFile(`actions.${format}`, bytes);
      expect(back.problems).toEqual([]);
      expect(back.actions).toEqual(fixture.tracking.actions);
    }
  });

  it('a bad cell is refused with its place, in both languages', async () => {
    const rows = await reference('tracking-actions.en.csv');
    rows[1]![9] = 'building';
    rows[2]![19] = '[{"due":"soon"}]';
    const { actions, problems } = readActionsTable({ sheet: 'actions', rows });
    expect(actions).toHaveLength(0);
    expect(problems.map((problem) => problem.cell)).toEqual(['actions!J2', 'actions!T3']);
    expect(problems[0]!.en).toContain('"building" is not one of planning, design');
    expect(problems[0]!.zh).toContain('不是可选值之一');
    const indicators = await reference('tracking-indicators.zh.csv');
    indicators[7]![9] = '';
    const read = readIndicatorsTable({ sheet: '指标', rows: indicators });
    expect(read.problems.map((problem) => [problem.cell, problem.en])).toEqual([['指标!J8', '指标!J8 (数据来源): an actual value needs its source']]);
  });
});
