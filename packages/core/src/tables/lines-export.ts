import { GPC_SECTORS, gpcRow } from '../gpc/structure.ts';
import type { Lang } from '../issues/messages.ts';
import { isPlainObject, writeCell } from './cells.ts';
import { COLUMN_FIELDS, LINE_COLUMNS, LINES_SHEET, type LineColumn, type TableCell, type TableSheet } from './columns.ts';

/**
 * An inventory's activity lines → the lines table (one header row in `lang`, one row per line). A field
 * goes into its own column when the column holds it exactly; otherwise the whole field, and every field
 * without a column (a method line's own fields, `gwp`, …), goes into the JSON column, so nothing is lost.
 * Lines that are not objects (a document that does not validate) are written as JSON too: importing the
 * table then reports them, in their cell.
 */
export function linesTable(lines: readonly unknown[], lang: Lang = 'en'): TableSheet {
  const header: TableCell[] = LINE_COLUMNS.map((column) => column[lang]);
  const rows: TableCell[][] = [header];
  for (const line of lines) rows.push(lineRow(line, lang));
  return { sheet: LINES_SHEET[lang], rows };
}

const sectorName = (sectorId: string, lang: Lang): string | undefined => GPC_SECTORS.find((sector) => sector.id === sectorId)?.name[lang];

function lineRow(line: unknown, lang: Lang): TableCell[] {
  const cells: TableCell[] = LINE_COLUMNS.map(() => null);
  const jsonIndex = LINE_COLUMNS.findIndex((column) => column.shape === 'json');
  if (!isPlainObject(line)) {
    cells[jsonIndex] = JSON.stringify(line) ?? 'null';
    return cells;
  }
  const other: Record<string, unknown> = {};
  const placed = new Set<string>();
  // Fields whose columns all hold them exactly; `ef` only when each of its gases has a column and fits.
  const byField = new Map<string, LineColumn[]>();
  for (const column of LINE_COLUMNS) {
    if (column.field === null) continue;
    const list = byField.get(column.field[0]) ?? [];
    list.push(column);
    byField.set(column.field[0], list);
  }
  for (const [field, columns] of byField) {
    if (!Object.hasOwn(line, field)) continue;
    const value = line[field];
    const written = fieldCells(value, columns);
    if (written === undefined) continue;
    for (const [column, cell] of written) cells[LINE_COLUMNS.indexOf(column)] = cell;
    placed.add(field);
  }
  for (const key of Object.keys(line)) {
    if (!placed.has(key)) other[key] = line[key];
  }
  const gpc = typeof line['gpc'] === 'string' ? gpcRow(line['gpc']) : undefined;
  if (gpc !== undefined) {
    cells[LINE_COLUMNS.findIndex((column) => column.key === 'sector')] = sectorName(gpc.sector, lang) ?? gpc.sector;
    cells[LINE_COLUMNS.findIndex((column) => column.key === 'scope')] = gpc.scope;
  }
  if (Object.keys(other).length > 0) cells[jsonIndex] = JSON.stringify(other);
  return cells;
}

/** The cells of one field, or undefined when its columns cannot hold it exactly. */
function fieldCells(value: unknown, columns: readonly LineColumn[]): [LineColumn, TableCell][] | undefined {
  const first = columns[0]!;
  if (first.field!.length === 1) {
    if (first.shape === 'derived' || first.shape === 'json') return undefined;
    const cell = writeCell(first.shape, value);
    return cell === undefined ? undefined : [[first, cell]];
  }
  // A field spread over columns by its keys (ef.CO2, ef.CH4, ef.N2O).
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0) return undefined;
  const written: [LineColumn, TableCell][] = [];
  for (const key of keys) {
    const column = columns.find((candidate) => candidate.field![1] === key);
    if (column === undefined || column.shape === 'derived' || column.shape === 'json') return undefined;
    const cell = writeCell(column.shape, value[key]);
    if (cell === undefined) return undefined;
    written.push([column, cell]);
  }
  return written;
}

/** Fields a line can carry in columns of their own (the others go to the JSON column). */
export const TABULAR_FIELDS: readonly string[] = [...COLUMN_FIELDS];
