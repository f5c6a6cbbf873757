import { useCallback, useEffect, useRef, useState } from 'react';
import { del, get, post } from './api.ts';
import { FINISHED, jobEvent, type Job, type JobKind } from './jobs.ts';
import { useSession } from './session.tsx';

export interface JobState<R> {
  /** The job on screen (the last one started here, or the one the link names), or null. */
  readonly job: Job<R> | null;
  /** Progress 0–1 from the event stream while it runs. */
  readonly progress: number;
  readonly error: unknown;
  readonly busy: boolean;
  /** Starts a job of the hook's kind on the document, with the kind's settings (a Monte Carlo's runs, seed, scenario). */
  start(documentId: string, settings?: Readonly<Record<string, unknown>>): Promise<void>;
  cancel(): Promise<void>;
}

/**
 * A job of one kind on a document (a plan's optimisation, a cluster's Monte Carlo): started with POST, followed
 * through its server-sent events (progress, then done, failed or cancelled), cancelled with DELETE. The job's id
 * goes where the page keeps it (`onId`: the plan page's query string, so a reload or a shared link shows the same
 * job); without one, the document's latest finished job of the kind opens. Jobs need a session, so the public sees none.
 */
export function useJob<R>(kind: JobKind, jobId: string | null, documentId: string, onId: (id: string | null) => void): JobState<R> {
  const { me } = useSession();
  const [job, setJob] = useState<Job<R> | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onIdRef = useRef(onId);
  onIdRef.current = onId;

  // No job named: the document's latest finished job of the kind, if any (a signed-in reader opens on its result).
  useEffect(() => {
    if (jobId || !me) return;
    let closed = false;
    void get<{ items: Job<R>[] }>(`/api/documents/${encodeURIComponent(documentId)}/jobs?kind=${kind}&limit=10`).then(
      ({ items }) => {
        const latest = items.find((candidate) => candidate.status === 'done');
        if (!closed && latest) onIdRef.current(latest.id);
      },
      () => undefined, // Nothing to open: the page offers a run as before.
    );
    return () => {
      closed = true;
    };
  }, [jobId, me, documentId, kind]);

  // The job the link names: read it, then follow it until it finishes.
  useEffect(() => {
    if (!jobId || !me) return;
    let closed = false;
    let source: EventSource | null = null;
    const finish = (finished: Job<R>) => {
      if (closed) return;
      setJob(finished);
      setProgress(finished.progress);
    };
    void get<Job<R>>(`/api/jobs/${encodeURIComponent(jobId)}`).then(
      (row) => {
        if (closed) return;
        setJob(row);
        setProgress(row.progress);
        if (FINISHED.has(row.status)) return;
        source = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
        const listen = (type: string) =>
          source!.addEventListener(type, (message) => {
            const event = jobEvent<R>(type, (message as MessageEvent<string>).data);
            if (!event || closed) return;
            if (event.type === 'progress') {
              setProgress(event.progress);
              setJob((current) => (current && !FINISHED.has(current.status) ? { ...current, status: 'running' } : current));
            } else {
              // The stream ends after its final event: close it, or the browser would reconnect.
              source?.close();
              finish(event.job);
            }
          });
        ['progress', 'done', 'failed', 'cancelled'].forEach(listen);
        source.onerror = () => {
          // A stream that broke without its final event: the row says where the job is (the browser reconnects meanwhile).
          void get<Job<R>>(`/api/jobs/${encodeURIComponent(jobId)}`).then((latest) => {
            if (FINISHED.has(latest.status)) {
              source?.close();
              finish(latest);
            }
          }, () => undefined);
        };
      },
      (failure: unknown) => {
        if (!closed) setError(failure);
      },
    );
    return () => {
      closed = true;
      source?.close();
    };
  }, [jobId, me]);

  const start = useCallback(async (documentId: string, settings: Readonly<Record<string, unknown>> = {}) => {
    setBusy(true);
    setError(null);
    try {
      const queued = await post<Job<R>>(`/api/documents/${encodeURIComponent(documentId)}/jobs`, { ...settings, kind });
      setJob(queued);
      setProgress(0);
      onIdRef.current(queued.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }, [kind]);

  const cancel = useCallback(async () => {
    if (!job) return;
    setError(null);
    try {
      // A job that finished meanwhile comes back as it is: the screen shows what really happened.
      setJob(await del<Job<R>>(`/api/jobs/${encodeURIComponent(job.id)}`));
    } catch (failure) {
      setError(failure);
    }
  }, [job]);

  return { job: jobId && job?.id === jobId ? job : null, progress, error, busy, start, cancel };
}
