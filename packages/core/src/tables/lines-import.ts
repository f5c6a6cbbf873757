import { GPC_SECTORS, gpcRow } from '../gpc/structure.ts';
import { columnName } from '../import/energy-balance-grid.ts';
import type { Path } from '../issues/issue.ts';
import { isBlank, readCell } from './cells.ts';
import { headerIndex, headerKey, LINE_COLUMNS, type LineColumn, type TableCell, type TableSheet } from './columns.ts';
import { quoted, tableProblem, type TableProblem } from './problems.ts';

/** Where a line came from: its row, and the column of each field (`ef.CO2` for a gas's factor). */
export interface LinePlace {
  readonly rowIndex: number;
  /** Field (or `ef.CO2`) → column index; fields read from the JSON column map to that column. */
  readonly columns: ReadonlyMap<string, number>;
}

export interface LinesImport {
  readonly lines: Record<string, unknown>[];
  /** Every problem of the sheet at once; the lines are usable only when there are none. */
  readonly problems: TableProblem[];
  readonly places: LinePlace[];
  readonly sheet: string;
  /** The header written above each column, for messages about a path. */
  readonly headers: readonly string[];
}

const BY_HEADER = headerIndex(LINE_COLUMNS);

/**
 * The lines table → activity lines. The header is the first row with any content; each later row with
 * content is a line. Cells are checked for their shape here (a number, a value with its unit, JSON); what a
 * line means (a known unit, a form its GPC row accepts) is the inventory reader's, whose issues `placeOfPath`
 * turns back into cells.
 */
export function linesFromTable(table: TableSheet): LinesImport {
  const { sheet, rows } = table;
  const problems: TableProblem[] = [];
  const lines: Record<string, unknown>[] = [];
  const places: LinePlace[] = [];
  const headerRow = rows.findIndex((row) => row.some((cell) => !isBlank(cell)));
  if (headerRow < 0) {
    problems.push(tableProblem('no-header', { sheet }, 'the sheet is empty: expected a header row (gpc, fuel, amount, unit, …) and one row per line', '工作表为空：应有表头行（GPC 行、燃料、活动量、单位……）和每条活动数据一行'));
    return { lines, problems, places, sheet, headers: [] };
  }
  const header = rows[headerRow]!;
  const width = Math.max(...rows.map((row) => row.length));
  const columns: (LineColumn | undefined)[] = [];
  const headers: string[] = [];
  const seen = new Map<LineColumn, number>();
  for (let c = 0; c < width; c++) {
    const cell = header[c];
    const text = isBlank(cell) ? '' : String(cell).trim();
    headers.push(text);
    if (text === '') {
      const used = rows.slice(headerRow + 1).findIndex((row) => !isBlank(row[c]));
      if (used >= 0) problems.push(tableProblem('unknown-column', { sheet, rowIndex: headerRow, columnIndex: c }, 'this column has values but no header; name it (gpc, fuel, amount, unit, …) or clear it', '该列有数据但没有表头，请填写列名（GPC 行、燃料、活动量、单位……）或清空该列'));
      columns.push(undefined);
      continue;
    }
    const column = BY_HEADER.get(headerKey(text));
    if (column === undefined) {
      problems.push(tableProblem('unknown-column', { sheet, rowIndex: headerRow, columnIndex: c, header: text }, `${quoted(text)} is not a column of the lines table; the columns are ${LINE_COLUMNS.map((entry) => entry.en).join(', ')}`, `${quoted(text)} 不是活动数据表的列；可用的列为 ${LINE_COLUMNS.map((entry) => entry.zh).join('、')}`));
    } else if (seen.has(column)) {
      problems.push(tableProblem('duplicate-column', { sheet, rowIndex: headerRow, columnIndex: c, header: text }, `the column ${column.en} is already at ${sheet}!${columnName(seen.get(column)!)}`, `“${column.zh}”列重复（已在第 ${columnName(seen.get(column)!)} 列）`));
      columns.push(undefined);
      continue;
    } else seen.set(column, c);
    columns.push(column);
  }
  if (![...seen.keys()].some((column) => column.key === 'gpc')) {
    problems.push(tableProblem('missing-column', { sheet, rowIndex: headerRow }, 'no gpc column: every line needs its GPC row (header "gpc" or "GPC 行")', '缺少 GPC 行列：每条活动数据都需要 GPC 行（表头 “GPC 行” 或 “gpc”）'));
  }
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((cell) => isBlank(cell))) continue;
    const read = readLine(sheet, r, row, columns, headers, problems);
    lines.push(read.line);
    places.push(read.place);
  }
  if (lines.length === 0 && problems.length === 0) {
    problems.push(tableProblem('no-lines', { sheet }, 'the table has a header but no lines; an inventory needs its activity lines', '表中只有表头，没有活动数据'));
  }
  return { lines, problems, places, sheet, headers };
}

function readLine(sheet: string, r: number, row: readonly TableCell[], columns: readonly (LineColumn | undefined)[], headers: readonly string[], problems: TableProblem[]): { line: Record<string, unknown>; place: LinePlace } {
  const line: Record<string, unknown> = {};
  const placeColumns = new Map<string, number>();
  const derived: { column: LineColumn; value: string; index: number }[] = [];
  let json: { value: Record<string, unknown>; index: number } | undefined;
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    if (column === undefined) continue;
    const place = { sheet, rowIndex: r, columnIndex: c, header: headers[c] };
    const reading = readCell(column.shape, row[c]);
    if (!reading.ok) {
      problems.push(tableProblem(column.shape === 'json' ? 'bad-json' : column.shape === 'number' ? 'not-a-number' : column.shape === 'fraction' ? 'not-a-fraction' : 'not-a-value-with-unit', place, reading.en, reading.zh));
      continue;
    }
    if (reading.value === undefined) continue;
    if (column.shape === 'derived') derived.push({ column, value: reading.value as string, index: c });
    else if (column.shape === 'json') json = { value: reading.value as Record<string, unknown>, index: c };
    else if (column.field!.length === 2) {
      const [field, key] = column.field as readonly [string, string];
      const group = (line[field] as Record<string, unknown> | undefined) ?? {};
      group[key] = reading.value;
      line[field] = group;
      placeColumns.set(`${field}.${key}`, c);
      if (!placeColumns.has(field)) placeColumns.set(field, c);
    } else {
      line[column.field![0]] = reading.value;
      placeColumns.set(column.field![0], c);
    }
  }
  if (json !== undefined) {
    for (const [key, value] of Object.entries(json.value)) {
      if (Object.hasOwn(line, key)) {
        const place = { sheet, rowIndex: r, columnIndex: json.index, header: headers[json.index] };
        problems.push(tableProblem('given-twice', place, `${key} is given both in its column (${headers[placeColumns.get(key)!]}) and in the JSON; keep one`, `${key} 同时出现在其列（${headers[placeColumns.get(key)!]}）和 JSON 中，请只保留一处`));
        continue;
      }
      line[key] = value;
      placeColumns.set(key, json.index);
    }
  }
  checkDerived(sheet, r, line, derived, headers, problems);
  return { line, place: { rowIndex: r, columns: placeColumns } };
}

/** Sector and scope follow from the GPC row; written for readers, a cell that contradicts the row is an error. */
function checkDerived(sheet: string, r: number, line: Record<string, unknown>, derived: readonly { column: LineColumn; value: string; index: number }[], headers: readonly string[], problems: TableProblem[]): void {
  const row = typeof line['gpc'] === 'string' ? gpcRow(line['gpc']) : undefined;
  if (row === undefined) return;
  for (const { column, value, index } of derived) {
    const place = { sheet, rowIndex: r, columnIndex: index, header: headers[index] };
    if (column.key === 'scope') {
      if (Number(value) !== row.scope) problems.push(tableProblem('scope-mismatch', place, `scope ${quoted(value)} does not match GPC row ${row.ref}, which is scope ${row.scope}; the scope follows from the row (clear the cell or fix the row)`, `范围 ${quoted(value)} 与 GPC 行 ${row.ref}（范围 ${row.scope}）不符；范围由 GPC 行决定（清空该单元格或更正 GPC 行）`));
    } else {
      const sector = GPC_SECTORS.find((candidate) => candidate.id === row.sector);
      const names = sector === undefined ? [row.sector] : [sector.id, sector.name.en, sector.name.zh];
      if (!names.some((name) => headerKey(name) === headerKey(value))) {
        problems.push(tableProblem('sector-mismatch', place, `sector ${quoted(value)} does not match GPC row ${row.ref} (${names.slice(1).join(' / ') || row.sector}); the sector follows from the row`, `部门 ${quoted(value)} 与 GPC 行 ${row.ref}（${names.slice(1).reverse().join(' / ') || row.sector}）不符；部门由 GPC 行决定`));
      }
    }
  }
}

/**
 * The cell an inventory issue points at: `activities[3].unit` → the unit cell of the fourth line's row
 * (`lines!I5`). Paths outside the lines, or fields the table did not give, name the row or nothing.
 */
export function placeOfPath(imported: LinesImport, path: Path): { cell: string; header?: string | undefined } | undefined {
  if (path[0] !== 'activities' || typeof path[1] !== 'number') return undefined;
  const place = imported.places[path[1]];
  if (place === undefined) return undefined;
  const field = typeof path[2] === 'string' ? path[2] : undefined;
  const fine = field !== undefined && typeof path[3] === 'string' ? place.columns.get(`${field}.${path[3]}`) : undefined;
  const columnIndex = fine ?? (field === undefined ? undefined : place.columns.get(field));
  const problem = tableProblem('invalid', { sheet: imported.sheet, rowIndex: place.rowIndex, columnIndex, header: columnIndex === undefined ? undefined : imported.headers[columnIndex] }, '', '');
  return { cell: problem.cell, header: problem.header };
}
