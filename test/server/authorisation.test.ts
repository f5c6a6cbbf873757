/**
 * The authorisation matrix: every registered route × every role × a record of city A and of city B,
 * against the expected table below. The route list comes from the app itself, so a route added without
 * a row here fails the test; a route that forgets its check answers where the table says it must refuse.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { TABLE_MEDIA_TYPES, writeCsv } from '@peakpath/node';
import { linesTable } from '@peakpath/core';
import { registeredRoutes } from '@peakpath/server';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, ROLES, signIn, targets, type Fixture, type Role } from './fixture.ts';

type City = 'A' | 'B';
type Outcome = 'ok' | 'refused' | 'unauth';
type Rule = (role: Role, city: City) => Outcome;
type Build = (f: Fixture, city: City, role: Role) => Promise<Omit<InjectOptions, 'method' | 'url'> & { url: string }>;

/** The city a role belongs to, if any: the admin belongs everywhere. */
const home: Partial<Record<Role, City>> = { editorA: 'A', viewerA: 'A', coordinator: 'A', editorB: 'B' };

const signedOut = (role: Role): Outcome | null => (role === 'badToken' ? 'unauth' : null);
const rules = {
  everyone: (role) => signedOut(role) ?? 'ok',
  anyUser: (role) => signedOut(role) ?? (role === 'public' ? 'unauth' : 'ok'),
  adminOnly: (role) => signedOut(role) ?? (role === 'public' ? 'unauth' : role === 'admin' ? 'ok' : 'refused'),
  /** The records of a city that are not published: its people, its network's coordinator, admins. */
  readCity: (role, city) => signedOut(role) ?? (role === 'admin' || home[role] === city ? 'ok' : 'refused'),
  writeCity: (role, city) => signedOut(role) ?? (role === 'public' ? 'unauth' : role === 'admin' || ((role === 'editorA' || role === 'editorB') && home[role] === city) ? 'ok' : 'refused'),
  commentCity: (role, city) => signedOut(role) ?? (role === 'public' ? 'unauth' : role === 'admin' || ((role === 'editorA' || role === 'editorB' || role === 'coordinator') && home[role] === city) ? 'ok' : 'refused'),
  /** A cluster with no document of its own and no role on it: the admin alone reads it. */
  readCluster: (role) => signedOut(role) ?? (role === 'admin' ? 'ok' : 'refused'),
  /** A user's own grants or tokens (here the editor of the city's): that user and admins. */
  ownUser: (role, city) => signedOut(role) ?? (role === 'public' ? 'unauth' : role === 'admin' || role === `editor${city}` ? 'ok' : 'refused'),
  /** A city's unpublished records behind a route that asks for a signed-in user first (the public: 401). */
  readCityUser: (role, city) => signedOut(role) ?? (role === 'public' ? 'unauth' : role === 'admin' || home[role] === city ? 'ok' : 'refused'),
  signInWrongPassword: () => 'unauth',
} satisfies Record<string, Rule>;

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomBytes(3).toString('hex')}`;
const current = async (f: Fixture, id: string) => (await f.store.document(f.admin, id)).currentVersion;
const editorOf = (f: Fixture, city: City) => (city === 'A' ? f.users.editorA : f.users.editorB);

const draftPathways = new Map<string, Promise<{ id: string }>>();
/** One unpublished copy of the city's pathway per fixture and city. */
const draftPathway = (f: Fixture, city: City) => {
  const key = `${f.target}:${city}`;
  if (!draftPathways.has(key)) {
    draftPathways.set(key, (async () => {
      const body = (await f.store.version(f.admin, f.documents[city].pathway.id)).body;
      return (await f.store.createDocument(f.admin, { entityId: f.cities[city].id, kind: 'pathway', name: unique('pathway-draft'), body, comment: 'never published' })).document;
    })());
  }
  return draftPathways.get(key)!;
};
/** A finished job of the city's editor on its unpublished pathway. */
const finishedJob = async (f: Fixture, city: City) => {
  const pathway = await draftPathway(f, city);
  const job = await f.store.createJob(editorOf(f, city), { kind: 'monte-carlo', documentId: pathway.id, version: 1 });
  return f.store.updateJob(job.id, { status: 'done', progress: 1, result: { runs: 0 } });
};
const energyBalanceExample = () => readFile('examples/energy-balance/example.xlsx');

const TABLE: Record<string, { rule: Rule; build: Build }> = {
  'GET /openapi.json': { rule: rules.everyone, build: async () => ({ url: '/openapi.json' }) },
  'GET /api/health': { rule: rules.everyone, build: async () => ({ url: '/api/health' }) },
  'POST /api/auth/sign-in': { rule: rules.signInWrongPassword, build: async () => ({ url: '/api/auth/sign-in', payload: { email: 'editora@example.org', password: 'wrong password' } }) },
  'POST /api/auth/sign-out': {
    rule: rules.anyUser,
    // A session of its own, so that signing out does not end the session the other rows use.
    build: async (f, _city, role) => ({ url: '/api/auth/sign-out', headers: role in f.users ? await signIn(f.app, role === 'admin' ? 'admin@example.org' : `${role.toLowerCase()}@example.org`) : f.credentials[role].headers }),
  },
  'GET /api/me': { rule: rules.anyUser, build: async () => ({ url: '/api/me' }) },
  'POST /api/tokens': { rule: rules.anyUser, build: async () => ({ url: '/api/tokens', payload: { name: unique('script') } }) },
  'DELETE /api/tokens/:id': {
    rule: rules.ownUser,
    build: async (f, city) => ({ url: `/api/tokens/${(await f.store.createApiToken(editorOf(f, city), unique('t'), randomBytes(32).toString('hex'))).id}` }),
  },
  'POST /api/users': { rule: rules.adminOnly, build: async () => ({ url: '/api/users', payload: { email: `${unique('user')}@example.org`, name: 'New', password: 'a long enough password' } }) },
  'GET /api/users/:id/grants': { rule: rules.ownUser, build: async (f, city) => ({ url: `/api/users/${editorOf(f, city).userId}/grants` }) },
  'POST /api/grants': {
    rule: rules.adminOnly,
    build: async (f, city) => {
      const user = await f.store.createUser(f.admin, { email: `${unique('grantee')}@example.org`, name: 'Grantee', passwordHash: 'x' });
      return { url: '/api/grants', payload: { userId: user.id, role: 'viewer', entityId: f.cities[city].id } };
    },
  },
  'DELETE /api/grants': {
    rule: rules.adminOnly,
    build: async (f, city) => {
      const user = await f.store.createUser(f.admin, { email: `${unique('revokee')}@example.org`, name: 'Revokee', passwordHash: 'x' });
      const grant = { userId: user.id, role: 'viewer', entityId: f.cities[city].id, networkId: null } as const;
      await f.store.grant(f.admin, grant);
      return { url: '/api/grants', payload: grant };
    },
  },
  'GET /api/audit': { rule: rules.adminOnly, build: async () => ({ url: '/api/audit?limit=5' }) },
  'GET /api/networks': { rule: rules.everyone, build: async () => ({ url: '/api/networks' }) },
  'POST /api/networks': { rule: rules.adminOnly, build: async () => ({ url: '/api/networks', payload: { slug: unique('net'), kind: 'network', name: 'N' } }) },
  'GET /api/networks/:id/practices': { rule: rules.everyone, build: async (f) => ({ url: `/api/networks/${f.network.id}/practices?text=bus` }) },
  'GET /api/networks/:id/members': { rule: rules.everyone, build: async (f) => ({ url: `/api/networks/${f.network.id}/members` }) },
  'POST /api/networks/:id/members': {
    rule: rules.adminOnly,
    build: async (f, city) => ({ url: `/api/networks/${(await f.store.createNetwork(f.admin, { slug: unique('n'), kind: 'network', name: 'N', nameZh: null })).id}/members`, payload: { entityId: f.cities[city].id } }),
  },
  'GET /api/entities': { rule: rules.everyone, build: async () => ({ url: '/api/entities' }) },
  'POST /api/entities': { rule: rules.adminOnly, build: async (f, city) => ({ url: '/api/entities', payload: { slug: unique('d'), kind: 'district', name: 'D', country: 'CN', parentId: f.cities[city].id } }) },
  // Both cities have published documents: their entities, summaries and lists are public.
  'GET /api/entities/:id': { rule: rules.everyone, build: async (f, city) => ({ url: `/api/entities/${f.cities[city].id}` }) },
  // Everyone reads a city's report of what they may read (the public: published versions; test/server/report.test.ts).
  'GET /api/entities/:id/report': {
    rule: rules.everyone,
    build: async (f, city) => ({ url: `/api/entities/${f.cities[city].id}/report?year=2022&runs=0&plan=${encodeURIComponent(f.documents[city].plan.name)}&inventories=${encodeURIComponent(f.documents[city].inventory.name)}` }),
  },
  'GET /api/entities/:id/summary': { rule: rules.everyone, build: async (f, city) => ({ url: `/api/entities/${f.cities[city].id}/summary` }) },
  'GET /api/entities/:id/documents': { rule: rules.everyone, build: async (f, city) => ({ url: `/api/entities/${f.cities[city].id}/documents` }) },
  'GET /api/entities/:id/members': { rule: rules.readCluster, build: async (f, city) => ({ url: `/api/entities/${f.clusters[city].id}/members` }) },
  'PUT /api/entities/:id/members': { rule: rules.adminOnly, build: async (f, city) => ({ url: `/api/entities/${f.clusters[city].id}/members`, payload: { memberIds: [f.cities[city].id] } }) },
  'POST /api/entities/:id/documents': { rule: rules.writeCity, build: async (f, city) => ({ url: `/api/entities/${f.cities[city].id}/documents`, payload: { kind: 'inventory', name: unique('inv'), body: f.inventoryBody } }) },
  'GET /api/documents/:id': { rule: rules.readCity, build: async (f, city) => ({ url: `/api/documents/${f.documents[city].draft.id}` }) },
  'PUT /api/documents/:id': {
    rule: rules.writeCity,
    build: async (f, city) => {
      const id = f.documents[city].draft.id;
      return { url: `/api/documents/${id}`, headers: { 'if-match': `"${await current(f, id)}"` }, payload: { body: f.inventoryBody, comment: 'matrix' } };
    },
  },
  'POST /api/documents/:id/publish': {
    rule: rules.writeCity,
    // A document of its own, so that publishing does not open the draft the read rows use.
    build: async (f, city) => {
      const { document } = await f.store.createDocument(f.admin, { entityId: f.cities[city].id, kind: 'inventory', name: unique('pub'), body: f.inventoryBody, comment: '' });
      return { url: `/api/documents/${document.id}/publish`, payload: { version: 1 } };
    },
  },
  'GET /api/documents/:id/comments': { rule: rules.readCity, build: async (f, city) => ({ url: `/api/documents/${f.documents[city].draft.id}/comments` }) },
  'POST /api/documents/:id/comments': { rule: rules.commentCity, build: async (f, city) => ({ url: `/api/documents/${f.documents[city].draft.id}/comments`, payload: { version: 1, text: 'looks right' } }) },
  'GET /api/documents/:id/result': { rule: rules.readCity, build: async (f, city) => ({ url: `/api/documents/${f.documents[city].draft.id}/result` }) },
  'GET /api/documents/:id/versions': { rule: rules.readCity, build: async (f, city) => ({ url: `/api/documents/${f.documents[city].draft.id}/versions` }) },
  'GET /api/documents/:id/versions/:version': { rule: rules.readCity, build: async (f, city) => ({ url: `/api/documents/${f.documents[city].draft.id}/versions/1` }) },
  'POST /api/documents/:id/restore': {
    rule: rules.writeCity,
    build: async (f, city) => {
      const id = f.documents[city].draft.id;
      return { url: `/api/documents/${id}/restore`, headers: { 'if-match': `"${await current(f, id)}"` }, payload: { version: 1 } };
    },
  },
  'GET /api/documents/:id/diff': { rule: rules.readCity, build: async (f, city) => ({ url: `/api/documents/${f.documents[city].draft.id}/diff?from=1&to=1` }) },
  'GET /api/documents/:id/export': { rule: rules.readCity, build: async (f, city) => ({ url: `/api/documents/${f.documents[city].draft.id}/export?format=csv` }) },
  'GET /api/documents/:id/export/:kind': { rule: rules.readCity, build: async (f, city) => ({ url: `/api/documents/${f.documents[city].draft.id}/export/gpc?format=csv` }) },
  'POST /api/entities/:id/import': {
    rule: rules.writeCity,
    // A valid table (the demo's lines) as a new inventory: only who may write the city gets past the store.
    build: async (f, city) => ({
      url: `/api/entities/${f.cities[city].id}/import?name=${unique('import')}&year=2023&format=csv`,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      // Three fuel lines that need nothing from the file's top level (a new inventory from a table has no `grid`).
      payload: writeCsv(linesTable((f.inventoryBody as { activities: unknown[] }).activities.slice(0, 3), 'en')),
    }),
  },
  'POST /api/entities/:id/import/energy-balance': {
    rule: rules.writeCity,
    build: async (f, city) => ({
      url: `/api/entities/${f.cities[city].id}/import/energy-balance?name=${unique('balance')}&year=2023&grid=CN-east-2023`,
      headers: { 'content-type': TABLE_MEDIA_TYPES.xlsx },
      payload: await energyBalanceExample(),
    }),
  },
  'POST /api/documents/:id/jobs': {
    rule: rules.readCityUser,
    // An unpublished pathway of the city's: who may read it may compute on it.
    build: async (f, city) => ({ url: `/api/documents/${(await draftPathway(f, city)).id}/jobs`, payload: { kind: 'monte-carlo', runs: 20, seed: 1 } }),
  },
  'GET /api/documents/:id/jobs': { rule: rules.readCityUser, build: async (f, city) => ({ url: `/api/documents/${(await finishedJob(f, city)).documentId}/jobs` }) },
  'GET /api/jobs/:id': { rule: rules.readCityUser, build: async (f, city) => ({ url: `/api/jobs/${(await finishedJob(f, city)).id}` }) },
  'GET /api/jobs/:id/events': { rule: rules.readCityUser, build: async (f, city) => ({ url: `/api/jobs/${(await finishedJob(f, city)).id}/events` }) },
  // Cancelling: the job's starter (here the city's editor) or an admin; a finished job comes back as it is.
  'DELETE /api/jobs/:id': { rule: rules.ownUser, build: async (f, city) => ({ url: `/api/jobs/${(await finishedJob(f, city)).id}` }) },
};

const outcome = (status: number): Outcome | `status ${number}` => (status >= 200 && status < 300 ? 'ok' : status === 401 ? 'unauth' : status === 403 || status === 404 ? 'refused' : `status ${status}`);

describe.each(targets)('authorisation matrix on %s', (target) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture(target);
  }, 240_000);
  afterAll(async () => f?.dispose());

  it('has an expected row for every registered route, and no row for a route that does not exist', () => {
    const registered = registeredRoutes(f.app).map((route) => `${route.method} ${route.url}`).sort();
    expect(registered.filter((route) => !(route in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((route) => !registered.includes(route))).toEqual([]);
  });

  it('answers every route × role × city as the table says: no cross-tenant success', async () => {
    const got: Record<string, string> = {};
    const expected: Record<string, string> = {};
    let crossTenant = 0;
    for (const route of registeredRoutes(f.app)) {
      const row = TABLE[`${route.method} ${route.url}`]!;
      for (const city of ['A', 'B'] as const) {
        for (const role of ROLES) {
          const request = await row.build(f, city, role);
          const headers = { ...f.credentials[role].headers, ...request.headers };
          const response = await f.app.inject({ ...request, method: route.method as InjectOptions['method'], headers });
          const cell = `${route.method} ${route.url} | ${role} | city ${city}`;
          got[cell] = outcome(response.statusCode);
          expected[cell] = row.rule(role, city);
          const tenant = home[role];
          if (tenant !== undefined && tenant !== city && got[cell] === 'ok' && row.rule !== rules.everyone && row.rule !== rules.anyUser) crossTenant++;
          if (got[cell] !== 'ok') expect(Object.keys(response.json() as object), `${cell}: one error body`).toEqual(['error']);
        }
      }
    }
    expect(crossTenant).toBe(0);
    expect(got).toEqual(expected);
    // The table was walked in full: routes × 7 roles × 2 cities.
    expect(Object.keys(got)).toHaveLength(registeredRoutes(f.app).length * ROLES.length * 2);
  }, 600_000);

  it('refuses a cookie-authenticated write without the CSRF token (403) and accepts it with the token', async () => {
    const { cookie, ...csrf } = f.credentials.editorA.headers;
    const request = { method: 'POST' as const, url: '/api/tokens', payload: { name: 'csrf check' } };
    const without = await f.app.inject({ ...request, headers: { cookie } });
    expect(without.statusCode).toBe(403);
    expect((without.json() as { error: { code: string } }).error.code).toBe('csrf');
    const wrong = await f.app.inject({ ...request, headers: { cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    const right = await f.app.inject({ ...request, headers: { cookie, ...csrf } });
    expect(right.statusCode).toBe(201);
  });
});
