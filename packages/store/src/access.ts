/**
 * The access rules, in one place and pure: what an actor may do to one entity's records, from the facts
 * the store reads about them. Row-level security (drizzle/0001_rls.sql) restates the read and write
 * rules in SQL as a second line.
 *
 * - admin: everything.
 * - editor of a city: reads, writes, comments on and publishes the city and the districts, parks and
 *   communities whose parent it is; nothing of another city.
 * - viewer: reads its entity (and its children), no more.
 * - coordinator of a network: reads and comments on the member entities (and their children); never writes.
 * - editor or viewer of a cluster: edits (editor) the cluster's own documents, and only reads its
 *   members' (a cluster aggregates them; their own editors change them).
 * - public (no sign-in): reads only entities with a published document, and only the published versions.
 */
import type { Actor, Grant } from './store.ts';

export type AccessAction = 'read' | 'write' | 'comment' | 'publish';

/** The facts about one entity that the rules need. */
export interface EntityFacts {
  readonly id: string;
  readonly parentId: string | null;
  /** Networks the entity (or its parent) belongs to. */
  readonly networkIds: readonly string[];
  /** Clusters the entity is a member of. */
  readonly clusterIds: readonly string[];
  /** Whether one of its documents has a published version. */
  readonly published: boolean;
}

export function may(actor: Actor, grants: readonly Grant[], action: AccessAction, entity: EntityFacts): boolean {
  if (actor.kind === 'public') return action === 'read' && entity.published;
  if (actor.admin) return true;
  const own = grants.filter((grant) => grant.userId === actor.userId);
  const onEntity = (role: Grant['role']) => own.some((grant) => grant.role === role && grant.entityId !== null && (grant.entityId === entity.id || grant.entityId === entity.parentId));
  const onCluster = own.some((grant) => (grant.role === 'editor' || grant.role === 'viewer') && grant.entityId !== null && entity.clusterIds.includes(grant.entityId));
  const coordinates = own.some((grant) => grant.role === 'coordinator' && grant.networkId !== null && entity.networkIds.includes(grant.networkId));
  switch (action) {
    case 'read':
      return onEntity('editor') || onEntity('viewer') || onCluster || coordinates || entity.published;
    case 'write':
    case 'publish':
      return onEntity('editor');
    case 'comment':
      return onEntity('editor') || coordinates;
    default: {
      const unknown: never = action;
      throw new Error(`unknown access action ${String(unknown)}`);
    }
  }
}

/** Whether the actor reads every version of the entity's documents, or only the published ones. */
export function readsDrafts(actor: Actor, grants: readonly Grant[], entity: EntityFacts): boolean {
  return may(actor, grants, 'read', { ...entity, published: false });
}
