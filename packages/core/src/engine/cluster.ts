import { aggregateCluster } from '../cluster/aggregate.ts';
import { readClusterFile, type ClusterFile, type ClusterFileMember } from '../cluster/file.ts';
import type { ClusterMember, ClusterResult } from '../cluster/types.ts';
import { compareIds } from '../cluster/pairings.ts';
import { buildClusterPathways, clusterActionIssue, memberPathway, withClusterActions, type ClusterPathwayMember, type ClusterPathwayModel, type SharedParameter } from '../cluster/pathway-model.ts';
import { clusterParameters } from '../cluster/pathway-run.ts';
import type { InventoryResult } from '../inventory/types.ts';
import type { Issue, Path } from '../issues/issue.ts';
import { overflowYear } from '../pathway/check-values.ts';
import { PathwayWorkspace } from '../pathway/evaluate.ts';
import { drawRange } from '../pathway/random.ts';
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
  if (issues.length > 0) {
    // The cluster's own section checked against the members that compiled: every problem at once.
    const failed = new Set(cluster.members.filter((member) => !members.some((compiled) => compiled.id === member.id)).map((member) => member.id));
    if (members.length > 0) {
      const partial = buildClusterPathways(cluster.name, cluster.pathways, members, base.value.result, failed);
      if (!partial.ok) issues.push(...inDocument(self, partial.issues));
    }
    return { ok: false, issues };
  }
  // In id order, as the reconciliation: member k's seed is seed + k, and a stored file keeps no key order.
  members.sort((a, b) => compareIds(a.id, b.id));
  documents.sort((a, b) => compareIds(a.id, b.id));
  const built = buildClusterPathways(cluster.name, cluster.pathways, members, base.value.result);
  if (!built.ok) return { ok: false, issues: inDocument(self, built.issues) };
  const overflows = sharedOverflows(built.model);
  if (overflows.length > 0) return { ok: false, issues: inDocument(self, overflows) };
  return { ok: true, value: { cluster, members: documents, aggregate: base.value.result, model: built.model }, warnings };
}

/**
 * Each member's pathway compiled with its own values, every result finite (pathway/check-values.ts); the cluster's
 * scenarios run it with the shared values, which may not be: a shared grid factor of 1e308 t/MWh. Each shared value
 * that a member's results cannot be computed with is refused at its place, with the first year, as a member's own
 * value is, never an Infinity in the cluster's results or a throw in their decomposition; and each shared
 * distribution whose draws reach where they cannot be, never a NaN in the cluster's Monte Carlo.
 */
function sharedOverflows(model: ClusterPathwayModel): Issue[] {
  const found = new Map<string, { path: Path; year: number }>();
  for (const scenario of model.scenarios) {
    const params = clusterParameters(model, scenario);
    model.members.forEach((member, m) => {
      const pathway = memberPathway(model, scenario, m);
      const workspace = new PathwayWorkspace(pathway.model);
      const run = scenario.members[m]!.scenario;
      const sharing = model.shared.filter((parameter) => parameter.slots.some((slot) => slot.member === member.id));
      const slotOf = (parameter: SharedParameter): number => parameter.slots.find((slot) => slot.member === member.id)!.slot;
      const note = (path: Path, year: number): void => {
        const key = JSON.stringify(path);
        found.set(key, { path, year: Math.min(found.get(key)?.year ?? year, year) });
      };
      const year = overflowYear(workspace, params[m]!, run);
      if (year === undefined) {
        // The Monte Carlo draws a shared distribution for every member: at either end of its draws (brought within the
        // member's bounds, as the Monte Carlo brings them), as a member's own distribution is checked (checkDrawRanges).
        for (const parameter of sharing) {
          if (parameter.distribution === undefined) continue;
          const { slot, min, max } = parameter.slots.find((candidate) => candidate.member === member.id)!;
          const values = Float64Array.from(params[m]!);
          const ends = drawRange(parameter.distribution).map((end) => {
            values[slot] = Math.min(max, Math.max(min, end));
            return overflowYear(workspace, values, run);
          });
          const first = ends.find((end) => end !== undefined);
          if (first !== undefined) note(['pathways', 'shared', parameter.path, 'uncertainty'], first);
        }
        return;
      }
      // The shared values one by one, the others at the member's own: those that overflow alone, else all of them.
      const alone = sharing.filter((parameter) => {
        const one = Float64Array.from(params[m]!);
        for (const other of sharing) if (other !== parameter) one[slotOf(other)] = pathway.parameters[slotOf(other)]!.nominal;
        return overflowYear(workspace, one, run) !== undefined;
      });
      const blamed = alone.length > 0 ? alone : sharing;
      const paths: Path[] = blamed.length > 0 ? blamed.map((parameter) => ['pathways', 'shared', parameter.path, ...(parameter.from === 'cluster' ? ['value'] : [])]) : [['members', member.id, 'pathway']];
      for (const path of paths) note(path, year);
    });
  }
  return [...found.values()].map(({ path, year }) => ({ path, code: 'overflow', year }));
}
