import { computeTracking, formatIssue, isIsoDate, parseTracking, type EngineResult, type InventoryResult } from '@peakpath/core';
import { cdpOptionsOf, InputFileError, INVENTORY_EXPORTS, readDocument, standardTableFile, TRACKING_EXPORTS, trackingTableFile, type InventoryExport, type TableFormat, type TrackingExport } from '@peakpath/node';
import type { CommandOutput } from '../output.ts';
import { both, writeOut, type ExportOptions } from './tables.ts';

/**
 * `peakpath export FILE --table KIND --to T.xlsx|T.csv` for the standard tables (docs/import-export.md):
 * `gpc` and `cdp-emissions` of an inventory file, `cdp-targets`, `tracking-indicators` and `actions` of a
 * tracking file. Each file holds the one table, in XLSX or CSV. The figures are results, so a file that
 * does not read or compute is refused (exit 2), never exported empty.
 */

export const isInventoryExport = (table: string): table is InventoryExport => (INVENTORY_EXPORTS as readonly string[]).includes(table);
export const isTrackingExport = (table: string): table is TrackingExport => (TRACKING_EXPORTS as readonly string[]).includes(table);

const NAMES: Readonly<Record<InventoryExport | TrackingExport, { en: string; zh: string }>> = {
  gpc: { en: 'the GPC reporting table', zh: 'GPC 报告表' },
  'cdp-emissions': { en: 'the CDP-ICLEI emissions table', zh: 'CDP-ICLEI 排放表' },
  'cdp-targets': { en: 'the CDP-ICLEI target table', zh: 'CDP-ICLEI 目标表' },
  'tracking-indicators': { en: 'the tracking indicators table', zh: '跟踪指标表' },
  actions: { en: 'the actions table', zh: '行动表' },
};

const wrote = (options: ExportOptions, table: InventoryExport | TrackingExport, note = { en: '', zh: '' }): CommandOutput => ({
  status: 0,
  stderr: `${both(options.lang, `wrote ${options.to}: ${NAMES[table].en}${note.en}`, `已写出 ${options.to}：${NAMES[table].zh}${note.zh}`)}\n`,
});

export async function inventoryExport(file: string, document: Record<string, unknown>, run: EngineResult<InventoryResult>, table: InventoryExport, format: TableFormat, options: ExportOptions): Promise<CommandOutput> {
  const name = NAMES[table];
  if (options.boundary !== undefined && table !== 'cdp-emissions') throw new InputFileError(`--boundary applies to --table cdp-emissions / --boundary 仅用于 --table cdp-emissions`);
  if (options.asOf !== undefined) throw new InputFileError(`--as-of applies to the tables of a tracking file (--table cdp-targets, tracking-indicators, actions) / --as-of 仅用于跟踪文件的表`);
  if (!run.ok) {
    const count = run.issues.length;
    return { status: 2, stderr: `${both(options.lang, `${file}: ${name.en} holds computed results, and the inventory has ${count} problem${count === 1 ? '' : 's'} (peakpath inventory ${file} lists them); nothing written`, `${file}：${name.zh}为计算结果，而清单有 ${count} 处问题（运行 peakpath inventory ${file} 查看），未写出`)}\n` };
  }
  await writeOut(options.to, await standardTableFile(table, run.value, format, options.lang, cdpOptionsOf(document, options.boundary)));
  return wrote(options, table);
}

/** Today's date on this machine's calendar, `YYYY-MM-DD`: the date statuses are judged at unless `--as-of` names one. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function trackingExport(file: string, table: TrackingExport, format: TableFormat, options: ExportOptions): Promise<CommandOutput> {
  if (options.boundary !== undefined) throw new InputFileError(`--boundary applies to --table cdp-emissions / --boundary 仅用于 --table cdp-emissions`);
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw new InputFileError(`--as-of: "${options.asOf}" is not a real date written YYYY-MM-DD / --as-of 应为有效日期 YYYY-MM-DD`);
  const document = await readDocument(file, { notice: (text) => process.stderr.write(`${text}\n`) });
  const parsed = parseTracking(document);
  if (!parsed.ok) {
    const count = parsed.issues.length;
    const heading = both(options.lang, `${file}: the tracking file has ${count} problem${count === 1 ? '' : 's'}; nothing written`, `${file}：跟踪文件有 ${count} 处问题，未写出`);
    return { status: 2, stderr: `${heading}\n${parsed.issues.slice(0, 200).map((issue) => `${formatIssue(issue, options.lang)}\n`).join('')}` };
  }
  const asOf = options.asOf ?? today();
  await writeOut(options.to, await trackingTableFile(table, parsed.tracking, format, options.lang, computeTracking(parsed.tracking, asOf)));
  const stated = options.asOf === undefined ? { en: `; statuses judged at ${asOf} (today; --as-of names another date)`, zh: `；状态判定日期 ${asOf}（今天；可用 --as-of 指定）` } : { en: `; statuses judged at ${asOf}`, zh: `；状态判定日期 ${asOf}` };
  return wrote(options, table, stated);
}
