import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createEngine, documentWithTables, tableIssueText, type EngineResult, type InventoryResult, type Lang, type TableProblem } from '@peakpath/core';
import { cdpOptionsOf, importTableFile, InputFileError, INVENTORY_EXPORTS, inventoryTableFile, inventoryText, MAX_SPREADSHEET_BYTES, readDocument, standardTableFile, type InventoryExport, type TableFormat, type TableKind } from '@peakpath/node';
import type { CommandOutput } from '../output.ts';

export interface ExportOptions {
  readonly to: string;
  readonly lang: Lang;
  /** The lines or indicators table, or a standard table: the GPC reporting table, the CDP-ICLEI emissions table. */
  readonly table: TableKind | InventoryExport;
  /** The inventory boundary as the CDP table states it (`--boundary`). */
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
  const document = await inventoryDocument(file);
  const run = createEngine().inventory(document, { id: file });
  const table = options.table;
  if (isStandardExport(table)) return standardExport(file, document, run, table, format, options);
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

const isStandardExport = (table: string): table is InventoryExport => (INVENTORY_EXPORTS as readonly string[]).includes(table);

const STANDARD_NAMES: Readonly<Record<InventoryExport, { en: string; zh: string }>> = {
  gpc: { en: 'the GPC reporting table', zh: 'GPC 报告表' },
  'cdp-emissions': { en: 'the CDP-ICLEI emissions table', zh: 'CDP-ICLEI 排放表' },
};

/**
 * `peakpath export FILE --table gpc|cdp-emissions --to T.xlsx|T.csv`: a standard table of the computed
 * inventory (docs/import-export.md). Its figures are results, so an inventory that does not compute is
 * refused (exit 2), not exported empty.
 */
async function standardExport(file: string, document: Record<string, unknown>, run: EngineResult<InventoryResult>, table: InventoryExport, format: TableFormat, options: ExportOptions): Promise<CommandOutput> {
  const name = STANDARD_NAMES[table];
  if (options.boundary !== undefined && table !== 'cdp-emissions') throw new InputFileError(`--boundary applies to --table cdp-emissions / --boundary 仅用于 --table cdp-emissions`);
  if (!run.ok) {
    const count = run.issues.length;
    return { status: 2, stderr: `${both(options.lang, `${file}: ${name.en} holds computed results, and the inventory has ${count} problem${count === 1 ? '' : 's'} (peakpath inventory ${file} lists them); nothing written`, `${file}：${name.zh}为计算结果，而清单有 ${count} 处问题（运行 peakpath inventory ${file} 查看），未写出`)}\n` };
  }
  const bytes = await standardTableFile(table, run.value, format, options.lang, cdpOptionsOf(document, options.boundary));
  await writeOut(options.to, bytes);
  return { status: 0, stderr: `${both(options.lang, `wrote ${options.to}: ${name.en}`, `已写出 ${options.to}：${name.zh}`)}\n` };
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
