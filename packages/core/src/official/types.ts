import type { Assumption, FactorRef } from '../accounting/statements.ts';

/**
 * China's official accounting quantities (../shared/reference/china-accounting.md), computed from an
 * inventory beside its GPC totals: 能源活动二氧化碳排放 (energy-activity CO2), 能源消费总量 (total energy
 * consumption) and what the assessment deducts from it, 非化石能源占比, and the intensities per GDP.
 */

/** Sources of local power and heat generation (本地发电、供热) an inventory's `supply` lists. */
export const GENERATION_SOURCES = ['coal', 'gas', 'oil', 'waste', 'biomass', 'hydro', 'wind', 'solar', 'nuclear', 'geothermal'] as const;
export type GenerationSource = (typeof GENERATION_SOURCES)[number];

/** Fossil sources: their fuel is on the inventory's fuel lines (I.4.4), so their output is not energy again. */
export const FOSSIL_SOURCES: ReadonlySet<GenerationSource> = new Set(['coal', 'gas', 'oil']);
/**
 * Non-fossil sources, whose output is primary energy in the total and counts in the non-fossil share.
 * Waste-to-energy counts here: China's statistics report it within biomass power (stated on every
 * result that has it, as the reference marks this unconfirmed).
 */
export const NON_FOSSIL_SOURCES: ReadonlySet<GenerationSource> = new Set(['waste', 'biomass', 'hydro', 'wind', 'solar', 'nuclear', 'geothermal']);
/** Renewable power for the "new renewables out of the total" rule (NDRC/NBS/NEA, 2022-11): wind, solar, hydro, biomass, geothermal. */
export const RENEWABLE_SOURCES: ReadonlySet<GenerationSource> = new Set(['waste', 'biomass', 'hydro', 'wind', 'solar', 'geothermal']);

export interface Generation {
  readonly source: GenerationSource;
  /** MWh of electricity or GJ of heat. */
  readonly amount: number;
  /** Combined heat and power: the same plant's heat output is listed under `heat`. */
  readonly chp: boolean;
  /** Position in the file's list. */
  readonly index: number;
}

/** Local power and heat supply and the transfers across the boundary, as the inventory file states them. */
export interface Supply {
  readonly electricity: {
    /** MWh generated in the territory, by source. */
    readonly generation: readonly Generation[];
    /** Stated transfers (调入, 调出), MWh: when given, the net import is imports − exports instead of consumption − generation. */
    readonly imports?: number | undefined;
    readonly exports?: number | undefined;
    /** Imported electricity proven non-fossil (physical flows or green certificates), MWh. */
    readonly nonFossilImports?: number | undefined;
    /** Grid factor for net imports; the inventory's `grid` when absent. */
    readonly factor?: FactorRef | undefined;
  };
  readonly heat: {
    /** GJ of heat supplied in the territory, by source. */
    readonly generation: readonly Generation[];
    readonly imports?: number | undefined;
    readonly exports?: number | undefined;
    /** The factor of net imported heat as given, and in tCO2 per GJ; the 0.11 default (NDRC enterprise guidelines) when absent. */
    readonly factor?: FactorRef | undefined;
    readonly tPerGj?: number | undefined;
  };
}

export const DEDUCTIONS = ['feedstock', 'new-renewables', 'non-fossil'] as const;
export type Deduction = (typeof DEDUCTIONS)[number];

/** The choices the official quantities depend on; each either given in the file's `official` or defaulted and stated. */
export interface OfficialOptions {
  /** Net imported heat: left out (the provincial method makes no adjustment) or counted at the heat factor. */
  readonly heat: 'excluded' | 'net-imports';
  /** How net imported electricity enters the coal-equivalent total: at the coal rate (等价值) or at 0.1229 kgce/kWh (当量值). */
  readonly importedElectricity: 'coal-equivalent' | 'calorific';
  /** Deducted from total energy for the assessed total; `given` false when the rules in force for the year were applied. */
  readonly deductions: readonly Deduction[];
  readonly deductionsGiven: boolean;
  /** Renewable power consumed in the base year of the new-renewables rule (2020), MWh. */
  readonly renewableBase?: { readonly year: number; readonly mwh: number } | undefined;
  /** gce per kWh of the year's coal-fired generation (发电煤耗), for the coal-equivalent method. */
  readonly coalRate?: { readonly gcePerKwh: number; readonly source?: string | undefined } | undefined;
}

export interface Component {
  readonly id: string;
  readonly value: number;
  readonly text: { readonly en: string; readonly zh: string };
}

export interface EnergyTotal {
  readonly method: 'calorific' | 'coal-equivalent';
  /** tce. */
  readonly total: number;
  readonly components: readonly Component[];
}

export interface OfficialResult {
  readonly boundary: { readonly en: string; readonly zh: string };
  /** 能源活动二氧化碳排放, tCO2. */
  readonly energyCo2: {
    readonly total: number;
    readonly components: readonly Component[];
    /** Combustion CO2 by GPC row (tCO2). */
    readonly combustionByRow: Readonly<Record<string, number>>;
    /** Lines whose CO2 is left out of the quantity (feedstock, waste, process, fugitive, other gases), by reason: line indices. */
    readonly excludedLines: Readonly<Record<string, readonly number[]>>;
  };
  readonly electricity: {
    /** MWh consumed in the territory: scope-2 electricity lines and T&D losses (I.x.3). */
    readonly consumption: number;
    readonly generation: number;
    readonly generationBySource: Readonly<Partial<Record<GenerationSource, number>>>;
    /** consumption − generation, or the stated imports − exports. */
    readonly netImports: number;
    readonly netImportsBasis: 'balance' | 'stated';
    readonly nonFossilImports: number;
    readonly factor?: FactorRef | undefined;
  };
  readonly heat: {
    readonly consumption: number;
    readonly generation: number;
    readonly netImports: number;
    readonly netImportsBasis: 'balance' | 'stated';
    readonly counted: boolean;
    readonly factor?: FactorRef | undefined;
  };
  /** 能源消费总量 by the calorific method (电热当量法) and, with a coal rate, the coal-equivalent method (发电煤耗法). */
  readonly energy: {
    readonly calorific: EnergyTotal;
    readonly coalEquivalent?: EnergyTotal | undefined;
    /** The total the assessment uses after the deductions in force; on the coal-equivalent total when there is one. */
    readonly assessed: {
      readonly method: 'calorific' | 'coal-equivalent';
      readonly total: number;
      readonly deductions: readonly Component[];
      /** Deductions in force that could not be made, with why (e.g. no renewable base year given). */
      readonly notDeducted: readonly Component[];
    };
  };
  /** 非化石能源占比: non-fossil energy over the total (coal-equivalent when there is one). */
  readonly nonFossil: { readonly tce: number; readonly share: number; readonly method: 'calorific' | 'coal-equivalent' };
  readonly intensity: {
    /** tCO2 per 10,000 CNY (万元) of GDP. */
    readonly co2PerGdp?: number | undefined;
    /** tce per 10,000 CNY of GDP (the total on `nonFossil.method`). */
    readonly energyPerGdp?: number | undefined;
    /** The same with the deductions the assessment makes from intensity too: feedstock and non-fossil energy, not new renewables. */
    readonly assessedEnergyPerGdp?: number | undefined;
    readonly co2PerCapita?: number | undefined;
    readonly energyPerCapita?: number | undefined;
    /** The year of the constant prices the file's GDP is in, when it says. */
    readonly gdpPrices?: number | undefined;
  };
  readonly options: OfficialOptions;
  readonly assumptions: readonly Assumption[];
}
