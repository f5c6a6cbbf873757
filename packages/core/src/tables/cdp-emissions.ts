import { GPC_SECTORS, type GpcRow, type Scope } from '../gpc/structure.ts';
import type { InventoryResult } from '../inventory/types.ts';
import type { Lang } from '../issues/messages.ts';
import type { TableCell, TableSheet } from './columns.ts';
import { contentByRow, rowSums, type RowContent } from './gpc-report.ts';

/**
 * The CDP-ICLEI Track city-wide emissions table: emissions by sector and sub-sector in the three scopes, each
 * scope with its notation key, as the CDP cities questionnaire asks them of an inventory made with the GPC. The
 * mapping is stated in the table: CDP's sectors and sub-sectors are the GPC's sectors I–V and their
 * sub-sectors, and each scope cell holds the GPC rows of that sub-sector in that scope (`GPC reference`
 * column). Generation of grid-supplied energy (I.4.4) is a row of its own; waste from outside the city treated
 * within (III.x.3, territorial only) is in its sub-sector's scope 1; so the scope 1 total is the inventory's
 * territorial scope 1; BASIC and
 * BASIC+ are the inventory's totals, written as the engine gives them. Sector VI (other scope 3) is not asked
 * by CDP's table and not written. Below the scope totals, label and value in the first two columns: BASIC and
 * BASIC+ totals, inventory year, population and boundary (when given), GWP set and method.
 */

type Text = { readonly en: string; readonly zh: string };

export const CDP_EMISSIONS_SHEET: Readonly<Record<Lang, string>> = { en: 'CDP emissions', zh: 'CDP排放' };

export const CDP_EMISSIONS_COLUMNS: readonly Text[] = [
  { en: 'CDP sector', zh: 'CDP 部门' },
  { en: 'CDP sub-sector', zh: 'CDP 子部门' },
  { en: 'GPC reference', zh: '对应 GPC 编号' },
  { en: 'scope 1 (tCO2e)', zh: '范围一（吨CO2当量）' },
  { en: 'scope 1 notation key', zh: '范围一注释键' },
  { en: 'scope 2 (tCO2e)', zh: '范围二（吨CO2当量）' },
  { en: 'scope 2 notation key', zh: '范围二注释键' },
  { en: 'scope 3 (tCO2e)', zh: '范围三（吨CO2当量）' },
  { en: 'scope 3 notation key', zh: '范围三注释键' },
  { en: 'explanation', zh: '说明' },
];

export interface CdpEmissionsOptions {
  /** The population of the inventory year, as the city reports it to CDP; not written when absent. */
  readonly population?: number | undefined;
  /** The inventory boundary as CDP asks it described (e.g. "administrative boundary of the city"). */
  readonly boundary?: string | undefined;
}

const SCOPES: readonly Scope[] = [1, 2, 3];
const GENERATION: Text = { en: 'Energy generation supplied to the grid', zh: '电网供应能源的生产' };

/** One CDP row: the given GPC rows, by scope, each scope with its CO2e (sum of its rows' lines) and notation keys. */
function cdpRow(sector: string, subsector: string, gpcRows: readonly GpcRow[], byRow: ReadonlyMap<string, RowContent>): TableCell[] {
  const cells: TableCell[] = [sector, subsector, gpcRows.map((row) => row.ref).join(', ')];
  const explanations: string[] = [];
  for (const scope of SCOPES) {
    const refs = gpcRows.filter((row) => row.scope === scope);
    if (refs.length === 0) {
      cells.push(null, null);
      continue;
    }
    let co2e: number | null = null;
    const keys: string[] = [];
    for (const row of refs) {
      const content = byRow.get(row.ref);
      const sums = rowSums(content);
      if (sums !== undefined) co2e = (co2e ?? 0) + sums.co2e;
      for (const entry of content?.keys ?? []) {
        if (!keys.includes(entry.key)) keys.push(entry.key);
        explanations.push(`${row.ref} ${entry.key}: ${entry.explanation}`);
      }
    }
    cells.push(co2e, keys.length > 0 ? keys.join(', ') : null);
  }
  cells.push(explanations.length > 0 ? explanations.join('; ') : null);
  return cells;
}

export function cdpEmissionsTable(result: InventoryResult, lang: Lang = 'en', options: CdpEmissionsOptions = {}): TableSheet {
  const rows: TableCell[][] = [CDP_EMISSIONS_COLUMNS.map((column) => column[lang])];
  const byRow = contentByRow(result);
  for (const sector of GPC_SECTORS) {
    // CDP's sectors are the GPC's I–V; other scope 3 (VI) gets its row only when the inventory reports something
    // there, so that the scope-3 total below is always the sum of rows shown.
    if (sector.id === 'VI' && !sector.subsectors.some((subsector) => subsector.rows.some((row) => byRow.has(row.ref)))) continue;
    for (const subsector of sector.subsectors) {
      // Generation of grid-supplied energy (I.4.4) is its own row, apart from energy industries' own use, as the
      // GPC keeps it apart from BASIC.
      const generation = sector.id === 'I' ? subsector.rows.filter((row) => row.level === 'territorial') : [];
      const own = subsector.rows.filter((row) => !generation.includes(row));
      rows.push(cdpRow(sector.name[lang], subsector.name[lang], own, byRow));
      if (generation.length > 0) rows.push(cdpRow(sector.name[lang], GENERATION[lang], generation, byRow));
    }
  }
  const line = (label: Text, values: readonly [TableCell, TableCell, TableCell], note: Text | null): TableCell[] => [label[lang], null, null, values[0], null, values[1], null, values[2], null, note === null ? null : note[lang]];
  rows.push(line({ en: 'Total by scope', zh: '分范围合计' }, [result.totals.scope1, result.totals.scope2, result.totals.scope3], { en: 'scope 1 includes I.4.4 and III.x.3 (territorial)', zh: '范围一含 I.4.4 与 III.x.3（辖区排放）' }));
  // The totals and facts below: the label in the first column, the value in the second.
  const fact = (label: Text, value: TableCell): TableCell[] => [label[lang], value, null, null, null, null, null, null, null, null];
  rows.push(fact({ en: 'BASIC total (tCO2e)', zh: 'BASIC 合计（吨CO2当量）' }, result.totals.basic));
  rows.push(fact({ en: 'BASIC+ total (tCO2e)', zh: 'BASIC+ 合计（吨CO2当量）' }, result.totals.basicPlus));
  rows.push(fact({ en: 'inventory year', zh: '清单年份' }, result.year));
  if (options.population !== undefined) rows.push(fact({ en: 'population', zh: '人口' }, options.population));
  if (options.boundary !== undefined) rows.push(fact({ en: 'boundary', zh: '边界' }, options.boundary));
  rows.push(fact({ en: 'global warming potentials', zh: '全球增温潜势' }, result.gwp));
  rows.push(fact({ en: 'methodology', zh: '核算方法' }, lang === 'zh' ? 'GPC（城市温室气体核算国际标准）' : 'GPC (Global Protocol for Community-Scale Greenhouse Gas Inventories)'));
  return { sheet: CDP_EMISSIONS_SHEET[lang], rows };
}
