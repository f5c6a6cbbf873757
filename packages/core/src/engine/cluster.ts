import { aggregateCluster } from '../cluster/aggregate.ts';
import { readClusterFile, type ClusterFile, type ClusterFileMember } from '../cluster/file.ts';
import type { ClusterMember, ClusterResult } from '../cluster/types.ts';
import { compareIds } from '../cluster/pairings.ts';
import { buildClusterPathways, clusterActionIssue, withClusterActions, type ClusterPathwayMember, type ClusterPathwayModel } from '../cluster/pathway-model.ts';
import type { InventoryResult } from '../inventory/types.ts';
import type { Path } from '../issues/issue.ts';
import type { Pathway } from '../pathway/definitions.ts';
import { follow, inDocument, type DocumentIssue, type DocumentName, type DocumentResolver, type EngineResult, type Resolution } from './documents.ts';

/**
 * A cluster file through the engine (docs/clusters.md): the file read, each member's inventory found (a file
 * relative to the cluster file in the CLI, a stored document in the API) and computed, then `aggregateCluster`.
 * Every problem at once: the cluster file's, every member inventory's, the pairings'.
 */

/** A cluster computed: the file as read, each member's inventory and its document's id, and the aggregation. */
export interface ClusterFileRun {
  readonly cluster: ClusterFile;
  readonly members: readonly { readonly id: string; readonly document: string; readonly result: InventoryResult }[];
  readonly result: ClusterResult;
}

/** Finds a member's inventory document: the engine's resolver by default, the store's members in the API. */
export type MemberResolver = (member: ClusterFileMember, from: DocumentName) => Promise<Resolution>;

export async function runCluster(
  document: unknown,
  self: DocumentName,
  findMember: MemberResolver,
  inventory: (document: unknown, options: { id: string }) => EngineResult<InventoryResult>,
): Promise<EngineResult<ClusterFileRun>> {
  const read = readClusterFile(document);
  if (!read.ok) return { ok: false, issues: inDocument(self, read.issues) };
  const { cluster } = read;
  const issues: DocumentIssue[] = [];
  const warnings: DocumentIssue[] = [];
  const members: { id: string; document: string; result: InventoryResult }[] = [];
  for (const member of cluster.members) {
    let found: Resolution;
    try {
      found = await findMember(member, self);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      found = { ok: false, reason: { en: message, zh: message } };
    }
    if (!found.ok) {
      issues.push({ document: self, path: ['members', member.id, 'inventory'], code: 'unresolved-reference', kind: 'inventory', reference: member.inventory, reason: found.reason, role: 'member' });
      continue;
    }
    const computed = inventory(found.document, { id: found.id });
    if (!computed.ok) {
      issues.push(...computed.issues);
      continue;
    }
    warnings.push(...computed.warnings);
    members.push({ id: member.id, document: found.id, result: computed.value });
  }
  if (issues.length > 0) return { ok: false, issues };
  const clusterMembers: ClusterMember[] = members.map(({ id, result }) => ({ id, result }));
  const run = aggregateCluster(clusterMembers, cluster.pairings);
  if (!run.ok) return { ok: false, issues: run.issues.map((issue) => ({ document: self, path: issue.path, code: 'cluster-input', reason: issue.code, text: issue.text })) };
  return { ok: true, value: { cluster, members, result: run.value }, warnings };
}

/** A cluster's pathways compiled (docs/clusters.md, "Cluster pathways"): the base-year aggregation and the model its scenarios and Monte Carlo run on. */
export interface ClusterPathwaysRun {
  readonly cluster: ClusterFile;
  /** Each member's inventory and pathway documents, by the ids their resolvers gave. */
  readonly members: readonly { readonly id: string; readonly inventory: string; readonly pathway: string }[];
  readonly aggregate: ClusterResult;
  readonly model: ClusterPathwayModel;
}

export interface ClusterPathwayResolvers {
  /** A member's inventory (as `runCluster`). */
  readonly inventory: MemberResolver;
  /** A member's pathway document (`members.<id>.pathway`). */
  readonly pathway: MemberResolver;
  /** What a member's pathway names as its base-year inventory (`inventory:`), from the pathway. */
  readonly follow: DocumentResolver;
}

/**
 * A cluster file's pathways: the members' inventories aggregated (`runCluster`), each member's pathway found, its
 * base-year inventory checked to be the member's, the cluster's actions added and the pathway compiled, then the
 * cluster's model built. Every problem at once, each in the document it is in.
 */
export async function runClusterPathways(
  document: unknown,
  self: DocumentName,
  resolvers: ClusterPathwayResolvers,
  inventory: (document: unknown, options: { id: string }) => EngineResult<InventoryResult>,
  compilePathway: (documents: { readonly pathway: unknown; readonly inventory: unknown }, names: { pathway: string; inventory: string }) => EngineResult<Pathway>,
): Promise<EngineResult<ClusterPathwaysRun>> {
  const read = readClusterFile(document);
  if (!read.ok) return { ok: false, issues: inDocument(self, read.issues) };
  const { cluster } = read;
  const missing = cluster.members.filter((member) => member.pathway === undefined);
  if (missing.length > 0) {
    const issues: DocumentIssue[] = missing.map((member) => ({
      document: self,
      path: ['members', member.id, 'pathway'],
      code: 'cluster-input',
      reason: 'pathway-required',
      text: { en: "the cluster's pathways add up every member's: name this member's pathway", zh: '城市群路径由各成员路径合成：请指定该成员的路径文件' },
    }));
    return { ok: false, issues };
  }
  const base = await runCluster(document, self, resolvers.inventory, inventory);
  if (!base.ok) return base;
  const issues: DocumentIssue[] = [];
  const warnings: DocumentIssue[] = [...base.warnings];
  const actions = cluster.pathways?.actions ?? [];
  const actionIds = new Set(actions.map((action) => action.id));
  const members: ClusterPathwayMember[] = [];
  const documents: { id: string; inventory: string; pathway: string }[] = [];
  for (const member of cluster.members) {
    const computed = base.value.members.find((candidate) => candidate.id === member.id)!;
    const at: Path = ['members', member.id, 'pathway'];
    let found: Resolution;
    try {
      found = await resolvers.pathway(member, self);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      found = { ok: false, reason: { en: message, zh: message } };
    }
    if (!found.ok) {
      issues.push({ document: self, path: at, code: 'unresolved-reference', kind: 'pathway', reference: member.pathway!, reason: found.reason });
      continue;
    }
    const pathwayName: DocumentName = { kind: 'pathway', id: found.id };
    const named = await follow(resolvers.follow, pathwayName, found.document, 'inventory');
    if (!named.ok) {
      issues.push(...named.issues);
      continue;
    }
    if (named.name.id !== computed.document) {
      issues.push({
        document: self,
        path: at,
        code: 'cluster-input',
        reason: 'pathway-inventory',
        text: { en: `the pathway ${found.id} starts from ${named.name.id}, not from the member's inventory ${computed.document}: a member's pathway starts from the inventory the cluster adds`, zh: `路径 ${found.id} 以 ${named.name.id} 为基年清单，而非该成员的清单 ${computed.document}：成员路径须以城市群合计的清单为基年` },
      });
      continue;
    }
    const added = withClusterActions(found.document, member.id, actions);
    issues.push(...inDocument(self, added.issues));
    const compiled = compilePathway({ pathway: added.document, inventory: named.document }, { pathway: found.id, inventory: named.name.id });
    if (!compiled.ok) {
      for (const issue of compiled.issues) {
        const placed = issue.document.kind === 'pathway' ? clusterActionIssue(issue, member.id, actionIds) : undefined;
        issues.push(placed ? { ...placed, document: self } : issue);
      }
      continue;
    }
    warnings.push(...compiled.warnings.filter((warning) => warning.document.kind === 'pathway'));
    const row = base.value.result.members.find((candidate) => candidate.id === member.id);
    members.push({ id: member.id, name: row?.name ?? member.id, ...(row?.nameZh === undefined ? {} : { nameZh: row.nameZh }), pathway: compiled.value });
    documents.push({ id: member.id, inventory: computed.document, pathway: found.id });
  }
  if (issues.length > 0) return { ok: false, issues };
  // In id order, as the reconciliation: member k's seed is seed + k, and a stored file keeps no key order.
  members.sort((a, b) => compareIds(a.id, b.id));
  documents.sort((a, b) => compareIds(a.id, b.id));
  const built = buildClusterPathways(cluster.name, cluster.pathways, members, base.value.result);
  if (!built.ok) return { ok: false, issues: inDocument(self, built.issues) };
  return { ok: true, value: { cluster, members: documents, aggregate: base.value.result, model: built.model }, warnings };
}
