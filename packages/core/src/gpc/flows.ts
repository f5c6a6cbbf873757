import type { GpcRow } from './structure.ts';

/** The kinds of flow between cities that report the same emissions on different rows. */
export type FlowKind = 'electricity' | 'heat' | 'waste' | 'trips';

/**
 * Which inventory lines can be flows between cities whose inventories are added (a cluster, docs/clusters.md), and
 * what the cluster does with them. A GPC rule: an inventory line's `counterpart:` is checked against it too.
 *
 * The GPC aggregates the inventories of cities whose boundaries do not overlap by adding their scope 1 (territorial)
 * emissions (GPC 2014, executive summary, "Aggregating city inventories"): scope 1 is never removed. A member's
 * scope 2 or 3 line is another member's scope 1 when the flow stays inside the cluster:
 *
 * - grid energy (GPC stationary energy, chapter 6; transportation, chapter 7): electricity or heat a member
 *   consumes (I.x.2, II.x.2: scope 2) and another member generates for the grid (I.4.4: scope 1, territorial only).
 *   Removed from scope 2 and from the scopes total. BASIC keeps it: BASIC leaves I.4.4 out precisely so that the
 *   consumer's scope 2 is the one count of grid energy there (reference/factors.md §4).
 * - waste (GPC waste, chapter 8): waste a member generates and another treats. The generator reports III.x.2
 *   (scope 3, BASIC), the treater III.x.3 ("generated outside, treated inside": scope 1, territorial only) or, when it
 *   does not separate it, III.x.1 (scope 1, BASIC). Removed from scope 3 and the scopes total; from BASIC and BASIC+
 *   too when the treater has it on III.x.1. Otherwise BASIC counts the waste once, on the generator's line, as a
 *   city's BASIC counts the waste it generates.
 * - trips (GPC transportation, chapter 7): the part of transboundary journeys (II.x.3, scope 3, BASIC+) driven on
 *   another member's territory, which that member reports on II.x.1 (scope 1, BASIC). Removed from scope 3, BASIC+
 *   and the scopes total.
 */
export interface FlowRule {
  readonly kind: FlowKind;
  /** The counterpart's rows that hold the flow in its scope 1, in the order a pairing without `row` tries them. */
  readonly counterpartRows: readonly string[];
  /** The field of a pairing that states the flow's amount, checked against the counterpart (pairings.ts). */
  readonly amountField: PairingAmountField;
}

/**
 * The amounts a pairing may state, one per kind of flow: `mwh` (electricity) and `gj` (heat) against the
 * counterpart's net exports; `tonnes` (waste sent) against the tonnes it treats on the paired row; `vkm`
 * (vehicle-km driven in the counterpart) against its II.x.1 vehicle-km.
 */
export const PAIRING_AMOUNT_FIELDS = ['mwh', 'gj', 'tonnes', 'vkm'] as const;
export type PairingAmountField = (typeof PAIRING_AMOUNT_FIELDS)[number];

/** The flow kind of a cross-boundary line (its row, and its form: `heat` for heat), or undefined for lines that are no flow between members. */
export function flowRule(row: GpcRow, form: string): FlowRule | undefined {
  const [sector, sub, last] = row.ref.split('.');
  if (sector === undefined || sub === undefined) return undefined;
  const subsector = `${sector}.${sub}`;
  if ((sector === 'I' || sector === 'II') && row.scope === 2) return form === 'heat' ? { kind: 'heat', counterpartRows: ['I.4.4'], amountField: 'gj' } : { kind: 'electricity', counterpartRows: ['I.4.4'], amountField: 'mwh' };
  if (sector === 'III' && last === '2') return { kind: 'waste', counterpartRows: [`${subsector}.3`, `${subsector}.1`], amountField: 'tonnes' };
  if (sector === 'II' && last === '3') return { kind: 'trips', counterpartRows: [`${subsector}.1`], amountField: 'vkm' };
  return undefined;
}
