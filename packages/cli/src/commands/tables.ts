import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createEngine, documentWithTables, tableIssueText, type Lang, type TableProblem } from '@peakpath/core';
import { importTableFile, InputFileError, inventoryTableFile, inventoryText, MAX_SPREADSHEET_BYTES, readDocument, type InventoryExport, type TableFormat, type TableKind, type TrackingExport } from '@peakpath/node';
import type { CommandOutput } from '../output.ts';
import { inventoryExport, isInventoryExport, isTrackingExport, trackingExport } from './exports.ts';

export interface ExportOptions {
  readonly to: string;
  readonly lang: Lang;
  /**
   * The lines or indicators table of an inventory, or a standard table: the GPC reporting table, the
   * CDP-ICLEI emissions table (of an inventory file); the CDP-ICLEI targets, the indicators, the actions
   * (of a tracking file).
   */
  readonly table: TableKind | InventoryExport | TrackingExport;
  /** The inventory boundary as the CDP table states it (`--boundary`). */
  readonly boundary?: string | undefined;
  /** The date a tracking file's statuses are judged at (`--as-of`; today when absent, stated). */
  readonly asOf?: string | undefined;
}

export interface ImportLinesOptions {
  readonly into: string;
  readonly out?: string | undefined;
  readonly lang: Lang;
}

export const both = (lang: Lang, en: string, zh: string): string => (lang === 'zh' ? `${zh} / ${en}` : `${en} / ${zh}`);

export function tableFormat(file: string, option: string): TableFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx' || extension === '.csv') return extension.slice(1) as TableFormat;
  throw new InputFileError(`${option}: "${file}" is not an .xlsx or .csv file name / 文件名应以 .xlsx 或 .csv 结尾`);
}

export async function writeOut(file: string, content: string | Uint8Array): Promise<void> {
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
  if (isTrackingExport(table)) return trackingExport(file, table, format, options);
  const document = await inventoryDocument(file);
  const run = createEngine().inventory(document, { id: file });
  if (isInventoryExport(table)) return inventoryExport(file, document, run, table, format, options);
  if (options.asOf !== undefined) throw new InputFileError(`--as-of applies to the tables of a tracking file (--table cdp-targets, tracking-indicators, actions) / --as-of 仅用于跟踪文件的表`);
  if (options.boundary !== undefined) throw new InputFileError(`--boundary applies to --table cdp-emissions / --boundary 仅用于 --table cdp-emissions`);
  const bytes = await inventoryTableFile(document, run.ok ? run.value : undefined, format, options.lang, table);
  await writeOut(options.to, bytes);
  const lines = (document['activities'] as unknown[]).length;
  const notes = [both(options.lang, `wrote ${options.to}: ${lines} line${lines === 1 ? '' : 's'}`, `已写出 ${options.to}：${lines} 行活动数据`)];
  if (!run.ok && (format === 'xlsx' || options.table === 'indicators')) {
    notes.push(both(options.lang, `the indicators carry no computed results: the inventory has ${run.issues.length} problem${run.issues.length === 1 ? '' : 's'} (peakpath inventory ${file} lists them)`, `指标表不含计算结果：清单有 ${run.issues.length} 处问题（运行 peakpath inventory ${file} 查看）`));
  }
  return { status: 0, stderr: notes.map((note) => `${note}\n`).join('') };
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
