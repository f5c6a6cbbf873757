/**
 * A web worker that runs blocks of Monte Carlo runs with the core's own code, as the web app will:
 * a task in by `postMessage`, the block's chunk out. Bundled for the browser by the test beside it.
 */
import { runMonteCarloChunk, type MonteCarloTask } from '@peakpath/core';

interface WorkerScope {
  onmessage: ((event: { data: MonteCarloTask }) => void) | null;
  postMessage(message: unknown): void;
}

// A worker's global scope is its `self`.
const scope = globalThis as unknown as WorkerScope;
scope.onmessage = ({ data }) => scope.postMessage(runMonteCarloChunk(data.pathway, data.scenario, data.seed, data.from, data.runs));
