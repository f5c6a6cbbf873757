/**
 * A real workspace for the jobs and tables route tests: a PGlite store in a temporary folder, or a fresh
 * PostgreSQL database when PEAKPATH_TEST_DATABASE_URL names an admin connection (never a mock); the API
 * over it, users with API tokens, a city with the demo city's three documents.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { dropPostgres, openStore, setupPostgres, type Actor, type Entity, type Store } from '@peakpath/store';
import { readDocument } from '@peakpath/node';
import { tokenHash } from '../auth/tokens.ts';
import type { App, AppContext, RouteModule } from '../context.ts';
import { createServer } from '../create.ts';

const example = async (name: string): Promise<Record<string, unknown>> => (await readDocument(fileURLToPath(new URL(`../../../../examples/demo-city/${name}`, import.meta.url)))) as Record<string, unknown>;

export interface Workspace {
  readonly app: App;
  readonly context: AppContext;
  readonly store: Store;
  readonly city: Entity;
  readonly otherCity: Entity;
  /** Bearer tokens: an editor and a viewer of the city, an editor of the other city, an admin. */
  readonly tokens: { readonly editor: string; readonly viewer: string; readonly stranger: string; readonly admin: string };
  readonly actors: { readonly editor: Actor; readonly stranger: Actor; readonly admin: Actor };
  readonly documents: { readonly inventory: string; readonly pathway: string; readonly plan: string };
  readonly close: () => Promise<void>;
}

export type Target = 'pglite' | 'postgres';
const adminUrl = process.env['PEAKPATH_TEST_DATABASE_URL'] || null;
/** PGlite always; PostgreSQL too when PEAKPATH_TEST_DATABASE_URL is set. */
export const targets: readonly Target[] = adminUrl === null ? ['pglite'] : ['pglite', 'postgres'];

export async function openWorkspace(jobs: RouteModule | undefined, target: Target = 'pglite'): Promise<Workspace> {
  const dataDir = target === 'pglite' ? mkdtempSync(join(tmpdir(), 'peakpath-server-')) : null;
  const dbName = `peakpath_test_${randomBytes(6).toString('hex')}`;
  const store = dataDir !== null ? await openStore({ dataDir }) : await openStore({ url: await setupPostgres(adminUrl!, dbName) });
  const adminUser = await store.createUser({ kind: 'public' }, { email: 'admin@example.org', name: 'Admin', passwordHash: 'x', admin: true });
  const admin: Actor = { kind: 'user', userId: adminUser.id, admin: true };
  const city = await store.createEntity(admin, { slug: 'demo', kind: 'city', name: 'Demo City', nameZh: '示例市', country: 'CN', parentId: null });
  const otherCity = await store.createEntity(admin, { slug: 'other', kind: 'city', name: 'Other City', nameZh: '他市', country: 'CN', parentId: null });
  const token = async (name: string, grant?: { role: 'editor' | 'viewer'; entityId: string }): Promise<{ token: string; actor: Actor }> => {
    const user = name === 'admin' ? adminUser : await store.createUser(admin, { email: `${name}@example.org`, name, passwordHash: 'x' });
    if (grant) await store.grant(admin, { userId: user.id, role: grant.role, entityId: grant.entityId, networkId: null });
    const actor: Actor = { kind: 'user', userId: user.id, admin: user.admin };
    const secret = `ppt_test_${name}`;
    await store.createApiToken(actor, 'test', tokenHash(secret));
    return { token: secret, actor };
  };
  const editor = await token('editor', { role: 'editor', entityId: city.id });
  const viewer = await token('viewer', { role: 'viewer', entityId: city.id });
  const stranger = await token('stranger', { role: 'editor', entityId: otherCity.id });
  const adminToken = await token('admin');
  const create = async (kind: 'inventory' | 'pathway' | 'plan', name: string) => (await store.createDocument(editor.actor, { entityId: city.id, kind, name, body: await example(name), comment: 'demo' })).document.id;
  const documents = { inventory: await create('inventory', 'inventory.yaml'), pathway: await create('pathway', 'pathway.yaml'), plan: await create('plan', 'plan.yaml') };
  const { app, context } = await createServer({ store, ...(jobs === undefined ? {} : { jobs }) });
  return {
    app,
    context,
    store,
    city,
    otherCity,
    tokens: { editor: editor.token, viewer: viewer.token, stranger: stranger.token, admin: adminToken.token },
    actors: { editor: editor.actor, stranger: stranger.actor, admin },
    documents,
    close: async () => {
      await app.close();
      await store.close();
      if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
      else await dropPostgres(adminUrl!, dbName);
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Server-sent events of a finished stream, in order. */
export function sseEvents(payload: string): { event: string; data: unknown }[] {
  return payload
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
      return { event, data: JSON.parse(data) as unknown };
    });
}
