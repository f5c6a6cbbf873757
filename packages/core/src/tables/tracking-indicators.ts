import type { Lang } from '../issues/messages.ts';
import { PROGRESS_STATUS_NAMES, TRACKING_AREA_NAMES } from '../text/names-tracking.ts';
import type { Direction, Indicator, Observation, TrackingResult, Tracking } from '../tracking/types.ts';
import type { TableCell, TableSheet } from './columns.ts';
import { quoted, tableProblem, type TableProblem } from './problems.ts';
import { CellReader, headerRow, readHeader, trackedTextOf, type Text, type TrackingColumn } from './tracking-columns.ts';

/**
 * A tracking document's indicators as a table (docs/import-export.md): one row per indicator and
 * observation — its base value, each goal, each actual — with the indicator's particulars repeated on
 * every row, so a row read alone is understood and the table reads back into the same indicators. With a
 * `TrackingResult`, each row also shows the indicator's progress and status (computed: skipped on import).
 */

export const TRACKING_INDICATORS_SHEET: Readonly<Record<Lang, string>> = { en: 'indicators', zh: '指标' };

type Key = 'id' | 'area' | 'nameZh' | 'nameEn' | 'unit' | 'direction' | 'kind' | 'year' | 'value' | 'source' | 'note' | 'owner' | 'official' | 'nextUpdate' | 'definitionSource' | 'progress' | 'status';

export const TRACKING_INDICATOR_COLUMNS: readonly TrackingColumn<Key>[] = [
  { key: 'id', en: 'indicator id', zh: '指标代码', required: true },
  { key: 'area', en: 'area', zh: '领域', required: true },
  { key: 'nameZh', en: 'name (zh)', zh: '名称（中文）' },
  { key: 'nameEn', en: 'name (en)', zh: '名称（英文）' },
  { key: 'unit', en: 'unit', zh: '单位', required: true },
  { key: 'direction', en: 'direction', zh: '方向', required: true },
  { key: 'kind', en: 'value kind', zh: '数值类型', required: true },
  { key: 'year', en: 'year', zh: '年份', required: true },
  { key: 'value', en: 'value', zh: '数值', required: true },
  { key: 'source', en: 'source', zh: '数据来源' },
  { key: 'note', en: 'note', zh: '备注' },
  { key: 'owner', en: 'reporting department', zh: '报送部门' },
  { key: 'official', en: 'official indicator', zh: '约束性指标' },
  { key: 'nextUpdate', en: 'next update', zh: '下次更新' },
  { key: 'definitionSource', en: 'definition source', zh: '定义来源' },
  { key: 'progress', en: 'progress (%)', zh: '进度（%）', computed: true },
  { key: 'status', en: 'status', zh: '状态', computed: true },
];

export type ObservationKind = 'base' | 'goal' | 'actual';
export const OBSERVATION_KIND_NAMES: Readonly<Record<ObservationKind, Text>> = { base: { en: 'base', zh: '基准值' }, goal: { en: 'goal', zh: '目标值' }, actual: { en: 'actual', zh: '实际值' } };
export const DIRECTION_NAMES: Readonly<Record<Direction, Text>> = { increase: { en: 'increase', zh: '越高越好' }, decrease: { en: 'decrease', zh: '越低越好' } };
type Official = NonNullable<Indicator['official']>;
export const OFFICIAL_INDICATOR_NAMES: Readonly<Record<Official, Text>> = {
  'co2-per-gdp-decline': { en: 'decline in CO2 per unit of GDP', zh: '单位GDP二氧化碳排放降低' },
  'energy-per-gdp-decline': { en: 'decline in energy per unit of GDP', zh: '单位GDP能耗降低' },
  'non-fossil-share': { en: 'non-fossil share of energy', zh: '非化石能源占比' },
  'energy-co2': { en: 'CO2 from energy activities', zh: '能源活动二氧化碳排放' },
  'total-energy': { en: 'total energy consumption', zh: '能源消费总量' },
};

const WHAT: Text = { en: 'indicators table', zh: '指标表' };

export function indicatorsTrackingTable(tracking: Pick<Tracking, 'indicators'>, lang: Lang = 'en', result?: Pick<TrackingResult, 'indicators'>): TableSheet {
  const columns = result === undefined ? TRACKING_INDICATOR_COLUMNS.filter((column) => column.computed !== true) : TRACKING_INDICATOR_COLUMNS;
  const rows: TableCell[][] = [headerRow(columns, lang)];
  for (const indicator of tracking.indicators) {
    const progress = result?.indicators.find((entry) => entry.indicator === indicator.id);
    const observations: [ObservationKind, Observation][] = [['base', indicator.base], ...indicator.goals.map((goal): [ObservationKind, Observation] => ['goal', goal]), ...indicator.actuals.map((actual): [ObservationKind, Observation] => ['actual', actual])];
    for (const [kind, observation] of observations) {
      const cells: Record<Key, TableCell> = {
        id: indicator.id,
        area: TRACKING_AREA_NAMES[indicator.area][lang],
        nameZh: indicator.name.zh ?? null,
        nameEn: indicator.name.en ?? null,
        unit: indicator.unit,
        direction: DIRECTION_NAMES[indicator.direction][lang],
        kind: OBSERVATION_KIND_NAMES[kind][lang],
        year: observation.year,
        value: observation.value,
        source: observation.source ?? null,
        note: observation.note ?? null,
        owner: indicator.owner ?? null,
        official: indicator.official === undefined ? null : OFFICIAL_INDICATOR_NAMES[indicator.official][lang],
        nextUpdate: indicator.nextUpdate ?? null,
        definitionSource: indicator.definitionSource ?? null,
        progress: progress?.progress === null || progress === undefined ? null : progress.progress * 100,
        status: progress === undefined ? null : PROGRESS_STATUS_NAMES[progress.status][lang],
      };
      rows.push(columns.map((column) => cells[column.key]));
    }
  }
  return { sheet: TRACKING_INDICATORS_SHEET[lang], rows };
}

export interface IndicatorsTableImport {
  readonly indicators: Indicator[];
  readonly problems: TableProblem[];
}

interface Draft {
  indicator: Omit<Indicator, 'base' | 'goals' | 'actuals'>;
  base: Observation[];
  goals: Observation[];
  actuals: Observation[];
  firstRow: number;
}

/** The indicators of an exported table; the progress and status columns are skipped (they are recomputed). */
export function readIndicatorsTable(table: TableSheet): IndicatorsTableImport {
  const header = readHeader(table, TRACKING_INDICATOR_COLUMNS, WHAT);
  const problems = header.problems;
  const drafts = new Map<string, Draft>();
  for (const row of header.rows) {
    const read = new CellReader(row, problems, TRACKING_INDICATOR_COLUMNS);
    const id = read.requiredText('id');
    const area = read.term('area', TRACKING_AREA_NAMES);
    const unit = read.requiredText('unit');
    const direction = read.term('direction', DIRECTION_NAMES);
    const kind = read.term('kind', OBSERVATION_KIND_NAMES);
    const official = read.term('official', OFFICIAL_INDICATOR_NAMES, false);
    const year = read.integer('year', true);
    const value = read.number('value', true);
    const name = trackedTextOf(read.text('nameZh'), read.text('nameEn'));
    const nextUpdate = read.date('nextUpdate');
    if (id === undefined || area === undefined || unit === undefined || direction === undefined || kind === undefined || year === undefined || value === undefined) continue;
    if (name.zh === undefined && name.en === undefined) {
      problems.push(tableProblem('not-text', row.place('nameZh'), 'the indicator needs a name, in Chinese or English', '指标需要名称（中文或英文）'));
      continue;
    }
    const indicator: Draft['indicator'] = { id, area, name, unit, direction, nextUpdate, owner: read.text('owner'), official, definitionSource: read.text('definitionSource') };
    let draft = drafts.get(id);
    if (draft === undefined) {
      draft = { indicator, base: [], goals: [], actuals: [], firstRow: row.rowIndex };
      drafts.set(id, draft);
    } else {
      for (const field of ['area', 'unit', 'direction', 'nextUpdate', 'owner', 'official', 'definitionSource'] as const) {
        if (draft.indicator[field] !== indicator[field]) {
          problems.push(tableProblem('invalid', row.place(field), `${field} differs from the indicator's row ${draft.firstRow + 1} (${quoted(String(draft.indicator[field] ?? ''))})`, `${field} 与该指标第 ${draft.firstRow + 1} 行不一致（${quoted(String(draft.indicator[field] ?? ''))}）`));
        }
      }
      if (draft.indicator.name.zh !== name.zh || draft.indicator.name.en !== name.en) problems.push(tableProblem('invalid', row.place('nameZh'), `the name differs from the indicator's row ${draft.firstRow + 1}`, `名称与该指标第 ${draft.firstRow + 1} 行不一致`));
    }
    const source = read.text('source');
    const note = read.text('note');
    const observation: Observation = { year, value, ...(source === undefined ? {} : { source }), ...(note === undefined ? {} : { note }) };
    if (kind === 'actual' && source === undefined) problems.push(tableProblem('not-text', row.place('source'), 'an actual value needs its source', '实际值需要注明数据来源'));
    (kind === 'base' ? draft.base : kind === 'goal' ? draft.goals : draft.actuals).push(observation);
  }
  const indicators: Indicator[] = [];
  for (const draft of drafts.values()) {
    if (draft.base.length !== 1) {
      problems.push(tableProblem('invalid', { sheet: table.sheet, rowIndex: draft.firstRow }, `the indicator ${quoted(draft.indicator.id)} needs exactly one base row, has ${draft.base.length}`, `指标 ${quoted(draft.indicator.id)} 应恰有一行基准值，实际 ${draft.base.length} 行`));
      continue;
    }
    indicators.push({ ...draft.indicator, base: draft.base[0]!, goals: draft.goals, actuals: draft.actuals });
  }
  return { indicators, problems };
}
