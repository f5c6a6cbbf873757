import { defaultLibrary } from '../factors/default-library.ts';
import type { FactorLibrary } from '../factors/library.ts';
import { computeInventory } from '../inventory/compute.ts';
import { parseInventory } from '../inventory/parse.ts';
import { inventoryWarnings } from '../inventory/plausibility.ts';
import type { InventoryResult } from '../inventory/types.ts';
import type { Issue } from '../issues/issue.ts';
import type { MethodCalculator } from '../methods/method.ts';
import { defaultMethods } from '../methods/registry.ts';
import type { Pathway } from '../pathway/definitions.ts';
import { runMonteCarloChunk, summariseMonteCarlo, type MonteCarloChunk, type MonteCarloSummary } from '../pathway/montecarlo.ts';
import { parsePathway, type BaseInventory } from '../pathway/parse.ts';
import { pathwayWarnings } from '../pathway/plausibility.ts';
import { runScenario, type PathwayResult } from '../pathway/results.ts';
import { baseInventory } from '../pathway/run.ts';
import { defaultCatalogue, type Catalogue } from '../plan/catalogue.ts';
import type { Plan } from '../plan/definitions.ts';
import { PlanEvaluator } from '../plan/evaluator.ts';
import type { LpSolver } from '../plan/lp.ts';
import { buildMacc, type Macc } from '../plan/macc.ts';
import { checkCancelled, type CancelSignal } from '../control/cancel.ts';
import type { OptimiseLimits, OptimiseProgress } from '../plan/optimise.ts';
import { parsePlan } from '../plan/parse.ts';
import { runPlan, type PlanResult } from '../plan/run.ts';
import { closest } from '../text/closest.ts';
import { follow, inDocument, noResolver, type DocumentIssue, type DocumentName, type DocumentResolver, type EngineResult } from './documents.ts';
import { planMeasureIds, runTracking, type TrackingRun } from './tracking.ts';
import { runCluster, runClusterPathways, type ClusterFileRun, type ClusterPathwaysRun, type MemberResolver } from './cluster.ts';
import { runDistrict, type DistrictFileRun, type DistrictResolver } from './district.ts';

/** One block of Monte Carlo runs, as a worker thread or a web worker receives it (structured-cloneable). */
export interface MonteCarloTask {
  readonly pathway: Pathway;
  readonly scenario: string;
  readonly seed: number;
  readonly from: number;
  readonly runs: number;
}

/**
 * Runs blocks of Monte Carlo runs: in this thread by default; a pool of worker threads (Node) or web
 * workers (a browser) with `concurrency` blocks at a time. Every block gives the same numbers wherever
 * it runs, so the summary does not depend on the runner.
 */
export interface MonteCarloRunner {
  readonly concurrency: number;
  run(task: MonteCarloTask): Promise<MonteCarloChunk>;
}

export const inThisThread: MonteCarloRunner = { concurrency: 1, run: async (task) => runMonteCarloChunk(task.pathway, task.scenario, task.seed, task.from, task.runs) };

export interface EngineOptions {
  readonly library?: FactorLibrary | undefined;
  readonly catalogue?: Catalogue | undefined;
  readonly methods?: ReadonlyMap<string, MethodCalculator> | undefined;
  /** Finds the documents that others name (`inventory:` of a pathway, `pathway:` of a plan). */
  readonly resolve?: DocumentResolver | undefined;
  /** The LP/MIP solver plans need (HiGHS in @peakpath/node). */
  readonly solver?: LpSolver | undefined;
  /** Where Monte Carlo blocks run, unless a call names its own runner. */
  readonly monteCarlo?: MonteCarloRunner | undefined;
  /**
   * Lets the host's other work through between long steps (Monte Carlo blocks): `setImmediate` in Node,
   * a message channel in a browser. Without it, steps follow each other at once.
   */
  readonly yieldToHost?: (() => Promise<void>) | undefined;
}

/** Where a document comes from: its id (a file path, a store key) for issues and for resolving what it names. */
export interface DocumentOptions {
  readonly id?: string | undefined;
}

export interface MonteCarloOptions {
  /** The scenario to analyse; the pathway's default when absent. */
  readonly scenario?: string | undefined;
  readonly runs: number;
  readonly seed: number;
  readonly runner?: MonteCarloRunner | undefined;
  readonly signal?: CancelSignal | undefined;
  /** Called as blocks finish, with the runs done so far. */
  readonly progress?: ((done: number, total: number) => void) | undefined;
}

export interface PlanOptions extends DocumentOptions {
  readonly limits?: Partial<OptimiseLimits> | undefined;
  readonly signal?: CancelSignal | undefined;
  readonly progress?: ((progress: OptimiseProgress) => void) | undefined;
  /** Milliseconds (`performance.now`): the clock of `limits.seconds`; without it the solver's own seconds are counted. */
  readonly clock?: (() => number) | undefined;
}

/** A tracking file judged at a date: the core reads no clock, so `asOf` (`YYYY-MM-DD`) is always the caller's. */
export interface TrackingOptions extends DocumentOptions {
  readonly asOf: string;
}

/** A pathway run as `peakpath pathway` shows it: one scenario in detail and every scenario for comparison. */
export interface PathwayRun {
  readonly pathway: Pathway;
  readonly result: PathwayResult;
  readonly comparison: readonly PathwayResult[];
}

export interface Engine {
  readonly library: FactorLibrary;
  readonly catalogue: Catalogue;
  /** Validates and computes an inventory document. */
  inventory(document: unknown, options?: DocumentOptions): EngineResult<InventoryResult>;
  /** Validates a pathway document with the inventory it names, and compiles it. */
  loadPathway(document: unknown, options?: DocumentOptions): Promise<EngineResult<Pathway>>;
  /** The same for documents already in hand (no resolver): the pathway and its inventory. */
  compilePathway(documents: { readonly pathway: unknown; readonly inventory: unknown }, names?: Partial<Record<'pathway' | 'inventory', string>>): EngineResult<Pathway>;
  /** One scenario of a compiled pathway (the default when absent); an unknown id is an issue. */
  scenario(pathway: Pathway, scenario?: string): EngineResult<PathwayResult>;
  /** A pathway document run: the scenario (default: the file's) in detail, and every scenario. */
  pathway(document: unknown, options?: DocumentOptions & { readonly scenario?: string | undefined }): Promise<EngineResult<PathwayRun>>;
  /** Monte Carlo over the pathway's `uncertainty`, seeded; cancellable between blocks. */
  monteCarlo(pathway: Pathway, options: MonteCarloOptions): Promise<EngineResult<MonteCarloSummary>>;
  /** Validates a plan document with the pathway and inventory it names. */
  loadPlan(document: unknown, options?: DocumentOptions): Promise<EngineResult<Plan>>;
  /** The same for documents already in hand (no resolver): the plan, its pathway and the inventory. */
  compilePlan(documents: { readonly plan: unknown; readonly pathway: unknown; readonly inventory: unknown }, names?: Partial<Record<'plan' | 'pathway' | 'inventory', string>>): EngineResult<Plan>;
  /** The marginal abatement cost curve of a plan's MACC year, in merit order through the pathway. */
  macc(plan: Plan): EngineResult<Macc>;
  /** A plan document run: MACC, least-cost portfolio, priorities, air pollutants. Rejects only when cancelled. */
  plan(document: unknown, options?: PlanOptions): Promise<EngineResult<PlanResult>>;
  /** The same for a plan already loaded (`loadPlan`). */
  runPlan(plan: Plan, options?: Omit<PlanOptions, 'id'>): Promise<EngineResult<PlanResult>>;
  /**
   * A tracking file with the plan it names, documents in hand: actions' `measure` checked against the plan's
   * measures and the catalogue's (the catalogue's alone without a plan), judged at `asOf`. `planId` names the
   * plan in its issues (default: the tracking's `plan:`).
   */
  compileTracking(documents: { readonly tracking: unknown; readonly plan?: unknown }, options: TrackingOptions & { readonly planId?: string | undefined }): EngineResult<TrackingRun>;
  /** A tracking file judged at `asOf`, its `plan:` (when it names one) found through the resolver. */
  tracking(document: unknown, options: TrackingOptions): Promise<EngineResult<TrackingRun>>;
  /**
   * A cluster file (docs/clusters.md): each member's inventory found (through the resolver, or `member` when
   * given: the API finds them in the store) and computed, then aggregated with each internal flow counted once.
   */
  cluster(document: unknown, options?: DocumentOptions & { readonly member?: MemberResolver | undefined }): Promise<EngineResult<ClusterFileRun>>;
  /**
   * A cluster file's pathways (docs/clusters.md, "Cluster pathways"): the members' inventories aggregated, each
   * member's pathway (`members.<id>.pathway`) found and compiled with the cluster's actions, and the model the
   * cluster's scenarios (`runClusterScenario`) and Monte Carlo (`runClusterMonteCarlo`) run on. The API gives
   * `member` and `memberPathway` (the store's documents) and `follow` (what a stored pathway's `inventory:` names).
   */
  clusterPathways(
    document: unknown,
    options?: DocumentOptions & { readonly member?: MemberResolver | undefined; readonly memberPathway?: MemberResolver | undefined; readonly follow?: DocumentResolver | undefined },
  ): Promise<EngineResult<ClusterPathwaysRun>>;
  /**
   * A district file (docs/districts.md): the city's, each part's and a stated remainder's inventory found (through
   * the resolver, or `inventory` when given: the API finds them in the store) and computed, the parts reconciled
   * with the city, and the parts assessed against the climate-positive and near-zero criteria the file asks for.
   */
  district(document: unknown, options?: DocumentOptions & { readonly inventory?: DistrictResolver | undefined }): Promise<EngineResult<DistrictFileRun>>;
}

/** Monte Carlo runs one call may ask for (10 million: some minutes on one core). */
export const MAX_MONTE_CARLO_RUNS = 10_000_000;
const MAX_SEED = 2 ** 31 - 1;

/**
 * The engines behind one surface, for the CLI, a server and a browser: documents in (already parsed
 * from JSON or YAML, held in memory or a store), results or issues out — each issue naming its document
 * and path — and never a throw on bad input.
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const library = options.library ?? defaultLibrary;
  const catalogue = options.catalogue ?? defaultCatalogue();
  const methods = options.methods ?? defaultMethods;
  const resolver = options.resolve ?? noResolver;
  const yieldToHost = options.yieldToHost;
  const name = (kind: DocumentName['kind'], documentOptions: DocumentOptions | undefined): DocumentName => ({ kind, id: documentOptions?.id ?? kind });

  function inventory(document: unknown, documentOptions?: DocumentOptions): EngineResult<InventoryResult> {
    const self = name('inventory', documentOptions);
    const parsed = parseInventory(document, library, methods);
    if (!parsed.ok) return { ok: false, issues: inDocument(self, parsed.issues) };
    const value = computeInventory(parsed.inventory, library);
    return { ok: true, value, warnings: inDocument(self, [...parsed.warnings, ...inventoryWarnings(parsed.inventory, value)]) };
  }

  /** The warnings of a base inventory (a pathway's, a plan's): the reader's and the plausibility of its figures. */
  function baseWarnings(base: BaseInventory, readerWarnings: readonly Issue[], id: string): DocumentIssue[] {
    return inDocument({ kind: 'inventory', id }, [...readerWarnings, ...inventoryWarnings(base.inventory, computeInventory(base.inventory, library))]);
  }

  function compilePathway(documents: { readonly pathway: unknown; readonly inventory: unknown }, names: Partial<Record<'pathway' | 'inventory', string>> = {}): EngineResult<Pathway> {
    const base = baseInventory(documents.inventory, library);
    if (!base.ok) return { ok: false, issues: inDocument({ kind: 'inventory', id: names.inventory ?? 'inventory' }, base.issues) };
    const self: DocumentName = { kind: 'pathway', id: names.pathway ?? 'pathway' };
    const parsed = parsePathway(documents.pathway, base.base);
    if (!parsed.ok) return { ok: false, issues: inDocument(self, parsed.issues) };
    const warnings = [...baseWarnings(base.base, base.warnings, names.inventory ?? 'inventory'), ...inDocument(self, [...parsed.warnings, ...pathwayWarnings(parsed.pathway)])];
    return { ok: true, value: parsed.pathway, warnings };
  }

  async function loadPathway(document: unknown, documentOptions?: DocumentOptions): Promise<EngineResult<Pathway>> {
    const self = name('pathway', documentOptions);
    const inventoryReference = await follow(resolver, self, document, 'inventory');
    if (!inventoryReference.ok) return inventoryReference;
    return compilePathway({ pathway: document, inventory: inventoryReference.document }, { pathway: self.id, inventory: inventoryReference.name.id });
  }

  function scenario(pathway: Pathway, id: string = pathway.defaultScenario): EngineResult<PathwayResult> {
    const problem = unknownScenario(pathway, id);
    return problem ? { ok: false, issues: [problem] } : { ok: true, value: runScenario(pathway, id), warnings: [] };
  }

  async function pathwayRun(document: unknown, runOptions?: DocumentOptions & { readonly scenario?: string | undefined }): Promise<EngineResult<PathwayRun>> {
    const loaded = await loadPathway(document, runOptions);
    if (!loaded.ok) return loaded;
    const pathway = loaded.value;
    const detail = scenario(pathway, runOptions?.scenario);
    if (!detail.ok) return detail;
    const comparison = pathway.scenarios.map((other) => (other.id === detail.value.scenario.id ? detail.value : runScenario(pathway, other.id)));
    return { ok: true, value: { pathway, result: detail.value, comparison }, warnings: loaded.warnings };
  }

  async function monteCarlo(pathway: Pathway, mc: MonteCarloOptions): Promise<EngineResult<MonteCarloSummary>> {
    const request: DocumentName = { kind: 'request', id: 'monteCarlo' };
    const id = mc.scenario ?? pathway.defaultScenario;
    const issues: DocumentIssue[] = [];
    const scenarioProblem = unknownScenario(pathway, id);
    if (scenarioProblem) issues.push(scenarioProblem);
    if (!Number.isInteger(mc.runs) || mc.runs < 1 || mc.runs > MAX_MONTE_CARLO_RUNS) issues.push({ document: request, path: ['runs'], code: 'out-of-range', min: 1, max: MAX_MONTE_CARLO_RUNS, got: mc.runs });
    if (!Number.isInteger(mc.seed) || mc.seed < 0 || mc.seed > MAX_SEED) issues.push({ document: request, path: ['seed'], code: 'out-of-range', min: 0, max: MAX_SEED, got: mc.seed });
    if (issues.length > 0) return { ok: false, issues };
    const runner = mc.runner ?? options.monteCarlo ?? inThisThread;
    // Blocks small enough for progress to move and the workers to share the work evenly.
    const blockSize = Math.max(100, Math.ceil(mc.runs / (runner.concurrency * 8)));
    const tasks: MonteCarloTask[] = [];
    for (let from = 0; from < mc.runs; from += blockSize) tasks.push({ pathway, scenario: id, seed: mc.seed, from, runs: Math.min(blockSize, mc.runs - from) });
    const chunks: MonteCarloChunk[] = new Array(tasks.length);
    let next = 0;
    let done = 0;
    const lane = async (): Promise<void> => {
      while (next < tasks.length) {
        checkCancelled(mc.signal);
        const index = next++;
        const chunk = await runner.run(tasks[index]!);
        chunks[index] = chunk;
        done += chunk.runs;
        mc.progress?.(done, mc.runs);
        await yieldToHost?.();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(runner.concurrency, tasks.length)) }, lane));
    return { ok: true, value: summariseMonteCarlo(pathway, mc.seed, chunks, id), warnings: [] };
  }

  function compilePlan(
    documents: { readonly plan: unknown; readonly pathway: unknown; readonly inventory: unknown },
    names: Partial<Record<'plan' | 'pathway' | 'inventory', string>> = {},
  ): EngineResult<Plan> {
    const base = baseInventory(documents.inventory, library);
    if (!base.ok) return { ok: false, issues: inDocument({ kind: 'inventory', id: names.inventory ?? 'inventory' }, base.issues) };
    const parsed = parsePlan(documents.plan, documents.pathway, base.base, catalogue);
    if (parsed.ok) {
      const warnings = [
        ...baseWarnings(base.base, base.warnings, names.inventory ?? 'inventory'),
        ...inDocument({ kind: 'pathway', id: names.pathway ?? 'pathway' }, pathwayWarnings(parsed.plan.pathway)),
      ];
      return { ok: true, value: parsed.plan, warnings };
    }
    return { ok: false, issues: [...inDocument({ kind: 'plan', id: names.plan ?? 'plan' }, parsed.issues), ...inDocument({ kind: 'pathway', id: names.pathway ?? 'pathway' }, parsed.pathwayIssues)] };
  }

  async function loadPlan(document: unknown, documentOptions?: DocumentOptions): Promise<EngineResult<Plan>> {
    const self = name('plan', documentOptions);
    const pathwayReference = await follow(resolver, self, document, 'pathway');
    if (!pathwayReference.ok) return pathwayReference;
    const inventoryReference = await follow(resolver, pathwayReference.name, pathwayReference.document, 'inventory');
    if (!inventoryReference.ok) return inventoryReference;
    return compilePlan(
      { plan: document, pathway: pathwayReference.document, inventory: inventoryReference.document },
      { plan: self.id, pathway: pathwayReference.name.id, inventory: inventoryReference.name.id },
    );
  }

  async function optimisePlan(loaded: Plan, planOptions?: Omit<PlanOptions, 'id'>): Promise<EngineResult<PlanResult>> {
    if (!options.solver) return { ok: false, issues: [{ document: { kind: 'request', id: 'plan' }, path: ['solver'], code: 'required' }] };
    const value = await runPlan(loaded, options.solver, { limits: planOptions?.limits, signal: planOptions?.signal, progress: planOptions?.progress, clock: planOptions?.clock });
    return { ok: true, value, warnings: [] };
  }

  async function plan(document: unknown, planOptions?: PlanOptions): Promise<EngineResult<PlanResult>> {
    const loaded = await loadPlan(document, planOptions);
    if (!loaded.ok) return loaded;
    const run = await optimisePlan(loaded.value, planOptions);
    return run.ok ? { ...run, warnings: [...loaded.warnings, ...run.warnings] } : run;
  }

  function compileTracking(documents: { readonly tracking: unknown; readonly plan?: unknown }, trackingOptions: TrackingOptions & { readonly planId?: string | undefined }): EngineResult<TrackingRun> {
    const self = name('tracking', trackingOptions);
    if (documents.plan === undefined) return runTracking(documents.tracking, self, trackingOptions.asOf, { kind: 'catalogue' }, catalogue);
    const planId = trackingOptions.planId ?? referenceOf(documents.tracking, 'plan') ?? 'plan';
    const measures = planMeasureIds(documents.plan);
    if (!measures.ok) return runTracking(documents.tracking, self, trackingOptions.asOf, { kind: 'unchecked' }, catalogue, inDocument({ kind: 'plan', id: planId }, measures.issues));
    return runTracking(documents.tracking, self, trackingOptions.asOf, { kind: 'plan', planMeasures: measures.ids }, catalogue);
  }

  async function tracking(document: unknown, trackingOptions: TrackingOptions): Promise<EngineResult<TrackingRun>> {
    const self = name('tracking', trackingOptions);
    const named = typeof document === 'object' && document !== null && !Array.isArray(document) && (document as Record<string, unknown>)['plan'] !== undefined;
    if (!named) return compileTracking({ tracking: document }, trackingOptions);
    const planReference = await follow(resolver, self, document, 'plan');
    // The plan cannot be had: its reference's problem with the tracking file's own, the measures unchecked.
    if (!planReference.ok) return runTracking(document, self, trackingOptions.asOf, { kind: 'unchecked' }, catalogue, planReference.issues);
    return compileTracking({ tracking: document, plan: planReference.document }, { ...trackingOptions, planId: planReference.name.id });
  }

  return {
    library,
    catalogue,
    inventory,
    loadPathway,
    compilePathway,
    scenario,
    pathway: pathwayRun,
    monteCarlo,
    loadPlan,
    compilePlan,
    macc: (loaded) => ({ ok: true, value: buildMacc(new PlanEvaluator(loaded)), warnings: [] }),
    plan,
    runPlan: optimisePlan,
    compileTracking,
    tracking,
    cluster: (document, clusterOptions) =>
      runCluster(document, name('cluster', clusterOptions), clusterOptions?.member ?? ((member, from) => resolver({ kind: 'inventory', reference: member.inventory, from })), inventory),
    clusterPathways: (document, clusterOptions) =>
      runClusterPathways(
        document,
        name('cluster', clusterOptions),
        {
          inventory: clusterOptions?.member ?? ((member, from) => resolver({ kind: 'inventory', reference: member.inventory, from })),
          pathway: clusterOptions?.memberPathway ?? ((member, from) => resolver({ kind: 'pathway', reference: member.pathway ?? '', from })),
          follow: clusterOptions?.follow ?? resolver,
        },
        inventory,
        compilePathway,
      ),
    district: (document, districtOptions) =>
      runDistrict(document, name('district', districtOptions), districtOptions?.inventory ?? ((request, from) => resolver({ kind: 'inventory', reference: request.reference, from })), inventory),
  };
}

/** A document's reference field when it is a non-empty string (to name the document it refers to in issues). */
function referenceOf(document: unknown, field: string): string | undefined {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined;
  const value = (document as Record<string, unknown>)[field];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function unknownScenario(pathway: Pathway, id: string): DocumentIssue | undefined {
  const ids = pathway.scenarios.map((scenario) => scenario.id);
  if (ids.includes(id)) return undefined;
  return { document: { kind: 'request', id: 'scenario' }, path: ['scenario'], code: 'unknown-reference', kind: 'scenario', got: id, suggestion: closest(id, ids) };
}
