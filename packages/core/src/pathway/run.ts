import { defaultLibrary } from '../factors/default-library.ts';
import type { FactorLibrary } from '../factors/library.ts';
import { gwpWeights } from '../inventory/resolve.ts';
import { parseInventory } from '../inventory/parse.ts';
import type { Issue } from '../issues/issue.ts';
import { parsePathway, type BaseInventory, type PathwayParseResult } from './parse.ts';

/** The base inventory of a pathway from an inventory document: validated and resolved, or its problems. */
export function baseInventory(document: unknown, library: FactorLibrary = defaultLibrary): { ok: true; base: BaseInventory } | { ok: false; issues: readonly Issue[] } {
  const parsed = parseInventory(document, library);
  if (!parsed.ok) return parsed;
  const { inventory } = parsed;
  return { ok: true, base: { inventory, gwp: inventory.gwp, n2oWeight: gwpWeights(library, inventory.gwp).n2o.weight } };
}

/**
 * Validates a pathway document and its inventory document in one call. Problems of the inventory
 * come back under `inventory`, the pathway's under `pathway`, each with paths into its own file.
 */
export function loadPathway(
  pathwayDocument: unknown,
  inventoryDocument: unknown,
  library: FactorLibrary = defaultLibrary,
): PathwayParseResult | { ok: false; inventoryIssues: readonly Issue[] } {
  const base = baseInventory(inventoryDocument, library);
  if (!base.ok) return { ok: false, inventoryIssues: base.issues };
  return parsePathway(pathwayDocument, base.base);
}
