import type { MonteCarloSummary } from './montecarlo.ts';
import type { PathwayResult } from './results.ts';

/** One scenario in brief, as the comparison of `peakpath pathway --json` and a plan's pathways list it. */
export interface ScenarioSummary {
  readonly id: string;
  readonly name: PathwayResult['scenario']['name'];
  readonly total: PathwayResult['total'];
  readonly peak: PathwayResult['peak'];
  /** The peak of China's official energy-activity CO2. */
  readonly officialPeak: PathwayResult['official']['peak'];
  readonly targets: readonly { readonly id: string; readonly met: boolean }[];
}

export const scenarioSummary = (result: PathwayResult): ScenarioSummary => ({
  id: result.scenario.id,
  name: result.scenario.name,
  total: result.total,
  peak: result.peak,
  officialPeak: result.official.peak,
  targets: result.targets.map(({ id, met }) => ({ id, met })),
});

/**
 * The JSON of a pathway run (docs/pathways.md): the scenario in detail, every scenario in brief under
 * `comparison`, the Monte Carlo summary under `mc` when there is one, and the run's `warnings`
 * (engine/documents.ts `warningsJson`; empty when there are none). The CLI, the API and the report
 * print this.
 */
export function pathwayJson(result: PathwayResult, comparison: readonly PathwayResult[], mc?: MonteCarloSummary, warnings: readonly unknown[] = []): object {
  return { ...result, comparison: comparison.map(scenarioSummary), ...(mc ? { mc } : {}), warnings };
}
