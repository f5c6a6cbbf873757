/**
 * The store's checks before every read or change of a city's records: the facts access.ts needs are read
 * in the same transaction, and a refusal names what was refused. A record the actor may not read is
 * reported as not found, so that ids of other cities' records reveal nothing.
 */
import { may, readsDrafts, type AccessAction, type EntityFacts } from './access.ts';
import type { Queryable, TxIdentity } from './db.ts';
import { StoreError, type Actor, type Grant, type GrantRole } from './store.ts';
import { bilingual } from './messages.ts';

export const identityOf = (actor: Actor): TxIdentity => (actor.kind === 'user' ? { userId: actor.userId } : 'public');

export async function grantsOfUser(tx: Queryable, userId: string): Promise<Grant[]> {
  const rows = await tx.query<{ user_id: string; role: GrantRole; entity_id: string | null; network_id: string | null }>('SELECT user_id, role, entity_id, network_id FROM grants WHERE user_id = $1', [userId]);
  return rows.map((row) => ({ userId: row.user_id, role: row.role, entityId: row.entity_id, networkId: row.network_id }));
}

export async function entityFacts(tx: Queryable, entityId: string): Promise<EntityFacts | null> {
  const [row] = await tx.query<{ id: string; parent_id: string | null; network_ids: string[] | null; cluster_ids: string[] | null; published: boolean }>(
    `SELECT e.id, e.parent_id,
       ARRAY(SELECT nm.network_id::text FROM network_members nm WHERE nm.entity_id = e.id OR nm.entity_id = e.parent_id) AS network_ids,
       ARRAY(SELECT cm.cluster_id::text FROM cluster_members cm WHERE cm.member_id = e.id) AS cluster_ids,
       EXISTS (SELECT 1 FROM documents d WHERE d.entity_id = e.id AND d.published_version IS NOT NULL) AS published
     FROM entities e WHERE e.id = $1`,
    [entityId],
  );
  if (row === undefined) return null;
  return { id: row.id, parentId: row.parent_id, networkIds: row.network_ids ?? [], clusterIds: row.cluster_ids ?? [], published: row.published };
}

export interface Access {
  readonly facts: EntityFacts;
  /** Whether the actor reads every version, or only the published ones. */
  readonly drafts: boolean;
}

/** Throws not-found (cannot read) or forbidden (reads, but may not do `action`). */
export async function requireAccess(tx: Queryable, actor: Actor, action: AccessAction, entityId: string): Promise<Access> {
  const facts = isUuid(entityId) ? await entityFacts(tx, entityId) : null;
  const grants = actor.kind === 'user' ? await grantsOfUser(tx, actor.userId) : [];
  if (facts === null || !may(actor, grants, 'read', facts)) throw notFound('entity', entityId);
  if (!may(actor, grants, action, facts)) throw forbidden(action, entityId);
  return { facts, drafts: readsDrafts(actor, grants, facts) };
}

export function requireAdmin(actor: Actor, zhWhat: string, enWhat: string): asserts actor is Actor & { kind: 'user' } {
  if (actor.kind !== 'user' || !actor.admin) throw new StoreError('forbidden', bilingual(`只有管理员可以${zhWhat}`, `Only an administrator may ${enWhat}.`));
}

export function requireUser(actor: Actor): asserts actor is Actor & { kind: 'user' } {
  if (actor.kind !== 'user') throw new StoreError('forbidden', bilingual('请先登录', 'Sign in first.'));
}

export const notFound = (what: string, id: string | number): StoreError => new StoreError('not-found', bilingual(`找不到 ${what} ${id}`, `No ${what} ${id}`));

const ACTION_WORDS: Record<AccessAction, [string, string]> = { read: ['读取', 'read'], write: ['修改', 'change'], comment: ['评论', 'comment on'], publish: ['发布', 'publish'] };

export function forbidden(action: AccessAction, entityId: string): StoreError {
  const [zh, en] = ACTION_WORDS[action];
  return new StoreError('forbidden', bilingual(`无权${zh}实体 ${entityId} 的记录`, `You may not ${en} the records of entity ${entityId}.`));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids that are not UUIDs are simply not found (Postgres would reject the cast with a less helpful error). */
export const isUuid = (id: string): boolean => UUID.test(id);
