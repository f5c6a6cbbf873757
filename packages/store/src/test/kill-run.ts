/**
 * Kills a writing child with SIGKILL at random moments and checks, after each kill, that every
 * acknowledged write is there, that no version is half-written (each body matches its hash) and that the
 * audit chain verifies. Shared by kill.test.ts (a few kills) and scripts/kill-soak.ts (≥ 100).
 */
import { bodyHash } from '../canonical.ts';
import type { SqlStore } from '../sql-store.ts';
import type { Actor } from '../store.ts';
import { spawnChild } from './child.ts';
import type { TestDatabase } from './databases.ts';

export interface KillFigures {
  readonly kills: number;
  /** Writes the children acknowledged, all found again. */
  readonly acknowledged: number;
  /** Versions found that no child acknowledged: committed as the kill came, before the "ack" was printed. */
  readonly unacknowledgedFound: number;
  readonly lost: number;
  readonly halfWritten: number;
  readonly auditFailures: number;
  readonly auditRecords: number;
  /** Reopening after a kill (PGlite: start-up and recovery), milliseconds. */
  readonly reopenMs: readonly number[];
  readonly problems: readonly string[];
}

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runKills(db: TestDatabase, kills: number, random: () => number, options: { maxDelayMs?: number; onKill?: (index: number, figures: KillFigures) => void } = {}): Promise<KillFigures> {
  const maxDelay = options.maxDelayMs ?? 1500;
  let store: SqlStore = db.store;
  // The first user of a fresh database needs no admin to create it.
  const admin = await store.createUser({ kind: 'public' }, { email: 'kill-admin@example.org', name: 'Admin', passwordHash: 'x', admin: true });
  const adminActor: Actor = { kind: 'user', userId: admin.id, admin: true };
  const editorUser = await store.createUser(adminActor, { email: 'kill-editor@example.org', name: 'Editor', passwordHash: 'x' });
  const city = await store.createEntity(adminActor, { slug: 'kill-city', kind: 'city', name: 'Kill City', nameZh: null, country: 'CN', parentId: null });
  await store.grant(adminActor, { userId: editorUser.id, role: 'editor', entityId: city.id, networkId: null });
  const editor: Actor = { kind: 'user', userId: editorUser.id, admin: false };
  const { document } = await store.createDocument(editor, { entityId: city.id, kind: 'inventory', name: 'kill', body: { version: 1 }, comment: '' });
  const where = db.dataDir !== null ? `dir:${db.dataDir}` : `url:${db.appUrl}`;
  const acked = new Map<number, string>();
  const figures = { kills: 0, acknowledged: 0, unacknowledgedFound: 0, lost: 0, halfWritten: 0, auditFailures: 0, auditRecords: 0, reopenMs: [] as number[], problems: [] as string[] };
  for (let index = 0; index < kills; index++) {
    // PGlite: the child needs the folder's lock.
    if (db.dataDir !== null) await store.close();
    const child = spawnChild([where, 'write', document.id, editor.userId]);
    // The kill falls at a random moment of the stream of writes: after the first, within maxDelay.
    await child.waitFor('ack');
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * maxDelay)));
    child.process.kill('SIGKILL');
    const exit = await child.exited;
    if (exit.signal !== 'SIGKILL') figures.problems.push(`kill ${index}: the child ended by itself (${exit.code}): ${child.lines.join(' | ')}`);
    for (const line of child.lines) {
      const [word, version, hash] = line.split(' ');
      if (word === 'ack') acked.set(Number(version), hash!);
    }
    const started = performance.now();
    if (db.dataDir !== null) store = await db.reopen();
    figures.reopenMs.push(performance.now() - started);
    const current = await store.document(editor, document.id);
    let half = 0;
    let lost = 0;
    for (let version = 1; version <= current.currentVersion; version++) {
      const found = await store.version(editor, document.id, version);
      if (bodyHash(found.body) !== found.bodyHash) half += 1;
      const expected = acked.get(version);
      if (expected !== undefined && expected !== found.bodyHash) lost += 1;
    }
    for (const version of acked.keys()) if (version > current.currentVersion) lost += 1;
    const verdict = await store.verifyAudit();
    figures.kills += 1;
    figures.halfWritten = Math.max(figures.halfWritten, half);
    figures.lost = Math.max(figures.lost, lost);
    if (!verdict.ok) {
      figures.auditFailures += 1;
      figures.problems.push(`kill ${index}: audit broken at ${verdict.brokenAt}: ${verdict.reason}`);
    } else figures.auditRecords = verdict.records;
    figures.acknowledged = acked.size;
    figures.unacknowledgedFound = current.currentVersion - 1 - acked.size;
    options.onKill?.(index, figures);
  }
  if (db.dataDir !== null) {
    // Leave the test database's store open and usable for its dispose().
    (db as { store: SqlStore }).store = store;
  }
  return figures;
}
