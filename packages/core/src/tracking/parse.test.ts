/** The tracking file's problems, each with its exact path and code (the codes of issues/issue.ts `TrackingIssueDetail`). */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../issues/messages.ts';
import type { Issue } from '../issues/issue.ts';
import type { Catalogue } from '../plan/catalogue.ts';
import { DEFAULT_TRACKING_RULES, parseTracking } from './parse.ts';

const indicator = (extra: Record<string, unknown> = {}) => ({
  area: 'energy-management',
  name: { zh: '非化石能源占比' },
  unit: '%',
  direction: 'increase',
  base: { year: 2020, value: 15.9 },
  goals: [{ year: 2025, value: 20 }],
  actuals: [{ year: 2023, value: 18, source: 'energy statistics' }],
  ...extra,
});
const action = (extra: Record<string, unknown> = {}) => ({ name: 'a', kind: 'mitigation', area: 'energy-management', lead: '发改委', phase: 'implementation', ...extra });
const doc = (sections: Record<string, unknown>) => ({ city: '示例市', indicators: { share: indicator() }, ...sections });

function issuesOf(document: unknown, options = {}): Issue[] {
  const parsed = parseTracking(document, options);
  if (parsed.ok) return [];
  return parsed.issues;
}

describe('parseTracking', () => {
  it('reads a minimal file with the default rules, stated as such; a text in one language stays one-sided', () => {
    const parsed = parseTracking(doc({}));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.tracking.rules).toEqual(DEFAULT_TRACKING_RULES);
    expect(parsed.tracking.rules.from).toBe('default');
    expect(parsed.tracking.city).toEqual({ zh: '示例市', en: '示例市' });
    expect(parsed.tracking.indicators[0]!.name).toEqual({ zh: '非化石能源占比', en: undefined });
  });

  it('invalid-date: not a real date, at its path', () => {
    expect(issuesOf(doc({ indicators: { share: indicator({ nextUpdate: '2025-02-30' }) } }))).toEqual([{ path: ['indicators', 'share', 'nextUpdate'], code: 'invalid-date', got: '2025-02-30' }]);
    expect(issuesOf(doc({ actions: { a: action({ tasks: [{ name: 't', due: '2025/06/30' }] }) } }))).toEqual([{ path: ['actions', 'a', 'tasks', 0, 'due'], code: 'invalid-date', got: '2025/06/30' }]);
  });

  it('year-order: goals after the base year, actuals from it, each list increasing', () => {
    expect(issuesOf(doc({ indicators: { share: indicator({ actuals: [{ year: 2023, value: 18, source: 's' }, { year: 2022, value: 17, source: 's' }] }) } }))).toEqual([
      { path: ['indicators', 'share', 'actuals', 1, 'year'], code: 'year-order', year: 2022, previous: 2023 },
    ]);
    expect(issuesOf(doc({ indicators: { share: indicator({ goals: [{ year: 2020, value: 20 }] }) } }))).toEqual([{ path: ['indicators', 'share', 'goals', 0, 'year'], code: 'year-order', year: 2020, previous: 2020 }]);
  });

  it('date-order: end before start, a task done before the start', () => {
    expect(issuesOf(doc({ actions: { a: action({ start: '2025-03-01', end: '2025-01-15', tasks: [{ name: 't', due: '2025-06-30', done: '2025-02-01' }] }) } }))).toEqual([
      { path: ['actions', 'a', 'end'], code: 'date-order', field: 'start', date: '2025-03-01', got: '2025-01-15' },
      { path: ['actions', 'a', 'tasks', 0, 'done'], code: 'date-order', field: 'start', date: '2025-03-01', got: '2025-02-01' },
    ]);
  });

  it('a status set by hand needs its reason', () => {
    expect(issuesOf(doc({ actions: { a: action({ status: { value: 'postponed' } }) } }))).toEqual([{ path: ['actions', 'a', 'status', 'reason'], code: 'required' }]);
  });

  it('references: a target’s indicator, an action’s indicators and hazards, with did-you-mean', () => {
    const hazards = { heat: { type: 'extreme-heat', name: '高温', probability: 'high', magnitude: 'high', frequencyChange: 'increase', intensityChange: 'increase', timescale: 'current', adaptiveCapacity: 'medium' } };
    const targets = { t: { name: 't', kind: 'non-fossil-share', cdpType: 'fixed-level', boundary: 'energy-co2', targetYear: 2025, level: 20, indicator: 'shar' } };
    expect(issuesOf(doc({ hazards, targets, actions: { a: action({ indicators: ['shares'], hazards: ['hot'] }) } }))).toEqual([
      { path: ['targets', 't', 'indicator'], code: 'unknown-reference', kind: 'indicator', got: 'shar', suggestion: 'share' },
      { path: ['actions', 'a', 'hazards', 0], code: 'unknown-reference', kind: 'hazard', got: 'hot', suggestion: undefined },
      { path: ['actions', 'a', 'indicators', 0], code: 'unknown-reference', kind: 'indicator', got: 'shares', suggestion: 'share' },
    ]);
  });

  it('an action’s measure: a plan measure or a catalogue measure when given; unchecked otherwise', () => {
    const catalogue = { measures: [{ id: 'rooftop-solar' }] } as unknown as Catalogue;
    const file = doc({ actions: { a: action({ measure: 'rooftop-solr' }) } });
    expect(issuesOf(file)).toEqual([]);
    expect(issuesOf(file, { catalogue })).toEqual([{ path: ['actions', 'a', 'measure'], code: 'unknown-reference', kind: 'catalogue-measure', got: 'rooftop-solr', suggestion: 'rooftop-solar' }]);
    expect(issuesOf(file, { planMeasures: ['led'], catalogue })).toEqual([{ path: ['actions', 'a', 'measure'], code: 'unknown-reference', kind: 'measure', got: 'rooftop-solr', suggestion: 'rooftop-solar' }]);
    expect(issuesOf(doc({ actions: { a: action({ measure: 'led' }) } }), { planMeasures: ['led'] })).toEqual([]);
  });

  it('target-goal: each reason at the field to change', () => {
    const co2 = { area: 'top-level-design', name: 'co2', unit: 'tCO2/万元', direction: 'decrease', base: { year: 2020, value: 1 } };
    const target = (extra: Record<string, unknown>) => ({ name: 't', kind: 'intensity-decline', cdpType: 'base-year-intensity', boundary: 'energy-co2', targetYear: 2025, indicator: 'co2', ...extra });
    const check = (extra: Record<string, unknown>) => issuesOf({ city: 'c', indicators: { co2, share: indicator() }, targets: { t: target(extra) } });
    expect(check({ reduction: 0 })).toEqual([{ path: ['targets', 't', 'reduction'], code: 'target-goal', reason: 'no-change' }]);
    expect(check({ level: 1.2 })).toEqual([{ path: ['targets', 't', 'level'], code: 'target-goal', reason: 'direction' }]);
    expect(check({ reduction: 0.18, baseYear: 2015 })).toEqual([{ path: ['targets', 't', 'baseYear'], code: 'target-goal', reason: 'base-year' }]);
    expect(check({ reduction: 0.18, cdpType: 'baseline-scenario' })).toEqual([{ path: ['targets', 't', 'baseline'], code: 'target-goal', reason: 'baseline-required' }]);
    expect(check({ reduction: 0.18, indicator: 'share' })).toEqual([{ path: ['targets', 't', 'reduction'], code: 'target-goal', reason: 'reduction-of-increase' }]);
    expect(check({ reduction: 0.18, targetYear: 2020 })).toEqual([{ path: ['targets', 't', 'targetYear'], code: 'target-goal', reason: 'before-base' }]);
    expect(check({ reduction: 0.18, level: 0.8 })).toEqual([{ path: ['targets', 't'], code: 'conflict', fields: ['reduction', 'level'] }]);
    expect(issuesOf(doc({ indicators: { share: indicator({ goals: [{ year: 2025, value: 10 }] }) } }))).toEqual([{ path: ['indicators', 'share', 'goals', 0, 'value'], code: 'target-goal', reason: 'direction' }]);
  });

  it('every problem at once, unknown fields with a did-you-mean, messages in both languages naming the field', () => {
    const issues = issuesOf({ city: 'c', indicatos: {}, indicators: { share: indicator({ directon: 'up', nextUpdate: '2025-13-01' }) }, actions: { a: action({ phase: 'planing' }) } });
    expect(issues).toEqual([
      { path: ['indicatos'], code: 'unknown-field', field: 'indicatos', suggestion: 'indicators' },
      { path: ['indicators', 'share', 'directon'], code: 'unknown-field', field: 'directon', suggestion: 'direction' },
      { path: ['indicators', 'share', 'nextUpdate'], code: 'invalid-date', got: '2025-13-01' },
      { path: ['actions', 'a', 'phase'], code: 'enum', got: 'planing', allowed: ['planning', 'design', 'procurement', 'implementation', 'operation', 'evaluation'], suggestion: 'planning' },
    ]);
    expect(formatIssue(issues[2]!, 'en')).toBe('indicators.share.nextUpdate: "2025-13-01" is not a real date: write it as `YYYY-MM-DD` (e.g. "2025-06-30")');
    expect(formatIssue(issues[2]!, 'zh')).toContain('indicators.share.nextUpdate');
    expect(formatIssue(issues[2]!, 'zh')).toContain('不是有效日期');
  });

  it('not a document, and a version too new', () => {
    expect(issuesOf([1])).toEqual([{ path: [], code: 'not-a-document', got: 'array', kind: 'tracking' }]);
    expect(issuesOf({ ...doc({}), version: 2 })).toEqual([{ path: ['version'], code: 'unsupported-version', kind: 'tracking', got: 2, max: 1 }]);
  });
});
