/** The tracking engine (issue 16, docs/tracking.md): the public names of core/src/tracking. */
export * from './types.ts';
export { DEFAULT_TRACKING_RULES, parseTracking } from './parse.ts';
export type { TrackingParseOptions, TrackingParseResult } from './parse.ts';
export { actionProgress, computeTracking, freshnessOf, hazardRisk, indicatorProgress, progressOf, progressStatus } from './compute.ts';
export { targetGoal } from './target-goal.ts';
export type { TargetGoal } from './target-goal.ts';
export { HAZARD_TYPES } from './read-actions.ts';
export { dayNumber, daysBetween, isIsoDate } from './dates.ts';
export { searchPractices } from './practices.ts';
export type { PracticeQuery } from './practices.ts';
export { ACTION_PHASE_NAMES, ACTION_STATUS_NAMES, CDP_TARGET_TYPE_NAMES, CHANGE_NAMES, FRESHNESS_NAMES, HAZARD_TYPE_NAMES, LEVEL_NAMES, progressText, PROGRESS_STATUS_NAMES, TRACKED_TARGET_KIND_NAMES, TRACKING_AREA_NAMES } from '../text/names-tracking.ts';
export { loadStarter, starterIndicators } from './starter.ts';
export type { StarterIndicator } from './starter.ts';
