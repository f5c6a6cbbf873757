import type { Lang } from '../issues/messages.ts';
import { isBlank, readCell } from './cells.ts';
import { headerIndex, headerKey, type TableCell, type TableSheet } from './columns.ts';
import { quoted, tableProblem, type CellPlace, type TableProblem } from './problems.ts';

/**
 * What the tracking tables (indicators, actions) share: columns named in both languages, the header row
 * read into a Map of columns (so no key comes from a cell), and cells read with their place for problems.
 * A `computed` column is written for readers and skipped on import.
 */

export type Text = { readonly en: string; readonly zh: string };

export interface TrackingColumn<K extends string> {
  readonly key: K;
  readonly en: string;
  readonly zh: string;
  readonly aliases?: readonly string[];
  readonly computed?: boolean;
  readonly required?: boolean;
}

export const headerRow = <K extends string>(columns: readonly TrackingColumn<K>[], lang: Lang): TableCell[] => columns.map((column) => column[lang]);

/** A row of the sheet being read: each cell by its column's key, with its place for a problem. */
export interface RowReader<K extends string> {
  readonly rowIndex: number;
  cell(key: K): TableCell;
  place(key: K): CellPlace;
}

export interface HeaderReading<K extends string> {
  readonly rows: RowReader<K>[];
  readonly problems: TableProblem[];
}

/** The header (the first row with content) and the rows after it, blank rows skipped. */
export function readHeader<K extends string>(table: TableSheet, columns: readonly TrackingColumn<K>[], what: Text): HeaderReading<K> {
  const { sheet, rows } = table;
  const problems: TableProblem[] = [];
  const byHeader = headerIndex(columns);
  const first = rows.findIndex((row) => row.some((cell) => !isBlank(cell)));
  if (first < 0) return { rows: [], problems: [tableProblem('no-header', { sheet }, `the sheet is empty: expected the header row of the ${what.en}`, `工作表为空：应有${what.zh}的表头行`)] };
  const at = new Map<K, number>();
  const headers = rows[first]!;
  headers.forEach((cell, c) => {
    if (isBlank(cell)) return;
    const text = String(cell).trim();
    const column = byHeader.get(headerKey(text));
    if (column === undefined) problems.push(tableProblem('unknown-column', { sheet, rowIndex: first, columnIndex: c, header: text }, `${quoted(text)} is not a column of the ${what.en} (${columns.map((entry) => entry.en).join(', ')})`, `${quoted(text)} 不是${what.zh}的列（${columns.map((entry) => entry.zh).join('、')}）`));
    else if (at.has(column.key)) problems.push(tableProblem('duplicate-column', { sheet, rowIndex: first, columnIndex: c, header: text }, `the column ${column.en} appears twice`, `“${column.zh}”列重复`));
    else at.set(column.key, c);
  });
  for (const column of columns) {
    if (column.required === true && !at.has(column.key)) problems.push(tableProblem('missing-column', { sheet, rowIndex: first }, `no ${column.en} column (header "${column.en}" or "${column.zh}")`, `缺少“${column.zh}”列（表头 “${column.zh}” 或 “${column.en}”）`));
  }
  if (problems.length > 0) return { rows: [], problems };
  const readers: RowReader<K>[] = [];
  for (let r = first + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((cell) => isBlank(cell))) continue;
    readers.push({
      rowIndex: r,
      cell: (key) => (at.has(key) ? (row[at.get(key)!] ?? null) : null),
      place: (key) => ({ sheet, rowIndex: r, columnIndex: at.get(key), header: at.has(key) ? String(headers[at.get(key)!] ?? '') : undefined }),
    });
  }
  return { rows: readers, problems };
}

/** Reads typed cells of one row, collecting problems. */
export class CellReader<K extends string> {
  constructor(
    private readonly row: RowReader<K>,
    private readonly problems: TableProblem[],
    private readonly columns: readonly TrackingColumn<K>[],
  ) {}

  private header(key: K): Text {
    const column = this.columns.find((entry) => entry.key === key)!;
    return { en: column.en, zh: column.zh };
  }

  text(key: K): string | undefined {
    const cell = readCell('text', this.row.cell(key));
    return cell.ok ? (cell.value as string | undefined) : undefined;
  }

  requiredText(key: K): string | undefined {
    const value = this.text(key);
    if (value === undefined) this.problems.push(tableProblem('not-text', this.row.place(key), `${this.header(key).en} is required`, `“${this.header(key).zh}”为必填项`));
    return value;
  }

  number(key: K, required = false): number | undefined {
    const cell = readCell('number', this.row.cell(key));
    if (!cell.ok) {
      this.problems.push(tableProblem('not-a-number', this.row.place(key), cell.en, cell.zh));
      return undefined;
    }
    if (cell.value === undefined && required) this.problems.push(tableProblem('not-a-number', this.row.place(key), `${this.header(key).en} is required: a number`, `“${this.header(key).zh}”为必填项，应为数值`));
    return cell.value as number | undefined;
  }

  integer(key: K, required = false): number | undefined {
    const value = this.number(key, required);
    if (value !== undefined && !Number.isInteger(value)) {
      this.problems.push(tableProblem('not-a-number', this.row.place(key), `expected a whole number such as 2025, got ${value}`, `应为整数（如 2025），实际为 ${value}`));
      return undefined;
    }
    return value;
  }

  /** A term by its id or its display name in either language (`names`). */
  term<T extends string>(key: K, names: Readonly<Record<T, Text>>, required = true): T | undefined {
    const text = this.text(key);
    if (text === undefined) {
      if (required) this.problems.push(tableProblem('not-text', this.row.place(key), `${this.header(key).en} is required (${Object.keys(names).join(', ')})`, `“${this.header(key).zh}”为必填项（${Object.values<Text>(names).map((name) => name.zh).join('、')}）`));
      return undefined;
    }
    const wanted = headerKey(text);
    for (const [id, name] of Object.entries<Text>(names)) {
      if (headerKey(id) === wanted || headerKey(name.en) === wanted || headerKey(name.zh) === wanted) return id as T;
    }
    this.problems.push(tableProblem('invalid', this.row.place(key), `${quoted(text)} is not one of ${Object.keys(names).join(', ')}`, `${quoted(text)} 不是可选值之一：${Object.values<Text>(names).map((name) => name.zh).join('、')}`));
    return undefined;
  }

  /** A list written as `a; b; c`. */
  list(key: K): string[] {
    const text = this.text(key);
    return text === undefined ? [] : text.split(';').map((item) => item.trim()).filter((item) => item !== '');
  }

  /** A date `YYYY-MM-DD` written as text. */
  date(key: K): string | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      this.problems.push(tableProblem('invalid', this.row.place(key), `expected a date YYYY-MM-DD, got ${quoted(text)}`, `应为日期 YYYY-MM-DD，实际为 ${quoted(text)}`));
      return undefined;
    }
    return text;
  }

  /** A JSON array cell, returned as parsed (the caller checks its items). */
  jsonArray(key: K): unknown[] | undefined {
    const text = this.text(key);
    if (text === undefined) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.problems.push(tableProblem('bad-json', this.row.place(key), `not valid JSON (${error instanceof Error ? error.message : String(error)})`, `不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）`));
      return undefined;
    }
    if (!Array.isArray(parsed)) {
      this.problems.push(tableProblem('bad-json', this.row.place(key), 'expected a JSON array [ … ]', '应为 JSON 数组 [ … ]'));
      return undefined;
    }
    return parsed;
  }

  problem(key: K, en: string, zh: string): void {
    this.problems.push(tableProblem('invalid', this.row.place(key), en, zh));
  }
}

/** A bilingual text from its two cells (absent when both are empty). */
export const trackedTextOf = (zh: string | undefined, en: string | undefined): { zh?: string; en?: string } => ({ ...(zh === undefined ? {} : { zh }), ...(en === undefined ? {} : { en }) });
