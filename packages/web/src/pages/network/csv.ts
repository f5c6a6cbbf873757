/**
 * CSV built in the browser for spreadsheet users: UTF-8 with a byte-order mark (Excel otherwise reads
 * Chinese as mojibake), CRLF rows, and text cells that a spreadsheet would run as a formula (starting
 * with = + - @, or tab / carriage return, OWASP's list) escaped with a leading apostrophe — the
 * project's rule for every export. Numbers are written as numbers: a finite number is never a formula.
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  let text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : cell;
  if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The file's text, BOM first. */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
