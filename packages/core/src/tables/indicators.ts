import { GPC_SECTORS } from '../gpc/structure.ts';
import type { InventoryResult } from '../inventory/types.ts';
import type { Lang } from '../issues/messages.ts';
import { isBlank, isPlainObject, readCell } from './cells.ts';
import { headerIndex, headerKey, INDICATORS_SHEET, type TableCell, type TableSheet } from './columns.ts';
import { quoted, tableProblem, type TableProblem } from './problems.ts';

/**
 * The indicators table: one row per indicator, `key | indicator | value | unit`. The inputs (year,
 * population, GDP) are read back on import; the computed rows (totals by scope and level, by sector,
 * energy, intensities) are results of the inventory engine, written for readers and recomputed from the
 * lines, so an import skips them by their key (docs/import-export.md).
 */

const COLUMNS = [
  { key: 'key', en: 'key', zh: '代码', aliases: [] },
  { key: 'indicator', en: 'indicator', zh: '指标', aliases: [] },
  { key: 'value', en: 'value', zh: '数值', aliases: [] },
  { key: 'unit', en: 'unit', zh: '单位', aliases: [] },
] as const;
type IndicatorColumn = (typeof COLUMNS)[number]['key'];
const BY_HEADER = headerIndex(COLUMNS);

type Text = { readonly en: string; readonly zh: string };
const INPUT_LABELS: Readonly<Record<'year' | 'population' | 'gdp' | 'gdp.prices', Text>> = {
  year: { en: 'Inventory year', zh: '清单年份' },
  population: { en: 'Population', zh: '常住人口' },
  gdp: { en: 'GDP', zh: '地区生产总值' },
  'gdp.prices': { en: 'GDP at constant prices of', zh: '地区生产总值不变价年份' },
};
const TOTAL_LABELS: Readonly<Record<'basic' | 'basicPlus' | 'scope1' | 'scope2' | 'scope3', Text>> = {
  basic: { en: 'BASIC total', zh: 'BASIC 合计' },
  basicPlus: { en: 'BASIC+ total', zh: 'BASIC+ 合计' },
  scope1: { en: 'Scope 1 (territorial)', zh: '范围一（辖区）' },
  scope2: { en: 'Scope 2', zh: '范围二' },
  scope3: { en: 'Scope 3', zh: '范围三' },
};
const TOTAL_KEYS = Object.keys(TOTAL_LABELS) as (keyof typeof TOTAL_LABELS)[];

/** The indicators of an inventory document, with its results when it computes (`result`). */
export function indicatorsTable(document: Readonly<Record<string, unknown>>, result: InventoryResult | undefined, lang: Lang = 'en'): TableSheet {
  const rows: TableCell[][] = [COLUMNS.map((column) => column[lang])];
  const add = (key: string, label: Text, value: TableCell, unit: string | null) => rows.push([key, label[lang], value, unit]);
  if (typeof document['year'] === 'number') add('year', INPUT_LABELS.year, document['year'], null);
  const population = document['population'];
  if (typeof population === 'number') add('population', INPUT_LABELS.population, population, null);
  else if (isPlainObject(population) && typeof population['value'] === 'number' && typeof population['unit'] === 'string') add('population', INPUT_LABELS.population, population['value'], population['unit']);
  const gdp = document['gdp'];
  if (isPlainObject(gdp) && typeof gdp['value'] === 'number' && typeof gdp['unit'] === 'string') {
    add('gdp', INPUT_LABELS.gdp, gdp['value'], gdp['unit']);
    if (typeof gdp['prices'] === 'number') add('gdp.prices', INPUT_LABELS['gdp.prices'], gdp['prices'], null);
  }
  if (result === undefined) return { sheet: INDICATORS_SHEET[lang], rows };
  for (const key of TOTAL_KEYS) add(`total.${key}`, TOTAL_LABELS[key], result.totals[key], 'tCO2e');
  add('energy.tce', { en: 'Energy consumption', zh: '能源消费量' }, result.energy.tce, 'tce');
  if (result.intensity.perCapita !== undefined) add('intensity.perCapita', { en: 'Emissions per person (BASIC)', zh: '人均排放（BASIC）' }, result.intensity.perCapita, 'tCO2e/人');
  if (result.intensity.perGdp !== undefined) add('intensity.perGdp', { en: 'Emissions per GDP (BASIC)', zh: '单位 GDP 排放（BASIC）' }, result.intensity.perGdp, 'tCO2e/万元');
  for (const sector of GPC_SECTORS) {
    const totals = result.bySector[sector.id];
    if (totals === undefined) continue;
    for (const key of TOTAL_KEYS) {
      const label = TOTAL_LABELS[key];
      add(`sector.${sector.id}.${key}`, { en: `${sector.id} ${sector.name.en}: ${label.en}`, zh: `${sector.id} ${sector.name.zh}：${label.zh}` }, totals[key], 'tCO2e');
    }
  }
  return { sheet: INDICATORS_SHEET[lang], rows };
}

/** What the indicators table gives an inventory document: its top-level inputs. */
export interface IndicatorsImport {
  readonly fields: { year?: number; population?: number | { value: number; unit: string }; gdp?: { value: number; unit: string; prices?: number } };
  readonly problems: TableProblem[];
}

const COMPUTED_KEY = /^(?:total\.[A-Za-z0-9]+|energy\.tce|intensity\.[A-Za-z]+|sector\.[IVX]+\.[A-Za-z0-9]+)$/;

export function indicatorsFromTable(table: TableSheet): IndicatorsImport {
  const { sheet, rows } = table;
  const problems: TableProblem[] = [];
  const fields: IndicatorsImport['fields'] = {};
  const headerRow = rows.findIndex((row) => row.some((cell) => !isBlank(cell)));
  if (headerRow < 0) return { fields, problems: [tableProblem('no-header', { sheet }, 'the sheet is empty: expected a header row (key, indicator, value, unit)', '工作表为空：应有表头行（代码、指标、数值、单位）')] };
  const at = new Map<IndicatorColumn, number>();
  rows[headerRow]!.forEach((cell, c) => {
    if (isBlank(cell)) return;
    const text = String(cell).trim();
    const column = BY_HEADER.get(headerKey(text));
    if (column === undefined) problems.push(tableProblem('unknown-column', { sheet, rowIndex: headerRow, columnIndex: c, header: text }, `${quoted(text)} is not a column of the indicators table (key, indicator, value, unit)`, `${quoted(text)} 不是指标表的列（代码、指标、数值、单位）`));
    else if (at.has(column.key)) problems.push(tableProblem('duplicate-column', { sheet, rowIndex: headerRow, columnIndex: c, header: text }, `the column ${column.en} appears twice`, `“${column.zh}”列重复`));
    else at.set(column.key, c);
  });
  for (const needed of ['key', 'value'] as const) {
    if (!at.has(needed)) {
      const column = COLUMNS.find((entry) => entry.key === needed)!;
      problems.push(tableProblem('missing-column', { sheet, rowIndex: headerRow }, `no ${column.en} column (header "${column.en}" or "${column.zh}")`, `缺少“${column.zh}”列（表头 “${column.zh}” 或 “${column.en}”）`));
    }
  }
  if (problems.length > 0) return { fields, problems };
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((cell) => isBlank(cell))) continue;
    const cellAt = (column: IndicatorColumn): TableCell => (at.has(column) ? (row[at.get(column)!] ?? null) : null);
    const placeOf = (column: IndicatorColumn) => ({ sheet, rowIndex: r, columnIndex: at.get(column), header: String(rows[headerRow]![at.get(column)!] ?? '') });
    const key = isBlank(cellAt('key')) ? '' : String(cellAt('key')).trim();
    if (key === '' || COMPUTED_KEY.test(key)) {
      if (key === '') problems.push(tableProblem('unknown-indicator', placeOf('key'), 'no key: every row needs its key (year, population, gdp, gdp.prices, or a computed result\'s key)', '缺少代码：每行都需要代码（year、population、gdp、gdp.prices 或计算结果的代码）'));
      continue;
    }
    if (seen.has(key)) {
      problems.push(tableProblem('duplicate-indicator', placeOf('key'), `${quoted(key)} is already on row ${seen.get(key)! + 1}`, `${quoted(key)} 已在第 ${seen.get(key)! + 1} 行出现`));
      continue;
    }
    seen.set(key, r);
    const value = readCell('number', cellAt('value'));
    const unitCell = readCell('text', cellAt('unit'));
    const unit = unitCell.ok ? (unitCell.value as string | undefined) : undefined;
    if (!value.ok || value.value === undefined) {
      problems.push(tableProblem('not-a-number', placeOf('value'), value.ok ? 'expected a number' : value.en, value.ok ? '应为数值' : value.zh));
      continue;
    }
    const number = value.value as number;
    const integer = (): boolean => {
      if (Number.isInteger(number) && unit === undefined) return true;
      problems.push(tableProblem('not-a-number', placeOf('value'), `expected a year such as 2022 without a unit, got ${number}${unit === undefined ? '' : ` ${unit}`}`, `应为年份（如 2022，不带单位），实际为 ${number}${unit === undefined ? '' : ` ${unit}`}`));
      return false;
    };
    switch (key) {
      case 'year':
        if (integer()) fields.year = number;
        break;
      case 'population':
        fields.population = unit === undefined ? number : { value: number, unit };
        break;
      case 'gdp':
        if (unit === undefined) problems.push(tableProblem('not-a-value-with-unit', placeOf('unit'), 'GDP needs its unit: CNY, 万元 or 亿元', '地区生产总值需要单位：CNY、万元 或 亿元'));
        else fields.gdp = { ...fields.gdp, value: number, unit };
        break;
      case 'gdp.prices':
        if (integer()) fields.gdp = { ...(fields.gdp ?? { value: Number.NaN, unit: '' }), prices: number };
        break;
      default:
        problems.push(tableProblem('unknown-indicator', placeOf('key'), `${quoted(key)} is not an indicator peakpath reads (year, population, gdp, gdp.prices; computed results are recomputed)`, `${quoted(key)} 不是可导入的指标（year、population、gdp、gdp.prices；计算结果会重新计算）`));
    }
  }
  if (fields.gdp !== undefined && Number.isNaN(fields.gdp.value)) {
    problems.push(tableProblem('missing-column', { sheet }, 'gdp.prices is given without a gdp row', '给出了 gdp.prices 但没有 gdp 行'));
  }
  return { fields, problems };
}
