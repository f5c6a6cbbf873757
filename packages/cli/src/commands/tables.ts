import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { computeTracking, createEngine, documentWithTables, isIsoDate, parseInventory, parseTracking, tableIssueText, type Lang, type TableProblem } from '@peakpath/core';
import {
  importTableFile,
  InputFileError,
  inventoryTableFile,
  inventoryText,
  MAX_SPREADSHEET_BYTES,
  readDocument,
  standardTableFile,
  STANDARD_TABLE_KINDS,
  trackingTableFile,
  TRACKING_TABLE_KINDS,
  type StandardTableKind,
  type TableFormat,
  type TableKind,
  type TrackingTableKind,
} from '@peakpath/node';
import type { CommandOutput } from '../output.ts';
import { today } from '../today.ts';
import { issueReport } from './inventory.ts';

/** Every table `peakpath export` writes: an inventory's lines and indicators, the standard exports of an inventory and of a tracking file. */
export const EXPORT_TABLES = ['lines', 'indicators', ...STANDARD_TABLE_KINDS, ...TRACKING_TABLE_KINDS] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface ExportOptions {
  readonly to: string;
  readonly lang: Lang;
  readonly table: ExportTable;
  /** The date a tracking table's computed columns are judged at (`YYYY-MM-DD`); today when absent, stated. */
  readonly asOf?: string | undefined;
  /** The inventory boundary as the CDP emissions table states it (`--table cdp-emissions` only). */
  readonly boundary?: string | undefined;
}

export interface ImportLinesOptions {
  readonly into: string;
  readonly out?: string | undefined;
  readonly lang: Lang;
}

const both = (lang: Lang, en: string, zh: string): string => (lang === 'zh' ? `${zh} / ${en}` : `${en} / ${zh}`);

function tableFormat(file: string, option: string): TableFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx' || extension === '.csv') return extension.slice(1) as TableFormat;
  throw new InputFileError(`${option}: "${file}" is not an .xlsx or .csv file name / 文件名应以 .xlsx 或 .csv 结尾`);
}

async function writeOut(file: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFile(file, content);
  } catch (error) {
    throw new InputFileError(`${file}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)}) / 无法写入文件`);
  }
}

async function inventoryDocument(file: string): Promise<Record<string, unknown>> {
  const document = await readDocument(file, { notice: (text) => process.stderr.write(`${text}\n`) });
  if (typeof document !== 'object' || document === null || Array.isArray(document) || !Array.isArray((document as Record<string, unknown>)['activities'])) {
    throw new InputFileError(`${file}: not an inventory file (an object with its activities list) / 不是清单文件（应含 activities 列表）`);
  }
  return document as Record<string, unknown>;
}

/**
 * `peakpath export FILE --to T.xlsx|T.csv`: the inventory's lines (and in XLSX its indicators, with the
 * computed results when the inventory computes) as a spreadsheet; docs/import-export.md.
 */
export async function exportCommand(file: string, options: ExportOptions): Promise<CommandOutput> {
  const format = tableFormat(options.to, '--to');
  const table = options.table;
  if (options.boundary !== undefined && table !== 'cdp-emissions') throw new InputFileError(both(options.lang, `--boundary: applies to --table cdp-emissions, not to --table ${table}`, `--boundary：仅适用于 --table cdp-emissions，不适用于 --table ${table}`));
  if ((TRACKING_TABLE_KINDS as readonly string[]).includes(table)) return exportTrackingTable(file, table as TrackingTableKind, format, options);
  if (options.asOf !== undefined) throw new InputFileError(both(options.lang, `--as-of: applies to the tables of a tracking file (${TRACKING_TABLE_KINDS.join(', ')}), not to --table ${table}`, `--as-of：仅适用于跟踪文件的表（${TRACKING_TABLE_KINDS.join('、')}），不适用于 --table ${table}`));
  if ((STANDARD_TABLE_KINDS as readonly string[]).includes(table)) return exportStandardTable(file, table as StandardTableKind, format, options);
  return exportInventoryTable(file, table as TableKind, format, options);
}

async function exportInventoryTable(file: string, table: TableKind, format: TableFormat, options: ExportOptions): Promise<CommandOutput> {
  const document = await inventoryDocument(file);
  const run = createEngine().inventory(document, { id: file });
  const bytes = await inventoryTableFile(document, run.ok ? run.value : undefined, format, options.lang, table);
  await writeOut(options.to, bytes);
  const lines = (document['activities'] as unknown[]).length;
  const notes = [both(options.lang, `wrote ${options.to}: ${lines} line${lines === 1 ? '' : 's'}`, `已写出 ${options.to}：${lines} 行活动数据`)];
  if (!run.ok && (format === 'xlsx' || table === 'indicators')) {
    notes.push(both(options.lang, `the indicators carry no computed results: the inventory has ${run.issues.length} problem${run.issues.length === 1 ? '' : 's'} (peakpath inventory ${file} lists them)`, `指标表不含计算结果：清单有 ${run.issues.length} 处问题（运行 peakpath inventory ${file} 查看）`));
  }
  return { status: 0, stderr: notes.map((note) => `${note}\n`).join('') };
}

/**
 * `--table gpc|cdp-emissions`: the GPC reporting table or the CDP-ICLEI emissions table of an inventory that
 * computes (an inventory with problems is refused, exit 2: these tables are its results). The CDP table states the
 * inventory's population when the file gives one, and the boundary `--boundary` describes.
 */
async function exportStandardTable(file: string, table: StandardTableKind, format: TableFormat, options: ExportOptions): Promise<CommandOutput> {
  const document = await inventoryDocument(file);
  const run = createEngine().inventory(document, { id: file });
  if (!run.ok) return { status: 2, stderr: `${both(options.lang, `${file}: the ${table} table is the inventory's results, and the inventory does not compute; nothing written`, `${file}：${table} 表是清单的计算结果，而清单无法计算，未写出`)}\n${issueReport(run.issues, options.lang)}` };
  const parsed = parseInventory(document);
  const population = parsed.ok ? parsed.inventory.population : undefined;
  await writeOut(options.to, await standardTableFile(table, run.value, format, options.lang, { population, boundary: options.boundary }));
  return { status: 0, stderr: `${both(options.lang, `wrote ${options.to}: the ${table} table of ${file}`, `已写出 ${options.to}：${file} 的 ${table} 表`)}\n` };
}

/** `--table cdp-targets|tracking-indicators|actions`: a table of a tracking file, its computed columns judged at `--as-of`. */
async function exportTrackingTable(file: string, table: TrackingTableKind, format: TableFormat, options: ExportOptions): Promise<CommandOutput> {
  const lang = options.lang;
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw new InputFileError(both(lang, `--as-of: expected a real date YYYY-MM-DD, got "${options.asOf}"`, `--as-of：应为有效日期 YYYY-MM-DD，实为 "${options.asOf}"`));
  const document = await readDocument(file, { notice: (text) => process.stderr.write(`${text}\n`) });
  if (typeof document === 'object' && document !== null && !Array.isArray(document) && Array.isArray((document as Record<string, unknown>)['activities'])) {
    throw new InputFileError(both(lang, `${file}: an inventory file; --table ${table} takes a tracking file (docs/tracking.md)`, `${file}：这是清单文件；--table ${table} 需要跟踪文件（docs/tracking.md）`));
  }
  const parsed = parseTracking(document);
  if (!parsed.ok) return { status: 2, stderr: issueReport(parsed.issues.map((issue) => ({ ...issue, document: { kind: 'tracking', id: file } })), lang) };
  const asOf = options.asOf ?? today();
  await writeOut(options.to, await trackingTableFile(table, parsed.tracking, format, lang, computeTracking(parsed.tracking, asOf)));
  const judged = options.asOf !== undefined ? both(lang, `judged at ${asOf}`, `判定日期 ${asOf}`) : both(lang, `judged at ${asOf} (today; --as-of names another date)`, `判定日期 ${asOf}（今天；可用 --as-of 指定）`);
  return { status: 0, stderr: `${both(lang, `wrote ${options.to}: the ${table} table of ${file}`, `已写出 ${options.to}：${file} 的 ${table} 表`)}\n${judged}\n` };
}

const problemLine = (problem: TableProblem, lang: Lang): string => `${lang === 'zh' ? `${problem.zh} / ${problem.en}` : `${problem.en} / ${problem.zh}`}\n`;

/**
 * `peakpath import lines TABLE --into INVENTORY`: the table's lines become the inventory's activities (its
 * indicators sheet gives year, population and GDP). Nothing is written unless the table reads cleanly and
 * the inventory then computes; every problem is told by its cell. The YAML keeps its other fields and
 * comments.
 */
export async function importLinesCommand(table: string, options: ImportLinesOptions): Promise<CommandOutput> {
  tableFormat(table, 'TABLE');
  let size: number;
  try {
    size = (await stat(table)).size;
  } catch (error) {
    throw new InputFileError(`${table}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}) / 无法读取文件`);
  }
  if (size > MAX_SPREADSHEET_BYTES) throw new InputFileError(`${table}: the file is ${size} bytes; the limit for a spreadsheet is ${MAX_SPREADSHEET_BYTES} (10 MiB) / 文件超过 10 MiB 上限`);
  const imported = await importTableFile(table, await readFile(table));
  const lang = options.lang;
  if (imported.problems.length > 0) {
    const heading = both(lang, `${table}: ${imported.problems.length} problem${imported.problems.length === 1 ? '' : 's'}; nothing written`, `${table}：${imported.problems.length} 处问题，未写出`);
    return { status: 2, stderr: `${heading}\n${imported.problems.map((problem) => problemLine(problem, lang)).join('')}` };
  }
  const document = await inventoryDocument(options.into);
  const next = documentWithTables(document, imported);
  const run = createEngine().inventory(next, { id: options.into });
  if (!run.ok) {
    const heading = both(lang, `${table}: the inventory with these lines has ${run.issues.length} problem${run.issues.length === 1 ? '' : 's'}; nothing written`, `${table}：导入后的清单有 ${run.issues.length} 处问题，未写出`);
    const lines = run.issues.map((issue) => `${tableIssueText(imported, issue, lang).text}\n`);
    return { status: 2, stderr: `${heading}\n${lines.join('')}` };
  }
  const out = options.out ?? options.into;
  await writeOut(out, inventoryText(options.into, await readFile(options.into, 'utf8'), next));
  const count = imported.lines.lines.length;
  return { status: 0, stderr: `${both(lang, `wrote ${out}: ${count} line${count === 1 ? '' : 's'} from ${table}`, `已写出 ${out}：${count} 行活动数据，来自 ${table}`)}\n` };
}
