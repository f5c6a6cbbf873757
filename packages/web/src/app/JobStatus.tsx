import type { ReactNode } from 'react';
import { formatPercent } from './format.ts';
import { useLang } from './hooks.ts';
import { FINISHED, type Job } from './jobs.ts';

/** The words a page gives a job's state in, from its own texts (`optimiser.*`, `clusters.mc.*`). */
export interface JobStatusTexts {
  /** The badge: the state sentence with the status's name in it. */
  state(status: Job<unknown>['status']): string;
  readonly progress: string;
  failed(error: string): string;
}

/**
 * A job's state as a badge, its progress while it runs, and why it failed, in a live region (a screen reader hears
 * queued → running → done, failed or cancelled): the plan's optimiser and a cluster's Monte Carlo show their jobs
 * alike. `children` goes between the progress and the failure (the plan's "run of").
 */
export function JobStatus({ job, progress, texts, testId, progressTestId, children }: { job: Job<unknown> | null; progress: number; texts: JobStatusTexts; testId: string; progressTestId: string; children?: ReactNode }) {
  const lang = useLang();
  return (
    <div role="status" aria-live="polite" className="job-state" data-testid={testId} data-status={job?.status ?? ''}>
      {job && (
        <>
          <p>
            <span className={`badge ${job.status === 'done' ? 'badge-ok' : job.status === 'failed' ? 'badge-bad' : 'badge-warn'}`}>{texts.state(job.status)}</span>
          </p>
          {!FINISHED.has(job.status) && (
            <label className="progress">
              {texts.progress}
              <progress max={1} value={progress} data-testid={progressTestId} />
              <span className="num">{formatPercent(progress, lang, 0)}</span>
            </label>
          )}
          {children}
          {job.status === 'failed' && job.error && <p className="notice notice-error">{texts.failed(job.error)}</p>}
        </>
      )}
    </div>
  );
}
