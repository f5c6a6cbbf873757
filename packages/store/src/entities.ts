import { randomUUID } from 'node:crypto';
import { appendAudit } from './audit.ts';
import type { StoreContext } from './context.ts';
import { grantsOfUser, identityOf, isUuid, notFound, requireAccess, requireAdmin, requireUser } from './guard.ts';
import { selectPage } from './paging.ts';
import { entityFromRow, networkFromRow } from './rows.ts';
import { StoreError, type Actor, type Entity, type Grant, type Network, type Page, type PageRequest } from './store.ts';
import { Problems } from './validate.ts';
import { bilingual } from './messages.ts';
import type { Queryable } from './db.ts';

/**
 * Networks, entities, memberships and grants. Only an administrator changes them (a cluster editor who
 * could choose the cluster's members could read any city). Lists are filtered by the same SQL functions
 * that row-level security uses (drizzle/0001_rls.sql), tested against access.ts.
 */
const ENTITY_KINDS = ['city', 'district', 'park', 'community', 'cluster'] as const;
const CHILD_KINDS: readonly string[] = ['district', 'park', 'community'];
/** An entity the transaction's actor may read: the RLS functions, which read peakpath.user_id. */
const READABLE = '(peakpath_reads_entity(e.id) OR peakpath_entity_public(e.id))';

export async function createNetwork(ctx: StoreContext, actor: Actor, network: Omit<Network, 'id'>): Promise<Network> {
  requireAdmin(actor, '创建网络', 'create networks');
  const problems = new Problems();
  problems.slug('slug', network.slug);
  problems.oneOf('kind', network.kind, ['network', 'programme']);
  problems.text('name', network.name);
  if (network.nameZh !== null) problems.text('nameZh', network.nameZh);
  problems.throwIfAny();
  return ctx.db.transaction(identityOf(actor), async (tx) => {
    await refuseTakenSlug(tx, 'networks', network.slug);
    const id = randomUUID();
    const [row] = await tx.query('INSERT INTO networks (id, slug, kind, name, name_zh) VALUES ($1, $2, $3, $4, $5) RETURNING *', [id, network.slug, network.kind, network.name, network.nameZh]);
    await appendAudit(tx, { actorId: actor.userId, action: 'network.create', target: `network:${id}`, detail: { slug: network.slug } }, ctx.now());
    return networkFromRow(row!);
  });
}

export function listNetworks(ctx: StoreContext, actor: Actor, page?: PageRequest): Promise<Page<Network>> {
  return ctx.db.transaction(identityOf(actor), (tx) => selectPage(tx, '*', 'FROM networks', [], 'slug', page, networkFromRow), { readOnly: true });
}

export async function addMember(ctx: StoreContext, actor: Actor, networkId: string, entityId: string): Promise<void> {
  requireAdmin(actor, '管理网络成员', 'manage network members');
  await ctx.db.transaction(identityOf(actor), async (tx) => {
    await requireRow(tx, 'networks', 'network', networkId);
    await requireRow(tx, 'entities', 'entity', entityId);
    await tx.query('INSERT INTO network_members (network_id, entity_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [networkId, entityId]);
    await appendAudit(tx, { actorId: actor.userId, action: 'network.add-member', target: `network:${networkId}`, detail: { entityId } }, ctx.now());
  });
}

export function networkMembers(ctx: StoreContext, actor: Actor, networkId: string, page?: PageRequest): Promise<Page<Entity>> {
  return ctx.db.transaction(
    identityOf(actor),
    async (tx) => {
      await requireRow(tx, 'networks', 'network', networkId);
      return selectPage(tx, 'e.*', `FROM entities e JOIN network_members nm ON nm.entity_id = e.id WHERE nm.network_id = $1 AND ${READABLE}`, [networkId], 'e.slug', page, entityFromRow);
    },
    { readOnly: true },
  );
}

export async function createEntity(ctx: StoreContext, actor: Actor, entity: Omit<Entity, 'id' | 'createdAt'>): Promise<Entity> {
  requireAdmin(actor, '创建实体', 'create entities');
  const problems = new Problems();
  problems.slug('slug', entity.slug);
  problems.oneOf('kind', entity.kind, ENTITY_KINDS);
  problems.text('name', entity.name);
  if (entity.nameZh !== null) problems.text('nameZh', entity.nameZh);
  if (typeof entity.country !== 'string' || !/^[A-Z]{2}$/.test(entity.country)) problems.add('country', 'ISO 3166-1 两位大写字母代码（如 CN）', 'an ISO 3166-1 alpha-2 code in capitals (e.g. CN)', entity.country);
  const needsParent = CHILD_KINDS.includes(entity.kind);
  if (needsParent && (entity.parentId === null || !isUuid(entity.parentId))) problems.add('parentId', '所属城市的 id（区、园区、社区必须属于一个城市）', 'the id of the city it belongs to (a district, park or community belongs to a city)', entity.parentId);
  if (!needsParent && entity.parentId !== null) problems.add('parentId', 'null（城市和城市群没有上级）', 'null (a city or cluster has no parent)', entity.parentId);
  problems.throwIfAny();
  return ctx.db.transaction(identityOf(actor), async (tx) => {
    await refuseTakenSlug(tx, 'entities', entity.slug);
    if (entity.parentId !== null) {
      const [parent] = await tx.query<{ kind: string }>('SELECT kind FROM entities WHERE id = $1', [entity.parentId]);
      if (parent?.kind !== 'city') throw new StoreError('invalid', bilingual(`parentId：应为一个城市的 id，${entity.parentId} 不是`, `parentId: expected the id of a city; ${entity.parentId} is not one`));
    }
    const id = randomUUID();
    const at = ctx.now();
    const [row] = await tx.query('INSERT INTO entities (id, slug, kind, name, name_zh, country, parent_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *', [id, entity.slug, entity.kind, entity.name, entity.nameZh, entity.country, entity.parentId, at]);
    await appendAudit(tx, { actorId: actor.userId, action: 'entity.create', target: `entity:${id}`, detail: { slug: entity.slug, kind: entity.kind, parentId: entity.parentId } }, at);
    return entityFromRow(row!);
  });
}

export function entity(ctx: StoreContext, actor: Actor, id: string): Promise<Entity> {
  return ctx.db.transaction(
    identityOf(actor),
    async (tx) => {
      await requireAccess(tx, actor, 'read', id);
      const [row] = await tx.query('SELECT * FROM entities WHERE id = $1', [id]);
      return entityFromRow(row!);
    },
    { readOnly: true },
  );
}

export function entityBySlug(ctx: StoreContext, actor: Actor, slug: string): Promise<Entity> {
  return ctx.db.transaction(
    identityOf(actor),
    async (tx) => {
      const [row] = await tx.query('SELECT * FROM entities WHERE slug = $1', [slug]);
      if (row === undefined) throw notFound('entity', slug);
      await requireAccess(tx, actor, 'read', row['id'] as string);
      return entityFromRow(row);
    },
    { readOnly: true },
  );
}

export function listEntities(ctx: StoreContext, actor: Actor, page?: PageRequest): Promise<Page<Entity>> {
  return ctx.db.transaction(identityOf(actor), (tx) => selectPage(tx, 'e.*', `FROM entities e WHERE ${READABLE}`, [], 'e.slug', page, entityFromRow), { readOnly: true });
}

export async function setClusterMembers(ctx: StoreContext, actor: Actor, clusterId: string, memberIds: readonly string[]): Promise<void> {
  requireAdmin(actor, '设置城市群成员', 'set the members of a cluster');
  await ctx.db.transaction(identityOf(actor), async (tx) => {
    const [cluster] = isUuid(clusterId) ? await tx.query<{ kind: string }>('SELECT kind FROM entities WHERE id = $1', [clusterId]) : [];
    if (cluster === undefined) throw notFound('entity', clusterId);
    const problems = new Problems();
    if (cluster.kind !== 'cluster') problems.add('clusterId', '一个城市群（kind: cluster）的 id', 'the id of a cluster (kind: cluster)', clusterId);
    const unique = [...new Set(memberIds)];
    for (const [index, memberId] of unique.entries()) {
      const [member] = isUuid(memberId) ? await tx.query<{ kind: string }>('SELECT kind FROM entities WHERE id = $1', [memberId]) : [];
      if (member === undefined || member.kind === 'cluster') problems.add(`memberIds[${index}]`, '一个已有的、不是城市群的实体的 id', 'the id of an existing entity that is not a cluster', memberId);
    }
    problems.throwIfAny();
    await tx.query('DELETE FROM cluster_members WHERE cluster_id = $1', [clusterId]);
    for (const memberId of unique) await tx.query('INSERT INTO cluster_members (cluster_id, member_id) VALUES ($1, $2)', [clusterId, memberId]);
    await appendAudit(tx, { actorId: actor.userId, action: 'cluster.set-members', target: `entity:${clusterId}`, detail: { memberIds: unique } }, ctx.now());
  });
}

export function clusterMembers(ctx: StoreContext, actor: Actor, clusterId: string): Promise<readonly Entity[]> {
  return ctx.db.transaction(
    identityOf(actor),
    async (tx) => {
      await requireAccess(tx, actor, 'read', clusterId);
      const rows = await tx.query(`SELECT e.* FROM entities e JOIN cluster_members cm ON cm.member_id = e.id WHERE cm.cluster_id = $1 AND ${READABLE} ORDER BY e.slug`, [clusterId]);
      return rows.map(entityFromRow);
    },
    { readOnly: true },
  );
}

function checkGrant(grant: Grant): void {
  const problems = new Problems();
  problems.oneOf('role', grant.role, ['editor', 'viewer', 'coordinator']);
  if (!isUuid(grant.userId)) problems.add('userId', '用户 id', 'a user id', grant.userId);
  if (grant.role === 'coordinator' && (grant.networkId === null || !isUuid(grant.networkId) || grant.entityId !== null)) problems.add('networkId', '网络 id（协调员的授权针对网络，entityId 为 null）', 'a network id (a coordinator is granted a network, with entityId null)', grant.networkId);
  if (grant.role !== 'coordinator' && (grant.entityId === null || !isUuid(grant.entityId) || grant.networkId !== null)) problems.add('entityId', '实体 id（编辑和查看者的授权针对实体，networkId 为 null）', 'an entity id (editors and viewers are granted an entity, with networkId null)', grant.entityId);
  problems.throwIfAny();
}

export async function grant(ctx: StoreContext, actor: Actor, input: Grant): Promise<void> {
  requireAdmin(actor, '授权', 'grant roles');
  checkGrant(input);
  await ctx.db.transaction(identityOf(actor), async (tx) => {
    await requireRow(tx, 'users', 'user', input.userId);
    if (input.entityId !== null) await requireRow(tx, 'entities', 'entity', input.entityId);
    if (input.networkId !== null) await requireRow(tx, 'networks', 'network', input.networkId);
    await tx.query('INSERT INTO grants (user_id, role, entity_id, network_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [input.userId, input.role, input.entityId, input.networkId]);
    await appendAudit(tx, { actorId: actor.userId, action: 'grant.add', target: `user:${input.userId}`, detail: { role: input.role, entityId: input.entityId, networkId: input.networkId } }, ctx.now());
  });
}

export async function revoke(ctx: StoreContext, actor: Actor, input: Grant): Promise<void> {
  requireAdmin(actor, '撤销授权', 'revoke roles');
  checkGrant(input);
  await ctx.db.transaction(identityOf(actor), async (tx) => {
    const removed = await tx.query('DELETE FROM grants WHERE user_id = $1 AND role = $2 AND entity_id IS NOT DISTINCT FROM $3 AND network_id IS NOT DISTINCT FROM $4 RETURNING user_id', [input.userId, input.role, input.entityId, input.networkId]);
    if (removed.length === 0) throw notFound('grant', `${input.role} ${input.entityId ?? input.networkId} of ${input.userId}`);
    await appendAudit(tx, { actorId: actor.userId, action: 'grant.revoke', target: `user:${input.userId}`, detail: { role: input.role, entityId: input.entityId, networkId: input.networkId } }, ctx.now());
  });
}

export async function grantsOf(ctx: StoreContext, actor: Actor, userId: string): Promise<readonly Grant[]> {
  requireUser(actor);
  if (actor.userId !== userId) requireAdmin(actor, '查看他人的授权', "see another user's grants");
  if (!isUuid(userId)) return [];
  return ctx.db.transaction(identityOf(actor), (tx) => grantsOfUser(tx, userId), { readOnly: true });
}

async function requireRow(tx: Queryable, table: 'users' | 'entities' | 'networks', what: string, id: string): Promise<void> {
  if (!isUuid(id) || (await tx.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length === 0) throw notFound(what, id);
}

async function refuseTakenSlug(tx: Queryable, table: 'entities' | 'networks', slug: string): Promise<void> {
  if ((await tx.query(`SELECT 1 FROM ${table} WHERE slug = $1`, [slug])).length > 0) throw new StoreError('conflict', bilingual(`slug：${slug} 已被使用`, `slug: ${slug} is already taken`));
}
