import type { Issue, Path } from '../issues/issue.ts';
import { implausible, type PlausibilityBoundId } from '../plausibility/bounds.ts';
import type { Inventory, InventoryResult } from './types.ts';

/**
 * The inventory's values that no city has (data/plausibility.json), as warnings with their paths:
 * population and GDP, the figures per person and per GDP, and each line's emissions and energy alone
 * and against the city's population. A figure derived from a value already warned about (per person
 * of an implausible population) is not warned about again; a figure of 0 (no BASIC line at all) is an
 * absence that completeness reports, not a value out of range.
 */
export function inventoryWarnings(inventory: Inventory, result: InventoryResult): Issue[] {
  const warnings: Issue[] = [];
  const check = (bound: PlausibilityBoundId, value: number, path: Path): boolean => {
    if (!implausible(bound, value)) return false;
    warnings.push({ path, code: 'implausible', bound, got: value });
    return true;
  };
  const population = inventory.population !== undefined && !check('population', inventory.population, ['population']) ? inventory.population : undefined;
  const gdp = inventory.gdpWanYuan !== undefined && !check('gdp', inventory.gdpWanYuan, ['gdp', 'value']) ? inventory.gdpWanYuan : undefined;
  const { basic } = result.totals;
  const energy = result.energy.tce;
  if (population !== undefined) {
    if (gdp !== undefined) check('gdp-per-capita', gdp / population, ['population']);
    if (basic !== 0) check('emissions-per-capita', basic / population, ['population']);
    if (energy !== 0) check('energy-per-capita', energy / population, ['population']);
  }
  if (gdp !== undefined) {
    if (basic !== 0) check('emissions-per-gdp', basic / gdp, ['gdp', 'value']);
    if (energy !== 0) check('energy-per-gdp', energy / gdp, ['gdp', 'value']);
  }
  for (const line of inventory.lines) {
    if (line.form === 'notation') continue;
    // A method line's amount is the calculator's whole result: the line, not one field, is at fault.
    const path: Path = line.form === 'method' ? ['activities', line.index] : ['activities', line.index, 'amount'];
    const co2e = line.amount * line.recipe.co2e;
    const tce = line.amount * line.recipe.tce;
    if (!check('line-emissions', co2e, path) && population !== undefined) check('line-emissions-per-capita', co2e / population, path);
    if (!check('line-energy', tce, path) && population !== undefined) check('line-energy-per-capita', tce / population, path);
  }
  return warnings;
}
