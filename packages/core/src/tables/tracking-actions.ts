import type { Lang } from '../issues/messages.ts';
import { ACTION_STATUS_NAMES, FRESHNESS_NAMES } from '../text/names-tracking.ts';
import { ACTION_PHASES, ACTION_STATUSES, TRACKING_AREAS, type TrackedText, type Tracking, type TrackingResult } from '../tracking/types.ts';
import type { TableCell, TableSheet } from './columns.ts';
import { quoted, tableProblem, type TableProblem } from './problems.ts';
import { blankRow, listCell, readHeader, RowReader, type SheetColumn } from './sheet-reading.ts';

/**
 * A tracking file's actions as a table (docs/import-export.md): one row per action, its fields as the file writes
 * them — lists as "a; b", a status set by hand with its reason, the budget in three cells, tasks and updates as JSON
 * (each a list of small objects) — then the columns computed at the result's date (status and where it comes from,
 * tasks done / total / overdue, last update, days since, freshness, budget share), written for readers and skipped
 * on import. `actionsFromTable` gives back the file's `actions` section.
 */

type Key =
  | 'id' | 'nameZh' | 'nameEn' | 'kind' | 'area' | 'measure' | 'hazards' | 'lead' | 'collaborators' | 'phase'
  | 'statedStatus' | 'reasonZh' | 'reasonEn' | 'start' | 'end' | 'planned' | 'spent' | 'budgetUnit' | 'indicators' | 'tasks' | 'updates'
  | 'status' | 'statusFrom' | 'tasksDone' | 'tasksTotal' | 'tasksOverdue' | 'lastUpdate' | 'daysSinceUpdate' | 'freshness' | 'budgetShare';

export const TRACKING_ACTION_COLUMNS: readonly SheetColumn<Key>[] = [
  { key: 'id', en: 'id', zh: '代码', required: true },
  { key: 'nameZh', en: 'name (zh)', zh: '名称（中文）' },
  { key: 'nameEn', en: 'name (en)', zh: '名称（英文）' },
  { key: 'kind', en: 'kind', zh: '类型', required: true },
  { key: 'area', en: 'area', zh: '领域', required: true },
  { key: 'measure', en: 'measure', zh: '措施' },
  { key: 'hazards', en: 'hazards', zh: '气候灾害' },
  { key: 'lead', en: 'lead', zh: '牵头单位', required: true },
  { key: 'collaborators', en: 'collaborators', zh: '配合单位' },
  { key: 'phase', en: 'phase', zh: '阶段', required: true },
  { key: 'statedStatus', en: 'stated status', zh: '设定状态' },
  { key: 'reasonZh', en: 'reason (zh)', zh: '原因（中文）' },
  { key: 'reasonEn', en: 'reason (en)', zh: '原因（英文）' },
  { key: 'start', en: 'start', zh: '开始日期' },
  { key: 'end', en: 'end', zh: '结束日期' },
  { key: 'planned', en: 'budget planned', zh: '计划预算' },
  { key: 'spent', en: 'budget spent', zh: '已支出' },
  { key: 'budgetUnit', en: 'budget unit', zh: '预算单位' },
  { key: 'indicators', en: 'indicators', zh: '关联指标' },
  { key: 'tasks', en: 'tasks (JSON)', zh: '任务（JSON）' },
  { key: 'updates', en: 'updates (JSON)', zh: '进展更新（JSON）' },
  { key: 'status', en: 'status', zh: '状态', computed: true },
  { key: 'statusFrom', en: 'status from', zh: '状态来源', computed: true },
  { key: 'tasksDone', en: 'tasks done', zh: '已完成任务', computed: true },
  { key: 'tasksTotal', en: 'tasks total', zh: '任务总数', computed: true },
  { key: 'tasksOverdue', en: 'tasks overdue', zh: '逾期任务', computed: true },
  { key: 'lastUpdate', en: 'last update', zh: '最近更新', computed: true },
  { key: 'daysSinceUpdate', en: 'days since update', zh: '距最近更新天数', computed: true },
  { key: 'freshness', en: 'freshness', zh: '更新情况', computed: true },
  { key: 'budgetShare', en: 'budget spent (%)', zh: '预算执行率（%）', computed: true },
];

export const TRACKING_ACTIONS_SHEET: Readonly<Record<Lang, string>> = { en: 'actions', zh: '行动' };
const TABLE_NAME = { en: 'actions table', zh: '行动表' };
const KINDS = ['mitigation', 'adaptation'] as const;

/** A text as the file may write it: one string when both languages say the same, else `{ zh, en }` with what is given. */
const textValue = (text: TrackedText): string | Record<string, string> => {
  if (text.zh !== undefined && text.zh === text.en) return text.zh;
  const out: Record<string, string> = {};
  if (text.zh !== undefined) out['zh'] = text.zh;
  if (text.en !== undefined) out['en'] = text.en;
  return out;
};

const STATUS_FROM = { stated: { en: 'stated', zh: '人工设定' }, derived: { en: 'derived from tasks', zh: '据任务推算' } } as const;

export function actionsTable(tracking: Tracking, lang: Lang = 'en', result?: TrackingResult): TableSheet {
  const rows: TableCell[][] = [TRACKING_ACTION_COLUMNS.map((column) => column[lang])];
  for (const action of tracking.actions) {
    const progress = result?.actions.find((entry) => entry.action === action.id);
    const tasks = action.tasks.map((task) => ({ name: textValue(task.name), due: task.due, ...(task.done === undefined ? {} : { done: task.done }) }));
    const updates = action.updates.map((update) => ({ date: update.date, text: textValue(update.text), ...(update.author === undefined ? {} : { author: update.author }) }));
    rows.push([
      action.id,
      action.name.zh ?? null,
      action.name.en ?? null,
      action.kind,
      action.area,
      action.measure ?? null,
      listCell(action.hazards),
      action.lead,
      listCell(action.collaborators),
      action.phase,
      action.status?.value ?? null,
      action.status?.reason.zh ?? null,
      action.status?.reason.en ?? null,
      action.start ?? null,
      action.end ?? null,
      action.budget?.planned ?? null,
      action.budget?.spent ?? null,
      action.budget?.unit ?? null,
      listCell(action.indicators),
      tasks.length > 0 ? JSON.stringify(tasks) : null,
      updates.length > 0 ? JSON.stringify(updates) : null,
      progress === undefined ? null : ACTION_STATUS_NAMES[progress.status][lang],
      progress === undefined ? null : STATUS_FROM[progress.statusFrom][lang],
      progress?.tasks.done ?? null,
      progress?.tasks.total ?? null,
      progress?.tasks.overdue ?? null,
      progress?.lastUpdate ?? null,
      progress?.daysSinceUpdate ?? null,
      progress === undefined ? null : FRESHNESS_NAMES[progress.freshness][lang],
      progress?.budgetShare === null || progress?.budgetShare === undefined ? null : Number((progress.budgetShare * 100).toPrecision(15)),
    ]);
  }
  return { sheet: TRACKING_ACTIONS_SHEET[lang], rows };
}

/** What an actions table gives back: the tracking file's `actions` section (by id, in table order), or its problems. */
export interface ActionsImport {
  readonly actions: Record<string, Record<string, unknown>>;
  readonly problems: TableProblem[];
}

export function actionsFromTable(table: TableSheet): ActionsImport {
  const header = readHeader(table, TRACKING_ACTION_COLUMNS, TABLE_NAME);
  const problems = header.problems;
  const actions = Object.create(null) as Record<string, Record<string, unknown>>;
  if (problems.length > 0) return { actions, problems };
  const rowOf = new Map<string, number>();
  for (let r = header.headerRow + 1; r < table.rows.length; r++) {
    if (blankRow(table.rows[r]!)) continue;
    const cells = new RowReader(table, header, r, problems);
    const before = problems.length;
    const id = cells.needText('id', 'the action id', '行动代码');
    const action: Record<string, unknown> = {};
    const name: Record<string, string> = {};
    const nameZh = cells.text('nameZh');
    const nameEn = cells.text('nameEn');
    if (nameZh !== undefined) name['zh'] = nameZh;
    if (nameEn !== undefined) name['en'] = nameEn;
    action['name'] = name;
    action['kind'] = cells.choice('kind', KINDS) ?? cells.needText('kind', 'the kind (mitigation or adaptation)', '类型（mitigation 或 adaptation）');
    action['area'] = cells.choice('area', TRACKING_AREAS) ?? cells.needText('area', 'the area', '领域');
    const measure = cells.text('measure');
    if (measure !== undefined) action['measure'] = measure;
    action['hazards'] = cells.list('hazards');
    action['lead'] = cells.needText('lead', 'the lead department', '牵头单位');
    action['collaborators'] = cells.list('collaborators');
    action['phase'] = cells.choice('phase', ACTION_PHASES) ?? cells.needText('phase', 'the phase', '阶段');
    const stated = cells.choice('statedStatus', ACTION_STATUSES);
    const reasonZh = cells.text('reasonZh');
    const reasonEn = cells.text('reasonEn');
    if (stated !== undefined) {
      const reason: Record<string, string> = {};
      if (reasonZh !== undefined) reason['zh'] = reasonZh;
      if (reasonEn !== undefined) reason['en'] = reasonEn;
      if (reasonZh === undefined && reasonEn === undefined) cells.problem('reasonZh', 'a stated status needs its reason (reason (zh) or reason (en))', '人工设定的状态需要说明原因（原因（中文）或原因（英文））');
      action['status'] = { value: stated, reason };
    } else if (reasonZh !== undefined || reasonEn !== undefined) {
      cells.problem('statedStatus', 'a reason is given without a stated status', '给出了原因但没有设定状态');
    }
    for (const key of ['start', 'end'] as const) {
      const date = cells.text(key);
      if (date !== undefined) action[key] = date;
    }
    const planned = cells.number('planned');
    const spent = cells.number('spent');
    const unit = cells.text('budgetUnit');
    if (planned !== undefined || spent !== undefined || unit !== undefined) {
      if (planned === undefined) cells.problem('planned', 'a budget needs its planned amount', '预算缺少计划金额');
      if (spent === undefined) cells.problem('spent', 'a budget needs its amount spent', '预算缺少已支出金额');
      if (unit === undefined) cells.problem('budgetUnit', 'a budget needs its unit (e.g. 万元)', '预算缺少单位（如 万元）');
      action['budget'] = { planned, spent, unit };
    }
    action['indicators'] = cells.list('indicators');
    for (const key of ['tasks', 'updates'] as const) {
      const value = cells.json(key);
      if (value === undefined) {
        action[key] = [];
        continue;
      }
      if (!Array.isArray(value)) cells.problem(key, `expected a JSON array of ${key}`, `应为 JSON 数组`);
      else action[key] = value;
    }
    if (id === undefined || problems.length > before) continue;
    const seen = rowOf.get(id);
    if (seen !== undefined) {
      problems.push(tableProblem('duplicate-indicator', cells.place('id'), `${quoted(id)} is already on row ${seen + 1}`, `${quoted(id)} 已在第 ${seen + 1} 行出现`));
      continue;
    }
    rowOf.set(id, r);
    actions[id] = action;
  }
  return { actions, problems };
}
