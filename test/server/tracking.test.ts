/**
 * GET /api/documents/:id/result for a tracking document: statuses at the asked date, or today's, saying which;
 * actions' measures checked against the plan the tracking names (a plan of the same city, by name).
 */
import { fileURLToPath } from 'node:url';
import { computeTracking, parseTracking, type TrackingResult } from '@peakpath/core';
import { readDocument } from '@peakpath/node';
import { DEMO_NAMES } from '@peakpath/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, targets, type Fixture } from './fixture.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/demo-city/tracking.yaml', import.meta.url));

describe.each(targets)('tracking results on %s', (target) => {
  let f: Fixture;
  let id: string;
  let body: Record<string, unknown>;
  beforeAll(async () => {
    f = await openFixture(target);
    // Its plan is the city's stored plan, named as the seed names it.
    body = { ...((await readDocument(EXAMPLE)) as Record<string, unknown>), plan: DEMO_NAMES.plan };
    id = await store('tracking-test', body);
  }, 240_000);
  afterAll(async () => f?.dispose());

  const store = async (name: string, trackingBody: Record<string, unknown>): Promise<string> => {
    const { document, version } = await f.store.createDocument(f.admin, { entityId: f.cities.A.id, kind: 'tracking', name, body: trackingBody, comment: 'test' });
    await f.store.publish(f.admin, document.id, version.version);
    return document.id;
  };
  /** The test tracking body with one action's `measure` changed. */
  const withMeasure = (action: string, measure: string): Record<string, unknown> => {
    const actions = body['actions'] as Record<string, Record<string, unknown>>;
    return { ...body, actions: { ...actions, [action]: { ...actions[action], measure } } };
  };
  const get = (url: string) => f.app.inject({ method: 'GET', url, headers: f.credentials.editorA.headers });

  it('computes the statuses at ?asOf=, as the core does, and says the date came from the query', async () => {
    const response = await get(`/api/documents/${id}/result?asOf=2025-06-30`);
    expect(response.statusCode).toBe(200);
    const answer = response.json() as { kind: string; asOf: string; asOfFrom: string; result: TrackingResult; warnings: unknown[] };
    const parsed = parseTracking(body);
    if (!parsed.ok) throw new Error('example does not parse');
    expect(answer).toMatchObject({ kind: 'tracking', asOf: '2025-06-30', asOfFrom: 'query', warnings: [] });
    // The store keeps bodies with their keys sorted, so entries are compared by id, not by place.
    const core = JSON.parse(JSON.stringify(computeTracking(parsed.tracking, '2025-06-30'))) as TrackingResult;
    const byId = (result: TrackingResult) => ({
      indicators: Object.fromEntries(result.indicators.map((entry) => [entry.indicator, entry])),
      targets: Object.fromEntries(result.targets.map((entry) => [entry.target, entry])),
      actions: Object.fromEntries(result.actions.map((entry) => [entry.action, entry])),
      hazards: Object.fromEntries(result.hazards.map((entry) => [entry.hazard, entry])),
      summary: result.summary,
      rules: result.rules,
    });
    expect(byId(answer.result)).toEqual(byId(core));
    expect(answer.result.summary.actions).toEqual({ 'not-started': 1, 'in-progress': 1, 'on-time': 3, late: 1, completed: 1, postponed: 1, cancelled: 1, merged: 1 });
  });

  it('without asOf, today (the server’s clock) and says so; a date that is not real is refused', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const response = await get(`/api/documents/${id}/result`);
    expect(response.json()).toMatchObject({ asOf: today, asOfFrom: 'today' });
    expect((await get(`/api/documents/${id}/result?asOf=2025-02-30`)).statusCode).toBe(400);
    expect((await get(`/api/documents/${id}/result?asOf=30-06-2025`)).statusCode).toBe(400);
  });

  it("computed from the tracking and the plan it names (both versions in x-peakpath-computed-from)", async () => {
    const response = await get(`/api/documents/${id}/result?asOf=2025-06-30`);
    expect(response.headers['x-peakpath-computed-from']).toBe(`${id}@1,${f.documents.A.plan.id}@1`);
  });

  it('an action whose measure is neither in the plan nor the catalogue: 422, the field named in both languages', async () => {
    const wrong = await store('tracking-wrong-measure', withMeasure('rooftop-pv', 'pv-roof'));
    const response = await get(`/api/documents/${wrong}/result?asOf=2025-06-30`);
    expect(response.statusCode).toBe(422);
    const error = (response.json() as { error: { code: string; issues: { path: (string | number)[]; code: string; document: { kind: string; id: string }; kind: string; got: string; suggestion: string; message: { en: string; zh: string } }[] } }).error;
    expect(error.code).toBe('invalid-document');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: ['actions', 'rooftop-pv', 'measure'], code: 'unknown-reference', document: { kind: 'tracking', id: wrong }, kind: 'measure', got: 'pv-roof', suggestion: 'pv-roofs' });
    expect(error.issues[0]!.message.en).toContain('actions.rooftop-pv.measure');
    expect(error.issues[0]!.message.zh).toContain('actions.rooftop-pv.measure');
  });

  it('a plan the city does not have: 422 at `plan`; a tracking that names no plan has its measures checked against the catalogue, as the CLI checks them', async () => {
    const unknownPlan = await store('tracking-unknown-plan', { ...body, plan: 'no-such-plan' });
    const refused = await get(`/api/documents/${unknownPlan}/result?asOf=2025-06-30`);
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as { error: { issues: unknown[] } }).error.issues).toMatchObject([{ path: ['plan'], code: 'unresolved-reference' }]);
    const { plan: _plan, ...alone } = withMeasure('rooftop-pv', 'pv-roof');
    const unplanned = await store('tracking-no-plan', alone);
    const response = await get(`/api/documents/${unplanned}/result?asOf=2025-06-30`);
    // The demo's actions implement the demo plan's measures, which the catalogue does not name.
    expect(response.statusCode).toBe(422);
    expect((response.json() as { error: { issues: { path: unknown[]; code: string }[] } }).error.issues.map((issue) => issue.path.join('.'))).toContain('actions.rooftop-pv.measure');
    const catalogued = await store('tracking-no-plan-catalogue', { ...alone, actions: Object.fromEntries(Object.entries(alone.actions as Record<string, Record<string, unknown>>).map(([id, action]) => [id, { ...action, measure: undefined }])) });
    const fine = await get(`/api/documents/${catalogued}/result?asOf=2025-06-30`);
    expect(fine.statusCode).toBe(200);
    expect(fine.headers['x-peakpath-computed-from']).toBe(`${catalogued}@1`);
  });
});
