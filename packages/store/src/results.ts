import { randomUUID } from 'node:crypto';
import type { StoreContext } from './context.ts';
import { loadDocument } from './documents.ts';
import { identityOf, isUuid, notFound, requireUser } from './guard.ts';
import { jobFromRow } from './rows.ts';
import type { Actor, Job, JobStatus } from './store.ts';
import { Problems } from './validate.ts';

/**
 * Results cached by (document, version, engine version, kind): a version never changes, so an entry is
 * never stale; a new engine version simply misses. The server checks access before it asks, so these
 * run as the store's own bookkeeping ('system').
 */
export async function cachedResult(ctx: StoreContext, documentId: string, version: number, engineVersion: string, kind: string): Promise<unknown> {
  if (!isUuid(documentId)) return undefined;
  const rows = await ctx.db.transaction('system', (tx) => tx.query('SELECT result FROM result_cache WHERE document_id = $1 AND version = $2 AND engine_version = $3 AND kind = $4', [documentId, version, engineVersion, kind]), { readOnly: true });
  return rows[0] === undefined ? undefined : rows[0]['result'];
}

export async function cacheResult(ctx: StoreContext, documentId: string, version: number, engineVersion: string, kind: string, result: unknown): Promise<void> {
  const problems = new Problems();
  problems.json('result', result);
  problems.text('engineVersion', engineVersion);
  problems.text('kind', kind);
  problems.throwIfAny();
  await ctx.db.transaction('system', (tx) =>
    tx.query('INSERT INTO result_cache (document_id, version, engine_version, kind, result, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING', [documentId, version, engineVersion, kind, JSON.stringify(result), ctx.now()]),
  );
}

/** Jobs are rows, so that whichever server process runs one, any other can report it. */
export async function createJob(ctx: StoreContext, actor: Actor, input: { kind: Job['kind']; documentId: string; version: number }): Promise<Job> {
  requireUser(actor);
  const problems = new Problems();
  problems.oneOf('kind', input.kind, ['monte-carlo', 'plan']);
  problems.positiveInteger('version', input.version);
  problems.throwIfAny();
  return ctx.db.transaction(identityOf(actor), async (tx) => {
    const { document, access } = await loadDocument(tx, actor, input.documentId, 'read');
    // Whoever reads only the published version computes only on it.
    if (input.version > document.currentVersion || (!access.drafts && input.version !== document.publishedVersion)) throw notFound('version', `${input.documentId}@${input.version}`);
    const [row] = await tx.query("INSERT INTO jobs (id, kind, document_id, version, status, progress, created_by, created_at) VALUES ($1, $2, $3, $4, 'queued', 0, $5, $6) RETURNING *", [randomUUID(), input.kind, input.documentId, input.version, actor.userId, ctx.now()]);
    return jobFromRow(row!);
  });
}

const FINISHED: readonly JobStatus[] = ['done', 'failed', 'cancelled'];
/** No user has this id: the public started no job. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

const startedBy = (actor: Actor, job: Job): boolean => actor.kind === 'user' && job.createdBy === actor.userId;

export async function updateJob(ctx: StoreContext, id: string, change: { status?: JobStatus; progress?: number; result?: unknown; error?: string | null }): Promise<Job> {
  const problems = new Problems();
  if (change.status !== undefined) problems.oneOf('status', change.status, ['queued', 'running', 'done', 'failed', 'cancelled']);
  if (change.progress !== undefined && !(typeof change.progress === 'number' && change.progress >= 0 && change.progress <= 1)) problems.add('progress', '0 到 1 之间的数', 'a number from 0 to 1', change.progress);
  if (change.result !== undefined) problems.json('result', change.result);
  problems.throwIfAny();
  return ctx.db.transaction('system', async (tx) => {
    const finishedAt = change.status !== undefined && FINISHED.includes(change.status) ? ctx.now() : null;
    const [row] = isUuid(id)
      ? await tx.query(
          `UPDATE jobs SET status = coalesce($2, status), progress = coalesce($3, progress),
             result = CASE WHEN $4::boolean THEN $5::jsonb ELSE result END,
             error = CASE WHEN $6::boolean THEN $7 ELSE error END,
             finished_at = coalesce($8, finished_at)
           WHERE id = $1 AND status NOT IN ('done', 'failed', 'cancelled') RETURNING *`,
          [id, change.status ?? null, change.progress ?? null, change.result !== undefined, change.result === undefined ? null : JSON.stringify(change.result), change.error !== undefined, change.error ?? null, finishedAt],
        )
      : [];
    if (row !== undefined) return jobFromRow(row);
    // A finished job is final: a cancellation from one process and the end of the work in another may cross,
    // and whichever finished it first stands (the other gets the job as it is).
    const [finished] = isUuid(id) ? await tx.query('SELECT * FROM jobs WHERE id = $1', [id]) : [];
    if (finished === undefined) throw notFound('job', id);
    return jobFromRow(finished);
  });
}

export function job(ctx: StoreContext, actor: Actor, id: string): Promise<Job> {
  return ctx.db.transaction(
    identityOf(actor),
    async (tx) => {
      const [row] = isUuid(id) ? await tx.query('SELECT * FROM jobs WHERE id = $1', [id]) : [];
      if (row === undefined) throw notFound('job', id);
      const found = jobFromRow(row);
      const { access } = await loadDocument(tx, actor, found.documentId, 'read');
      if (!access.drafts && !startedBy(actor, found)) throw notFound('job', id);
      return found;
    },
    { readOnly: true },
  );
}

/** A document's jobs, newest first; the result column is not read (a plan's is large): `job` gives it. */
export function jobs(ctx: StoreContext, actor: Actor, documentId: string, options: { kind?: Job['kind']; limit?: number } = {}): Promise<Omit<Job, 'result'>[]> {
  const problems = new Problems();
  if (options.kind !== undefined) problems.oneOf('kind', options.kind, ['monte-carlo', 'plan']);
  const limit = options.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) problems.add('limit', ' 1 至 50 的整数', 'a whole number from 1 to 50', limit);
  problems.throwIfAny();
  return ctx.db.transaction(
    identityOf(actor),
    async (tx) => {
      const { document, access } = await loadDocument(tx, actor, documentId, 'read');
      // The entity's people see everyone's jobs on it; a reader of the published version, only their own.
      const onlyBy = access.drafts ? null : actor.kind === 'user' ? actor.userId : NOBODY;
      const rows = await tx.query(
        `SELECT id, kind, document_id, version, status, progress, error, created_by, created_at, finished_at FROM jobs
          WHERE document_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($4::uuid IS NULL OR created_by = $4) ORDER BY created_at DESC, id DESC LIMIT $3`,
        [document.id, options.kind ?? null, limit, onlyBy],
      );
      return rows.map((row) => {
        const { result: _result, ...job } = jobFromRow(row);
        return job;
      });
    },
    { readOnly: true },
  );
}
