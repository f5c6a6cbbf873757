/**
 * `peakpath import energy-balance`: three differently laid-out energy balances (scripts/energy-balance/
 * tables.ts, illustrative) read from files, imported, and computed by the engine; the official total
 * energy equals each table's 能源消费总量 (合计). Bad files: too large, a zip bomb, formula cells,
 * `__proto__` headings, not a spreadsheet. The shipped example and its inventory stay in step.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellObject } from '@e965/xlsx';
import { createEngine, importEnergyBalance, type BalanceGrid } from '@peakpath/core';
import { InputFileError, MAX_SPREADSHEET_BYTES, readSpreadsheet } from '@peakpath/node';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvLayout, csvText, physicalLayout, standardCoalLayout, TOTAL_TCE, type Layout } from '../scripts/energy-balance/tables.ts';
import { xlsxBytes } from '../scripts/energy-balance/xlsx.ts';
import { peakpath, ROOT } from './support/cli.ts';
import { zipBomb } from './support/zip-bomb.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakpath-balance-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The official total energy (tce) of an imported balance, computed by the engine. */
function officialTotal(grid: BalanceGrid): { total: number; lines: string[] } {
  const result = importEnergyBalance(grid, { year: 2023, grid: 'CN-east-2023' });
  expect(result.problems).toEqual([]);
  // The table's 合计 cells agree with their parts (and, in 万吨标准煤, 能源消费总量 = final + losses − transformation).
  expect(result.notes.filter((note) => note.startsWith('check failed'))).toEqual([]);
  expect(result.notes[0]).toMatch(/^checks: [1-9][0-9] total cells agree with their parts \/ 核对：[1-9][0-9] 个合计单元格与分项相符$/);
  // The YAML the user gets is the document the engine computes.
  expect(parse(result.yaml)).toEqual(result.document);
  const run = createEngine().inventory(result.document, { id: grid.sheet });
  if (!run.ok) throw new Error(JSON.stringify(run.issues.slice(0, 3)));
  return { total: run.value.official!.energy.calorific.total, lines: result.lines.map((line) => `${line.gpc} ${line.fuel ?? line.energy} ${line.amount} ${line.unit} ${line.source}`) };
}

/** Each layout, its format, and the line of 工业 × 原煤 as it must come out (520 万吨 = 371.436 万吨标准煤). */
const layouts: readonly [string, () => Layout, 'xlsx' | 'csv', string][] = [
  ['physical units, a title row, merged headings, units in a row, 合计 in 万吨标准煤', physicalLayout, 'xlsx', '520 万吨 能源平衡表!B15 (工业 × 原煤)'],
  ['all in 万吨标准煤 (单位 above the table), labels in two columns, another column order', standardCoalLayout, 'xlsx', '371.436 万吨标准煤 能源平衡表!F13 (工业 × 原煤)'],
  ['CSV with bilingual headings and units in the second heading row', csvLayout, 'csv', '520 万吨 csvLayout!B12 (工业 Industry × 原煤 Raw coal)'],
];

describe('three layouts of an energy balance', () => {
  for (const [name, layout, format, industryCoal] of layouts) {
    it(`${name}: the official total energy is the table's 能源消费总量`, async () => {
      const table = layout();
      const file = format === 'csv' ? write(`${layout.name}.csv`, csvText(table.rows)) : write(`${layout.name}.xlsx`, xlsxBytes(table, '能源平衡表'));
      const grid = await readSpreadsheet(file);
      const { total, lines } = officialTotal(grid);
      // 22,087,800 tce (2,208.78 万tce): final consumption + transformation input − output + electricity losses.
      expect(TOTAL_TCE).toBe(2208.78);
      expect(Math.abs(total / (TOTAL_TCE * 10000) - 1)).toBeLessThan(0.0002);
      // Every line names its cell: sheet!A1 (row label × column heading).
      for (const line of lines) expect(line).toMatch(/ [^ !]+![A-Z]+[0-9]+ \(.+ × .+\)/);
      expect(lines).toContain(`I.3.1 raw_coal ${industryCoal}`);
      expect(lines).toHaveLength(45);
    });
  }

  it('traces a line to the cell a reader finds it in', async () => {
    const grid = await readSpreadsheet(write('physical.xlsx', xlsxBytes(physicalLayout(), '能源平衡表')));
    const result = importEnergyBalance(grid, { year: 2023 });
    const coal = result.lines.find((line) => line.gpc === 'I.3.1' && line.fuel === 'raw_coal');
    expect(coal).toEqual({ gpc: 'I.3.1', fuel: 'raw_coal', amount: 520, unit: '万吨', source: '能源平衡表!B15 (工业 × 原煤)' });
    expect(grid.rows[14]?.[1]).toBe(520);
    expect(grid.rows[14]?.[0]).toBe('  工业');
  });
});

describe('bad files give clear errors', () => {
  const refused = async (file: string, message: RegExp): Promise<void> => {
    const error = await readSpreadsheet(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as Error).message).toMatch(message);
  };

  it('a file over 10 MiB', async () => {
    await refused(write('huge.csv', 'a,'.repeat(MAX_SPREADSHEET_BYTES / 2 + 1)), /the limit for a spreadsheet is 10485760 \(10 MiB\)/);
  });

  it('a zip whose directory declares more than 64 MiB unzipped (a zip bomb), refused before inflating', async () => {
    await refused(write('bomb.xlsx', zipBomb()), /unzips to more than 67108864 bytes .* zip bomb/);
  });

  it('formula cells: the saved value is read and counted; a formula without one is refused with its cell', async () => {
    const table = physicalLayout();
    const withCached = xlsxBytes(table, '能源平衡表', (sheet) => {
      sheet['L15'] = { t: 'n', v: sheet['L15']?.v as number, f: 'SUM(B15:K15)' };
    });
    const grid = await readSpreadsheet(write('cached.xlsx', withCached));
    expect(grid.formulaCells).toBe(1);
    expect(importEnergyBalance(grid, { year: 2023 }).notes).toContain('1 formula cells read by their cached values / 1 个公式单元格按其缓存值读取');
    const withoutValue = xlsxBytes(table, '能源平衡表', (sheet) => {
      sheet['B15'] = { t: 'n', f: 'SUM(B16:B17)' } as CellObject;
    });
    await refused(write('formula.xlsx', withoutValue), /能源平衡表!B15 is a formula \(=SUM\(B16:B17\)\) without a saved value/);
  });

  it('a __proto__ heading is an input problem with its cell, not a key', async () => {
    const table = csvLayout();
    table.rows[0]![3] = '__proto__';
    const grid = await readSpreadsheet(write('proto.csv', csvText(table.rows)));
    const result = importEnergyBalance(grid, { year: 2023 });
    expect(result.problems.map((problem) => [problem.code, problem.cell])).toEqual([['reserved-name', 'proto!D1']]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('not a spreadsheet: a renamed text file, an old .xls, another extension', async () => {
    await refused(write('text.xlsx', 'just text, not a zip'), /not an XLSX file/);
    await refused(write('old.xls', 'x'), /not an \.xlsx or \.csv file/);
    await refused(write('gbk.csv', Buffer.from([0xc4, 0xdc, 0xd4, 0xb4, 0x0a])), /not UTF-8 text/);
  });

  it('a sheet larger than an energy balance can be', async () => {
    const big = xlsxBytes(physicalLayout(), '能源平衡表', (sheet) => {
      sheet['B5000'] = { t: 'n', v: 1 };
      sheet['!ref'] = 'A1:L5000';
    });
    await refused(write('big.xlsx', big), /spans 5000 rows × 12 columns; the limit is 2000 × 200/);
  });

  it('a sheet that does not exist is named with the ones that do', async () => {
    const file = write('sheets.xlsx', xlsxBytes(physicalLayout(), '能源平衡表'));
    const error = await readSpreadsheet(file, { sheet: 'Sheet9' }).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('no sheet "Sheet9"; the sheets are "能源平衡表"');
  });
});

describe('the command', () => {
  it('writes the shipped example\'s inventory, which computes', () => {
    const out = join(dir, 'inventory.yaml');
    const run = peakpath(['import', 'energy-balance', 'examples/energy-balance/example.xlsx', '--year', '2023', '--city', '示例市', '--grid', 'CN-east-2023', '--out', out]);
    expect(run.stderr).toMatch(/^wrote .*inventory\.yaml: 45 activity lines\n/);
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'examples/energy-balance/inventory.yaml'), 'utf8'));
    const computed = peakpath(['inventory', 'examples/energy-balance/inventory.yaml']);
    expect(computed.status).toBe(0);
    expect(computed.stdout).toContain('Total energy consumption: 22,087,757 tce calorific method');
    // The same total as a Chinese bulletin prints it: 22,087,757 tce = 2,208.8 万吨标准煤.
    expect(peakpath(['inventory', 'examples/energy-balance/inventory.yaml', '--lang', 'zh']).stdout).toContain('能源消费总量：2,208.8 万吨标准煤（电热当量法）');
  });

  it('exits 2 on unmapped rows and columns, listing each cell; --allow-unmapped writes the rest and lists them', () => {
    const table = csvLayout();
    table.rows[0]!.push('神秘能源 Mystery');
    table.rows[1]!.push('万吨');
    table.rows.push(['炼焦 Coking', -3, '', '', '', '', '', '', '', '', '', 1]);
    const file = write('unmapped.csv', csvText(table.rows));
    const strict = peakpath(['import', 'energy-balance', file, '--year', '2023']);
    expect(strict.status).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('unmapped.csv: 2 problems; no inventory written (--allow-unmapped skips unmapped rows and columns and lists them).');
    expect(strict.stderr).toContain('unmapped!L1: column "神秘能源 Mystery" is not a fuel, electricity, heat or total column the import knows\n');
    const strictZh = peakpath(['import', 'energy-balance', file, '--year', '2023', '--lang', 'zh']);
    expect(strictZh.stderr).toContain('unmapped!L1：“神秘能源 Mystery”列不是可识别的燃料、电力、热力或合计列\n');
    expect(strict.stderr).toContain('unmapped!A21: row "炼焦 Coking": transformation other than thermal power and heating is not imported');
    const allowed = peakpath(['import', 'energy-balance', file, '--year', '2023', '--allow-unmapped']);
    expect(allowed.status).toBe(0);
    expect(allowed.stderr).toContain('Skipped, unmapped (--allow-unmapped):\nunmapped!L1:');
    expect(allowed.stdout).toContain('activities:\n  - { gpc: I.4.4, fuel: raw_coal, amount: 620, unit: 万吨, source: "unmapped!B7 (火力发电 Thermal power × 原煤 Raw coal)" }');
  });

  it('bad files and bad options exit 2 without a stack trace, in both languages', () => {
    const file = write('not.xlsx', 'hello');
    for (const lang of ['en', 'zh']) {
      const run = peakpath(['import', 'energy-balance', file, '--year', '2023', '--lang', lang]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/not an XLSX file .* \/ 不是 XLSX 文件/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(peakpath(['import', 'energy-balance', file, '--year', 'soon']).stderr).toContain('--year: "soon" is not a year');
    const missing = peakpath(['import', 'energy-balance', file, '--lang', 'zh']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("错误：缺少必需的选项 '--year <year>'");
  });
});
