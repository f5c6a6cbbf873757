import { canonicalJson, sha256 } from './canonical.ts';
import { toIso, toNumber, type Queryable, type Row } from './db.ts';
import type { AuditRecord, AuditVerdict } from './store.ts';

/**
 * The audit chain: append-only, each record's hash = sha256(prevHash + canonical JSON of its fields),
 * written in the transaction of the change it records. Appends lock the one-row audit_head
 * (SELECT … FOR UPDATE), so concurrent transactions append one after the other and seq has no gaps.
 */
export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  readonly actorId: string | null;
  readonly action: string;
  readonly target: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export function recordHash(prevHash: string, fields: { seq: number; at: string; actorId: string | null; action: string; target: string; detail: unknown }): string {
  const { seq, at, actorId, action, target, detail } = fields;
  return sha256(prevHash + canonicalJson({ seq, at, actorId, action, target, detail }));
}

export async function appendAudit(tx: Queryable, entry: AuditEntry, at: string): Promise<AuditRecord> {
  const [head] = await tx.query<{ seq: unknown; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE');
  if (head === undefined) throw new Error('audit_head has no row: the migrations did not run');
  const seq = toNumber(head.seq) + 1;
  const prevHash = head.hash;
  const hash = recordHash(prevHash, { seq, at, ...entry });
  await tx.query('INSERT INTO audit_log (seq, at, actor_id, action, target, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [seq, at, entry.actorId, entry.action, entry.target, JSON.stringify(entry.detail), prevHash, hash]);
  await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [seq, hash]);
  return { seq, at, ...entry, prevHash, hash };
}

export function auditFromRow(row: Row): AuditRecord {
  return {
    seq: toNumber(row['seq']),
    at: toIso(row['at']),
    actorId: (row['actor_id'] as string | null) ?? null,
    action: row['action'] as string,
    target: row['target'] as string,
    detail: row['detail'] as Record<string, unknown>,
    prevHash: row['prev_hash'] as string,
    hash: row['hash'] as string,
  };
}

const BATCH = 1000;

/** Walks the chain from the start; names the first record whose link or hash does not hold. */
export async function verifyChain(tx: Queryable): Promise<AuditVerdict> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let records = 0;
  for (;;) {
    const rows = await tx.query('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [expectedSeq, BATCH]);
    for (const row of rows) {
      const record = auditFromRow(row);
      if (record.seq !== expectedSeq) return { ok: false, records, brokenAt: expectedSeq, reason: `record ${expectedSeq} is missing (next is ${record.seq})` };
      if (record.prevHash !== prevHash) return { ok: false, records, brokenAt: record.seq, reason: `record ${record.seq} does not link to record ${record.seq - 1}'s hash` };
      if (recordHash(prevHash, record) !== record.hash) return { ok: false, records, brokenAt: record.seq, reason: `record ${record.seq}'s fields do not match its hash` };
      prevHash = record.hash;
      expectedSeq += 1;
      records += 1;
    }
    if (rows.length < BATCH) break;
  }
  const [head] = await tx.query<{ seq: unknown; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
  if (head !== undefined && (toNumber(head.seq) !== records || head.hash !== prevHash)) {
    return { ok: false, records, brokenAt: records + 1, reason: `the chain ends at record ${records}, but its head says ${toNumber(head.seq)}: records were removed from the end` };
  }
  return { ok: true, records, head: prevHash };
}
