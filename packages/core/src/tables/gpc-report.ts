import { GPC_SECTORS, type GpcRow, type ReportingLevel } from '../gpc/structure.ts';
import type { InventoryResult, LineResult, Quality } from '../inventory/types.ts';
import type { Lang } from '../issues/messages.ts';
import type { TableCell, TableSheet } from './columns.ts';

/**
 * The GPC reporting table, after the layout of the GPC's reporting chapter (GPC 2014, ch. 4: emissions by sector,
 * sub-sector and scope, each gas and CO2e, notation keys with explanations, BASIC and BASIC+ totals): one row per
 * GPC reference number, in the order of `core/data/gpc.json`,
 * with each gas in tonnes, the CO2e total, the notation key(s) and their explanations, the data quality the lines
 * state; then the totals, each the inventory result's own figure (`result.totals`, `result.gases`), never re-added
 * here. A row's figures are the sums of its lines in file order (`result.lines`); a row without lines has no
 * figures, and a BASIC or BASIC+ row the engine finds missing (`result.completeness`: neither lines nor a notation
 * key) says so in the explanation column; territorial-only and other scope-3 rows without lines stay blank.
 */

type Text = { readonly en: string; readonly zh: string };

export const GPC_REPORT_SHEET: Readonly<Record<Lang, string>> = { en: 'GPC', zh: 'GPC报告表' };

export const GPC_REPORT_COLUMNS: readonly Text[] = [
  { en: 'GPC ref. No.', zh: 'GPC 编号' },
  { en: 'sector', zh: '部门' },
  { en: 'sub-sector', zh: '子部门' },
  { en: 'scope', zh: '范围' },
  { en: 'reporting level', zh: '报告层级' },
  { en: 'notation key', zh: '注释键' },
  { en: 'CO2 (t)', zh: 'CO2（吨）' },
  { en: 'CH4 (t)', zh: 'CH4（吨）' },
  { en: 'N2O (t)', zh: 'N2O（吨）' },
  { en: 'other gases (tCO2e)', zh: '其他气体（吨CO2当量）' },
  { en: 'total (tCO2e)', zh: '合计（吨CO2当量）' },
  { en: 'data quality', zh: '数据质量' },
  { en: 'explanation', zh: '说明' },
];

export const REPORTING_LEVEL_NAMES: Readonly<Record<ReportingLevel, Text>> = {
  BASIC: { en: 'BASIC', zh: 'BASIC' },
  'BASIC+': { en: 'BASIC+', zh: 'BASIC+' },
  territorial: { en: 'territorial only', zh: '仅计入辖区排放' },
  other: { en: 'other scope 3', zh: '其他范围三' },
};

const QUALITY_ORDER: readonly Quality[] = ['high', 'medium', 'low'];
const QUALITY_NAMES: Readonly<Record<Quality, Text>> = { high: { en: 'high', zh: '高' }, medium: { en: 'medium', zh: '中' }, low: { en: 'low', zh: '低' } };

const MISSING: Text = { en: 'missing: neither activity data nor a notation key', zh: '缺失：既无活动数据也无注释键' };

/** The lines and notation keys of each GPC row, in file order. */
export interface RowContent {
  readonly lines: LineResult[];
  readonly keys: { key: string; explanation: string }[];
}

export function contentByRow(result: InventoryResult): ReadonlyMap<string, RowContent> {
  const byRow = new Map<string, RowContent>();
  const at = (ref: string): RowContent => {
    let content = byRow.get(ref);
    if (content === undefined) byRow.set(ref, (content = { lines: [], keys: [] }));
    return content;
  };
  for (const line of result.lines) at(line.gpc).lines.push(line);
  for (const entry of result.notationKeys) at(entry.gpc).keys.push({ key: entry.key, explanation: entry.explanation });
  return byRow;
}

/** The sums of a row's lines (file order); undefined for a row without lines. */
export function rowSums(content: RowContent | undefined): { CO2: number; CH4: number; N2O: number; other: number; co2e: number } | undefined {
  if (content === undefined || content.lines.length === 0) return undefined;
  const sums = { CO2: 0, CH4: 0, N2O: 0, other: 0, co2e: 0 };
  for (const line of content.lines) {
    sums.CO2 += line.gases.CO2;
    sums.CH4 += line.gases.CH4;
    sums.N2O += line.gases.N2O;
    sums.other += line.otherGasesCo2e ?? 0;
    sums.co2e += line.co2e;
  }
  return sums;
}

/** Distinct notation keys of a row, in file order, joined by ", ". */
export const keysText = (content: RowContent | undefined): string | null => {
  if (content === undefined || content.keys.length === 0) return null;
  return [...new Set(content.keys.map((entry) => entry.key))].join(', ');
};

export function gpcReportTable(result: InventoryResult, lang: Lang = 'en'): TableSheet {
  const rows: TableCell[][] = [GPC_REPORT_COLUMNS.map((column) => column[lang])];
  const byRow = contentByRow(result);
  const missing = new Set([...result.completeness.missingBasicRows, ...result.completeness.missingBasicPlusRows]);
  for (const sector of GPC_SECTORS) {
    for (const subsector of sector.subsectors) {
      for (const row of subsector.rows) rows.push(gpcRowCells(row, byRow.get(row.ref), missing.has(row.ref), `${sector.id} ${sector.name[lang]}`, `${subsector.id} ${subsector.name[lang]}`, lang));
    }
  }
  const total = (label: Text, gases: readonly [number, number, number, number] | null, co2e: number): TableCell[] => [label[lang], null, null, null, null, null, ...(gases ?? [null, null, null, null]), co2e, null, null];
  rows.push(total({ en: 'BASIC total', zh: 'BASIC 合计' }, null, result.totals.basic));
  // result.gases and otherGases are summed over the BASIC+ lines (inventory/compute.ts), so they sit on the BASIC+ row.
  rows.push(total({ en: 'BASIC+ total', zh: 'BASIC+ 合计' }, [result.gases.CO2, result.gases.CH4, result.gases.N2O, result.otherGases.co2e], result.totals.basicPlus));
  rows.push(total({ en: 'Scope 1 total (territorial)', zh: '范围一合计（辖区）' }, null, result.totals.scope1));
  rows.push(total({ en: 'Scope 2 total', zh: '范围二合计' }, null, result.totals.scope2));
  rows.push(total({ en: 'Scope 3 total', zh: '范围三合计' }, null, result.totals.scope3));
  return { sheet: GPC_REPORT_SHEET[lang], rows };
}

function gpcRowCells(row: GpcRow, content: RowContent | undefined, missing: boolean, sector: string, subsector: string, lang: Lang): TableCell[] {
  const sums = rowSums(content);
  const qualities = QUALITY_ORDER.filter((quality) => content?.lines.some((line) => line.quality === quality));
  const explanations = content?.keys.map((entry) => entry.explanation) ?? [];
  const explanation = missing ? MISSING[lang] : explanations.length > 0 ? explanations.join('; ') : null;
  return [
    row.ref,
    sector,
    subsector,
    row.scope,
    REPORTING_LEVEL_NAMES[row.level][lang],
    keysText(content),
    sums?.CO2 ?? null,
    sums?.CH4 ?? null,
    sums?.N2O ?? null,
    sums?.other ?? null,
    sums?.co2e ?? null,
    qualities.length > 0 ? qualities.map((quality) => QUALITY_NAMES[quality][lang]).join(', ') : null,
    explanation,
  ];
}
