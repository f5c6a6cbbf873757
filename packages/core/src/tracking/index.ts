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
