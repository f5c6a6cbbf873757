import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyHash } from './canonical.ts';
import { StoreError } from './store.ts';
import { openTestDatabase, targets, type TestDatabase } from './test/databases.ts';
import { seed, type Seeded } from './test/seed.ts';

describe.each(targets)('documents and versions on %s', (target) => {
  let db: TestDatabase;
  let s: Seeded;
  beforeAll(async () => {
    db = await openTestDatabase(target);
    s = await seed(db.store);
  }, 120_000);
  afterAll(async () => db?.dispose());

  it('saves immutable versions with author, comment and body hash, and refuses a stale expectedVersion with the current document', async () => {
    const { store } = db;
    const { document, version } = await store.createDocument(s.editorA, { entityId: s.cityA.id, kind: 'inventory', name: '2022', body: { year: 2022, lines: [] }, comment: 'first' });
    expect(document.currentVersion).toBe(1);
    expect(version).toMatchObject({ version: 1, authorId: s.editorA.userId, comment: 'first', bodyHash: bodyHash({ lines: [], year: 2022 }), restoredFrom: null });
    const second = await store.saveVersion(s.editorA, document.id, { expectedVersion: 1, body: { year: 2022, lines: [{ amount: 5 }] }, comment: 'a line' });
    expect(second.version).toBe(2);
    const stale = await store.saveVersion(s.editorA, document.id, { expectedVersion: 1, body: { year: 2023 }, comment: 'stale' }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(StoreError);
    expect((stale as StoreError).code).toBe('version-conflict');
    expect((stale as StoreError).current?.currentVersion).toBe(2);
    expect((await store.version(s.editorA, document.id, 1)).body).toEqual({ year: 2022, lines: [] });
    expect((await store.version(s.editorA, document.id)).version).toBe(2);

    const restored = await store.restoreVersion(s.editorA, document.id, { expectedVersion: 2, version: 1, comment: 'back' });
    expect(restored).toMatchObject({ version: 3, restoredFrom: 1, bodyHash: version.bodyHash });
    const listed = await store.versions(s.editorA, document.id);
    expect(listed.items.map((item) => item.version)).toEqual([3, 2, 1]);
    expect(listed.total).toBe(3);
  });

  it('keeps another city out: the other editor gets not-found, the viewer may not write, the public sees only the published version', async () => {
    const { store } = db;
    const { document } = await store.createDocument(s.editorA, { entityId: s.cityA.id, kind: 'pathway', name: 'baseline', body: { v: 1 }, comment: '' });
    await expect(store.document(s.editorB, document.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.saveVersion(s.editorB, document.id, { expectedVersion: 1, body: {}, comment: '' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.saveVersion(s.viewerA, document.id, { expectedVersion: 1, body: {}, comment: '' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(store.document({ kind: 'public' }, document.id)).rejects.toMatchObject({ code: 'not-found' });
    await store.saveVersion(s.editorA, document.id, { expectedVersion: 1, body: { v: 2 }, comment: '' });
    await store.publish(s.editorA, document.id, 1);
    const publicVersion = await store.version({ kind: 'public' }, document.id);
    expect(publicVersion).toMatchObject({ version: 1, body: { v: 1 } });
    await expect(store.version({ kind: 'public' }, document.id, 2)).rejects.toMatchObject({ code: 'not-found' });
    expect((await store.listEntities({ kind: 'public' })).items.map((entity) => entity.slug)).toEqual([s.cityA.slug]);
    expect((await store.listEntities(s.editorB)).items.map((entity) => entity.slug)).toEqual([s.cityA.slug, s.cityB.slug]);
    const comment = await store.addComment(s.coordinator, document.id, 2, '请核对电力数据');
    expect((await store.comments(s.editorA, document.id)).items).toEqual([comment]);
  });

  it('keeps a district document on a city: a district entity may not hold one, and says so naming kind', async () => {
    const { store } = db;
    const { document } = await store.createDocument(s.editorA, { entityId: s.cityA.id, kind: 'district', name: 'parts', body: { city: { inventory: '2022' } }, comment: '' });
    expect(document.kind).toBe('district');
    const refused = await store.createDocument(s.editorA, { entityId: s.districtA.id, kind: 'district', name: 'parts', body: {}, comment: '' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).code).toBe('invalid');
    expect((refused as StoreError).message).toContain('kind: a district document belongs to a city (kind: city); this entity is a district');
    expect((refused as StoreError).message).toContain('kind：区县园区文档只能属于城市');
  });

  it('loses no update among 50 concurrent writers, each retrying on conflict', { timeout: 300_000 }, async () => {
    const { store } = db;
    const { document } = await store.createDocument(s.editorA, { entityId: s.cityA.id, kind: 'plan', name: 'race', body: { writers: [] }, comment: '' });
    const writers = Array.from({ length: 50 }, (_, index) => `writer-${index}`);
    let conflicts = 0;
    await Promise.all(
      writers.map(async (writer) => {
        for (;;) {
          const current = await store.version(s.editorA, document.id);
          const body = current.body as { writers: string[] };
          try {
            await store.saveVersion(s.editorA, document.id, { expectedVersion: current.version, body: { writers: [...body.writers, writer] }, comment: writer });
            return;
          } catch (error) {
            if (!(error instanceof StoreError && error.code === 'version-conflict')) throw error;
            conflicts += 1;
          }
        }
      }),
    );
    const final = await store.version(s.editorA, document.id);
    expect(final.version).toBe(51);
    expect([...(final.body as { writers: string[] }).writers].sort()).toEqual([...writers].sort());
    const verdict = await store.verifyAudit();
    expect(verdict.ok).toBe(true);
    console.log(`${target}: 50 writers, ${conflicts} conflicts retried`);
  });
});
