/** A small workspace for tests: an admin, two cities, their editors and a viewer, a network and its coordinator. */
import type { Actor, Entity, Network, Store, User } from '../store.ts';

export interface Seeded {
  readonly admin: Actor & { kind: 'user' };
  readonly cityA: Entity;
  readonly cityB: Entity;
  readonly districtA: Entity;
  readonly network: Network;
  readonly editorA: Actor & { kind: 'user' };
  readonly editorB: Actor & { kind: 'user' };
  readonly viewerA: Actor & { kind: 'user' };
  readonly coordinator: Actor & { kind: 'user' };
  readonly users: Readonly<Record<string, User>>;
}

const asActor = (user: User): Actor & { kind: 'user' } => ({ kind: 'user', userId: user.id, admin: user.admin });

export async function seed(store: Store, prefix = 't'): Promise<Seeded> {
  const system: Actor = { kind: 'public' };
  const adminUser = await store.createUser(system, { email: `${prefix}-admin@example.org`, name: 'Admin', passwordHash: 'x', admin: true });
  const admin = asActor(adminUser);
  const make = (name: string) => store.createUser(admin, { email: `${prefix}-${name}@example.org`, name, passwordHash: 'x' });
  const [editorAUser, editorBUser, viewerAUser, coordinatorUser] = await Promise.all([make('editor-a'), make('editor-b'), make('viewer-a'), make('coordinator')]);
  const cityA = await store.createEntity(admin, { slug: `${prefix}-city-a`, kind: 'city', name: 'City A', nameZh: '甲市', country: 'CN', parentId: null });
  const cityB = await store.createEntity(admin, { slug: `${prefix}-city-b`, kind: 'city', name: 'City B', nameZh: '乙市', country: 'CN', parentId: null });
  const districtA = await store.createEntity(admin, { slug: `${prefix}-district-a`, kind: 'district', name: 'District A', nameZh: '甲区', country: 'CN', parentId: cityA.id });
  const network = await store.createNetwork(admin, { slug: `${prefix}-net`, kind: 'network', name: 'Network', nameZh: null });
  await store.addMember(admin, network.id, cityA.id);
  await store.grant(admin, { userId: editorAUser.id, role: 'editor', entityId: cityA.id, networkId: null });
  await store.grant(admin, { userId: editorBUser.id, role: 'editor', entityId: cityB.id, networkId: null });
  await store.grant(admin, { userId: viewerAUser.id, role: 'viewer', entityId: cityA.id, networkId: null });
  await store.grant(admin, { userId: coordinatorUser.id, role: 'coordinator', entityId: null, networkId: network.id });
  return {
    admin,
    cityA,
    cityB,
    districtA,
    network,
    editorA: asActor(editorAUser),
    editorB: asActor(editorBUser),
    viewerA: asActor(viewerAUser),
    coordinator: asActor(coordinatorUser),
    users: { admin: adminUser, editorA: editorAUser, editorB: editorBUser, viewerA: viewerAUser, coordinator: coordinatorUser },
  };
}
