import { UncertainDraws } from './copula.ts';
import type { CorrelationPair, Pathway } from './definitions.ts';
import { PathwayWorkspace } from './evaluate.ts';
import { runStream } from './random.ts';
import { findScenario, scenarioParameters, targetInputs } from './results.ts';
import { findPeak, targetMet } from './targets.ts';

/** What a block of Monte Carlo runs leaves: per run, the BASIC total per year, the peak year and each target met. */
export interface MonteCarloChunk {
  /** First run of the block. */
  readonly from: number;
  readonly runs: number;
  /** runs × years, run-major. */
  readonly totals: Float64Array;
  /** Peak year per run; 0 when there is no peak within the horizon. */
  readonly peakYears: Int32Array;
  /** runs × targets: 1 when met. */
  readonly targetsMet: Uint8Array;
  /** Per uncertain parameter: how many draws fell outside its bounds and were brought back to them. */
  readonly clamped: Int32Array;
  /** Sector-years in which drawn share trajectories summed above 1 and were scaled down. */
  readonly sharesScaled: number;
}

/**
 * Runs `from` to `from + runs − 1` of a scenario's Monte Carlo analysis. Run r draws every uncertain
 * parameter, in the order of their paths, from its own stream (seed, r): the same runs give the same
 * numbers on one thread or many. A parameter in a correlated group takes its independent score from
 * the stream where its draw would be, and the group is correlated once all are taken (copula.ts), so
 * the parameters in no group draw exactly what they would with no correlations at all.
 */
export function runMonteCarloChunk(pathway: Pathway, scenarioId: string, seed: number, from: number, runs: number): MonteCarloChunk {
  const { model } = pathway;
  const scenario = findScenario(pathway, scenarioId);
  const nominal = scenarioParameters(pathway, scenario);
  const params = Float64Array.from(nominal);
  const workspace = new PathwayWorkspace(model);
  const years = model.years;
  const targets = pathway.targets;
  const uncertain = pathway.uncertainty;
  const totals = new Float64Array(runs * years);
  const peakYears = new Int32Array(runs);
  const targetsMet = new Uint8Array(runs * targets.length);
  const clamped = new Int32Array(uncertain.length);
  const inputs = targetInputs(workspace);
  const fixed = fixedByScenario(pathway, scenarioId);
  const draws = new UncertainDraws(pathway);
  for (let r = 0; r < runs; r++) {
    // Every parameter is drawn, so a run's stream is the same in every scenario; a value the scenario sets stays set.
    const drawn = draws.draw(runStream(seed, from + r));
    for (let u = 0; u < uncertain.length; u++) {
      const { slot } = uncertain[u]!;
      if (fixed.has(slot)) continue;
      const info = pathway.parameters[slot]!;
      let value = drawn[u]!;
      if (value < info.min || value > info.max) {
        value = Math.min(info.max, Math.max(info.min, value));
        clamped[u]!++;
      }
      params[slot] = value;
    }
    workspace.evaluate(params, scenario.active, false);
    totals.set(workspace.basic, r * years);
    peakYears[r] = findPeak(workspace.basic, model.baseYear).year ?? 0;
    for (let t = 0; t < targets.length; t++) targetsMet[r * targets.length + t] = targetMet(targets[t]!, inputs, params) ? 1 : 0;
  }
  return { from, runs, totals, peakYears, targetsMet, clamped, sharesScaled: workspace.sharesScaled };
}

/** Uncertain parameters whose value the scenario sets (`set`): they keep the scenario's value in every run. */
function fixedByScenario(pathway: Pathway, scenarioId: string): Set<number> {
  const scenario = findScenario(pathway, scenarioId);
  const uncertain = new Set(pathway.uncertainty.map((parameter) => parameter.slot));
  return new Set(scenario.overrides.map((override) => override.slot).filter((slot) => uncertain.has(slot)));
}

/** The Monte Carlo section of a result (docs/pathways.md). */
export interface MonteCarloSummary {
  readonly runs: number;
  readonly seed: number;
  /** BASIC tCO2e per year at each percentile, and the mean. */
  readonly percentiles: Percentiles;
  readonly mean: number[];
  /** Probability that emissions have peaked by each year: the run's peak year is that year or earlier. */
  readonly peakedBy: Record<string, number>;
  /** Share of runs whose peak falls in each year; "none" when still rising at the horizon. */
  readonly peakYear: Record<string, number>;
  /** Probability of meeting each target. */
  readonly targets: Record<string, number>;
  /** Parameters whose draws left their bounds (a share above 1, a negative base) and were brought back, with how often. */
  readonly clamped: Record<string, number>;
  /** Sector-years in which drawn fuel-share trajectories summed above 1 and were scaled down to 1. */
  readonly sharesScaled: number;
  /** Uncertain parameters the scenario sets itself: held at the scenario's value, not drawn. */
  readonly fixedByScenario: string[];
  /** The correlations the draws were made with: each pair, its rank correlation and the copula's correlation (empty: all independent). */
  readonly correlations: CorrelationPair[];
}

/** Percentile by linear interpolation between order statistics (Hyndman & Fan type 7, as numpy and R's default). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export interface Percentiles {
  readonly p5: number[];
  readonly p25: number[];
  readonly p50: number[];
  readonly p75: number[];
  readonly p95: number[];
}

/** Per year, the percentiles and the mean of `value(run, year)` over the runs. */
export function columnStats(runs: number, years: number, value: (run: number, y: number) => number): { percentiles: Percentiles; mean: number[] } {
  const column = new Float64Array(runs);
  const percentiles = { p5: [] as number[], p25: [] as number[], p50: [] as number[], p75: [] as number[], p95: [] as number[] };
  const mean: number[] = [];
  for (let y = 0; y < years; y++) {
    let sum = 0;
    for (let r = 0; r < runs; r++) {
      column[r] = value(r, y);
      sum += column[r]!;
    }
    column.sort();
    percentiles.p5.push(percentile(column, 0.05));
    percentiles.p25.push(percentile(column, 0.25));
    percentiles.p50.push(percentile(column, 0.5));
    percentiles.p75.push(percentile(column, 0.75));
    percentiles.p95.push(percentile(column, 0.95));
    mean.push(sum / runs);
  }
  return { percentiles, mean };
}

/** The share of runs that have peaked by each year, and that peak in each year (`none`: still rising at the horizon; a run's peak year 0). */
export function peakShares(baseYear: number, years: number, runs: number, peakYearOf: (run: number) => number): { peakedBy: Record<string, number>; peakYear: Record<string, number> } {
  const counts = new Map<number, number>();
  for (let r = 0; r < runs; r++) counts.set(peakYearOf(r), (counts.get(peakYearOf(r)) ?? 0) + 1);
  const peakedBy: Record<string, number> = {};
  const peakYear: Record<string, number> = {};
  let cumulative = 0;
  for (let y = 0; y < years; y++) {
    const count = counts.get(baseYear + y) ?? 0;
    cumulative += count;
    peakedBy[String(baseYear + y)] = cumulative / runs;
    if (count > 0) peakYear[String(baseYear + y)] = count / runs;
  }
  if (counts.has(0)) peakYear['none'] = counts.get(0)! / runs;
  return { peakedBy, peakYear };
}

/** Puts blocks together (in run order, whatever order they finished in) and summarises them. */
export function summariseMonteCarlo(pathway: Pathway, seed: number, chunks: readonly MonteCarloChunk[], scenarioId = pathway.defaultScenario): MonteCarloSummary {
  const { model } = pathway;
  const years = model.years;
  const ordered = [...chunks].sort((a, b) => a.from - b.from);
  const runs = ordered.reduce((sum, chunk) => sum + chunk.runs, 0);
  const locate: { chunk: MonteCarloChunk; r: number }[] = [];
  for (const chunk of ordered) for (let r = 0; r < chunk.runs; r++) locate.push({ chunk, r });
  const { percentiles, mean } = columnStats(runs, years, (run, y) => locate[run]!.chunk.totals[locate[run]!.r * years + y]!);
  const { peakedBy, peakYear } = peakShares(model.baseYear, years, runs, (run) => locate[run]!.chunk.peakYears[locate[run]!.r]!);
  const targets: Record<string, number> = {};
  pathway.targets.forEach((target, t) => {
    let met = 0;
    for (const chunk of ordered) for (let r = 0; r < chunk.runs; r++) met += chunk.targetsMet[r * pathway.targets.length + t]!;
    targets[target.id] = met / runs;
  });
  const clamped: Record<string, number> = {};
  pathway.uncertainty.forEach((parameter, u) => {
    const count = ordered.reduce((sum, chunk) => sum + chunk.clamped[u]!, 0);
    if (count > 0) clamped[parameter.path] = count;
  });
  const fixed = fixedByScenario(pathway, scenarioId);
  const fixedPaths = pathway.uncertainty.filter((parameter) => fixed.has(parameter.slot)).map((parameter) => parameter.path);
  return { runs, seed, percentiles, mean, peakedBy, peakYear, targets, clamped, sharesScaled: ordered.reduce((sum, chunk) => sum + chunk.sharesScaled, 0), fixedByScenario: fixedPaths, correlations: pathway.correlations.map((pair) => ({ ...pair })) };
}

/** Runs the whole analysis on this thread (the CLI spreads blocks over worker threads instead). */
export function runMonteCarlo(pathway: Pathway, scenarioId: string, runs: number, seed: number, blockSize = 1000): MonteCarloSummary {
  const chunks: MonteCarloChunk[] = [];
  for (let from = 0; from < runs; from += blockSize) chunks.push(runMonteCarloChunk(pathway, scenarioId, seed, from, Math.min(blockSize, runs - from)));
  return summariseMonteCarlo(pathway, seed, chunks, scenarioId);
}
