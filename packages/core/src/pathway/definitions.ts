import type { Assumption } from '../inventory/types.ts';
import type { PathwayModel } from './model.ts';
import type { ParameterInfo, Slot } from './params.ts';

/** Reporting basis of a target or a total: BASIC, or BASIC+ (adds IPPU, AFOLU and scope-3 T&D losses). */
export type Basis = 'basic' | 'basicPlus';

export type TargetDefinition = { readonly id: string; readonly name: { readonly en: string; readonly zh: string }; readonly basis: Basis } & (
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
  readonly decomposition: readonly (readonly [number, number])[];
  readonly assumptions: readonly Assumption[];
}
