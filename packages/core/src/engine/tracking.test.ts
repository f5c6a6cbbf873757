/**
 * A tracking file through the engine: the plan it names found by the resolver, its actions' measures checked
 * against the plan's (and the catalogue's), the date a problem of the request, every problem at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../../test/support/cli.ts';
import { formatIssue } from '../issues/messages.ts';
import { computeTracking } from '../tracking/compute.ts';
import { parseTracking } from '../tracking/parse.ts';
import { documentMap, type DocumentIssue, type DocumentResolver } from './documents.ts';
import { createEngine } from './engine.ts';
import { planMeasureIds } from './tracking.ts';

const demo = (name: string): Record<string, unknown> => parse(readFileSync(join(ROOT, 'examples', 'demo-city', name), 'utf8')) as Record<string, unknown>;
const TRACKING = demo('tracking.yaml');
const PLAN = demo('plan.yaml');
const PLAN_MEASURES = Object.keys(PLAN['measures'] as object);
const engineWith = (resolve: DocumentResolver = documentMap({ 'plan.yaml': PLAN })) => createEngine({ resolve });
const where = (issues: readonly DocumentIssue[]) => issues.map((issue) => [issue.document.kind, issue.document.id, issue.path.join('.'), issue.code]);

/** The demo tracking file with one action's `measure` changed. */
function withMeasure(action: string, measure: unknown): Record<string, unknown> {
  const actions = TRACKING['actions'] as Record<string, Record<string, unknown>>;
  return { ...TRACKING, actions: { ...actions, [action]: { ...actions[action], measure } } };
}

describe('engine.tracking and compileTracking', () => {
  it('the demo tracking file with the demo plan (through the resolver): the statuses computeTracking gives at 2025-06-30', async () => {
    const asked: unknown[] = [];
    const resolve: DocumentResolver = async (request) => {
      asked.push(request);
      return documentMap({ 'plan.yaml': PLAN })(request);
    };
    const run = await engineWith(resolve).tracking(TRACKING, { id: 'tracking.yaml', asOf: '2025-06-30' });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(asked).toEqual([{ kind: 'plan', reference: 'plan.yaml', from: { kind: 'tracking', id: 'tracking.yaml' } }]);
    const parsed = parseTracking(TRACKING);
    if (!parsed.ok) throw new Error('demo tracking');
    expect(run.value.result).toEqual(computeTracking(parsed.tracking, '2025-06-30'));
    expect(run.value.result.asOf).toBe('2025-06-30');
    expect(run.value.result.summary.actions).toEqual({ 'not-started': 1, 'in-progress': 1, 'on-time': 3, late: 1, completed: 1, postponed: 1, cancelled: 1, merged: 1 });
    expect(run.warnings).toEqual([]);
    // The same with the documents in hand.
    const compiled = engineWith().compileTracking({ tracking: TRACKING, plan: PLAN }, { id: 'tracking.yaml', asOf: '2025-06-30' });
    expect(compiled.ok && compiled.value.result).toEqual(run.value.result);
  });

  it("a measure neither in the plan nor in the catalogue: `unknown-reference` at the action's measure, with the nearest plan measure", async () => {
    const run = await engineWith().tracking(withMeasure('rooftop-pv', 'pv-roof'), { id: 'tracking.yaml', asOf: '2025-06-30' });
    if (run.ok) throw new Error('accepted an unknown measure');
    expect(where(run.issues)).toEqual([['tracking', 'tracking.yaml', 'actions.rooftop-pv.measure', 'unknown-reference']]);
    expect(run.issues[0]).toMatchObject({ kind: 'measure', got: 'pv-roof', suggestion: 'pv-roofs' });
    expect(formatIssue(run.issues[0]!, 'en')).toContain('actions.rooftop-pv.measure');
    expect(formatIssue(run.issues[0]!, 'zh')).toContain('actions.rooftop-pv.measure');
  });

  it("a catalogue measure is accepted beside the plan's; without a plan only the catalogue's are", async () => {
    const catalogueId = createEngine().catalogue.measures[0]!.id;
    expect(PLAN_MEASURES).not.toContain(catalogueId);
    expect((await engineWith().tracking(withMeasure('rooftop-pv', catalogueId), { asOf: '2025-06-30' })).ok).toBe(true);
    const { plan: _plan, ...unplanned } = TRACKING;
    const alone = createEngine().compileTracking({ tracking: unplanned }, { asOf: '2025-06-30' });
    if (alone.ok) throw new Error("accepted the plan's measures without the plan");
    expect(alone.issues.every((issue) => issue.code === 'unknown-reference' && issue.path.at(-1) === 'measure')).toBe(true);
    expect(alone.issues[0]).toMatchObject({ kind: 'catalogue-measure' });
  });

  it('a date that is not real is an issue of the request, with the file’s problems, never a throw', async () => {
    for (const asOf of ['2025-02-30', '30-06-2025', '']) {
      const run = await engineWith().tracking(withMeasure('rooftop-pv', 'nope'), { id: 'tracking.yaml', asOf });
      if (run.ok) throw new Error(`accepted ${asOf}`);
      expect(where(run.issues)).toEqual([
        ['request', 'tracking', 'asOf', 'invalid-date'],
        ['tracking', 'tracking.yaml', 'actions.rooftop-pv.measure', 'unknown-reference'],
      ]);
      expect(run.issues[0]).toMatchObject({ got: asOf });
    }
  });

  it("a plan that cannot be had: the reference's issue and the tracking file's own, the measures unchecked", async () => {
    const broken = { ...withMeasure('rooftop-pv', 'pv-roof'), rules: { atRisk: 2, updateDays: 90, staleDays: 180 } };
    const run = await createEngine({ resolve: documentMap({}) }).tracking(broken, { id: 't', asOf: '2025-06-30' });
    if (run.ok) throw new Error('accepted');
    expect(where(run.issues)).toEqual([
      ['tracking', 't', 'plan', 'unresolved-reference'],
      ['tracking', 't', 'rules.atRisk', 'out-of-range'],
    ]);
    const notAPlan = engineWith().compileTracking({ tracking: TRACKING, plan: [1] }, { id: 't', asOf: '2025-06-30' });
    expect(!notAPlan.ok && where(notAPlan.issues)).toEqual([['plan', 'plan.yaml', '', 'not-a-document']]);
  });

  it("planMeasureIds: the keys of the plan's measures, or the plan's problem", () => {
    expect(planMeasureIds(PLAN)).toEqual({ ok: true, ids: PLAN_MEASURES });
    expect(planMeasureIds({ pathway: 'p' })).toEqual({ ok: false, issues: [{ path: ['measures'], code: 'required' }] });
    expect(planMeasureIds({ version: 9, measures: {} })).toMatchObject({ ok: false, issues: [{ path: ['version'], code: 'unsupported-version' }] });
  });
});
