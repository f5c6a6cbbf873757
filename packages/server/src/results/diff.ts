import type { InventoryJson } from '@peakpath/core';
import { diffBodies, type Actor } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import { inventoryResult } from './compute.ts';

const TOTALS = ['basic', 'basicPlus', 'territorial', 'scope1', 'scope2', 'scope3'] as const;
type TotalName = (typeof TOTALS)[number];

export interface Change {
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

/** One activity line's emissions in both versions; a line only in one of them has 0 in the other. */
export interface LineChange extends Change {
  /** `<gpc> <fuel, energy, method or gas>`, then `#n` for the n-th such line: how lines are paired across versions. */
  readonly key: string;
  readonly gpc: string;
  /** The line's position in `activities` in each version (null where it is absent). */
  readonly beforeIndex: number | null;
  readonly afterIndex: number | null;
}

const change = (before: number, after: number): Change => ({ before, after, change: after - before });

/** What names a line within its row: what it burns or uses, or its method or gas. */
function lineKeys(result: InventoryJson, body: unknown): Map<string, { index: number; gpc: string; co2e: number }> {
  const activities = (body as { activities?: unknown }).activities;
  const seen = new Map<string, number>();
  const keyed = new Map<string, { index: number; gpc: string; co2e: number }>();
  for (const line of result.lines) {
    const source = Array.isArray(activities) ? (activities[line.index] as Record<string, unknown> | undefined) : undefined;
    const what = String(source?.['fuel'] ?? source?.['energy'] ?? line.method ?? source?.['gas'] ?? line.form);
    const base = `${line.gpc} ${what}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    keyed.set(`${base}#${n}`, { index: line.index, gpc: line.gpc, co2e: line.co2e });
  }
  return keyed;
}

/**
 * What changed in an inventory's totals between two versions, and why: the totals and each sector's
 * BASIC before and after, and the lines whose emissions changed most (pairing lines by row and fuel,
 * so an edited amount shows as one line that changed rather than one removed and one added).
 */
export function inventoryChanges(before: InventoryJson, beforeBody: unknown, after: InventoryJson, afterBody: unknown, top: number) {
  const totals = Object.fromEntries(TOTALS.map((name) => [name, change(name === 'territorial' ? territorial(before) : before.totals[name as Exclude<TotalName, 'territorial'>], name === 'territorial' ? territorial(after) : after.totals[name as Exclude<TotalName, 'territorial'>])]));
  const sectors = [...new Set([...Object.keys(before.bySector), ...Object.keys(after.bySector)])].sort();
  const bySector = sectors.map((sector) => ({ sector, basic: change(before.bySector[sector]?.basic ?? 0, after.bySector[sector]?.basic ?? 0), basicPlus: change(before.bySector[sector]?.basicPlus ?? 0, after.bySector[sector]?.basicPlus ?? 0) }));
  const was = lineKeys(before, beforeBody);
  const is = lineKeys(after, afterBody);
  const lines: LineChange[] = [...new Set([...was.keys(), ...is.keys()])].map((key) => {
    const a = was.get(key);
    const b = is.get(key);
    return { key, gpc: (a ?? b)!.gpc, beforeIndex: a?.index ?? null, afterIndex: b?.index ?? null, ...change(a?.co2e ?? 0, b?.co2e ?? 0) };
  });
  const changed = lines.filter((line) => line.change !== 0).sort((x, y) => Math.abs(y.change) - Math.abs(x.change));
  return { totals, bySector, linesChanged: changed.length, topLines: changed.slice(0, top) };
}

const territorial = (result: InventoryJson): number => Object.values(result.bySector).reduce((sum, sector) => sum + sector.territorial, 0);

/** The diff of two versions of a document: by line (the store's), and for an inventory by result. */
export async function diffVersions(context: AppContext, actor: Actor, documentId: string, from: number, to: number, top: number) {
  const document = await context.store.document(actor, documentId);
  const [before, after] = await Promise.all([context.store.version(actor, documentId, from), context.store.version(actor, documentId, to)]);
  const lines = diffBodies(before.body, after.body);
  if (document.kind !== 'inventory') return { from, to, lines, result: null };
  const [a, b] = await Promise.all([inventoryResult(context, { document, version: before }), inventoryResult(context, { document, version: after })]);
  return { from, to, lines, result: inventoryChanges(a.value, before.body, b.value, after.body, top) };
}
