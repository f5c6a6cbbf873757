import { factorRef, GJ_PER_TCE, type Assumption, type FactorRef } from '../accounting/statements.ts';
import { assumptions } from '../accounting/assumptions.ts';
import type { FactorLibrary } from '../factors/library.ts';
import type { ComputingLine, Inventory } from '../inventory/types.ts';
import {
  FOSSIL_SOURCES,
  NON_FOSSIL_SOURCES,
  RENEWABLE_SOURCES,
  type Component,
  type EnergyTotal,
  type GenerationSource,
  type OfficialResult,
} from './types.ts';
import { officialTexts as t } from './texts.ts';

const GJ_PER_MWH = 3.6;
/** Purchased heat, 0.11 tCO2/GJ (NDRC enterprise guidelines, china-accounting.md §1): net imported heat's factor when the file gives none. */
export const HEAT_DEFAULT = 'cn-ndrc.heat.co2';
/** Methods that compute fuel combustion in transport rows (their CO2 is energy-activity CO2). */
const COMBUSTION_METHODS: ReadonlySet<string> = new Set(['road-vkt', 'mobile-fuel']);

type Exclusion = 'feedstock' | 'fugitive' | 'waste' | 'outside-territory' | 'no-energy-co2';

/** Whether a line's CO2 is energy-activity CO2, or why not. Lines outside sectors I and II are not energy at all. */
function classify(line: ComputingLine): 'combustion' | Exclusion | undefined {
  const { row } = line;
  if (row.sector !== 'I' && row.sector !== 'II') return undefined;
  if (line.form === 'electricity' || line.form === 'heat') return undefined;
  if (row.subsector.id === 'I.7' || row.subsector.id === 'I.8') return 'fugitive';
  if (row.scope !== 1) return 'outside-territory';
  if (line.use === 'feedstock') return 'feedstock';
  if (line.form === 'fuel') return 'combustion';
  if (line.form === 'method') return COMBUSTION_METHODS.has(line.method ?? '') ? 'combustion' : 'waste';
  return line.gas === 'CO2' ? 'combustion' : 'no-energy-co2';
}

/** A Chinese city (country CN, or the cn factor set): its official quantities are shown and its targets default to them. */
export function isChinese(inventory: { readonly entity: { readonly country?: string | undefined }; readonly factorSet: string }): boolean {
  return inventory.entity.country?.toUpperCase() === 'CN' || inventory.factorSet === 'cn';
}

/** What one inventory line adds to the official quantities (a pathway projects its lines by these parts). */
export interface OfficialLinePart {
  /** Energy-activity CO2 of combustion, t. */
  readonly combustionCo2: number;
  /** Fossil energy (calorific), tce: combustion and feedstock lines. */
  readonly fossilTce: number;
  /** Electricity counted in the territory's consumption, MWh. */
  readonly electricityMwh: number;
}

/** The line's part in the official quantities, by the same rules `computeOfficial` sums them. */
export function officialPart(line: ComputingLine): OfficialLinePart {
  const none = { combustionCo2: 0, fossilTce: 0, electricityMwh: 0 };
  const { row } = line;
  if (line.form === 'electricity' && (row.sector === 'I' || (row.sector === 'II' && row.scope === 2))) {
    return { ...none, electricityMwh: (line.amount * line.unit.toBase) / GJ_PER_MWH };
  }
  const kind = classify(line);
  if (kind === 'feedstock') return { ...none, fossilTce: line.amount * line.recipe.tceCalorific };
  if (kind !== 'combustion') return none;
  const fossilTce = line.form === 'fuel' || line.form === 'method' ? line.amount * line.recipe.tceCalorific : 0;
  return { combustionCo2: line.amount * line.recipe.co2, fossilTce, electricityMwh: 0 };
}

/**
 * China's official quantities of an inventory (types.ts, docs/official-quantities.md): the fossil CO2 burned in the
 * territory (power and heat plants included, feedstock out) plus net imported electricity × a grid factor; total
 * energy consumption by both electricity methods and the assessed total; the non-fossil share; the intensities.
 */
export function computeOfficial(inventory: Inventory, library: FactorLibrary): OfficialResult {
  const options = inventory.official;
  const supply = inventory.supply;
  const stated: Assumption[] = [];
  const combustionByRow: Record<string, number> = {};
  const excludedLines: Record<string, number[]> = {};
  let combustion = 0;
  let fossilTce = 0;
  let feedstockTce = 0;
  let elecConsumption = 0;
  let heatConsumption = 0;
  let co2WithoutEnergy = 0;

  // One classification for the inventory and the pathway: each line's part comes from `officialPart`.
  for (const line of inventory.lines) {
    if (line.form === 'notation') continue;
    const { row } = line;
    if (line.form === 'heat' && (row.sector === 'I' || row.sector === 'II') && row.scope === 2) {
      heatConsumption += line.amount * line.unit.toBase;
      continue;
    }
    const part = officialPart(line);
    elecConsumption += part.electricityMwh;
    fossilTce += part.fossilTce;
    const kind = classify(line);
    if (kind === undefined) continue;
    if (kind === 'combustion') {
      combustion += part.combustionCo2;
      combustionByRow[row.ref] = (combustionByRow[row.ref] ?? 0) + part.combustionCo2;
      if (line.form !== 'fuel' && line.form !== 'method') co2WithoutEnergy += 1;
      continue;
    }
    (excludedLines[kind] ??= []).push(line.index);
    if (kind === 'feedstock') feedstockTce += part.fossilTce;
  }
  if (co2WithoutEnergy > 0) stated.push(t.co2LinesWithoutEnergy(co2WithoutEnergy));

  // Electricity: generation by source, net imports by balance or as stated, at the grid factor.
  const generationBySource: Partial<Record<GenerationSource, number>> = {};
  let generation = 0;
  let nonFossilMwh = 0;
  let renewableMwh = 0;
  for (const plant of supply.electricity.generation) {
    generationBySource[plant.source] = (generationBySource[plant.source] ?? 0) + plant.amount;
    generation += plant.amount;
    if (NON_FOSSIL_SOURCES.has(plant.source)) nonFossilMwh += plant.amount;
    if (RENEWABLE_SOURCES.has(plant.source)) renewableMwh += plant.amount;
  }
  if (supply.electricity.generation.length === 0) stated.push(t.noLocalGeneration());
  if (generationBySource.waste !== undefined) stated.push(t.wasteNonFossil());
  if ([...Object.keys(generationBySource)].some((source) => FOSSIL_SOURCES.has(source as GenerationSource)) && !Object.keys(combustionByRow).includes('I.4.4')) {
    stated.push(t.fossilGenerationWithoutFuel());
  }
  const statedTransfers = supply.electricity.imports !== undefined && supply.electricity.exports !== undefined;
  const netImports = statedTransfers ? supply.electricity.imports! - supply.electricity.exports! : elecConsumption - generation;
  const nonFossilImports = supply.electricity.nonFossilImports ?? 0;
  if (supply.electricity.nonFossilImports === undefined && netImports > 0) stated.push(t.importsFossil());
  const gridFactor: FactorRef | undefined = supply.electricity.factor ?? (inventory.grid ? refOf(library, inventory.grid) : undefined);
  let electricityCo2 = 0;
  if (gridFactor) {
    electricityCo2 = netImports * tPerMwh(library, gridFactor);
    stated.push(t.importFactor(gridFactor.id, supply.electricity.factor === undefined));
    const factorYear = library.get(gridFactor.id)?.year;
    if (factorYear !== undefined && factorYear !== inventory.year) stated.push(assumptions.gridYear(gridFactor.id, factorYear, inventory.year));
  } else if (netImports !== 0) stated.push(t.noImportFactor());

  // Heat: net imports counted only when the file chooses so (the provincial method makes no adjustment).
  let heatGeneration = 0;
  for (const plant of supply.heat.generation) heatGeneration += plant.amount;
  const statedHeat = supply.heat.imports !== undefined && supply.heat.exports !== undefined;
  const heatNet = statedHeat ? supply.heat.imports! - supply.heat.exports! : Math.max(0, heatConsumption - heatGeneration);
  const heatDefault = library.get(HEAT_DEFAULT);
  const heatFactor = supply.heat.factor ?? (heatDefault ? factorRef(heatDefault) : undefined);
  const heatTPerGj = supply.heat.tPerGj ?? (heatDefault ? heatDefault.value * heatDefault.unit.toBase : 0);
  const heatCounted = options.heat === 'net-imports';
  const heatCo2 = heatCounted ? heatNet * heatTPerGj : 0;
  if (heatCounted && supply.heat.factor === undefined && heatFactor) stated.push(t.heatDefault(heatFactor.value));
  if (!heatCounted) stated.push(t.heatExcluded());

  const energyCo2Components: Component[] = [
    { id: 'combustion', value: combustion, text: t.combustion },
    { id: 'electricity-net-imports', value: electricityCo2, text: t.electricityImports(netImports) },
  ];
  if (heatCounted) energyCo2Components.push({ id: 'heat-net-imports', value: heatCo2, text: t.heatImports(heatNet) });
  const energyCo2 = combustion + electricityCo2 + heatCo2;

  // Total energy by the calorific method, and by the coal-equivalent method when a coal rate is known.
  const calorificRate = tcePerMwhCalorific(library);
  const heatTcePerGj = tcePerGjHeat(library);
  const heatTce = heatCounted ? heatNet * heatTcePerGj : 0;
  const total = (method: EnergyTotal['method'], primaryRate: number, importRate: number): EnergyTotal => {
    const components: Component[] = [
      { id: 'fossil-fuels', value: fossilTce, text: t.fossilFuels },
      { id: 'non-fossil-electricity', value: nonFossilMwh * primaryRate, text: t.nonFossilElectricity },
      { id: 'electricity-net-imports', value: netImports * importRate, text: t.electricityImportsEnergy },
    ];
    if (heatCounted) components.push({ id: 'heat-net-imports', value: heatTce, text: t.heatImportsEnergy });
    return { method, total: components.reduce((sum, part) => sum + part.value, 0), components };
  };
  const calorific = total('calorific', calorificRate, calorificRate);
  const coalRate = options.coalRate ? options.coalRate.gcePerKwh / 1000 : undefined;
  const coalEquivalent = coalRate === undefined ? undefined : total('coal-equivalent', coalRate, options.importedElectricity === 'coal-equivalent' ? coalRate : calorificRate);
  if (coalRate === undefined) stated.push(t.noCoalRate());
  else if (options.importedElectricity === 'coal-equivalent') stated.push(t.importsAtCoalRate());
  else stated.push(t.importsCalorific());
  const basis = coalEquivalent ?? calorific;
  const primaryRate = coalRate ?? calorificRate;
  const importRate = coalRate !== undefined && options.importedElectricity === 'coal-equivalent' ? coalRate : calorificRate;
  const nonFossilTce = nonFossilMwh * primaryRate + nonFossilImports * importRate;

  // The assessed total: the deductions in force (or chosen), each stated; one that cannot be made is listed, not guessed.
  const deductions: Component[] = [];
  const notDeducted: Component[] = [];
  let intensityDeduction = 0;
  for (const deduction of options.deductions) {
    if (deduction === 'feedstock') {
      deductions.push({ id: deduction, value: feedstockTce, text: t.deductFeedstock });
      intensityDeduction += feedstockTce;
    } else if (deduction === 'non-fossil') {
      deductions.push({ id: deduction, value: nonFossilTce, text: t.deductNonFossil });
      intensityDeduction += nonFossilTce;
    } else if (options.renewableBase === undefined) {
      notDeducted.push({ id: deduction, value: 0, text: t.noRenewableBase });
    } else {
      // Imported non-fossil power is taken as renewable here (green certificates cover renewable power only).
      const increase = Math.max(0, renewableMwh + nonFossilImports - options.renewableBase.mwh);
      deductions.push({ id: deduction, value: increase * primaryRate, text: t.deductNewRenewables(options.renewableBase.year) });
    }
  }
  stated.push(t.deductions(options.deductions, options.deductionsGiven, inventory.year));
  const assessedTotal = basis.total - deductions.reduce((sum, part) => sum + part.value, 0);

  const { gdpWanYuan: gdp, population } = inventory;
  if (gdp !== undefined && inventory.gdpPrices === undefined) stated.push(t.gdpPricesUnstated());
  return {
    boundary: t.boundary,
    energyCo2: { total: energyCo2, components: energyCo2Components, combustionByRow, excludedLines },
    electricity: {
      consumption: elecConsumption,
      generation,
      generationBySource,
      netImports,
      netImportsBasis: statedTransfers ? 'stated' : 'balance',
      nonFossilImports,
      factor: gridFactor,
    },
    heat: { consumption: heatConsumption, generation: heatGeneration, netImports: heatNet, netImportsBasis: statedHeat ? 'stated' : 'balance', counted: heatCounted, factor: heatCounted ? heatFactor : undefined },
    energy: {
      calorific,
      coalEquivalent,
      assessed: { method: basis.method, total: assessedTotal, deductions, notDeducted },
    },
    nonFossil: { tce: nonFossilTce, share: basis.total === 0 ? 0 : nonFossilTce / basis.total, method: basis.method },
    intensity: {
      co2PerGdp: gdp ? energyCo2 / gdp : undefined,
      energyPerGdp: gdp ? basis.total / gdp : undefined,
      assessedEnergyPerGdp: gdp ? (basis.total - intensityDeduction) / gdp : undefined,
      co2PerCapita: population ? energyCo2 / population : undefined,
      energyPerCapita: population ? basis.total / population : undefined,
      gdpPrices: inventory.gdpPrices,
    },
    options,
    assumptions: stated,
  };
}

function refOf(library: FactorLibrary, id: string): FactorRef | undefined {
  const factor = library.get(id);
  return factor ? factorRef(factor) : undefined;
}

/** t CO2 per MWh of a grid factor reference (t/MWh, kg/kWh …). */
export function tPerMwh(library: FactorLibrary, ref: FactorRef): number {
  const factor = library.get(ref.id);
  // A library factor carries its unit's conversion: t per GJ × 3.6 GJ/MWh.
  return factor ? factor.value * factor.unit.toBase * GJ_PER_MWH : ref.value;
}

function tcePerMwhCalorific(library: FactorLibrary): number {
  const factor = library.get('gbt2589.tce.electricity-calorific');
  if (!factor) throw new Error('factor library has no GB/T 2589 calorific coefficient for electricity');
  return (factor.value * factor.unit.toBase * GJ_PER_MWH) / GJ_PER_TCE;
}

function tcePerGjHeat(library: FactorLibrary): number {
  const factor = library.get('gbt2589.tce.heat');
  if (!factor) throw new Error('factor library has no GB/T 2589 coefficient for heat');
  return (factor.value * factor.unit.toBase) / GJ_PER_TCE;
}
