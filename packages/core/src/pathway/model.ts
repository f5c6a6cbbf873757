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
