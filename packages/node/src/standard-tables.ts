import {
  actionsFromTable,
  actionsTable,
  cdpEmissionsTable,
  cdpTargetsTable,
  gpcReportTable,
  headerKey,
  trackingIndicatorsFromTable,
  trackingIndicatorsTable,
  TRACKING_ACTIONS_SHEET,
  TRACKING_INDICATORS_SHEET,
  type ActionsImport,
  type CdpEmissionsOptions,
  type InventoryResult,
  type Lang,
  type TableSheet,
  type Tracking,
  type TrackingIndicatorsImport,
  type TrackingResult,
} from '@peakpath/core';
import { sheetNames, spreadsheetFromBytes } from './spreadsheet.ts';
import { MAX_TABLE_ROWS, unescapeSheet, writeCsv, writeXlsx, type TableFormat } from './tables.ts';

/**
 * The standard exports of issue 16 as files (docs/import-export.md): the GPC reporting table and the CDP-ICLEI
 * emissions table of an inventory result; the CDP-ICLEI target table, the indicators table and the actions table of
 * a tracking file. The tables are the core's (`@peakpath/core` tables/); here they become XLSX (one sheet) or CSV,
 * written as every table is (tables.ts: formula characters escaped, numbers as numbers). The indicators and
 * actions tables read back through spreadsheet.ts, with its caps on size, unzipped size and range.
 */

export const STANDARD_TABLE_KINDS = ['gpc', 'cdp-emissions'] as const;
export type StandardTableKind = (typeof STANDARD_TABLE_KINDS)[number];
export const TRACKING_TABLE_KINDS = ['cdp-targets', 'tracking-indicators', 'actions'] as const;
export type TrackingTableKind = (typeof TRACKING_TABLE_KINDS)[number];

export function standardTable(kind: StandardTableKind, result: InventoryResult, lang: Lang, options: CdpEmissionsOptions = {}): TableSheet {
  switch (kind) {
    case 'gpc':
      return gpcReportTable(result, lang);
    case 'cdp-emissions':
      return cdpEmissionsTable(result, lang, options);
    default: {
      const unknown: never = kind;
      throw new Error(`standardTable: unknown kind ${String(unknown)}`);
    }
  }
}

export function trackingTable(kind: TrackingTableKind, tracking: Tracking, lang: Lang, result?: TrackingResult): TableSheet {
  switch (kind) {
    case 'cdp-targets':
      return cdpTargetsTable(tracking, lang, result);
    case 'tracking-indicators':
      return trackingIndicatorsTable(tracking, lang, result);
    case 'actions':
      return actionsTable(tracking, lang, result);
    default: {
      const unknown: never = kind;
      throw new Error(`trackingTable: unknown kind ${String(unknown)}`);
    }
  }
}

const fileOf = async (table: TableSheet, format: TableFormat): Promise<Uint8Array> => (format === 'xlsx' ? writeXlsx([table]) : new TextEncoder().encode(writeCsv(table)));

/** The GPC reporting table or the CDP-ICLEI emissions table of an inventory result, as an XLSX or CSV file. */
export async function standardTableFile(kind: StandardTableKind, result: InventoryResult, format: TableFormat, lang: Lang, options: CdpEmissionsOptions = {}): Promise<Uint8Array> {
  return fileOf(standardTable(kind, result, lang, options), format);
}

/** The CDP-ICLEI target table, the indicators table or the actions table of a tracking file (computed columns from `result`). */
export async function trackingTableFile(kind: TrackingTableKind, tracking: Tracking, format: TableFormat, lang: Lang, result?: TrackingResult): Promise<Uint8Array> {
  return fileOf(trackingTable(kind, tracking, lang, result), format);
}

/** The sheet of a table file: a CSV's one table, or the XLSX sheet of the given names (either language), else the first. */
async function readSheet(file: string, bytes: Uint8Array, names: Readonly<Record<Lang, string>>): Promise<TableSheet> {
  if (!file.toLowerCase().endsWith('.xlsx')) return unescapeSheet(await spreadsheetFromBytes(file, bytes, { maxRows: MAX_TABLE_ROWS }));
  const sheets = await sheetNames(file, bytes);
  const sheet = sheets.find((name) => Object.values(names).some((spelling) => headerKey(spelling) === headerKey(name))) ?? sheets[0];
  return unescapeSheet(await spreadsheetFromBytes(file, bytes, { sheet, maxRows: MAX_TABLE_ROWS }));
}

/** Reads an exported (and perhaps edited) indicators table back: the tracking file's `indicators` section, or its problems by cell. */
export async function importTrackingIndicatorsFile(file: string, bytes: Uint8Array): Promise<TrackingIndicatorsImport> {
  return trackingIndicatorsFromTable(await readSheet(file, bytes, TRACKING_INDICATORS_SHEET));
}

/** Reads an exported (and perhaps edited) actions table back: the tracking file's `actions` section, or its problems by cell. */
export async function importActionsFile(file: string, bytes: Uint8Array): Promise<ActionsImport> {
  return actionsFromTable(await readSheet(file, bytes, TRACKING_ACTIONS_SHEET));
}
