import type { InventoryResult, LineResult } from '../inventory/types.ts';

/** The three areas of a district's operational emissions (C40 climate positive: energy, transport, waste). */
export type OperationalArea = 'energy' | 'transport' | 'waste';

/**
 * Which GPC rows are a district's operational emissions (data/districts/criteria.json `operationalRows`):
 * energy — sector I at BASIC (I.x.1, I.x.2; I.4.4, generation for the grid, is territorial only and its power is
 * counted where it is used); transport — sector II at BASIC and BASIC+ (II.x.1–3, the district's trips across its
 * boundary included); waste — sector III at BASIC (III.x.1, III.x.2: the waste the district generates; III.x.3,
 * others' waste treated here, is theirs). IPPU, AFOLU and other scope 3 are outside.
 */
export function operationalArea(line: LineResult): OperationalArea | undefined {
  const sector = line.gpc.split('.')[0];
  if (sector === 'I' && line.level === 'BASIC') return 'energy';
  if (sector === 'II' && (line.level === 'BASIC' || line.level === 'BASIC+')) return 'transport';
  if (sector === 'III' && line.level === 'BASIC') return 'waste';
  return undefined;
}

export interface OperationalEmissions {
  readonly energy: number;
  readonly transport: number;
  readonly waste: number;
  readonly total: number;
  /** Per GPC row, in the inventory's line order: the rows that make the figures. */
  readonly rows: readonly { readonly gpc: string; readonly area: OperationalArea; readonly co2e: number }[];
}

export function operationalEmissions(result: InventoryResult): OperationalEmissions {
  const totals = { energy: 0, transport: 0, waste: 0 };
  const rows = new Map<string, { gpc: string; area: OperationalArea; co2e: number }>();
  for (const line of result.lines) {
    const area = operationalArea(line);
    if (area === undefined) continue;
    totals[area] += line.co2e;
    const row = rows.get(line.gpc) ?? { gpc: line.gpc, area, co2e: 0 };
    row.co2e += line.co2e;
    rows.set(line.gpc, row);
  }
  return { ...totals, total: totals.energy + totals.transport + totals.waste, rows: [...rows.values()] };
}
