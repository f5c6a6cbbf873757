import { setImmediate } from 'node:timers/promises';
import { Cancelled, planJson, runClusterMonteCarloChunk, summariseClusterMonteCarlo, warningsJson, type ClusterMonteCarloChunk, type Engine, type Pathway, type Plan } from '@peakpath/core';
import type { MonteCarloPool } from '@peakpath/node';
import { storedMemberInputs, type Actor, type Job } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import { ApiError, invalidDocument } from '../errors.ts';
import { clusterPathwaysRun, clusterScenarioOf } from '../results/cluster.ts';
import { pathwayInputs, planInputs, stamp, type Loaded } from '../results/references.ts';

/** What a client asks of a job (POST /api/documents/:id/jobs); checked by the route's schema. */
export interface JobRequest {
  readonly kind: Job['kind'];
  readonly runs?: number | undefined;
  readonly seed?: number | undefined;
  readonly scenario?: string | undefined;
}

/** Runs a Monte Carlo job takes when the request gives none, and its seed: both stated in the result. */
export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 1;
/** A server shares its cores with every user: one job asks for at most a million runs (the CLI takes ten). */
export const MAX_JOB_RUNS = 1_000_000;

/** The long part of a job, compiled and ready: run it with a signal and a progress callback (0–1). */
export interface PreparedJob {
  /** The versions the job rests on (`documentId@version`, …), kept with its result. */
  readonly from: string;
  /** Whether the work runs on the Monte Carlo worker pool (a pathway's or a cluster's runs). */
  readonly pooled: boolean;
  run(engine: Engine, options: { signal: AbortSignal; progress: (fraction: number) => void; pool: MonteCarloPool | undefined }): Promise<unknown>;
}

/** The document kinds a job runs on: Monte Carlo on a pathway or a cluster whose members name pathways, plan on a plan. */
const DOCUMENTS_OF: Readonly<Record<Job['kind'], readonly string[]>> = { 'monte-carlo': ['pathway', 'cluster'], plan: ['plan'] };
/** Runs of a cluster's Monte Carlo between two looks at the signal and the event loop (any split gives the same figures). */
const CLUSTER_BLOCK = 500;

/**
 * Checks the request against the document and compiles what the job needs, before the job exists: a
 * document with problems is a 422 now, not a failed job later. The compile is milliseconds; the runs and
 * the solves are the job.
 */
export async function prepareJob(context: AppContext, actor: Actor, loaded: Loaded, request: JobRequest): Promise<PreparedJob> {
  const expected = DOCUMENTS_OF[request.kind];
  if (!expected.includes(loaded.document.kind)) {
    throw new ApiError(400, 'bad-request', { en: `A ${request.kind} job runs on a ${expected.join(' document or a ')} document; ${loaded.document.id} is a ${loaded.document.kind}.`, zh: `${request.kind} 任务须基于${expected.join('文档或')}文档；${loaded.document.id} 是${loaded.document.kind}。` });
  }
  if (request.kind === 'monte-carlo') return loaded.document.kind === 'cluster' ? prepareClusterMonteCarlo(context, actor, loaded, request) : prepareMonteCarlo(context, actor, loaded, request);
  if (request.runs !== undefined || request.seed !== undefined || request.scenario !== undefined) {
    throw new ApiError(400, 'bad-request', { en: 'runs, seed and scenario apply to monte-carlo jobs; a plan job takes none.', zh: 'runs、seed、scenario 仅适用于 monte-carlo 任务，plan 任务不接受这些参数。' });
  }
  return preparePlan(context, actor, loaded);
}

async function prepareMonteCarlo(context: AppContext, actor: Actor, loaded: Loaded, request: JobRequest): Promise<PreparedJob> {
  const { inventory } = await pathwayInputs(context, actor, loaded);
  const compiled = context.engine.compilePathway({ pathway: loaded.version.body, inventory: inventory.version.body }, { pathway: loaded.document.id, inventory: inventory.document.id });
  if (!compiled.ok) throw invalidDocument(compiled.issues);
  const pathway: Pathway = compiled.value;
  const runs = request.runs ?? DEFAULT_RUNS;
  const seed = request.seed ?? DEFAULT_SEED;
  const scenario = request.scenario ?? pathway.defaultScenario;
  if (!pathway.scenarios.some((candidate) => candidate.id === scenario)) {
    throw new ApiError(400, 'bad-request', { en: `No scenario "${scenario}" in the pathway; its scenarios are ${pathway.scenarios.map((candidate) => candidate.id).join(', ')}.`, zh: `路径中没有情景 "${scenario}"；可用情景为 ${pathway.scenarios.map((candidate) => candidate.id).join('、')}。` });
  }
  const warnings = warningsJson(compiled.warnings);
  return {
    from: stamp(loaded, inventory),
    pooled: true,
    async run(engine, { signal, progress, pool }) {
      const result = await engine.monteCarlo(pathway, { scenario, runs, seed, runner: pool, signal, progress: (done, total) => progress(done / total) });
      if (!result.ok) throw invalidDocument(result.issues);
      // The runs and seed used are part of the result: a default is stated, never silent.
      return { scenario, runs, seed, mc: result.value, warnings };
    },
  };
}

/**
 * A cluster's Monte Carlo (docs/clusters.md, "The API"): its pathways compiled from the members' documents the
 * starter may read, then `runClusterMonteCarloChunk` in blocks on this thread, the signal and the event loop looked
 * at between blocks; the summary is `runClusterMonteCarlo`'s whatever the blocks (cluster/pathway-mc.ts).
 */
async function prepareClusterMonteCarlo(context: AppContext, actor: Actor, loaded: Loaded, request: JobRequest): Promise<PreparedJob> {
  const { run: compiled, members, warnings } = await clusterPathwaysRun(context, actor, loaded);
  const scenario = clusterScenarioOf(compiled, request.scenario);
  const runs = request.runs ?? DEFAULT_RUNS;
  const seed = request.seed ?? DEFAULT_SEED;
  const inputs = storedMemberInputs(members.found);
  return {
    from: stamp(loaded, ...inputs),
    pooled: true,
    async run(_engine, { signal, progress, pool }) {
      // Blocks on the pool's threads (or on this one), cancelled and reported between blocks; a block's draws
      // depend on (seed, run) alone, so the summary is the one any split gives.
      const starts: number[] = [];
      for (let from = 0; from < runs; from += CLUSTER_BLOCK) starts.push(from);
      const chunks: ClusterMonteCarloChunk[] = new Array(starts.length);
      const block = (from: number): Promise<ClusterMonteCarloChunk> => {
        const count = Math.min(CLUSTER_BLOCK, runs - from);
        return pool ? pool.runCluster({ cluster: compiled.model, scenario, seed, from, runs: count }) : Promise.resolve(runClusterMonteCarloChunk(compiled.model, scenario, seed, from, count));
      };
      let next = 0;
      let done = 0;
      const lane = async (): Promise<void> => {
        while (next < starts.length) {
          if (signal.aborted) throw new Cancelled(signal.reason);
          const index = next++;
          const chunk = await block(starts[index]!);
          chunks[index] = chunk;
          done += chunk.runs;
          progress(done / runs);
          await setImmediate();
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(pool?.concurrency ?? 1, starts.length)) }, lane));
      // The runs and seed used are part of the result, as a pathway's Monte Carlo states them.
      return { scenario, runs, seed, mc: summariseClusterMonteCarlo(compiled.model, scenario, seed, chunks), warnings };
    },
  };
}

async function preparePlan(context: AppContext, actor: Actor, loaded: Loaded): Promise<PreparedJob> {
  const { pathway, inventory } = await planInputs(context, actor, loaded);
  const compiled = context.engine.compilePlan(
    { plan: loaded.version.body, pathway: pathway.version.body, inventory: inventory.version.body },
    { plan: loaded.document.id, pathway: pathway.document.id, inventory: inventory.document.id },
  );
  if (!compiled.ok) throw invalidDocument(compiled.issues);
  const plan: Plan = compiled.value;
  const warnings = compiled.warnings;
  return {
    from: stamp(loaded, pathway, inventory),
    pooled: false,
    async run(engine, { signal, progress }) {
      // The optimiser reports solves, not a share of its work (how many it needs is not known ahead): progress
      // moves with each solve as solves / (solves + 10), and is 1 when the job is done (docs/jobs.md).
      const result = await engine.runPlan(plan, { signal, progress: (step) => progress(step.solves / (step.solves + 10)) });
      if (!result.ok) throw invalidDocument(result.issues);
      return planJson(result.value, warningsJson([...warnings, ...result.warnings]));
    },
  };
}
