import { scenarioSummary } from '../pathway/json.ts';
import type { PlanResult } from './run.ts';

/**
 * The JSON of a plan (docs/plans.md): the portfolio's pathway in detail with the baseline and the
 * portfolio compared under `pathway.comparison`, the baseline in brief, and the run's `warnings`
 * (engine/documents.ts `warningsJson`; empty when there are none). The CLI, the API and the report
 * print this.
 */
export function planJson(result: PlanResult, warnings: readonly unknown[] = []): object {
  const { pathway, baselinePathway, ...rest } = result;
  return {
    ...rest,
    pathway: { ...pathway, comparison: [scenarioSummary(baselinePathway), scenarioSummary(pathway)] },
    baselinePathway: scenarioSummary(baselinePathway),
    warnings,
  };
}
