/**
 * The GPC reporting table in Chinese against test/fixtures/exports/demo-gpc.zh.csv, a reference whose layout
 * (headers, sector and sub-sector names, reporting levels, total rows) was typed by hand in Chinese and whose
 * figures were summed from the inventory's JSON output by a script that shares no code with the tables
 * (make-gpc-zh.py; README.md). test/exports.test.ts checks the English files; this checks that `lang: 'zh'`
 * writes the same table in Chinese, cell by cell, in CSV and in XLSX.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type InventoryResult, type TableCell } from '@peakpath/core';
import { readDocument, spreadsheetFromBytes, standardTable, standardTableFile } from '@peakpath/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.ts';
import { differences } from './support/table-compare.ts';

let inventory: InventoryResult;
beforeAll(async () => {
  const run = createEngine().inventory(await readDocument(join(ROOT, 'examples', 'demo-city', 'inventory.yaml')));
  if (!run.ok) throw new Error('the demo inventory does not compute');
  inventory = run.value;
});

const rows = async (file: string, bytes: Uint8Array): Promise<TableCell[][]> => (await spreadsheetFromBytes(file, bytes, { maxRows: 20_000 })).rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : cell)));
const reference = () => rows('demo-gpc.zh.csv', readFileSync(join(ROOT, 'test', 'fixtures', 'exports', 'demo-gpc.zh.csv')));

describe('the GPC reporting table in Chinese', () => {
  it('equals demo-gpc.zh.csv cell by cell, as the table, as CSV and as XLSX', async () => {
    const expected = await reference();
    const table = standardTable('gpc', inventory, 'zh');
    expect(table.sheet).toBe('GPC报告表');
    expect(differences(table.rows, expected)).toEqual([]);
    expect(differences(await rows('gpc.csv', await standardTableFile('gpc', inventory, 'csv', 'zh')), expected)).toEqual([]);
    expect(differences(await rows('gpc.xlsx', await standardTableFile('gpc', inventory, 'xlsx', 'zh')), expected)).toEqual([]);
  });

  it('a wrong cell fails: a changed name or level is one mismatch, named by its cell', async () => {
    const table = standardTable('gpc', inventory, 'zh');
    const changed = await reference();
    const at = changed.findIndex((row) => row[0] === 'I.4.4');
    changed[at]![4] = 'BASIC';
    expect(differences(table.rows, changed)).toEqual([`row ${at + 1} column 5: exported "仅计入辖区排放", reference "BASIC"`]);
  });
});
