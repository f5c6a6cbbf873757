import type { CellObject, WorkSheet } from '@e965/xlsx';
import { headerKey, importTables, indicatorsTable, INDICATORS_SHEET, linesTable, LINES_SHEET, type InventoryResult, type Lang, type TablesImport, type TableCell, type TableSheet } from '@peakpath/core';
import { isMap, isSeq, parseDocument } from 'yaml';
import { InputFileError } from './documents.ts';
import { sheetNames, spreadsheetFromBytes } from './spreadsheet.ts';

/**
 * Tables of inventory lines and indicators as XLSX and CSV files (docs/import-export.md); the mapping of
 * lines to rows is the core's (`@peakpath/core` tables/). Text that a spreadsheet would take for a formula
 * (starting with = + - @, a tab or a carriage return) is written with a leading apostrophe, in both formats,
 * and XLSX cells are written as text or numbers, never formulas; reading strips that one apostrophe again.
 * Reading goes through spreadsheet.ts: its caps on file size, unzipped size and sheet range hold, and a
 * formula cell in an upload is read by its saved value or refused, never evaluated.
 */

/** Rows a lines table may have: far more than any city's inventory, far fewer than the caps let through. */
export const MAX_TABLE_ROWS = 20_000;

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The text as written into a cell: a leading apostrophe where it could start a formula (or already starts with quotes before one). */
export const escapeCellText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
/** What escapeCellText wrote, as it was. */
export const unescapeCellText = (text: string): string => (/^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** An XLSX workbook of the given sheets (first sheet first), as bytes. */
export async function writeXlsx(sheets: readonly TableSheet[]): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.utils.book_new();
  for (const table of sheets) {
    const sheet: WorkSheet = {};
    let width = 1;
    table.rows.forEach((row, r) => {
      width = Math.max(width, row.length);
      row.forEach((cell, c) => {
        if (cell === null) return;
        // Cells are built one by one: a type 's' or 'n' and no `f`, so nothing in them is ever a formula.
        const object: CellObject = typeof cell === 'number' ? { t: 'n', v: cell } : { t: 's', v: escapeCellText(cell) };
        sheet[XLSX.utils.encode_cell({ r, c })] = object;
      });
    });
    sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(table.rows.length - 1, 0), c: width - 1 } });
    XLSX.utils.book_append_sheet(book, sheet, table.sheet);
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}

/** One sheet as CSV: UTF-8 with a byte-order mark (so that Excel reads Chinese), CRLF, RFC 4180 quoting. */
export function writeCsv(table: TableSheet): string {
  const field = (cell: TableCell): string => {
    if (cell === null) return '';
    const text = typeof cell === 'number' ? String(cell) : escapeCellText(cell);
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${table.rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** A file's tables: the lines sheet and, in an XLSX workbook that has one, the indicators sheet. */
export interface TableFile {
  readonly lines: TableSheet;
  readonly indicators: TableSheet | undefined;
}

/** A sheet as read, each text cell without the apostrophe escapeCellText put before a formula character. */
export const unescapeSheet = (sheet: TableSheet): TableSheet => ({ sheet: sheet.sheet, rows: sheet.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? unescapeCellText(cell) : cell))) });

/**
 * Reads an upload or a file's bytes: CSV is the lines table; XLSX takes the sheet named `lines` or `活动数据`
 * (else its first sheet) and the sheet named `indicators` or `指标` when there is one.
 */
export async function readTableFile(file: string, bytes: Uint8Array): Promise<TableFile> {
  if (!file.toLowerCase().endsWith('.xlsx')) {
    return { lines: unescapeSheet(await spreadsheetFromBytes(file, bytes, { maxRows: MAX_TABLE_ROWS })), indicators: undefined };
  }
  const names = await sheetNames(file, bytes);
  const named = (spellings: Readonly<Record<string, string>>) => names.find((name) => Object.values(spellings).some((spelling) => headerKey(spelling) === headerKey(name)));
  const linesName = named(LINES_SHEET) ?? names[0];
  if (linesName === undefined) throw new InputFileError(`${file}: the workbook has no sheets / 工作簿中没有工作表`);
  const indicatorsName = named(INDICATORS_SHEET);
  const lines = unescapeSheet(await spreadsheetFromBytes(file, bytes, { sheet: linesName, maxRows: MAX_TABLE_ROWS }));
  const indicators = indicatorsName === undefined || indicatorsName === linesName ? undefined : unescapeSheet(await spreadsheetFromBytes(file, bytes, { sheet: indicatorsName, maxRows: MAX_TABLE_ROWS }));
  return { lines, indicators };
}

/** Reads a table file and maps it to lines and indicators, with every problem of both sheets. */
export async function importTableFile(file: string, bytes: Uint8Array): Promise<TablesImport> {
  const tables = await readTableFile(file, bytes);
  return importTables(tables.lines, tables.indicators);
}


export type TableFormat = 'xlsx' | 'csv';
export type TableKind = 'lines' | 'indicators';

/**
 * An inventory document as a table file: XLSX holds the lines sheet and the indicators sheet (with the
 * computed results when `result` is given); CSV holds one table, the lines unless `table` asks for the
 * indicators.
 */
export async function inventoryTableFile(document: Readonly<Record<string, unknown>>, result: InventoryResult | undefined, format: TableFormat, lang: Lang, table: TableKind = 'lines'): Promise<Uint8Array> {
  const activities = Array.isArray(document['activities']) ? (document['activities'] as unknown[]) : [];
  if (format === 'xlsx') return writeXlsx([linesTable(activities, lang), indicatorsTable(document, result, lang)]);
  return new TextEncoder().encode(writeCsv(table === 'lines' ? linesTable(activities, lang) : indicatorsTable(document, result, lang)));
}

export const TABLE_MEDIA_TYPES: Readonly<Record<TableFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * The text of an inventory file after an import: JSON for a .json file; otherwise its YAML with only the
 * fields that changed replaced, so its other fields and its comments stay. Activities are written one per
 * line, as the examples write them.
 */
export function inventoryText(file: string, text: string, next: Readonly<Record<string, unknown>>): string {
  if (file.toLowerCase().endsWith('.json')) return `${JSON.stringify(next, null, 2)}\n`;
  const yaml = parseDocument(text);
  const current = yaml.toJS() as Record<string, unknown>;
  let changed = false;
  for (const [key, value] of Object.entries(next)) {
    if (sameJson(current[key], value)) continue;
    const node = yaml.createNode(value);
    if (key === 'activities' && isSeq(node)) for (const item of node.items) if (isMap(item)) item.flow = true;
    yaml.set(key, node);
    changed = true;
  }
  // Unchanged, the file keeps its own layout (the yaml library would reflow it).
  return changed ? yaml.toString({ lineWidth: 0 }) : text;
}

/** Equal as JSON values, whatever the order of object keys (a table gives a line's fields in column order). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => sameJson(item, (b as unknown[])[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}
