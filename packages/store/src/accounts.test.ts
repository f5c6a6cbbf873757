import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, targets, type TestDatabase } from './test/databases.ts';
import { seed, type Seeded } from './test/seed.ts';

describe.each(targets)('users, sessions, tokens, cached results and jobs on %s', (target) => {
  let db: TestDatabase;
  let s: Seeded;
  beforeAll(async () => {
    db = await openTestDatabase(target);
    s = await seed(db.store);
  }, 120_000);
  afterAll(async () => db?.dispose());

  it('creates users (the first without an admin, later ones only by an admin), finds them by e-mail in any case', async () => {
    const { store } = db;
    expect(await store.countUsers()).toBe(5);
    await expect(store.createUser(s.editorA, { email: 'x@example.org', name: 'X', passwordHash: 'h' })).rejects.toMatchObject({ code: 'forbidden' });
    const found = await store.userByEmail('T-EDITOR-A@example.org');
    expect(found).toMatchObject({ id: s.editorA.userId, email: 't-editor-a@example.org', passwordHash: 'x', admin: false, disabled: false });
    await expect(store.createUser(s.admin, { email: 't-editor-a@example.org', name: 'again', passwordHash: 'h' })).rejects.toMatchObject({ code: 'conflict' });
    const invalid = (await store.createUser(s.admin, { email: 'not an address', name: '', passwordHash: 'h' }).catch((error: unknown) => error)) as Error;
    expect(invalid).toMatchObject({ code: 'invalid' });
    // Every problem at once, each naming its field, in both languages.
    expect(invalid.message).toContain('email：应为电子邮件地址');
    expect(invalid.message).toContain('name: expected a non-empty text');
    expect(await store.userById('not-a-uuid')).toBeNull();
  });

  it('keeps sessions until they expire or the password changes, and API tokens until revoked', async () => {
    const { store } = db;
    await store.createSession(s.editorA.userId, 'hash-1', '2030-01-01T00:00:00.000Z');
    expect(await store.sessionByHash('hash-1', '2029-12-31T23:59:59.000Z')).toEqual({ userId: s.editorA.userId, expiresAt: '2030-01-01T00:00:00.000Z' });
    expect(await store.sessionByHash('hash-1', '2030-01-01T00:00:00.000Z')).toBeNull();
    await store.setPasswordHash(s.editorA, s.editorA.userId, 'new-hash');
    expect(await store.sessionByHash('hash-1', '2029-01-01T00:00:00.000Z')).toBeNull();
    const token = await store.createApiToken(s.editorA, 'ci', 'token-hash');
    expect(await store.apiTokenByHash('token-hash')).toEqual({ id: token.id, userId: s.editorA.userId });
    await expect(store.revokeApiToken(s.editorB, token.id)).rejects.toMatchObject({ code: 'not-found' });
    await store.revokeApiToken(s.editorA, token.id);
    expect(await store.apiTokenByHash('token-hash')).toBeNull();
    await store.auditSignIn(null, 'Nobody@example.org', false);
    const [last] = (await store.audit(s.admin, { limit: 1 })).items;
    expect(last).toMatchObject({ action: 'user.sign-in-failed', actorId: null, target: 'email:nobody@example.org' });
  });

  it('caches results by document, version, engine version and kind; runs jobs as rows', async () => {
    const { store } = db;
    const { document } = await store.createDocument(s.editorA, { entityId: s.cityA.id, kind: 'inventory', name: 'cached', body: { a: 1 }, comment: '' });
    expect(await store.cachedResult(document.id, 1, '0.1.0', 'inventory')).toBeUndefined();
    await store.cacheResult(document.id, 1, '0.1.0', 'inventory', { total: 12.5 });
    expect(await store.cachedResult(document.id, 1, '0.1.0', 'inventory')).toEqual({ total: 12.5 });
    expect(await store.cachedResult(document.id, 1, '0.2.0', 'inventory')).toBeUndefined();
    const job = await store.createJob(s.editorA, { kind: 'monte-carlo', documentId: document.id, version: 1 });
    expect(job).toMatchObject({ status: 'queued', progress: 0, result: null, finishedAt: null });
    await store.updateJob(job.id, { status: 'running', progress: 0.5 });
    const done = await store.updateJob(job.id, { status: 'done', progress: 1, result: { p50: 3 } });
    // A finished job is final: a late cancellation (from another process) leaves it done, with its result.
    expect(await store.updateJob(job.id, { status: 'cancelled' })).toMatchObject({ status: 'done', result: { p50: 3 } });
    expect(done).toMatchObject({ status: 'done', progress: 1, result: { p50: 3 }, error: null });
    expect(done.finishedAt).not.toBeNull();
    expect(await store.job(s.viewerA, job.id)).toEqual(done);
    await expect(store.job(s.editorB, job.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('pages lists with an opaque cursor and refuses a bad limit', async () => {
    const { store } = db;
    const first = await store.listEntities(s.admin, { limit: 2 });
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    const second = await store.listEntities(s.admin, { limit: 2, cursor: first.next! });
    expect(second.items.map((entity) => entity.slug)).toEqual([s.districtA.slug]);
    expect(second.next).toBeNull();
    await expect(store.listEntities(s.admin, { limit: 0 })).rejects.toMatchObject({ code: 'invalid' });
  });
});
