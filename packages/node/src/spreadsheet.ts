import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { CellObject, WorkBook } from '@e965/xlsx';
import type { BalanceCell, BalanceGrid } from '@peakpath/core';
import { InputFileError } from './documents.ts';

/**
 * A spreadsheet file (XLSX or CSV) as a grid of cells for the energy-balance import. SheetJS CE
 * (`@e965/xlsx`, the 0.20.3 release republished on npm; STACK.md) reads XLSX; CSV is read here. Limits
 * are ours, checked before SheetJS sees the bytes: an energy balance is a few dozen rows by a few dozen
 * columns, so anything near these is not one.
 */
export const MAX_SPREADSHEET_BYTES = 10 * 1024 * 1024;
/** The sum of the sizes of an XLSX's parts once unzipped (a zip bomb is refused from its directory). */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2000;
/** Rows and columns read; a sheet whose range is larger is refused. */
export const MAX_SHEET_ROWS = 2000;
export const MAX_SHEET_COLUMNS = 200;

export interface SpreadsheetOptions {
  /** The sheet to read (XLSX); the first sheet otherwise. */
  readonly sheet?: string | undefined;
  /** Rows a sheet may have (default MAX_SHEET_ROWS): the tables of inventory lines are longer than a balance. */
  readonly maxRows?: number | undefined;
}

/** Reads FILE (.xlsx or .csv) into a grid; every problem with the file is an InputFileError (exit 2). */
export async function readSpreadsheet(file: string, options: SpreadsheetOptions = {}): Promise<BalanceGrid> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InputFileError(`${file}: not a file / 不是文件`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}) / 无法读取文件`);
  }
  checkSize(file, size);
  return spreadsheetFromBytes(file, await readFile(file), options);
}

function checkSize(file: string, size: number): void {
  if (size > MAX_SPREADSHEET_BYTES) {
    throw new InputFileError(`${file}: the file is ${size} bytes; the limit for a spreadsheet is ${MAX_SPREADSHEET_BYTES} (10 MiB) / 文件超过 10 MiB 上限`);
  }
}

/**
 * The same from bytes in hand (an upload): `file` names it in messages, and its extension (.xlsx or
 * .csv) says how to read it. The same caps apply.
 */
export async function spreadsheetFromBytes(file: string, bytes: Uint8Array, options: SpreadsheetOptions = {}): Promise<BalanceGrid> {
  checkSize(file, bytes.length);
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') {
    if (options.sheet !== undefined) throw new InputFileError(`${file}: --sheet applies to XLSX files; a CSV file has one table / CSV 文件只有一张表，不能指定 --sheet`);
    return { sheet: basename(file, extname(file)), rows: parseCsv(file, bytes, options.maxRows) };
  }
  if (extension !== '.xlsx') throw new InputFileError(`${file}: not an .xlsx or .csv file (save the table as XLSX or CSV) / 不是 .xlsx 或 .csv 文件`);
  return readXlsx(file, bytes, options);
}

/** The names of an XLSX file's sheets (after the same checks of size and zip directory). */
export async function sheetNames(file: string, bytes: Uint8Array): Promise<readonly string[]> {
  checkSize(file, bytes.length);
  checkZip(file, bytes);
  const XLSX = await import('@e965/xlsx');
  try {
    // bookSheets: the workbook part only; no sheet is parsed.
    return XLSX.read(bytes, { type: 'buffer', bookSheets: true }).SheetNames;
  } catch (error) {
    throw new InputFileError(`${file}: not a readable XLSX file (${error instanceof Error ? error.message : String(error)}) / 无法读取的 XLSX 文件`);
  }
}

/** Checks the zip's central directory: entry count and the unzipped total, before anything is inflated. */
function checkZip(file: string, bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) {
    throw new InputFileError(`${file}: not an XLSX file (an XLSX file is a zip archive; this one is not: an old .xls, or another file renamed?) / 不是 XLSX 文件（可能是旧版 .xls 或改了扩展名的其他文件）`);
  }
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new InputFileError(`${file}: a damaged XLSX file (no zip directory) / XLSX 文件已损坏`);
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (entries === 0xffff || offset === 0xffffffff) throw new InputFileError(`${file}: a ZIP64 archive; no energy balance needs one / ZIP64 压缩包，不是能源平衡表`);
  if (entries > MAX_ZIP_ENTRIES) throw new InputFileError(`${file}: ${entries} parts in the archive; the limit is ${MAX_ZIP_ENTRIES} / 压缩包条目过多`);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw new InputFileError(`${file}: a damaged XLSX file (zip directory) / XLSX 文件已损坏`);
    total += view.getUint32(offset + 24, true);
    if (total > MAX_UNZIPPED_BYTES) {
      throw new InputFileError(`${file}: unzips to more than ${MAX_UNZIPPED_BYTES} bytes (64 MiB); refused as a likely zip bomb / 解压后超过 64 MiB，疑为压缩炸弹，拒绝读取`);
    }
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}

async function readXlsx(file: string, bytes: Uint8Array, options: SpreadsheetOptions): Promise<BalanceGrid> {
  checkZip(file, bytes);
  const maxRows = options.maxRows ?? MAX_SHEET_ROWS;
  const XLSX = await import('@e965/xlsx');
  let workbook: WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: true, cellHTML: false, cellStyles: false, cellDates: false, sheetRows: maxRows + 1 });
  } catch (error) {
    throw new InputFileError(`${file}: not a readable XLSX file (${error instanceof Error ? error.message : String(error)}) / 无法读取的 XLSX 文件`);
  }
  const name = options.sheet ?? workbook.SheetNames[0];
  if (name === undefined) throw new InputFileError(`${file}: the workbook has no sheets / 工作簿中没有工作表`);
  if (!workbook.SheetNames.includes(name)) {
    throw new InputFileError(`${file}: no sheet "${name}"; the sheets are ${workbook.SheetNames.map((sheet) => `"${sheet}"`).join(', ')} / 没有名为“${name}”的工作表`);
  }
  const sheet = workbook.Sheets[name]!;
  // With sheetRows, `!ref` is what was read and `!fullref` what the sheet declares.
  const full = XLSX.utils.decode_range(sheet['!fullref'] ?? sheet['!ref'] ?? 'A1:A1');
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  if (full.e.r + 1 > maxRows || full.e.c + 1 > MAX_SHEET_COLUMNS) {
    throw new InputFileError(`${file}: sheet "${name}" spans ${full.e.r + 1} rows × ${full.e.c + 1} columns; the limit is ${maxRows} × ${MAX_SHEET_COLUMNS} / 工作表超过 ${maxRows} 行 × ${MAX_SHEET_COLUMNS} 列上限`);
  }
  const dense = (sheet['!data'] ?? []) as (CellObject | undefined)[][];
  const rows: BalanceCell[][] = [];
  let formulaCells = 0;
  for (let r = 0; r <= range.e.r; r++) {
    const row: BalanceCell[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      const cell = dense[r]?.[c];
      if (cell?.f !== undefined) {
        // A formula is read by the value the spreadsheet saved with it; without one there is nothing to read.
        if (cell.v === undefined || cell.t === 'z' || cell.t === 'e') {
          throw new InputFileError(`${file}: ${name}!${XLSX.utils.encode_cell({ r, c })} is a formula (=${cell.f}) without a saved value; open and save the file in a spreadsheet program, or paste values / 该单元格为公式且无缓存值，请在表格软件中重新保存或粘贴为数值`);
        }
        formulaCells++;
      }
      row.push(cellValue(cell));
    }
    rows.push(row);
  }
  for (const merge of sheet['!merges'] ?? []) {
    const value = rows[merge.s.r]?.[merge.s.c] ?? null;
    for (let r = merge.s.r; r <= Math.min(merge.e.r, range.e.r); r++) {
      for (let c = merge.s.c; c <= Math.min(merge.e.c, range.e.c); c++) rows[r]![c] = value;
    }
  }
  return { sheet: name, rows, formulaCells };
}

function cellValue(cell: CellObject | undefined): BalanceCell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  if (typeof cell.v === 'number') return cell.v;
  if (typeof cell.v === 'boolean') return String(cell.v);
  if (cell.v instanceof Date) return cell.v.toISOString();
  return String(cell.v);
}

/** RFC 4180 CSV in UTF-8 (a byte-order mark is dropped); cells stay text, the import parses numbers. */
export function parseCsv(file: string, bytes: Uint8Array, maxRows = MAX_SHEET_ROWS): BalanceCell[][] {
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputFileError(`${file}: not UTF-8 text (a CSV saved as GBK?); save it as "CSV UTF-8" / 不是 UTF-8 编码，请另存为“CSV UTF-8”`);
  }
  if (content.includes('\u0000')) throw new InputFileError(`${file}: not a CSV file (binary content) / 不是 CSV 文本文件`);
  const rows: BalanceCell[][] = [];
  let row: BalanceCell[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const char = content[i]!;
    if (quoted) {
      if (char === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && content[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
    if (row.length > MAX_SHEET_COLUMNS) throw new InputFileError(`${file}: more than ${MAX_SHEET_COLUMNS} columns / 超过 ${MAX_SHEET_COLUMNS} 列上限`);
    if (rows.length > maxRows) throw new InputFileError(`${file}: more than ${maxRows} rows / 超过 ${maxRows} 行上限`);
  }
  if (quoted) throw new InputFileError(`${file}: a quoted field is not closed / 引号未闭合`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
