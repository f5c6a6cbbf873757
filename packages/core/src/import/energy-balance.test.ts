import { describe, expect, it } from 'vitest';
import { columnName, importEnergyBalance, normaliseLabel, type BalanceCell } from './energy-balance.ts';

const grid = (rows: BalanceCell[][], sheet = 'S') => ({ sheet, rows });

/** A small balance in 万吨标准煤: a title row, the unit above the heading, numbered and "其中" labels. */
const SMALL: BalanceCell[][] = [
  ['示例能源平衡表'],
  [null, null, null, '单位：万吨标准煤'],
  ['项目', '原煤', '天然气', '电力', '合计'],
  ['1.火力发电', -100, -20, 45, -75],
  ['终端消费量', 90, 30, 60, 180],
  ['  工业', 80, 10, 40, 130],
  ['    #用作原料、材料', '-', 4, null, 4],
  ['  居民生活', 10, 20, 20, 50],
  ['    其中：城镇', 6, 15, 12, 33],
  ['    乡村', 4, 5, 8, 17],
];

describe('importEnergyBalance', () => {
  it('maps final consumption, feedstock and thermal power, each line traced to its cell', () => {
    const result = importEnergyBalance(grid(SMALL), { year: 2023 });
    expect(result.problems).toEqual([]);
    expect(result.lines.map(({ gpc, fuel, energy, amount, unit, use, source }) => [gpc, fuel ?? energy, amount, unit, use ?? '', source])).toEqual([
      ['I.4.4', 'raw_coal', 100, '万吨标准煤', '', 'S!B4 (1.火力发电 × 原煤)'],
      ['I.4.4', 'natural_gas', 20, '万吨标准煤', '', 'S!C4 (1.火力发电 × 天然气)'],
      ['I.3.1', 'raw_coal', 80, '万吨标准煤', '', 'S!B6 (工业 × 原煤)'],
      ['I.3.1', 'natural_gas', 6, '万吨标准煤', '', 'S!C6 (工业 × 天然气), less 用作原料、材料'],
      ['I.3.2', 'electricity', 40, '万吨标准煤', '', 'S!D6 (工业 × 电力)'],
      ['I.3.1', 'natural_gas', 4, '万吨标准煤', 'feedstock', 'S!C7 (#用作原料、材料 × 天然气)'],
      ['I.1.1', 'raw_coal', 10, '万吨标准煤', '', 'S!B8 (居民生活 × 原煤)'],
      ['I.1.1', 'natural_gas', 20, '万吨标准煤', '', 'S!C8 (居民生活 × 天然气)'],
      ['I.1.2', 'electricity', 20, '万吨标准煤', '', 'S!D8 (居民生活 × 电力)'],
    ]);
    // 45 of output, in proportion to the energy of the inputs: 100 coal, 20 gas.
    expect(result.electricity).toEqual([
      { source: 'coal', amount: 37.5, unit: '万吨标准煤', from: 'S!D4 (1.火力发电 × 电力)' },
      { source: 'gas', amount: 7.5, unit: '万吨标准煤', from: 'S!D4 (1.火力发电 × 电力)' },
    ]);
    expect(result.notes[0]).toMatch(/^checks: 1[0-9] total cells agree with their parts \/ 核对：1[0-9] 个合计单元格与分项相符$/);
    expect(result.yaml).toContain('  - { gpc: I.3.1, fuel: natural_gas, amount: 4, unit: 万吨标准煤, use: feedstock, source: "S!C7 (#用作原料、材料 × 天然气)" }');
    expect(result.document['year']).toBe(2023);
  });

  it('reports a total that disagrees with its parts, naming the cell', () => {
    const rows = SMALL.map((row) => [...row]);
    rows[4]![1] = 95; // 终端消费量 × 原煤: the sectors sum to 90
    const result = importEnergyBalance(grid(rows), { year: 2023 });
    expect(result.statements).toContainEqual({ en: 'check failed: S!B5 = 95, the sectors = 90', zh: '核对不符：S!B5 = 95，各行业之和 = 90' });
  });

  it('reports unmapped rows and columns with their cells, bilingually', () => {
    const rows: BalanceCell[][] = [
      ['项目', '原煤', '电力', '神秘燃料'],
      ['单位', '万吨', '亿千瓦时', '万吨'],
      ['工业', 10, 2, 3],
      ['炼焦', -5, null, null],
      ['宇宙业', 1, null, null],
      ['注：本表为示例', null, null, null],
    ];
    const result = importEnergyBalance(grid(rows), { year: 2023 });
    expect(result.problems.map(({ code, cell }) => [code, cell])).toEqual([
      ['unmapped-column', 'S!D1'],
      ['unmapped-row', 'S!A4'],
      ['unmapped-row', 'S!A5'],
    ]);
    expect(result.problems[2]!.en).toBe('row "宇宙业" is not a row of the energy balance the import knows');
    expect(result.problems[2]!.zh).toBe('“宇宙业”行不是可识别的能源平衡表行');
    // The lines that could be mapped are still made (written with --allow-unmapped).
    expect(result.lines.map((line) => [line.gpc, line.amount, line.unit])).toEqual([
      ['I.3.1', 10, '万吨'],
      ['I.3.2', 2, '亿千瓦时'],
    ]);
  });

  it('refuses __proto__ and other reserved names, bad numbers, missing units', () => {
    expect(importEnergyBalance(grid([['项目', '__proto__', '原煤'], ['工业', 1, 2]]), { year: 2023 }).problems.map((p) => [p.code, p.cell])).toEqual([['reserved-name', 'S!B1']]);
    const bad = importEnergyBalance(grid([['项目', '原煤', '电力'], ['单位', '万吨', '亿千瓦时'], ['工业', 'abc', 2]]), { year: 2023 });
    expect(bad.problems.map((p) => [p.code, p.cell])).toEqual([['bad-number', 'S!B3']]);
    const noUnit = importEnergyBalance(grid([['项目', '原煤', '电力'], ['工业', 1, 2]]), { year: 2023 });
    expect(noUnit.problems.map((p) => [p.code, p.cell])).toEqual([
      ['no-unit', 'S!B1'],
      ['no-unit', 'S!C1'],
    ]);
    const unknownUnit = importEnergyBalance(grid([['项目', '原煤（万斤）', '电力（亿千瓦时）'], ['工业', 1, 2]]), { year: 2023 });
    expect(unknownUnit.problems.map((p) => [p.code, p.cell])).toEqual([['bad-unit', 'S!B1']]);
    expect(importEnergyBalance(grid([['a', 'b'], [1, 2]]), { year: 2023 }).problems.map((p) => p.code)).toEqual(['no-header']);
  });

  it('reads units in headings, bilingual labels and blank or "-" cells', () => {
    const rows: BalanceCell[][] = [
      ['项目 Item', '原煤 Raw coal（万吨）', '天然气 Natural gas (亿立方米)', '电力 Electricity(亿千瓦时)', '热力 Heat (万百万千焦)'],
      ['交通运输、仓储和邮政业 Transport, storage and post', '', 1.5, '—', null],
      ['农、林、牧、渔业 Agriculture', '2,000', '-', 0.5, 12],
    ];
    const result = importEnergyBalance(grid(rows), { year: 2023 });
    expect(result.problems).toEqual([]);
    expect(result.lines.map((line) => [line.gpc, line.fuel ?? line.energy, line.amount, line.unit])).toEqual([
      ['II.1.1', 'natural_gas', 1.5, '亿立方米'],
      ['I.5.1', 'raw_coal', 2000, '万吨'],
      ['I.5.2', 'electricity', 0.5, '亿千瓦时'],
      ['I.5.2', 'heat', 12, '万百万千焦'],
    ]);
  });

  it('refuses feedstock larger than its 工业 and a heading repeated over columns with figures', () => {
    const rows = SMALL.map((row) => [...row]);
    rows[6]![2] = 12; // 用作原料、材料 × 天然气 > 工业 × 天然气 (10)
    expect(importEnergyBalance(grid(rows), { year: 2023 }).problems.map((p) => [p.code, p.cell, p.en])).toEqual([['negative', 'S!C7', "用作原料、材料 12 exceeds 工业's 10, of which it is a part"]]);
    const merged: BalanceCell[][] = [
      ['项目', '原煤', '电力', '电力'],
      ['单位', '万吨', '亿千瓦时', '亿千瓦时'],
      ['工业', 10, 2, 3],
    ];
    expect(importEnergyBalance(grid(merged), { year: 2023 }).problems.map((p) => [p.code, p.cell])).toEqual([['unmapped-column', 'S!D1']]);
  });

  it('names columns as spreadsheets do and normalises labels', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(['1.火力发电', '（2）供热', '其中：城镇', '#用作原料、材料', '加工转换投入(-)产出(+)量', '二、终端消费量'].map(normaliseLabel)).toEqual([
      '火力发电',
      '供热',
      '城镇',
      '用作原料、材料',
      '加工转换投入产出量',
      '终端消费量',
    ]);
  });
});
