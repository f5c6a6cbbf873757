/**
 * The standard exports of issue 16 against reference files written from the standards' layouts
 * (test/fixtures/exports/README.md says how each was made): the GPC reporting table and the CDP-ICLEI emissions
 * table of the demo inventory, the CDP-ICLEI target table, the indicators table and the actions table of the demo
 * tracking file at 2025-06-30. Every cell is compared (a wrong cell fails: the last test shows one does); the
 * XLSX file reads back equal to the CSV; the indicators and actions tables re-import to equal indicators and actions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  computeTracking,
  createEngine,
  parseTracking,
  type InventoryResult,
  type Lang,
  type TableCell,
  type TableSheet,
  type Tracking,
  type TrackingResult,
} from '@peakpath/core';
import { importActionsFile, importTrackingIndicatorsFile, readDocument, spreadsheetFromBytes, standardTable, standardTableFile, trackingTable, trackingTableFile, unescapeCellText, type StandardTableKind, type TrackingTableKind } from '@peakpath/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'exports');
const CDP_OPTIONS = { population: 5_200_000, boundary: 'administrative boundary of Demo City (illustrative)' };
const AS_OF = '2025-06-30';

let inventory: InventoryResult;
let trackingDocument: Record<string, unknown>;
let tracking: Tracking;
let result: TrackingResult;

beforeAll(async () => {
  const run = createEngine().inventory(await readDocument(join(ROOT, 'examples', 'demo-city', 'inventory.yaml')));
  if (!run.ok) throw new Error('the demo inventory does not compute');
  inventory = run.value;
  trackingDocument = (await readDocument(join(ROOT, 'examples', 'demo-city', 'tracking.yaml'))) as Record<string, unknown>;
  const parsed = parseTracking(trackingDocument);
  if (!parsed.ok) throw new Error('the demo tracking file does not read');
  tracking = parsed.tracking;
  result = computeTracking(tracking, AS_OF);
});

/** The reference file's cells (strings, '' for empty), read by the same CSV reader as any upload. */
async function reference(name: string): Promise<string[][]> {
  const grid = await spreadsheetFromBytes(name, readFileSync(join(FIXTURES, name)));
  return grid.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
}

/**
 * Every cell that differs, as `R3C7: got …, expected …`. A number must be a number cell equal to the reference's
 * decimal (parsed); text must be the same text; empty must be empty.
 */
function mismatches(table: readonly (readonly TableCell[])[], expected: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  const rows = Math.max(table.length, expected.length);
  for (let r = 0; r < rows; r++) {
    const got = table[r] ?? [];
    const want = expected[r] ?? [];
    for (let c = 0; c < Math.max(got.length, want.length); c++) {
      const cell = got[c] ?? null;
      const text = want[c] ?? '';
      const same = cell === null ? text === '' : typeof cell === 'number' ? text !== '' && Number(text) === cell : cell === text;
      if (!same) out.push(`R${r + 1}C${c + 1}: got ${JSON.stringify(cell)}, expected ${JSON.stringify(text)}`);
    }
  }
  return out;
}

const inventoryTables: readonly [StandardTableKind, string][] = [
  ['gpc', 'demo-gpc.en.csv'],
  ['cdp-emissions', 'demo-cdp-emissions.en.csv'],
];
const trackingTables: readonly [TrackingTableKind, string][] = [
  ['cdp-targets', 'demo-cdp-targets.en.csv'],
  ['tracking-indicators', 'demo-tracking-indicators.en.csv'],
  ['actions', 'demo-actions.en.csv'],
];
const tableOf = (kind: StandardTableKind | TrackingTableKind, lang: Lang): TableSheet =>
  kind === 'gpc' || kind === 'cdp-emissions' ? standardTable(kind, inventory, lang, CDP_OPTIONS) : trackingTable(kind, tracking, lang, result);
const fileOf = (kind: StandardTableKind | TrackingTableKind, format: 'xlsx' | 'csv', lang: Lang): Promise<Uint8Array> =>
  kind === 'gpc' || kind === 'cdp-emissions' ? standardTableFile(kind, inventory, format, lang, CDP_OPTIONS) : trackingTableFile(kind, tracking, format, lang, result);

describe('standard exports against their reference files', () => {
  for (const [kind, name] of [...inventoryTables, ...trackingTables]) {
    it(`${kind}: the table equals ${name} cell by cell, numbers as numbers`, async () => {
      expect(mismatches(tableOf(kind, 'en').rows, await reference(name))).toEqual([]);
    });

    it(`${kind}: the CSV file and the XLSX file read back equal to ${name}`, async () => {
      const expected = await reference(name);
      const csv = await spreadsheetFromBytes(`${kind}.csv`, await fileOf(kind, 'csv', 'en'));
      // CSV cells come back as text: a number written by JavaScript and the reference's decimal are the same number.
      const csvCells = csv.rows.map((row) => row.map((cell) => (cell === null || cell === '' ? null : /^-?[\d.]+(?:e[+-]?\d+)?$/.test(String(cell)) ? Number(cell) : unescapeCellText(String(cell)))));
      expect(mismatches(csvCells, expected.map((row) => row.map((cell) => (/^-?[\d.]+(?:e[+-]?\d+)?$/.test(cell) ? String(Number(cell)) : cell))))).toEqual([]);
      const xlsx = await spreadsheetFromBytes(`${kind}.xlsx`, await fileOf(kind, 'xlsx', 'en'));
      const xlsxCells = xlsx.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? unescapeCellText(cell) : cell)));
      expect(mismatches(xlsxCells, expected)).toEqual([]);
    });
  }

  it('a wrong cell fails: one changed figure is one mismatch, named by its cell', async () => {
    const expected = await reference('demo-gpc.en.csv');
    const wrong = expected.map((row) => [...row]);
    const row = wrong.findIndex((cells) => cells[0] === 'I.3.1');
    wrong[row]![10] = String(Number(wrong[row]![10]) + 1);
    expect(mismatches(gpcTable().rows, wrong)).toEqual([`R${row + 1}C11: got ${gpcTable().rows[row]![10]}, expected ${JSON.stringify(wrong[row]![10])}`]);
    const text = expected.map((cells) => [...cells]);
    text[row]![5] = 'NE';
    expect(mismatches(gpcTable().rows, text)).toHaveLength(1);
  });
});

const gpcTable = (): TableSheet => standardTable('gpc', inventory, 'en');

describe('the GPC totals are the inventory result\'s', () => {
  it('BASIC and BASIC+ total rows hold result.totals, and the rows of each level add up to them', () => {
    const rows = gpcTable().rows;
    const totalOf = (label: string) => rows.find((row) => row[0] === label)![10];
    expect(totalOf('BASIC total')).toBe(inventory.totals.basic);
    expect(totalOf('BASIC+ total')).toBe(inventory.totals.basicPlus);
    expect(totalOf('Scope 1 total (territorial)')).toBe(inventory.totals.scope1);
    const sum = (levels: readonly string[]) => rows.filter((row) => levels.includes(row[4] as string)).reduce((total, row) => total + ((row[10] as number | null) ?? 0), 0);
    expect(sum(['BASIC'])).toBeCloseTo(inventory.totals.basic, 4);
    expect(sum(['BASIC', 'BASIC+'])).toBeCloseTo(inventory.totals.basicPlus, 4);
    // The Chinese table has the same figures.
    const zh = standardTable('gpc', inventory, 'zh').rows;
    expect(zh.find((row) => row[0] === 'BASIC 合计')![10]).toBe(inventory.totals.basic);
    expect(zh.find((row) => row[0] === 'BASIC+ 合计')![10]).toBe(inventory.totals.basicPlus);
  });
});

describe('indicators and actions re-import equal', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    for (const lang of ['en', 'zh'] as const) {
      it(`indicators and actions tables (${format}, ${lang}) read back into a tracking file with equal indicators and actions`, async () => {
        const indicators = await importTrackingIndicatorsFile(`indicators.${format}`, await trackingTableFile('tracking-indicators', tracking, format, lang, result));
        expect(indicators.problems).toEqual([]);
        const actions = await importActionsFile(`actions.${format}`, await trackingTableFile('actions', tracking, format, lang, result));
        expect(actions.problems).toEqual([]);
        const back = parseTracking({ ...trackingDocument, indicators: indicators.indicators, actions: actions.actions });
        if (!back.ok) throw new Error(JSON.stringify(back.issues));
        expect(back.tracking.indicators).toEqual(tracking.indicators);
        expect(back.tracking.actions).toEqual(tracking.actions);
      });
    }
  }

  it('text that a spreadsheet would take for a formula goes out escaped and comes back as it was', async () => {
    const document = structuredClone(trackingDocument) as { indicators: Record<string, { name: unknown; owner?: string }>; actions: Record<string, { lead: string; collaborators?: string[] }> };
    document.indicators['patents']!.name = { zh: '=SUM(A1:A9)', en: '-minus first' };
    document.indicators['patents']!.owner = '@owner';
    document.actions['rooftop-pv']!.lead = '+lead';
    document.actions['rooftop-pv']!.collaborators = ["'=quoted", 'tab\tinside'];
    const parsed = parseTracking(document);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    for (const format of ['csv', 'xlsx'] as const) {
      const indicatorsFile = await trackingTableFile('tracking-indicators', parsed.tracking, format, 'en');
      if (format === 'csv') expect(new TextDecoder().decode(indicatorsFile)).toContain(",'=SUM(A1:A9),'-minus first,");
      const indicators = await importTrackingIndicatorsFile(`i.${format}`, indicatorsFile);
      const actions = await importActionsFile(`a.${format}`, await trackingTableFile('actions', parsed.tracking, format, 'en'));
      const back = parseTracking({ ...document, indicators: indicators.indicators, actions: actions.actions });
      if (!back.ok) throw new Error(JSON.stringify(back.issues));
      expect(back.tracking.indicators).toEqual(parsed.tracking.indicators);
      expect(back.tracking.actions).toEqual(parsed.tracking.actions);
    }
  });

  it('an upload past the spreadsheet cap is refused before it is read', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41);
    await expect(importTrackingIndicatorsFile('big.csv', big)).rejects.toThrow('the limit for a spreadsheet is 10485760 (10 MiB)');
    await expect(importActionsFile('big.xlsx', big)).rejects.toThrow('the limit for a spreadsheet is 10485760 (10 MiB)');
  });

  it('an edited indicators table with bad cells is refused, each problem with its cell', async () => {
    const table = trackingTable('tracking-indicators', tracking, 'en', result);
    const rows = table.rows.map((row) => [...row]);
    rows[1]![11] = '2020.5';
    rows[2]![5] = 'down';
    rows[3]![1] = 'energy-management';
    const { trackingIndicatorsFromTable } = await import('@peakpath/core');
    const back = trackingIndicatorsFromTable({ sheet: 'indicators', rows });
    expect(back.problems.map((problem) => problem.cell)).toEqual(['indicators!L2', 'indicators!F3', 'indicators!B4']);
    expect(back.problems[1]!.en).toBe('indicators!F3 (direction): "down" is not one of increase, decrease');
    expect(back.problems[1]!.zh).toBe('indicators!F3 (direction)："down" 不是可选值（increase、decrease）之一');
  });
});
