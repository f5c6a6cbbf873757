/**
 * The tracking rules on worked examples, each figure computed by hand in the comments (docs/tracking.md,
 * "Rules"), and properties with a logged seed (replay: FC_SEED=<seed>).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeTo, propertySettings } from '../../../../test/support/fast-check.ts';
import { computeTracking, progressOf } from './compute.ts';
import { parseTracking } from './parse.ts';
import { progressText } from '../text/names-tracking.ts';
import type { Tracking } from './types.ts';

const AS_OF = '2025-06-30';

/** A tracking file with the given sections, parsed (the parser is part of what is tested). */
function tracking(sections: Record<string, unknown>): Tracking {
  const parsed = parseTracking({ city: { zh: '示例市', en: 'Demo City' }, ...sections });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.tracking;
}

/** CO2 per GDP, base 2020 1.00 tCO2/万元, goal 2025 0.82 (an 18 % decline): a `decrease` indicator with one actual. */
const intensity = (actual: { year: number; value: number } | undefined, extra: Record<string, unknown> = {}) => ({
  area: 'top-level-design',
  name: { zh: '单位GDP二氧化碳排放', en: 'CO2 per unit of GDP' },
  unit: 'tCO2/万元',
  direction: 'decrease',
  base: { year: 2020, value: 1.0 },
  goals: [{ year: 2025, value: 0.82 }],
  actuals: actual ? [{ ...actual, source: 'statistical bulletin' }] : [],
  ...extra,
});

const only = (indicator: Record<string, unknown>) => computeTracking(tracking({ indicators: { x: indicator } }), AS_OF).indicators[0]!;

describe('indicator progress (decrease: CO2 per GDP, base 2020 1.00, goal 2025 0.82)', () => {
  it('on track: 2023 0.88 → progress (0.88−1.00)/(0.82−1.00) = 0.12/0.18 = 0.667 ≥ expected (2023−2020)/(2025−2020) = 0.6', () => {
    const result = only(intensity({ year: 2023, value: 0.88 }));
    expect(result.progress).toBeCloseTo(2 / 3, 12);
    expect(result.expected).toBeCloseTo(0.6, 12);
    expect(result.status).toBe('on-track');
    // Still needed: (0.82 − 0.88)/(2025 − 2023) = −0.03 a year; so far (0.88 − 1.00)/3 = −0.04 a year.
    expect(result.neededPerYear).toBeCloseTo(-0.03, 12);
    expect(result.achievedPerYear).toBeCloseTo(-0.04, 12);
    expect(result.goal).toEqual({ year: 2025, value: 0.82 });
    expect(progressText(result.progress!, 'zh')).toBe('完成67%');
    expect(progressText(result.progress!, 'en')).toBe('67% achieved');
  });

  it('at risk: 2023 0.91 → 0.09/0.18 = 0.5 < 0.6 but ≥ 0.6 × 0.8 = 0.48', () => {
    const result = only(intensity({ year: 2023, value: 0.91 }));
    expect(result.progress).toBeCloseTo(0.5, 12);
    expect(result.status).toBe('at-risk');
  });

  it('off track: 2023 0.95 → 0.05/0.18 = 0.278 < 0.48', () => {
    const result = only(intensity({ year: 2023, value: 0.95 }));
    expect(result.progress).toBeCloseTo(0.05 / 0.18, 12);
    expect(result.status).toBe('off-track');
  });

  it('achieved: 2025 0.80 → 0.20/0.18 = 1.111 ≥ 1 in the goal year; nothing more needed per year (goal year reached)', () => {
    const result = only(intensity({ year: 2025, value: 0.8 }));
    expect(result.progress).toBeCloseTo(0.2 / 0.18, 12);
    expect(result.expected).toBe(1);
    expect(result.status).toBe('achieved');
    expect(result.neededPerYear).toBeNull();
    expect(progressText(result.progress!, 'zh')).toBe('完成111%');
  });

  it('reached early is on track, not achieved: 2023 0.80 → progress 1.111 before the goal year', () => {
    expect(only(intensity({ year: 2023, value: 0.8 })).status).toBe('on-track');
  });

  it('no data without an actual: progress, expected and rates null; the first goal is named', () => {
    const result = only(intensity(undefined));
    expect(result).toMatchObject({ status: 'no-data', progress: null, expected: null, neededPerYear: null, achievedPerYear: null, latest: null, goal: { year: 2025, value: 0.82 } });
  });

  it('overdue when nextUpdate is before asOf (2025-03-31 < 2025-06-30), not on asOf itself', () => {
    expect(only(intensity({ year: 2023, value: 0.88 }, { nextUpdate: '2025-03-31' })).overdue).toBe(true);
    expect(only(intensity({ year: 2023, value: 0.88 }, { nextUpdate: AS_OF })).overdue).toBe(false);
    expect(only(intensity({ year: 2023, value: 0.88 })).overdue).toBe(false);
  });
});

describe('indicator progress (increase: non-fossil share, base 2020 15.9 %, goals 2025 20 %, 2030 25 %)', () => {
  const share = (year: number, value: number) => ({
    area: 'energy-management',
    name: '非化石能源占比',
    unit: '%',
    direction: 'increase',
    base: { year: 2020, value: 15.9 },
    goals: [{ year: 2025, value: 20 }, { year: 2030, value: 25 }],
    actuals: [{ year, value, source: 'energy statistics' }],
  });

  it('2024 19 % → (19 − 15.9)/(20 − 15.9) = 3.1/4.1 = 0.756; expected 4/5 = 0.8; at risk (≥ 0.64); "完成76%"', () => {
    const result = only(share(2024, 19));
    expect(result.goal?.year).toBe(2025);
    expect(result.progress).toBeCloseTo(3.1 / 4.1, 12);
    expect(result.expected).toBeCloseTo(0.8, 12);
    expect(result.status).toBe('at-risk');
    // (20 − 19)/(2025 − 2024) = 1 point a year still needed; (19 − 15.9)/4 = 0.775 a year so far.
    expect(result.neededPerYear).toBeCloseTo(1, 12);
    expect(result.achievedPerYear).toBeCloseTo(0.775, 12);
    expect(progressText(result.progress!, 'zh')).toBe('完成76%');
    expect(progressText(result.progress!, 'en')).toBe('76% achieved');
  });

  it('past the first goal, the next is judged: 2026 21 % → (21 − 15.9)/(25 − 15.9) = 0.560 against expected 6/10 = 0.6 → at risk', () => {
    const result = only(share(2026, 21));
    expect(result.goal?.year).toBe(2030);
    expect(result.progress).toBeCloseTo(5.1 / 9.1, 12);
    expect(result.expected).toBeCloseTo(0.6, 12);
    expect(result.status).toBe('at-risk');
  });

  it('once every goal is past, the last: 2031 24 % → (24 − 15.9)/9.1 = 0.890 < expected 1 → at risk (≥ 0.8), no rate needed', () => {
    const result = only(share(2031, 24));
    expect(result.goal?.year).toBe(2030);
    expect(result.progress).toBeCloseTo(8.1 / 9.1, 12);
    expect(result.expected).toBe(1);
    expect(result.status).toBe('at-risk');
    expect(result.neededPerYear).toBeNull();
  });

  it('an actual in the goal year at the goal is achieved: 2025 20 % → 1', () => {
    expect(only(share(2025, 20))).toMatchObject({ progress: 1, status: 'achieved' });
  });
});

describe('targets take their indicator against the target figure', () => {
  const target = (figure: Record<string, unknown>, cdpType = 'base-year-intensity') => ({
    name: '“十四五”单位GDP二氧化碳排放下降18%',
    kind: 'intensity-decline',
    cdpType,
    boundary: 'energy-co2',
    baseYear: 2020,
    targetYear: 2025,
    indicator: 'co2',
    ...figure,
  });

  it('a reduction of 18 % of the base 1.00 is the goal 1.00 × (1 − 0.18) = 0.82: progress as the indicator’s (0.667, on track)', () => {
    const result = computeTracking(tracking({ indicators: { co2: intensity({ year: 2023, value: 0.88 }, { goals: [] }) }, targets: { t: target({ reduction: '18%' }) } }), AS_OF);
    expect(result.targets[0]).toMatchObject({ target: 't', indicator: 'co2', goalFrom: 'reduction-of-base', status: 'on-track' });
    expect(result.targets[0]!.goal!.value).toBeCloseTo(0.82, 12);
    expect(result.targets[0]!.progress).toBeCloseTo(2 / 3, 12);
    // The indicator has no goal of its own: no data for it, while the target is judged.
    expect(result.indicators[0]!.status).toBe('no-data');
  });

  it('a baseline-scenario reduction of 25 % of a baseline 1.20 is the goal 0.90: progress (0.88 − 1)/(0.90 − 1) = 1.2, reached before the year → on track', () => {
    const result = computeTracking(tracking({ indicators: { co2: intensity({ year: 2023, value: 0.88 }) }, targets: { t: target({ reduction: 0.25, baseline: 1.2 }, 'baseline-scenario') } }), AS_OF);
    expect(result.targets[0]!.goal!.value).toBeCloseTo(0.9, 12);
    expect(result.targets[0]!.goalFrom).toBe('reduction-of-baseline');
    expect(result.targets[0]!.progress).toBeCloseTo(1.2, 12);
    expect(result.targets[0]!.status).toBe('on-track');
  });

  it('a level is the goal as given: 0.85 in 2025 → (0.88 − 1)/(0.85 − 1) = 0.8 ≥ 0.6 → on track', () => {
    const result = computeTracking(tracking({ indicators: { co2: intensity({ year: 2023, value: 0.88 }) }, targets: { t: target({ level: 0.85 }, 'fixed-level') } }), AS_OF);
    expect(result.targets[0]).toMatchObject({ goalFrom: 'level', goal: { year: 2025, value: 0.85 } });
    expect(result.targets[0]!.progress).toBeCloseTo(0.8, 12);
  });
});

describe('actions at 2025-06-30 (default rules: updates on time within 90 days, late within 180)', () => {
  const action = (extra: Record<string, unknown>) => ({ name: 'a', kind: 'mitigation', area: 'green-buildings', lead: '住建局', phase: 'implementation', ...extra });
  const task = (due: string, done?: string) => ({ name: 't', due, ...(done ? { done } : {}) });
  const result = computeTracking(
    tracking({
      actions: {
        completed: action({ start: '2024-01-01', tasks: [task('2024-06-30', '2024-06-20'), task('2025-03-31', '2025-04-10')], updates: [{ date: '2025-05-01', text: 'done' }] }),
        notStarted: action({ start: '2025-09-01', tasks: [task('2025-12-31')] }),
        late: action({ start: '2025-01-01', tasks: [task('2025-05-31'), task('2025-12-31')], updates: [{ date: '2025-02-15', text: 'x' }], budget: { planned: 1200, spent: 300, unit: '万元' } }),
        onTime: action({ start: '2025-01-01', tasks: [task('2025-03-31', '2025-03-20'), task('2025-12-31')], updates: [{ date: '2025-04-01', text: 'x' }] }),
        inProgress: action({ start: '2025-01-01', updates: [{ date: '2024-11-30', text: 'x' }, { date: '2026-01-01', text: 'after asOf, not counted' }] }),
        pastEnd: action({ start: '2024-01-01', end: '2025-06-01' }),
        postponed: action({ status: { value: 'postponed', reason: { zh: '资金未到位', en: 'funds not yet allocated' } }, tasks: [task('2025-01-31')] }),
      },
    }),
    AS_OF,
  );
  const by = Object.fromEntries(result.actions.map((entry) => [entry.action, entry]));

  it('derives each status by the stated rule, and keeps a stated one', () => {
    expect(by['completed']).toMatchObject({ status: 'completed', statusFrom: 'derived', tasks: { total: 2, done: 2, overdue: 0 } });
    expect(by['notStarted']).toMatchObject({ status: 'not-started', tasks: { total: 1, done: 0, overdue: 0 } });
    // The task due 2025-05-31 is open on 2025-06-30.
    expect(by['late']).toMatchObject({ status: 'late', tasks: { total: 2, done: 0, overdue: 1 } });
    expect(by['onTime']).toMatchObject({ status: 'on-time', tasks: { total: 2, done: 1, overdue: 0 } });
    expect(by['inProgress']).toMatchObject({ status: 'in-progress', tasks: { total: 0, done: 0, overdue: 0 } });
    expect(by['pastEnd']!.status).toBe('late');
    // Its task is overdue, but the file says why it is postponed.
    expect(by['postponed']).toMatchObject({ status: 'postponed', statusFrom: 'stated', tasks: { overdue: 1 } });
  });

  it('freshness: 60 days on time; 90 days (04-01 → 06-30: 29 + 31 + 30) on time; 135 days late; 212 days stale; never', () => {
    // 2025-05-01 → 06-30: 30 + 30 = 60 days.
    expect(by['completed']).toMatchObject({ lastUpdate: '2025-05-01', daysSinceUpdate: 60, freshness: 'on-time' });
    expect(by['onTime']).toMatchObject({ daysSinceUpdate: 90, freshness: 'on-time' });
    // 2025-02-15 → 06-30: 13 + 31 + 30 + 31 + 30 = 135 days.
    expect(by['late']).toMatchObject({ daysSinceUpdate: 135, freshness: 'late' });
    // 2024-11-30 → 2025-06-30: 31 + 31 + 28 + 31 + 30 + 31 + 30 = 212 days; the update dated after asOf is not counted.
    expect(by['inProgress']).toMatchObject({ lastUpdate: '2024-11-30', daysSinceUpdate: 212, freshness: 'stale' });
    expect(by['notStarted']).toMatchObject({ lastUpdate: null, daysSinceUpdate: null, freshness: 'never' });
  });

  it('budget share: 300 of 1,200 万元 = 0.25; none without a budget', () => {
    expect(by['late']!.budgetShare).toBe(0.25);
    expect(by['onTime']!.budgetShare).toBeNull();
  });

  it('summary counts every action once', () => {
    expect(result.summary.actions).toEqual({ 'not-started': 1, 'in-progress': 1, 'on-time': 1, late: 2, completed: 1, postponed: 1, cancelled: 0, merged: 0 });
    expect(result.summary.freshness).toEqual({ 'on-time': 2, late: 1, stale: 1, never: 3 });
    expect(result.rules).toEqual({ atRisk: 0.8, updateDays: 90, staleDays: 180, from: 'default' });
  });

  it('rules from the file change the thresholds and say so: updateDays 30 makes 60 days late', () => {
    const strict = computeTracking(tracking({ rules: { atRisk: '90%', updateDays: 30, staleDays: 60 }, actions: { a: action({ updates: [{ date: '2025-05-01', text: 'x' }] }) } }), AS_OF);
    expect(strict.rules).toEqual({ atRisk: 0.9, updateDays: 30, staleDays: 60, from: 'file' });
    expect(strict.actions[0]!.freshness).toBe('late');
  });
});

describe('hazards', () => {
  const hazard = (probability: string, magnitude: string) => ({ type: 'extreme-heat', name: 'h', probability, magnitude, frequencyChange: 'increase', intensityChange: 'increase', timescale: 'current', adaptiveCapacity: 'medium' });
  it('score probability × magnitude (1–3): high × medium = 6 high, medium × medium = 4 medium, low × medium = 2 low; sorted by score; adaptation actions linked', () => {
    const result = computeTracking(
      tracking({
        hazards: { low: hazard('low', 'medium'), heat: hazard('high', 'medium'), flood: hazard('medium', 'medium') },
        actions: { cool: { name: 'c', kind: 'adaptation', area: 'ecological-environment', lead: 'x', phase: 'planning', hazards: ['heat'] } },
      }),
      AS_OF,
    );
    expect(result.hazards).toEqual([
      { hazard: 'heat', score: 6, rating: 'high', actions: ['cool'] },
      { hazard: 'flood', score: 4, rating: 'medium', actions: [] },
      { hazard: 'low', score: 2, rating: 'low', actions: [] },
    ]);
  });
});

describe('computeTracking', () => {
  it('throws RangeError on a date that is not real', () => {
    const empty = tracking({});
    expect(() => computeTracking(empty, '2025-02-29')).toThrow(RangeError);
    expect(() => computeTracking(empty, '30/06/2025')).toThrow(RangeError);
    expect(computeTracking(empty, '2024-02-29').asOf).toBe('2024-02-29');
  });
});

describe('properties', () => {
  const figure = fc.double({ min: -1e6, max: 1e6, noNaN: true });

  it('progress of the base is 0, of the goal 1, whatever the direction', () => {
    fc.assert(
      fc.property(figure, figure, (base, goal) => {
        fc.pre(Math.abs(goal - base) > 1e-6);
        expect(progressOf(base, base, goal)).toBe(0);
        expect(closeTo(progressOf(base, goal, goal), 1)).toBe(true);
      }),
      propertySettings('tracking progress base 0 goal 1'),
    );
  });

  it('the result does not depend on the order of the indicators', () => {
    const indicator = fc.record({ base: fc.integer({ min: 1, max: 1000 }), goal: fc.integer({ min: 1001, max: 2000 }), actual: fc.integer({ min: 0, max: 3000 }), year: fc.integer({ min: 2021, max: 2035 }) });
    fc.assert(
      fc.property(fc.array(indicator, { minLength: 1, maxLength: 6 }), fc.nat(), (drawn, shift) => {
        const entries = drawn.map((d, index): [string, unknown] => [
          `i${index}`,
          { area: 'energy-management', name: `i${index}`, unit: 'x', direction: 'increase', base: { year: 2020, value: d.base }, goals: [{ year: 2030, value: d.goal }], actuals: [{ year: d.year, value: d.actual, source: 's' }] },
        ]);
        const turned = [...entries.slice(shift % entries.length), ...entries.slice(0, shift % entries.length)].reverse();
        const byId = (sections: [string, unknown][]) => Object.fromEntries(computeTracking(tracking({ indicators: Object.fromEntries(sections) }), AS_OF).indicators.map((entry) => [entry.indicator, entry]));
        expect(byId(turned)).toEqual(byId(entries));
      }),
      propertySettings('tracking indicator order', 300),
    );
  });
});
