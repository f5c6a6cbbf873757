import { existsSync } from 'node:fs';
import { compareClusterScenarios, createEngine, MAX_MONTE_CARLO_RUNS, runClusterMonteCarlo, runClusterScenario, warningsJson, type ClusterFileRun, type ClusterMonteCarloSummary, type DocumentIssue, type DocumentResolver, type Lang, type MemberResolver } from '@peakpath/core';
import { defaultThreads, fileResolver, MonteCarloPool, readDocument } from '@peakpath/node';
import { runStoredCluster, storedClusterMembers, storedMemberList, StoreError, type SqlStore, type StoredDocument } from '@peakpath/store';
import { renderCluster } from '../cluster/render.ts';
import { renderClusterPathways } from '../cluster/render-pathways.ts';
import { jsonText } from '../format/json.ts';
import type { CommandOutput } from '../output.ts';
import { issueReport } from './inventory.ts';
import { integerOption, threadsOption } from './options.ts';
import { warningBlock } from './warnings.ts';
import { withStore } from './workspace.ts';

export interface ClusterOptions {
  readonly json: boolean;
  readonly pretty?: boolean;
  readonly lang: Lang;
  /** The cluster scenario shown in detail (its pathways' default when absent). */
  readonly scenario?: string | undefined;
  /** Monte Carlo runs of the cluster's pathways, and their seed. */
  readonly mc?: string | undefined;
  readonly seed?: string | undefined;
  /** Worker threads for the Monte Carlo (default: one per core from 2,000 runs). */
  readonly threads?: string | undefined;
  /** The workspace's embedded database folder (when DATABASE_URL is not set), for a stored cluster. */
  readonly data: string;
  /** Which cluster document of the entity, when it holds more than one. */
  readonly document?: string | undefined;
}

/**
 * `peakpath cluster FILE`: the members' inventories (files relative to the cluster file) computed and added with
 * each internal flow counted once (docs/clusters.md): totals on each basis, the reconciliation, unpaired lines.
 * `peakpath cluster SLUG` (an argument that is no file): the cluster document of that entity of the workspace, its
 * members' stored inventories aggregated exactly as `GET /api/documents/:id/result` does (the store's
 * `runStoredCluster`), read as an administrator on the server's machine.
 */
export async function clusterCommand(target: string, options: ClusterOptions): Promise<CommandOutput> {
  // A name that is no file is a stored cluster's slug; one that looks like a file name stays a file (reported missing).
  if (!existsSync(target) && !FILE_NAME.test(target)) return storedCluster(target, options);
  const document = await readDocument(target, { notice: (text) => process.stderr.write(`${text}\n`) });
  // No solver: a cluster needs none, so HiGHS is not loaded.
  const engine = createEngine({ resolve: fileResolver });
  const run = await engine.cluster(document, { id: target });
  if (!run.ok) return { status: 2, stderr: issueReport(run.issues, options.lang) };
  const { cluster, members, result } = run.value;
  const pathways = await clusterPathways(engine, document, target, run.value, options);
  if (!pathways.ok) return { status: 2, stderr: issueReport(pathways.issues, options.lang) };
  const warnings = [...run.warnings, ...(pathways.value?.warnings ?? [])];
  if (options.json) {
    const json = {
      name: cluster.name,
      members: members.map(({ id, document: inventory }) => ({ id, inventory, ...(pathways.value ? { pathway: pathways.value.documents[id] } : {}) })),
      pairings: cluster.pairings,
      result,
      ...(pathways.value ? { pathways: { result: pathways.value.result, comparison: pathways.value.comparison, ...(pathways.value.mc ? { mc: pathways.value.mc } : {}) } } : {}),
      warnings: warningsJson(warnings),
    };
    return { status: 0, stdout: jsonText(json, options.pretty) };
  }
  const text = pathways.value ? `\n${renderClusterPathways(pathways.value.result, pathways.value.comparison, pathways.value.mc, options.lang)}` : '';
  return { status: 0, stdout: `${renderCluster(run.value, options.lang)}${text}${warningBlock(warnings, options.lang)}` };
}

/** The cluster's pathways when its members name them (or --scenario / --mc ask for them); none otherwise. */
async function clusterPathways(
  engine: ReturnType<typeof createEngine>,
  document: unknown,
  file: string,
  run: ClusterFileRun,
  options: ClusterOptions,
  resolvers: { member?: MemberResolver; memberPathway?: MemberResolver; follow?: DocumentResolver } = {},
) {
  const runs = integerOption('mc', options.mc, 1, MAX_MONTE_CARLO_RUNS, options.lang);
  const seed = integerOption('seed', options.seed, 0, 2 ** 31 - 1, options.lang) ?? 1;
  const asked = options.scenario !== undefined || runs !== undefined;
  if (!asked && !run.cluster.members.some((member) => member.pathway !== undefined)) return { ok: true as const, value: undefined };
  const compiled = await engine.clusterPathways(document, { id: file, ...resolvers });
  if (!compiled.ok) return { ok: false as const, issues: compiled.issues };
  const { model, members } = compiled.value;
  const scenario = options.scenario ?? model.defaultScenario;
  if (!model.scenarios.some((candidate) => candidate.id === scenario)) {
    const issue: DocumentIssue = { document: { kind: 'request', id: 'scenario' }, path: ['scenario'], code: 'unknown-reference', kind: 'scenario', got: scenario, suggestion: model.scenarios.map((candidate) => candidate.id).find((id) => id.toLowerCase() === scenario.toLowerCase()) ?? model.scenarios[0]?.id };
    return { ok: false as const, issues: [issue] };
  }
  // Blocks of runs give the same figures on this thread or spread over worker threads (cluster/pathway-mc.ts).
  let mc: ClusterMonteCarloSummary | undefined;
  if (runs !== undefined) {
    const threads = threadsOption(options.threads, options.lang) ?? defaultThreads(runs);
    if (threads <= 1) mc = runClusterMonteCarlo(model, scenario, runs, seed);
    else {
      const pool = new MonteCarloPool(threads);
      try {
        mc = await pool.cluster(model, scenario, runs, seed);
      } finally {
        await pool.close();
      }
    }
  }
  return {
    ok: true as const,
    value: {
      result: runClusterScenario(model, scenario),
      comparison: compareClusterScenarios(model),
      mc,
      documents: Object.fromEntries(members.map((member) => [member.id, member.pathway])),
      warnings: compiled.warnings.filter((warning) => warning.document.kind === 'pathway') as DocumentIssue[],
    },
  };
}

const FILE_NAME = /\.(ya?ml|json)$/i;

const ADMIN = { kind: 'user', userId: '00000000-0000-0000-0000-000000000000', admin: true } as const;

async function storedCluster(slug: string, options: ClusterOptions): Promise<CommandOutput> {
  return withStore<CommandOutput>(options, async (store) => {
    const picked = await clusterDocument(store, slug, options);
    if ('status' in picked) return picked;
    const version = await store.version(ADMIN, picked.id);
    const engine = createEngine();
    const run = await runStoredCluster(store, ADMIN, { document: picked, version }, engine);
    if (!run.ok) return { status: 2, stderr: issueReport(run.issues, options.lang) };
    const read = run.value.members.map((member) => `${member.entity.slug}/${member.document.name} v${member.version.version}`).join(', ');
    const from = options.lang === 'zh' ? `成员清单（已存储）：${read}\n` : `Members' inventories (stored): ${read}\n`;
    // The members' pathways, found in their entities as the API finds them (the store's storedClusterMembers).
    const members = await storedClusterMembers(store, ADMIN, picked.entityId);
    const resolvers = { member: members.inventory, memberPathway: members.pathway, follow: members.follow };
    const pathways = await clusterPathways(engine, version.body, picked.id, run.value.run, options, resolvers);
    if (!pathways.ok) return { status: 2, stderr: issueReport(pathways.issues, options.lang) };
    const warnings = [...run.warnings, ...(pathways.value?.warnings ?? [])];
    if (options.json) {
      if (!pathways.value) return { status: 0, stdout: jsonText(run.value.json, options.pretty) };
      // As `GET /api/documents/:id/result` answers a cluster with pathways (its Monte Carlo is a job there; here `mc` is added when asked).
      const { cluster } = run.value.run;
      const json = {
        name: cluster.name,
        members: storedMemberList(cluster.members, members.found),
        pairings: cluster.pairings,
        result: run.value.run.result,
        pathways: { result: pathways.value.result, comparison: pathways.value.comparison, ...(pathways.value.mc ? { mc: pathways.value.mc } : {}) },
        warnings: warningsJson(warnings),
      };
      return { status: 0, stdout: jsonText(json, options.pretty) };
    }
    const text = pathways.value ? `\n${renderClusterPathways(pathways.value.result, pathways.value.comparison, pathways.value.mc, options.lang)}` : '';
    return { status: 0, stdout: `${renderCluster(run.value.run, options.lang)}${from}${text}${warningBlock(warnings, options.lang)}` };
  });
}

/** The entity's cluster document: the one it holds, or the one `--document` names; otherwise exit 2, saying why. */
async function clusterDocument(store: SqlStore, slug: string, options: ClusterOptions): Promise<StoredDocument | CommandOutput> {
  const zh = options.lang === 'zh';
  let entity;
  try {
    entity = await store.entityBySlug(ADMIN, slug);
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== 'not-found') throw error;
    return {
      status: 2,
      stderr: zh
        ? `${slug}：既不是文件，也不是工作区中的城市群（peakpath cluster 接受城市群文件，或工作区中城市群的标识 slug）\n`
        : `${slug}: neither a file nor a cluster of the workspace (peakpath cluster takes a cluster file, or the slug of a cluster of the workspace)\n`,
    };
  }
  const documents: StoredDocument[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.documents(ADMIN, entity.id, { limit: 200, cursor });
    documents.push(...page.items.filter((document) => document.kind === 'cluster'));
    cursor = page.next ?? undefined;
  } while (cursor);
  const names = documents.map((document) => document.name);
  const chosen = options.document === undefined ? (documents.length === 1 ? documents[0] : undefined) : documents.find((document) => document.name === options.document);
  if (chosen) return chosen;
  const list = names.join(', ') || '—';
  if (documents.length === 0) {
    return { status: 2, stderr: zh ? `${slug}：该实体（${entity.kind}）没有城市群文档\n` : `${slug}: the entity (${entity.kind}) holds no cluster document\n` };
  }
  if (options.document !== undefined) {
    return { status: 2, stderr: zh ? `--document：${slug} 没有名为 "${options.document}" 的城市群文档（现有：${list}）\n` : `--document: ${slug} has no cluster document named "${options.document}" (there are: ${list})\n` };
  }
  return { status: 2, stderr: zh ? `${slug} 有多个城市群文档（${list}）：请用 --document 指定\n` : `${slug} holds several cluster documents (${list}): name one with --document\n` };
}
