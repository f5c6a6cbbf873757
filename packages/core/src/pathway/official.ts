import { GENERATION_SOURCES } from '../official/types.ts';
import { GJ_PER_MWH } from './calibrate.ts';
import type { PathwayModel } from './model.ts';
import { evaluateSeries } from './series.ts';

/**
 * China's official quantities of a pathway, year by year (docs/pathways.md "Official basis"), beside
 * the GPC totals: energy-activity CO2 (能源活动二氧化碳排放) with its parts, total energy (能源消费总量,
 * coal-equivalent when the inventory gives a coal rate, else calorific), the non-fossil share, and the
 * supply behind them — local generation by source and net imports as the balance.
 */
export class OfficialYears {
  /** tCO2: energyCo2 = lines + plants + held + electricity imports + heat imports. */
  readonly energyCo2: Float64Array;
  /** Combustion CO2 of the sectors' lines (feedstock out), of the power and heat plants, and of rows held at the base year. */
  readonly linesCo2: Float64Array;
  readonly plantCo2: Float64Array;
  readonly electricityCo2: Float64Array;
  /** MWh: electricity consumed in the territory (the pathway's electricity lines, T&D included), generated locally, imported net. */
  readonly consumption: Float64Array;
  readonly generation: Float64Array;
  readonly netImports: Float64Array;
  /** tce: fossil energy of the lines (calorific, feedstock included) and of the plants; the total; its non-fossil part. */
  readonly linesFossil: Float64Array;
  readonly plantFossil: Float64Array;
  readonly energy: Float64Array;
  readonly nonFossil: Float64Array;
  /** nonFossil / energy. */
  readonly nonFossilShare: Float64Array;
  /** Electricity by source (MWh) and heat by source (GJ): source × years. */
  readonly electricityBySource: Float64Array;
  readonly heatBySource: Float64Array;
  private readonly series: Float64Array;
  /** Plant actions' changes by source (source × years), summed apart so a share acts on the series alone, whatever the actions' order. */
  private readonly changes: Float64Array;

  constructor(readonly model: PathwayModel) {
    const years = model.years;
    const array = (size = years): Float64Array => new Float64Array(size);
    this.energyCo2 = array();
    this.linesCo2 = array();
    this.plantCo2 = array();
    this.electricityCo2 = array();
    this.consumption = array();
    this.generation = array();
    this.netImports = array();
    this.linesFossil = array();
    this.plantFossil = array();
    this.energy = array();
    this.nonFossil = array();
    this.nonFossilShare = array();
    const sources = model.supply.electricity.length;
    this.electricityBySource = array(sources * years);
    this.heatBySource = array(sources * years);
    this.series = array();
    this.changes = array(sources * years);
  }

  /** Clears the parts the lines add to (the workspace sums its lines into `linesCo2`, `linesFossil`, `consumption`). */
  clearLines(): void {
    this.linesCo2.fill(0);
    this.linesFossil.fill(0);
    this.consumption.fill(0);
  }

  /**
   * Supply and totals once the lines are summed: generation by source (the series, plus plant actions,
   * plus behind-the-meter generation as local solar), the plants' fuel following their output, net
   * imports as consumption − generation at the grid trajectory, and the totals.
   */
  finish(params: Float64Array, active: Uint8Array, adoption: readonly Float64Array[], behindTheMeter: Float64Array, drivers: readonly Float64Array[], grid: Float64Array): void {
    const model = this.model;
    const supply = model.supply;
    const years = model.years;
    const sources = supply.electricity.length;
    const out = this.series;
    for (let s = 0; s < sources; s++) {
      evaluateSeries(supply.electricity[s]!, params, out, drivers);
      for (let y = 0; y < years; y++) this.electricityBySource[s * years + y] = out[y]! / GJ_PER_MWH;
      evaluateSeries(supply.heat[s]!, params, out, drivers);
      this.heatBySource.set(out, s * years);
    }
    // Plants built or retired: on top of the series (a share acts on the series' value of that year).
    const changes = this.changes;
    changes.fill(0);
    for (let a = 0; a < model.actions.length; a++) {
      if (active[a] !== 1) continue;
      const adopted = adoption[a]!;
      for (const effect of model.actions[a]!.effects) {
        if (effect.kind !== 'plant') continue;
        const value = params[effect.amount]!;
        const offset = effect.source * years;
        for (let y = 0; y < years; y++) changes[offset + y]! += adopted[y]! * (effect.relative ? value * this.electricityBySource[offset + y]! : value);
      }
    }
    const solar = SOLAR * years;
    for (let y = 0; y < years; y++) changes[solar + y]! += behindTheMeter[y]!;
    for (let i = 0; i < sources * years; i++) this.electricityBySource[i] = Math.max(0, this.electricityBySource[i]! + changes[i]!);

    this.plantCo2.fill(0);
    this.plantFossil.fill(0);
    for (const plant of supply.plants) {
      const offset = plant.source * years;
      for (let y = 0; y < years; y++) {
        const power = plant.electricity > 0 ? this.electricityBySource[offset + y]! / plant.electricity : 1;
        const heat = plant.heat > 0 ? this.heatBySource[offset + y]! / plant.heat : 1;
        const output = plant.powerShare * power + (1 - plant.powerShare) * heat;
        this.plantCo2[y]! += plant.co2 * output;
        this.plantFossil[y]! += plant.fossilTce * output;
      }
    }
    const gridBase = model.gridBase;
    for (let y = 0; y < years; y++) {
      let generated = 0;
      let nonFossil = 0;
      for (let s = 0; s < sources; s++) {
        const mwh = this.electricityBySource[s * years + y]!;
        generated += mwh;
        if (supply.nonFossil[s] === 1) nonFossil += mwh;
      }
      this.generation[y] = generated;
      const consumption = this.consumption[y]! + supply.held.mwh;
      const net = consumption - generated + supply.netImportOffset;
      this.netImports[y] = net;
      this.electricityCo2[y] = net * supply.importFactor * (grid[y]! / gridBase);
      this.energyCo2[y] = this.linesCo2[y]! + this.plantCo2[y]! + supply.held.co2 + this.electricityCo2[y]! + supply.heatImports.co2;
      const nonFossilTce = nonFossil * supply.primaryRate + supply.nonFossilImports * supply.importRate;
      const total = this.linesFossil[y]! + this.plantFossil[y]! + supply.held.fossilTce + nonFossil * supply.primaryRate + net * supply.importRate + supply.heatImports.tce;
      this.nonFossil[y] = nonFossilTce;
      this.energy[y] = total;
      this.nonFossilShare[y] = total === 0 ? 0 : nonFossilTce / total;
    }
  }
}

/** Behind-the-meter generation (the `generation` effect) counts as local solar. */
const SOLAR = GENERATION_SOURCES.indexOf('solar');
