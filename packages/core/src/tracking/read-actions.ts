import type { Path, ReferenceKind } from '../issues/issue.ts';
import { entries } from '../pathway/read-fields.ts';
import type { Fields, Reader } from '../reading/reader.ts';
import { closest } from '../text/closest.ts';
import { listItems, notBefore, readDate, readStrings, readText, references } from './read-common.ts';
import { ACTION_PHASES, ACTION_STATUSES, TRACKING_AREAS, type ActionTask, type ActionUpdate, type Hazard, type TrackedAction } from './types.ts';

/** Readers of the action table (mitigation and adaptation) and of the climate-hazard risk register. */

const ACTION_FIELDS: ReadonlySet<string> = new Set(['name', 'kind', 'area', 'measure', 'hazards', 'lead', 'collaborators', 'phase', 'status', 'start', 'end', 'tasks', 'updates', 'budget', 'indicators']);
const STATUS_FIELDS: ReadonlySet<string> = new Set(['value', 'reason']);
const TASK_FIELDS: ReadonlySet<string> = new Set(['name', 'due', 'done']);
const UPDATE_FIELDS: ReadonlySet<string> = new Set(['date', 'text', 'author']);
const BUDGET_FIELDS: ReadonlySet<string> = new Set(['planned', 'spent', 'unit']);
const HAZARD_FIELDS: ReadonlySet<string> = new Set(['type', 'name', 'probability', 'magnitude', 'frequencyChange', 'intensityChange', 'timescale', 'sectors', 'population', 'vulnerableGroups', 'adaptiveCapacity', 'source']);
const LEVELS = ['low', 'medium', 'high'] as const;
const CHANGES = ['increase', 'decrease', 'no-change', 'unknown'] as const;
const TIMESCALES = ['current', 'short', 'medium', 'long'] as const;
/** The hazard types the register names (CDP-ICLEI Track's climate hazards, the ones Chinese cities report most); `other` for the rest. */
export const HAZARD_TYPES = ['extreme-heat', 'urban-flooding', 'heavy-precipitation', 'drought', 'storm', 'typhoon', 'sea-level-rise', 'wildfire', 'cold-wave', 'landslide', 'water-scarcity', 'other'] as const;

export interface ActionNames {
  readonly indicators: readonly string[];
  readonly hazards: readonly string[];
  /** The measures an action may implement, when a plan or the catalogue is given; unchecked otherwise. */
  readonly measures: { readonly names: readonly string[]; readonly kind: ReferenceKind } | undefined;
}

export function readActions(reader: Reader, raw: unknown, names: ActionNames): TrackedAction[] {
  const out: TrackedAction[] = [];
  for (const [id, value] of entries(reader, raw, ['actions'], false)) {
    const path: Path = ['actions', id];
    const fields = reader.object(value, path);
    if (!fields) continue;
    reader.onlyFields(fields, ACTION_FIELDS, path);
    const name = readText(reader, fields, 'name', path, true);
    const kind = reader.choice(fields, 'kind', path, ['mitigation', 'adaptation'] as const, true);
    const area = reader.choice(fields, 'area', path, TRACKING_AREAS, true);
    const measure = reader.string(fields, 'measure', path, false);
    if (measure !== undefined && names.measures !== undefined && !names.measures.names.includes(measure)) {
      reader.report([...path, 'measure'], { code: 'unknown-reference', kind: names.measures.kind, got: measure, suggestion: closest(measure, names.measures.names) });
    }
    const hazards = readStrings(reader, fields, 'hazards', path);
    references(reader, 'hazard', hazards, names.hazards, [...path, 'hazards']);
    const indicators = readStrings(reader, fields, 'indicators', path);
    references(reader, 'indicator', indicators, names.indicators, [...path, 'indicators']);
    const lead = reader.string(fields, 'lead', path, true);
    const collaborators = readStrings(reader, fields, 'collaborators', path);
    const phase = reader.choice(fields, 'phase', path, ACTION_PHASES, true);
    const status = readStatus(reader, fields, path);
    const start = readDate(reader, fields, 'start', path, false);
    const end = readDate(reader, fields, 'end', path, false);
    notBefore(reader, end, start, 'start', [...path, 'end']);
    const tasks = readTasks(reader, fields, path, start);
    const updates = readUpdates(reader, fields, path);
    const budget = readBudget(reader, fields, path);
    if (name === undefined || kind === undefined || area === undefined || lead === undefined || phase === undefined) continue;
    out.push({ id, name, kind, area, measure, hazards, lead, collaborators, phase, status, start, end, tasks, updates, budget, indicators });
  }
  return out;
}

/** A status set by hand: `{ value, reason }`, the reason required (a status the tasks do not show must say why). */
function readStatus(reader: Reader, fields: Fields, path: Path): TrackedAction['status'] {
  if (fields['status'] === undefined) return undefined;
  const at = [...path, 'status'];
  const status = reader.object(fields['status'], at);
  if (!status) return undefined;
  reader.onlyFields(status, STATUS_FIELDS, at);
  const value = reader.choice(status, 'value', at, ACTION_STATUSES, true);
  const reason = readText(reader, status, 'reason', at, true);
  return value === undefined || reason === undefined ? undefined : { value, reason };
}

function readTasks(reader: Reader, fields: Fields, path: Path, start: string | undefined): ActionTask[] {
  const out: ActionTask[] = [];
  for (const [raw, at] of listItems(reader, fields, 'tasks', path)) {
    const task = reader.object(raw, at);
    if (!task) continue;
    reader.onlyFields(task, TASK_FIELDS, at);
    const name = readText(reader, task, 'name', at, true);
    const due = readDate(reader, task, 'due', at, true);
    const done = readDate(reader, task, 'done', at, false);
    notBefore(reader, due, start, 'start', [...at, 'due']);
    notBefore(reader, done, start, 'start', [...at, 'done']);
    if (name !== undefined && due !== undefined) out.push({ name, due, done });
  }
  return out;
}

function readUpdates(reader: Reader, fields: Fields, path: Path): ActionUpdate[] {
  const out: ActionUpdate[] = [];
  for (const [raw, at] of listItems(reader, fields, 'updates', path)) {
    const update = reader.object(raw, at);
    if (!update) continue;
    reader.onlyFields(update, UPDATE_FIELDS, at);
    const date = readDate(reader, update, 'date', at, true);
    const text = readText(reader, update, 'text', at, true);
    const author = reader.string(update, 'author', at, false);
    if (date !== undefined && text !== undefined) out.push({ date, text, author });
  }
  return out;
}

/** `{ planned, spent, unit }`: the unit as written (`万元`), required so no figure is read in a unit it was not given in. */
function readBudget(reader: Reader, fields: Fields, path: Path): TrackedAction['budget'] {
  if (fields['budget'] === undefined) return undefined;
  const at = [...path, 'budget'];
  const budget = reader.object(fields['budget'], at);
  if (!budget) return undefined;
  reader.onlyFields(budget, BUDGET_FIELDS, at);
  const planned = reader.number(budget, 'planned', at, { required: true });
  const spent = reader.number(budget, 'spent', at, { required: true });
  const unit = reader.string(budget, 'unit', at, true);
  return planned === undefined || spent === undefined || unit === undefined ? undefined : { planned, spent, unit };
}

export function readHazards(reader: Reader, raw: unknown): Hazard[] {
  const out: Hazard[] = [];
  for (const [id, value] of entries(reader, raw, ['hazards'], false)) {
    const path: Path = ['hazards', id];
    const fields = reader.object(value, path);
    if (!fields) continue;
    reader.onlyFields(fields, HAZARD_FIELDS, path);
    const type = reader.choice(fields, 'type', path, HAZARD_TYPES, true);
    const name = readText(reader, fields, 'name', path, true);
    const probability = reader.choice(fields, 'probability', path, LEVELS, true);
    const magnitude = reader.choice(fields, 'magnitude', path, LEVELS, true);
    const frequencyChange = reader.choice(fields, 'frequencyChange', path, CHANGES, true);
    const intensityChange = reader.choice(fields, 'intensityChange', path, CHANGES, true);
    const timescale = reader.choice(fields, 'timescale', path, TIMESCALES, true);
    const sectors = readStrings(reader, fields, 'sectors', path);
    const population = reader.count(fields, 'population', path, 'population', false);
    const vulnerableGroups = readStrings(reader, fields, 'vulnerableGroups', path);
    const adaptiveCapacity = reader.choice(fields, 'adaptiveCapacity', path, LEVELS, true);
    const source = reader.string(fields, 'source', path, false);
    if (type === undefined || name === undefined || probability === undefined || magnitude === undefined || frequencyChange === undefined || intensityChange === undefined || timescale === undefined || adaptiveCapacity === undefined) continue;
    out.push({ id, type, name, probability, magnitude, frequencyChange, intensityChange, timescale, sectors, population, vulnerableGroups, adaptiveCapacity, source });
  }
  return out;
}
