/**
 * `peakpath export` and `peakpath import lines` end to end, as a user runs them: the demo city out to XLSX
 * and CSV and back into an inventory file that computes the same totals; a table with bad cells refused
 * with every cell named; an inventory problem told by its cell; comments of the YAML kept.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { peakpath, ROOT } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'peakpath-tables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const demo = join(ROOT, 'examples', 'demo-city', 'inventory.yaml');
const path = (name: string) => join(dir, name);
const basic = (file: string): number => (JSON.parse(peakpath(['inventory', file, '--json']).stdout) as { totals: { basic: number } }).totals.basic;

describe('peakpath export / import lines', () => {
  it('exports the demo city to XLSX (lines and indicators, in Chinese) and imports it back into an inventory with the same lines and totals', () => {
    const run = peakpath(['export', demo, '--to', path('demo.xlsx'), '--lang', 'zh']);
    expect(run.stderr).toBe(`已写出 ${path('demo.xlsx')}：64 行活动数据 / wrote ${path('demo.xlsx')}: 64 lines\n`);
    expect(run.status).toBe(0);
    const book = XLSX.read(readFileSync(path('demo.xlsx')), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['活动数据', '指标']);
    const indicators = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['指标']!, { header: 1 });
    const basicRow = indicators.find((row) => row[0] === 'total.basic')!;
    expect(basicRow[2]).toBe(basic(demo));

    copyFileSync(demo, path('copy.yaml'));
    const before = readFileSync(path('copy.yaml'), 'utf8');
    const back = peakpath(['import', 'lines', path('demo.xlsx'), '--into', path('copy.yaml')]);
    expect(back.stderr).toBe(`wrote ${path('copy.yaml')}: 64 lines from ${path('demo.xlsx')} / 已写出 ${path('copy.yaml')}：64 行活动数据，来自 ${path('demo.xlsx')}\n`);
    expect(back.status).toBe(0);
    // Nothing changed, so nothing was rewritten: the file is byte for byte what it was.
    expect(readFileSync(path('copy.yaml'), 'utf8')).toBe(before);
  });

  it('a CSV edited by hand replaces the activities, keeps the comments and computes', () => {
    expect(peakpath(['export', demo, '--to', path('demo.csv')]).status).toBe(0);
    const csv = readFileSync(path('demo.csv'), 'utf8');
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('\uFEFFgpc,sector,scope,fuel,energy,gas,method,amount,unit,notation,explanation,ncv,ef CO2,ef CH4,ef N2O,carbonContent,oxidation,technology,use,grid,ch4Origin,quality,source,note,other fields (JSON)');
    // Keep the header and the first line (residential LPG), doubling its amount.
    const first = parse(readFileSync(demo, 'utf8')) as { activities: { amount: number }[] };
    const edited = [rows[0], rows[1]!.replace(`,${first.activities[0]!.amount},`, `,${first.activities[0]!.amount * 2},`), ''].join('\r\n');
    writeFileSync(path('edited.csv'), edited);
    copyFileSync(demo, path('edited.yaml'));
    const run = peakpath(['import', 'lines', path('edited.csv'), '--into', path('edited.yaml'), '--out', path('out.yaml')]);
    expect(run.status).toBe(0);
    const text = readFileSync(path('out.yaml'), 'utf8');
    expect(text).toContain('# 示例市 Demo City — GPC inventory 2022 / 2022 年温室气体清单');
    const written = parse(text) as { activities: { amount: number }[]; population: number };
    expect(written.activities).toHaveLength(1);
    expect(written.activities[0]!.amount).toBe(first.activities[0]!.amount * 2);
    expect(written.population).toBe(5200000);
    expect(peakpath(['inventory', path('out.yaml')]).status).toBe(0);
    // The --into file itself is untouched when --out is given.
    expect(readFileSync(path('edited.yaml'), 'utf8')).toBe(readFileSync(demo, 'utf8'));
  });

  it('refuses a table with bad cells, naming each, and an inventory problem by its cell; writes nothing', () => {
    writeFileSync(path('bad.csv'), 'GPC 行,燃料,活动量,单位,颜色\nI.3.1,raw_coal,"1,5",万吨,red\nI.3.1,coke,3,t,\n');
    const bad = peakpath(['import', 'lines', path('bad.csv'), '--into', demo, '--out', path('never.yaml')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bad.csv: 2 problems; nothing written');
    expect(bad.stderr).toContain('bad!E1 (颜色): "颜色" is not a column of the lines table');
    expect(bad.stderr).toContain('bad!C2 (活动量): expected a number such as 1234.5 (no thousands separators, no unit), got "1,5" / bad!C2 (活动量)：应为数值');
    writeFileSync(path('unit.csv'), 'gpc,fuel,amount,unit\nI.3.1,coke,3,kWhh\n');
    const unit = peakpath(['import', 'lines', path('unit.csv'), '--into', demo, '--out', path('never.yaml'), '--lang', 'zh']);
    expect(unit.status).toBe(2);
    expect(unit.stderr).toContain('unit!D2 (unit) unit: "kWhh" 不是已知单位（是否应为 "kWh"？）');
    expect(() => readFileSync(path('never.yaml'))).toThrow();
  });

  it('exports the indicators as CSV, and says when an inventory that does not compute has no results', () => {
    expect(peakpath(['export', demo, '--to', path('ind.csv'), '--table', 'indicators']).status).toBe(0);
    const rows = readFileSync(path('ind.csv'), 'utf8').split('\r\n');
    expect(rows.slice(0, 3)).toEqual(['\uFEFFkey,indicator,value,unit', 'year,Inventory year,2022,', 'population,Population,5200000,']);
    expect(rows.find((row) => row.startsWith('total.basic,'))).toBe(`total.basic,BASIC total,${basic(demo)},tCO2e`);
    writeFileSync(path('broken.yaml'), 'city: { name: X, country: CN }\nyear: 2022\nactivities:\n  - { gpc: I.3.1, fuel: coke, amount: 3, unit: kWhh }\n');
    const broken = peakpath(['export', path('broken.yaml'), '--to', path('broken.xlsx')]);
    expect(broken.status).toBe(0);
    expect(broken.stderr).toContain('the indicators carry no computed results: the inventory has 1 problem (peakpath inventory');
    const book = XLSX.read(readFileSync(path('broken.xlsx')), { type: 'buffer' });
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['indicators']!, { header: 1 }).map((row) => row[0])).toEqual(['key', 'year']);
  });

  it('asks for an .xlsx or .csv name', () => {
    const run = peakpath(['export', demo, '--to', path('demo.ods')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not an .xlsx or .csv file name');
  });
});
