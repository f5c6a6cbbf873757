/**
 * The API on a real store: documents and concurrency, results by version, diffs, the city summary,
 * errors, pagination, tokens and sign-in. PGlite always; PostgreSQL too with PEAKPATH_TEST_DATABASE_URL.
 */
import type { InventoryJson } from '@peakpath/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, targets, type Fixture } from './fixture.ts';

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);

describe.each(targets)('API on %s', (target) => {
  let f: Fixture;
  let editor: Record<string, string>;
  beforeAll(async () => {
    f = await openFixture(target);
    editor = f.credentials.editorA.headers;
  }, 240_000);
  afterAll(async () => f?.dispose());

  const get = (url: string, headers: Record<string, string> = editor) => f.app.inject({ method: 'GET', url, headers });

  it('reports the database and engine version at /api/health', async () => {
    const response = await get('/api/health', {});
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, database: target });
    expect((response.json() as Json)['engineVersion']).toMatch(/^\d+\.\d+\.\d+\+library\.[\d.]+\+output\.2$/);
  });

  it('gives each document an ETag; PUT needs If-Match (428), a stale one is 412 with the current document', async () => {
    const id = f.documents.A.draft.id;
    const read = await get(`/api/documents/${id}`);
    const version = (read.json() as { version: { version: number } }).version.version;
    expect(read.headers['etag']).toBe(`"${version}"`);
    const put = (ifMatch: string | undefined) => f.app.inject({ method: 'PUT', url: `/api/documents/${id}`, headers: { ...editor, ...(ifMatch ? { 'if-match': ifMatch } : {}) }, payload: { body: f.inventoryBody, comment: 'etag test' } });
    const missing = await put(undefined);
    expect(missing.statusCode).toBe(428);
    expect((missing.json() as { error: { code: string } }).error.code).toBe('precondition-required');
    const saved = await put(`"${version}"`);
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['etag']).toBe(`"${version + 1}"`);
    const stale = await put(`"${version}"`);
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ error: { code: 'version-conflict', current: { id, currentVersion: version + 1 } } });
  });

  it('loses no update among 50 concurrent writers that retry on 412', async () => {
    const { document } = await f.store.createDocument(f.admin, { entityId: f.cities.A.id, kind: 'pathway', name: 'concurrency', body: { writers: [] }, comment: '' });
    let conflicts = 0;
    const writer = async (n: number) => {
      for (;;) {
        const read = (await get(`/api/documents/${document.id}`)).json() as { version: { version: number; body: { writers: number[] } } };
        const body = { writers: [...read.version.body.writers, n] };
        const put = await f.app.inject({ method: 'PUT', url: `/api/documents/${document.id}`, headers: { ...editor, 'if-match': `"${read.version.version}"` }, payload: { body } });
        if (put.statusCode === 200) return;
        expect(put.statusCode).toBe(412);
        conflicts++;
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, n) => writer(n)));
    const final = (await get(`/api/documents/${document.id}`)).json() as { document: { currentVersion: number }; version: { body: { writers: number[] } } };
    expect([...final.version.body.writers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect(final.document.currentVersion).toBe(51);
    console.log(`50 concurrent writers on ${target}: ${conflicts} conflicts answered 412 and retried, 0 lost updates`);
  }, 120_000);

  it('computes results by version: a new version is a new result, an old version keeps its own (never stale)', async () => {
    const { document } = await f.store.createDocument(f.admin, { entityId: f.cities.A.id, kind: 'inventory', name: 'by-version', body: f.inventoryBody, comment: '' });
    const first = await get(`/api/documents/${document.id}/result`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-peakpath-cache']).toBe('miss');
    const again = await get(`/api/documents/${document.id}/result`);
    expect(again.headers['x-peakpath-cache']).toBe('hit');
    const before = (first.json() as { result: InventoryJson }).result;
    expect((again.json() as { result: InventoryJson }).result.totals).toEqual(before.totals);

    const body = clone(f.inventoryBody) as { activities: Json[] };
    expect(body.activities[0]).toMatchObject({ gpc: 'I.1.1', fuel: 'natural_gas', amount: 3.2 });
    body.activities[0]!['amount'] = 6.4;
    const saved = await f.app.inject({ method: 'PUT', url: `/api/documents/${document.id}`, headers: { ...editor, 'if-match': '"1"' }, payload: { body } });
    expect(saved.statusCode).toBe(200);
    const after = (await get(`/api/documents/${document.id}/result`)).json() as { version: number; result: InventoryJson };
    expect(after.version).toBe(2);
    // Doubling one line adds exactly that line's emissions again.
    const line = before.lines.find((candidate) => candidate.index === 0)!;
    expect(after.result.totals.basic - before.totals.basic).toBeCloseTo(line.co2e, 3);
    const old = (await get(`/api/documents/${document.id}/result?version=1`)).json() as { version: number; result: InventoryJson };
    expect(old.version).toBe(1);
    expect(old.result.totals.basic).toBe(before.totals.basic);

    const diff = (await get(`/api/documents/${document.id}/diff?from=1&to=2`)).json() as {
      lines: { kind: string; path: string; old: number; new: number }[];
      result: { totals: { basic: { change: number } }; bySector: { sector: string; basic: { change: number } }[]; linesChanged: number; topLines: { key: string; change: number }[] };
    };
    expect(diff.lines).toEqual([{ kind: 'changed', path: 'activities[0].amount', old: 3.2, new: 6.4 }]);
    expect(diff.result.totals.basic.change).toBeCloseTo(line.co2e, 3);
    expect(diff.result.bySector.find((sector) => sector.sector === 'I')!.basic.change).toBeCloseTo(line.co2e, 3);
    expect(diff.result.bySector.find((sector) => sector.sector === 'II')!.basic.change).toBe(0);
    expect(diff.result.linesChanged).toBe(1);
    expect(diff.result.topLines[0]).toMatchObject({ key: 'I.1.1 natural_gas#1' });
    expect(diff.result.topLines[0]!.change).toBeCloseTo(line.co2e, 6);
  });

  it('runs a pathway scenario and a plan MACC from the documents they name, keyed by their inputs\' versions', async () => {
    const pathway = await get(`/api/documents/${f.documents.A.pathway.id}/result?scenario=policy`);
    expect(pathway.statusCode).toBe(200);
    const run = pathway.json() as { from: string; result: { scenario: { id: string }; comparison: unknown[] } };
    expect(run.from).toBe(`${f.documents.A.pathway.id}@1,${f.documents.A.inventory.id}@1`);
    expect(run.result.scenario.id).toBe('policy');
    expect(run.result.comparison.length).toBeGreaterThan(1);
    const unknown = await get(`/api/documents/${f.documents.A.pathway.id}/result?scenario=nope`);
    expect(unknown.statusCode).toBe(422);
    const plan = await get(`/api/documents/${f.documents.A.plan.id}/result`);
    expect(plan.statusCode).toBe(200);
    const macc = (plan.json() as { result: { macc: { year: number; entries: { abatement: number }[]; totalAbatement: number } } }).result.macc;
    expect(macc.entries.length).toBeGreaterThan(0);
    expect(macc.entries.reduce((sum, entry) => sum + entry.abatement, 0)).toBeCloseTo(macc.totalAbatement, 3);
  });

  it('answers a bad document with 422 and the engine\'s issues, each with its document and path', async () => {
    const body = clone(f.inventoryBody) as { activities: Json[] };
    body.activities[0]!['amount'] = 'lots';
    body.activities[1]!['unit'] = 'bananas';
    const { document } = await f.store.createDocument(f.admin, { entityId: f.cities.A.id, kind: 'inventory', name: 'broken', body, comment: '' });
    const response = await get(`/api/documents/${document.id}/result`);
    expect(response.statusCode).toBe(422);
    const error = (response.json() as { error: { code: string; issues: { path: unknown[]; document: unknown; message: { en: string; zh: string } }[] } }).error;
    expect(error.code).toBe('invalid-document');
    expect(error.issues.map((issue) => issue.path)).toEqual([['activities', 0, 'amount'], ['activities', 1, 'unit']]);
    for (const issue of error.issues) {
      expect(issue.document).toEqual({ kind: 'inventory', id: document.id });
      expect(issue.message.en.length).toBeGreaterThan(0);
      expect(issue.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('answers bad requests with 400 naming every field, never 500', async () => {
    const admin = f.credentials.admin.headers;
    const response = await f.app.inject({ method: 'POST', url: '/api/entities', headers: admin, payload: { slug: 'Bad Slug', kind: 'planet', name: '', country: 'china', extra: 1 } });
    expect(response.statusCode).toBe(400);
    const issues = (response.json() as { error: { issues: { path: unknown[]; message: { en: string; zh: string } }[] } }).error.issues;
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual(['body', 'body.country', 'body.kind', 'body.name', 'body.slug']);
    for (const [url, status] of [['/api/documents/not-a-uuid', 400], ['/api/documents/00000000-0000-4000-8000-000000000000', 404], ['/api/documents/x/versions?limit=0', 400], ['/api/nothing', 404]] as const) {
      const bad = await get(url);
      expect(bad.statusCode, url).toBe(status);
      expect(Object.keys(bad.json() as object)).toEqual(['error']);
    }
    const notJson = await f.app.inject({ method: 'POST', url: '/api/tokens', headers: { ...editor, 'content-type': 'application/json' }, payload: '{"name":' });
    expect(notJson.statusCode).toBe(400);
  });

  it('pages versions with ?limit= and next', async () => {
    const id = f.documents.A.draft.id;
    const total = (await f.store.document(f.admin, id)).currentVersion;
    const seen: number[] = [];
    let url: string | null = `/api/documents/${id}/versions?limit=2`;
    while (url) {
      const page = (await get(url)).json() as { items: { version: number }[]; next: string | null; total: number };
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.total).toBe(total);
      seen.push(...page.items.map((item) => item.version));
      url = page.next ? `/api/documents/${id}/versions?limit=2&cursor=${encodeURIComponent(page.next)}` : null;
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, n) => n + 1));
  });

  it('summarises a city: the public sees the published inventory, the editor the current one', async () => {
    const city = f.cities.B;
    const publicView = (await get(`/api/entities/${city.id}/summary`, {})).json() as { inventory: { version: number; totals: { basic: number }; basicPerCapita: number; energyCo2: number } };
    const published = (await get(`/api/documents/${f.documents.B.inventory.id}/result`, {})).json() as { result: InventoryJson };
    expect(publicView.inventory.version).toBe(1);
    expect(publicView.inventory.totals.basic).toBe(published.result.totals.basic);
    expect(publicView.inventory.basicPerCapita).toBe(published.result.intensity.perCapita);
    expect(publicView.inventory.energyCo2).toBe(published.result.official.energyCo2.total);

    const editorB = f.credentials.editorB.headers;
    const body = clone((await f.store.version(f.admin, f.documents.B.inventory.id)).body) as { activities: Json[] };
    body.activities[0]!['amount'] = (body.activities[0]!['amount'] as number) * 2;
    const saved = await f.app.inject({ method: 'PUT', url: `/api/documents/${f.documents.B.inventory.id}`, headers: { ...editorB, 'if-match': '"1"' }, payload: { body } });
    expect(saved.statusCode).toBe(200);
    const editorView = (await get(`/api/entities/${city.id}/summary`, editorB)).json() as { inventory: { version: number; totals: { basic: number } } };
    expect(editorView.inventory.version).toBe(2);
    expect(editorView.inventory.totals.basic).toBeGreaterThan(publicView.inventory.totals.basic);
    const stillPublic = (await get(`/api/entities/${city.id}/summary`, {})).json() as { inventory: { version: number; totals: { basic: number } } };
    expect(stillPublic.inventory).toMatchObject({ version: 1, totals: { basic: publicView.inventory.totals.basic } });
  });

  it('summarises a city’s intensity per GDP and its pathway’s peak status as the pathway result says', async () => {
    const city = f.cities.B;
    const summary = (await get(`/api/entities/${city.id}/summary`, {})).json() as {
      inventory: { basicPerGdp: number | null };
      pathway: { computed: boolean; documentId: string; scenario: { id: string }; peak: { year: number | null }; officialPeak: { year: number | null } | null; peakTargets: { id: string; met: boolean }[] };
    };
    const inventory = (await get(`/api/documents/${f.documents.B.inventory.id}/result`, {})).json() as { result: InventoryJson };
    expect(summary.inventory.basicPerGdp).toBe(inventory.result.intensity.perGdp);
    expect(summary.inventory.basicPerGdp).toBeGreaterThan(0);
    const run = (await get(`/api/documents/${f.documents.B.pathway.id}/result`, {})).json() as { result: { scenario: { id: string }; peak: { year: number | null }; official: { peak: { year: number | null } }; targets: { id: string; kind: string; met: boolean }[] } };
    expect(summary.pathway).toMatchObject({ computed: true, documentId: f.documents.B.pathway.id, scenario: { id: run.result.scenario.id }, peak: run.result.peak, officialPeak: run.result.official.peak });
    expect(summary.pathway.peakTargets).toEqual(run.result.targets.filter((target) => target.kind === 'peak').map((target) => expect.objectContaining({ id: target.id, met: target.met })));
  });

  it('signs in with an HttpOnly SameSite=Strict cookie, signs out, and serves scripts by API token until revoked', async () => {
    const signIn = await f.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'viewera@example.org', password: 'correct horse battery staple' } });
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/^peakpath_session=[A-Za-z0-9_-]{43}; Path=\/api; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    const session = { cookie: cookie.split(';')[0]!, 'x-csrf-token': (signIn.json() as { csrfToken: string }).csrfToken };
    expect(((await get('/api/me', session)).json() as { user: { email: string } }).user.email).toBe('viewera@example.org');
    expect((await f.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: session })).statusCode).toBe(204);
    expect((await get('/api/me', session)).statusCode).toBe(401);

    const created = await f.app.inject({ method: 'POST', url: '/api/tokens', headers: editor, payload: { name: 'nightly import' } });
    const { id, token } = created.json() as { id: string; token: string };
    expect(token).toMatch(/^ppt_[A-Za-z0-9_-]{43}$/);
    const bearer = { authorization: `Bearer ${token}` };
    expect(((await get('/api/me', bearer)).json() as { via: string; user: { email: string } })).toMatchObject({ via: 'token', user: { email: 'editora@example.org' } });
    // A token needs no CSRF token: no browser sends it by itself.
    const write = await f.app.inject({ method: 'POST', url: `/api/documents/${f.documents.A.draft.id}/comments`, headers: bearer, payload: { version: 1, text: 'from a script' } });
    expect(write.statusCode).toBe(201);
    expect((await f.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: bearer })).statusCode).toBe(204);
    expect((await get('/api/me', bearer)).statusCode).toBe(401);
  });
});
