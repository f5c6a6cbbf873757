import { isBlank, readCell } from './cells.ts';
import { headerIndex, headerKey, type TableCell, type TableSheet } from './columns.ts';
import { quoted, tableProblem, type CellPlace, type TableProblem } from './problems.ts';

/**
 * Reading a table whose first non-empty row is its header, for the tables that go out and come back in beside the
 * lines table (tracking indicators and actions). Headers are compared case-blind without spaces through a Map (a
 * header such as `__proto__` is an unknown column); computed columns are recognised and skipped.
 */

type Text = { readonly en: string; readonly zh: string };

export interface SheetColumn<K extends string> {
  readonly key: K;
  readonly en: string;
  readonly zh: string;
  /** Written from the result for readers, never read back. */
  readonly computed?: boolean;
  /** A table without this column cannot be read. */
  readonly required?: boolean;
}

export interface SheetHeader<K extends string> {
  readonly headerRow: number;
  readonly at: ReadonlyMap<K, number>;
  readonly problems: TableProblem[];
}

export function readHeader<K extends string>(table: TableSheet, columns: readonly SheetColumn<K>[], name: Text): SheetHeader<K> {
  const { sheet, rows } = table;
  const problems: TableProblem[] = [];
  const at = new Map<K, number>();
  const headerRow = rows.findIndex((row) => row.some((cell) => !isBlank(cell)));
  const list = { en: columns.filter((column) => column.computed !== true).map((column) => column.en).join(', '), zh: columns.filter((column) => column.computed !== true).map((column) => column.zh).join('、') };
  if (headerRow < 0) return { headerRow, at, problems: [tableProblem('no-header', { sheet }, `the sheet is empty: expected the header row of the ${name.en} (${list.en})`, `工作表为空：应有${name.zh}的表头行（${list.zh}）`)] };
  const byHeader = headerIndex(columns);
  rows[headerRow]!.forEach((cell, c) => {
    if (isBlank(cell)) return;
    const text = String(cell).trim();
    const column = byHeader.get(headerKey(text));
    const place = { sheet, rowIndex: headerRow, columnIndex: c, header: text };
    if (column === undefined) problems.push(tableProblem('unknown-column', place, `${quoted(text)} is not a column of the ${name.en} (${list.en})`, `${quoted(text)} 不是${name.zh}的列（${list.zh}）`));
    else if (at.has(column.key)) problems.push(tableProblem('duplicate-column', place, `the column ${column.en} appears twice`, `“${column.zh}”列重复`));
    else at.set(column.key, c);
  });
  for (const column of columns) {
    if (column.required === true && !at.has(column.key)) problems.push(tableProblem('missing-column', { sheet, rowIndex: headerRow }, `no ${column.en} column (header "${column.en}" or "${column.zh}")`, `缺少“${column.zh}”列（表头 “${column.zh}” 或 “${column.en}”）`));
  }
  return { headerRow, at, problems };
}

/** The cells of one data row, read by column key, each problem with its cell. */
export class RowReader<K extends string> {
  constructor(
    private readonly table: TableSheet,
    private readonly header: SheetHeader<K>,
    private readonly rowIndex: number,
    private readonly problems: TableProblem[],
  ) {}

  private cell(key: K): TableCell {
    const c = this.header.at.get(key);
    return c === undefined ? null : (this.table.rows[this.rowIndex]![c] ?? null);
  }

  place(key: K): CellPlace {
    const c = this.header.at.get(key);
    return { sheet: this.table.sheet, rowIndex: this.rowIndex, columnIndex: c, header: c === undefined ? undefined : String(this.table.rows[this.header.headerRow]![c] ?? '') };
  }

  problem(key: K, en: string, zh: string): undefined {
    this.problems.push(tableProblem('invalid', this.place(key), en, zh));
    return undefined;
  }

  text(key: K): string | undefined {
    const read = readCell('text', this.cell(key));
    return read.ok ? (read.value as string | undefined) : undefined;
  }

  /** A required text: absent is a problem naming the cell. */
  needText(key: K, en: string, zh: string): string | undefined {
    return this.text(key) ?? this.problem(key, `${en} is required`, `缺少${zh}`);
  }

  number(key: K, options: { integer?: boolean } = {}): number | undefined {
    const read = readCell('number', this.cell(key));
    if (!read.ok) {
      this.problems.push(tableProblem('not-a-number', this.place(key), read.en, read.zh));
      return undefined;
    }
    const value = read.value as number | undefined;
    if (value !== undefined && options.integer === true && !Number.isInteger(value)) return this.problem(key, `expected a whole number such as 2025, got ${value}`, `应为整数（如 2025），实际为 ${value}`);
    return value;
  }

  /** One of the given ids. */
  choice<T extends string>(key: K, choices: readonly T[]): T | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    if ((choices as readonly string[]).includes(text)) return text as T;
    return this.problem(key, `${quoted(text)} is not one of ${choices.join(', ')}`, `${quoted(text)} 不是可选值（${choices.join('、')}）之一`);
  }

  /** A list written "a; b; c" (or a JSON array of strings when an item holds a semicolon). */
  list(key: K): string[] {
    const text = this.text(key);
    if (text === undefined) return [];
    if (text.startsWith('[')) {
      const parsed = this.json(key);
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
      this.problem(key, 'expected a JSON array of texts', '应为文本组成的 JSON 数组');
      return [];
    }
    return text.split(/[;；]/).map((item) => item.trim()).filter((item) => item !== '');
  }

  json(key: K): unknown {
    const text = this.text(key);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      return this.problem(key, `not valid JSON (${error instanceof Error ? error.message : String(error)})`, `不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）`);
    }
  }
}

/** A list as one cell: "a; b", or a JSON array when an item holds a semicolon or is blank (so it reads back the same). */
export function listCell(items: readonly string[]): string | null {
  if (items.length === 0) return null;
  if (items.some((item) => /[;；]/.test(item) || item.trim() !== item || item === '' || item.startsWith('['))) return JSON.stringify(items);
  return items.join('; ');
}

/** Whether a data row is empty. */
export const blankRow = (row: readonly TableCell[]): boolean => row.every((cell) => isBlank(cell));
