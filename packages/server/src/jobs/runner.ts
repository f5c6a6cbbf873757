import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { Cancelled, createEngine, type Engine } from '@peakpath/core';
import { highsSolver, MonteCarloPool } from '@peakpath/node';
import type { Actor, Job } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import type { Loaded } from '../results/references.ts';
import { prepareJob, type JobRequest } from './work.ts';

/** What the events stream of a job says (GET /api/jobs/:id/events). */
export type JobEvent =
  | { readonly type: 'progress'; readonly progress: number }
  | { readonly type: 'done'; readonly job: Job }
  | { readonly type: 'failed'; readonly job: Job }
  | { readonly type: 'cancelled'; readonly job: Job };

export interface JobRunnerOptions {
  /** Worker threads of the Monte Carlo pool (default 1: a server shares its cores with every request); 0 runs the blocks in this thread, the event loop let through between them. */
  readonly threads?: number | undefined;
  /** The least time between two progress writes to the job row, ms (default 500): events go out at every step. */
  readonly progressIntervalMs?: number | undefined;
  /**
   * Awaited once a job is running, before its work starts (tests: hold a job in `running` to cancel it, since
   * the demo plan solves faster than a click). The job's signal aborts when it is cancelled meanwhile.
   */
  readonly beforeWork?: ((job: Job, signal: AbortSignal) => Promise<void>) | undefined;
}

interface Running {
  readonly controller: AbortController;
  readonly events: EventEmitter;
  readonly done: Promise<void>;
}

/**
 * Runs jobs in this process: the row in the store is their state for every process (status, progress,
 * result), the AbortController their cancellation, an EventEmitter their live events. Monte Carlo runs go to
 * a pool of worker threads and plan solves are awaited one at a time with the event loop let through
 * between them, so requests are answered while a job runs. A job is started by whoever may read its
 * document (viewers may compute; nothing is written but the job row); it is cancelled by the user who
 * started it or an admin.
 */
export class JobRunner {
  readonly #context: AppContext;
  readonly #options: Required<Omit<JobRunnerOptions, 'beforeWork'>> & Pick<JobRunnerOptions, 'beforeWork'>;
  readonly #running = new Map<string, Running>();
  #engine: Promise<Engine> | undefined;
  #pool: MonteCarloPool | undefined;

  constructor(context: AppContext, options: JobRunnerOptions = {}) {
    this.#context = context;
    this.#options = { threads: options.threads ?? 1, progressIntervalMs: options.progressIntervalMs ?? 500, beforeWork: options.beforeWork };
  }

  /** The engine jobs use: HiGHS for plans (loaded on first use), the event loop let through between steps. */
  #jobEngine(): Promise<Engine> {
    this.#engine ??= highsSolver().then((solver) => createEngine({ solver, yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)) }));
    return this.#engine;
  }

  /** Checks the request, writes the job row (queued) and starts the work; resolves with the row at once. */
  async start(actor: Actor, loaded: Loaded, request: JobRequest): Promise<Job> {
    const prepared = await prepareJob(this.#context, actor, loaded, request);
    const job = await this.#context.store.createJob(actor, { kind: request.kind, documentId: loaded.document.id, version: loaded.version.version });
    const controller = new AbortController();
    const events = new EventEmitter();
    const store = this.#context.store;
    const interval = this.#options.progressIntervalMs;
    let lastWrite = -Infinity;
    let writing: Promise<unknown> = Promise.resolve();
    const progress = (fraction: number): void => {
      events.emit('event', { type: 'progress', progress: fraction } satisfies JobEvent);
      const now = performance.now();
      if (now - lastWrite < interval) return;
      lastWrite = now;
      // Writes follow each other; one that finds the row cancelled (by another process) stops the work here.
      writing = writing.then(async () => {
        const row = await store.updateJob(job.id, { progress: fraction });
        if (row.status === 'cancelled') controller.abort();
      });
    };
    const finish = async (change: Parameters<typeof store.updateJob>[1], type: 'done' | 'failed' | 'cancelled'): Promise<void> => {
      await writing.catch(() => undefined);
      const row = await store.updateJob(job.id, change);
      events.emit('event', { type, job: row } satisfies JobEvent);
    };
    const work = async (): Promise<void> => {
      try {
        await store.updateJob(job.id, { status: 'running' });
        await this.#options.beforeWork?.(job, controller.signal);
        if (controller.signal.aborted) throw new Cancelled(controller.signal.reason);
        const engine = await this.#jobEngine();
        const pool = prepared.pooled && this.#options.threads > 0 ? (this.#pool ??= new MonteCarloPool(this.#options.threads)) : undefined;
        const value = await prepared.run(engine, { signal: controller.signal, progress, pool });
        if (controller.signal.aborted) throw new Cancelled(controller.signal.reason);
        await finish({ status: 'done', progress: 1, result: { from: prepared.from, ...(value as object) } }, 'done');
      } catch (error) {
        if (error instanceof Cancelled || controller.signal.aborted) await finish({ status: 'cancelled', error: null }, 'cancelled');
        else await finish({ status: 'failed', error: errorText(error) }, 'failed');
      }
    };
    const done = work()
      .catch(() => undefined)
      .finally(() => this.#running.delete(job.id));
    this.#running.set(job.id, { controller, events, done });
    return job;
  }

  /** The live events of a job running in this process, or undefined (finished, or running elsewhere). */
  events(jobId: string): EventEmitter | undefined {
    return this.#running.get(jobId)?.events;
  }

  /** Cancels a job: here through its AbortController; in another process by marking its row, which that process reads at its next progress write. */
  async cancel(actor: Actor, job: Job): Promise<Job> {
    if (actor.kind !== 'user' || (actor.userId !== job.createdBy && !actor.admin)) {
      throw new ApiError(403, 'forbidden', { en: 'Only the user who started a job, or an admin, may cancel it.', zh: '只有启动任务的用户或管理员可以取消任务。' });
    }
    if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') return job;
    const running = this.#running.get(job.id);
    if (running) {
      running.controller.abort();
      await running.done;
      return this.#context.store.job(actor, job.id);
    }
    return this.#context.store.updateJob(job.id, { status: 'cancelled' });
  }

  /** Resolves when every job of this process has finished (tests; shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.#running.values()].map((running) => running.done));
  }

  /** Cancels what runs here and stops the worker threads. */
  async close(): Promise<void> {
    for (const running of this.#running.values()) running.controller.abort();
    await this.idle();
    await this.#pool?.close();
    this.#pool = undefined;
  }
}

/** A failed job's error as users read it: both languages for our errors, the message otherwise. */
function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const issues = (error.issues ?? []).map((issue) => `\n${issue.message.en} / ${issue.message.zh}`).join('');
    return `${error.bilingual.en} / ${error.bilingual.zh}${issues}`;
  }
  return error instanceof Error ? error.message : String(error);
}
