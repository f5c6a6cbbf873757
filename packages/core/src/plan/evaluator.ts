import { PathwayWorkspace } from '../pathway/evaluate.ts';
import { scenarioParameters } from '../pathway/results.ts';
import { capitalRecovery, costStreams, discountFactors, presentCost, type CostStreams } from './costs.ts';
import type { Plan, PlanMeasure } from './definitions.ts';

/** A measure's money at full scale (x = 1): its streams, net present cost, outlays per year and cost in the MACC year. */
export interface MeasureCosts {
  readonly streams: CostStreams;
  /** Net present cost, CNY (discounted to the base year). */
  readonly presentCost: number;
  /** capex + opex per year (what a budget counts), CNY. */
  readonly outlay: Float64Array;
  /** Cost in the MACC year: annualised capex of the units in use + opex − savings, CNY. */
  readonly maccYearCost: number;
}

/**
 * Evaluates the pathway for a plan's adoption scales: the baseline scenario's actions as they are,
 * each measure at x (a share of its adoption curve: 0 = not taken, 1 = as written). Measures at 0
 * are switched off. One workspace, reused: a MACC or an optimisation evaluates hundreds of times.
 */
export class PlanEvaluator {
  readonly workspace: PathwayWorkspace;
  readonly params: Float64Array;
  readonly years: number;
  /** Each measure's adoption per year at x = 1. */
  readonly curves: readonly Float64Array[];
  readonly costs: readonly MeasureCosts[];
  readonly discount: Float64Array;
  private readonly active: Uint8Array;
  private readonly scale: Float64Array;

  constructor(readonly plan: Plan) {
    const { model } = plan.pathway;
    this.workspace = new PathwayWorkspace(model);
    this.params = scenarioParameters(plan.pathway, plan.baseline);
    this.years = model.years;
    this.active = Uint8Array.from(plan.baseline.active);
    this.scale = new Float64Array(model.actions.length).fill(1);
    for (const measure of plan.measures) this.active[measure.action] = 1;
    this.workspace.evaluate(this.params, this.active, false, this.scale);
    this.curves = plan.measures.map((measure) => Float64Array.from(this.workspace.adoption[measure.action]!));
    this.discount = discountFactors(this.years, plan.discountRate);
    const maccIndex = plan.maccYear - model.baseYear;
    this.costs = plan.measures.map((measure, m) => {
      const units = this.units(measure, this.curves[m]!);
      const streams = costStreams(units, measure.capex.value, measure.opex.value, measure.savings.value, measure.lifetime.value);
      const crf = capitalRecovery(plan.discountRate, measure.lifetime.value);
      return {
        streams,
        presentCost: presentCost(streams, this.discount),
        outlay: streams.capex.map((capex, y) => capex + streams.opex[y]!),
        maccYearCost: units[maccIndex]! * (measure.capex.value * crf + measure.opex.value - measure.savings.value),
      };
    });
  }

  /** Units of the measure in place per year at x = 1: adoption × quantity. */
  private units(measure: PlanMeasure, curve: Float64Array): Float64Array {
    const { quantity } = measure;
    if (quantity.kind === 'amount') return curve.map((adoption) => adoption * quantity.units);
    const driver = this.workspace.drivers[quantity.driver]!;
    return curve.map((adoption, y) => adoption * driver[y]! * quantity.perBase * quantity.share);
  }

  /** Evaluates with measure m at x[m]; the results stay in `workspace` until the next call. */
  evaluate(x: ArrayLike<number>, detail = false): PathwayWorkspace {
    this.plan.measures.forEach((measure, m) => {
      const level = x[m]!;
      this.active[measure.action] = level > 0 ? 1 : 0;
      this.scale[measure.action] = level;
    });
    this.workspace.evaluate(this.params, this.active, detail, this.scale);
    return this.workspace;
  }

  /** Net present cost of a portfolio, CNY: Σ x × each measure's (every flow is linear in x). */
  cost(x: ArrayLike<number>): number {
    return this.costs.reduce((total, costs, m) => total + x[m]! * costs.presentCost, 0);
  }
}
