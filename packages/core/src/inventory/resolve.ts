import { FACTOR_LABELS, FACTOR_SET_SOURCES } from '../factors/factor-sets.ts';
import { CO2_PER_CARBON } from '../factors/molar-ratios.ts';
import { FUELS, type FuelId } from '../factors/fuels.ts';
import type { Factor, FactorLibrary, Gas, GwpSet } from '../factors/library.ts';
import type { Ch4Origin, GpcRow } from '../gpc/structure.ts';
import type { IssueDetail, Path } from '../issues/issue.ts';
import type { Dimension, Unit } from '../units/units.ts';
import { assumptions, gridYearStatements } from '../accounting/assumptions.ts';
import type { GridChoice } from '../factors/grid-series.ts';
import { factorRef, GJ_PER_TCE } from '../accounting/statements.ts';
import type { Assumption, EnergyAccounting, FactorRef, FactorSet, GivenValue, Recipe, RoadTechnology } from './types.ts';


export interface GwpWeights {
  readonly set: GwpSet;
  readonly ch4: Readonly<Record<Ch4Origin, { weight: number; ref: FactorRef }>>;
  readonly n2o: { weight: number; ref: FactorRef };
}

/** Settings every line of one inventory shares. */
export interface ResolveContext {
  readonly library: FactorLibrary;
  readonly factorSet: FactorSet;
  readonly gwp: GwpWeights;
  /** The file's default grid factor, if valid. */
  readonly grid?: GridChoice | undefined;
  readonly energyAccounting: EnergyAccounting;
  /** The inventory year, to state when a grid factor is of another year. */
  readonly year?: number | undefined;
}

export interface LineIssue {
  /** Relative to the line. */
  readonly path: Path;
  readonly detail: IssueDetail;
}

export type Resolution = { readonly recipe: Recipe } | { readonly issues: readonly LineIssue[] };

export interface FuelSpec {
  readonly form: 'fuel';
  readonly row: GpcRow;
  readonly fuel: FuelId;
  readonly unit: Unit;
  readonly technology?: RoadTechnology | undefined;
  readonly ncv?: GivenValue | undefined;
  readonly ef: Partial<Record<Gas, GivenValue>>;
  readonly carbonContent?: GivenValue | undefined;
  readonly oxidation?: number | undefined;
  readonly lineSource?: string | undefined;
}

export interface PurchasedEnergySpec {
  readonly form: 'electricity' | 'heat';
  readonly row: GpcRow;
  readonly unit: Unit;
  /** A grid factor given on the line (validated), electricity only. */
  readonly grid?: GridChoice | undefined;
  readonly ef: Partial<Record<Gas, GivenValue>>;
  readonly lineSource?: string | undefined;
}

export interface EmissionsSpec {
  readonly form: 'emissions';
  readonly row: GpcRow;
  /** CO2, CH4, N2O, or another gas (an HFC, SF6, …) with its GWP given on the line. */
  readonly gas: Gas | string;
  readonly unit: Unit;
  readonly ch4Origin?: Ch4Origin | undefined;
  readonly otherGwp?: { readonly value: number; readonly source: string } | undefined;
}

export type LineSpec = FuelSpec | PurchasedEnergySpec | EmissionsSpec;


function givenRef(field: string, given: GivenValue, lineSource: string | undefined): FactorRef {
  return { id: `line:${field}`, value: given.value, unit: given.unit.id, source: given.source ?? lineSource ?? 'given on the line' };
}

/** Builds the GWP weights of a set from the library: CO2 is 1 by definition. */
export function gwpWeights(library: FactorLibrary, set: GwpSet): GwpWeights {
  const pick = (gas: Gas, origin?: Ch4Origin): Factor => {
    const candidates = library.select({ kind: 'gwp', gwpSet: set, gas });
    const found = candidates.find((f) => f.ch4Origin === origin) ?? candidates.find((f) => f.ch4Origin === undefined);
    if (!found) throw new Error(`factor library has no GWP for ${gas} in ${set}`);
    return found;
  };
  const entry = (factor: Factor) => ({ weight: factor.value, ref: factorRef(factor) });
  return {
    set,
    ch4: { fossil: entry(pick('CH4', 'fossil')), 'non-fossil': entry(pick('CH4', 'non-fossil')) },
    n2o: entry(pick('N2O')),
  };
}

/** A recipe accumulator: each factor that contributes is listed, each default applied is stated. */
class RecipeBuilder {
  co2 = 0;
  ch4 = 0;
  n2o = 0;
  otherCo2e = 0;
  tce = 0;
  tceCalorific = 0;
  readonly factors: FactorRef[] = [];
  readonly assumptions: Assumption[] = [];
  readonly issues: LineIssue[] = [];

  use(factor: Factor, defaultOf?: { en: string; zh: string }): Factor {
    this.factors.push(factorRef(factor));
    if (defaultOf) this.assumptions.push(assumptions.libraryDefault(defaultOf, factor));
    return factor;
  }

  problem(path: Path, detail: IssueDetail): void {
    this.issues.push({ path, detail });
  }

  finish(gwp: GwpWeights, ch4Origin: Ch4Origin): Resolution {
    if (this.issues.length > 0) return { issues: this.issues };
    const ch4 = gwp.ch4[ch4Origin];
    if (this.ch4 !== 0) this.factors.push(ch4.ref);
    if (this.n2o !== 0) this.factors.push(gwp.n2o.ref);
    return {
      recipe: {
        co2: this.co2,
        ch4: this.ch4,
        n2o: this.n2o,
        co2e: this.co2 + this.ch4 * ch4.weight + this.n2o * gwp.n2o.weight + this.otherCo2e,
        otherCo2e: this.otherCo2e,
        tce: this.tce,
        tceCalorific: this.tceCalorific,
        factors: this.factors,
        assumptions: this.assumptions,
      },
    };
  }
}


/**
 * Tonnes of a gas per unit of the line's amount from a factor given on the line: per energy
 * (`kg/TJ`, `t/MWh`) through the energy per unit, or per activity unit (`kg/t`, `kg/m3`).
 */
function perUnitFromGiven(
  given: GivenValue,
  unit: Unit,
  gjPerUnit: number | undefined,
  path: Path,
  builder: RecipeBuilder,
): number {
  const [numerator, denominator] = given.unit.dimension.split('/');
  const activity = unit.dimension;
  if (numerator === 'mass' && denominator === 'energy') {
    // Without the energy per unit the line already has a missing-NCV problem; no second one.
    return gjPerUnit === undefined ? 0 : gjPerUnit * given.unit.toBase * given.value;
  }
  if (numerator === 'mass' && denominator === activity) return unit.toBase * given.unit.toBase * given.value;
  const expected: Dimension[] = ['mass/energy'];
  if (activity !== 'energy' && (activity === 'mass' || activity === 'volume')) expected.push(`mass/${activity}`);
  builder.problem([...path, 'unit'], { code: 'wrong-dimension', unit: given.unit.id, got: given.unit.dimension, expected });
  return 0;
}

export function resolveFuel(spec: FuelSpec, context: ResolveContext): Resolution {
  const { library, factorSet } = context;
  const builder = new RecipeBuilder();
  const fuel = FUELS.get(spec.fuel)!;
  const tableFuel: FuelId = factorSet === 'cn' && fuel.cnAs ? fuel.cnAs : fuel.id;
  if (tableFuel !== fuel.id) builder.assumptions.push(assumptions.fuelSubstitute(fuel.id, tableFuel));
  if (fuel.state === 'mixed') builder.assumptions.push(assumptions.mixedFuelAsFossil(fuel.id));
  const activity = spec.unit.dimension;
  if (activity !== 'mass' && activity !== 'volume' && activity !== 'energy') {
    builder.problem(['unit'], { code: 'wrong-dimension', unit: spec.unit.id, got: activity, expected: ['mass', 'volume', 'energy'] });
    return builder.finish(context.gwp, 'fossil');
  }

  // Energy per unit of amount (GJ): from the unit itself, the line's NCV, or the method's NCV table.
  let gjPerUnit: number | undefined;
  if (activity === 'energy') {
    gjPerUnit = spec.unit.toBase;
  } else if (spec.ncv) {
    if (spec.ncv.unit.dimension === `energy/${activity}`) {
      gjPerUnit = spec.unit.toBase * spec.ncv.value * spec.ncv.unit.toBase;
      builder.factors.push(givenRef('ncv', spec.ncv, spec.lineSource));
    } else {
      builder.problem(['ncv', 'unit'], {
        code: 'wrong-dimension',
        unit: spec.ncv.unit.id,
        got: spec.ncv.unit.dimension,
        expected: [`energy/${activity}`],
      });
    }
  } else {
    const ncv = library.one({ kind: 'ncv', fuel: tableFuel, source: FACTOR_SET_SOURCES[factorSet].ncv });
    if (!ncv || ncv.unit.dimension !== `energy/${activity}`) {
      // Energy is needed unless every gas has a factor per activity unit on the line and GB/T 2589
      // converts the amount to standard coal directly: then a missing NCV stops nothing.
      const perActivity = (given: GivenValue | undefined): boolean => given !== undefined && given.unit.dimension === `mass/${activity}`;
      const coefficient = library.one({ kind: 'tce-coefficient', fuel: tableFuel, source: 'gbt-2589' });
      const energyNeeded = !(perActivity(spec.ef.CO2) && perActivity(spec.ef.CH4) && perActivity(spec.ef.N2O) && coefficient?.unit.dimension === `energy/${activity}`);
      if (energyNeeded && !ncv) builder.problem(['ncv'], { code: 'missing-factor', need: 'ncv', fuel: fuel.id, context: factorSet });
      else if (energyNeeded) {
        builder.problem(['ncv'], {
          code: 'missing-factor',
          need: activity === 'volume' ? 'ncv-per-volume' : 'ncv-per-mass',
          fuel: fuel.id,
          context: factorSet,
        });
      }
    } else {
      gjPerUnit = spec.unit.toBase * builder.use(ncv, FACTOR_LABELS.ncv).toBase;
    }
  }

  builder.co2 = co2PerUnit(spec, context, tableFuel, gjPerUnit, builder);
  builder.ch4 = nonCo2PerUnit('CH4', spec, context, gjPerUnit, builder);
  builder.n2o = nonCo2PerUnit('N2O', spec, context, gjPerUnit, builder);

  // Standard coal: the GB/T 2589 coefficient of the fuel where it applies, else the energy itself.
  const coefficient =
    spec.ncv === undefined && activity !== 'energy'
      ? library.one({ kind: 'tce-coefficient', fuel: tableFuel, source: 'gbt-2589' })
      : undefined;
  if (coefficient && coefficient.unit.dimension === `energy/${activity}`) {
    builder.tce = (spec.unit.toBase * builder.use(coefficient).toBase) / GJ_PER_TCE;
  } else if (gjPerUnit !== undefined) {
    builder.tce = gjPerUnit / GJ_PER_TCE;
    if (activity !== 'energy') builder.assumptions.push(assumptions.tceFromEnergy());
  }
  builder.tceCalorific = builder.tce;
  return builder.finish(context.gwp, 'fossil');
}

function co2PerUnit(spec: FuelSpec, context: ResolveContext, tableFuel: FuelId, gjPerUnit: number | undefined, builder: RecipeBuilder): number {
  const given = spec.ef.CO2;
  if (given) {
    const value = perUnitFromGiven(given, spec.unit, gjPerUnit, ['ef', 'CO2'], builder);
    builder.factors.push(givenRef('ef.CO2', given, spec.lineSource));
    return value;
  }
  const { library } = context;
  if (context.factorSet === 'ipcc2006') {
    // IPCC 2006 Vol.2 Table 1.4: CO2 per energy, oxidation factor 1.
    const factor = library.one({ kind: 'co2-ef', fuel: tableFuel, source: FACTOR_SET_SOURCES.ipcc2006.co2 });
    if (!factor) {
      builder.problem(['ef', 'CO2'], { code: 'missing-factor', need: 'co2', fuel: spec.fuel, context: 'ipcc2006' });
      return 0;
    }
    return gjPerUnit === undefined ? 0 : gjPerUnit * builder.use(factor, FACTOR_LABELS.co2).toBase;
  }
  // cn: CO2 = energy × carbon content × oxidation rate × 44/12 (provincial guideline).
  let carbonPerGj: number | undefined;
  if (spec.carbonContent) {
    if (spec.carbonContent.unit.dimension === 'carbon/energy') {
      carbonPerGj = spec.carbonContent.value * spec.carbonContent.unit.toBase;
      builder.factors.push(givenRef('carbonContent', spec.carbonContent, spec.lineSource));
    } else {
      builder.problem(['carbonContent', 'unit'], {
        code: 'wrong-dimension',
        unit: spec.carbonContent.unit.id,
        got: spec.carbonContent.unit.dimension,
        expected: ['carbon/energy'],
      });
    }
  } else {
    const factor = library.one({ kind: 'carbon-content', fuel: tableFuel, source: FACTOR_SET_SOURCES.cn.carbonContent });
    if (factor) carbonPerGj = builder.use(factor, FACTOR_LABELS.carbonContent).toBase;
    else builder.problem(['carbonContent'], { code: 'missing-factor', need: 'carbon-content', fuel: spec.fuel, context: 'cn' });
  }
  let oxidation = spec.oxidation;
  if (oxidation !== undefined) {
    builder.factors.push({ id: 'line:oxidation', value: oxidation, unit: 'fraction', source: spec.lineSource ?? 'given on the line' });
  } else {
    const factor = library.one({ kind: 'oxidation', fuel: tableFuel, source: FACTOR_SET_SOURCES.cn.oxidation });
    if (factor) oxidation = builder.use(factor, FACTOR_LABELS.oxidation).value;
    else builder.problem(['oxidation'], { code: 'missing-factor', need: 'oxidation', fuel: spec.fuel, context: 'cn' });
  }
  if (gjPerUnit === undefined || carbonPerGj === undefined || oxidation === undefined) return 0;
  return gjPerUnit * carbonPerGj * oxidation * CO2_PER_CARBON;
}

/** CH4 or N2O per unit: the line's factor, else the IPCC 2006 default of the sub-sector's combustion context. */
function nonCo2PerUnit(gas: 'CH4' | 'N2O', spec: FuelSpec, context: ResolveContext, gjPerUnit: number | undefined, builder: RecipeBuilder): number {
  const given = spec.ef[gas];
  if (given) {
    const value = perUnitFromGiven(given, spec.unit, gjPerUnit, ['ef', gas], builder);
    builder.factors.push(givenRef(`ef.${gas}`, given, spec.lineSource));
    return value;
  }
  const kind = gas === 'CH4' ? 'ch4-ef' : 'n2o-ef';
  const need = gas === 'CH4' ? 'ch4' : 'n2o';
  const combustion = spec.row.subsector.combustion;
  const fuel = FUELS.get(spec.fuel)!;
  let factor: Factor | undefined;
  if (combustion === 'road') {
    if (spec.fuel === 'gasoline') {
      if (spec.technology === undefined) {
        // Table 3.2.2 states no default technology: asking is the only honest answer. Report it once,
        // for whichever gas needs it first (CH4 may be given on the line and N2O not).
        if (!builder.issues.some((issue) => issue.detail.code === 'missing-factor' && issue.detail.need === 'technology')) {
          builder.problem(['technology'], { code: 'missing-factor', need: 'technology', fuel: spec.fuel, context: 'road' });
        }
        return 0;
      }
      factor = context.library.one({ kind, context: 'road', technology: spec.technology });
    } else {
      factor = context.library.one({ kind, context: 'road', fuel: spec.fuel, technology: undefined });
    }
  } else if (combustion === 'off-road') {
    factor = context.library.one({ kind, context: 'off-road', fuel: spec.fuel });
  } else if (combustion !== undefined) {
    // Tables 2.2–2.5 give some fuels a row of their own (refinery gas); the rest take their fuel group's row.
    factor =
      context.library.one({ kind, context: combustion, fuel: spec.fuel, source: 'ipcc2006-v2-ch2' }) ??
      (fuel.stationaryGroup === null ? undefined : context.library.one({ kind, context: combustion, fuelGroup: fuel.stationaryGroup, source: 'ipcc2006-v2-ch2' }));
  }
  if (!factor) {
    builder.problem(['ef', gas], { code: 'missing-factor', need, fuel: spec.fuel, context: `GPC ${spec.row.subsector.id}` });
    return 0;
  }
  return gjPerUnit === undefined ? 0 : gjPerUnit * builder.use(factor, FACTOR_LABELS[gas]).toBase;
}

/** The NDRC enterprise guidelines' default for purchased heat (china-energy.json), factor set cn only. */
const CN_HEAT_DEFAULT = 'cn-ndrc.heat.co2';
const HEAT_FACTOR_LABEL = { en: 'CO2 factor of purchased heat', zh: '外购热力 CO2 排放因子' };

export function resolvePurchasedEnergy(spec: PurchasedEnergySpec, context: ResolveContext): Resolution {
  const builder = new RecipeBuilder();
  if (spec.unit.dimension !== 'energy') {
    builder.problem(['unit'], { code: 'wrong-dimension', unit: spec.unit.id, got: spec.unit.dimension, expected: ['energy'] });
    return builder.finish(context.gwp, 'fossil');
  }
  const gjPerUnit = spec.unit.toBase;
  const given = spec.ef.CO2;
  if (given) {
    builder.co2 = perUnitFromGiven(given, spec.unit, gjPerUnit, ['ef', 'CO2'], builder);
    builder.factors.push(givenRef('ef.CO2', given, spec.lineSource));
  } else if (spec.form === 'heat') {
    // China's enterprise guidelines give purchased heat a default (0.11 tCO2/GJ); IPCC 2006 and the GPC give none.
    const heatDefault = context.factorSet === 'cn' ? context.library.get(CN_HEAT_DEFAULT) : undefined;
    if (heatDefault) builder.co2 = gjPerUnit * builder.use(heatDefault, HEAT_FACTOR_LABEL).toBase;
    else builder.problem(['ef', 'CO2'], { code: 'missing-factor', need: 'co2', context: 'heat' });
  } else {
    const grid = spec.grid ?? context.grid;
    if (!grid) builder.problem(['grid'], { code: 'missing-grid' });
    else {
      builder.co2 = gjPerUnit * builder.use(grid.factor).toBase;
      if (!spec.grid) builder.assumptions.push(assumptions.gridFromFile(grid.named));
      builder.assumptions.push(...gridYearStatements(grid, context.year));
    }
  }
  for (const gas of ['CH4', 'N2O'] as const) {
    const other = spec.ef[gas];
    if (!other) continue;
    builder[gas === 'CH4' ? 'ch4' : 'n2o'] = perUnitFromGiven(other, spec.unit, gjPerUnit, ['ef', gas], builder);
    builder.factors.push(givenRef(`ef.${gas}`, other, spec.lineSource));
  }
  if (!spec.ef.CH4 && !spec.ef.N2O) builder.assumptions.push(assumptions.gridCo2Only());

  const { library, energyAccounting } = context;
  const calorific = library.get(spec.form === 'heat' ? 'gbt2589.tce.heat' : 'gbt2589.tce.electricity-calorific');
  if (!calorific) throw new Error('factor library has no GB/T 2589 coefficient for purchased energy');
  builder.tceCalorific = (gjPerUnit * builder.use(calorific).toBase) / GJ_PER_TCE;
  builder.tce =
    spec.form === 'electricity' && energyAccounting.method === 'coal-consumption'
      ? (gjPerUnit * energyAccounting.coalRate.value * energyAccounting.coalRate.unit.toBase) / GJ_PER_TCE
      : builder.tceCalorific;
  return builder.finish(context.gwp, 'fossil');
}

export function resolveEmissions(spec: EmissionsSpec, context: ResolveContext): Resolution {
  const builder = new RecipeBuilder();
  if (spec.unit.dimension !== 'mass') {
    builder.problem(['unit'], { code: 'wrong-dimension', unit: spec.unit.id, got: spec.unit.dimension, expected: ['mass'] });
    return builder.finish(context.gwp, 'fossil');
  }
  const tonnes = spec.unit.toBase;
  let origin: Ch4Origin = spec.ch4Origin ?? spec.row.subsector.ch4Origin ?? 'fossil';
  if (spec.gas === 'CO2') builder.co2 = tonnes;
  if (spec.gas === 'N2O') builder.n2o = tonnes;
  if (spec.otherGwp) {
    builder.otherCo2e = tonnes * spec.otherGwp.value;
    builder.factors.push({ id: `line:${spec.gas}.gwp`, value: spec.otherGwp.value, unit: '1', source: spec.otherGwp.source });
    builder.assumptions.push(assumptions.otherGasGwp(spec.gas, spec.otherGwp.value, spec.otherGwp.source));
  }
  if (spec.gas === 'CH4') {
    builder.ch4 = tonnes;
    if (context.gwp.set === 'AR6' && spec.ch4Origin === undefined) {
      const fromSector = spec.row.subsector.ch4Origin;
      if (fromSector === undefined) builder.problem(['ch4Origin'], { code: 'ch4-origin-required', gpc: spec.row.ref });
      else {
        origin = fromSector;
        builder.assumptions.push(assumptions.ch4OriginFromSector(fromSector, spec.row.subsector.id));
      }
    }
  }
  return builder.finish(context.gwp, origin);
}

export function resolveLine(spec: LineSpec, context: ResolveContext): Resolution {
  switch (spec.form) {
    case 'fuel':
      return resolveFuel(spec, context);
    case 'electricity':
    case 'heat':
      return resolvePurchasedEnergy(spec, context);
    case 'emissions':
      return resolveEmissions(spec, context);
    default: {
      const unhandled: never = spec;
      throw new Error(`unhandled line ${String(unhandled)}`);
    }
  }
}
