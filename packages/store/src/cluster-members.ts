import { warningsJson, type ClusterFileMember, type ClusterFileRun, type DocumentResolver, type Engine, type EngineResult, type MemberResolver, type Resolution } from '@peakpath/core';
import { StoreError, type Actor, type DocumentVersion, type Entity, type Store, type StoredDocument, type StoredDocumentKind } from './store.ts';

/** A stored document at the version read. */
export interface StoredVersion {
  readonly document: StoredDocument;
  readonly version: DocumentVersion;
}

/** A member of a stored cluster as found: its entity, and its inventory document at the version read. */
export interface StoredClusterMember extends StoredVersion {
  readonly entity: Entity;
}

/**
 * Where a stored cluster's members' documents come from (docs/clusters.md, "The API"): each member names its entity
 * (`entity`: slug or id, one of the cluster entity's members) and, by name, its inventory and its pathway there; a
 * stored pathway's `inventory:` names an inventory of the same entity. Every document is read at the version the
 * actor may read (the public: the published one). The API's result route and `peakpath cluster SLUG` both find
 * members through this, so they compute the same documents. `found` keeps what was found, for the answer and its stamp.
 */
export interface StoredClusterMembers {
  /** The engine's resolvers: a member's inventory, its pathway, and what a member's pathway names. */
  readonly inventory: MemberResolver;
  readonly pathway: MemberResolver;
  readonly follow: DocumentResolver;
  /** Member id → its entity and the documents found for it. */
  readonly found: ReadonlyMap<string, { readonly entity: Entity; readonly inventory?: StoredVersion; readonly pathway?: StoredVersion }>;
}

type Found = { ok: true; entity: Entity; loaded: StoredVersion } | { ok: false; reason: { en: string; zh: string } };

const KIND_ZH: Readonly<Record<'inventory' | 'pathway', string>> = { inventory: '清单', pathway: '路径' };

export async function storedClusterMembers(store: Store, actor: Actor, clusterEntityId: string): Promise<StoredClusterMembers> {
  const entities = await store.clusterMembers(actor, clusterEntityId);
  const found = new Map<string, { entity: Entity; inventory?: StoredVersion; pathway?: StoredVersion }>();
  /** A stored pathway's id → its member's entity: where its `inventory:` is looked for. */
  const pathwayEntity = new Map<string, Entity>();
  const resolution = (result: Found): Resolution => (result.ok ? { ok: true, id: result.loaded.document.id, document: result.loaded.version.body } : result);

  // Each member document is read once, however many runs (an aggregation, then pathways) ask for it.
  const asked = new Map<string, Promise<Resolution>>();
  const memberResolver =
    (kind: 'inventory' | 'pathway'): MemberResolver =>
    (member) => {
      const name = kind === 'inventory' ? member.inventory : (member.pathway ?? '');
      const key = JSON.stringify([kind, member.id, member.entity ?? null, name]);
      let answer = asked.get(key);
      if (answer === undefined) {
        answer = memberDocument(store, actor, entities, member, kind, name).then((result) => {
          if (result.ok) {
            found.set(member.id, { ...found.get(member.id), entity: result.entity, [kind]: result.loaded });
            if (kind === 'pathway') pathwayEntity.set(result.loaded.document.id, result.entity);
          }
          return resolution(result);
        });
        asked.set(key, answer);
      }
      return answer;
    };

  const follow: DocumentResolver = async ({ kind, reference, from }) => {
    const entity = pathwayEntity.get(from.id);
    if (!entity || kind !== 'inventory') {
      return { ok: false, reason: { en: `a ${kind} named from ${from.id} is not looked for in a cluster`, zh: `城市群不查找 ${from.id} 所指的${kind}` } };
    }
    const loaded = await readable(store, actor, entity, 'inventory', reference);
    if (!loaded) return { ok: false, reason: { en: `${entity.slug} has no inventory named "${reference}" that you may read`, zh: `${entity.slug} 没有您可读取的名为"${reference}"的清单` } };
    return { ok: true, id: loaded.document.id, document: loaded.version.body };
  };

  return { inventory: memberResolver('inventory'), pathway: memberResolver('pathway'), follow, found };
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
 * A stored cluster document aggregated (docs/clusters.md, "The API"): its members found (above), their
 * inventories computed by `engine` and added with each internal flow counted once. The API's result route and
 * `peakpath cluster SLUG` both run this, so they give the same figures for the same stored versions.
 */
export async function runStoredCluster(store: Store, actor: Actor, cluster: StoredVersion, engine: Pick<Engine, 'cluster'>, already?: StoredClusterMembers): Promise<EngineResult<StoredClusterRun>> {
  // `already`: the members a run of the same cluster for the same actor found (their documents are not read again).
  const members = already ?? (await storedClusterMembers(store, actor, cluster.document.entityId));
  const run = await engine.cluster(cluster.version.body, { id: cluster.document.id, member: members.inventory });
  if (!run.ok) return run;
  const found = run.value.cluster.members.map((member) => {
    const { entity, inventory } = members.found.get(member.id)!;
    return { id: member.id, entity, ...inventory! };
  });
  const json = {
    name: run.value.cluster.name,
    members: found.map(({ id, entity, document, version }) => ({ id, entity: { id: entity.id, slug: entity.slug, name: entity.name }, document: document.id, name: document.name, version: version.version })),
    pairings: run.value.cluster.pairings,
    result: run.value.result,
    warnings: warningsJson(run.warnings),
  };
  return { ok: true, value: { run: run.value, members: found, json }, warnings: run.warnings };
}

/** The member's entity among the cluster's members, and its `kind` document named `name`, at the version the actor may read. */
async function memberDocument(store: Store, actor: Actor, members: readonly Entity[], member: ClusterFileMember, kind: 'inventory' | 'pathway', name: string): Promise<Found> {
  if (member.entity === undefined) {
    return { ok: false, reason: { en: `members.${member.id}.entity is required in a stored cluster: the member's entity (slug or id)`, zh: `已存储的城市群须为成员填写 members.${member.id}.entity：成员实体的标识（slug 或 id）` } };
  }
  const entity = members.find((candidate) => candidate.slug === member.entity || candidate.id === member.entity);
  if (!entity) {
    const names = members.map((candidate) => candidate.slug).join(', ') || '—';
    return { ok: false, reason: { en: `"${member.entity}" is not a member of this cluster (members: ${names})`, zh: `"${member.entity}" 不是本城市群的成员（成员：${names}）` } };
  }
  const loaded = await readable(store, actor, entity, kind, name);
  if (!loaded) return { ok: false, reason: { en: `${entity.slug} has no ${kind} named "${name}" that you may read`, zh: `${entity.slug} 没有您可读取的名为"${name}"的${KIND_ZH[kind]}` } };
  return { ok: true, entity, loaded };
}

/** The entity's `kind` document named `name` at the version the actor may read; undefined when there is none the actor may read. */
async function readable(store: Store, actor: Actor, entity: Entity, kind: StoredDocumentKind, name: string): Promise<StoredVersion | undefined> {
  let cursor: string | undefined;
  do {
    const page = await store.documents(actor, entity.id, { limit: 200, cursor });
    const document = page.items.find((candidate) => candidate.kind === kind && candidate.name === name);
    if (document) {
      try {
        return { document, version: await store.version(actor, document.id) };
      } catch (error) {
        if (error instanceof StoreError && (error.code === 'not-found' || error.code === 'forbidden')) return undefined;
        throw error;
      }
    }
    cursor = page.next ?? undefined;
  } while (cursor);
  return undefined;
}

/** A stored cluster's members as the API's answer lists them: entity, inventory document and version, and pathway (when found). */
export function storedMemberList(members: readonly ClusterFileMember[], found: StoredClusterMembers['found']) {
  return members.map((member) => {
    const { entity, inventory, pathway } = found.get(member.id)!;
    return {
      id: member.id,
      entity: { id: entity.id, slug: entity.slug, name: entity.name },
      document: inventory!.document.id,
      name: inventory!.document.name,
      version: inventory!.version.version,
      ...(pathway ? { pathway: { document: pathway.document.id, name: pathway.document.name, version: pathway.version.version } } : {}),
    };
  });
}

/** The documents a stored cluster's result rests on: each member's inventory and pathway, at the versions read. */
export function storedMemberInputs(found: StoredClusterMembers['found']): StoredVersion[] {
  return [...found.values()].flatMap((entry) => [entry.inventory, entry.pathway].filter((input): input is StoredVersion => input !== undefined));
}
