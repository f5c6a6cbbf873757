import { createEngine, findScenario, PathwayWorkspace, runMonteCarlo, runScenario, scenarioParameters, type MonteCarloSummary, type Pathway } from '@peakpath/core';
import { MonteCarloPool } from '@peakpath/node';
import { median, medianAsync, time } from './measure.ts';
import { baselinePathway, baselineStart } from './pathway-baseline.ts';
import { ALL_ACTIONS, generateCityInventory, generateCityPathway } from './pathway-generate.ts';

/** Median milliseconds of `repeats` calls of `work`, after `warmup` untimed calls. */
function medianMs(work: () => unknown, repeats: number, warmup = Math.ceil(repeats / 4)): number {
  for (let i = 0; i < warmup; i++) work();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) times.push(time(work).ms);
  return median(times);
}

function row(label: string, ms: number, note = ''): void {
  const figure = ms < 10 ? ms.toFixed(3) : ms.toFixed(1);
  console.log(`  ${label.padEnd(52)} ${figure.padStart(9)} ms  ${note}`);
}

/** The blocks the engine cuts an analysis into (packages/core/src/engine/engine.ts `monteCarlo`), for the report. */
function blocksOf(runs: number, threads: number): [number, number][] {
  const size = Math.max(100, Math.ceil(runs / (threads * 8)));
  const blocks: [number, number][] = [];
  for (let from = 0; from < runs; from += size) blocks.push([from, Math.min(size, runs - from)]);
  return blocks;
}

function sameSummary(a: MonteCarloSummary, b: MonteCarloSummary): boolean {
  return a.runs === b.runs && a.percentiles.p50.every((value, y) => value === b.percentiles.p50[y]) && a.mean.every((value, y) => Math.abs(value - b.mean[y]!) <= 1e-9 * Math.abs(value));
}

function describe(pathway: Pathway): string {
  const { model } = pathway;
  const { lines } = model;
  const gases = (['co2', 'ch4', 'n2o'] as const).filter((gas) => lines[gas].some((value) => value > 0)).length;
  const effects = new Set(model.actions.flatMap((action) => action.effects.map((effect) => effect.kind)));
  const adoption = new Set(model.actions.map((action) => action.adoption.kind));
  if (lines.count < 60 || model.actions.length !== 30 || gases !== 3 || effects.size !== 6 || adoption.size !== 3) {
    throw new Error(`the generated city is smaller than the issue asks: ${lines.count} lines, ${model.actions.length} actions, ${gases} gases`);
  }
  return (
    `${lines.count} sector × carrier lines in ${model.sectors.length} sectors, ${gases} gases, ${model.baseYear}–${model.endYear} (${model.years} years), ` +
    `${model.actions.length} actions (${effects.size} effect types, ${adoption.size} adoption kinds), ${pathway.targets.length} targets, ${pathway.uncertainty.length} uncertain parameters`
  );
}

/**
 * Pathway engine on a generated city (issue: recompute a full city scenario — ≥ 60 sector × fuel
 * lines, 3 gases, base year to 2060, 30 actions — in ≤ 1 ms median; 10,000 Monte Carlo runs of it on
 * 2 cores in ≤ 1 s), against a straightforward baseline in the same run.
 */
export async function benchPathway(runs = 10_000, threads = 2, seed = 7): Promise<void> {
  const inventoryDocument = generateCityInventory();
  const pathwayDocument = generateCityPathway();
  const engine = createEngine();
  const documents = { pathway: pathwayDocument, inventory: inventoryDocument };
  const loadFirst = time(() => engine.compilePathway(documents));
  const loaded = loadFirst.value;
  if (!loaded.ok) throw new Error(`generated pathway is invalid: ${JSON.stringify(loaded).slice(0, 1000)}`);
  const pathway = loaded.value;
  const scenario = findScenario(pathway, ALL_ACTIONS);
  const params = scenarioParameters(pathway, scenario);
  const workspace = new PathwayWorkspace(pathway.model);
  const start = baselineStart(pathway);

  // Same BASIC total every year, engine and baseline.
  workspace.evaluate(params, scenario.active);
  const baseline = baselinePathway(pathwayDocument, inventoryDocument, start, ALL_ACTIONS);
  let worst = 0;
  workspace.basic.forEach((value, y) => (worst = Math.max(worst, Math.abs(value - baseline.basic[y]!) / Math.abs(value))));
  workspace.basicPlus.forEach((value, y) => (worst = Math.max(worst, Math.abs(value - baseline.basicPlus[y]!) / Math.abs(value))));
  if (!(worst <= 1e-6)) throw new Error(`engine and baseline disagree: relative difference ${worst}`);

  const evaluateMs = medianMs(() => workspace.evaluate(params, scenario.active), 5000, 2000);
  const baselineMs = medianMs(() => baselinePathway(pathwayDocument, inventoryDocument, start, ALL_ACTIONS), 500, 200);
  const scenarioMs = medianMs(() => runScenario(pathway, ALL_ACTIONS, workspace), 500, 100);
  const loadMs = medianMs(() => engine.compilePathway(documents), 50, 10);

  // Monte Carlo on this thread: one warm-up analysis, then the median of 3.
  const single = runMonteCarlo(pathway, ALL_ACTIONS, runs, seed);
  const singleMs = await medianAsync(async () => runMonteCarlo(pathway, ALL_ACTIONS, runs, seed), 3);

  // Monte Carlo on worker threads, as the CLI runs it: a cold pool end to end, then a warm pool.
  const blocks = blocksOf(runs, threads);
  const analyse = async (runner: MonteCarloPool): Promise<MonteCarloSummary> => {
    const result = await engine.monteCarlo(pathway, { scenario: ALL_ACTIONS, runs, seed, runner });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.value;
  };
  const coldStart = performance.now();
  const coldPool = new MonteCarloPool(threads);
  const cold = await analyse(coldPool);
  const coldMs = performance.now() - coldStart;
  await coldPool.close();
  const startup = performance.now();
  const pool = new MonteCarloPool(threads);
  await Promise.all([0, 1].map((from) => pool.run({ pathway, scenario: ALL_ACTIONS, seed, from, runs: 1 })));
  const startupMs = performance.now() - startup;
  let warm: MonteCarloSummary | undefined;
  let poolMs: number;
  try {
    await analyse(pool);
    poolMs = await medianAsync(async () => (warm = await analyse(pool)), 5);
  } finally {
    await pool.close();
  }
  if (!sameSummary(single, cold) || !warm || !sameSummary(single, warm)) throw new Error('Monte Carlo on worker threads differs from this thread');

  const target = (ms: number, limit: number): string => `target ≤ ${limit} ms: ${ms <= limit ? 'met' : 'NOT met'}`;
  console.log(`pathway: ${describe(pathway)}`);
  console.log(`  scenario "${ALL_ACTIONS}" (all ${pathway.model.actions.length} actions); medians after warm-up`);
  row('recompute the scenario (evaluate)', evaluateMs, target(evaluateMs, 1));
  row('baseline: from the documents, objects and maps', baselineMs);
  row('full result (runScenario: 31 evaluations, LMDI)', scenarioMs);
  row('parse + compile (compilePathway), first call', loadFirst.ms);
  row('parse + compile (compilePathway), warm', loadMs);
  row(`Monte Carlo ${runs.toLocaleString('en-US')} runs, this thread`, singleMs, `${Math.round(runs / (singleMs / 1000)).toLocaleString('en-US')} runs/s`);
  row(`Monte Carlo ${runs.toLocaleString('en-US')} runs, ${threads} worker threads, warm pool`, poolMs, `${target(poolMs, 1000)} (${blocks.length} blocks)`);
  row(`  worker pool start-up (to a first result from each)`, startupMs);
  row(`  cold: start the pool and run, end to end`, coldMs);
  console.log(`  ratio to the baseline (baseline time / engine time): recompute ${(baselineMs / evaluateMs).toFixed(1)}×`);
  console.log(
    `  check: engine BASIC and BASIC+ totals ${pathway.model.baseYear}–${pathway.model.endYear} = baseline (largest relative difference ${worst.toExponential(1)}); ` +
      `Monte Carlo summaries identical on 1 and ${threads} threads`,
  );
}
