import { columnName } from '../import/energy-balance-grid.ts';

/** What is wrong with a cell or a sheet of an imported table; the message in both languages (docs/import-export.md). */
export type TableProblemCode =
  | 'no-header'
  | 'missing-column'
  | 'unknown-column'
  | 'duplicate-column'
  | 'not-a-number'
  | 'not-text'
  | 'not-a-value-with-unit'
  | 'not-a-fraction'
  | 'bad-json'
  | 'reserved-key'
  | 'given-twice'
  | 'scope-mismatch'
  | 'sector-mismatch'
  | 'unknown-indicator'
  | 'duplicate-indicator'
  | 'no-lines'
  | 'invalid';

export interface TableProblem {
  readonly code: TableProblemCode;
  readonly sheet: string;
  /** 1-based, as a spreadsheet shows it; absent for the sheet as a whole. */
  readonly row?: number | undefined;
  /** The column letter (`E`), and the header written above it. */
  readonly column?: string | undefined;
  readonly header?: string | undefined;
  /** `sheet!E5`, `sheet!E` or `sheet`. */
  readonly cell: string;
  readonly en: string;
  readonly zh: string;
}

/** The place of a cell: rowIndex and columnIndex 0-based (undefined for a whole row or sheet). */
export interface CellPlace {
  readonly sheet: string;
  readonly rowIndex?: number | undefined;
  readonly columnIndex?: number | undefined;
  readonly header?: string | undefined;
}

export function tableProblem(code: TableProblemCode, place: CellPlace, en: string, zh: string): TableProblem {
  const column = place.columnIndex === undefined ? undefined : columnName(place.columnIndex);
  const row = place.rowIndex === undefined ? undefined : place.rowIndex + 1;
  const cell = `${place.sheet}${column === undefined && row === undefined ? '' : `!${column ?? ''}${row ?? ''}`}`;
  const where = place.header === undefined ? '' : ` (${place.header})`;
  return { code, sheet: place.sheet, row, column, header: place.header, cell, en: `${cell}${where}: ${en}`, zh: `${cell}${where}：${zh}` };
}

/** A cell's content as quoted in a message, cut short. */
export const quoted = (value: string | number): string => {
  const text = String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
};
