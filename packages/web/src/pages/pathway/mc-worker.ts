/**
 * A web worker that runs blocks of Monte Carlo runs with the core's own code: a task in, the block's
 * runs out (docs/engine.md "Monte Carlo on workers"). The compiled pathway is sent once per worker and
 * kept (`key`): later tasks of the same analysis carry only the run numbers.
 */
import { runMonteCarloChunk, type MonteCarloChunk, type Pathway } from '@peakpath/core';

export interface WorkerTask {
  readonly id: number;
  /** Which compiled pathway: the worker keeps the last one it was sent. */
  readonly key: number;
  readonly pathway?: Pathway;
  readonly scenario: string;
  readonly seed: number;
  readonly from: number;
  readonly runs: number;
}

export type WorkerAnswer = { readonly id: number; readonly chunk: MonteCarloChunk } | { readonly id: number; readonly error: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerTask>) => void) | null;
  postMessage(message: WorkerAnswer, transfer?: Transferable[]): void;
}

// A worker's global scope is its `self`.
const scope = globalThis as unknown as WorkerScope;
let kept: { key: number; pathway: Pathway } | null = null;

scope.onmessage = ({ data: task }) => {
  try {
    if (task.pathway) kept = { key: task.key, pathway: task.pathway };
    if (!kept || kept.key !== task.key) throw new Error('the worker was not sent the pathway of this task');
    const chunk = runMonteCarloChunk(kept.pathway, task.scenario, task.seed, task.from, task.runs);
    // The block's arrays move to the page instead of being copied.
    scope.postMessage({ id: task.id, chunk }, [chunk.totals.buffer, chunk.peakYears.buffer, chunk.targetsMet.buffer, chunk.clamped.buffer]);
  } catch (error) {
    scope.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) });
  }
};
