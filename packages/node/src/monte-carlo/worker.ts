// A Monte Carlo worker thread: runs blocks of runs with the core's pure functions — a pathway's, or a cluster's
// (its members' pathways together). The pool loads the compiled file (dist/monte-carlo/worker.js) as is, or this
// source through worker-source.mjs.
import { runClusterMonteCarloChunk, runMonteCarloChunk, type ClusterMonteCarloChunk, type MonteCarloChunk, type MonteCarloTask } from '@peakpath/core';
import type { ClusterMonteCarloTask } from './pool.ts';

export default function monteCarloBlock(task: MonteCarloTask | ClusterMonteCarloTask): MonteCarloChunk | ClusterMonteCarloChunk {
  if ('cluster' in task) return runClusterMonteCarloChunk(task.cluster, task.scenario, task.seed, task.from, task.runs);
  return runMonteCarloChunk(task.pathway, task.scenario, task.seed, task.from, task.runs);
}
