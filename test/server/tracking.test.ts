/** GET /api/documents/:id/result for a tracking document: statuses at the asked date, or today's, saying which. */
import { fileURLToPath } from 'node:url';
import { computeTracking, parseTracking, type TrackingResult } from '@peakpath/core';
import { readDocument } from '@peakpath/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, targets, type Fixture } from './fixture.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/demo-city/tracking.yaml', import.meta.url));

describe.each(targets)('tracking results on %s', (target) => {
  let f: Fixture;
  let id: string;
  let body: Record<string, unknown>;
  beforeAll(async () => {
    f = await openFixture(target);
    body = (await readDocument(EXAMPLE)) as Record<string, unknown>;
    const { document, version } = await f.store.createDocument(f.admin, { entityId: f.cities.A.id, kind: 'tracking', name: 'tracking-test', body, comment: 'test' });
    await f.store.publish(f.admin, document.id, version.version);
    id = document.id;
  }, 240_000);
  afterAll(async () => f?.dispose());

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
});
