import { warningsJson, type ClusterFileMember, type Resolution } from '@peakpath/core';
import { StoreError, type Actor, type Entity } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import { ApiError, invalidDocument } from '../errors.ts';
import { stamp, type Loaded } from './references.ts';

/**
 * A cluster document's aggregation (docs/clusters.md): each member names its entity (`entity`: slug or id, one of
 * the cluster entity's members) and its inventory document by name; the inventories are read at the versions the
 * actor may read (the public: the published ones), computed, and added with each internal flow counted once.
 * Not cached: the members' versions are known only once they are found, and the aggregation takes milliseconds.
 */
export async function clusterResult(context: AppContext, actor: Actor, loaded: Loaded): Promise<{ value: object; from: string }> {
  if (loaded.document.kind !== 'cluster') {
    throw new ApiError(400, 'bad-request', { en: `Document ${loaded.document.id} is a ${loaded.document.kind}, not a cluster.`, zh: `文档 ${loaded.document.id} 是${loaded.document.kind}，不是城市群文档。` });
  }
  const members = await context.store.clusterMembers(actor, loaded.document.entityId);
  const inputs = new Map<string, { entity: Entity; loaded: Loaded }>();
  const findMember = async (member: ClusterFileMember): Promise<Resolution> => {
    const found = await memberInventory(context, actor, members, member);
    if (found.ok) inputs.set(member.id, { entity: found.entity, loaded: found.loaded });
    return found.ok ? { ok: true, id: found.loaded.document.id, document: found.loaded.version.body } : found;
  };
  const run = await context.engine.cluster(loaded.version.body, { id: loaded.document.id, member: findMember });
  if (!run.ok) throw invalidDocument(run.issues);
  const from = stamp(loaded, ...[...inputs.values()].map((input) => input.loaded));
  const { cluster, result } = run.value;
  const memberList = cluster.members.map((member) => {
    const input = inputs.get(member.id)!;
    return { id: member.id, entity: { id: input.entity.id, slug: input.entity.slug, name: input.entity.name }, document: input.loaded.document.id, name: input.loaded.document.name, version: input.loaded.version.version };
  });
  return { value: { name: cluster.name, members: memberList, pairings: cluster.pairings, result, warnings: warningsJson(run.warnings) }, from };
}

type Found = { ok: true; entity: Entity; loaded: Loaded } | { ok: false; reason: { en: string; zh: string } };

/** The member's entity among the cluster's members, and its inventory document named `inventory`, at the version the actor may read. */
async function memberInventory(context: AppContext, actor: Actor, members: readonly Entity[], member: ClusterFileMember): Promise<Found> {
  if (member.entity === undefined) {
    return { ok: false, reason: { en: `members.${member.id}.entity is required in a stored cluster: the member's entity (slug or id)`, zh: `已存储的城市群须为成员填写 members.${member.id}.entity：成员实体的标识（slug 或 id）` } };
  }
  const entity = members.find((candidate) => candidate.slug === member.entity || candidate.id === member.entity);
  if (!entity) {
    const names = members.map((candidate) => candidate.slug).join(', ') || '—';
    return { ok: false, reason: { en: `"${member.entity}" is not a member of this cluster (members: ${names})`, zh: `"${member.entity}" 不是本城市群的成员（成员：${names}）` } };
  }
  let cursor: string | undefined;
  do {
    const page = await context.store.documents(actor, entity.id, { limit: 200, cursor });
    const document = page.items.find((candidate) => candidate.kind === 'inventory' && candidate.name === member.inventory);
    if (document) {
      try {
        return { ok: true, entity, loaded: { document, version: await context.store.version(actor, document.id) } };
      } catch (error) {
        if (error instanceof StoreError && (error.code === 'not-found' || error.code === 'forbidden')) break;
        throw error;
      }
    }
    cursor = page.next ?? undefined;
  } while (cursor);
  return { ok: false, reason: { en: `${entity.slug} has no inventory named "${member.inventory}" that you may read`, zh: `${entity.slug} 没有您可读取的名为"${member.inventory}"的清单` } };
}
