import type { Issue, Path } from '../issues/issue.ts';
import type { Catalogue } from '../plan/catalogue.ts';
import { entries } from '../pathway/read-fields.ts';
import { Reader, type Fields } from '../reading/reader.ts';
import { migrate } from '../reading/versions.ts';
import { closest } from '../text/closest.ts';
import { readActions, readHazards } from './read-actions.ts';
import { readDate, readObservation, readSeries, readText } from './read-common.ts';
import { readCooperation, readPractices } from './read-practices.ts';
import { targetGoal } from './target-goal.ts';
import { TRACKING_AREAS, type Indicator, type Tracking, type TrackedTarget, type TrackingRules } from './types.ts';

export type TrackingParseResult = { ok: true; tracking: Tracking; warnings: Issue[] } | { ok: false; issues: Issue[] };

export interface TrackingParseOptions {
  /** The action catalogue: an action's `measure` may name one of its measures. */
  readonly catalogue?: Catalogue | undefined;
  /** The measures of the plan the tracking file names: an action's `measure` may name one of them. */
  readonly planMeasures?: readonly string[] | undefined;
}

/** The rules when the file sets none (docs/tracking.md): at risk from 80 % of the expected progress; updates due every 90 days, stale after 180. */
export const DEFAULT_TRACKING_RULES: TrackingRules = { atRisk: 0.8, updateDays: 90, staleDays: 180, from: 'default' };

const TOP_FIELDS: ReadonlySet<string> = new Set(['$schema', 'version', 'city', 'inventory', 'pathway', 'plan', 'rules', 'targets', 'indicators', 'actions', 'hazards', 'practices', 'cooperation']);
const RULE_FIELDS: ReadonlySet<string> = new Set(['atRisk', 'updateDays', 'staleDays']);
const INDICATOR_FIELDS: ReadonlySet<string> = new Set(['area', 'name', 'unit', 'direction', 'base', 'goals', 'actuals', 'nextUpdate', 'owner', 'official', 'definitionSource']);
const TARGET_FIELDS: ReadonlySet<string> = new Set(['name', 'kind', 'cdpType', 'sector', 'boundary', 'baseYear', 'targetYear', 'reduction', 'level', 'baseline', 'indicator', 'pathwayTarget', 'source']);
const OFFICIAL = ['co2-per-gdp-decline', 'energy-per-gdp-decline', 'non-fossil-share', 'energy-co2', 'total-energy'] as const;
const TARGET_KINDS = ['peak', 'cap', 'intensity-decline', 'non-fossil-share', 'neutrality', 'sector'] as const;
const CDP_TYPES = ['base-year-absolute', 'base-year-intensity', 'fixed-level', 'baseline-scenario'] as const;
const BOUNDARIES = ['basic', 'basic-plus', 'energy-co2'] as const;
const GPC_SECTORS = ['I', 'II', 'III', 'IV', 'V'] as const;

/**
 * Validates a tracking file (docs/tracking.md): every problem with its path at once — real dates, years in
 * order, a reason for a status set by hand, every reference resolved (a target's indicator, an action's
 * indicators, hazards and measure) with a did-you-mean. The rules are the file's or the defaults, and say which.
 */
export function parseTracking(document: unknown, options: TrackingParseOptions = {}): TrackingParseResult {
  const migrated = migrate('tracking', document);
  if (migrated.unreadable || migrated.issues.length > 0) return { ok: false, issues: [...migrated.issues] };
  const reader = new Reader();
  const tracking = readTracking(reader, migrated.document, options);
  if (reader.issues.length > 0 || !tracking) return { ok: false, issues: reader.issues.length > 0 ? reader.issues : [{ path: [], code: 'required' }] };
  return { ok: true, tracking, warnings: reader.warnings };
}

function readTracking(reader: Reader, document: unknown, options: TrackingParseOptions): Tracking | undefined {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    reader.report([], { code: 'not-a-document', got: document === null ? 'null' : Array.isArray(document) ? 'array' : typeof document, kind: 'tracking' });
    return undefined;
  }
  const top = document as Fields;
  reader.onlyFields(top, TOP_FIELDS, []);
  reader.string(top, '$schema', [], false);
  const version = reader.number(top, 'version', [], { required: false, integer: true, min: 1, max: 1 }) ?? 1;
  const city = readText(reader, top, 'city', [], true);
  const inventory = reader.string(top, 'inventory', [], false);
  const pathway = reader.string(top, 'pathway', [], false);
  const plan = reader.string(top, 'plan', [], false);
  const rules = readRules(reader, top['rules']);

  const indicators = readIndicators(reader, top['indicators']);
  const indicatorIds = entries(new Reader(), top['indicators'], ['indicators'], false).map(([id]) => id);
  const hazardIds = entries(new Reader(), top['hazards'], ['hazards'], false).map(([id]) => id);
  const targets = readTargets(reader, top['targets'], indicators, indicatorIds);
  const hazards = readHazards(reader, top['hazards']);
  const measures = measureNames(options);
  const actions = readActions(reader, top['actions'], { indicators: indicatorIds, hazards: hazardIds, measures });
  const practices = readPractices(reader, top['practices'], options.catalogue);
  const cooperation = readCooperation(reader, top);
  if (!city) return undefined;
  return { version, city, inventory, pathway, plan, rules, targets, indicators, actions, hazards, practices, cooperation };
}

/** The measure names an action may give: the plan's and the catalogue's, with which kind of reference a miss is reported as. */
function measureNames(options: TrackingParseOptions): { names: readonly string[]; kind: 'measure' | 'catalogue-measure' } | undefined {
  const catalogue = options.catalogue?.measures.map((measure) => measure.id) ?? [];
  if (options.planMeasures !== undefined) return { names: [...options.planMeasures, ...catalogue], kind: 'measure' };
  if (options.catalogue !== undefined) return { names: catalogue, kind: 'catalogue-measure' };
  return undefined;
}

function readRules(reader: Reader, raw: unknown): TrackingRules {
  if (raw === undefined) return DEFAULT_TRACKING_RULES;
  const path: Path = ['rules'];
  const fields = reader.object(raw, path);
  if (!fields) return DEFAULT_TRACKING_RULES;
  reader.onlyFields(fields, RULE_FIELDS, path);
  const atRisk = reader.number(fields, 'atRisk', path, { required: true, min: 0, max: 1 });
  const updateDays = reader.number(fields, 'updateDays', path, { required: true, integer: true, positive: true });
  const staleDays = reader.number(fields, 'staleDays', path, { required: true, integer: true, positive: true });
  if (updateDays !== undefined && staleDays !== undefined && staleDays < updateDays) {
    reader.report([...path, 'staleDays'], { code: 'out-of-range', min: updateDays, max: Number.MAX_SAFE_INTEGER, got: staleDays });
  }
  return { atRisk: atRisk ?? DEFAULT_TRACKING_RULES.atRisk, updateDays: updateDays ?? DEFAULT_TRACKING_RULES.updateDays, staleDays: staleDays ?? DEFAULT_TRACKING_RULES.staleDays, from: 'file' };
}

function readIndicators(reader: Reader, raw: unknown): Indicator[] {
  const out: Indicator[] = [];
  for (const [id, value] of entries(reader, raw, ['indicators'], false)) {
    const path: Path = ['indicators', id];
    const fields = reader.object(value, path);
    if (!fields) continue;
    reader.onlyFields(fields, INDICATOR_FIELDS, path);
    const area = reader.choice(fields, 'area', path, TRACKING_AREAS, true);
    const name = readText(reader, fields, 'name', path, true);
    const unit = reader.string(fields, 'unit', path, true);
    const direction = reader.choice(fields, 'direction', path, ['increase', 'decrease'] as const, true);
    const base = fields['base'] === undefined ? void reader.report([...path, 'base'], { code: 'required' }) : readObservation(reader, fields['base'], [...path, 'base'], false);
    const floor = base === undefined ? undefined : base.year;
    const goals = readSeries(reader, fields, 'goals', path, false, floor === undefined ? undefined : { year: floor, inclusive: false });
    const actuals = readSeries(reader, fields, 'actuals', path, true, floor === undefined ? undefined : { year: floor, inclusive: true });
    const nextUpdate = readDate(reader, fields, 'nextUpdate', path, false);
    const owner = reader.string(fields, 'owner', path, false);
    const official = reader.choice(fields, 'official', path, OFFICIAL, false);
    const definitionSource = reader.string(fields, 'definitionSource', path, false);
    if (base !== undefined && direction !== undefined) {
      // Each goal must be measurable against the base: different from it, on the side the direction points to.
      goals.forEach((goal, index) => {
        const reason = goal.value === base.value ? 'no-change' : (goal.value > base.value) !== (direction === 'increase') ? 'direction' : undefined;
        if (reason) reader.report([...path, 'goals', index, 'value'], { code: 'target-goal', reason });
      });
    }
    if (area === undefined || name === undefined || unit === undefined || direction === undefined || base === undefined) continue;
    out.push({ id, area, name, unit, direction, base, goals, actuals, nextUpdate, owner, official, definitionSource });
  }
  return out;
}

function readTargets(reader: Reader, raw: unknown, indicators: readonly Indicator[], indicatorIds: readonly string[]): TrackedTarget[] {
  const out: TrackedTarget[] = [];
  for (const [id, value] of entries(reader, raw, ['targets'], false)) {
    const path: Path = ['targets', id];
    const fields = reader.object(value, path);
    if (!fields) continue;
    reader.onlyFields(fields, TARGET_FIELDS, path);
    const name = readText(reader, fields, 'name', path, true);
    const kind = reader.choice(fields, 'kind', path, TARGET_KINDS, true);
    const cdpType = reader.choice(fields, 'cdpType', path, CDP_TYPES, true);
    const sector = reader.choice(fields, 'sector', path, GPC_SECTORS, kind === 'sector');
    const boundary = reader.choice(fields, 'boundary', path, BOUNDARIES, true);
    const baseYear = reader.number(fields, 'baseYear', path, { required: false, integer: true, min: 1900, max: 2100 });
    const targetYear = reader.number(fields, 'targetYear', path, { required: true, integer: true, min: 1900, max: 2100 });
    const hasReduction = fields['reduction'] !== undefined;
    const hasLevel = fields['level'] !== undefined;
    if (hasReduction && hasLevel) reader.report(path, { code: 'conflict', fields: ['reduction', 'level'] });
    if (!hasReduction && !hasLevel) reader.report([...path, 'level'], { code: 'required' });
    const reduction = hasReduction ? reader.number(fields, 'reduction', path, { required: true, min: 0, max: 1 }) : undefined;
    const level = hasLevel ? reader.number(fields, 'level', path, { required: true, allowNegative: true }) : undefined;
    const baseline = reader.number(fields, 'baseline', path, { required: false, allowNegative: true });
    const indicatorId = reader.string(fields, 'indicator', path, true);
    const pathwayTarget = reader.string(fields, 'pathwayTarget', path, false);
    const source = reader.string(fields, 'source', path, false);
    let indicator: Indicator | undefined;
    if (indicatorId !== undefined) {
      indicator = indicators.find((candidate) => candidate.id === indicatorId);
      if (!indicatorIds.includes(indicatorId)) reader.report([...path, 'indicator'], { code: 'unknown-reference', kind: 'indicator', got: indicatorId, suggestion: closest(indicatorId, indicatorIds) });
    }
    const form = hasReduction ? 'reduction' : 'level';
    const figure = reduction ?? level;
    if (name === undefined || kind === undefined || cdpType === undefined || boundary === undefined || targetYear === undefined || figure === undefined || indicatorId === undefined) continue;
    const target: TrackedTarget = { id, name, kind, cdpType, sector, boundary, baseYear, targetYear, value: figure, unit: form === 'reduction' ? 'fraction' : (indicator?.unit ?? ''), form, baseline, indicator: indicatorId, pathwayTarget, source };
    if (indicator) {
      const goal = targetGoal(target, indicator);
      if (!goal.ok) reader.report([...path, goal.field], { code: 'target-goal', reason: goal.reason });
    }
    out.push(target);
  }
  return out;
}

