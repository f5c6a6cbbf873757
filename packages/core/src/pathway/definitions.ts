import type { Assumption } from '../inventory/types.ts';
import type { PathwayModel } from './model.ts';
import type { ParameterInfo, Slot } from './params.ts';

/** Reporting basis of a target or a total: BASIC, or BASIC+ (adds IPPU, AFOLU and scope-3 T&D losses). */
export type Basis = 'basic' | 'basicPlus';
/**
 * What a target is judged on: a GPC basis, or China's official energy-activity CO2 (`energyCo2`; the
 * default for a Chinese city). Energy targets (total energy, energy per GDP, non-fossil share) are on
 * the official energy total and carry `energyCo2`.
 */
export type TargetBasis = Basis | 'energyCo2';
/** Intensities an official decline target speaks of: CO2 (on the target's basis) or total energy per GDP. */
export type DeclineOf = 'co2PerGdp' | 'energyPerGdp';

export type TargetDefinition = {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  readonly basis: TargetBasis;
  /** Whether the basis was the default (stated with the result). */
  readonly basisDefault: boolean;
} & (
  | { readonly kind: 'peak'; readonly year: number }
  | { readonly kind: 'cap'; readonly year: number; readonly cap: Slot }
  | {
      readonly kind: 'intensity';
      readonly year: number;
      readonly per: 'gdp' | 'population';
      readonly reduction: Slot;
      /** The reference intensity: a year of the pathway, or a value the file gives (e.g. 2005, before the inventory). */
      readonly reference: { readonly year: number } | { readonly value: Slot; readonly label: string };
    }
  | { readonly kind: 'neutrality'; readonly year: number }
  | {
      /**
       * A decline of CO2 or energy per GDP from `from`, period by period, chained multiplicatively:
       * by the end of period k the intensity is at most reference × Π(1 − d_i), i ≤ k (china-accounting.md §1).
       * `year` is the last period's end.
       */
      readonly kind: 'decline';
      readonly year: number;
      readonly of: DeclineOf;
      readonly from: number;
      readonly reference: { readonly year: number } | { readonly value: Slot; readonly label: string };
      readonly periods: readonly { readonly year: number; readonly reduction: Slot }[];
    }
  /** 非化石能源占比 at least `share` in `year`. */
  | { readonly kind: 'nonFossil'; readonly year: number; readonly share: Slot }
  /** 能源消费总量 at most `cap` (tce) in `year`. */
  | { readonly kind: 'energyCap'; readonly year: number; readonly cap: Slot }
);

export type Distribution =
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'lognormal'; readonly median: number; readonly sigma: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number };

export interface UncertainParameter {
  readonly slot: Slot;
  readonly path: string;
  /** In base units, like the parameter. */
  readonly distribution: Distribution;
}

/** A pair of uncertain parameters drawn together (`correlations`; `shared` lists become pairs of rank 1). */
export interface CorrelationPair {
  /** The two parameters' paths, as the file names them. */
  readonly between: readonly [string, string];
  /** The rank correlation asked for (Spearman's ρ), −1 to 1. */
  readonly rank: number;
  /** The Gaussian copula's correlation that gives it: 2 sin(π × rank ÷ 6) (docs/pathways.md). */
  readonly copula: number;
}

/**
 * Uncertain parameters linked by non-zero correlations, drawn together through a Gaussian copula
 * (copula.ts). Plain arrays, so a pathway goes to worker threads as is.
 */
export interface CopulaGroup {
  /** Indices into the pathway's `uncertainty`, ascending. */
  readonly members: readonly number[];
  /** Lower-triangular Cholesky factor of the members' copula correlation matrix, members × members, row-major. */
  readonly factor: readonly number[];
}

export interface ScenarioDefinition {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  /** 1 for each action of the model the scenario takes. */
  readonly active: Uint8Array;
  /** Parameter values the scenario sets (base units). */
  readonly overrides: readonly { readonly slot: Slot; readonly value: number }[];
}

/** A pathway file, validated and compiled. */
export interface Pathway {
  readonly name: { readonly en: string; readonly zh: string };
  readonly city: string;
  /** The city's Chinese name (the inventory's `city.nameZh`), for Chinese headers; absent when the inventory gives none. */
  readonly cityZh?: string | undefined;
  /** The year of the constant prices of the inventory's GDP (`gdp.prices`), which the GDP driver continues. */
  readonly gdpPrices?: number | undefined;
  /** The inventory is Chinese (country CN or factor set cn): targets default to the official basis. */
  readonly chinese: boolean;
  readonly model: PathwayModel;
  readonly parameters: readonly ParameterInfo[];
  readonly scenarios: readonly ScenarioDefinition[];
  readonly defaultScenario: string;
  readonly targets: readonly TargetDefinition[];
  readonly uncertainty: readonly UncertainParameter[];
  /** The correlations the file asks for, as the Monte Carlo summary states them. */
  readonly correlations: readonly CorrelationPair[];
  /** The correlated groups the Monte Carlo draws together; parameters in none are drawn independently. */
  readonly copula: readonly CopulaGroup[];
  readonly decomposition: readonly (readonly [number, number])[];
  readonly assumptions: readonly Assumption[];
}
