// A Monte Carlo worker thread: registers tsx (workers do not inherit the main thread's loader), then
// runs blocks of runs with the core's pure function. Plain JavaScript so that it loads without tsx.
import { register } from 'tsx/esm/api';

register();
const { runMonteCarloChunk } = await import('@peakpath/core');

/** @param {{ pathway: import('@peakpath/core').Pathway, scenario: string, seed: number, from: number, runs: number }} task */
export default function monteCarloBlock(task) {
  return runMonteCarloChunk(task.pathway, task.scenario, task.seed, task.from, task.runs);
}
