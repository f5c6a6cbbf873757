import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupStore, restoreStore } from './backup.ts';
import type { Queryable } from './db.ts';
import { migrations } from './migrate.ts';
import { openTestDatabase, targets, type TestDatabase } from './test/databases.ts';
import { seed, type Seeded } from './test/seed.ts';

/** SQL as the owner role (PostgreSQL) or PGlite's only (superuser) role: what an intruder with the owner's rights could do. */
async function asOwner<T>(db: TestDatabase, work: (tx: Queryable) => Promise<T>): Promise<T> {
  if (db.ownerUrl === null) return db.store.database.transaction('system', work);
  const client = new pg.Client({ connectionString: db.ownerUrl });
  await client.connect();
  try {
    return await work({ query: async (sql, params) => (await client.query(sql, params === undefined ? undefined : [...params])).rows });
  } finally {
    await client.end();
  }
}

describe.each(targets)('audit chain, backup and restore on %s', (target) => {
  let db: TestDatabase;
  let s: Seeded;
  const folder = mkdtempSync(join(tmpdir(), 'peakpath-backup-'));
  beforeAll(async () => {
    db = await openTestDatabase(target);
    s = await seed(db.store);
    const { document } = await db.store.createDocument(s.editorA, { entityId: s.cityA.id, kind: 'inventory', name: '2022', body: { year: 2022, lines: [{ fuel: '原煤', amount: { value: 1.5, unit: '万吨' } }] }, comment: '初稿' });
    await db.store.saveVersion(s.editorA, document.id, { expectedVersion: 1, body: { year: 2022, lines: [] }, comment: 'emptied' });
    await db.store.publish(s.editorA, document.id, 1);
    await db.store.addComment(s.coordinator, document.id, 2, 'why empty?');
  }, 120_000);
  afterAll(async () => {
    await db?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('records every change in a chain that verifies, newest first for the admin, and nobody else', async () => {
    const verdict = await db.store.verifyAudit();
    expect(verdict).toMatchObject({ ok: true });
    const page = await db.store.audit(s.admin, { limit: 200 });
    expect(page.total).toBe(verdict.records);
    expect(page.items[0]).toMatchObject({ seq: verdict.records, action: 'comment.add', actorId: s.coordinator.userId });
    expect(page.items.map((record) => record.action)).toContain('document.save');
    await expect(db.store.audit(s.editorA)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('backs up every table and restores into a fresh store: identical documents, a verifying chain with the same head', { timeout: 300_000 }, async () => {
    const file = join(folder, 'workspace.jsonl');
    const summary = await backupStore(db.store, file);
    expect(summary.rows['document_versions']).toBe(2);
    const fresh = await openTestDatabase(target);
    try {
      const restored = await restoreStore(fresh.store, file);
      expect(restored.rows).toEqual(summary.rows);
      const [original, copy] = await Promise.all([db.store.verifyAudit(), fresh.store.verifyAudit()]);
      expect(copy).toEqual(original);
      const documents = await db.store.documents(s.editorA, s.cityA.id);
      const copies = await fresh.store.documents(s.editorA, s.cityA.id);
      expect(copies).toEqual(documents);
      for (const document of documents.items) {
        for (let version = 1; version <= document.currentVersion; version++) {
          expect(await fresh.store.version(s.editorA, document.id, version)).toEqual(await db.store.version(s.editorA, document.id, version));
        }
      }
      // A second restore into the now non-empty store is refused.
      await expect(restoreStore(fresh.store, file)).rejects.toMatchObject({ code: 'conflict' });
    } finally {
      await fresh.dispose();
    }
  });

  it('restores a backup of an earlier build when the later migrations leave the rows as they were, and refuses one they change or a later build\'s', { timeout: 300_000 }, async () => {
    const file = join(folder, 'current.jsonl');
    await backupStore(db.store, file);
    const [headerLine, ...rest] = readFileSync(file, 'utf8').split('\n');
    const header = JSON.parse(headerLine!) as { schemaVersion: number; migrations: string[] };
    const written = (tags: string[], name: string): string => {
      const path = join(folder, name);
      writeFileSync(path, [JSON.stringify({ ...header, schemaVersion: tags.length, migrations: tags }), ...rest].join('\n'));
      return path;
    };
    const tags = migrations().map((migration) => migration.tag);
    expect(tags.at(-1)).toBe('0003_jobs_published');
    expect(migrations().map((migration) => migration.rowsUnchanged)).toEqual([false, false, false, true]);
    // Written before 0003 (policies only): restores, every row as in the backup.
    const fresh = await openTestDatabase(target);
    try {
      const restored = await restoreStore(fresh.store, written(tags.slice(0, 3), 'before-0003.jsonl'));
      expect(restored).toMatchObject({ schemaVersion: 4, rows: (await backupStore(db.store, join(folder, 'again.jsonl'))).rows });
      expect(await fresh.store.verifyAudit()).toEqual(await db.store.verifyAudit());
      // Written before 0002, whose file does not say it leaves the rows alone; or by a later build: refused, saying why.
      await expect(restoreStore(fresh.store, written(tags.slice(0, 2), 'before-0002.jsonl'))).rejects.toThrow(/the later migrations 0002_indexes change the tables/);
      await expect(restoreStore(fresh.store, written([...tags, '0004_future'], 'later.jsonl'))).rejects.toThrow(/schema version 5 differs from this build's 4: restore it with the same peakpath version/);
    } finally {
      await fresh.dispose();
    }
  });

  it('names the first tampered record, whether a field was changed or a record removed from the end', async () => {
    const before = await db.store.verifyAudit();
    expect(before.ok).toBe(true);
    await asOwner(db, (tx) => tx.query(`UPDATE audit_log SET detail = '{"comment":"rewritten"}' WHERE seq = 5`));
    const tampered = await db.store.verifyAudit();
    expect(tampered).toMatchObject({ ok: false, brokenAt: 5 });
    expect(tampered.ok ? '' : tampered.reason).toContain('do not match its hash');
  });
});
