import type { Lang } from '../issues/messages.ts';
import { ACTION_PHASE_NAMES, ACTION_STATUS_NAMES, FRESHNESS_NAMES, TRACKING_AREA_NAMES } from '../text/names-tracking.ts';
import { isPlainObject } from './cells.ts';
import type { ActionTask, ActionUpdate, TrackedAction, TrackedText, Tracking, TrackingResult } from '../tracking/types.ts';
import type { TableCell, TableSheet } from './columns.ts';
import { quoted, tableProblem, type TableProblem } from './problems.ts';
import { CellReader, headerRow, readHeader, trackedTextOf, type Text, type TrackingColumn } from './tracking-columns.ts';

/**
 * A tracking document's actions as a table (docs/import-export.md): one row per action. Its tasks and
 * updates are lists of dated items, each held whole as a JSON array in its cell, so the table reads back
 * into the same actions. The columns marked computed — tasks done and total, the last update, freshness,
 * the current status — come from the tasks, the updates and a `TrackingResult`; they are written for
 * readers and skipped on import.
 */

export const ACTIONS_SHEET: Readonly<Record<Lang, string>> = { en: 'actions', zh: '行动' };

type Key =
  | 'id' | 'nameZh' | 'nameEn' | 'kind' | 'area' | 'measure' | 'hazards' | 'lead' | 'collaborators' | 'phase'
  | 'status' | 'reasonZh' | 'reasonEn' | 'start' | 'end' | 'budgetPlanned' | 'budgetSpent' | 'budgetUnit' | 'indicators' | 'tasks' | 'updates'
  | 'tasksDone' | 'tasksTotal' | 'lastUpdate' | 'freshness' | 'currentStatus';

export const ACTION_COLUMNS: readonly TrackingColumn<Key>[] = [
  { key: 'id', en: 'action id', zh: '行动代码', required: true },
  { key: 'nameZh', en: 'name (zh)', zh: '名称（中文）' },
  { key: 'nameEn', en: 'name (en)', zh: '名称（英文）' },
  { key: 'kind', en: 'kind', zh: '类型', required: true },
  { key: 'area', en: 'area', zh: '领域', required: true },
  { key: 'measure', en: 'measure', zh: '对应措施' },
  { key: 'hazards', en: 'hazards', zh: '应对灾害' },
  { key: 'lead', en: 'lead department', zh: '牵头部门', required: true },
  { key: 'collaborators', en: 'collaborators', zh: '配合部门' },
  { key: 'phase', en: 'phase', zh: '阶段', required: true },
  { key: 'status', en: 'stated status', zh: '填报状态' },
  { key: 'reasonZh', en: 'status reason (zh)', zh: '状态说明（中文）' },
  { key: 'reasonEn', en: 'status reason (en)', zh: '状态说明（英文）' },
  { key: 'start', en: 'start', zh: '开始日期' },
  { key: 'end', en: 'end', zh: '结束日期' },
  { key: 'budgetPlanned', en: 'budget planned', zh: '计划预算' },
  { key: 'budgetSpent', en: 'budget spent', zh: '已支出' },
  { key: 'budgetUnit', en: 'budget unit', zh: '预算单位' },
  { key: 'indicators', en: 'indicators', zh: '关联指标' },
  { key: 'tasks', en: 'tasks (JSON)', zh: '任务（JSON）' },
  { key: 'updates', en: 'updates (JSON)', zh: '进展更新（JSON）' },
  { key: 'tasksDone', en: 'tasks done', zh: '已完成任务', computed: true },
  { key: 'tasksTotal', en: 'tasks total', zh: '任务总数', computed: true },
  { key: 'lastUpdate', en: 'last update', zh: '最近更新', computed: true },
  { key: 'freshness', en: 'freshness', zh: '更新及时性', computed: true },
  { key: 'currentStatus', en: 'current status', zh: '当前状态', computed: true },
];

type ActionKind = TrackedAction['kind'];
export const ACTION_KIND_NAMES: Readonly<Record<ActionKind, Text>> = { mitigation: { en: 'mitigation', zh: '减缓' }, adaptation: { en: 'adaptation', zh: '适应' } };

const WHAT: Text = { en: 'actions table', zh: '行动表' };
const join = (items: readonly string[]): TableCell => (items.length === 0 ? null : items.join('; '));

/** A bilingual text as JSON keeps it: only the languages given. */
const textJson = (text: TrackedText): Record<string, string> => trackedTextOf(text.zh, text.en);

export function actionsTable(tracking: Pick<Tracking, 'actions'>, lang: Lang = 'en', result?: Pick<TrackingResult, 'actions'>): TableSheet {
  const rows: TableCell[][] = [headerRow(ACTION_COLUMNS, lang)];
  for (const action of tracking.actions) {
    const progress = result?.actions.find((entry) => entry.action === action.id);
    const done = action.tasks.filter((task) => task.done !== undefined).length;
    const lastUpdate = action.updates.reduce<string | null>((latest, update) => (latest === null || update.date > latest ? update.date : latest), null);
    const cells: Record<Key, TableCell> = {
      id: action.id,
      nameZh: action.name.zh ?? null,
      nameEn: action.name.en ?? null,
      kind: ACTION_KIND_NAMES[action.kind][lang],
      area: TRACKING_AREA_NAMES[action.area][lang],
      measure: action.measure ?? null,
      hazards: join(action.hazards),
      lead: action.lead,
      collaborators: join(action.collaborators),
      phase: ACTION_PHASE_NAMES[action.phase][lang],
      status: action.status === undefined ? null : ACTION_STATUS_NAMES[action.status.value][lang],
      reasonZh: action.status?.reason.zh ?? null,
      reasonEn: action.status?.reason.en ?? null,
      start: action.start ?? null,
      end: action.end ?? null,
      budgetPlanned: action.budget?.planned ?? null,
      budgetSpent: action.budget?.spent ?? null,
      budgetUnit: action.budget?.unit ?? null,
      indicators: join(action.indicators),
      tasks: action.tasks.length === 0 ? null : JSON.stringify(action.tasks.map((task) => ({ name: textJson(task.name), due: task.due, ...(task.done === undefined ? {} : { done: task.done }) }))),
      updates: action.updates.length === 0 ? null : JSON.stringify(action.updates.map((update) => ({ date: update.date, text: textJson(update.text), ...(update.author === undefined ? {} : { author: update.author }) }))),
      tasksDone: progress?.tasks.done ?? done,
      tasksTotal: progress?.tasks.total ?? action.tasks.length,
      lastUpdate: progress === undefined ? lastUpdate : progress.lastUpdate,
      freshness: progress === undefined ? null : FRESHNESS_NAMES[progress.freshness][lang],
      currentStatus: progress === undefined ? null : ACTION_STATUS_NAMES[progress.status][lang],
    };
    rows.push(ACTION_COLUMNS.map((column) => cells[column.key]));
  }
  return { sheet: ACTIONS_SHEET[lang], rows };
}

export interface ActionsTableImport {
  readonly actions: TrackedAction[];
  readonly problems: TableProblem[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isTrackedText = (value: unknown): value is TrackedText =>
  isPlainObject(value) && Object.keys(value).every((key) => key === 'zh' || key === 'en') && Object.values(value).every(isText) && Object.keys(value).length > 0;

/** The actions of an exported table; the computed columns are skipped. */
export function readActionsTable(table: TableSheet): ActionsTableImport {
  const header = readHeader(table, ACTION_COLUMNS, WHAT);
  const problems = header.problems;
  const actions: TrackedAction[] = [];
  const seen = new Map<string, number>();
  for (const row of header.rows) {
    const read = new CellReader(row, problems, ACTION_COLUMNS);
    const before = problems.length;
    const id = read.requiredText('id');
    const name = trackedTextOf(read.text('nameZh'), read.text('nameEn'));
    if (name.zh === undefined && name.en === undefined) problems.push(tableProblem('not-text', row.place('nameZh'), 'the action needs a name, in Chinese or English', '行动需要名称（中文或英文）'));
    const kind = read.term('kind', ACTION_KIND_NAMES);
    const area = read.term('area', TRACKING_AREA_NAMES);
    const lead = read.requiredText('lead');
    const phase = read.term('phase', ACTION_PHASE_NAMES);
    const statusValue = read.term('status', ACTION_STATUS_NAMES, false);
    const reason = trackedTextOf(read.text('reasonZh'), read.text('reasonEn'));
    if (statusValue !== undefined && reason.zh === undefined && reason.en === undefined) read.problem('reasonZh', 'a stated status needs its reason', '填报状态需要说明理由');
    const start = read.date('start');
    const end = read.date('end');
    const planned = read.number('budgetPlanned');
    const spent = read.number('budgetSpent');
    const unit = read.text('budgetUnit');
    const givenBudget = [planned, spent, unit].filter((value) => value !== undefined).length;
    if (givenBudget !== 0 && givenBudget !== 3) read.problem('budgetPlanned', 'a budget needs all three of planned, spent and unit', '预算需同时填写计划预算、已支出和单位');
    const tasks = readTasks(read.jsonArray('tasks'), (en, zh) => read.problem('tasks', en, zh));
    const updates = readUpdates(read.jsonArray('updates'), (en, zh) => read.problem('updates', en, zh));
    if (id !== undefined) {
      if (seen.has(id)) problems.push(tableProblem('duplicate-indicator', row.place('id'), `${quoted(id)} is already on row ${seen.get(id)! + 1}`, `${quoted(id)} 已在第 ${seen.get(id)! + 1} 行出现`));
      else seen.set(id, row.rowIndex);
    }
    if (problems.length > before || id === undefined || kind === undefined || area === undefined || lead === undefined || phase === undefined || tasks === undefined || updates === undefined) continue;
    const measure = read.text('measure');
    actions.push({
      id,
      name,
      kind,
      area,
      ...(measure === undefined ? {} : { measure }),
      hazards: read.list('hazards'),
      lead,
      collaborators: read.list('collaborators'),
      phase,
      ...(statusValue === undefined ? {} : { status: { value: statusValue, reason } }),
      ...(start === undefined ? {} : { start }),
      ...(end === undefined ? {} : { end }),
      tasks,
      updates,
      ...(givenBudget === 3 ? { budget: { planned: planned!, spent: spent!, unit: unit! } } : {}),
      indicators: read.list('indicators'),
    });
  }
  return { actions, problems };
}

function readTasks(items: unknown[] | undefined, problem: (en: string, zh: string) => void): ActionTask[] | undefined {
  if (items === undefined) return undefined;
  const tasks: ActionTask[] = [];
  for (const [index, item] of items.entries()) {
    const ok = isPlainObject(item) && isTrackedText(item['name']) && typeof item['due'] === 'string' && DATE.test(item['due']) && (item['done'] === undefined || (typeof item['done'] === 'string' && DATE.test(item['done']))) && Object.keys(item).every((key) => key === 'name' || key === 'due' || key === 'done');
    if (!ok) {
      problem(`task ${index + 1}: expected { "name": { "zh"?, "en"? }, "due": "YYYY-MM-DD", "done"?: "YYYY-MM-DD" }`, `第 ${index + 1} 项任务：应为 { "name": { "zh"?, "en"? }, "due": "YYYY-MM-DD", "done"?: "YYYY-MM-DD" }`);
      return undefined;
    }
    tasks.push({ name: item['name'] as TrackedText, due: item['due'] as string, ...(item['done'] === undefined ? {} : { done: item['done'] as string }) });
  }
  return tasks;
}

function readUpdates(items: unknown[] | undefined, problem: (en: string, zh: string) => void): ActionUpdate[] | undefined {
  if (items === undefined) return undefined;
  const updates: ActionUpdate[] = [];
  for (const [index, item] of items.entries()) {
    const ok = isPlainObject(item) && typeof item['date'] === 'string' && DATE.test(item['date']) && isTrackedText(item['text']) && (item['author'] === undefined || isText(item['author'])) && Object.keys(item).every((key) => key === 'date' || key === 'text' || key === 'author');
    if (!ok) {
      problem(`update ${index + 1}: expected { "date": "YYYY-MM-DD", "text": { "zh"?, "en"? }, "author"? }`, `第 ${index + 1} 条更新：应为 { "date": "YYYY-MM-DD", "text": { "zh"?, "en"? }, "author"? }`);
      return undefined;
    }
    updates.push({ date: item['date'] as string, text: item['text'] as TrackedText, ...(item['author'] === undefined ? {} : { author: item['author'] as string }) });
  }
  return updates;
}
