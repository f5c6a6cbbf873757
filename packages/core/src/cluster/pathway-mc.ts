import type { CorrelationPair, Distribution } from '../pathway/definitions.ts';
import { correlateGroup, independentScore } from '../pathway/copula.ts';
import { PathwayWorkspace } from '../pathway/evaluate.ts';
import { columnStats, peakShares, type Percentiles } from '../pathway/montecarlo.ts';
import { draw, runStream } from '../pathway/random.ts';
import { findPeak } from '../pathway/targets.ts';
import { clusterScenario, memberPathway, type ClusterPathwayModel } from './pathway-model.ts';
import { clusterParameters, projectRemovals } from './pathway-run.ts';

/**
 * The Monte Carlo analysis of a cluster's pathways (docs/clusters.md, "Cluster pathways"). Run r of member k (in
 * the members' order) draws from the stream (seed + k, r), parameter by parameter in its path order, exactly as
 * `peakpath pathway --mc --seed <seed + k>` draws it; the shared parameters draw from (seed + members, r). A
 * parameter in a correlated group — a member's own or the cluster's — takes its standard normal score where its
 * draw would be, and each group is correlated once every score is taken (pathway/copula.ts). So a run depends on
 * (seed, run) alone, on any number of threads; and without shared parameters or correlations across members,
 * each member's runs are its own Monte Carlo's, bit for bit.
 */

export interface ClusterMonteCarloChunk {
  readonly from: number;
  readonly runs: number;
  /** runs × years: the cluster's BASIC total (flows between members removed). */
  readonly totals: Float64Array;
  /** members × runs × years: each member's BASIC total as its pathway gives it. */
  readonly memberTotals: Float64Array;
  /** Per run: the cluster's peak year, 0 when none within the horizon; per member × run, the member's. */
  readonly peakYears: Int32Array;
  readonly memberPeakYears: Int32Array;
  /** Per cluster uncertain parameter, then per shared parameter × member: draws brought back to the parameter's bounds. */
  readonly clamped: Int32Array;
}

/** The draws of one run, in buffers allocated once (indexed as `model.uncertainty`). */
export class ClusterDraws {
  readonly values: Float64Array;
  private readonly scores: Float64Array;
  private readonly grouped: Uint8Array;
  private readonly distributions: readonly Distribution[];
  /** Per member: per entry of its pathway's uncertainty, its distribution and its index in the cluster's (−1: replaced by a shared parameter). */
  private readonly memberDraws: readonly { readonly distribution: Distribution; readonly index: number }[][];
  private readonly sharedDraws: readonly number[];

  constructor(private readonly model: ClusterPathwayModel) {
    this.distributions = model.uncertainty.map((parameter) => parameter.distribution);
    this.values = new Float64Array(this.distributions.length);
    this.scores = new Float64Array(this.distributions.length);
    this.grouped = new Uint8Array(this.distributions.length);
    for (const group of model.copula) for (const member of group.members) this.grouped[member] = 1;
    this.memberDraws = model.members.map((member, m) => member.pathway.uncertainty.map((parameter, u) => ({ distribution: parameter.distribution, index: model.uncertainIndex[m]![u]! })));
    this.sharedDraws = model.uncertainty.flatMap((parameter, c) => (parameter.shared === undefined ? [] : [c]));
  }

  /** Draws run `run` under `seed` into `values`. */
  draw(seed: number, run: number): Float64Array {
    const { distributions, values, scores, grouped } = this;
    const take = (c: number, uniform: () => number): void => {
      if (grouped[c]) scores[c] = independentScore(distributions[c]!, uniform);
      else values[c] = draw(distributions[c]!, uniform);
    };
    this.memberDraws.forEach((entries, k) => {
      const uniform = runStream(seed + k, run);
      // A parameter a shared one replaces is drawn and discarded: the member's other parameters keep their numbers.
      for (const entry of entries) {
        if (entry.index < 0) draw(entry.distribution, uniform);
        else take(entry.index, uniform);
      }
    });
    const uniform = runStream(seed + this.model.members.length, run);
    for (const c of this.sharedDraws) take(c, uniform);
    for (const group of this.model.copula) correlateGroup(group, distributions, scores, values);
    return values;
  }
}

/** Runs `from` to `from + runs − 1` of a cluster scenario's Monte Carlo analysis. */
export function runClusterMonteCarloChunk(model: ClusterPathwayModel, scenarioId: string, seed: number, from: number, runs: number): ClusterMonteCarloChunk {
  const scenario = clusterScenario(model, scenarioId);
  const years = model.years;
  const count = model.members.length;
  const pathways = model.members.map((_, m) => memberPathway(model, scenario, m));
  const nominal = clusterParameters(model, scenario);
  const params = nominal.map((values) => Float64Array.from(values));
  const workspaces = pathways.map((pathway) => new PathwayWorkspace(pathway.model));
  // A member's uncertain parameter its own scenario sets keeps the scenario's value (as in its own Monte Carlo).
  const fixed = model.members.map((_, m) => new Set(scenario.members[m]!.scenario.overrides.map((override) => override.slot)));
  const sharedSlots = model.shared.map((parameter) => parameter.slots.map((slot) => ({ m: model.members.findIndex((member) => member.id === slot.member), slot: slot.slot, min: slot.min, max: slot.max })));
  const detail = model.removals.some((removal) => removal.sector >= 0);
  const totals = new Float64Array(runs * years);
  const memberTotals = new Float64Array(count * runs * years);
  const peakYears = new Int32Array(runs);
  const memberPeakYears = new Int32Array(count * runs);
  const sharedOffset = model.uncertainty.length;
  const clamped = new Int32Array(sharedOffset + sharedSlots.reduce((sum, slots) => sum + slots.length, 0));
  const draws = new ClusterDraws(model);
  const removed = { basic: new Float64Array(years), basicPlus: new Float64Array(years) };
  const cluster = new Float64Array(years);
  for (let r = 0; r < runs; r++) {
    const drawn = draws.draw(seed, from + r);
    for (let m = 0; m < count; m++) params[m]!.set(nominal[m]!);
    model.uncertainty.forEach((parameter, c) => {
      const own = parameter.member;
      if (own === undefined) return;
      if (fixed[own.index]!.has(own.slot)) return;
      const info = model.members[own.index]!.pathway.parameters[own.slot]!;
      let value = drawn[c]!;
      if (value < info.min || value > info.max) {
        value = Math.min(info.max, Math.max(info.min, value));
        clamped[c]!++;
      }
      params[own.index]![own.slot] = value;
    });
    let at = sharedOffset;
    model.uncertainty.forEach((parameter, c) => {
      if (parameter.shared === undefined) return;
      for (const slot of sharedSlots[parameter.shared]!) {
        let value = drawn[c]!;
        if (value < slot.min || value > slot.max) {
          value = Math.min(slot.max, Math.max(slot.min, value));
          clamped[at]!++;
        }
        params[slot.m]![slot.slot] = value;
        at++;
      }
    });
    cluster.fill(0);
    for (let m = 0; m < count; m++) {
      const workspace = workspaces[m]!;
      workspace.evaluate(params[m]!, scenario.members[m]!.scenario.active, detail);
      const basic = workspace.basic;
      memberTotals.set(basic.subarray(0, years), (m * runs + r) * years);
      memberPeakYears[m * runs + r] = findPeak(basic.subarray(0, years), model.baseYear).year ?? 0;
      const sectorYears = workspace.model.years;
      projectRemovals(model, m, (s, y) => workspace.sectorBasicPlus[s * sectorYears + y]!, removed);
      for (let y = 0; y < years; y++) cluster[y]! += basic[y]! - removed.basic[y]!;
    }
    totals.set(cluster, r * years);
    peakYears[r] = findPeak(cluster, model.baseYear).year ?? 0;
  }
  return { from, runs, totals, memberTotals, peakYears, memberPeakYears, clamped };
}

/** The Monte Carlo section of a cluster pathway's result. */
export interface ClusterMonteCarloSummary {
  readonly runs: number;
  readonly seed: number;
  readonly scenario: string;
  /** The seed each member's draws come from (seed + its place), and the shared parameters' (seed + members). */
  readonly seeds: { readonly members: Readonly<Record<string, number>>; readonly shared: number };
  /** The cluster's BASIC tCO2e per year (flows between members removed). */
  readonly percentiles: Percentiles;
  readonly mean: number[];
  readonly peakedBy: Record<string, number>;
  readonly peakYear: Record<string, number>;
  /** Per member: its BASIC tCO2e per year at each percentile, and its probability of having peaked by each year. */
  readonly members: readonly { readonly id: string; readonly percentiles: Percentiles; readonly peakedBy: Record<string, number> }[];
  /** The correlations drawn with, members' own (labelled `member/path`) and the cluster's; `[]` when all are independent. */
  readonly correlations: readonly CorrelationPair[];
  /** The shared parameters drawn once per run for every member that shares them (`shared/path`). */
  readonly shared: readonly string[];
  /** Parameters whose draws left their bounds and were brought back (label → count; a shared parameter per member as `shared/path@member`). */
  readonly clamped: Record<string, number>;
}


/** Puts blocks together in run order, whatever order they finished in, and summarises them. */
export function summariseClusterMonteCarlo(model: ClusterPathwayModel, scenarioId: string, seed: number, chunks: readonly ClusterMonteCarloChunk[]): ClusterMonteCarloSummary {
  const years = model.years;
  const ordered = [...chunks].sort((a, b) => a.from - b.from);
  const runs = ordered.reduce((sum, chunk) => sum + chunk.runs, 0);
  const locate = (run: number): { chunk: ClusterMonteCarloChunk; r: number } => {
    let offset = 0;
    for (const chunk of ordered) {
      if (run < offset + chunk.runs) return { chunk, r: run - offset };
      offset += chunk.runs;
    }
    throw new Error(`run ${run} is in no block`);
  };
  const where = Array.from({ length: runs }, (_, run) => locate(run));
  const cluster = columnStats(runs, years, (run, y) => where[run]!.chunk.totals[where[run]!.r * years + y]!);
  const peaks = peakShares(model.baseYear, years, runs, (run) => where[run]!.chunk.peakYears[where[run]!.r]!);
  const members = model.members.map((member, m) => {
    const stats = columnStats(runs, years, (run, y) => {
      const { chunk, r } = where[run]!;
      return chunk.memberTotals[(m * chunk.runs + r) * years + y]!;
    });
    const own = peakShares(model.baseYear, years, runs, (run) => {
      const { chunk, r } = where[run]!;
      return chunk.memberPeakYears[m * chunk.runs + r]!;
    });
    return { id: member.id, percentiles: stats.percentiles, peakedBy: own.peakedBy };
  });
  const clamped: Record<string, number> = {};
  const sum = (index: number): number => ordered.reduce((total, chunk) => total + chunk.clamped[index]!, 0);
  model.uncertainty.forEach((parameter, c) => {
    if (sum(c) > 0) clamped[parameter.label] = sum(c);
  });
  let at = model.uncertainty.length;
  model.uncertainty.forEach((parameter) => {
    if (parameter.shared === undefined) return;
    for (const slot of model.shared[parameter.shared]!.slots) {
      if (sum(at) > 0) clamped[`${parameter.label}@${slot.member}`] = sum(at);
      at++;
    }
  });
  return {
    runs,
    seed,
    scenario: scenarioId,
    seeds: { members: Object.fromEntries(model.members.map((member, k) => [member.id, seed + k])), shared: seed + model.members.length },
    percentiles: cluster.percentiles,
    mean: cluster.mean,
    peakedBy: peaks.peakedBy,
    peakYear: peaks.peakYear,
    members,
    correlations: model.correlations.map((pair) => ({ ...pair })),
    shared: model.uncertainty.filter((parameter) => parameter.shared !== undefined).map((parameter) => parameter.label),
    clamped,
  };
}

/** The whole analysis on this thread, in blocks of `blockSize` runs (any split gives the same figures). */
export function runClusterMonteCarlo(model: ClusterPathwayModel, scenarioId: string, runs: number, seed: number, blockSize = 1000): ClusterMonteCarloSummary {
  const chunks: ClusterMonteCarloChunk[] = [];
  for (let from = 0; from < runs; from += blockSize) chunks.push(runClusterMonteCarloChunk(model, scenarioId, seed, from, Math.min(blockSize, runs - from)));
  return summariseClusterMonteCarlo(model, scenarioId, seed, chunks);
}
