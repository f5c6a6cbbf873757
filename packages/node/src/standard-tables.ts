import { actionsTable, parseInventory, cdpEmissionsTable, cdpTargetsTable, gpcReportTable, headerKey, indicatorsTrackingTable, readActionsTable, readIndicatorsTable, ACTIONS_SHEET, TRACKING_INDICATORS_SHEET, type ActionsTableImport, type CdpEmissionsOptions, type IndicatorsTableImport, type InventoryResult, type Lang, type TableSheet, type Tracking, type TrackingResult } from '@peakpath/core';
import { InputFileError } from './documents.ts';
import { sheetNames, spreadsheetFromBytes } from './spreadsheet.ts';
import { MAX_TABLE_ROWS, unescapeCellText, writeCsv, writeXlsx, type TableFormat } from './tables.ts';

/**
 * The standard exports (docs/import-export.md): the GPC reporting table and the CDP-ICLEI emissions table
 * of an inventory result; the CDP-ICLEI target table, the indicators and the actions of a tracking
 * document. The tables are the core's; this writes them as XLSX or CSV with tables.ts's writers (text that
 * could start a formula gets a leading apostrophe; cells are typed text or number, never formulas), and
 * reads an exported indicators or actions table back through spreadsheet.ts's caps.
 */

export const INVENTORY_EXPORTS = ['gpc', 'cdp-emissions'] as const;
export type InventoryExport = (typeof INVENTORY_EXPORTS)[number];
export const TRACKING_EXPORTS = ['cdp-targets', 'tracking-indicators', 'actions'] as const;
export type TrackingExport = (typeof TRACKING_EXPORTS)[number];
export type StandardExport = InventoryExport | TrackingExport;

const fileBytes = async (sheet: TableSheet, format: TableFormat): Promise<Uint8Array> => (format === 'xlsx' ? writeXlsx([sheet]) : new TextEncoder().encode(writeCsv(sheet)));

/**
 * What the CDP table asks beside the figures, from the inventory document: its population in persons as
 * the inventory reader reads it (a `{ value, unit }` such as 万人 converted), absent when the file gives
 * none or does not read; the boundary text as given (a caller's option, not a field of the file).
 */
export function cdpOptionsOf(document: unknown, boundary?: string): CdpEmissionsOptions {
  const parsed = parseInventory(document);
  return { population: parsed.ok ? parsed.inventory.population : undefined, boundary };
}

/** The sheet of an inventory export (the table the file holds). */
export function standardTable(kind: InventoryExport, result: InventoryResult, lang: Lang, options: CdpEmissionsOptions = {}): TableSheet {
  switch (kind) {
    case 'gpc':
      return gpcReportTable(result, lang);
    case 'cdp-emissions':
      return cdpEmissionsTable(result, lang, options);
    default: {
      const unknown: never = kind;
      throw new Error(`standard-tables: unknown export ${String(unknown)}`);
    }
  }
}

/** An inventory result as the GPC reporting table or the CDP-ICLEI emissions table, XLSX or CSV. */
export async function standardTableFile(kind: InventoryExport, result: InventoryResult, format: TableFormat, lang: Lang, options: CdpEmissionsOptions = {}): Promise<Uint8Array> {
  return fileBytes(standardTable(kind, result, lang, options), format);
}

/** The sheet of a tracking export. */
export function trackingTable(kind: TrackingExport, tracking: Tracking, lang: Lang, result?: TrackingResult): TableSheet {
  switch (kind) {
    case 'cdp-targets':
      return cdpTargetsTable(tracking, lang, result);
    case 'tracking-indicators':
      return indicatorsTrackingTable(tracking, lang, result);
    case 'actions':
      return actionsTable(tracking, lang, result);
    default: {
      const unknown: never = kind;
      throw new Error(`standard-tables: unknown export ${String(unknown)}`);
    }
  }
}

/** A tracking document's target, indicator or action table, XLSX or CSV; with `result`, the computed columns too. */
export async function trackingTableFile(kind: TrackingExport, tracking: Tracking, format: TableFormat, lang: Lang, result?: TrackingResult): Promise<Uint8Array> {
  return fileBytes(trackingTable(kind, tracking, lang, result), format);
}

/** One exported sheet read back: a CSV's table, or the XLSX sheet named in either language (else the first). */
export async function readExportedSheet(file: string, bytes: Uint8Array, names: Readonly<Record<Lang, string>>): Promise<TableSheet> {
  let sheet: string | undefined;
  if (file.toLowerCase().endsWith('.xlsx')) {
    const available = await sheetNames(file, bytes);
    sheet = available.find((name) => Object.values(names).some((spelling) => headerKey(spelling) === headerKey(name))) ?? available[0];
    if (sheet === undefined) throw new InputFileError(`${file}: the workbook has no sheets / 工作簿中没有工作表`);
  }
  const grid = await spreadsheetFromBytes(file, bytes, { sheet, maxRows: MAX_TABLE_ROWS });
  return { sheet: grid.sheet, rows: grid.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? unescapeCellText(cell) : cell))) };
}

/** An exported indicators table (XLSX or CSV, size-capped) read back into a tracking document's indicators. */
export async function importTrackingIndicatorsFile(file: string, bytes: Uint8Array): Promise<IndicatorsTableImport> {
  return readIndicatorsTable(await readExportedSheet(file, bytes, TRACKING_INDICATORS_SHEET));
}

/** An exported actions table (XLSX or CSV, size-capped) read back into a tracking document's actions. */
export async function importActionsFile(file: string, bytes: Uint8Array): Promise<ActionsTableImport> {
  return readActionsTable(await readExportedSheet(file, bytes, ACTIONS_SHEET));
}
