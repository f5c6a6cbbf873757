import type { FactorLibrary } from '../factors/library.ts';
import type { Assumption } from '../inventory/types.ts';
import type { Basis, Pathway, ScenarioDefinition, TargetDefinition } from '../pathway/definitions.ts';
import type { UnitCost } from './costs.ts';

export type Name = { readonly en: string; readonly zh: string };

/** How many units of a measure are in place at full adoption: a fixed amount, or a driver's value (× a share). */
export type Quantity =
  | { readonly kind: 'amount'; readonly units: number }
  /** units(t) = driver(t) in base units × `perBase` (measure units per driver base unit) × share. */
  | { readonly kind: 'driver'; readonly driver: number; readonly perBase: number; readonly share: number };

/** A measure of a plan: a pathway action of the compiled pathway, with its costs and decision bounds. */
export interface PlanMeasure {
  readonly id: string;
  readonly name: Name;
  /** The catalogue entry it takes its figures from, if any. */
  readonly catalogue: string | undefined;
  readonly category: string | undefined;
  /** Index of the measure's action in the pathway model. */
  readonly action: number;
  /** The unit one unit of the measure is counted in (m2, kW, vehicle …). */
  readonly unit: string;
  readonly quantity: Quantity;
  readonly capex: UnitCost;
  readonly opex: UnitCost;
  readonly savings: UnitCost;
  readonly lifetime: { readonly value: number; readonly source: string };
  /** Bounds of the adoption scale x (the share of the measure's adoption curve taken up). */
  readonly min: number;
  readonly max: number;
  /** Yes/no: x is 0 or `max`, nothing between (version 1 plan files said `lumpy`). */
  readonly yesNo: boolean;
  /** Indices (into the plan's measures) of measures this one needs (x/max ≤ theirs) or excludes. */
  readonly requires: readonly number[];
  readonly excludes: readonly number[];
  /** Scores on the plan's user-defined criteria. */
  readonly scores: Readonly<Record<string, number>>;
  readonly coBenefits: readonly string[];
  /**
   * What the electricity the measure generates is worth when it is sold to the grid rather than used where it is made
   * (a wind farm paid the coal benchmark price, 燃煤基准价), CNY per GJ; undefined: the plan's electricity price.
   */
  readonly generationPrice?: EnergyPrice;
}

export interface PlanCriterion {
  readonly id: string;
  readonly name: Name;
  readonly direction: 'benefit' | 'cost';
  readonly weight: number;
  /** Computed from the plan's results (abatement, cost per tonne, air pollutants avoided) or scored by the user. */
  readonly computed: boolean;
}

/** What a GJ of a carrier's final energy costs (CNY of the price year), to value the energy measures save. */
export interface EnergyPrice {
  readonly carrier: string;
  readonly perGj: number;
  /** As the plan gives it, with its source ("electricity 0.65 CNY/kWh (provincial tariff 2022)"), in each language. */
  readonly text: { readonly en: string; readonly zh: string };
}

/** A plan file, validated and compiled. */
export interface Plan {
  readonly name: Name;
  /** The factor library the base inventory was read with; the plan's air-pollutant factors come from it too. */
  readonly library: FactorLibrary;
  /** The pathway with the plan's measures added as actions. */
  readonly pathway: Pathway;
  /** The pathway scenario the measures are added to. */
  readonly baseline: ScenarioDefinition;
  readonly measures: readonly PlanMeasure[];
  /** CNY of this year. */
  readonly priceYear: number;
  readonly discountRate: number;
  readonly maccYear: number;
  /** Basis of the MACC's abatement (removals always count). */
  readonly basis: Basis;
  /** Targets of the pathway the portfolio must meet. */
  readonly targets: readonly TargetDefinition[];
  /** Yearly budget for the measures' capex + opex, CNY per year (NaN: no limit that year); undefined: none. */
  readonly budget: Float64Array | undefined;
  readonly criteria: readonly PlanCriterion[];
  readonly prioritisation: { readonly perturbation: number; readonly samples: number; readonly seed: number };
  readonly road: { readonly diesel?: 'diesel-heavy-duty' | 'diesel-car'; readonly gasoline?: 'petrol-car' };
  /** Prices of the carriers whose saved energy is valued; empty: energy savings are not valued (only per-unit `savings`). */
  readonly energyPrices: readonly EnergyPrice[];
  readonly assumptions: readonly Assumption[];
}
