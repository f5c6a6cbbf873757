import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { may, readsDrafts } from './access.ts';
import { entityFacts, grantsOfUser } from './guard.ts';
import { openStore, openStoreFromEnv } from './open.ts';
import type { Entity } from './store.ts';
import { adminUrl, openTestDatabase, targets, type TestDatabase } from './test/databases.ts';
import { seed, type Seeded } from './test/seed.ts';

describe.each(targets)('the SQL rules agree with access.ts on %s', (target) => {
  let db: TestDatabase;
  let s: Seeded;
  beforeAll(async () => {
    db = await openTestDatabase(target);
    s = await seed(db.store);
  }, 120_000);
  afterAll(async () => db?.dispose());

  it('for every seeded user × entity: read, write and comment', async () => {
    const entities: Entity[] = [s.cityA, s.cityB, s.districtA];
    const checked: string[] = [];
    for (const actor of [s.admin, s.editorA, s.editorB, s.viewerA, s.coordinator]) {
      for (const entity of entities) {
        const sql = await db.store.database.transaction({ userId: actor.userId }, async (tx) => {
          const [row] = await tx.query<{ r: boolean; w: boolean; c: boolean }>('SELECT peakpath_reads_entity($1) AS r, peakpath_writes_entity($1) AS w, peakpath_comments_entity($1) AS c', [entity.id]);
          return row!;
        });
        const { facts, grants } = await db.store.database.transaction('system', async (tx) => ({ facts: (await entityFacts(tx, entity.id))!, grants: await grantsOfUser(tx, actor.userId) }));
        expect({ who: actor.userId, entity: entity.slug, r: sql.r, w: sql.w, c: sql.c }).toEqual({ who: actor.userId, entity: entity.slug, r: readsDrafts(actor, grants, facts), w: may(actor, grants, 'write', facts), c: may(actor, grants, 'comment', facts) });
        checked.push(`${sql.r ? 'R' : '-'}${sql.w ? 'W' : '-'}${sql.c ? 'C' : '-'}`);
      }
    }
    // admin, editor A, editor B, viewer A, coordinator × city A, city B, district A
    expect(checked).toEqual(['RWC', 'RWC', 'RWC', 'RWC', '---', 'RWC', '---', 'RWC', '---', 'R--', '---', 'R--', 'R-C', '---', 'R-C']);
  });
});

describe.skipIf(adminUrl === null)('row-level security in PostgreSQL, behind the store', () => {
  let db: TestDatabase;
  let s: Seeded;
  let documentId: string;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    s = await seed(db.store);
    documentId = (await db.store.createDocument(s.editorA, { entityId: s.cityA.id, kind: 'inventory', name: '2022', body: { secret: 1 }, comment: '' })).document.id;
  }, 120_000);
  afterAll(async () => db?.dispose());

  /** Direct SQL as the app role, in one transaction with peakpath.user_id set to `userId` ('' for none). */
  async function asApp<T>(userId: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: db.appUrl! });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('peakpath.user_id', $1, true)`, [userId]);
      return await work(client);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }

  it('a cross-city SELECT returns no rows and a cross-city UPDATE changes none', async () => {
    const own = await asApp(s.editorA.userId, async (client) => (await client.query('SELECT id FROM documents WHERE entity_id = $1', [s.cityA.id])).rowCount);
    expect(own).toBe(1);
    await asApp(s.editorB.userId, async (client) => {
      expect((await client.query('SELECT * FROM documents WHERE entity_id = $1', [s.cityA.id])).rowCount).toBe(0);
      expect((await client.query('SELECT * FROM document_versions WHERE document_id = $1', [documentId])).rowCount).toBe(0);
      expect((await client.query('SELECT * FROM entities WHERE id = $1', [s.cityA.id])).rowCount).toBe(0);
      expect((await client.query(`UPDATE documents SET name = 'stolen' WHERE id = $1`, [documentId])).rowCount).toBe(0);
    });
    await asApp('', async (client) => {
      expect((await client.query('SELECT * FROM documents')).rowCount).toBe(0);
    });
    const insert = await asApp(s.editorB.userId, (client) =>
      client.query(`INSERT INTO document_versions (document_id, version, body, author_id, created_at, comment, body_hash) VALUES ($1, 99, '{}', $2, now(), '', '')`, [documentId, s.editorB.userId]).catch((error: unknown) => error),
    );
    expect(String(insert)).toContain('row-level security');
  });

  it('the app role may not UPDATE or DELETE the audit trail', async () => {
    const update = await asApp(s.admin.userId, (client) => client.query(`UPDATE audit_log SET action = 'x'`).catch((error: unknown) => error));
    expect(String(update)).toContain('permission denied');
    const remove = await asApp(s.admin.userId, (client) => client.query('DELETE FROM audit_log').catch((error: unknown) => error));
    expect(String(remove)).toContain('permission denied');
  });

  it('refuses to run as a superuser (the owner here), with the fix in the message', async () => {
    const refused = await openStore({ url: db.ownerUrl! }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'unsafe-role' });
    const message = (refused as Error).message;
    expect(message).toContain('superuser');
    expect(message).toContain('CREATE ROLE peakpath_app LOGIN');
    expect(message).toContain('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log');
    expect(message).toContain('行级安全');
  });

  it('openStoreFromEnv: DATABASE_URL wins over any data folder', async () => {
    const store = await openStoreFromEnv({ DATABASE_URL: db.appUrl!, PEAKPATH_DATA_DIR: '/nonexistent/peakpath' }, '/nonexistent/default');
    try {
      expect(store.kind).toBe('postgres');
      expect(await store.countUsers()).toBe(5);
    } finally {
      await store.close();
    }
  });
});
