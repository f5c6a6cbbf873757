import type { Gas, GwpSet } from '../factors/library.ts';
import type { FuelId } from '../factors/fuels.ts';
import type { Ch4Origin, GpcRow, ReportingLevel, Scope } from '../gpc/structure.ts';
import type { Unit } from '../units/units.ts';
import type { GivenValue } from '../reading/reader.ts';
import type { Assumption, FactorRef } from '../accounting/statements.ts';
import type { FactorSet } from '../factors/factor-sets.ts';
import type { RoadTechnology } from '../methods/transport/road-technologies.ts';
import type { LineActivity } from '../methods/method.ts';
import type { OfficialOptions, OfficialResult, Supply } from '../official/types.ts';

export type { Assumption, FactorRef, FactorSet, GivenValue, LineActivity, RoadTechnology };
export { ROAD_TECHNOLOGIES } from '../methods/transport/road-technologies.ts';

/** Which default factors fuel lines take: IPCC 2006 defaults, or China's (GB/T 2589 NCVs, provincial-guideline carbon contents). */
export const NOTATION_KEYS = ['NO', 'IE', 'NE', 'C'] as const;
export type NotationKey = (typeof NOTATION_KEYS)[number];
export const QUALITY_LEVELS = ['high', 'medium', 'low'] as const;
export type Quality = (typeof QUALITY_LEVELS)[number];

export interface Entity {
  readonly name: string;
  readonly nameZh?: string | undefined;
  readonly country?: string | undefined;
  readonly region?: string | undefined;
}

/** A value with its unit, as given on a line (`ncv`, `ef.CO2`, `carbonContent`). */

/** How energy is converted to standard coal: calorific equivalent (当量), or electricity by the year's coal rate (发电煤耗法). */
export type EnergyAccounting =
  | { readonly method: 'calorific' }
  | { readonly method: 'coal-consumption'; readonly coalRate: GivenValue };

/** An inventory file after validation: every field checked, every unit known. */
export interface Inventory {
  readonly entity: Entity;
  readonly year: number;
  readonly gwp: GwpSet;
  readonly factorSet: FactorSet;
  readonly grid?: string | undefined;
  readonly population?: number | undefined;
  /** GDP in 万元 (10^4 CNY). */
  readonly gdpWanYuan?: number | undefined;
  readonly energyAccounting: EnergyAccounting;
  /** The year of the constant prices GDP is given in (`gdp.prices`), when the file says. */
  readonly gdpPrices?: number | undefined;
  /** Local power and heat generation and the transfers across the boundary (`supply`). */
  readonly supply: Supply;
  /** The choices China's official quantities depend on (`official`), defaults applied. */
  readonly official: OfficialOptions;
  /** Defaults the file relied on (gwp, factorSet), stated in the result. */
  readonly defaultsApplied: readonly ('gwp' | 'factorSet')[];
  readonly lines: readonly ActivityLine[];
}

interface LineBase {
  /** Position in the file's `activities`. */
  readonly index: number;
  readonly row: GpcRow;
  readonly quality?: Quality | undefined;
  readonly source?: string | undefined;
  readonly note?: string | undefined;
  /** The other city of a cross-boundary line (`counterpart`, counterpart.ts): carried; only a cluster reads it. */
  readonly counterpart?: LineCounterpart | undefined;
}

/**
 * `counterpart` on a line: the city in whose scope 1 the line's flow is (its plant, landfill, roads), and optionally
 * the row there, the part of the line that is the flow and its amount. A single inventory computes as without it;
 * a cluster makes it a pairing when `city` names another member (docs/clusters.md).
 */
export interface LineCounterpart {
  readonly city: string;
  readonly row?: string | undefined;
  readonly share?: number | undefined;
  readonly mwh?: number | undefined;
  readonly gj?: number | undefined;
  readonly tonnes?: number | undefined;
  readonly vkm?: number | undefined;
}


/** A line that computes: its amount, in its own unit, times the per-unit recipe. */
export interface ComputingLine extends LineBase {
  /** `method` lines are computed whole by a calculator: amount 1, the recipe holds the line's gases. */
  readonly form: 'fuel' | 'electricity' | 'heat' | 'emissions' | 'method';
  readonly method?: string | undefined;
  readonly fuel?: FuelId | undefined;
  /** The gas of an emissions line: CO2, CH4, N2O, or another gas given with its GWP. */
  readonly gas?: Gas | string | undefined;
  readonly amount: number;
  readonly unit: Unit;
  readonly recipe: Recipe;
  /** A fuel used as raw material (原料用能, `use: feedstock`): energy counted, no combustion emissions. */
  readonly use?: 'feedstock' | undefined;
  /** A method line's activity (tonnes of waste, vehicle-km), where its method states one. */
  readonly activity?: LineActivity | undefined;
}

export interface NotationLine extends LineBase {
  readonly form: 'notation';
  readonly key: NotationKey;
  readonly explanation: string;
}

export type ActivityLine = ComputingLine | NotationLine;



/**
 * What one unit of a line's amount (in the line's own unit) yields. Lines that share fuel, row, unit
 * and settings share one recipe, so a million lines resolve their factors only a handful of times.
 */
export interface Recipe {
  readonly co2: number;
  readonly ch4: number;
  readonly n2o: number;
  /** tCO2e per unit, GWP applied; includes `otherCo2e`. */
  readonly co2e: number;
  /** tCO2e per unit of gases other than CO2, CH4 and N2O (weighted by a GWP the line gave); 0 for most lines. */
  readonly otherCo2e: number;
  /** Tonnes of standard coal per unit; 0 for lines that are not energy use. */
  readonly tce: number;
  /** tce per unit by the calorific-equivalent method, whatever method the file chose. */
  readonly tceCalorific: number;
  readonly factors: readonly FactorRef[];
  readonly assumptions: readonly Assumption[];
}

export interface LineResult {
  readonly index: number;
  readonly gpc: string;
  readonly scope: Scope;
  readonly level: ReportingLevel;
  readonly form: ComputingLine['form'];
  /** The calculation method of a `method` line (e.g. "solid-waste-fod"). */
  readonly method?: string | undefined;
  readonly gases: { readonly CO2: number; readonly CH4: number; readonly N2O: number };
  readonly co2e: number;
  /** tCO2e of gases other than CO2, CH4 and N2O on this line (HFCs, …), when there are any. */
  readonly otherGasesCo2e?: number | undefined;
  readonly energyTce: number;
  readonly quality?: Quality | undefined;
  readonly factors: readonly FactorRef[];
  readonly assumptions: readonly Assumption[];
  /** The line's activity, for methods that state one (tonnes of waste treated, vehicle-km). */
  readonly activity?: LineActivity | undefined;
  /** The line's `counterpart` as given: shown, not computed with (a cluster reads it, docs/clusters.md). */
  readonly counterpart?: LineCounterpart | undefined;
}

export interface ScopeTotals {
  basic: number;
  basicPlus: number;
  territorial: number;
  scope1: number;
  scope2: number;
  scope3: number;
}

export interface InventoryResult {
  readonly city: string;
  readonly entity: Entity;
  readonly year: number;
  readonly gwp: GwpSet;
  readonly factorSet: FactorSet;
  readonly factorLibrary: { readonly version: string };
  readonly totals: { basic: number; basicPlus: number; scope1: number; scope2: number; scope3: number; other: number };
  readonly gases: { CO2: number; CH4: number; N2O: number };
  /** tCO2e of gases other than CO2, CH4 and N2O over the BASIC+ lines (their masses are not summed: GWPs differ). */
  readonly otherGases: { co2e: number };
  readonly energy: { tce: number; method: EnergyAccounting['method']; calorificTce: number; coalConsumptionTce?: number | undefined };
  readonly intensity: {
    perCapita?: number | undefined;
    perGdp?: number | undefined;
    energyPerCapita?: number | undefined;
    energyPerGdp?: number | undefined;
  };
  readonly bySector: Readonly<Record<string, ScopeTotals>>;
  readonly lines: readonly LineResult[];
  readonly notationKeys: readonly { gpc: string; key: NotationKey; explanation: string }[];
  /**
   * Rows with neither an activity line nor a notation key: the BASIC rows, and the rows BASIC+ adds
   * (IPPU, AFOLU, scope-3 T&D losses and transboundary journeys), whose gaps the BASIC+ total hides.
   */
  readonly completeness: { readonly missingBasicRows: readonly string[]; readonly missingBasicPlusRows: readonly string[] };
  /** Share of BASIC emissions (absolute tCO2e) by the data quality stated on lines. */
  readonly quality: { high: number; medium: number; low: number; unstated: number };
  readonly conventions: readonly Assumption[];
  readonly assumptions: readonly Assumption[];
  /** China's official quantities beside the GPC totals (official/types.ts, docs/official-quantities.md). */
  readonly official: OfficialResult;
}

export type { Ch4Origin, Gas, GwpSet };
