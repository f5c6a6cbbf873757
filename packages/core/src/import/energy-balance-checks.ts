import type { BalanceText } from './energy-balance.ts';
import type { BalanceRowDefinition } from './energy-balance-rows.ts';
import { cellRef, tidy, type Column } from './energy-balance-grid.ts';

export interface RecordedRow {
  readonly definition: BalanceRowDefinition;
  readonly row: number;
  readonly values: ReadonlyMap<number, number>;
}

/** Rounding of published tables: parts and totals agree within 0.1 % or 0.05 of the unit. */
const agrees = (total: number, sum: number): boolean => Math.abs(total - sum) <= Math.max(0.001 * Math.abs(total), 0.05);

/**
 * The table's own totals against their parts: 终端消费量 = the sectors, 加工转换 = its sub-rows, 居民生活 =
 * 城镇 + 乡村, column by column; and, where every column is in the 合计 column's unit (万吨标准煤), each
 * row's 合计 = its cells and 能源消费总量 = final consumption + losses − the transformation row. A
 * disagreement is reported (the import goes on: the lines are the cells, not the totals).
 */
export function totalChecks(recorded: readonly RecordedRow[], columns: readonly Column[], sheet: string): BalanceText[] {
  const mismatches: BalanceText[] = [];
  let agreed = 0;
  const check = (row: number, column: Column, total: number, sum: number, what: BalanceText): void => {
    if (agrees(total, sum)) agreed++;
    else {
      const cell = cellRef(sheet, row, column.index);
      mismatches.push({ en: `check failed: ${cell} = ${total}, ${what.en} = ${tidy(sum)}`, zh: `核对不符：${cell} = ${total}，${what.zh} = ${tidy(sum)}` });
    }
  };
  const find = (id: string): RecordedRow | undefined => recorded.find((entry) => entry.definition.id === id);
  const sumOf = (rows: readonly RecordedRow[], column: Column): number => rows.reduce((sum, entry) => sum + (entry.values.get(column.index) ?? 0), 0);
  const dataColumns = columns.filter((column) => column.kind !== 'total');
  const parts: readonly [string, (entry: RecordedRow) => boolean, BalanceText][] = [
    ['final', (entry) => entry.definition.kind === 'final', { en: 'the sectors', zh: '各行业之和' }],
    ['transformation', (entry) => ['thermal-power', 'heating', 'unsupported-transformation'].includes(entry.definition.kind), { en: 'its sub-rows', zh: '各分项之和' }],
    ['residential', (entry) => entry.definition.kind === 'part' && entry.definition.partOf === 'residential', { en: 'urban + rural', zh: '城镇 + 乡村' }],
  ];
  for (const [id, isPart, what] of parts) {
    const total = find(id);
    const rows = recorded.filter(isPart);
    if (!total || rows.length === 0) continue;
    for (const column of dataColumns) {
      const value = total.values.get(column.index);
      if (value !== undefined || rows.some((entry) => entry.values.has(column.index))) check(total.row, column, value ?? 0, sumOf(rows, column), what);
    }
  }
  const totalColumn = columns.find((column) => column.kind === 'total');
  const sameUnit = totalColumn?.unit !== undefined && dataColumns.every((column) => column.unit?.id === totalColumn.unit?.id);
  if (totalColumn && sameUnit) {
    for (const entry of recorded) {
      const value = entry.values.get(totalColumn.index);
      if (value === undefined || entry.definition.id === 'total') continue;
      check(entry.row, totalColumn, value, dataColumns.reduce((sum, column) => sum + (entry.values.get(column.index) ?? 0), 0), { en: 'its cells', zh: '各品种之和' });
    }
    const total = find('total');
    const consumption = total?.values.get(totalColumn.index);
    if (total && consumption !== undefined) {
      const of = (id: string): number => find(id)?.values.get(totalColumn.index) ?? 0;
      check(total.row, totalColumn, consumption, of('final') + of('losses') - of('transformation'), { en: 'final consumption + losses − transformation input (-) output (+)', zh: '终端消费量 + 损失量 − 加工转换投入(-)产出(+)量' });
    }
  }
  const summary: BalanceText = {
    en: `checks: ${agreed} total cells agree with their parts${mismatches.length === 0 ? '' : `, ${mismatches.length} do not`}`,
    zh: `核对：${agreed} 个合计单元格与分项相符${mismatches.length === 0 ? '' : `，${mismatches.length} 个不符`}`,
  };
  return [summary, ...mismatches];
}
