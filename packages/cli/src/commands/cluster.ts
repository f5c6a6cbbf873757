import { availableParallelism } from 'node:os';
import { compareClusterScenarios, createEngine, MAX_MONTE_CARLO_RUNS, runClusterMonteCarlo, runClusterScenario, warningsJson, type ClusterFileRun, type ClusterMonteCarloSummary, type DocumentIssue, type Lang } from '@peakpath/core';
import { defaultThreads, fileResolver, InputFileError, MonteCarloPool, readDocument } from '@peakpath/node';
import { renderCluster } from '../cluster/render.ts';
import { renderClusterPathways } from '../cluster/render-pathways.ts';
import { formatNumber } from '../format/table.ts';
import { jsonText } from '../format/json.ts';
import type { CommandOutput } from '../output.ts';
import { issueReport } from './inventory.ts';
import { warningBlock } from './warnings.ts';

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
}

/**
 * `peakpath cluster FILE`: the members' inventories (files relative to the cluster file) computed and added with
 * each internal flow counted once (docs/clusters.md): totals on each basis, the reconciliation, unpaired lines.
 */
export async function clusterCommand(file: string, options: ClusterOptions): Promise<CommandOutput> {
  const document = await readDocument(file, { notice: (text) => process.stderr.write(`${text}\n`) });
  // No solver: a cluster needs none, so HiGHS is not loaded.
  const engine = createEngine({ resolve: fileResolver });
  const run = await engine.cluster(document, { id: file });
  if (!run.ok) return { status: 2, stderr: issueReport(run.issues, options.lang) };
  const { cluster, members, result } = run.value;
  const pathways = await clusterPathways(engine, document, file, run.value, options);
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
async function clusterPathways(engine: ReturnType<typeof createEngine>, document: unknown, file: string, run: ClusterFileRun, options: ClusterOptions) {
  const runs = wholeNumber('mc', options.mc, 1, MAX_MONTE_CARLO_RUNS, options.lang);
  const seed = wholeNumber('seed', options.seed, 0, 2 ** 31 - 1, options.lang) ?? 1;
  const asked = options.scenario !== undefined || runs !== undefined;
  if (!asked && !run.cluster.members.some((member) => member.pathway !== undefined)) return { ok: true as const, value: undefined };
  const compiled = await engine.clusterPathways(document, { id: file });
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
    const threads = Math.min(wholeNumber('threads', options.threads, 1, 256, options.lang) ?? defaultThreads(runs), availableParallelism());
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

/** A whole-number option within [min, max]; a usage error (exit 2) in the output's language otherwise. */
function wholeNumber(name: string, value: string | undefined, min: number, max: number, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new InputFileError(lang === 'zh' ? `--${name}：应为 ${formatNumber(min, 'zh')}–${formatNumber(max, 'zh')} 的整数，实为 "${value}"` : `--${name}: expected a whole number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}
