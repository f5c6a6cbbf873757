import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { summariseClusterMonteCarlo, type ClusterMonteCarloChunk, type ClusterMonteCarloSummary, type ClusterPathwayModel, type MonteCarloChunk, type MonteCarloRunner, type MonteCarloTask } from '@peakpath/core';

/** A block of a cluster's Monte Carlo runs (cluster/pathway-mc.ts), as a worker thread receives it. */
export interface ClusterMonteCarloTask {
  readonly cluster: ClusterPathwayModel;
  readonly scenario: string;
  readonly seed: number;
  readonly from: number;
  readonly runs: number;
}

/** Below this many runs, starting worker threads costs more than it saves. */
const SMALL = 2000;

/** Worker threads for an analysis of `runs` runs: one per core, or this thread alone for small analyses. */
export function defaultThreads(runs: number): number {
  return runs < SMALL ? 1 : Math.max(1, availableParallelism());
}

/**
 * The worker each thread runs. Compiled (dist/), the pool starts the compiled worker; from the
 * sources (vitest, tsx), a worker that registers tsx, with the `source` export condition so that the
 * worker's `@peakpath/core` is the same sources as this thread's.
 */
function workerOptions(): { filename: string; execArgv?: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { filename: new URL('./worker.js', import.meta.url).href };
  return { filename: new URL('./worker-source.mjs', import.meta.url).href, execArgv: [...process.execArgv, '--conditions=source'] };
}

/**
 * Monte Carlo blocks on worker threads (piscina), one block per thread at a time: the runner the
 * engine takes (`monteCarlo({ runner })`). Reusable across analyses; close it when done.
 */
export class MonteCarloPool implements MonteCarloRunner {
  private readonly piscina: Piscina;

  constructor(readonly concurrency: number) {
    this.piscina = new Piscina({ ...workerOptions(), minThreads: concurrency, maxThreads: concurrency, idleTimeout: 60_000 });
  }

  run(task: MonteCarloTask): Promise<MonteCarloChunk> {
    return this.piscina.run(task) as Promise<MonteCarloChunk>;
  }

  /**
   * A cluster's Monte Carlo analysis in blocks of `blockSize` runs spread over the threads: each block depends on
   * (seed, run) alone, so the summary is the one a single thread gives.
   */
  async cluster(model: ClusterPathwayModel, scenario: string, runs: number, seed: number, blockSize = 1000): Promise<ClusterMonteCarloSummary> {
    const blocks: Promise<ClusterMonteCarloChunk>[] = [];
    for (let from = 0; from < runs; from += blockSize) blocks.push(this.runCluster({ cluster: model, scenario, seed, from, runs: Math.min(blockSize, runs - from) }));
    return summariseClusterMonteCarlo(model, scenario, seed, await Promise.all(blocks));
  }

  /** One block of a cluster's runs on a worker thread (for a caller that cancels and reports between blocks). */
  runCluster(task: ClusterMonteCarloTask): Promise<ClusterMonteCarloChunk> {
    return this.piscina.run(task) as Promise<ClusterMonteCarloChunk>;
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
