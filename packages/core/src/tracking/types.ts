/**
 * Tracking (issue 16): what a city follows year by year once it has a plan — targets, indicators in the
 * eight areas of an annual green and low-carbon development report, the plan's measures as they are
 * implemented, the climate-hazard risk register with its adaptation actions, and good-practice cases.
 *
 * A tracking document is read by `parseTracking` (every problem with its path, like every other
 * document) into a `Tracking`; `computeTracking(tracking, asOf)` derives progress, statuses and
 * freshness by the stated rules (`TrackingRules`) into a `TrackingResult`. The core reads no clock: the
 * date the statuses are judged at (`asOf`) is an argument, and the result states it.
 */
import type { Lang } from '../text/lang.ts';

/** A text given in both languages, or in one (the other falls back to it, stated by `lang`). */
export interface TrackedText {
  readonly zh?: string | undefined;
  readonly en?: string | undefined;
}

/** The eight areas of Shenzhen's Annual Report on Green and Low-Carbon Development, in its order. */
export const TRACKING_AREAS = [
  'top-level-design',
  'technological-innovation',
  'industrial-upgrading',
  'energy-management',
  'transportation',
  'green-buildings',
  'ecological-environment',
  'cooperation',
] as const;
export type TrackingArea = (typeof TRACKING_AREAS)[number];

/** A calendar date, `YYYY-MM-DD`, as the file gives it (validated). */
export type IsoDate = string;

// ---------------------------------------------------------------- targets and indicators

/** Whether a larger value is better (`increase`: non-fossil share) or a smaller one (`decrease`: emissions). */
export type Direction = 'increase' | 'decrease';

/** A value of an indicator in a year, with where it comes from. */
export interface Observation {
  readonly year: number;
  readonly value: number;
  /** Where the figure comes from (a yearbook table, a bureau's release, `inventory v3`); required for actuals. */
  readonly source?: string | undefined;
  readonly note?: string | undefined;
}

export interface Indicator {
  readonly id: string;
  readonly area: TrackingArea;
  readonly name: TrackedText;
  /** The unit as written (`%`, `万吨`, `tCO2/万元`, `辆`); progress is unit-free. */
  readonly unit: string;
  readonly direction: Direction;
  /** The start value that progress is measured from. */
  readonly base: Observation;
  /** Dated goals, in year order. */
  readonly goals: readonly Observation[];
  /** Yearly actuals, in year order, each with its source. */
  readonly actuals: readonly Observation[];
  /** When the next actual is due (`YYYY-MM-DD`); an indicator past it without a newer actual is overdue. */
  readonly nextUpdate?: IsoDate | undefined;
  /** The department that reports it. */
  readonly owner?: string | undefined;
  /** One of China's official indicators this is (dual control), so exports and the report can say so. */
  readonly official?: 'co2-per-gdp-decline' | 'energy-per-gdp-decline' | 'non-fossil-share' | 'energy-co2' | 'total-energy' | undefined;
  /** Where the indicator's definition comes from (the starter set's source, or the city's). */
  readonly definitionSource?: string | undefined;
}

/** The target kinds the engines know (pathway `targets`), plus sector targets. */
export type TrackedTargetKind = 'peak' | 'cap' | 'intensity-decline' | 'non-fossil-share' | 'neutrality' | 'sector';

/** CDP-ICLEI Track's target types. */
export type CdpTargetType = 'base-year-absolute' | 'base-year-intensity' | 'fixed-level' | 'baseline-scenario';

export interface TrackedTarget {
  readonly id: string;
  readonly name: TrackedText;
  readonly kind: TrackedTargetKind;
  readonly cdpType: CdpTargetType;
  /** The GPC sector (`I`…`V`) a sector target covers; the whole city otherwise. */
  readonly sector?: string | undefined;
  /** The boundary: `basic`, `basic-plus`, or China's `energy-co2`. */
  readonly boundary: 'basic' | 'basic-plus' | 'energy-co2';
  readonly baseYear?: number | undefined;
  readonly targetYear: number;
  /** The target's figure as stated: a reduction (fraction, 0.18 = 18 %), a level, or a share. */
  readonly value: number;
  readonly unit: string;
  /**
   * How `value` reads (the file gives `reduction` or `level`): `reduction`, a fraction below a reference —
   * the indicator's base value (`base-year-*` types), or `baseline` (`baseline-scenario`); `level`, the
   * indicator's value in the target year, in its unit (`fixed-level`, shares, caps, declines written as such).
   */
  readonly form: 'reduction' | 'level';
  /** The baseline scenario's value in the target year, in the indicator's unit (a `baseline-scenario` reduction's reference). */
  readonly baseline?: number | undefined;
  /** The indicator whose actuals measure it; progress and status are that indicator's against this target. */
  readonly indicator: string;
  /** The pathway target it corresponds to, when the pathway names it. */
  readonly pathwayTarget?: string | undefined;
  readonly source?: string | undefined;
}

/** How progress is judged (docs/tracking.md states them; a file may set its own, and the result names them). */
export interface TrackingRules {
  /** On track when progress ≥ expected × 1 (expected = the straight line from base to goal); at risk when ≥ expected × `atRisk`; otherwise off track. Default 0.8. */
  readonly atRisk: number;
  /** An action's last update is on time within `updateDays` of `asOf`, late up to `staleDays`, stale after. Defaults 90 and 180. */
  readonly updateDays: number;
  readonly staleDays: number;
  /** Where the rules come from: `default` or `file`. */
  readonly from: 'default' | 'file';
}

export type ProgressStatus = 'achieved' | 'on-track' | 'at-risk' | 'off-track' | 'no-data';

export interface IndicatorProgress {
  readonly indicator: string;
  readonly area: TrackingArea;
  /** The goal judged against: the first goal after the latest actual's year (the last goal once all are past). */
  readonly goal: Observation | null;
  readonly latest: Observation | null;
  /** (latest − base)/(goal − base); 1 = reached; may be negative or above 1. Null without an actual or a goal. */
  readonly progress: number | null;
  /** Where progress would be on the straight line from the base year to the goal year at the latest actual's year. */
  readonly expected: number | null;
  /** The change per year still needed from the latest actual to reach the goal in its year, in the indicator's unit. */
  readonly neededPerYear: number | null;
  /** The change per year so far (base to latest), in the indicator's unit, to set beside `neededPerYear`. */
  readonly achievedPerYear: number | null;
  readonly status: ProgressStatus;
  /** True when `nextUpdate` is before `asOf`. */
  readonly overdue: boolean;
}

export interface TargetProgress extends Omit<IndicatorProgress, 'indicator' | 'area'> {
  readonly target: string;
  readonly indicator: string;
  /** How the target's value became the goal judged (`goal`): `level` as given, or base (or baseline) × (1 − reduction). */
  readonly goalFrom: 'level' | 'reduction-of-base' | 'reduction-of-baseline';
}

// ---------------------------------------------------------------- action implementation

export const ACTION_STATUSES = ['not-started', 'in-progress', 'on-time', 'late', 'completed', 'postponed', 'cancelled', 'merged'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_PHASES = ['planning', 'design', 'procurement', 'implementation', 'operation', 'evaluation'] as const;
export type ActionPhase = (typeof ACTION_PHASES)[number];

export interface ActionTask {
  readonly name: TrackedText;
  readonly due: IsoDate;
  /** The date it was done; absent while open. */
  readonly done?: IsoDate | undefined;
}

export interface ActionUpdate {
  readonly date: IsoDate;
  readonly text: TrackedText;
  readonly author?: string | undefined;
}

export interface TrackedAction {
  readonly id: string;
  readonly name: TrackedText;
  readonly kind: 'mitigation' | 'adaptation';
  readonly area: TrackingArea;
  /** The plan measure or catalogue measure it implements (mitigation). */
  readonly measure?: string | undefined;
  /** The hazards it answers (adaptation): ids of `hazards`. */
  readonly hazards: readonly string[];
  readonly lead: string;
  readonly collaborators: readonly string[];
  readonly phase: ActionPhase;
  /** A status set by hand, with its reason (required); absent: derived from the tasks (computeTracking). */
  readonly status?: { readonly value: ActionStatus; readonly reason: TrackedText } | undefined;
  readonly start?: IsoDate | undefined;
  readonly end?: IsoDate | undefined;
  readonly tasks: readonly ActionTask[];
  readonly updates: readonly ActionUpdate[];
  /** Budget in 万元: planned for the whole action and spent to date. */
  readonly budget?: { readonly planned: number; readonly spent: number; readonly unit: string } | undefined;
  readonly indicators: readonly string[];
}

export type Freshness = 'on-time' | 'late' | 'stale' | 'never';

export interface ActionProgress {
  readonly action: string;
  readonly status: ActionStatus;
  /** `stated` when the file sets it (with its reason), `derived` when computed from the tasks by the stated rule. */
  readonly statusFrom: 'stated' | 'derived';
  readonly tasks: { readonly total: number; readonly done: number; readonly overdue: number };
  readonly lastUpdate: IsoDate | null;
  readonly daysSinceUpdate: number | null;
  readonly freshness: Freshness;
  /** spent / planned; null without a budget or with planned 0. */
  readonly budgetShare: number | null;
}

// ---------------------------------------------------------------- adaptation

export type Level = 'low' | 'medium' | 'high';
export type Change = 'increase' | 'decrease' | 'no-change' | 'unknown';

/** One row of the climate-hazard risk register (CDP-ICLEI Track's hazard questions). */
export interface Hazard {
  readonly id: string;
  /** The hazard type, e.g. `extreme-heat`, `urban-flooding`, `drought`, `storm`, `sea-level-rise`, `wildfire`, `cold-wave`. */
  readonly type: string;
  readonly name: TrackedText;
  readonly probability: Level;
  readonly magnitude: Level;
  readonly frequencyChange: Change;
  readonly intensityChange: Change;
  readonly timescale: 'current' | 'short' | 'medium' | 'long';
  readonly sectors: readonly string[];
  /** People exposed, when known. */
  readonly population?: number | undefined;
  readonly vulnerableGroups: readonly string[];
  readonly adaptiveCapacity: Level;
  readonly source?: string | undefined;
}

export interface HazardRisk {
  readonly hazard: string;
  /** probability × magnitude on 1–3 each, 1–9; the register sorts by it. */
  readonly score: number;
  readonly rating: Level;
  readonly actions: readonly string[];
}

// ---------------------------------------------------------------- good practice

export interface PracticeResult {
  readonly name: TrackedText;
  readonly value: number;
  readonly unit: string;
  readonly year?: number | undefined;
}

/** A case study: what a city did, with figures and sources, linked to catalogue measures. */
export interface PracticeCase {
  readonly id: string;
  readonly city: TrackedText;
  readonly title: TrackedText;
  readonly area: TrackingArea;
  readonly sector?: string | undefined;
  readonly measures: readonly string[];
  readonly summary: TrackedText;
  readonly results: readonly PracticeResult[];
  readonly sources: readonly string[];
  readonly year?: number | undefined;
}

// ---------------------------------------------------------------- the document and its result

export interface Tracking {
  readonly version: number;
  readonly city: TrackedText;
  /** References to the city's other documents, for the report (resolved like a pathway's `inventory:`). */
  readonly inventory?: string | undefined;
  readonly pathway?: string | undefined;
  readonly plan?: string | undefined;
  readonly rules: TrackingRules;
  readonly targets: readonly TrackedTarget[];
  readonly indicators: readonly Indicator[];
  readonly actions: readonly TrackedAction[];
  readonly hazards: readonly Hazard[];
  readonly practices: readonly PracticeCase[];
  /** Cooperation: networks, partner cities, events of the year (the report's eighth area), as short texts. */
  readonly cooperation: readonly { readonly year: number; readonly text: TrackedText; readonly partners: readonly string[] }[];
}

export interface TrackingResult {
  readonly asOf: IsoDate;
  readonly rules: TrackingRules;
  readonly indicators: readonly IndicatorProgress[];
  readonly targets: readonly TargetProgress[];
  readonly actions: readonly ActionProgress[];
  readonly hazards: readonly HazardRisk[];
  /** Counts for the report's summary. */
  readonly summary: {
    readonly indicators: Readonly<Record<ProgressStatus, number>>;
    readonly actions: Readonly<Record<ActionStatus, number>>;
    readonly freshness: Readonly<Record<Freshness, number>>;
  };
}

/** The text in `lang`, or in the other language when only that one is given. */
export function trackedText(text: TrackedText, lang: Lang): string {
  return (lang === 'zh' ? (text.zh ?? text.en) : (text.en ?? text.zh)) ?? '';
}
