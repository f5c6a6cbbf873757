import type { TargetGoalReason } from '../issues/issue.ts';
import type { Indicator, Observation, TrackedTarget } from './types.ts';

export type TargetGoal =
  | { ok: true; goal: Observation; from: 'level' | 'reduction-of-base' | 'reduction-of-baseline' }
  | { ok: false; reason: TargetGoalReason; field: string };

/**
 * The goal a target sets for its indicator in the target year (docs/tracking.md, "Targets"):
 * - `level`: the value itself, in the indicator's unit (a cap, a share, a fixed level, a decline written as a percentage);
 * - `reduction` of a `base-year-*` target: the indicator's base value × (1 − reduction), so a target year-base
 *   intensity cut of 18 % on a base of 1.00 tCO2/万元 is the goal 0.82; the target's `baseYear` must be the indicator's;
 * - `reduction` of a `baseline-scenario` target: `baseline` × (1 − reduction), the baseline scenario's value in the target year.
 * A goal equal to the base or on the wrong side of it for the indicator's direction cannot be measured against.
 */
export function targetGoal(target: TrackedTarget, indicator: Indicator): TargetGoal {
  const base = indicator.base;
  if (target.targetYear <= base.year) return { ok: false, reason: 'before-base', field: 'targetYear' };
  let value: number;
  let from: 'level' | 'reduction-of-base' | 'reduction-of-baseline';
  if (target.form === 'level') {
    value = target.value;
    from = 'level';
  } else {
    if (indicator.direction === 'increase') return { ok: false, reason: 'reduction-of-increase', field: 'reduction' };
    if (target.cdpType === 'baseline-scenario') {
      if (target.baseline === undefined) return { ok: false, reason: 'baseline-required', field: 'baseline' };
      value = target.baseline * (1 - target.value);
      from = 'reduction-of-baseline';
    } else {
      if (target.baseYear !== undefined && target.baseYear !== base.year) return { ok: false, reason: 'base-year', field: 'baseYear' };
      value = base.value * (1 - target.value);
      from = 'reduction-of-base';
    }
  }
  const field = target.form;
  if (value === base.value) return { ok: false, reason: 'no-change', field };
  if (value > base.value !== (indicator.direction === 'increase')) return { ok: false, reason: 'direction', field };
  return { ok: true, goal: { year: target.targetYear, value, source: target.source }, from };
}
