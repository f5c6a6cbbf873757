/**
 * The API's jobs (docs/jobs.md) as the pages read them: a job's row, its states, and its server-sent events.
 * `R` is the kind's result (a plan's portfolio, a Monte Carlo's summary).
 */

export type JobKind = 'plan' | 'monte-carlo';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job<R> {
  readonly id: string;
  readonly kind: JobKind;
  readonly documentId: string;
  readonly version: number;
  readonly status: JobStatus;
  readonly progress: number;
  readonly result: R | null;
  readonly error: string | null;
  readonly createdBy: string;
}

export const FINISHED: ReadonlySet<JobStatus> = new Set(['done', 'failed', 'cancelled']);

/** A server-sent event of a job: its name and its JSON data. */
export type JobEventData<R> = { readonly type: 'progress'; readonly progress: number } | { readonly type: 'done' | 'failed' | 'cancelled'; readonly job: Job<R> };

export function jobEvent<R>(type: string, data: string): JobEventData<R> | null {
  const parsed = JSON.parse(data) as unknown;
  switch (type) {
    case 'progress':
      return { type, progress: (parsed as { progress: number }).progress };
    case 'done':
    case 'failed':
    case 'cancelled':
      return { type, job: parsed as Job<R> };
    default:
      return null;
  }
}
