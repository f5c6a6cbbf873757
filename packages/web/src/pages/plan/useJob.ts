import { useCallback, useEffect, useRef, useState } from 'react';
import { del, get, post } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { FINISHED, jobEvent, type Job } from './model.ts';

export interface JobState {
  /** The job on screen (the last one started here, or the one the link names), or null. */
  readonly job: Job | null;
  /** Progress 0–1 from the event stream while it runs. */
  readonly progress: number;
  readonly error: unknown;
  readonly busy: boolean;
  start(documentId: string): Promise<void>;
  cancel(): Promise<void>;
}

/**
 * A plan job: started with POST, followed through its server-sent events (progress, then done, failed
 * or cancelled), cancelled with DELETE. The job's id goes to the page's query string (`onId`), so a
 * reload or a shared link shows the same job; without one, the plan's latest finished optimisation opens. Jobs
 * need a session, so the public sees none.
 */
export function useJob(jobId: string | null, documentId: string, onId: (id: string | null) => void): JobState {
  const { me } = useSession();
  const [job, setJob] = useState<Job | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onIdRef = useRef(onId);
  onIdRef.current = onId;

  // No job in the link: the plan's latest finished optimisation, if any (a signed-in reader opens on its result).
  useEffect(() => {
    if (jobId || !me) return;
    let closed = false;
    void get<{ items: Job[] }>(`/api/documents/${encodeURIComponent(documentId)}/jobs?kind=plan&limit=10`).then(
      ({ items }) => {
        const latest = items.find((candidate) => candidate.status === 'done');
        if (!closed && latest) onIdRef.current(latest.id);
      },
      () => undefined, // Nothing to open: the page offers a run as before.
    );
    return () => {
      closed = true;
    };
  }, [jobId, me, documentId]);

  // The job the link names: read it, then follow it until it finishes.
  useEffect(() => {
    if (!jobId || !me) return;
    let closed = false;
    let source: EventSource | null = null;
    const finish = (finished: Job) => {
      if (closed) return;
      setJob(finished);
      setProgress(finished.progress);
    };
    void get<Job>(`/api/jobs/${encodeURIComponent(jobId)}`).then(
      (row) => {
        if (closed) return;
        setJob(row);
        setProgress(row.progress);
        if (FINISHED.has(row.status)) return;
        source = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
        const listen = (type: string) =>
          source!.addEventListener(type, (message) => {
            const event = jobEvent(type, (message as MessageEvent<string>).data);
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
          void get<Job>(`/api/jobs/${encodeURIComponent(jobId)}`).then((latest) => {
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

  const start = useCallback(async (documentId: string) => {
    setBusy(true);
    setError(null);
    try {
      const queued = await post<Job>(`/api/documents/${encodeURIComponent(documentId)}/jobs`, { kind: 'plan' });
      setJob(queued);
      setProgress(0);
      onIdRef.current(queued.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }, []);

  const cancel = useCallback(async () => {
    if (!job) return;
    setError(null);
    try {
      // A job that finished meanwhile comes back as it is: the screen shows what really happened.
      setJob(await del<Job>(`/api/jobs/${encodeURIComponent(job.id)}`));
    } catch (failure) {
      setError(failure);
    }
  }, [job]);

  return { job: jobId && job?.id === jobId ? job : null, progress, error, busy, start, cancel };
}
