import { describe, expect, it } from 'vitest';
import { may, type AccessAction, type EntityFacts } from './access.ts';
import type { Actor, Grant } from './store.ts';

// Every role × own / other entity × every action. "own" is the entity the role was granted (for the
// coordinator: a member of its network); "other" is a city with no link to the actor.
const CITY = 'city-own';
const OTHER = 'city-other';
const NETWORK = 'net-1';
const user = (admin = false): Actor => ({ kind: 'user', userId: 'u1', admin });
const grantOf = (role: Grant['role'], target: string): Grant => (role === 'coordinator' ? { userId: 'u1', role, entityId: null, networkId: target } : { userId: 'u1', role, entityId: target, networkId: null });
const entity = (id: string, extra: Partial<EntityFacts> = {}): EntityFacts => ({ id, parentId: null, networkIds: id === CITY ? [NETWORK] : [], clusterIds: [], published: false, ...extra });

const ACTIONS: readonly AccessAction[] = ['read', 'write', 'comment', 'publish'];

// [who, grants, expected on own (read, write, comment, publish), expected on other]
const TABLE: readonly [string, Actor, readonly Grant[], string, string][] = [
  ['admin', user(true), [], 'RWCP', 'RWCP'],
  ['city editor', user(), [grantOf('editor', CITY)], 'RWCP', '----'],
  ['viewer', user(), [grantOf('viewer', CITY)], 'R---', '----'],
  ['network coordinator', user(), [grantOf('coordinator', NETWORK)], 'R-C-', '----'],
  ['signed in, no grants', user(), [], '----', '----'],
  ['public', { kind: 'public' }, [], '----', '----'],
];

const expected = (flags: string): boolean[] => [...flags].map((flag) => flag !== '-');

describe('access rules', () => {
  it.each(TABLE)('%s', (_who, actor, grants, own, other) => {
    expect(ACTIONS.map((action) => may(actor, grants, action, entity(CITY)))).toEqual(expected(own));
    expect(ACTIONS.map((action) => may(actor, grants, action, entity(OTHER)))).toEqual(expected(other));
  });

  it('a city editor edits its districts, never another city’s; a coordinator reads the districts of member cities', () => {
    const district = entity('district-1', { parentId: CITY, networkIds: [NETWORK] });
    const otherDistrict = entity('district-2', { parentId: OTHER });
    expect(ACTIONS.map((action) => may(user(), [grantOf('editor', CITY)], action, district))).toEqual(expected('RWCP'));
    expect(ACTIONS.map((action) => may(user(), [grantOf('editor', CITY)], action, otherDistrict))).toEqual(expected('----'));
    expect(ACTIONS.map((action) => may(user(), [grantOf('coordinator', NETWORK)], action, district))).toEqual(expected('R-C-'));
  });

  it('a cluster editor edits the cluster’s own documents and only reads its members’', () => {
    const cluster = entity('cluster-1');
    const member = entity(CITY, { clusterIds: ['cluster-1'] });
    expect(ACTIONS.map((action) => may(user(), [grantOf('editor', 'cluster-1')], action, cluster))).toEqual(expected('RWCP'));
    expect(ACTIONS.map((action) => may(user(), [grantOf('editor', 'cluster-1')], action, member))).toEqual(expected('R---'));
  });

  it('the public, and users without grants, read an entity that has a published document, and nothing more', () => {
    const published = entity(OTHER, { published: true });
    expect(ACTIONS.map((action) => may({ kind: 'public' }, [], action, published))).toEqual(expected('R---'));
    expect(ACTIONS.map((action) => may(user(), [], action, published))).toEqual(expected('R---'));
  });

  it('ignores grants held by someone else', () => {
    expect(may(user(), [{ userId: 'u2', role: 'editor', entityId: CITY, networkId: null }], 'read', entity(CITY))).toBe(false);
  });
});
