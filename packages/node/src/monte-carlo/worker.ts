// A Monte Carlo worker thread: runs blocks of runs with the core's pure function. The pool loads the
// compiled file (dist/monte-carlo/worker.js) as is, or this source through worker-source.mjs.
import { runMonteCarloChunk, type MonteCarloChunk, type MonteCarloTask } from '@peakpath/core';

export default function monteCarloBlock(task: MonteCarloTask): MonteCarloChunk {
  return runMonteCarloChunk(task.pathway, task.scenario, task.seed, task.from, task.runs);
}
