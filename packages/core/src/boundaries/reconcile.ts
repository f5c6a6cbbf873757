import type { InventoryResult, LineResult } from '../inventory/types.ts';
import { conventionMismatches } from './conventions.ts';
import { boundaryIssue, boundaryTexts, differenceText } from './texts.ts';
import {
  SECTOR_BASES,
  TOTAL_BASES,
  type Basis,
  type BasisLine,
  type BoundaryInventory,
  type BoundaryIssue,
  type BoundaryRun,
  type Difference,
  type PartsReconciliation,
  type ReconcileOptions,
  type RowDifference,
  type SectorBasis,
} from './types.ts';

/** The tolerance when none is stated, tCO2e: half a tonne, below what an inventory reports. */
export const DEFAULT_TOLERANCE = 0.5;

/** The id a stated remainder inventory has in `mismatches`. */
export const REMAINDER_ID = 'remainder';

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A city's inventory checked against its parts' (districts, industrial parks, communities; docs/districts.md), each
 * computed by the engine, and a remainder: per basis (BASIC, BASIC+, scopes 1–3, each GPC sector's) the parts' sum,
 * the remainder (stated, or computed as city − parts and labelled so) and city − parts − remainder; the differences
 * beyond the tolerance with the GPC rows that make them; and every part computed with another convention than the
 * city's (conventions.ts). Nothing is adjusted: a mismatch is reported, never converted.
 */
export function reconcileParts(city: BoundaryInventory, parts: readonly BoundaryInventory[], options: ReconcileOptions = {}): BoundaryRun<PartsReconciliation> {
  const issues: BoundaryIssue[] = [];
  if (parts.length === 0) issues.push(boundaryIssue(['parts'], 'no-parts'));
  const seen = new Set<string>([city.id]);
  parts.forEach((part, at) => {
    if (seen.has(part.id)) issues.push(boundaryIssue(['parts', at, 'id'], 'duplicate-part', part.id));
    seen.add(part.id);
  });
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!Number.isFinite(tolerance) || tolerance < 0) issues.push(boundaryIssue(['tolerance'], 'tolerance-out-of-range', String(tolerance)));
  const remainder = options.remainder;
  const remainderResult = remainder !== undefined && 'result' in remainder ? remainder.result : undefined;
  // The stated remainder inventory is named `remainder` in the mismatches: no part may take that id.
  if (remainderResult !== undefined) {
    parts.forEach((part, at) => {
      if (part.id === REMAINDER_ID) issues.push(boundaryIssue(['parts', at, 'id'], 'duplicate-part', part.id));
    });
  }
  const ordered = [...parts].sort((a, b) => byId(a.id, b.id));
  const basisList = allBases(city.result, ordered, remainderResult);
  if (remainder !== undefined && 'figures' in remainder) {
    for (const [basis, value] of Object.entries(remainder.figures)) {
      // A figure on a basis no inventory has (a typo, a sector none reports) would be ignored: refused instead.
      if (!(basisList as string[]).includes(basis)) issues.push(boundaryIssue(['remainder', 'figures', basis], 'unknown-basis', basis));
      else if (value !== undefined && !Number.isFinite(value)) issues.push(boundaryIssue(['remainder', 'figures', basis], 'remainder-not-finite', String(value)));
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const stated = remainder !== undefined;

  const bases: BasisLine[] = [];
  const differences: Difference[] = [];
  for (const basis of basisList) {
    const cityValue = basisValue(city.result, basis);
    const byPart: Record<string, number> = {};
    let partsSum = 0;
    for (const part of ordered) {
      const value = basisValue(part.result, basis);
      byPart[part.id] = value;
      partsSum += value;
    }
    const statedValue = remainderResult !== undefined ? basisValue(remainderResult, basis) : remainder !== undefined && 'figures' in remainder ? remainder.figures[basis] : undefined;
    const remainderKind = statedValue === undefined ? 'computed' : 'stated';
    const remainderValue = statedValue ?? cityValue - partsSum;
    const difference = statedValue === undefined ? 0 : cityValue - partsSum - statedValue;
    bases.push({ basis, city: cityValue, parts: partsSum, byPart, remainder: remainderValue, remainderKind, difference });

    const code = remainderKind === 'stated' ? (Math.abs(difference) > tolerance ? 'beyond-tolerance' : undefined) : remainderValue < -tolerance ? 'parts-exceed-city' : undefined;
    if (code !== undefined) {
      const shown = code === 'beyond-tolerance' ? difference : remainderValue;
      differences.push({
        basis,
        code,
        difference: shown,
        tolerance,
        rows: rowDifferences(basis, city.result, ordered, remainderResult),
        text: differenceText(code, basis, shown, tolerance),
      });
    }
  }

  return {
    ok: true,
    value: {
      city: city.id,
      year: city.result.year,
      parts: ordered.map((part) => part.id),
      tolerance,
      remainderKind: stated ? 'stated' : 'computed',
      bases,
      differences,
      mismatches: [
        ...ordered.flatMap((part) => conventionMismatches(city.result, part.id, part.result)),
        ...(remainderResult !== undefined ? conventionMismatches(city.result, REMAINDER_ID, remainderResult) : []),
      ],
      conventions: [
        boundaryTexts.scope1Sum,
        stated ? boundaryTexts.remainderStated : boundaryTexts.remainderComputed,
        boundaryTexts.tolerance(tolerance, options.tolerance !== undefined),
      ],
    },
  };
}

/** The totals' bases, then each sector's any inventory has, in the city's sector order and then the others'. */
function allBases(city: InventoryResult, parts: readonly BoundaryInventory[], remainder: InventoryResult | undefined): Basis[] {
  const sectors: string[] = [];
  for (const result of [city, ...parts.map((part) => part.result), ...(remainder ? [remainder] : [])]) {
    for (const sector of Object.keys(result.bySector)) if (!sectors.includes(sector)) sectors.push(sector);
  }
  return [...TOTAL_BASES, ...sectors.flatMap((sector) => SECTOR_BASES.map((basis): Basis => `${sector}.${basis}`))];
}

function splitBasis(basis: Basis): { sector?: string; basis: SectorBasis } {
  const dot = basis.lastIndexOf('.');
  if (dot < 0) return { basis: basis as SectorBasis };
  return { sector: basis.slice(0, dot), basis: basis.slice(dot + 1) as SectorBasis };
}

/** The inventory's own total on a basis (its `totals`, or its `bySector` entry; 0 for a sector it has no line in). */
export function basisValue(result: InventoryResult, basis: Basis): number {
  const { sector, basis: name } = splitBasis(basis);
  if (sector === undefined) return name === 'territorial' ? 0 : result.totals[name];
  return result.bySector[sector]?.[name] ?? 0;
}

/** Whether a line counts on a basis, by its GPC row's scope and reporting level (inventory/compute.ts). */
function onBasis(line: LineResult, basis: Basis): boolean {
  const { sector, basis: name } = splitBasis(basis);
  if (sector !== undefined && line.gpc.split('.')[0] !== sector) return false;
  switch (name) {
    case 'basic':
      return line.level === 'BASIC';
    case 'basicPlus':
      return line.level === 'BASIC' || line.level === 'BASIC+';
    case 'territorial':
      return line.level === 'territorial';
    case 'scope1':
      return line.scope === 1;
    case 'scope2':
      return line.scope === 2;
    case 'scope3':
      return line.scope === 3;
    default: {
      const unhandled: never = name;
      throw new Error(`unhandled basis ${String(unhandled)}`);
    }
  }
}

function rowTotals(result: InventoryResult, basis: Basis): Map<string, number> {
  const rows = new Map<string, number>();
  for (const line of result.lines) if (onBasis(line, basis)) rows.set(line.gpc, (rows.get(line.gpc) ?? 0) + line.co2e);
  return rows;
}

/** The GPC rows where the city's figure is not the parts' (plus a stated remainder inventory's), largest first. */
function rowDifferences(basis: Basis, city: InventoryResult, parts: readonly BoundaryInventory[], remainder: InventoryResult | undefined): RowDifference[] {
  const cityRows = rowTotals(city, basis);
  const partRows = parts.map((part) => ({ id: part.id, rows: rowTotals(part.result, basis) }));
  const remainderRows = remainder ? rowTotals(remainder, basis) : undefined;
  const gpcs = new Set<string>([...cityRows.keys(), ...partRows.flatMap((part) => [...part.rows.keys()]), ...(remainderRows?.keys() ?? [])]);
  const found: RowDifference[] = [];
  for (const gpc of gpcs) {
    const cityValue = cityRows.get(gpc) ?? 0;
    const byPart: Record<string, number> = {};
    let sum = 0;
    for (const part of partRows) {
      const value = part.rows.get(gpc) ?? 0;
      byPart[part.id] = value;
      sum += value;
    }
    const remainderValue = remainderRows?.get(gpc) ?? (remainderRows ? 0 : undefined);
    const difference = cityValue - sum - (remainderValue ?? 0);
    if (Math.abs(difference) > 1e-9 * Math.max(1, Math.abs(cityValue))) found.push({ gpc, city: cityValue, parts: byPart, remainder: remainderValue, difference });
  }
  return found.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || byId(a.gpc, b.gpc));
}
