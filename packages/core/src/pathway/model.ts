import type { Assumption } from '../inventory/types.ts';
import type { Slot } from './params.ts';
import type { SeriesProgram } from './series.ts';

/**
 * A pathway file compiled for evaluation: every name resolved to an index, every number a slot of
 * the parameter table, every per-year lookup (which growth period, which two points) precomputed.
 * It is plain data — typed arrays, numbers, strings — so it can be sent to worker threads as is.
 */
export interface PathwayModel {
  readonly baseYear: number;
  readonly endYear: number;
  /** Number of years, base year to end year inclusive. */
  readonly years: number;
  readonly drivers: readonly DriverModel[];
  /** Indices into `drivers` of population (persons) and GDP (CNY): intensities and the decomposition need them. */
  readonly population: number;
  readonly gdp: number;
  readonly sectors: readonly SectorModel[];
  readonly lines: LineColumns;
  /** Grid emission factor, tCO2/MWh, absolute; electricity lines scale by its ratio to `gridBase`. */
  readonly grid: SeriesProgram;
  /** The base-year grid factor the inventory's electricity lines used (tCO2/MWh). */
  readonly gridBase: number;
  /** Removals outside the inventory's lines (tCO2e/yr), before removal actions. */
  readonly removals: SeriesProgram | undefined;
  readonly actions: readonly ActionModel[];
  /** Local power and heat supply and the constants of China's official quantities (supply.ts). */
  readonly supply: SupplyModel;
  /** GWP weight of N2O in the file's set (CH4's weight is per line: AR6 splits it by origin). */
  readonly n2oWeight: number;
  /** Assumptions every result of this model relies on. */
  readonly assumptions: readonly Assumption[];
}

export interface DriverModel {
  readonly id: string;
  /** The unit the file gives the driver in (万人, 亿元 …); values are computed in base units. */
  readonly unit: string;
  /** Base units per file unit: divide a value by this to show it in the file's unit. */
  readonly scale: number;
  readonly program: SeriesProgram;
}

export interface SectorModel {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  /** Index of the driver whose change scales the sector's activity. */
  readonly driver: number;
  /** Index (base year = 1) of energy — or, for non-energy lines, emissions — per unit of driver. */
  readonly intensity: SeriesProgram;
  /** Global carrier names of the sector's energy carriers (fuel ids, "electricity", "heat", "method:road-vkt"). */
  readonly carriers: readonly string[];
  /** Base-year energy of each carrier, tce (calorific equivalent as the inventory chose). */
  readonly baseEnergy: Float64Array;
  /** Carriers whose share of the sector's energy follows a trajectory; the others fill the rest pro rata. */
  readonly shares: readonly { readonly carrier: number; readonly program: SeriesProgram }[];
}

/**
 * The pathway's lines, one per (sector, carrier, GPC row class): columns of equal length. Energy lines
 * take a fixed fraction of their carrier's energy in the sector; non-energy lines (process, waste,
 * agriculture, land) scale with the sector's activity and intensity index.
 */
export interface LineColumns {
  readonly count: number;
  readonly sector: Int32Array;
  /** Local carrier index within the sector; −1 for a non-energy line. */
  readonly carrier: Int32Array;
  /** 1 for an electricity line (its factor follows the grid; local generation displaces it). */
  readonly electricity: Uint8Array;
  /** 1 when the line counts in BASIC; every line counts in BASIC+. */
  readonly basic: Uint8Array;
  readonly scope: Uint8Array;
  /** Energy lines: fraction of the carrier's energy in the sector; non-energy lines: 1. */
  readonly fraction: Float64Array;
  /** Per tce (energy lines) or per unit of activity index (non-energy: the base-year masses), t. */
  readonly co2: Float64Array;
  readonly ch4: Float64Array;
  readonly n2o: Float64Array;
  /** tCO2e of other gases (HFCs …) per unit. */
  readonly other: Float64Array;
  readonly ch4Weight: Float64Array;
  /** Electricity lines: MWh per tce of the line (to measure what local generation displaces). */
  readonly mwhPerTce: Float64Array;
  /** China's official quantities: the share of the line's CO2 that is energy-activity CO2 (combustion in the territory, feedstock out). */
  readonly officialShare: Float64Array;
  /** Fossil energy (calorific tce, feedstock included) and electricity consumed in the territory (MWh), per unit like `co2`. */
  readonly fossilTce: Float64Array;
  readonly officialMwh: Float64Array;
  /** The GPC rows whose inventory lines make up each line ("I.1.2, I.2.2"). */
  readonly rows: readonly string[];
  /**
   * Energy lines: the share of the line's base-year energy (tce) from each of its GPC rows, by row
   * reference; shares add up to 1. Empty for non-energy lines and for carriers switched into a
   * sector that had none (no base-year energy).
   */
  readonly rowShares: readonly (readonly RowShare[])[];
  /** Indices (into `actions[*].effects`, flattened: action × 64 + effect) of the emissions effects acting on each line. */
  readonly emissionEffects: readonly Int32Array[];
}

/** A GPC row's part of a line's base-year energy. */
export interface RowShare {
  readonly row: string;
  readonly share: number;
}

export type AdoptionModel =
  /** level × shape[y]: a ramp from the start year to the full year (linear or S-shaped), then held. */
  | { readonly kind: 'ramp'; readonly level: Slot; readonly shape: Float64Array }
  /** min(level, rate × elapsed[y]): a yearly rate (e.g. 3 % of buildings retrofitted per year) up to a ceiling. */
  | { readonly kind: 'rate'; readonly level: Slot; readonly rate: Slot; readonly elapsed: Float64Array }
  /**
   * Stock turnover: a share of each year's new stock (growth plus replacement of 1/lifetime of the
   * stock) takes the measure; adoption is the share of the stock that has it.
   */
  | { readonly kind: 'stock'; readonly stock: number; readonly lifetime: Slot; readonly level: Slot; readonly shape: Float64Array };

export type EffectModel =
  | { readonly kind: 'efficiency'; readonly sector: number; readonly carrier: number; readonly reduction: Slot }
  | { readonly kind: 'activity'; readonly sector: number; readonly reduction: Slot }
  | { readonly kind: 'switch'; readonly sector: number; readonly from: Int32Array; readonly to: number; readonly share: Slot; readonly ratio: Slot }
  | { readonly kind: 'emissions'; readonly sector: number; readonly carrier: number; readonly gas: number; readonly reduction: Slot }
  | { readonly kind: 'generation'; readonly amount: Slot }
  /**
   * Local plants of a source (index into GENERATION_SOURCES) built or retired: `amount` MWh a year at
   * full adoption (negative retires), or, when `relative`, that share of the source's projected generation.
   */
  | { readonly kind: 'plant'; readonly source: number; readonly amount: Slot; readonly relative: boolean }
  | { readonly kind: 'removal'; readonly amount: Slot };

export interface ActionModel {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  readonly adoption: AdoptionModel;
  readonly effects: readonly EffectModel[];
}

/** Gases in the order of the model's gas arrays; `other` is already tCO2e. */
export const MODEL_GASES = ['CO2', 'CH4', 'N2O'] as const;
export const EFFECTS_PER_ACTION = 64;

/**
 * The territory's power and heat supply and what China's official quantities need beyond the lines
 * (supply.ts builds it; official.ts evaluates it). Sources are in GENERATION_SOURCES order.
 */
export interface SupplyModel {
  /** Electricity generated by each source, in GJ (base units of energy), year by year: held at the base year unless the file gives a series. */
  readonly electricity: readonly SeriesProgram[];
  /** Heat supplied by each source, GJ. */
  readonly heat: readonly SeriesProgram[];
  /** 1 for the non-fossil sources (official/types.ts NON_FOSSIL_SOURCES). */
  readonly nonFossil: Uint8Array;
  /** Fossil plants (I.4.4 fuel by family): their fuel follows their output. */
  readonly plants: readonly PlantModel[];
  /** Official parts of rows neither the sectors nor the plants project, held at the base year. */
  readonly held: { readonly co2: number; readonly fossilTce: number; readonly mwh: number };
  /** Stated imports − exports minus the base-year balance (MWh), kept in every year; 0 when the inventory states no transfers. */
  readonly netImportOffset: number;
  /** Net imported electricity's factor in the base year, tCO2/MWh; it follows the grid trajectory's ratio to the base year. */
  readonly importFactor: number;
  /** Net imported heat (when the inventory counts it), held: tCO2 and tce. */
  readonly heatImports: { readonly co2: number; readonly tce: number };
  /** Imported electricity proven non-fossil, MWh, held at the base year. */
  readonly nonFossilImports: number;
  /** tce per MWh of non-fossil primary electricity and of net imports, by the total's method. */
  readonly primaryRate: number;
  readonly importRate: number;
  readonly method: 'calorific' | 'coal-equivalent';
}

export interface PlantModel {
  readonly source: number;
  /** Base-year fuel: energy-activity CO2 (t) and fossil energy (tce). */
  readonly co2: number;
  readonly fossilTce: number;
  /** Share of the fuel allocated to power by the efficiency method (0.35 power, 0.80 heat); the rest to heat. */
  readonly powerShare: number;
  /** Base-year output: MWh of electricity, GJ of heat. */
  readonly electricity: number;
  readonly heat: number;
}
