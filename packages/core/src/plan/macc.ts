import type { Basis } from '../pathway/definitions.ts';
import type { PathwayWorkspace } from '../pathway/evaluate.ts';
import type { Name } from './definitions.ts';
import type { PlanEvaluator } from './evaluator.ts';

export interface MaccEntry {
  readonly id: string;
  readonly name: Name;
  /** Position in merit order, 1 = cheapest per tonne. */
  readonly order: number;
  /** tCO2e avoided in the MACC year with the measures before it in merit order already taken (at their maximum). */
  readonly abatement: number;
  /** tCO2e the measure avoids alone on the baseline in the MACC year. */
  readonly standaloneAbatement: number;
  /** CNY in the MACC year: annualised capex + opex − savings. */
  readonly annualCost: number;
  /** CNY per tCO2e in the MACC year; null when the measure avoids nothing that year. */
  readonly costPerTonne: number | null;
  /** Net present cost over the horizon, CNY, at the measure's maximum. */
  readonly presentCost: number;
  /**
   * tCO2e avoided over the horizon (the sum over the pathway's years, base year to end year), with
   * the measures before it in merit order already taken.
   */
  readonly horizonAbatement: number;
  /**
   * tCO2e in the MACC year: the running total along the merit order (this entry's `abatement` plus
   * every earlier entry's), what a MACC's horizontal axis shows; the last entry's is `totalAbatement` (to rounding).
   */
  readonly runningAbatement: number;
}

export interface Macc {
  readonly year: number;
  readonly basis: Basis;
  readonly discountRate: number;
  /** Merit order: cheapest per tonne first; measures that avoid nothing in the year last. */
  readonly entries: readonly MaccEntry[];
  /** Σ abatement: equals the baseline minus all measures at their maximum (merit order counts each tonne once). */
  readonly totalAbatement: number;
}

/** Net emissions per year on a basis: emissions minus the removals outside the inventory's lines. */
export function netEmissions(workspace: PathwayWorkspace, basis: Basis, out: Float64Array): Float64Array {
  const gross = basis === 'basic' ? workspace.basic : workspace.basicPlus;
  for (let y = 0; y < out.length; y++) out[y] = gross[y]! - workspace.removals[y]!;
  return out;
}

/**
 * The marginal abatement cost curve of the plan's measures for the MACC year, through the pathway
 * model: measures are taken greedily, each step the one with the lowest cost per tonne given the
 * measures already taken, so two measures acting on the same emissions are not both credited with
 * them (the second's abatement is what is left after the first). Each measure is at its maximum
 * adoption (`limits.max`).
 */
export function buildMacc(evaluator: PlanEvaluator): Macc {
  const { plan, years } = evaluator;
  const y = plan.maccYear - plan.pathway.model.baseYear;
  const count = plan.measures.length;
  const x = new Float64Array(count);
  const current = new Float64Array(years);
  const trial = new Float64Array(years);
  const baseline = new Float64Array(years);
  netEmissions(evaluator.evaluate(x), plan.basis, baseline);
  current.set(baseline);
  // The first round tries each measure on the baseline: what it avoids alone.
  const standalone = new Float64Array(count);

  const remaining = new Set(plan.measures.map((_, m) => m));
  const entries: MaccEntry[] = [];
  let running = 0;
  while (remaining.size > 0) {
    let best: { m: number; abatement: number; perTonne: number; series: Float64Array } | undefined;
    for (const m of remaining) {
      x[m] = plan.measures[m]!.max;
      netEmissions(evaluator.evaluate(x), plan.basis, trial);
      x[m] = 0;
      const abatement = current[y]! - trial[y]!;
      if (entries.length === 0) standalone[m] = abatement;
      const cost = evaluator.costs[m]!.maccYearCost * plan.measures[m]!.max;
      const perTonne = abatement > 1e-9 * Math.abs(baseline[y]!) ? cost / abatement : Infinity;
      const better = !best || perTonne < best.perTonne || (perTonne === best.perTonne && (abatement > best.abatement || (abatement === best.abatement && plan.measures[m]!.id < plan.measures[best.m]!.id)));
      if (better) best = { m, abatement, perTonne, series: Float64Array.from(trial) };
    }
    const { m, abatement, perTonne, series } = best!;
    remaining.delete(m);
    x[m] = plan.measures[m]!.max;
    let overHorizon = 0;
    for (let t = 0; t < years; t++) overHorizon += current[t]! - series[t]!;
    running += abatement;
    current.set(series);
    const measure = plan.measures[m]!;
    entries.push({
      id: measure.id,
      name: measure.name,
      order: entries.length + 1,
      abatement,
      standaloneAbatement: standalone[m]!,
      annualCost: evaluator.costs[m]!.maccYearCost * measure.max,
      costPerTonne: Number.isFinite(perTonne) ? perTonne : null,
      presentCost: evaluator.costs[m]!.presentCost * measure.max,
      horizonAbatement: overHorizon,
      runningAbatement: running,
    });
  }
  return { year: plan.maccYear, basis: plan.basis, discountRate: plan.discountRate, entries, totalAbatement: baseline[y]! - current[y]! };
}
