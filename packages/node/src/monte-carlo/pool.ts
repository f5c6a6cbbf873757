import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runMonteCarloChunk, summariseMonteCarlo, type MonteCarloChunk, type MonteCarloSummary, type Pathway } from '@peakpath/core';

export interface MonteCarloOptions {
  readonly runs: number;
  readonly seed: number;
  /** Worker threads; 1 runs on this thread. Default: one per core, and this thread alone for small analyses. */
  readonly threads?: number | undefined;
  /** Called as blocks finish, with the runs done so far. */
  readonly progress?: ((done: number, total: number) => void) | undefined;
}

/** Below this many runs, starting worker threads costs more than it saves. */
const SMALL = 2000;

export function defaultThreads(runs: number): number {
  return runs < SMALL ? 1 : Math.max(1, availableParallelism());
}

/**
 * Runs a scenario's Monte Carlo analysis, in blocks spread over worker threads. Each run draws from
 * its own stream (seed, run), and blocks are put back in run order, so the summary is the same for
 * any number of threads.
 */
export async function monteCarlo(pathway: Pathway, scenario: string, options: MonteCarloOptions): Promise<MonteCarloSummary> {
  const { runs, seed } = options;
  const threads = options.threads ?? defaultThreads(runs);
  // Blocks small enough for the progress bar to move and the threads to share the work evenly.
  const blockSize = Math.max(100, Math.ceil(runs / (threads * 8)));
  const blocks: [number, number][] = [];
  for (let from = 0; from < runs; from += blockSize) blocks.push([from, Math.min(blockSize, runs - from)]);
  let done = 0;
  const finished = (chunk: MonteCarloChunk): MonteCarloChunk => {
    done += chunk.runs;
    options.progress?.(done, runs);
    return chunk;
  };
  if (threads === 1) {
    const chunks: MonteCarloChunk[] = [];
    for (const [from, count] of blocks) {
      chunks.push(finished(runMonteCarloChunk(pathway, scenario, seed, from, count)));
      // Let the progress bar's output through between blocks.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return summariseMonteCarlo(pathway, seed, chunks, scenario);
  }
  const pool = new MonteCarloPool(threads);
  try {
    return await pool.run(pathway, scenario, seed, blocks, finished);
  } finally {
    await pool.close();
  }
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

/** A pool of Monte Carlo worker threads, reusable across analyses (the benchmark keeps one warm). */
export class MonteCarloPool {
  private readonly piscina: Piscina;

  constructor(readonly threads: number) {
    this.piscina = new Piscina({ ...workerOptions(), minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  }

  async run(pathway: Pathway, scenario: string, seed: number, blocks: readonly [number, number][], finished: (chunk: MonteCarloChunk) => MonteCarloChunk = (chunk) => chunk): Promise<MonteCarloSummary> {
    const chunks = await Promise.all(blocks.map(([from, runs]) => (this.piscina.run({ pathway, scenario, seed, from, runs }) as Promise<MonteCarloChunk>).then(finished)));
    return summariseMonteCarlo(pathway, seed, chunks, scenario);
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
