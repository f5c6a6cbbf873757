import { GPC_SECTORS, type GpcRow, type Scope } from '../gpc/structure.ts';
import type { InventoryResult } from '../inventory/types.ts';
import type { Lang } from '../issues/messages.ts';
import type { TableCell, TableSheet } from './columns.ts';
import { linesByRow, notationKeysOf, sumLines } from './gpc-report.ts';

/**
 * The CDP-ICLEI Track emissions table (the cities questionnaire's community-wide emissions "by sector and
 * scope, GPC format"; docs/import-export.md). First the inventory's particulars the questionnaire asks
 * beside the figures (year, accounting framework, GWP, population, boundary); then one row per GPC
 * sub-sector — I.4.4, energy generation supplied to the grid, on a row of its own, as CDP asks it apart
 * from the energy industries — with tCO2e per scope: a number where the sub-sector's rows of that scope
 * have lines, the notation key (`IE`, `NO`, …) where they have only a key, empty where the GPC has no such
 * row or the inventory gives nothing; its BASIC and BASIC+ emissions; the GPC rows it maps from; the
 * notation keys with their explanations. The last row holds the inventory's own totals.
 */

type Text = { readonly en: string; readonly zh: string };

export const CDP_EMISSIONS_SHEET: Readonly<Record<Lang, string>> = { en: 'CDP emissions', zh: 'CDP排放' };

export interface CdpEmissionsOptions {
  /** Persons, for the questionnaire's population question; not written when not given. */
  readonly population?: number | undefined;
  /** The inventory boundary as the city describes it (administrative area, …); not written when not given. */
  readonly boundary?: string | undefined;
}

export const CDP_EMISSIONS_HEADERS: readonly Text[] = [
  { en: 'GPC ref. no.', zh: 'GPC 编号' },
  { en: 'sector', zh: '部门' },
  { en: 'sub-sector', zh: '子部门' },
  { en: 'scope 1 (tCO2e)', zh: '范围一（吨二氧化碳当量）' },
  { en: 'scope 2 (tCO2e)', zh: '范围二（吨二氧化碳当量）' },
  { en: 'scope 3 (tCO2e)', zh: '范围三（吨二氧化碳当量）' },
  { en: 'BASIC (tCO2e)', zh: 'BASIC（吨二氧化碳当量）' },
  { en: 'BASIC+ (tCO2e)', zh: 'BASIC+（吨二氧化碳当量）' },
  { en: 'GPC rows', zh: 'GPC 行' },
  { en: 'notation keys and explanations', zh: '注释键及说明' },
];

const ITEM_TEXT = {
  header: { en: ['item', 'value'], zh: ['项目', '内容'] },
  city: { en: 'City', zh: '城市' },
  year: { en: 'Inventory year', zh: '清单年份' },
  framework: { en: 'Accounting framework', zh: '核算框架' },
  frameworkValue: { en: 'GPC (Global Protocol for Community-Scale Greenhouse Gas Inventories, WRI/C40/ICLEI 2014)', zh: 'GPC（城市温室气体核算国际标准，WRI/C40/ICLEI 2014）' },
  gwp: { en: 'Global warming potentials', zh: '全球增温潜势' },
  population: { en: 'Population', zh: '人口' },
  boundary: { en: 'Inventory boundary', zh: '清单边界' },
  total: { en: 'Total', zh: '合计' },
} as const;

/** A row of the CDP table: a GPC sub-sector, or part of one (I.4 without I.4.4, and I.4.4 alone). */
interface CdpRow {
  readonly ref: string;
  readonly sector: Text;
  readonly name: Text;
  readonly rows: readonly GpcRow[];
}

const GRID_SUPPLY_REF = 'I.4.4';

/** The CDP rows, from the GPC table's data (so a row added there appears here). */
export function cdpRows(): readonly CdpRow[] {
  const rows: CdpRow[] = [];
  for (const sector of GPC_SECTORS) {
    for (const subsector of sector.subsectors) {
      const own = subsector.rows.filter((row) => row.ref !== GRID_SUPPLY_REF);
      rows.push({ ref: subsector.id, sector: sector.name, name: subsector.name, rows: own });
      const supply = subsector.rows.find((row) => row.ref === GRID_SUPPLY_REF);
      if (supply !== undefined) rows.push({ ref: supply.ref, sector: sector.name, name: supply.name, rows: [supply] });
    }
  }
  return rows;
}

export function cdpEmissionsTable(result: InventoryResult, lang: Lang = 'en', options: CdpEmissionsOptions = {}): TableSheet {
  const rows: TableCell[][] = [[...ITEM_TEXT.header[lang]]];
  rows.push([ITEM_TEXT.city[lang], lang === 'zh' ? (result.entity.nameZh ?? result.entity.name) : result.entity.name]);
  rows.push([ITEM_TEXT.year[lang], result.year]);
  rows.push([ITEM_TEXT.framework[lang], ITEM_TEXT.frameworkValue[lang]]);
  rows.push([ITEM_TEXT.gwp[lang], result.gwp]);
  if (options.population !== undefined) rows.push([ITEM_TEXT.population[lang], options.population]);
  if (options.boundary !== undefined) rows.push([ITEM_TEXT.boundary[lang], options.boundary]);
  rows.push([]);
  rows.push(CDP_EMISSIONS_HEADERS.map((header) => header[lang]));
  const byRow = linesByRow(result);
  for (const cdp of cdpRows()) {
    const linesOf = (gpcRows: readonly GpcRow[]) => gpcRows.flatMap((row) => byRow.get(row.ref) ?? []);
    const scopeCell = (scope: Scope): TableCell => {
      const ofScope = cdp.rows.filter((row) => row.scope === scope);
      const lines = linesOf(ofScope);
      if (lines.length > 0) return sumLines(lines).co2e;
      const keys = [...new Set(ofScope.flatMap((row) => notationKeysOf(result, row.ref).map((entry) => entry.key)))];
      return keys.length === 0 ? null : keys.join('/');
    };
    const levelCell = (levels: readonly string[]): TableCell => {
      const ofLevel = cdp.rows.filter((row) => levels.includes(row.level));
      const lines = linesOf(ofLevel);
      return lines.length === 0 ? null : sumLines(lines).co2e;
    };
    const notes = cdp.rows.flatMap((row) => notationKeysOf(result, row.ref).map((entry) => `${entry.gpc} ${entry.key}: ${entry.explanation}`));
    rows.push([
      cdp.ref,
      cdp.sector[lang],
      cdp.name[lang],
      scopeCell(1),
      scopeCell(2),
      scopeCell(3),
      levelCell(['BASIC']),
      levelCell(['BASIC', 'BASIC+']),
      cdp.rows.map((row) => row.ref).join('; '),
      notes.length === 0 ? null : notes.join('; '),
    ]);
  }
  rows.push([ITEM_TEXT.total[lang], null, null, result.totals.scope1, result.totals.scope2, result.totals.scope3, result.totals.basic, result.totals.basicPlus, null, null]);
  return { sheet: CDP_EMISSIONS_SHEET[lang], rows };
}
