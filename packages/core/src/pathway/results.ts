import type { Assumption } from '../inventory/types.ts';
import type { Pathway, ScenarioDefinition, TargetBasis, TargetDefinition } from './definitions.ts';
import { PathwayWorkspace } from './evaluate.ts';
import { GENERATION_SOURCES } from '../official/types.ts';
import { officialTexts } from '../official/texts.ts';
import { decompose, type Decomposition, type KayaYear } from './lmdi.ts';
import { chainedDecline, findPeak, judgeTarget, type TargetInputs } from './targets.ts';

export interface TargetResult {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  readonly kind: TargetDefinition['kind'];
  readonly year: number;
  readonly basis: TargetBasis;
  readonly met: boolean;
  /** Per year (aligned with `years`): the quantity above what the target allows, in `gapUnit`; negative = headroom; null where it says nothing. */
  readonly gap: (number | null)[];
  readonly gapUnit: 'tCO2e' | 'tCO2' | 'tce';
  /** Decline targets: the cumulative decline the periods chain to, 1 − Π(1 − d_i). */
  readonly cumulative?: number | undefined;
}

export interface ActionResult {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  /** Adoption per year, 0–1. */
  readonly adoption: number[];
  /** BASIC tCO2e the action avoids per year: the scenario without it minus the scenario. */
  readonly impact: number[];
  /** Sum of `impact` over the horizon, tCO2e. */
  readonly cumulative: number;
  /** The same on the BASIC+ basis (IPPU and AFOLU actions show here). */
  readonly impactBasicPlus: number[];
  readonly cumulativeBasicPlus: number;
  /** The same on China's official energy-activity CO2 (a grid-connected plant shows here, not in BASIC). */
  readonly impactEnergyCo2: number[];
  readonly cumulativeEnergyCo2: number;
}

/** A scenario's pathway: the figures `peakpath pathway --json` prints (docs/pathways.md). */
export interface PathwayResult {
  readonly city: string;
  /** The city's Chinese name (the inventory's `city.nameZh`), for Chinese headers; absent when the inventory gives none. */
  readonly cityZh?: string | undefined;
  readonly name: { readonly en: string; readonly zh: string };
  readonly scenario: { readonly id: string; readonly name: { readonly en: string; readonly zh: string } };
  readonly baseYear: number;
  readonly endYear: number;
  readonly years: number[];
  /** BASIC tCO2e per year. */
  readonly total: number[];
  readonly basicPlus: number[];
  /** Removals outside the inventory's lines (the removals series and removal actions), tCO2e per year. */
  readonly removals: number[];
  /** BASIC tCO2e per year by the file's sectors. */
  readonly bySector: Record<string, number[]>;
  readonly bySectorBasicPlus: Record<string, number[]>;
  /** BASIC: masses of CO2, CH4, N2O (t) and the tCO2e of each gas, with other gases. */
  readonly byGas: { readonly CO2: number[]; readonly CH4: number[]; readonly N2O: number[]; readonly co2e: { readonly CO2: number[]; readonly CH4: number[]; readonly N2O: number[]; readonly other: number[] } };
  readonly byScope: { readonly '1': number[]; readonly '2': number[]; readonly '3': number[] };
  /** Energy of BASIC lines, tce. */
  readonly energy: { readonly tce: number[] };
  readonly intensity: { readonly perCapita: number[]; readonly perGdp: number[]; readonly energyPerGdp: number[] };
  /** Each driver per year, in the unit the file gives it in. */
  readonly drivers: Record<string, { readonly unit: string; readonly values: number[] }>;
  /** Local zero-carbon generation, MWh per year, and the part that found no grid electricity to displace. */
  readonly generation: { readonly mwh: number[]; readonly unused: number[] };
  readonly peak: { readonly year: number | null; readonly value: number | null };
  /** China's official quantities year by year (docs/pathways.md "Official basis"); the base year equals the inventory's `official`. */
  readonly official: OfficialPathway;
  readonly targets: TargetResult[];
  readonly actions: ActionResult[];
  /**
   * (BAU − scenario) − Σ action impacts, per year: what the actions achieve together beyond the sum of
   * their impacts. Each impact is counted with the other actions on, so measures that overlap (two
   * efficiency gains on one sector: r1·r2·E) make it positive; measures that reinforce each other, negative.
   */
  readonly interaction: number[];
  readonly decomposition: (Decomposition & { readonly from: number; readonly to: number })[];
  readonly assumptions: readonly Assumption[];
}

/** The official basis of a pathway, per year (aligned with `years`). */
export interface OfficialPathway {
  readonly boundary: { readonly en: string; readonly zh: string };
  /** 能源活动二氧化碳排放, tCO2, and its parts: combustion in the territory (sectors' lines, power and heat plants, rows held), net imported electricity, net imported heat. */
  readonly energyCo2: number[];
  readonly parts: { readonly combustion: number[]; readonly plants: number[]; readonly electricityImports: number[]; readonly heatImports: number[] };
  readonly peak: { readonly year: number | null; readonly value: number | null };
  /** 能源消费总量, tce, by `method` (coal-equivalent when the inventory gives a coal rate, else calorific), its non-fossil part and share. */
  readonly energy: { readonly method: 'calorific' | 'coal-equivalent'; readonly tce: number[]; readonly nonFossilTce: number[]; readonly nonFossilShare: number[] };
  /** MWh: consumption (the pathway's electricity lines, T&D included), local generation by source, net imports. */
  readonly electricity: { readonly consumption: number[]; readonly generation: number[]; readonly bySource: Record<string, number[]>; readonly netImports: number[] };
  /** GJ of heat supplied by source. */
  readonly heat: { readonly bySource: Record<string, number[]> };
  /** tCO2 and tce per 10,000 CNY (万元) of GDP at the constant prices of `gdpPrices` (the inventory's `gdp.prices`; null when it does not say). */
  readonly intensity: { readonly co2PerGdp: number[]; readonly energyPerGdp: number[]; readonly gdpPrices: number | null };
}

const slice = (array: Float64Array, index: number, years: number): number[] => Array.from(array.subarray(index * years, (index + 1) * years));

/** Nominal parameter values of a scenario: the file's values with the scenario's `set` applied. */
export function scenarioParameters(pathway: Pathway, scenario: ScenarioDefinition): Float64Array {
  const params = Float64Array.from(pathway.parameters, (info) => info.nominal);
  for (const { slot, value } of scenario.overrides) params[slot] = value;
  return params;
}

export function findScenario(pathway: Pathway, id: string = pathway.defaultScenario): ScenarioDefinition {
  const scenario = pathway.scenarios.find((candidate) => candidate.id === id);
  if (!scenario) throw new Error(`no scenario "${id}"`);
  return scenario;
}

export function targetInputs(workspace: PathwayWorkspace): TargetInputs {
  const { model } = workspace;
  return {
    baseYear: model.baseYear,
    basic: workspace.basic,
    basicPlus: workspace.basicPlus,
    removals: workspace.removals,
    population: workspace.drivers[model.population]!,
    gdp: workspace.drivers[model.gdp]!,
    energyCo2: workspace.official.energyCo2,
    energy: workspace.official.energy,
    nonFossil: workspace.official.nonFossil,
  };
}

/**
 * Computes a scenario: its pathway, peak, targets, each action's impact and the decomposition.
 * `scale` multiplies each action's adoption (a plan's adoption levels; see PathwayWorkspace.evaluate).
 */
export function runScenario(pathway: Pathway, scenarioId?: string, workspace = new PathwayWorkspace(pathway.model), scale?: Float64Array): PathwayResult {
  const { model } = pathway;
  const scenario = findScenario(pathway, scenarioId);
  const params = scenarioParameters(pathway, scenario);
  const years = model.years;
  const ws = workspace;
  const active = scenario.active;

  // Each action's impact: the scenario without it, minus the scenario.
  const withoutEach = model.actions.map((_, a) => {
    if (active[a] !== 1) return undefined;
    const without = Uint8Array.from(active);
    without[a] = 0;
    ws.evaluate(params, without, true, scale);
    return { basic: Float64Array.from(ws.basic), basicPlus: Float64Array.from(ws.basicPlus), energyCo2: Float64Array.from(ws.official.energyCo2) };
  });
  ws.evaluate(params, new Uint8Array(model.actions.length), true, scale);
  const bau = Float64Array.from(ws.basic);
  ws.evaluate(params, active, true, scale);

  const total = Array.from(ws.basic);
  const population = ws.drivers[model.population]!;
  const gdp = ws.drivers[model.gdp]!;
  const actions: ActionResult[] = [];
  const interaction = total.map((value, y) => bau[y]! - value);
  model.actions.forEach((action, a) => {
    const without = withoutEach[a];
    if (!without) return;
    const impact = total.map((value, y) => without.basic[y]! - value);
    const impactBasicPlus = Array.from(ws.basicPlus, (value, y) => without.basicPlus[y]! - value);
    const impactEnergyCo2 = Array.from(ws.official.energyCo2, (value, y) => without.energyCo2[y]! - value);
    impact.forEach((value, y) => (interaction[y]! -= value));
    const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
    actions.push({ id: action.id, name: action.name, adoption: Array.from(ws.adoption[a]!), impact, cumulative: sum(impact), impactBasicPlus, cumulativeBasicPlus: sum(impactBasicPlus), impactEnergyCo2, cumulativeEnergyCo2: sum(impactEnergyCo2) });
  });

  const inputs = targetInputs(ws);
  const targets = pathway.targets.map(
    (target): TargetResult => ({
      id: target.id,
      name: target.name,
      kind: target.kind,
      year: target.year,
      basis: target.basis,
      ...judgeTarget(target, inputs, params),
      ...(target.kind === 'decline' ? { cumulative: chainedDecline(target.periods.map((period) => params[period.reduction]!)) } : {}),
    }),
  );
  const sectorIds = model.sectors.map((sector) => sector.id);
  const kayaYear = (year: number): KayaYear => {
    const y = year - model.baseYear;
    return {
      population: population[y]!,
      gdp: gdp[y]!,
      sectors: sectorIds.map((id, s) => ({
        id,
        energy: ws.sectorEnergy[s * years + y]!,
        energyEmissions: ws.sectorEnergyEmissions[s * years + y]!,
        otherEmissions: ws.sectorOtherEmissions[s * years + y]!,
      })),
    };
  };
  const targetAssumptions: Assumption[] = [];
  if (pathway.targets.some((target) => target.basisDefault)) {
    targetAssumptions.push(
      pathway.chinese
        ? { code: 'target-basis', text: { en: 'targets without `basis` are judged on energy-activity CO2 (China\'s official basis: the city is Chinese)', zh: '未注明 `basis` 的目标按能源活动二氧化碳排放（国内官方口径）评估' } }
        : { code: 'target-basis', text: { en: 'targets without `basis` are judged on BASIC emissions', zh: '未注明 `basis` 的目标按 BASIC 口径评估' } },
    );
  }
  if (pathway.targets.some((target) => target.kind === 'nonFossil' || target.kind === 'energyCap' || (target.kind === 'decline' && target.of === 'energyPerGdp'))) {
    const method = model.supply.method === 'coal-equivalent' ? { en: 'coal-equivalent', zh: '发电煤耗法' } : { en: 'calorific', zh: '电热当量法' };
    targetAssumptions.push({ code: 'target-energy', text: { en: `energy targets are judged on total energy consumption by the ${method.en} method`, zh: `能源类目标按能源消费总量（${method.zh}）评估` } });
  }

  return {
    city: pathway.city,
    ...(pathway.cityZh === undefined ? {} : { cityZh: pathway.cityZh }),
    name: pathway.name,
    scenario: { id: scenario.id, name: scenario.name },
    baseYear: model.baseYear,
    endYear: model.endYear,
    years: Array.from({ length: years }, (_, y) => model.baseYear + y),
    total,
    basicPlus: Array.from(ws.basicPlus),
    removals: Array.from(ws.removals),
    bySector: Object.fromEntries(sectorIds.map((id, s) => [id, slice(ws.sectorBasic, s, years)])),
    bySectorBasicPlus: Object.fromEntries(sectorIds.map((id, s) => [id, slice(ws.sectorBasicPlus, s, years)])),
    byGas: {
      CO2: slice(ws.gasMass, 0, years),
      CH4: slice(ws.gasMass, 1, years),
      N2O: slice(ws.gasMass, 2, years),
      co2e: { CO2: slice(ws.gasCo2e, 0, years), CH4: slice(ws.gasCo2e, 1, years), N2O: slice(ws.gasCo2e, 2, years), other: slice(ws.gasCo2e, 3, years) },
    },
    byScope: { '1': slice(ws.byScope, 0, years), '2': slice(ws.byScope, 1, years), '3': slice(ws.byScope, 2, years) },
    energy: { tce: Array.from(ws.energy) },
    intensity: {
      perCapita: total.map((value, y) => value / population[y]!),
      perGdp: total.map((value, y) => (value / gdp[y]!) * 1e4),
      energyPerGdp: Array.from(ws.energy, (value, y) => (value / gdp[y]!) * 1e4),
    },
    drivers: Object.fromEntries(model.drivers.map((driver, d) => [driver.id, { unit: driver.unit, values: Array.from(ws.drivers[d]!, (value) => value / driver.scale) }])),
    generation: { mwh: Array.from(ws.generation), unused: Array.from(ws.generationUnused) },
    peak: findPeak(ws.basic, model.baseYear),
    official: officialPathway(pathway, ws),
    targets,
    actions,
    interaction,
    decomposition: pathway.decomposition.map(([from, to]) => ({ from, to, ...decompose(kayaYear(from), kayaYear(to)) })),
    assumptions: [...pathway.assumptions, ...targetAssumptions],
  };
}

function officialPathway(pathway: Pathway, ws: PathwayWorkspace): OfficialPathway {
  const { model } = pathway;
  const years = model.years;
  const official = ws.official;
  const supply = model.supply;
  const gdp = ws.drivers[model.gdp]!;
  const bySource = (array: Float64Array): Record<string, number[]> => {
    const out: Record<string, number[]> = {};
    GENERATION_SOURCES.forEach((source, s) => {
      const values = slice(array, s, years);
      if (values.some((value) => value !== 0)) out[source] = values;
    });
    return out;
  };
  const energyCo2 = Array.from(official.energyCo2);
  return {
    boundary: officialTexts.boundary,
    energyCo2,
    parts: {
      combustion: Array.from(official.linesCo2, (value) => value + supply.held.co2),
      plants: Array.from(official.plantCo2),
      electricityImports: Array.from(official.electricityCo2),
      heatImports: energyCo2.map(() => supply.heatImports.co2),
    },
    peak: findPeak(official.energyCo2, model.baseYear),
    energy: { method: supply.method, tce: Array.from(official.energy), nonFossilTce: Array.from(official.nonFossil), nonFossilShare: Array.from(official.nonFossilShare) },
    electricity: {
      consumption: Array.from(official.consumption, (value) => value + supply.held.mwh),
      generation: Array.from(official.generation),
      bySource: bySource(official.electricityBySource),
      netImports: Array.from(official.netImports),
    },
    heat: { bySource: bySource(official.heatBySource) },
    intensity: {
      co2PerGdp: energyCo2.map((value, y) => (value / gdp[y]!) * 1e4),
      energyPerGdp: Array.from(official.energy, (value, y) => (value / gdp[y]!) * 1e4),
      gdpPrices: pathway.gdpPrices ?? null,
    },
  };
}
