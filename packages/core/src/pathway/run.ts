import { defaultLibrary } from '../factors/default-library.ts';
import type { FactorLibrary } from '../factors/library.ts';
import { gwpWeights } from '../inventory/resolve.ts';
import { parseInventory } from '../inventory/parse.ts';
import type { Issue } from '../issues/issue.ts';
import type { BaseInventory } from './parse.ts';

/** The base inventory of a pathway from an inventory document: validated and resolved, or its problems. */
export function baseInventory(
  document: unknown,
  library: FactorLibrary = defaultLibrary,
): { ok: true; base: BaseInventory; warnings: readonly Issue[] } | { ok: false; issues: readonly Issue[] } {
  const parsed = parseInventory(document, library);
  if (!parsed.ok) return parsed;
  const { inventory } = parsed;
  return { ok: true, warnings: parsed.warnings, base: { inventory, library, gwp: inventory.gwp, n2oWeight: gwpWeights(library, inventory.gwp).n2o.weight } };
}
