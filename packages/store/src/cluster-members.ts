import { warningsJson, type ClusterFileMember, type ClusterFileRun, type Engine, type EngineResult, type Resolution } from '@peakpath/core';
import { StoreError, type Actor, type DocumentVersion, type Entity, type Store, type StoredDocument } from './store.ts';

/** A member of a stored cluster as found: its entity, and its inventory document at the version read. */
export interface StoredClusterMember {
  readonly entity: Entity;
  readonly document: StoredDocument;
  readonly version: DocumentVersion;
}

/** A stored cluster computed: the engine's run, the members as found, and the result as the API returns it. */
export interface StoredClusterRun {
  readonly run: ClusterFileRun;
  /** The members as found, in the cluster file's order. */
  readonly members: readonly StoredClusterMember[];
  /** `{ name, members, pairings, result, warnings }`: the `result` of `GET /api/documents/:id/result`, and `peakpath cluster SLUG --json`. */
  readonly json: {
    readonly name: ClusterFileRun['cluster']['name'];
    readonly members: readonly { id: string; entity: { id: string; slug: string; name: string }; document: string; name: string; version: number }[];
    readonly pairings: ClusterFileRun['cluster']['pairings'];
    readonly result: ClusterFileRun['result'];
    readonly warnings: ReturnType<typeof warningsJson>;
  };
}

/**
 * A stored cluster document aggregated (docs/clusters.md, "The API"): its members found (below), their
 * inventories computed by `engine` and added with each internal flow counted once. The API's result route and
 * `peakpath cluster SLUG` both run this, so they give the same figures for the same stored versions.
 */
export async function runStoredCluster(
  store: Store,
  actor: Actor,
  cluster: { readonly document: StoredDocument; readonly version: DocumentVersion },
  engine: Pick<Engine, 'cluster'>,
): Promise<EngineResult<StoredClusterRun>> {
  const members = await clusterMemberResolver(store, actor, cluster.document.entityId);
  const run = await engine.cluster(cluster.version.body, { id: cluster.document.id, member: members.resolve });
  if (!run.ok) return run;
  const found = run.value.cluster.members.map((member) => ({ id: member.id, ...members.found.get(member.id)! }));
  const json = {
    name: run.value.cluster.name,
    members: found.map(({ id, entity, document, version }) => ({ id, entity: { id: entity.id, slug: entity.slug, name: entity.name }, document: document.id, name: document.name, version: version.version })),
    pairings: run.value.cluster.pairings,
    result: run.value.result,
    warnings: warningsJson(run.warnings),
  };
  return { ok: true, value: { run: run.value, members: found, json }, warnings: run.warnings };
}

/**
 * How a stored cluster document's members are found (docs/clusters.md, "The API"): each member names its `entity`
 * (slug or id), which must be one of the cluster entity's members, and its `inventory` by document name; the
 * inventory is read at the version the actor may read (the public: the published one). The API's result route and
 * `peakpath cluster SLUG` both find members through this, so they aggregate the same inventories.
 * `resolve` is the engine's member resolver (`engine.cluster(body, { member })`); `found` holds what it found.
 */
export async function clusterMemberResolver(
  store: Store,
  actor: Actor,
  clusterEntityId: string,
): Promise<{ readonly resolve: (member: ClusterFileMember) => Promise<Resolution>; readonly found: ReadonlyMap<string, StoredClusterMember> }> {
  const members = await store.clusterMembers(actor, clusterEntityId);
  const found = new Map<string, StoredClusterMember>();
  const resolve = async (member: ClusterFileMember): Promise<Resolution> => {
    const got = await memberInventory(store, actor, members, member);
    if (!got.ok) return got;
    found.set(member.id, got.member);
    return { ok: true, id: got.member.document.id, document: got.member.version.body };
  };
  return { resolve, found };
}

type Found = { ok: true; member: StoredClusterMember } | { ok: false; reason: { en: string; zh: string } };

/** The member's entity among the cluster's members, and its inventory document named `inventory`, at the version the actor may read. */
async function memberInventory(store: Store, actor: Actor, members: readonly Entity[], member: ClusterFileMember): Promise<Found> {
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
    const page = await store.documents(actor, entity.id, { limit: 200, cursor });
    const document = page.items.find((candidate) => candidate.kind === 'inventory' && candidate.name === member.inventory);
    if (document) {
      try {
        return { ok: true, member: { entity, document, version: await store.version(actor, document.id) } };
      } catch (error) {
        if (error instanceof StoreError && (error.code === 'not-found' || error.code === 'forbidden')) break;
        throw error;
      }
    }
    cursor = page.next ?? undefined;
  } while (cursor);
  return { ok: false, reason: { en: `${entity.slug} has no inventory named "${member.inventory}" that you may read`, zh: `${entity.slug} 没有您可读取的名为"${member.inventory}"的清单` } };
}
