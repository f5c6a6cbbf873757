import { PathwayWorkspace } from '../pathway/evaluate.ts';
import { GJ_PER_MWH } from '../pathway/calibrate.ts';
import { GJ_PER_TCE } from '../accounting/statements.ts';
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
  /** Part of `streams.savings`: the energy the measure saves alone on the baseline at the plan's prices, CNY per year. */
  readonly energySavings: Float64Array;
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
    const energySavings = this.energySavings();
    this.costs = plan.measures.map((measure, m) => {
      const units = this.units(measure, this.curves[m]!);
      const streams = costStreams(units, measure.capex.value, measure.opex.value, measure.savings.value, measure.lifetime.value);
      const energy = energySavings[m]!;
      for (let y = 0; y < this.years; y++) streams.savings[y]! += energy[y]!;
      const crf = capitalRecovery(plan.discountRate, measure.lifetime.value);
      return {
        streams,
        presentCost: presentCost(streams, this.discount),
        outlay: streams.capex.map((capex, y) => capex + streams.opex[y]!),
        maccYearCost: units[maccIndex]! * measure.capex.value * crf + streams.opex[maccIndex]! - streams.savings[maccIndex]!,
        energySavings: energy,
      };
    });
  }

  /**
   * What each measure saves on the city's energy bill per year, alone on the baseline at x = 1: fuels
   * and heat by their final energy (tce × 29.3076 GJ), electricity by what is bought from the grid
   * (after local generation), at the plan's prices. Zero without prices.
   */
  private energySavings(): Float64Array[] {
    const { plan } = this;
    const zero = new Float64Array(plan.measures.length);
    if (plan.energyPrices.length === 0) return plan.measures.map(() => new Float64Array(this.years));
    const base = this.energyBill(this.evaluate(zero));
    const electricityPrice = plan.energyPrices.find((entry) => entry.carrier === 'electricity')?.perGj;
    return plan.measures.map((measure, m) => {
      zero[m] = 1;
      const bill = this.energyBill(this.evaluate(zero));
      zero[m] = 0;
      // Electricity sold to the grid (a wind farm) is worth its own price: the electricity part of the savings,
      // valued at the price of electricity bought, is restated at it.
      const sold = measure.generationPrice && electricityPrice ? measure.generationPrice.perGj / electricityPrice : 1;
      return base.total.map((value, y) => value - bill.total[y]! - (1 - sold) * (base.electricity[y]! - bill.electricity[y]!));
    });
  }

  /** The energy bill of the last evaluation, CNY per year, for the carriers with a price: in all, and its electricity part. */
  private energyBill(ws: PathwayWorkspace): { total: Float64Array; electricity: Float64Array } {
    const { model } = this.plan.pathway;
    const lines = model.lines;
    const price = new Map(this.plan.energyPrices.map((entry) => [entry.carrier, entry.perGj]));
    const bill = new Float64Array(this.years);
    const electricity = new Float64Array(this.years);
    for (let l = 0; l < lines.count; l++) {
      const carrier = lines.carrier[l]!;
      if (carrier < 0) continue;
      const name = model.sectors[lines.sector[l]!]!.carriers[carrier]!;
      const perGj = price.get(name);
      if (perGj === undefined) continue;
      const quantity = ws.lineQuantities(l);
      for (let y = 0; y < this.years; y++) {
        const gj = lines.electricity[l] === 1 ? quantity[y]! * lines.mwhPerTce[l]! * GJ_PER_MWH * (1 - ws.displacedShare[y]!) : quantity[y]! * GJ_PER_TCE;
        bill[y]! += gj * perGj;
        if (lines.electricity[l] === 1) electricity[y]! += gj * perGj;
      }
    }
    return { total: bill, electricity };
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
