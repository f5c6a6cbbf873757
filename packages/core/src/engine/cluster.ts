import { aggregateCluster } from '../cluster/aggregate.ts';
import { readClusterFile, type ClusterFile, type ClusterFileMember } from '../cluster/file.ts';
import type { ClusterMember, ClusterResult } from '../cluster/types.ts';
import type { InventoryResult } from '../inventory/types.ts';
import { inDocument, type DocumentIssue, type DocumentName, type EngineResult, type Resolution } from './documents.ts';

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
