import { GPC_SECTORS, type GpcRow, type ReportingLevel } from '../gpc/structure.ts';
import type { InventoryResult, LineResult } from '../inventory/types.ts';
import type { Lang } from '../issues/messages.ts';
import type { TableCell, TableSheet } from './columns.ts';

/**
 * The GPC reporting table (GPC v1.1, WRI/C40/ICLEI 2014, Table 4.3 "emissions by GPC reference number" and
 * Table 4.4's BASIC / BASIC+ totals; docs/import-export.md): one row per row of the GPC table
 * (`core/data/gpc.json`) with its scope and level, the notation keys the inventory gives for it with their
 * explanations, and its emissions by gas and in CO2e summed over its lines; then the totals by scope and
 * the BASIC and BASIC+ totals, which are the inventory result's own figures (not re-summed here).
 * A row with neither a line nor a notation key is left blank: the inventory's `completeness` names it.
 */

type Text = { readonly en: string; readonly zh: string };

export const GPC_REPORT_SHEET: Readonly<Record<Lang, string>> = { en: 'GPC', zh: 'GPC报告表' };

export const GPC_REPORT_HEADERS: readonly Text[] = [
  { en: 'GPC ref. no.', zh: 'GPC 编号' },
  { en: 'scope', zh: '范围' },
  { en: 'sector', zh: '部门' },
  { en: 'sub-sector', zh: '子部门' },
  { en: 'emission source', zh: '排放源' },
  { en: 'reporting level', zh: '报告级别' },
  { en: 'notation key', zh: '注释键' },
  { en: 'CO2 (t)', zh: 'CO2（吨）' },
  { en: 'CH4 (t)', zh: 'CH4（吨）' },
  { en: 'N2O (t)', zh: 'N2O（吨）' },
  { en: 'other gases (tCO2e)', zh: '其他气体（吨二氧化碳当量）' },
  { en: 'total (tCO2e)', zh: '合计（吨二氧化碳当量）' },
  { en: 'explanation', zh: '说明' },
];

const LEVEL_TEXT: Readonly<Record<ReportingLevel, Text>> = {
  BASIC: { en: 'BASIC', zh: 'BASIC' },
  'BASIC+': { en: 'BASIC+', zh: 'BASIC+' },
  territorial: { en: 'territorial only', zh: '仅辖区' },
  other: { en: 'other scope 3', zh: '其他范围三' },
};

const TOTAL_TEXT = {
  scope1: { en: 'Total scope 1 (territorial)', zh: '范围一合计（辖区）' },
  scope2: { en: 'Total scope 2', zh: '范围二合计' },
  scope3: { en: 'Total scope 3', zh: '范围三合计' },
  basic: { en: 'BASIC total', zh: 'BASIC 合计' },
  basicPlus: { en: 'BASIC+ total', zh: 'BASIC+ 合计' },
} as const satisfies Record<string, Text>;

/** The gases of a set of lines, summed in line order. */
export interface GasSums {
  co2: number;
  ch4: number;
  n2o: number;
  other: number;
  co2e: number;
}

export function sumLines(lines: readonly LineResult[]): GasSums {
  const sums: GasSums = { co2: 0, ch4: 0, n2o: 0, other: 0, co2e: 0 };
  for (const line of lines) {
    sums.co2 += line.gases.CO2;
    sums.ch4 += line.gases.CH4;
    sums.n2o += line.gases.N2O;
    sums.other += line.otherGasesCo2e ?? 0;
    sums.co2e += line.co2e;
  }
  return sums;
}

/** The result's lines grouped by GPC row reference. */
export function linesByRow(result: InventoryResult): ReadonlyMap<string, LineResult[]> {
  const byRow = new Map<string, LineResult[]>();
  for (const line of result.lines) {
    const list = byRow.get(line.gpc) ?? [];
    list.push(line);
    byRow.set(line.gpc, list);
  }
  return byRow;
}

/** The notation keys the inventory gives for a row, in file order. */
export const notationKeysOf = (result: InventoryResult, ref: string): InventoryResult['notationKeys'] => result.notationKeys.filter((entry) => entry.gpc === ref);

const gasCells = (sums: GasSums | undefined): TableCell[] => (sums === undefined ? [null, null, null, null, null] : [sums.co2, sums.ch4, sums.n2o, sums.other, sums.co2e]);

export function gpcReportTable(result: InventoryResult, lang: Lang = 'en'): TableSheet {
  const rows: TableCell[][] = [GPC_REPORT_HEADERS.map((header) => header[lang])];
  const byRow = linesByRow(result);
  for (const sector of GPC_SECTORS) {
    for (const subsector of sector.subsectors) {
      for (const row of subsector.rows) rows.push(gpcRowCells(row, sector.name[lang], subsector.name[lang], byRow.get(row.ref), notationKeysOf(result, row.ref), lang));
    }
  }
  const levelLines = (levels: readonly ReportingLevel[]) => result.lines.filter((line) => levels.includes(line.level));
  const scopeLines = (scope: 1 | 2 | 3) => result.lines.filter((line) => line.scope === scope);
  const total = (text: Text, scope: TableCell, level: TableCell, lines: readonly LineResult[], co2e: number): TableCell[] => {
    const cells = gasCells(sumLines(lines));
    cells[4] = co2e;
    return [text[lang], scope, null, null, null, level, null, ...cells, null];
  };
  rows.push(total(TOTAL_TEXT.scope1, 1, null, scopeLines(1), result.totals.scope1));
  rows.push(total(TOTAL_TEXT.scope2, 2, null, scopeLines(2), result.totals.scope2));
  rows.push(total(TOTAL_TEXT.scope3, 3, null, scopeLines(3), result.totals.scope3));
  rows.push(total(TOTAL_TEXT.basic, null, 'BASIC', levelLines(['BASIC']), result.totals.basic));
  rows.push(total(TOTAL_TEXT.basicPlus, null, 'BASIC+', levelLines(['BASIC', 'BASIC+']), result.totals.basicPlus));
  return { sheet: GPC_REPORT_SHEET[lang], rows };
}

function gpcRowCells(row: GpcRow, sector: string, subsector: string, lines: readonly LineResult[] | undefined, keys: InventoryResult['notationKeys'], lang: Lang): TableCell[] {
  const keyText = keys.length === 0 ? null : [...new Set(keys.map((entry) => entry.key))].join('; ');
  const explanation = keys.length === 0 ? null : keys.map((entry) => entry.explanation).join('; ');
  const sums = lines === undefined || lines.length === 0 ? undefined : sumLines(lines);
  return [row.ref, row.scope, sector, subsector, row.name[lang], LEVEL_TEXT[row.level][lang], keyText, ...gasCells(sums), explanation];
}
