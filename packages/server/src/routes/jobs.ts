import { PassThrough } from 'node:stream';
import type { Job } from '@peakpath/store';
import { z } from 'zod';
import type { AppContext, RouteModule } from '../context.ts';
import { JobRunner, type JobEvent, type JobRunnerOptions } from '../jobs/runner.ts';
import { MAX_JOB_RUNS } from '../jobs/work.ts';
import { idParams } from './shared.ts';

const jobBody = z
  .object({
    kind: z.enum(['monte-carlo', 'plan']).describe('monte-carlo on a pathway document or on a cluster document whose members name pathways; plan (least-cost portfolio, HiGHS) on a plan document'),
    runs: z.number().int().min(1).max(MAX_JOB_RUNS).optional().describe(`Monte Carlo runs, 1–${MAX_JOB_RUNS} (default 10,000, stated in the result)`),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional().describe('random seed (default 1, stated in the result)'),
    scenario: z.string().min(1).max(100).optional().describe("the scenario to analyse (default: the pathway's, or the cluster's)"),
  })
  .strict();

const FINISHED: ReadonlySet<Job['status']> = new Set(['done', 'failed', 'cancelled']);
/** How often the events stream reads the row of a job that runs in another process. */
const POLL_MS = 1000;

/**
 * Jobs: Monte Carlo on a pathway, plan optimisation on a plan (docs/jobs.md). `POST` answers 202 with the
 * queued job at once; the work runs on (`JobRunner`). Anyone who may read the document may start a job on
 * its current version: computing changes no document.
 */
export function jobRoutesWith(options: JobRunnerOptions = {}): RouteModule & { runner?: JobRunner } {
  const module: RouteModule & { runner?: JobRunner } = (app, context) => {
    const runner = new JobRunner(context, options);
    module.runner = runner;
    app.addHook('onClose', async () => runner.close());

    app.post('/api/documents/:id/jobs', {
      config: { access: 'user' },
      schema: { tags: ['jobs'], summary: 'Start a job (monte-carlo on a pathway or a cluster with pathways, plan on a plan): 202 with the queued job / 启动计算任务', params: idParams, body: jobBody },
    }, async (request, reply) => {
      const document = await context.store.document(request.actor, request.params.id);
      const version = await context.store.version(request.actor, document.id);
      const job = await runner.start(request.actor, { document, version }, request.body);
      return reply.code(202).header('location', `/api/jobs/${job.id}`).send(job);
    });

    app.get('/api/documents/:id/jobs', {
      config: { access: 'user' },
      schema: {
        tags: ['jobs'],
        summary: "A document's jobs, newest first, without their results (GET /api/jobs/:id has each) / 文档的计算任务（最新在前）",
        params: idParams,
        querystring: z.object({ kind: z.enum(['monte-carlo', 'plan']).optional(), limit: z.coerce.number().int().min(1).max(50).default(10) }).strict(),
      },
    }, async (request) => ({ items: await context.store.jobs(request.actor, request.params.id, request.query) }));

    app.get('/api/jobs/:id', {
      config: { access: 'user' },
      schema: { tags: ['jobs'], summary: 'A job: status, progress (0–1), result or error / 任务状态与结果', params: idParams },
    }, async (request) => context.store.job(request.actor, request.params.id));

    app.delete('/api/jobs/:id', {
      config: { access: 'user' },
      schema: { tags: ['jobs'], summary: 'Cancel a job (its starter or an admin); a finished job is returned as it is / 取消任务', params: idParams },
    }, async (request) => runner.cancel(request.actor, await context.store.job(request.actor, request.params.id)));

    app.get('/api/jobs/:id/events', {
      config: { access: 'user' },
      schema: { tags: ['jobs'], summary: 'Server-sent events of a job: progress, then done, failed or cancelled / 任务进度事件流（SSE）', params: idParams },
    }, async (request, reply) => {
      const job = await context.store.job(request.actor, request.params.id);
      const stream = new PassThrough();
      let ended = false;
      const send = (event: JobEvent): void => {
        if (ended) return;
        if (event.type !== 'progress') ended = true;
        stream.write(`event: ${event.type}\ndata: ${JSON.stringify(event.type === 'progress' ? { progress: event.progress } : event.job)}\n\n`);
        if (event.type !== 'progress') stream.end();
      };
      const stop = follow(context, runner, job, request.actor, send, () => stream.end());
      request.raw.on('close', stop);
      stream.on('close', stop);
      return reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache').send(stream);
    });
  };
  return module;
}

/** The plugin with the default runner (one Monte Carlo worker thread, progress written at most twice a second). */
export const jobRoutes: RouteModule = (app, context) => jobRoutesWith()(app, context);

/** Sends a job's events until it finishes: live from this process, or read from its row every second. */
function follow(context: AppContext, runner: JobRunner, job: Job, actor: Parameters<AppContext['store']['job']>[0], send: (event: JobEvent) => void, end: () => void): () => void {
  if (FINISHED.has(job.status)) {
    send({ type: job.status as 'done' | 'failed' | 'cancelled', job });
    return () => undefined;
  }
  send({ type: 'progress', progress: job.progress });
  const live = runner.events(job.id);
  if (live) {
    const listener = (event: JobEvent) => send(event);
    live.on('event', listener);
    // The job may have finished between reading its row and listening: its row says so.
    void context.store.job(actor, job.id).then((row) => {
      if (FINISHED.has(row.status)) send({ type: row.status as 'done' | 'failed' | 'cancelled', job: row });
    }, () => undefined);
    return () => live.off('event', listener);
  }
  let stopped = false;
  const poll = async (): Promise<void> => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (stopped) return;
      const row = await context.store.job(actor, job.id);
      if (FINISHED.has(row.status)) {
        send({ type: row.status as 'done' | 'failed' | 'cancelled', job: row });
        return;
      }
      send({ type: 'progress', progress: row.progress });
    }
  };
  // A store that fails ends the stream without a final event: the client reconnects or asks GET /api/jobs/:id.
  poll().catch(end);
  return () => {
    stopped = true;
  };
}
