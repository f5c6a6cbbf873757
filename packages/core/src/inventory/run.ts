import { defaultLibrary } from '../factors/default-library.ts';
import type { FactorLibrary } from '../factors/library.ts';
import type { Issue } from '../issues/issue.ts';
import { computeInventory } from './compute.ts';
import { parseInventory } from './parse.ts';
import { inventoryWarnings } from './plausibility.ts';
import type { InventoryResult } from './types.ts';

/** Validates and computes an inventory document in one call: the result with its warnings, or every problem in it. */
export function runInventory(
  document: unknown,
  library: FactorLibrary = defaultLibrary,
): { ok: true; result: InventoryResult; warnings: readonly Issue[] } | { ok: false; issues: readonly Issue[] } {
  const parsed = parseInventory(document, library);
  if (!parsed.ok) return parsed;
  const result = computeInventory(parsed.inventory, library);
  return { ok: true, result, warnings: [...parsed.warnings, ...inventoryWarnings(parsed.inventory, result)] };
}
