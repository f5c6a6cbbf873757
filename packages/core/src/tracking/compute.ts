import { daysBetween, dayNumber } from './dates.ts';
import { targetGoal } from './target-goal.ts';
import {
  ACTION_STATUSES,
  type ActionProgress,
  type ActionStatus,
  type Freshness,
  type Hazard,
  type HazardRisk,
  type Indicator,
  type IndicatorProgress,
  type IsoDate,
  type Level,
  type Observation,
  type ProgressStatus,
  type TargetProgress,
  type TrackedAction,
  type Tracking,
  type TrackingResult,
  type TrackingRules,
} from './types.ts';

/**
 * Progress, statuses and freshness of a parsed tracking file at the date `asOf` (`YYYY-MM-DD`), by the
 * rules the result states (docs/tracking.md, "Rules"). The core reads no clock: `asOf` is the caller's.
 * Throws RangeError when `asOf` is not a real date.
 */
export function computeTracking(tracking: Tracking, asOf: IsoDate): TrackingResult {
  dayNumber(asOf);
  const rules = tracking.rules;
  const indicators = tracking.indicators.map((indicator) => indicatorProgress(indicator, rules, asOf));
  const targets: TargetProgress[] = [];
  for (const target of tracking.targets) {
    const indicator = tracking.indicators.find((candidate) => candidate.id === target.indicator);
    if (!indicator) continue;
    const goal = targetGoal(target, indicator);
    if (!goal.ok) continue;
    const { indicator: _id, area: _area, ...progress } = indicatorProgress({ ...indicator, goals: [goal.goal] }, rules, asOf);
    targets.push({ target: target.id, indicator: indicator.id, goalFrom: goal.from, ...progress });
  }
  const actions = tracking.actions.map((action) => actionProgress(action, rules, asOf));
  const hazards = tracking.hazards.map((hazard) => hazardRisk(hazard, tracking.actions));
  hazards.sort((a, b) => b.score - a.score);
  return { asOf, rules, indicators, targets, actions, hazards, summary: summarise(indicators, actions) };
}

// ---------------------------------------------------------------- indicators

/**
 * One indicator's progress towards the goal judged: the first goal in or after the latest actual's year (the
 * last goal once all are past). progress = (latest − base)/(goal − base); expected = the straight line from the
 * base year to the goal year at the latest actual's year, (latest year − base year)/(goal year − base year), at most 1.
 * Status: `achieved` when progress ≥ 1 and the latest actual is of the goal year or later (a goal reached early is
 * `on-track`: the value may still turn back before the goal year); `on-track` when progress ≥ expected; `at-risk`
 * when progress ≥ expected × rules.atRisk; `off-track` below; `no-data` without an actual or a goal.
 */
export function indicatorProgress(indicator: Indicator, rules: TrackingRules, asOf: IsoDate): IndicatorProgress {
  const base = indicator.base;
  const latest = indicator.actuals.at(-1) ?? null;
  const goal = judgedGoal(indicator.goals, latest);
  const overdue = indicator.nextUpdate !== undefined && daysBetween(indicator.nextUpdate, asOf) > 0;
  const common = { indicator: indicator.id, area: indicator.area, goal, latest, overdue };
  if (latest === null || goal === null || goal.value === base.value) {
    return { ...common, progress: null, expected: null, neededPerYear: null, achievedPerYear: null, status: 'no-data' };
  }
  const progress = progressOf(base.value, latest.value, goal.value);
  const expected = Math.min(1, Math.max(0, (latest.year - base.year) / (goal.year - base.year)));
  const neededPerYear = goal.year > latest.year ? (goal.value - latest.value) / (goal.year - latest.year) : null;
  const achievedPerYear = latest.year > base.year ? (latest.value - base.value) / (latest.year - base.year) : null;
  return { ...common, progress, expected, neededPerYear, achievedPerYear, status: progressStatus(progress, expected, latest.year >= goal.year, rules) };
}

/** (latest − base)/(goal − base): 0 at the base, 1 at the goal, whichever the direction (+ 0 turns −0 into 0). */
export const progressOf = (base: number, latest: number, goal: number): number => (latest - base) / (goal - base) + 0;

/** The first goal of the latest actual's year or after; the last goal once all are past; the first goal without an actual. */
function judgedGoal(goals: readonly Observation[], latest: Observation | null): Observation | null {
  if (latest === null) return goals[0] ?? null;
  return goals.find((goal) => goal.year >= latest.year) ?? goals.at(-1) ?? null;
}

export function progressStatus(progress: number, expected: number, goalYearReached: boolean, rules: TrackingRules): Exclude<ProgressStatus, 'no-data'> {
  if (progress >= 1 && goalYearReached) return 'achieved';
  if (progress >= expected) return 'on-track';
  if (progress >= expected * rules.atRisk) return 'at-risk';
  return 'off-track';
}

// ---------------------------------------------------------------- actions

/**
 * An action's status: the file's (with its reason) when set by hand; otherwise derived, the first rule that holds:
 * 1. `completed`: it has tasks and every one is done;
 * 2. `not-started`: `asOf` is before `start`, or there is no `start`, no task done and no update;
 * 3. `late`: an open task is past due, or `end` is past with the action not completed;
 * 4. `on-time`: started, with tasks, none overdue;
 * 5. `in-progress`: started, with no tasks to judge the schedule by.
 * Freshness of the last update on or before `asOf`: `on-time` within rules.updateDays days, `late` within
 * rules.staleDays, `stale` beyond, `never` without an update.
 */
export function actionProgress(action: TrackedAction, rules: TrackingRules, asOf: IsoDate): ActionProgress {
  const done = action.tasks.filter((task) => task.done !== undefined && daysBetween(task.done, asOf) >= 0).length;
  const overdue = action.tasks.filter((task) => (task.done === undefined || daysBetween(task.done, asOf) < 0) && daysBetween(task.due, asOf) > 0).length;
  const dates = action.updates.map((update) => update.date).filter((date) => daysBetween(date, asOf) >= 0);
  const lastUpdate = dates.reduce<IsoDate | null>((last, date) => (last === null || dayNumber(date) > dayNumber(last) ? date : last), null);
  const daysSinceUpdate = lastUpdate === null ? null : daysBetween(lastUpdate, asOf);
  const budget = action.budget;
  return {
    action: action.id,
    status: action.status?.value ?? derivedStatus(action, asOf, { total: action.tasks.length, done, overdue, updated: lastUpdate !== null }),
    statusFrom: action.status ? 'stated' : 'derived',
    tasks: { total: action.tasks.length, done, overdue },
    lastUpdate,
    daysSinceUpdate,
    freshness: freshnessOf(daysSinceUpdate, rules),
    budgetShare: budget === undefined || budget.planned === 0 ? null : budget.spent / budget.planned,
  };
}

function derivedStatus(action: TrackedAction, asOf: IsoDate, tasks: { total: number; done: number; overdue: number; updated: boolean }): ActionStatus {
  if (tasks.total > 0 && tasks.done === tasks.total) return 'completed';
  const beforeStart = action.start !== undefined && daysBetween(action.start, asOf) < 0;
  const started = action.start !== undefined ? !beforeStart : tasks.done > 0 || tasks.updated;
  if (!started) return 'not-started';
  if (tasks.overdue > 0 || (action.end !== undefined && daysBetween(action.end, asOf) > 0)) return 'late';
  return tasks.total > 0 ? 'on-time' : 'in-progress';
}

export function freshnessOf(daysSinceUpdate: number | null, rules: TrackingRules): Freshness {
  if (daysSinceUpdate === null) return 'never';
  if (daysSinceUpdate <= rules.updateDays) return 'on-time';
  if (daysSinceUpdate <= rules.staleDays) return 'late';
  return 'stale';
}

// ---------------------------------------------------------------- hazards

const LEVEL_SCORE: Readonly<Record<Level, number>> = { low: 1, medium: 2, high: 3 };

/** probability × magnitude on 1–3 each (low, medium, high): 1–2 low, 3–4 medium, 6–9 high; the adaptation actions that name it. */
export function hazardRisk(hazard: Hazard, actions: readonly TrackedAction[]): HazardRisk {
  const score = LEVEL_SCORE[hazard.probability] * LEVEL_SCORE[hazard.magnitude];
  const rating: Level = score >= 6 ? 'high' : score >= 3 ? 'medium' : 'low';
  return { hazard: hazard.id, score, rating, actions: actions.filter((action) => action.hazards.includes(hazard.id)).map((action) => action.id) };
}

// ---------------------------------------------------------------- summary

const PROGRESS_STATUSES: readonly ProgressStatus[] = ['achieved', 'on-track', 'at-risk', 'off-track', 'no-data'];
const FRESHNESS: readonly Freshness[] = ['on-time', 'late', 'stale', 'never'];

function count<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

function summarise(indicators: readonly IndicatorProgress[], actions: readonly ActionProgress[]): TrackingResult['summary'] {
  return {
    indicators: count(PROGRESS_STATUSES, indicators.map((indicator) => indicator.status)),
    actions: count(ACTION_STATUSES, actions.map((action) => action.status)),
    freshness: count(FRESHNESS, actions.map((action) => action.freshness)),
  };
}
