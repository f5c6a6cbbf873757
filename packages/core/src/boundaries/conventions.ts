import type { InventoryResult } from '../inventory/types.ts';
import { mismatchText } from './texts.ts';
import type { ConventionMismatch } from './types.ts';

/**
 * Where a part was computed with another convention than its city (what both inventory results record: year, GWP
 * set, default factor set, factor library version, energy accounting, the grid factor of electricity lines, the
 * value of a library factor both use, the method of a `method` row). Line-given factors (`line:…`) are the part's
 * own data, not a convention, and are not compared.
 */
export function conventionMismatches(city: InventoryResult, partId: string, part: InventoryResult): ConventionMismatch[] {
  const found: ConventionMismatch[] = [];
  const add = (code: ConventionMismatch['code'], cityValue: string, partValue: string, rows: readonly string[] = []): void => {
    found.push({ part: partId, code, city: cityValue, partValue, rows, text: mismatchText(code, partId, cityValue, partValue, rows) });
  };
  if (part.year !== city.year) add('year', String(city.year), String(part.year));
  if (part.gwp !== city.gwp) add('gwp', city.gwp, part.gwp);
  if (part.factorSet !== city.factorSet) add('factor-set', city.factorSet, part.factorSet);
  if (part.factorLibrary.version !== city.factorLibrary.version) add('library-version', city.factorLibrary.version, part.factorLibrary.version);
  if (part.energy.method !== city.energy.method) add('energy-accounting', city.energy.method, part.energy.method);

  const cityGrid = gridFactors(city);
  const partGrid = gridFactors(part);
  if (cityGrid.size > 0) {
    for (const [id, rows] of partGrid) {
      if (!cityGrid.has(id)) add('grid-factor', [...cityGrid.keys()].join(', '), id, [...rows].sort());
    }
  }

  const cityValues = libraryFactorValues(city);
  for (const [id, { value, rows }] of libraryFactorValues(part)) {
    const cityValue = cityValues.get(id);
    if (cityValue !== undefined && cityValue.value !== value) add('factor-value', `${id} = ${cityValue.value}`, `${id} = ${value}`, [...rows].sort());
  }

  const cityMethods = methodsByRow(city);
  for (const [gpc, methods] of methodsByRow(part)) {
    const cityRow = cityMethods.get(gpc);
    if (cityRow === undefined) continue;
    for (const method of methods) if (!cityRow.has(method)) add('method', [...cityRow].sort().join(', '), method, [gpc]);
  }
  return found;
}

/** The emission factors electricity lines took (the grid factor), with their rows. */
function gridFactors(result: InventoryResult): Map<string, Set<string>> {
  const byId = new Map<string, Set<string>>();
  for (const line of result.lines) {
    if (line.form !== 'electricity') continue;
    for (const factor of line.factors) {
      // The emission factor (t/MWh); not the line's standard-coal factor (kgce/kWh), the same whatever the grid.
      if (factor.id.startsWith('line:') || factor.unit.includes('ce/')) continue;
      const rows = byId.get(factor.id) ?? new Set<string>();
      rows.add(line.gpc);
      byId.set(factor.id, rows);
    }
  }
  return byId;
}

function libraryFactorValues(result: InventoryResult): Map<string, { value: number; rows: Set<string> }> {
  const byId = new Map<string, { value: number; rows: Set<string> }>();
  for (const line of result.lines) {
    for (const factor of line.factors) {
      if (factor.id.startsWith('line:')) continue;
      const entry = byId.get(factor.id) ?? { value: factor.value, rows: new Set<string>() };
      entry.rows.add(line.gpc);
      byId.set(factor.id, entry);
    }
  }
  return byId;
}

function methodsByRow(result: InventoryResult): Map<string, Set<string>> {
  const byRow = new Map<string, Set<string>>();
  for (const line of result.lines) {
    if (line.method === undefined) continue;
    const methods = byRow.get(line.gpc) ?? new Set<string>();
    methods.add(line.method);
    byRow.set(line.gpc, methods);
  }
  return byRow;
}
