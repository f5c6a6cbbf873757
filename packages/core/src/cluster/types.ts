import type { InventoryResult, ScopeTotals } from '../inventory/types.ts';
import type { FlowKind } from '../gpc/flows.ts';

/** One member of a cluster: a city, district or park, with its computed inventory (the same year for every member). */
export interface ClusterMember {
  /** The member's id within the cluster; pairings name members by it. */
  readonly id: string;
  /** Display name; the inventory's city name when absent. */
  readonly name?: string | undefined;
  readonly nameZh?: string | undefined;
  readonly result: InventoryResult;
}

/**
 * A cross-boundary line of one member that is a flow to or from another member (docs/clusters.md):
 * `line` is the member's `activities[index]` on a row of scope 2 (I.x.2, II.x.2: grid energy), III.x.2
 * (waste treated outside) or II.x.3 (transboundary trips); `counterpart` is the member in whose scope 1 the
 * same emissions are (I.4.4 the plant; III.x.3 or III.x.1 the treatment; II.x.1 the trips' part on its roads).
 */
export interface Pairing {
  readonly line: { readonly member: string; readonly index: number };
  readonly counterpart: { readonly member: string; readonly row?: string | undefined };
  /** The part of the line that is the flow with the counterpart, 0–1; the whole line when absent. */
  readonly share?: number | undefined;
  /** Electricity lines: the MWh of the flow, checked against the counterpart's net exports. */
  readonly mwh?: number | undefined;
  /** Heat lines: the GJ of the flow, checked against the counterpart's net exports. */
  readonly gj?: number | undefined;
  /** Waste lines: the tonnes sent, checked against the tonnes the counterpart treats on the paired row. */
  readonly tonnes?: number | undefined;
  /** Trips lines: the vehicle-km driven in the counterpart, checked against its II.x.1 vehicle-km. */
  readonly vkm?: number | undefined;
}

/**
 * Where a pairing was stated: on the cluster (`pairings[2]`) or on the member's line, as its `counterpart`
 * (`members.beta.activities[3].counterpart`, docs/clusters.md).
 */
export type PairingStated = 'cluster' | 'line';

/** The kinds of internal flow, one GPC rule each (rules.ts). */
export type { FlowKind };

/** Why a part of a member's line is not counted again in the cluster; each has its bilingual text (texts.ts). */
export type RemovalReason =
  /** Scope 2 of grid energy generated in another member (I.4.4, in the cluster's scope 1). */
  | 'internal-grid-energy'
  /** Scope 3 of waste treated in another member, whose treatment is on its territorial row III.x.3. */
  | 'internal-waste-territorial'
  /** Scope 3 of waste treated in another member that reports it on III.x.1 (BASIC): counted twice in BASIC too. */
  | 'internal-waste-basic'
  /** Scope 3 of trips to another member, whose part on its territory is that member's II.x.1. */
  | 'internal-trips';

/** The totals every member reports and the cluster reconciles, tCO2e (energyCo2: tCO2, China's official basis). */
export interface Bases {
  basic: number;
  basicPlus: number;
  /** Scope 1: the GPC's territorial total. */
  scope1: number;
  scope2: number;
  scope3: number;
  /** Scopes 1 + 2 + 3: every emission the members report, each shared flow once in the cluster. */
  total: number;
}
export const BASES = ['basic', 'basicPlus', 'scope1', 'scope2', 'scope3', 'total'] as const satisfies readonly (keyof Bases)[];

export interface Text {
  readonly en: string;
  readonly zh: string;
}

/** One part of a member's line that the cluster does not count again. */
export interface Removal {
  readonly member: string;
  /** The line's index in the member's `activities`. */
  readonly index: number;
  readonly gpc: string;
  readonly kind: FlowKind;
  readonly reason: RemovalReason;
  readonly counterpart: { readonly member: string; readonly row: string };
  readonly share: number;
  /** Where the pairing was stated, and its place there (`pairings[0]`, `members.beta.activities[3].counterpart`). */
  readonly stated: PairingStated;
  readonly place: string;
  /** tCO2e removed: share × the line's CO2e. */
  readonly co2e: number;
  /** The bases it is removed from (the others count the line as the member does). */
  readonly bases: readonly (keyof Bases)[];
  readonly text: Text;
}

export interface ReconciliationRow {
  readonly member: string;
  readonly name: string;
  readonly nameZh?: string | undefined;
  /** What the member reports. */
  readonly reports: Bases & { energyCo2?: number | undefined };
  /** What the cluster removes from it as internal (≥ 0 on every basis). */
  readonly removed: Bases;
  /** reports − removed, basis by basis: the member's part in the cluster. */
  readonly counted: Bases;
  readonly removals: readonly Removal[];
}

/** A member's cross-boundary line, or part of one, that no pairing names: counted in full, never guessed internal. */
export interface UnpairedLine {
  readonly member: string;
  readonly index: number;
  readonly gpc: string;
  readonly kind: FlowKind;
  /** The part of the line no pairing names, 0–1. */
  readonly share: number;
  readonly co2e: number;
}

/**
 * A pairing that is valid but does not match the members' figures: nothing is removed for it. `pairing`
 * (`pairings`) is its index in the cluster's `pairings`, absent for one stated on a line; `place` (`places`)
 * says where it was stated in either case.
 */
export type ClusterProblem =
  /** The counterpart has no line on the row that would hold the flow in its scope 1. */
  | { readonly code: 'counterpart-without-row'; readonly pairing?: number | undefined; readonly place: string; readonly member: string; readonly rows: readonly string[] }
  /** The counterpart has lines on both candidate rows and the pairing does not say which. */
  | { readonly code: 'counterpart-row-ambiguous'; readonly pairing?: number | undefined; readonly place: string; readonly member: string; readonly rows: readonly string[] }
  /** Members take more from a member than it exports: both numbers. */
  | {
      readonly code: 'exceeds-exports';
      readonly member: string;
      readonly carrier: 'electricity' | 'heat';
      readonly unit: 'MWh' | 'GJ';
      readonly paired: number;
      readonly exports: number;
      readonly pairings: readonly number[];
      readonly places: readonly string[];
    }
  /**
   * Members send more waste to a member than it reports treating on the row (t), or drive more vehicle-km in it
   * than its II.x.1 lines report: both numbers.
   */
  | (StatedActivity & { readonly code: 'exceeds-activity'; readonly pairings: readonly number[] });

/** Waste (t) or vehicle-km stated by pairings on a member's row, against what the member's lines there report. */
export interface StatedActivity {
  readonly member: string;
  readonly kind: 'waste' | 'trips';
  readonly row: string;
  readonly unit: 't' | 'vkm';
  readonly paired: number;
  readonly reported: number;
  readonly places: readonly string[];
}

/**
 * A stated amount the cluster could not check, and why: the pairing still removes its line (nothing contradicts
 * it), and the result says so. `amount-unchecked`: the counterpart's lines on the paired row do not give the tonnes
 * treated or the vehicle-km (they give measured gases, fuel burnt, or a deposit history), or give them for some
 * lines only and those fall short.
 */
export interface ClusterNote extends StatedActivity {
  readonly code: 'amount-unchecked';
  /** `reported`: what the counterpart's lines on the row do report (t, vkm); `without`: its lines that give no amount. */
  readonly without: readonly number[];
  readonly text: Text;
}

/** Input that cannot be aggregated as given, with its place (`pairings[2].share`). */
export interface ClusterIssue {
  readonly path: readonly (string | number)[];
  readonly code:
    | 'no-members'
    | 'duplicate-member'
    | 'different-years'
    | 'unknown-member'
    | 'unknown-line'
    | 'not-cross-boundary'
    | 'own-counterpart'
    | 'share-out-of-range'
    | 'amount-out-of-range'
    | 'amount-wrong-carrier'
    | 'over-paired'
    | 'counterpart-row-invalid'
    | 'unknown-counterpart-city'
    | 'ambiguous-counterpart-city'
    | 'stated-twice';
  readonly text: Text;
}

/** China's official energy-activity CO2 of the cluster, or why it is not computed. */
export type ClusterOfficial =
  | {
      readonly computed: true;
      /** tCO2: combustion in the members plus the cluster's net imports at the common grid factor. */
      readonly energyCo2: number;
      readonly combustion: number;
      /** MWh: the members' net imports summed; transfers between members cancel (one's export is the other's import). */
      readonly electricityNetImports: number;
      readonly electricityCo2: number;
      readonly heatCo2: number;
      readonly gridFactor?: string | undefined;
      readonly text: Text;
    }
  | { readonly computed: false; readonly reason: 'not-all-chinese' | 'different-factors' | 'different-heat-options'; readonly text: Text };

export interface ClusterResult {
  readonly year: number;
  readonly members: readonly { readonly id: string; readonly name: string; readonly nameZh?: string | undefined }[];
  /** The cluster's GPC totals, each shared flow counted once (tCO2e). */
  readonly totals: Bases;
  readonly bySector: Readonly<Record<string, ScopeTotals>>;
  readonly official: ClusterOfficial;
  /** Member by member, in id order; and the sums: members − removed = cluster on every basis. */
  readonly reconciliation: {
    readonly rows: readonly ReconciliationRow[];
    readonly members: Bases;
    readonly removed: Bases;
  };
  readonly unpaired: readonly UnpairedLine[];
  readonly problems: readonly (ClusterProblem & { readonly text: Text })[];
  /** Stated amounts that could not be checked; their pairings remove their lines. */
  readonly notes: readonly ClusterNote[];
  /** The rules applied, as the result states them. */
  readonly conventions: readonly Text[];
}

export type ClusterRun = { readonly ok: true; readonly value: ClusterResult } | { readonly ok: false; readonly issues: readonly ClusterIssue[] };
