/**
 * A server over a real store for the API tests: PGlite in a temporary folder always, PostgreSQL too when
 * PEAKPATH_TEST_DATABASE_URL names an admin connection (a fresh database and app role per fixture,
 * dropped afterwards). Two cities with their people, signed in through the API as users are.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, CSRF_HEADER, hashPassword, seedDemo, type App, type ServerConfig } from '@peakpath/server';
import { dropPostgres, openStore, setupPostgres, type Actor, type Entity, type Network, type Store, type StoredDocument } from '@peakpath/store';

export type Target = 'pglite' | 'postgres';
export const adminUrl = process.env['PEAKPATH_TEST_DATABASE_URL'] || null;
export const targets: readonly Target[] = adminUrl === null ? ['pglite'] : ['pglite', 'postgres'];

export const ROLES = ['admin', 'coordinator', 'editorA', 'editorB', 'viewerA', 'public', 'badToken'] as const;
export type Role = (typeof ROLES)[number];
export type UserRole = Exclude<Role, 'public' | 'badToken'>;

/** How a role's requests authenticate: a session cookie with its CSRF token, or nothing, or a token nobody issued. */
export interface Credentials {
  readonly headers: Record<string, string>;
  readonly actor: Actor;
  readonly userId: string | null;
}

export interface CityDocuments {
  readonly inventory: StoredDocument;
  readonly pathway: StoredDocument;
  readonly plan: StoredDocument;
  /** An inventory never published: only the city's people, its coordinators and admins read it. */
  readonly draft: StoredDocument;
}

export interface Fixture {
  readonly target: Target;
  readonly store: Store;
  readonly app: App;
  readonly admin: Actor & { kind: 'user' };
  readonly users: Record<UserRole, Actor & { kind: 'user' }>;
  readonly credentials: Record<Role, Credentials>;
  readonly cities: { readonly A: Entity; readonly B: Entity };
  readonly clusters: { readonly A: Entity; readonly B: Entity };
  readonly network: Network;
  readonly documents: { readonly A: CityDocuments; readonly B: CityDocuments };
  /** The demo city's inventory body (examples/demo-city), as seeded. */
  readonly inventoryBody: Record<string, unknown>;
  readonly dispose: () => Promise<void>;
}

export const PASSWORD = 'correct horse battery staple';

async function openTarget(target: Target): Promise<{ store: Store; dispose: () => Promise<void>; appUrl: string | null }> {
  if (target === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'peakpath-server-'));
    const store = await openStore({ dataDir });
    return { store, appUrl: null, dispose: async () => { await store.close(); rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const dbName = `peakpath_srv_${randomBytes(6).toString('hex')}`;
  const appUrl = await setupPostgres(adminUrl!, dbName);
  const store = await openStore({ url: appUrl });
  return { store, appUrl, dispose: async () => { await store.close(); await dropPostgres(adminUrl!, dbName); } };
}

/** Signs in through the API: the session cookie and the CSRF token every cookie-authenticated write sends. */
export async function signIn(app: App, email: string, password = PASSWORD): Promise<Record<string, string>> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email}: ${response.statusCode} ${response.body}`);
  const cookie = String(response.headers['set-cookie']).split(';')[0]!;
  return { cookie, [CSRF_HEADER]: (response.json() as { csrfToken: string }).csrfToken };
}

export async function openFixture(target: Target, config: Partial<ServerConfig> = {}): Promise<Fixture> {
  const { store, dispose } = await openTarget(target);
  const passwordHash = await hashPassword(PASSWORD);
  const adminUser = await store.createUser({ kind: 'public' }, { email: 'admin@example.org', name: 'Admin', passwordHash, admin: true });
  const admin = { kind: 'user', userId: adminUser.id, admin: true } as const;
  // The demo network gives every city an inventory, a pathway and a plan, published.
  await seedDemo(store, admin);
  const demo = (slug: string) => store.entityBySlug(admin, slug);
  const cities = { A: await demo('demo-city'), B: await demo('demo-city-b') };
  const network = await store.createNetwork(admin, { slug: 'network-a', kind: 'programme', name: 'Programme of city A', nameZh: '甲市所在项目' });
  await store.addMember(admin, network.id, cities.A.id);
  const clusters = {
    A: await store.createEntity(admin, { slug: 'cluster-a', kind: 'cluster', name: 'Cluster of A', nameZh: null, country: 'CN', parentId: null }),
    B: await store.createEntity(admin, { slug: 'cluster-b', kind: 'cluster', name: 'Cluster of B', nameZh: null, country: 'CN', parentId: null }),
  };
  await store.setClusterMembers(admin, clusters.A.id, [cities.A.id]);
  await store.setClusterMembers(admin, clusters.B.id, [cities.B.id]);

  const make = async (name: string) => {
    const user = await store.createUser(admin, { email: `${name.toLowerCase()}@example.org`, name, passwordHash });
    return { kind: 'user', userId: user.id, admin: false } as const;
  };
  const users = { admin, coordinator: await make('coordinator'), editorA: await make('editorA'), editorB: await make('editorB'), viewerA: await make('viewerA') };
  await store.grant(admin, { userId: users.coordinator.userId, role: 'coordinator', entityId: null, networkId: network.id });
  await store.grant(admin, { userId: users.editorA.userId, role: 'editor', entityId: cities.A.id, networkId: null });
  await store.grant(admin, { userId: users.editorB.userId, role: 'editor', entityId: cities.B.id, networkId: null });
  await store.grant(admin, { userId: users.viewerA.userId, role: 'viewer', entityId: cities.A.id, networkId: null });

  const documentsOf = async (city: Entity): Promise<CityDocuments> => {
    const page = await store.documents(admin, city.id, { limit: 200 });
    const find = (kind: string) => page.items.find((document) => document.kind === kind)!;
    const inventory = find('inventory');
    const body = (await store.version(admin, inventory.id)).body;
    const { document: draft } = await store.createDocument(admin, { entityId: city.id, kind: 'inventory', name: 'draft-2023', body, comment: 'never published' });
    return { inventory, pathway: find('pathway'), plan: find('plan'), draft };
  };
  const documents = { A: await documentsOf(cities.A), B: await documentsOf(cities.B) };
  const inventoryBody = (await store.version(admin, documents.A.inventory.id)).body as Record<string, unknown>;

  const { app } = await createServer({ store, config: { signInLimit: 10_000, ...config } });
  const credentials = {} as Record<Role, Credentials>;
  for (const [role, actor] of Object.entries(users) as [UserRole, Actor & { kind: 'user' }][]) {
    const email = role === 'admin' ? 'admin@example.org' : `${role.toLowerCase()}@example.org`;
    credentials[role] = { headers: await signIn(app, email), actor, userId: actor.userId };
  }
  credentials.public = { headers: {}, actor: { kind: 'public' }, userId: null };
  credentials.badToken = { headers: { authorization: `Bearer ppt_${randomBytes(32).toString('base64url')}` }, actor: { kind: 'public' }, userId: null };

  return {
    target, store, app, admin, users, credentials, cities, clusters, network, documents, inventoryBody,
    dispose: async () => {
      await app.close();
      await dispose();
    },
  };
}
