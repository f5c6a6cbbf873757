import type { ClusterFileMember, DocumentResolver, MemberResolver, Resolution } from '@peakpath/core';
import { StoreError, type Actor, type Entity, type StoredDocumentKind } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import type { Loaded } from './references.ts';

/**
 * Where a stored cluster's members' documents come from (docs/clusters.md, "The API"): each member names its entity
 * (`entity`: slug or id, one of the cluster entity's members) and, by name, its inventory and its pathway there;
 * a stored pathway's `inventory:` names an inventory of the same entity. Every document is read at the version the
 * actor may read (the public: the published one). What was found is kept for the answer and the `from` stamp.
 */
export interface ClusterMembers {
  /** The engine's resolvers: a member's inventory, its pathway, and what a member's pathway names. */
  readonly inventory: MemberResolver;
  readonly pathway: MemberResolver;
  readonly follow: DocumentResolver;
  /** Member id → its entity and the documents found for it. */
  readonly found: ReadonlyMap<string, { readonly entity: Entity; inventory?: Loaded; pathway?: Loaded }>;
}

type Found = { ok: true; entity: Entity; loaded: Loaded } | { ok: false; reason: { en: string; zh: string } };

const KIND_ZH: Readonly<Record<'inventory' | 'pathway', string>> = { inventory: '清单', pathway: '路径' };

export async function clusterMembers(context: AppContext, actor: Actor, cluster: Loaded): Promise<ClusterMembers> {
  const entities = await context.store.clusterMembers(actor, cluster.document.entityId);
  const found = new Map<string, { entity: Entity; inventory?: Loaded; pathway?: Loaded }>();
  /** A stored pathway's id → its member's entity: where its `inventory:` is looked for. */
  const pathwayEntity = new Map<string, Entity>();
  const resolution = (result: Found): Resolution => (result.ok ? { ok: true, id: result.loaded.document.id, document: result.loaded.version.body } : result);

  const memberResolver = (kind: 'inventory' | 'pathway'): MemberResolver => async (member) => {
    const name = kind === 'inventory' ? member.inventory : (member.pathway ?? '');
    const result = await memberDocument(context, actor, entities, member, kind, name);
    if (result.ok) {
      found.set(member.id, { ...found.get(member.id), entity: result.entity, [kind]: result.loaded });
      if (kind === 'pathway') pathwayEntity.set(result.loaded.document.id, result.entity);
    }
    return resolution(result);
  };

  const follow: DocumentResolver = async ({ kind, reference, from }) => {
    const entity = pathwayEntity.get(from.id);
    if (!entity || kind !== 'inventory') {
      return { ok: false, reason: { en: `a ${kind} named from ${from.id} is not looked for in a cluster`, zh: `城市群不查找 ${from.id} 所指的${kind}` } };
    }
    const loaded = await readable(context, actor, entity, 'inventory', reference);
    if (!loaded) return { ok: false, reason: { en: `${entity.slug} has no inventory named "${reference}" that you may read`, zh: `${entity.slug} 没有您可读取的名为"${reference}"的清单` } };
    return { ok: true, id: loaded.document.id, document: loaded.version.body };
  };

  return { inventory: memberResolver('inventory'), pathway: memberResolver('pathway'), follow, found };
}

/** The member's entity among the cluster's members, and its `kind` document named `name`, at the version the actor may read. */
async function memberDocument(context: AppContext, actor: Actor, members: readonly Entity[], member: ClusterFileMember, kind: 'inventory' | 'pathway', name: string): Promise<Found> {
  if (member.entity === undefined) {
    return { ok: false, reason: { en: `members.${member.id}.entity is required in a stored cluster: the member's entity (slug or id)`, zh: `已存储的城市群须为成员填写 members.${member.id}.entity：成员实体的标识（slug 或 id）` } };
  }
  const entity = members.find((candidate) => candidate.slug === member.entity || candidate.id === member.entity);
  if (!entity) {
    const names = members.map((candidate) => candidate.slug).join(', ') || '—';
    return { ok: false, reason: { en: `"${member.entity}" is not a member of this cluster (members: ${names})`, zh: `"${member.entity}" 不是本城市群的成员（成员：${names}）` } };
  }
  const loaded = await readable(context, actor, entity, kind, name);
  if (!loaded) return { ok: false, reason: { en: `${entity.slug} has no ${kind} named "${name}" that you may read`, zh: `${entity.slug} 没有您可读取的名为"${name}"的${KIND_ZH[kind]}` } };
  return { ok: true, entity, loaded };
}

/** The entity's `kind` document named `name` at the version the actor may read; undefined when there is none the actor may read. */
async function readable(context: AppContext, actor: Actor, entity: Entity, kind: StoredDocumentKind, name: string): Promise<Loaded | undefined> {
  let cursor: string | undefined;
  do {
    const page = await context.store.documents(actor, entity.id, { limit: 200, cursor });
    const document = page.items.find((candidate) => candidate.kind === kind && candidate.name === name);
    if (document) {
      try {
        return { document, version: await context.store.version(actor, document.id) };
      } catch (error) {
        if (error instanceof StoreError && (error.code === 'not-found' || error.code === 'forbidden')) return undefined;
        throw error;
      }
    }
    cursor = page.next ?? undefined;
  } while (cursor);
  return undefined;
}
