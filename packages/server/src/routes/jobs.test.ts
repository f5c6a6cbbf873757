import { createEngine } from '@peakpath/core';
import type { Job } from '@peakpath/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, openWorkspace, sseEvents, targets, type Workspace } from '../test/workspace.ts';
import { JobRunner, type JobEvent } from '../jobs/runner.ts';
import { jobRoutesWith } from './jobs.ts';

/**
 * The jobs API on a real PGlite store and the real engines: Monte Carlo on the worker pool, the plan
 * on HiGHS. No timed assertions: "health answers while a job runs" is shown by the job's own status,
 * read before and after the health request.
 */
let workspace: Workspace;
const routes = jobRoutesWith({ threads: 1, progressIntervalMs: 0 });


const post = (token: string, documentId: string, body: object) => workspace.app.inject({ method: 'POST', url: `/api/documents/${documentId}/jobs`, headers: bearer(token), payload: body });
const getJob = async (token: string, id: string): Promise<Job> => (await workspace.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: bearer(token) })).json<Job>();

describe.each(targets)('jobs on %s', (target) => {
  beforeAll(async () => {
    workspace = await openWorkspace(routes, target);
  }, 120_000);
  afterAll(async () => workspace?.close());

  it('a viewer runs Monte Carlo on the pathway: 202, progress events, then the result the engine gives for the same seed', async () => {
    const started = await post(workspace.tokens.viewer, workspace.documents.pathway, { kind: 'monte-carlo', runs: 2000, seed: 7 });
    expect(started.statusCode).toBe(202);
    const job = started.json<Job>();
    expect(job).toMatchObject({ kind: 'monte-carlo', documentId: workspace.documents.pathway, version: 1, status: 'queued', progress: 0 });
    expect(started.headers['location']).toBe(`/api/jobs/${job.id}`);
    const events = sseEvents((await workspace.app.inject({ method: 'GET', url: `/api/jobs/${job.id}/events`, headers: bearer(workspace.tokens.viewer) })).payload);
    expect(events.at(-1)!.event).toBe('done');
    expect(events.slice(0, -1).every((event) => event.event === 'progress')).toBe(true);
    const done = await getJob(workspace.tokens.viewer, job.id);
    expect(done).toMatchObject({ status: 'done', progress: 1, error: null });
    const result = done.result as { runs: number; seed: number; scenario: string; from: string; mc: { runs: number; mean: number[]; peakedBy: Record<string, number> } };
    expect(result).toMatchObject({ runs: 2000, seed: 7, from: `${workspace.documents.pathway}@1,${workspace.documents.inventory}@1` });
    // The same numbers as the engine in this thread: the pool and the job change nothing.
    const engine = createEngine();
    const compiled = engine.compilePathway({ pathway: (await workspace.store.version(workspace.actors.editor, workspace.documents.pathway)).body, inventory: (await workspace.store.version(workspace.actors.editor, workspace.documents.inventory)).body });
    if (!compiled.ok) throw new Error('the demo pathway compiles');
    const direct = await engine.monteCarlo(compiled.value, { runs: 2000, seed: 7 });
    if (!direct.ok) throw new Error('Monte Carlo runs');
    expect(result.scenario).toBe(compiled.value.defaultScenario);
    expect(result.mc).toEqual(JSON.parse(JSON.stringify(direct.value)));
  }, 120_000);

  it('health answers while a long job runs, and the job is cancelled through DELETE with a cancelled event', async () => {
    const job = (await post(workspace.tokens.editor, workspace.documents.pathway, { kind: 'monte-carlo', runs: 300_000 })).json<Job>();
    // Wait until it has started its runs (no clock: the row says so).
    let row = await getJob(workspace.tokens.editor, job.id);
    while (!(row.status === 'running' && row.progress > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      row = await getJob(workspace.tokens.editor, job.id);
    }
    const health = await workspace.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true, database: target });
    // Still running after the health answer: the request did not wait for the job.
    expect((await getJob(workspace.tokens.editor, job.id)).status).toBe('running');
    // Someone else may not cancel it.
    expect((await workspace.app.inject({ method: 'DELETE', url: `/api/jobs/${job.id}`, headers: bearer(workspace.tokens.viewer) })).statusCode).toBe(403);
    const cancelled = await workspace.app.inject({ method: 'DELETE', url: `/api/jobs/${job.id}`, headers: bearer(workspace.tokens.editor) });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<Job>()).toMatchObject({ status: 'cancelled', result: null });
    expect(cancelled.json<Job>().progress).toBeLessThan(1);
    const events = sseEvents((await workspace.app.inject({ method: 'GET', url: `/api/jobs/${job.id}/events`, headers: bearer(workspace.tokens.editor) })).payload);
    expect(events.map((event) => event.event)).toEqual(['cancelled']);
  }, 120_000);

  it('optimises the plan with HiGHS and stores the portfolio', async () => {
    const job = (await post(workspace.tokens.editor, workspace.documents.plan, { kind: 'plan' })).json<Job>();
    await routes.runner!.idle();
    const done = await getJob(workspace.tokens.editor, job.id);
    expect(done.status).toBe('done');
    const result = done.result as { portfolio?: unknown; from: string };
    expect(result.from).toBe(`${workspace.documents.plan}@1,${workspace.documents.pathway}@1,${workspace.documents.inventory}@1`);
    expect(Object.keys(result)).toContain('portfolio');
  }, 300_000);

  it('lists a document’s jobs newest first without their results, by kind, to whoever may read it', async () => {
    const first = (await post(workspace.tokens.viewer, workspace.documents.plan, { kind: 'plan' })).json<Job>();
    await routes.runner!.idle();
    const second = (await post(workspace.tokens.editor, workspace.documents.plan, { kind: 'plan' })).json<Job>();
    await routes.runner!.idle();
    const list = async (token: string, query = '') => workspace.app.inject({ method: 'GET', url: `/api/documents/${workspace.documents.plan}/jobs${query}`, headers: bearer(token) });
    const answer = await list(workspace.tokens.viewer, '?kind=plan&limit=2');
    expect(answer.statusCode).toBe(200);
    const { items } = answer.json<{ items: Job[] }>();
    expect(items.map((job) => job.id)).toEqual([second.id, first.id]);
    expect(items.every((job) => job.status === 'done' && !('result' in job))).toBe(true);
    expect((await list(workspace.tokens.viewer, '?kind=monte-carlo')).json<{ items: Job[] }>().items).toEqual([]);
    expect((await list(workspace.tokens.stranger)).statusCode).toBe(404);
    expect((await list(workspace.tokens.viewer, '?limit=0')).statusCode).toBe(400);
    expect((await workspace.app.inject({ method: 'GET', url: `/api/documents/${workspace.documents.plan}/jobs` })).statusCode).toBe(401);
  }, 300_000);

  it('throttles progress writes to the row while every step still reaches the events', async () => {
    // The real store, with its job writes counted (every call goes through to the database).
    let writes = 0;
    const store = new Proxy(workspace.store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key === 'updateJob') return (...args: Parameters<typeof target.updateJob>) => (writes++, target.updateJob(...args));
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    // One write an hour at most: only the first step's progress reaches the row before the end.
    const runner = new JobRunner({ ...workspace.context, store }, { threads: 0, progressIntervalMs: 3_600_000 });
    const document = await workspace.store.document(workspace.actors.editor, workspace.documents.pathway);
    const version = await workspace.store.version(workspace.actors.editor, document.id);
    const job = await runner.start(workspace.actors.editor, { document, version }, { kind: 'monte-carlo', runs: 2000, seed: 3 });
    const events: JobEvent[] = [];
    runner.events(job.id)!.on('event', (event: JobEvent) => events.push(event));
    await runner.idle();
    await runner.close();
    // 2,000 runs in 8 blocks of 250 on this thread: 8 progress events, one done.
    expect(events.filter((event) => event.type === 'progress').map((event) => (event as { progress: number }).progress)).toEqual([0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1]);
    expect(events.at(-1)!.type).toBe('done');
    // running, the first progress, done.
    expect(writes).toBe(3);
    expect(await workspace.store.job(workspace.actors.editor, job.id)).toMatchObject({ status: 'done', progress: 1 });
  }, 120_000);

  it('refuses the public, strangers, the wrong document kind and bad requests, each with a clear error', async () => {
    const anonymous = await workspace.app.inject({ method: 'POST', url: `/api/documents/${workspace.documents.pathway}/jobs`, payload: { kind: 'monte-carlo' } });
    expect(anonymous.statusCode).toBe(401);
    expect([403, 404]).toContain((await post(workspace.tokens.stranger, workspace.documents.pathway, { kind: 'monte-carlo' })).statusCode);
    const wrongKind = await post(workspace.tokens.editor, workspace.documents.inventory, { kind: 'monte-carlo' });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json()).toMatchObject({ error: { code: 'bad-request', message: { en: expect.stringContaining('runs on a pathway document') } } });
    expect((await post(workspace.tokens.editor, workspace.documents.pathway, { kind: 'monte-carlo', runs: 0 })).statusCode).toBe(400);
    expect((await post(workspace.tokens.editor, workspace.documents.pathway, { kind: 'monte-carlo', scenario: 'nope' })).json()).toMatchObject({ error: { message: { en: expect.stringContaining('No scenario "nope"') } } });
    expect((await post(workspace.tokens.editor, workspace.documents.plan, { kind: 'plan', runs: 5 })).statusCode).toBe(400);
  });

  // Publishes the pathway: the tests above see it unpublished.
  it('a signed-in user with no role computes on a published pathway, and sees only their own jobs there', async () => {
    // A pathway and its inventory published at version 1; the stranger is an editor of another city.
    for (const id of [workspace.documents.inventory, workspace.documents.pathway]) await workspace.store.publish(workspace.actors.editor, id, 1);
    const mine = (await post(workspace.tokens.editor, workspace.documents.pathway, { kind: 'monte-carlo', runs: 500, seed: 2 })).json<Job>();
    await routes.runner!.idle();
    const started = await post(workspace.tokens.stranger, workspace.documents.pathway, { kind: 'monte-carlo', runs: 500, seed: 2 });
    expect(started.statusCode).toBe(202);
    const theirs = started.json<Job>();
    expect(theirs).toMatchObject({ version: 1, status: 'queued' });
    await routes.runner!.idle();
    const done = await getJob(workspace.tokens.stranger, theirs.id);
    expect(done).toMatchObject({ status: 'done', progress: 1, error: null });
    // The same figures as the city's own editor gets for the same seed.
    expect((done.result as { mc: unknown }).mc).toEqual(((await getJob(workspace.tokens.editor, mine.id)).result as { mc: unknown }).mc);
    // Another user's job on the document is not theirs to read or list; the city's people see both.
    expect((await workspace.app.inject({ method: 'GET', url: `/api/jobs/${mine.id}`, headers: bearer(workspace.tokens.stranger) })).statusCode).toBe(404);
    const list = async (token: string) => (await workspace.app.inject({ method: 'GET', url: `/api/documents/${workspace.documents.pathway}/jobs?kind=monte-carlo&limit=50`, headers: bearer(token) })).json<{ items: Job[] }>().items.map((job) => job.id);
    expect(await list(workspace.tokens.stranger)).toEqual([theirs.id]);
    expect(await list(workspace.tokens.viewer)).toEqual(expect.arrayContaining([theirs.id, mine.id]));
    // A draft version past the published one is not theirs to compute on.
    await workspace.store.saveVersion(workspace.actors.editor, workspace.documents.pathway, { body: (await workspace.store.version(workspace.actors.editor, workspace.documents.pathway)).body, comment: 'draft', expectedVersion: 1 });
    await expect(workspace.store.createJob(workspace.actors.stranger, { kind: 'monte-carlo', documentId: workspace.documents.pathway, version: 2 })).rejects.toMatchObject({ code: 'not-found' });
    const published = await post(workspace.tokens.stranger, workspace.documents.pathway, { kind: 'monte-carlo', runs: 100 });
    expect(published.statusCode).toBe(202);
    expect(published.json<Job>().version).toBe(1);
    await routes.runner!.idle();
  }, 120_000);
});
