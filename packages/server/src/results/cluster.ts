import { compareClusterScenarios, readClusterFile, runClusterScenario, warningsJson, type ClusterPathwaysRun, type DocumentIssue, type WarningJson } from '@peakpath/core';
import { runStoredCluster, storedClusterMembers, storedMemberInputs, storedMemberList, type Actor, type StoredClusterMembers } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import { ApiError, invalidDocument } from '../errors.ts';
import { stamp, type Loaded } from './references.ts';

/**
 * A cluster document's result (docs/clusters.md, "The API"): the members' inventories aggregated with each internal
 * flow counted once and, when the members name their pathways (`members.<id>.pathway`), the cluster's pathways —
 * the cluster scenario asked for (`?scenario=`, default the file's) in detail and every cluster scenario compared,
 * as `peakpath cluster` gives them. Every member document is read at the version the actor may read (the public:
 * the published ones), found by the store's `storedClusterMembers`; the aggregation alone is `runStoredCluster`, which
 * `peakpath cluster SLUG` runs too. Not cached: the members' versions are known only once they are found, and the
 * whole takes milliseconds.
 */
export async function clusterResult(context: AppContext, actor: Actor, loaded: Loaded, scenario: string | undefined): Promise<{ value: object; from: string }> {
  if (!namesPathways(loaded.version.body)) {
    // The file's own problems first: `scenario` is refused only on a cluster that reads and has no pathways.
    wrongKind(loaded);
    const run = await runStoredCluster(context.store, actor, loaded, context.engine);
    if (!run.ok) throw invalidDocument(run.issues);
    if (scenario !== undefined) throw noClusterScenarios(loaded);
    return { value: run.value.json, from: stamp(loaded, ...run.value.members) };
  }
  wrongKind(loaded);
  const compiled = await compileClusterPathways(context, actor, loaded);
  if (!compiled.ok) {
    // The members' inventories may still add up when their pathways do not: the aggregation answers, with the
    // pathways' problems in their place (a scenario asked for cannot be answered, so that request is a 422).
    const aggregation = scenario === undefined ? await runStoredCluster(context.store, actor, loaded, context.engine, compiled.members) : undefined;
    if (!aggregation?.ok) throw invalidDocument(compiled.issues);
    // `pathways.error` is the body a 422 would carry: { code, message, issues }.
    return { value: { ...aggregation.value.json, pathways: invalidDocument(compiled.issues).body() }, from: stamp(loaded, ...aggregation.value.members) };
  }
  const { run, members, warnings } = compiled.value;
  const chosen = clusterScenarioOf(run, scenario);
  const pathways = { result: runClusterScenario(run.model, chosen), comparison: compareClusterScenarios(run.model) };
  const { cluster, aggregate } = run;
  return { value: { name: cluster.name, members: storedMemberList(cluster.members, members.found), pairings: cluster.pairings, result: aggregate, pathways, warnings }, from: stamp(loaded, ...storedMemberInputs(members.found)) };
}

/** Whether the stored body is a cluster file some of whose members name a pathway: then the result has the cluster's pathways. */
function namesPathways(body: unknown): boolean {
  const read = readClusterFile(body);
  return read.ok && read.cluster.members.some((member) => member.pathway !== undefined);
}

/**
 * A stored cluster's pathways compiled: `engine.clusterPathways` with the members' inventories and pathways found in
 * their entities and each pathway's `inventory:` followed there. 422 with every problem (a member pathway missing or
 * unreadable, a pathway that starts from another inventory, a bad `pathways` section), each at its place.
 */
export async function clusterPathwaysRun(context: AppContext, actor: Actor, loaded: Loaded): Promise<CompiledClusterPathways> {
  wrongKind(loaded);
  const compiled = await compileClusterPathways(context, actor, loaded);
  if (!compiled.ok) throw invalidDocument(compiled.issues);
  return compiled.value;
}

interface CompiledClusterPathways {
  readonly run: ClusterPathwaysRun;
  readonly members: StoredClusterMembers;
  readonly warnings: WarningJson[];
}

async function compileClusterPathways(context: AppContext, actor: Actor, loaded: Loaded): Promise<{ ok: true; value: CompiledClusterPathways } | { ok: false; issues: readonly DocumentIssue[]; members: StoredClusterMembers }> {
  const members = await storedClusterMembers(context.store, actor, loaded.document.entityId);
  const run = await context.engine.clusterPathways(loaded.version.body, { id: loaded.document.id, member: members.inventory, memberPathway: members.pathway, follow: members.follow });
  if (!run.ok) return { ok: false, issues: run.issues, members };
  return { ok: true, value: { run: run.value, members, warnings: warningsJson(run.warnings) } };
}

/** The cluster scenario asked for, or the file's default; an unknown one is refused with the known ids. */
export function clusterScenarioOf(run: ClusterPathwaysRun, scenario: string | undefined): string {
  const chosen = scenario ?? run.model.defaultScenario;
  const known = run.model.scenarios.map((candidate) => candidate.id);
  if (known.includes(chosen)) return chosen;
  throw new ApiError(422, 'invalid-document', { en: `The cluster has no scenario "${chosen}"; its scenarios are ${known.join(', ')}.`, zh: `城市群没有情景 "${chosen}"；可用情景为 ${known.join('、')}。` }, [
    { path: ['scenario'], code: 'unknown-reference', document: { kind: 'request', id: 'scenario' }, got: chosen, known, message: { en: `scenario: no cluster scenario "${chosen}" (scenarios: ${known.join(', ')})`, zh: `scenario：没有城市群情景 "${chosen}"（可用情景：${known.join('、')}）` } },
  ]);
}

const noClusterScenarios = (loaded: Loaded): ApiError =>
  new ApiError(422, 'invalid-document', { en: `The cluster ${loaded.document.id} has no pathways (its members name none): scenario does not apply.`, zh: `城市群 ${loaded.document.id} 没有路径（成员均未指定路径）：scenario 不适用。` }, [
    { path: ['scenario'], code: 'not-applicable', document: { kind: 'request', id: 'scenario' }, known: [], message: { en: 'scenario: the cluster has no pathways (members.<id>.pathway), so no scenarios', zh: 'scenario：城市群没有路径（members.<id>.pathway），因而没有情景' } },
  ]);

function wrongKind(loaded: Loaded): void {
  if (loaded.document.kind !== 'cluster') {
    throw new ApiError(400, 'bad-request', { en: `Document ${loaded.document.id} is a ${loaded.document.kind}, not a cluster.`, zh: `文档 ${loaded.document.id} 是${loaded.document.kind}，不是城市群文档。` });
  }
}
