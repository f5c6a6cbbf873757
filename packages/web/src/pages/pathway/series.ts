/**
 * The figures of a result on the basis the user chose: GPC BASIC (all gases) or China's official
 * energy-activity CO2. Pure selectors over the core's `PathwayResult`; nothing is recomputed here.
 */
import type { PathwayResult, TargetResult } from '@peakpath/core';
import type { BasisChoice } from './state.ts';

export interface BasisView {
  /** Emissions per year, aligned with `result.years` (tCO2e on BASIC, tCO2 on the official basis). */
  readonly total: readonly number[];
  readonly peak: { readonly year: number | null; readonly value: number | null };
  /** Each action's avoided emissions per year on this basis. */
  readonly wedges: readonly { readonly id: string; readonly name: { readonly en: string; readonly zh: string }; readonly values: readonly number[] }[];
  /** The scenario without any action (BASIC only: the core gives the interaction there). */
  readonly bau: readonly number[] | null;
  /** tCO2e or tCO2. */
  readonly unit: 'tCO2e' | 'tCO2';
}

export function basisView(result: PathwayResult, basis: BasisChoice): BasisView {
  if (basis === 'official') {
    return {
      total: result.official.energyCo2,
      peak: result.official.peak,
      wedges: result.actions.map((action) => ({ id: action.id, name: action.name, values: action.impactEnergyCo2 })),
      bau: null,
      unit: 'tCO2',
    };
  }
  // BAU = scenario + Σ impacts + interaction (docs/pathways.md "How actions combine").
  const bau = result.total.map((value, y) => value + result.interaction[y]! + result.actions.reduce((sum, action) => sum + action.impact[y]!, 0));
  return {
    total: result.total,
    peak: result.peak,
    wedges: result.actions.map((action) => ({ id: action.id, name: action.name, values: action.impact })),
    bau,
    unit: 'tCO2e',
  };
}

/** Whether a target is judged on the basis shown (BASIC+ targets are shown with BASIC). */
export const onBasis = (target: TargetResult, basis: BasisChoice): boolean => (basis === 'official' ? target.basis === 'energyCo2' && target.gapUnit === 'tCO2' : target.basis !== 'energyCo2');

/** The quantity a target is judged on, per year. */
export function targetQuantity(result: PathwayResult, target: TargetResult): readonly number[] {
  if (target.basis === 'energyCo2') return result.official.energyCo2;
  return target.basis === 'basicPlus' ? result.basicPlus : result.total;
}

/**
 * A target as three bars: the base year, the scenario in the target year, and what the target allows
 * then (the quantity minus the core's gap). Null for targets with no tonnes to compare (a peak, energy).
 */
export function targetBars(result: PathwayResult, target: TargetResult): { now: number; scenario: number; allowed: number; gap: number } | null {
  if (target.gapUnit === 'tce') return null;
  const y = target.year - result.baseYear;
  const gap = target.gap[y];
  if (gap === null || gap === undefined) return null;
  const quantity = targetQuantity(result, target);
  const scenario = quantity[y]!;
  return { now: quantity[0]!, scenario, allowed: scenario - gap, gap };
}
