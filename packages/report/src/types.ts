import type { DocumentIssue, InventoryResult, MonteCarloRunner, MonteCarloSummary, PathwayResult, PlanResult, Tracking, TrackingResult } from '@peakpath/core';

/**
 * Where a figure comes from: the document, and the exact version of it that was computed. Files carry the
 * SHA-256 of their bytes; stored documents their version number and the store's body hash.
 */
export interface Provenance {
  readonly kind: 'inventory' | 'pathway' | 'plan' | 'tracking';
  /** A file path or a store document id: what issues and the appendix name. */
  readonly id: string;
  /** A readable name: the file name, or the stored document's name ("2022", "baseline"). */
  readonly name: string;
  /** The stored version number; null for a file. */
  readonly version: number | null;
  /** `sha256:` and the hex digest of the file's bytes or of the stored body's canonical JSON. */
  readonly hash: string;
}

/** A document as it was read, with where it came from. */
export interface SourceDocument extends Provenance {
  /** The document as the engine reads it (parsed JSON or YAML). */
  readonly body: unknown;
}

/** A tracking document already computed by the caller (parseTracking, computeTracking). */
export interface TrackingInput {
  readonly tracking: Tracking;
  readonly result: TrackingResult;
  /** The tracking document's provenance, when it has one (a file or a stored version). */
  readonly source?: Provenance | undefined;
}

/** The documents a report is assembled from, already read: nothing here is resolved by name. */
export interface ReportSources {
  /** The city's inventories, any years (one per year); the report's own year takes the latest up to it. */
  readonly inventories: readonly SourceDocument[];
  /** The pathway and the id (among `inventories`) of the base-year inventory its `inventory:` names. */
  readonly pathway?: (SourceDocument & { readonly inventory: string }) | undefined;
  /** The action plan, on the pathway above. */
  readonly plan?: SourceDocument | undefined;
  readonly tracking?: TrackingInput | undefined;
  /** A tracking document still to compute (at `AssembleOptions.asOf`, its measures checked against `plan`): what files and the store give. */
  readonly trackingDocument?: SourceDocument | undefined;
}

export interface AssembleOptions {
  /** The report's year: inventories after it are left out; the latest up to it is the report's inventory. */
  readonly year: number;
  /** Monte Carlo runs over the pathway's `uncertainty` (default 1,000; 0 for none) and their seed (default 1). */
  readonly runs?: number | undefined;
  readonly seed?: number | undefined;
  /** The pathway scenario reported (default: the pathway's `default`). */
  readonly scenario?: string | undefined;
  /** Where Monte Carlo blocks run (the engine's runner otherwise). */
  readonly runner?: MonteCarloRunner | undefined;
  /** The date a tracking document's statuses are judged at (`YYYY-MM-DD`); required with `trackingDocument`. */
  readonly asOf?: string | undefined;
}

export interface ReportInventory {
  readonly source: Provenance;
  readonly result: InventoryResult;
}

export interface ReportPathway {
  readonly source: Provenance;
  /** The inventory the pathway starts from. */
  readonly baseInventory: Provenance;
  readonly result: PathwayResult;
  /** Every scenario of the pathway, the reported one included. */
  readonly comparison: readonly PathwayResult[];
  /** Absent when `runs` was 0 or the pathway states no uncertainty. */
  readonly monteCarlo?: MonteCarloSummary | undefined;
}

export interface ReportPlan {
  readonly source: Provenance;
  readonly result: PlanResult;
}

/** Everything a report shows, computed: what `buildReport` renders in either language. */
export interface ReportInput {
  readonly year: number;
  readonly city: { readonly en: string; readonly zh: string };
  /** Every document used, in the order the appendix lists them. */
  readonly sources: readonly Provenance[];
  /** The inventories up to `year`, in year order. */
  readonly inventories: readonly ReportInventory[];
  /** The latest of them: the report's inventory. */
  readonly inventory: ReportInventory;
  readonly pathway?: ReportPathway | undefined;
  readonly plan?: ReportPlan | undefined;
  readonly tracking?: TrackingInput | undefined;
  /** The engine's warnings on the documents (values far outside any city, repeated lines), listed in the report. */
  readonly warnings: readonly DocumentIssue[];
}

/** One number the report shows, and what it is. */
export interface Figure {
  /** Unique in the report, e.g. `inventory.2022.totals.basic`. */
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  /** The text printed for it. */
  readonly text: string;
  readonly source: { readonly document: string; readonly version: number | null; readonly hash: string };
  /**
   * Where the value sits in the computed results (`root` and a path into it: `inventory:2022` and
   * `['totals', 'basic']`), or how it is derived from other figures (a change, a share).
   */
  readonly at: { readonly root: string; readonly path: readonly (string | number)[] } | { readonly derived: 'change' | 'ratio'; readonly of: readonly [string, string] }
    | { readonly counted: 'targets-met'; readonly root: string };
}

export interface Report {
  readonly html: string;
  readonly figures: readonly Figure[];
}
