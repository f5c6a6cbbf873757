import type { InventoryResult } from '../inventory/types.ts';

export interface Text {
  readonly en: string;
  readonly zh: string;
}

/** The city, or one of its parts (a district, an industrial park, a community), with its inventory computed by the engine. */
export interface BoundaryInventory {
  readonly id: string;
  readonly result: InventoryResult;
}

/**
 * The bases a city is checked against its parts on, tCO2e: the GPC totals, and per GPC sector (`I.basic`,
 * `II.scope1`, …) the inventory's sector totals.
 */
export const TOTAL_BASES = ['basic', 'basicPlus', 'scope1', 'scope2', 'scope3'] as const;
export type TotalBasis = (typeof TOTAL_BASES)[number];
export const SECTOR_BASES = ['basic', 'basicPlus', 'territorial', 'scope1', 'scope2', 'scope3'] as const;
export type SectorBasis = (typeof SECTOR_BASES)[number];
/** `basic`, …, or `<sector>.<basis>` (`I.basic`, `III.territorial`). */
export type Basis = TotalBasis | `${string}.${SectorBasis}`;

/**
 * What the parts do not cover: stated as an inventory the engine computed (its rows then explain a difference),
 * or as figures per basis. Absent: computed as city − parts and labelled so.
 */
export type RemainderInput =
  | { readonly result: InventoryResult }
  | { readonly figures: Readonly<Partial<Record<Basis, number>>> };

export interface ReconcileOptions {
  readonly remainder?: RemainderInput | undefined;
  /** |difference| in tCO2e above which a basis is listed in `differences`; 0.5 t when absent (stated in the result). */
  readonly tolerance?: number | undefined;
}

export interface BasisLine {
  readonly basis: Basis;
  readonly city: number;
  /** Σ of the parts, in the parts' id order. */
  readonly parts: number;
  readonly byPart: Readonly<Record<string, number>>;
  readonly remainder: number;
  /** `stated`: given; `computed`: city − parts (the difference is then 0 by construction). */
  readonly remainderKind: 'stated' | 'computed';
  /** city − parts − remainder. */
  readonly difference: number;
}

/** A GPC row's share of a difference: the city's row, each part's, the remainder's (stated inventories only). */
export interface RowDifference {
  readonly gpc: string;
  readonly city: number;
  readonly parts: Readonly<Record<string, number>>;
  readonly remainder?: number | undefined;
  readonly difference: number;
}

export interface Difference {
  readonly basis: Basis;
  readonly code: 'beyond-tolerance' | 'parts-exceed-city';
  readonly difference: number;
  readonly tolerance: number;
  /** The GPC rows on this basis where city ≠ parts (+ stated remainder), largest first. */
  readonly rows: readonly RowDifference[];
  readonly text: Text;
}

/** A part computed with another convention than the city's: its figures do not add to the city's as they stand. */
export interface ConventionMismatch {
  readonly part: string;
  readonly code: 'gwp' | 'factor-set' | 'library-version' | 'grid-factor' | 'factor-value' | 'method' | 'year' | 'energy-accounting';
  readonly city: string;
  readonly partValue: string;
  /** GPC rows of the part's lines that carry it (factor and method mismatches). */
  readonly rows: readonly string[];
  readonly text: Text;
}

export interface PartsReconciliation {
  readonly city: string;
  readonly year: number;
  readonly parts: readonly string[];
  readonly tolerance: number;
  readonly remainderKind: 'stated' | 'computed';
  readonly bases: readonly BasisLine[];
  readonly differences: readonly Difference[];
  readonly mismatches: readonly ConventionMismatch[];
  readonly conventions: readonly Text[];
}

export interface BoundaryIssue {
  readonly path: readonly (string | number)[];
  readonly code: 'duplicate-part' | 'no-parts' | 'tolerance-out-of-range' | 'remainder-not-finite' | 'unknown-basis' | 'credit-not-positive' | 'duplicate-credit' | 'population-missing' | 'gdp-missing' | 'baseline-missing' | 'figure-out-of-range' | 'credits-out-of-range';
  readonly text: Text;
}

export type BoundaryRun<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly BoundaryIssue[] };
