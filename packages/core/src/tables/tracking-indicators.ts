import type { Lang } from '../issues/messages.ts';
import { PROGRESS_STATUS_NAMES, TRACKING_AREA_NAMES } from '../text/names-tracking.ts';
import { TRACKING_AREAS, type Observation, type Tracking, type TrackingResult } from '../tracking/types.ts';
import type { TableCell, TableSheet } from './columns.ts';
import { percentOf } from './cdp-targets.ts';
import { quoted, tableProblem, type TableProblem } from './problems.ts';
import { blankRow, readHeader, RowReader, type SheetColumn } from './sheet-reading.ts';

/**
 * A tracking file's indicators as a table (docs/import-export.md): one row per observation — the base, each goal,
 * each actual — with the indicator's own fields repeated on each of its rows, so the table filters and sorts in a
 * spreadsheet and reads back to the same indicators (`trackingIndicatorsFromTable` gives the file's `indicators`
 * section, which parseTracking then checks like any file). Enumerations are written as the file writes them
 * (`top-level-design`, `decrease`, `base`); the columns after `note` are computed at the result's date (area name,
 * status, progress) and skipped on import.
 */

type Key =
  | 'id' | 'area' | 'nameZh' | 'nameEn' | 'unit' | 'direction' | 'official' | 'owner' | 'definitionSource' | 'nextUpdate'
  | 'row' | 'year' | 'value' | 'source' | 'note'
  | 'areaName' | 'status' | 'progress' | 'overdue';

export const TRACKING_INDICATOR_COLUMNS: readonly SheetColumn<Key>[] = [
  { key: 'id', en: 'id', zh: '代码', required: true },
  { key: 'area', en: 'area', zh: '领域', required: true },
  { key: 'nameZh', en: 'name (zh)', zh: '名称（中文）' },
  { key: 'nameEn', en: 'name (en)', zh: '名称（英文）' },
  { key: 'unit', en: 'unit', zh: '单位', required: true },
  { key: 'direction', en: 'direction', zh: '方向', required: true },
  { key: 'official', en: 'official indicator', zh: '国家指标' },
  { key: 'owner', en: 'owner', zh: '责任单位' },
  { key: 'definitionSource', en: 'definition source', zh: '定义来源' },
  { key: 'nextUpdate', en: 'next update', zh: '下次更新' },
  { key: 'row', en: 'row', zh: '行类型', required: true },
  { key: 'year', en: 'year', zh: '年份', required: true },
  { key: 'value', en: 'value', zh: '数值', required: true },
  { key: 'source', en: 'source', zh: '数据来源' },
  { key: 'note', en: 'note', zh: '备注' },
  { key: 'areaName', en: 'area name', zh: '领域名称', computed: true },
  { key: 'status', en: 'status', zh: '状态', computed: true },
  { key: 'progress', en: 'progress (%)', zh: '进展（%）', computed: true },
  { key: 'overdue', en: 'update overdue', zh: '更新逾期', computed: true },
];

export const TRACKING_INDICATORS_SHEET: Readonly<Record<Lang, string>> = { en: 'indicators', zh: '指标' };
const TABLE_NAME = { en: 'tracking indicators table', zh: '跟踪指标表' };

const ROW_KINDS = ['base', 'goal', 'actual'] as const;
const DIRECTIONS = ['increase', 'decrease'] as const;
const OFFICIAL = ['co2-per-gdp-decline', 'energy-per-gdp-decline', 'non-fossil-share', 'energy-co2', 'total-energy'] as const;

export function trackingIndicatorsTable(tracking: Tracking, lang: Lang = 'en', result?: TrackingResult): TableSheet {
  const rows: TableCell[][] = [TRACKING_INDICATOR_COLUMNS.map((column) => column[lang])];
  for (const indicator of tracking.indicators) {
    const progress = result?.indicators.find((entry) => entry.indicator === indicator.id);
    const computed: TableCell[] = [
      TRACKING_AREA_NAMES[indicator.area][lang],
      progress === undefined ? null : PROGRESS_STATUS_NAMES[progress.status][lang],
      progress?.progress === null || progress?.progress === undefined ? null : percentOf(progress.progress),
      progress === undefined ? null : progress.overdue ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no',
    ];
    const own: TableCell[] = [indicator.id, indicator.area, indicator.name.zh ?? null, indicator.name.en ?? null, indicator.unit, indicator.direction, indicator.official ?? null, indicator.owner ?? null, indicator.definitionSource ?? null, indicator.nextUpdate ?? null];
    const observation = (kind: (typeof ROW_KINDS)[number], entry: Observation): TableCell[] => [...own, kind, entry.year, entry.value, entry.source ?? null, entry.note ?? null, ...computed];
    rows.push(observation('base', indicator.base));
    for (const goal of indicator.goals) rows.push(observation('goal', goal));
    for (const actual of indicator.actuals) rows.push(observation('actual', actual));
  }
  return { sheet: TRACKING_INDICATORS_SHEET[lang], rows };
}

/** What an indicators table gives back: the tracking file's `indicators` section (by id, in table order), or its problems. */
export interface TrackingIndicatorsImport {
  readonly indicators: Record<string, Record<string, unknown>>;
  readonly problems: TableProblem[];
}

const OWN_FIELDS = ['area', 'nameZh', 'nameEn', 'unit', 'direction', 'official', 'owner', 'definitionSource', 'nextUpdate'] as const;

export function trackingIndicatorsFromTable(table: TableSheet): TrackingIndicatorsImport {
  const header = readHeader(table, TRACKING_INDICATOR_COLUMNS, TABLE_NAME);
  const problems = header.problems;
  // Built on a null prototype: an id such as `__proto__` is a plain key (parseTracking then judges it).
  const indicators = Object.create(null) as Record<string, Record<string, unknown>>;
  if (problems.length > 0) return { indicators, problems };
  const own = new Map<string, { readonly row: number; readonly fields: Readonly<Record<string, unknown>> }>();
  // Indicators whose base row has a problem of its own: no second "no base row" problem for them.
  const hasBadBase = new Set<string>();
  for (let r = header.headerRow + 1; r < table.rows.length; r++) {
    if (blankRow(table.rows[r]!)) continue;
    const cells = new RowReader(table, header, r, problems);
    const before = problems.length;
    const id = cells.needText('id', 'the indicator id', '指标代码');
    const fields: Record<string, unknown> = {
      area: cells.choice('area', TRACKING_AREAS) ?? cells.needText('area', 'the area', '领域'),
      nameZh: cells.text('nameZh'),
      nameEn: cells.text('nameEn'),
      unit: cells.needText('unit', 'the unit', '单位'),
      direction: cells.choice('direction', DIRECTIONS) ?? cells.needText('direction', 'the direction (increase or decrease)', '方向（increase 或 decrease）'),
      official: cells.choice('official', OFFICIAL),
      owner: cells.text('owner'),
      definitionSource: cells.text('definitionSource'),
      nextUpdate: cells.text('nextUpdate'),
    };
    if (id === undefined || problems.length > before) continue;
    // The indicator's own fields are taken from its first row that reads, even when that row's observation does not.
    const seen = own.get(id);
    if (seen === undefined) {
      own.set(id, { row: r, fields });
      const name: Record<string, string> = {};
      if (fields['nameZh'] !== undefined) name['zh'] = fields['nameZh'] as string;
      if (fields['nameEn'] !== undefined) name['en'] = fields['nameEn'] as string;
      const entry: Record<string, unknown> = { area: fields['area'], name, unit: fields['unit'], direction: fields['direction'] };
      for (const key of ['official', 'owner', 'definitionSource', 'nextUpdate'] as const) if (fields[key] !== undefined) entry[key] = fields[key];
      entry['goals'] = [];
      entry['actuals'] = [];
      indicators[id] = entry;
    } else {
      const differs = OWN_FIELDS.find((key) => seen.fields[key] !== fields[key]);
      if (differs !== undefined) {
        const column = TRACKING_INDICATOR_COLUMNS.find((entry) => entry.key === differs)!;
        problems.push(tableProblem('invalid', cells.place(differs), `${quoted(id)} has another ${column.en} on row ${seen.row + 1}; an indicator's own fields are the same on each of its rows`, `${quoted(id)} 在第 ${seen.row + 1} 行的“${column.zh}”不同；同一指标各行的指标字段应一致`));
        continue;
      }
    }
    const kind = cells.choice('row', ROW_KINDS) ?? cells.needText('row', 'the row type (base, goal or actual)', '行类型（base、goal 或 actual）');
    const year = cells.number('year', { integer: true }) ?? (cells.text('year') === undefined ? cells.problem('year', 'the year is required', '缺少年份') : undefined);
    const value = cells.number('value') ?? (cells.text('value') === undefined ? cells.problem('value', 'the value is required', '缺少数值') : undefined);
    if (problems.length > before || year === undefined || value === undefined) {
      if (kind === 'base') hasBadBase.add(id);
      continue;
    }
    const entry = indicators[id]!;
    const observation: Record<string, unknown> = { year, value };
    const source = cells.text('source');
    const note = cells.text('note');
    if (source !== undefined) observation['source'] = source;
    if (note !== undefined) observation['note'] = note;
    if (kind === 'base') {
      if (entry['base'] !== undefined) problems.push(tableProblem('invalid', cells.place('row'), `${quoted(id)} has a second base row`, `${quoted(id)} 有两个基准行`));
      else entry['base'] = observation;
    } else if (kind === 'goal') (entry['goals'] as unknown[]).push(observation);
    else if (kind === 'actual') (entry['actuals'] as unknown[]).push(observation);
  }
  for (const [id, { row }] of own) {
    if (indicators[id]!['base'] === undefined && !hasBadBase.has(id)) problems.push(tableProblem('invalid', { sheet: table.sheet, rowIndex: row, columnIndex: header.at.get('row') }, `${quoted(id)} has no base row (row type "base")`, `${quoted(id)} 缺少基准行（行类型 “base”）`));
  }
  return { indicators, problems };
}
