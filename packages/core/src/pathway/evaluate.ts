import { EFFECTS_PER_ACTION, type AdoptionModel, type EffectModel, type PathwayModel } from './model.ts';
import { OfficialYears } from './official.ts';
import { evaluateSeries } from './series.ts';

/**
 * Buffers of one evaluation, allocated once per model and reused: a Monte Carlo worker or a slider
 * evaluates thousands of times without allocating. Every array holds one value per year; arrays
 * "by sector" are sector-major (`sector × years + year`).
 */
export class PathwayWorkspace {
  readonly drivers: Float64Array[];
  readonly grid: Float64Array;
  readonly adoption: Float64Array[];
  /** BASIC and BASIC+ totals, tCO2e. */
  readonly basic: Float64Array;
  readonly basicPlus: Float64Array;
  /** Removals outside the inventory's lines (the removals series and removal actions), tCO2e. */
  readonly removals: Float64Array;
  /** Energy of BASIC lines, tce. */
  readonly energy: Float64Array;
  /** BASIC tCO2e by scope 1, 2, 3: scope × years. */
  readonly byScope: Float64Array;
  /** BASIC masses, t: CO2, CH4, N2O (gas × years); and tCO2e of each, with other gases fourth (4 × years). */
  readonly gasMass: Float64Array;
  readonly gasCo2e: Float64Array;
  readonly sectorBasic: Float64Array;
  readonly sectorBasicPlus: Float64Array;
  /** For the decomposition (BASIC lines): energy, tce; tCO2e of energy lines; tCO2e of non-energy lines. */
  readonly sectorEnergy: Float64Array;
  readonly sectorEnergyEmissions: Float64Array;
  readonly sectorOtherEmissions: Float64Array;
  /** Local zero-carbon generation, MWh, and the part of it that found no grid electricity to displace. */
  readonly generation: Float64Array;
  readonly generationUnused: Float64Array;
  /** China's official quantities year by year (official.ts). */
  readonly official: OfficialYears;
  /** Times a drawn share trajectory summed above 1 and was scaled down (Monte Carlo only; nominal input is checked). */
  sharesScaled = 0;

  private readonly lineQuantity: Float64Array;
  private readonly activity: Float64Array;
  private readonly intensity: Float64Array;
  private readonly activityFactor: Float64Array;
  private readonly shareValues: Float64Array;
  private readonly carrierBefore: Float64Array;
  private readonly carrierNow: Float64Array;
  private readonly switchSum: Float64Array;
  private readonly switchKeep: Float64Array;
  private readonly displaced: Float64Array;
  private readonly index: SectorIndex[];
  /** Per line, the emissions effects acting on it as columns: action, reduction slot, gas (−1 all, 0 CO2, 1 CH4, 2 N2O). */
  private readonly lineEffects: { action: Int32Array; reduction: Int32Array; gas: Int32Array }[];
  private readonly gasKeep = new Float64Array(4);

  constructor(readonly model: PathwayModel) {
    this.index = indexSectors(model);
    this.lineEffects = model.lines.emissionEffects.map((codes) => {
      const columns = { action: new Int32Array(codes.length), reduction: new Int32Array(codes.length), gas: new Int32Array(codes.length) };
      codes.forEach((code, e) => {
        const action = Math.floor(code / EFFECTS_PER_ACTION);
        const effect = model.actions[action]!.effects[code % EFFECTS_PER_ACTION]!;
        if (effect.kind !== 'emissions') throw new Error('an emissions effect index points at another kind of effect');
        columns.action[e] = action;
        columns.reduction[e] = effect.reduction;
        columns.gas[e] = effect.gas;
      });
      return columns;
    });
    const years = model.years;
    const sectors = model.sectors.length;
    const carriers = Math.max(1, ...model.sectors.map((sector) => sector.carriers.length));
    const shares = Math.max(1, ...model.sectors.map((sector) => sector.shares.length));
    const array = (size: number): Float64Array => new Float64Array(size);
    this.drivers = model.drivers.map(() => array(years));
    this.grid = array(years);
    this.adoption = model.actions.map(() => array(years));
    this.basic = array(years);
    this.basicPlus = array(years);
    this.removals = array(years);
    this.energy = array(years);
    this.byScope = array(3 * years);
    this.gasMass = array(3 * years);
    this.gasCo2e = array(4 * years);
    this.sectorBasic = array(sectors * years);
    this.sectorBasicPlus = array(sectors * years);
    this.sectorEnergy = array(sectors * years);
    this.sectorEnergyEmissions = array(sectors * years);
    this.sectorOtherEmissions = array(sectors * years);
    this.generation = array(years);
    this.generationUnused = array(years);
    this.lineQuantity = array(model.lines.count * years);
    this.activity = array(years);
    this.intensity = array(years);
    this.activityFactor = array(years);
    this.shareValues = array(shares * years);
    this.carrierBefore = array(carriers);
    this.carrierNow = array(carriers);
    this.switchSum = array(carriers);
    this.switchKeep = array(carriers);
    this.displaced = array(years);
    this.official = new OfficialYears(model);
  }

  /**
   * Evaluates the model with these parameter values and these actions on (`active[a]` = 1).
   * `scale[a]`, when given, multiplies action a's adoption in every year (a plan's adoption level:
   * 0.5 = half the adoption the action's curve gives). Results are left in the workspace's arrays.
   */
  evaluate(params: Float64Array, active: Uint8Array, detail = true, scale?: Float64Array): void {
    const model = this.model;
    const years = model.years;
    for (let d = 0; d < model.drivers.length; d++) evaluateSeries(model.drivers[d]!.program, params, this.drivers[d]!, this.drivers);
    evaluateSeries(model.grid, params, this.grid, this.drivers);
    for (let a = 0; a < model.actions.length; a++) {
      const out = this.adoption[a]!;
      if (active[a] === 1) {
        this.adopt(model.actions[a]!.adoption, params, out);
        const factor = scale === undefined ? 1 : scale[a]!;
        if (factor !== 1) for (let y = 0; y < years; y++) out[y]! *= factor;
      } else out.fill(0);
    }
    for (let s = 0; s < model.sectors.length; s++) this.sectorQuantities(s, params, active);
    this.displacement(params, active);
    this.emissions(params, detail);
    this.official.finish(params, active, this.adoption, this.generation, this.drivers, this.grid);
    if (model.removals) evaluateSeries(model.removals, params, this.removals, this.drivers);
    else this.removals.fill(0);
    for (let a = 0; a < model.actions.length; a++) {
      if (active[a] !== 1) continue;
      const adoption = this.adoption[a]!;
      for (const effect of model.actions[a]!.effects) {
        if (effect.kind !== 'removal') continue;
        const amount = params[effect.amount]!;
        for (let y = 0; y < years; y++) this.removals[y]! += adoption[y]! * amount;
      }
    }
  }

  /**
   * Line l's quantity per year from the last evaluation: tce for an energy line (after switches and
   * efficiency), the activity index for a non-energy line. A view into the workspace: copy to keep.
   */
  lineQuantities(l: number): Float64Array {
    const years = this.model.years;
    return this.lineQuantity.subarray(l * years, (l + 1) * years);
  }

  /** The share of grid electricity local generation displaced in each year of the last evaluation. */
  get displacedShare(): Float64Array {
    return this.displaced;
  }

  private adopt(adoption: AdoptionModel, params: Float64Array, out: Float64Array): void {
    const years = out.length;
    const level = params[adoption.level]!;
    switch (adoption.kind) {
      case 'ramp':
        for (let y = 0; y < years; y++) out[y] = level * adoption.shape[y]!;
        return;
      case 'rate': {
        const rate = params[adoption.rate]!;
        for (let y = 0; y < years; y++) out[y] = Math.min(level, rate * adoption.elapsed[y]!);
        return;
      }
      case 'stock': {
        const stock = this.drivers[adoption.stock]!;
        const turnover = 1 / params[adoption.lifetime]!;
        let adopted = 0;
        out[0] = 0;
        for (let y = 1; y < years; y++) {
          const added = Math.max(0, stock[y]! - stock[y - 1]! * (1 - turnover));
          adopted = adopted * (1 - turnover) + level * adoption.shape[y]! * added;
          out[y] = stock[y]! > 0 ? Math.min(1, adopted / stock[y]!) : 0;
        }
        return;
      }
      default: {
        const unhandled: never = adoption;
        throw new Error(`unknown adoption ${String(unhandled)}`);
      }
    }
  }

  /** Energy of each carrier of a sector, year by year, and from it each line's quantity. */
  private sectorQuantities(s: number, params: Float64Array, active: Uint8Array): void {
    const model = this.model;
    const years = model.years;
    const sector = model.sectors[s]!;
    const index = this.index[s]!;
    const driver = this.drivers[sector.driver]!;
    const base = driver[0]!;
    evaluateSeries(sector.intensity, params, this.intensity, this.drivers);
    const factor = this.activityFactor;
    for (let y = 0; y < years; y++) factor[y] = (driver[y]! / base) * this.intensity[y]!;
    for (const { action, reduction } of index.activity) {
      if (active[action] !== 1) continue;
      const adoption = this.adoption[action]!;
      const cut = params[reduction]!;
      for (let y = 0; y < years; y++) factor[y]! *= 1 - adoption[y]! * cut;
    }

    const carriers = sector.carriers.length;
    const baseEnergy = sector.baseEnergy;
    const baseTotal = index.baseTotal;
    const shares = sector.shares;
    for (let k = 0; k < shares.length; k++) evaluateSeries(shares[k]!.program, params, this.shareValues.subarray(k * years, (k + 1) * years), this.drivers);
    const baseRest = index.baseRest;

    const lines = model.lines;
    const sectorLines = index.lines;
    const before = this.carrierBefore;
    const now = this.carrierNow;
    const efficiency = index.efficiency;
    for (let y = 0; y < years; y++) {
      const total = baseTotal * factor[y]!;
      // BAU shares: carriers with a trajectory follow it, the others fill the rest in base-year proportion.
      let fixed = 0;
      for (let k = 0; k < shares.length; k++) fixed += this.shareValues[k * years + y]!;
      let fixedScale = 1;
      if (fixed > 1) {
        fixedScale = 1 / fixed;
        fixed = 1;
        this.sharesScaled++;
      }
      const rest = baseRest > 0 ? ((1 - fixed) / (baseRest * baseTotal)) * total : 0;
      for (let c = 0; c < carriers; c++) before[c] = baseEnergy[c]! * rest;
      for (let k = 0; k < shares.length; k++) before[shares[k]!.carrier] = this.shareValues[k * years + y]! * fixedScale * total;
      for (let c = 0; c < carriers; c++) now[c] = before[c]!;
      if (index.switches.length > 0) this.switches(index, y, params, active);
      for (let e = 0; e < efficiency.length; e++) {
        const { action, carrier, reduction } = efficiency[e]!;
        if (active[action] !== 1) continue;
        const adopted = this.adoption[action]![y]!;
        if (adopted === 0) continue;
        const keep = 1 - adopted * params[reduction]!;
        if (carrier < 0) for (let c = 0; c < carriers; c++) now[c]! *= keep;
        else now[carrier]! *= keep;
      }
      for (let i = 0; i < sectorLines.length; i++) {
        const l = sectorLines[i]!;
        const carrier = lines.carrier[l]!;
        this.lineQuantity[l * years + y] = carrier < 0 ? factor[y]! : now[carrier]! * lines.fraction[l]!;
      }
    }
  }

  /**
   * Fuel switches of one sector in one year, independent of the order actions are listed in: each
   * source carrier keeps Π(1 − adoption × share) of its energy, and what leaves it is split among the
   * switches in proportion to adoption × share; a switch moves energy from the carriers as they were
   * before any switch, so energy switched in is not switched again the same year.
   */
  private switches(index: SectorIndex, y: number, params: Float64Array, active: Uint8Array): void {
    const sum = this.switchSum;
    const keep = this.switchKeep;
    const before = this.carrierBefore;
    const now = this.carrierNow;
    sum.fill(0);
    keep.fill(1);
    let any = false;
    for (const { action, effect } of index.switches) {
      if (active[action] !== 1) continue;
      const moved = Math.min(1, this.adoption[action]![y]! * params[effect.share]!);
      if (moved === 0) continue;
      for (const c of effect.from) {
        sum[c]! += moved;
        keep[c]! *= 1 - moved;
      }
      any = true;
    }
    if (!any) return;
    for (const { action, effect } of index.switches) {
      if (active[action] !== 1) continue;
      const moved = Math.min(1, this.adoption[action]![y]! * params[effect.share]!);
      if (moved === 0) continue;
      const ratio = params[effect.ratio]!;
      for (const c of effect.from) {
        const leaving = before[c]! * (1 - keep[c]!) * (moved / sum[c]!);
        now[c]! -= leaving;
        now[effect.to]! += leaving * ratio;
      }
    }
  }

  /** Local zero-carbon generation: the share of the city's grid electricity it displaces, year by year. */
  private displacement(params: Float64Array, active: Uint8Array): void {
    const model = this.model;
    const years = model.years;
    const generation = this.generation;
    generation.fill(0);
    for (let a = 0; a < model.actions.length; a++) {
      if (active[a] !== 1) continue;
      const adoption = this.adoption[a]!;
      for (const effect of model.actions[a]!.effects) {
        if (effect.kind !== 'generation') continue;
        const amount = params[effect.amount]!;
        for (let y = 0; y < years; y++) generation[y]! += adoption[y]! * amount;
      }
    }
    const lines = model.lines;
    for (let y = 0; y < years; y++) {
      const made = generation[y]!;
      if (made === 0) {
        this.displaced[y] = 0;
        this.generationUnused[y] = 0;
        continue;
      }
      let demand = 0;
      for (let l = 0; l < lines.count; l++) if (lines.electricity[l] === 1) demand += this.lineQuantity[l * years + y]! * lines.mwhPerTce[l]!;
      const displaced = demand > 0 ? Math.min(1, made / demand) : 0;
      this.displaced[y] = displaced;
      this.generationUnused[y] = made - displaced * demand;
    }
  }

  /**
   * Gases of every line, year by year, summed into the totals. With `detail` false only the BASIC and
   * BASIC+ totals are kept (what a Monte Carlo run needs), which saves most of the bookkeeping.
   */
  private emissions(params: Float64Array, detail: boolean): void {
    const model = this.model;
    const years = model.years;
    const lines = model.lines;
    const basic = this.basic;
    const basicPlus = this.basicPlus;
    basic.fill(0);
    basicPlus.fill(0);
    const official = this.official;
    official.clearLines();
    if (detail) {
      for (const array of [this.energy, this.byScope, this.gasMass, this.gasCo2e]) array.fill(0);
      for (const array of [this.sectorBasic, this.sectorBasicPlus, this.sectorEnergy, this.sectorEnergyEmissions, this.sectorOtherEmissions]) array.fill(0);
    }
    const gridBase = model.gridBase;
    const n2oWeight = model.n2oWeight;
    const grid = this.grid;
    const displaced = this.displaced;
    const lineQuantity = this.lineQuantity;
    const adoption = this.adoption;
    const keep = this.gasKeep;
    for (let l = 0; l < lines.count; l++) {
      const sector = lines.sector[l]!;
      const isEnergy = lines.carrier[l]! >= 0;
      const isElectricity = lines.electricity[l] === 1;
      const isBasic = lines.basic[l] === 1;
      const scope = lines.scope[l]! - 1;
      const co2 = lines.co2[l]!;
      const ch4 = lines.ch4[l]!;
      const n2o = lines.n2o[l]!;
      const other = lines.other[l]!;
      const ch4Weight = lines.ch4Weight[l]!;
      const officialShare = lines.officialShare[l]!;
      const fossilTce = lines.fossilTce[l]!;
      const officialMwh = lines.officialMwh[l]!;
      const effects = this.lineEffects[l]!;
      const count = effects.action.length;
      for (let y = 0; y < years; y++) {
        const quantity = lineQuantity[l * years + y]!;
        let scale = quantity;
        if (isElectricity) scale *= (grid[y]! / gridBase) * (1 - displaced[y]!);
        keep[0] = 1;
        keep[1] = 1;
        keep[2] = 1;
        keep[3] = 1;
        for (let e = 0; e < count; e++) {
          const adopted = adoption[effects.action[e]!]![y]!;
          if (adopted === 0) continue;
          const factor = 1 - adopted * params[effects.reduction[e]!]!;
          const gas = effects.gas[e]!;
          if (gas < 0) {
            keep[0]! *= factor;
            keep[1]! *= factor;
            keep[2]! *= factor;
            keep[3]! *= factor;
          } else keep[gas]! *= factor;
        }
        const mCo2 = scale * co2 * keep[0]!;
        const mCh4 = scale * ch4 * keep[1]!;
        const mN2o = scale * n2o * keep[2]!;
        const eOther = scale * other * keep[3]!;
        const co2e = mCo2 + mCh4 * ch4Weight + mN2o * n2oWeight + eOther;
        basicPlus[y]! += co2e;
        if (isBasic) basic[y]! += co2e;
        // Official basis: combustion CO2 (after the emissions effects), fossil energy and electricity consumed (before local generation).
        official.linesCo2[y]! += mCo2 * officialShare;
        official.linesFossil[y]! += quantity * fossilTce;
        official.consumption[y]! += quantity * officialMwh;
        if (!detail) continue;
        this.sectorBasicPlus[sector * years + y]! += co2e;
        if (!isBasic) continue;
        this.sectorBasic[sector * years + y]! += co2e;
        this.byScope[scope * years + y]! += co2e;
        this.gasMass[y]! += mCo2;
        this.gasMass[years + y]! += mCh4;
        this.gasMass[2 * years + y]! += mN2o;
        this.gasCo2e[y]! += mCo2;
        this.gasCo2e[years + y]! += mCh4 * ch4Weight;
        this.gasCo2e[2 * years + y]! += mN2o * n2oWeight;
        this.gasCo2e[3 * years + y]! += eOther;
        if (isEnergy) {
          this.energy[y]! += quantity;
          this.sectorEnergy[sector * years + y]! += quantity;
          this.sectorEnergyEmissions[sector * years + y]! += co2e;
        } else {
          this.sectorOtherEmissions[sector * years + y]! += co2e;
        }
      }
    }
  }
}

/** What evaluating one sector needs, found once per model: its lines and the effects acting on it. */
interface SectorIndex {
  readonly lines: Int32Array;
  readonly baseTotal: number;
  /** Base-year share of the carriers without a share trajectory. */
  readonly baseRest: number;
  readonly activity: readonly { readonly action: number; readonly reduction: number }[];
  readonly efficiency: readonly { readonly action: number; readonly carrier: number; readonly reduction: number }[];
  readonly switches: readonly { readonly action: number; readonly effect: Extract<EffectModel, { kind: 'switch' }> }[];
}

function indexSectors(model: PathwayModel): SectorIndex[] {
  return model.sectors.map((sector, s) => {
    const lines: number[] = [];
    for (let l = 0; l < model.lines.count; l++) if (model.lines.sector[l] === s) lines.push(l);
    const activity: SectorIndex['activity'][number][] = [];
    const efficiency: SectorIndex['efficiency'][number][] = [];
    const switches: SectorIndex['switches'][number][] = [];
    model.actions.forEach((action, a) => {
      for (const effect of action.effects) {
        if (!('sector' in effect) || effect.sector !== s) continue;
        if (effect.kind === 'activity') activity.push({ action: a, reduction: effect.reduction });
        else if (effect.kind === 'efficiency') efficiency.push({ action: a, carrier: effect.carrier, reduction: effect.reduction });
        else if (effect.kind === 'switch') switches.push({ action: a, effect });
      }
    });
    const baseTotal = sector.baseEnergy.reduce((sum, tce) => sum + tce, 0);
    const fixed = sector.shares.reduce((sum, share) => sum + sector.baseEnergy[share.carrier]!, 0);
    return { lines: Int32Array.from(lines), baseTotal, baseRest: baseTotal > 0 ? (baseTotal - fixed) / baseTotal : 0, activity, efficiency, switches };
  });
}
