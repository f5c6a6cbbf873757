import type { Lang } from '../issues/messages.ts';

/**
 * The columns of the activity-lines table (docs/import-export.md). Each column holds one field of a line
 * (docs/inventory-file.md) in one cell shape; whatever a line carries that no column can hold exactly (a
 * method line's own fields, a factor with its `source`, a `gwp`) goes whole into the last column as JSON,
 * so that import → export → import gives the same lines. Headers are accepted in English or Chinese.
 */

/** A cell as a spreadsheet reader gives it: text, a number, or empty. */
export type TableCell = string | number | null;

/** One sheet: its name (used in every cell reference) and its rows from A1. */
export interface TableSheet {
  readonly sheet: string;
  readonly rows: readonly (readonly TableCell[])[];
}

/**
 * How a column's cell is read and written:
 * - `text`: a string, trimmed; empty is absent;
 * - `number`: a number (a numeric cell, or text that is a plain decimal number);
 * - `fraction`: a number, or a percentage such as `35%` kept as written (the reader accepts both);
 * - `value-unit`: `{ value, unit }` written as `20.908 GJ/t`;
 * - `derived`: written from the GPC row for readers (sector, scope), checked on import, never stored;
 * - `json`: a JSON object of the line's other fields.
 */
export type ColumnShape = 'text' | 'number' | 'fraction' | 'value-unit' | 'derived' | 'json';

export interface LineColumn {
  /** The field of the line (for `ef.CO2` a path of two), or the derived quantity. */
  readonly key: string;
  readonly field: readonly [string] | readonly [string, string] | null;
  readonly shape: ColumnShape;
  readonly en: string;
  readonly zh: string;
  /** Other spellings accepted on import (compared case-blind, spaces ignored). */
  readonly aliases?: readonly string[];
}

const column = (key: string, shape: ColumnShape, en: string, zh: string, aliases: readonly string[] = []): LineColumn => ({
  key,
  field: shape === 'derived' || shape === 'json' ? null : key.includes('.') ? (key.split('.') as [string, string]) : [key],
  shape,
  en,
  zh,
  aliases,
});

/** In the order they are written. */
export const LINE_COLUMNS: readonly LineColumn[] = [
  column('gpc', 'text', 'gpc', 'GPC 行', ['GPC row', 'GPC 编号', 'GPC行']),
  column('sector', 'derived', 'sector', '部门'),
  column('scope', 'derived', 'scope', '范围'),
  column('fuel', 'text', 'fuel', '燃料'),
  column('energy', 'text', 'energy', '能源'),
  column('gas', 'text', 'gas', '气体'),
  column('method', 'text', 'method', '方法'),
  column('amount', 'number', 'amount', '活动量', ['活动水平', '数量']),
  column('unit', 'text', 'unit', '单位'),
  column('notation', 'text', 'notation', '注释键', ['标识符']),
  column('explanation', 'text', 'explanation', '说明'),
  column('ncv', 'value-unit', 'ncv', '低位发热量'),
  column('ef.CO2', 'value-unit', 'ef CO2', 'CO2 排放因子'),
  column('ef.CH4', 'value-unit', 'ef CH4', 'CH4 排放因子'),
  column('ef.N2O', 'value-unit', 'ef N2O', 'N2O 排放因子'),
  column('carbonContent', 'value-unit', 'carbonContent', '单位热值含碳量', ['carbon content']),
  column('oxidation', 'fraction', 'oxidation', '碳氧化率'),
  column('technology', 'text', 'technology', '技术'),
  column('use', 'text', 'use', '用途'),
  column('grid', 'text', 'grid', '电网排放因子', ['电网']),
  column('ch4Origin', 'text', 'ch4Origin', 'CH4 来源', ['ch4 origin']),
  column('quality', 'text', 'quality', '数据质量'),
  column('source', 'text', 'source', '数据来源', ['来源']),
  column('note', 'text', 'note', '备注'),
  column('other', 'json', 'other fields (JSON)', '其他字段（JSON）', ['other', 'json', '其他字段', '其他字段(JSON)']),
];

export const LINES_SHEET: Readonly<Record<Lang, string>> = { en: 'lines', zh: '活动数据' };
export const INDICATORS_SHEET: Readonly<Record<Lang, string>> = { en: 'indicators', zh: '指标' };

/** A header as compared: case-blind, without spaces (full-width brackets made half-width). */
export const headerKey = (header: string): string => header.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Every accepted header spelling → its column (a Map: a header such as `__proto__` finds nothing). */
export function headerIndex<T extends { readonly en: string; readonly zh: string; readonly aliases?: readonly string[] }>(columns: readonly T[]): ReadonlyMap<string, T> {
  const index = new Map<string, T>();
  for (const entry of columns) {
    for (const spelling of [entry.en, entry.zh, ...(entry.aliases ?? [])]) {
      const key = headerKey(spelling);
      const known = index.get(key);
      if (known !== undefined && known !== entry) throw new Error(`tables: header "${spelling}" names two columns`);
      index.set(key, entry);
    }
  }
  return index;
}

/** The fields that have a column of their own; anything else on a line goes to the JSON column. */
export const COLUMN_FIELDS: ReadonlySet<string> = new Set(LINE_COLUMNS.flatMap((entry) => (entry.field === null ? [] : [entry.field[0]])));

/** Decimal numbers as a spreadsheet or JavaScript writes them (`-1.5`, `2e-7`); nothing else passes as a number. */
export const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The names every JavaScript object has: refused as keys of the JSON column (as the readers refuse them). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
