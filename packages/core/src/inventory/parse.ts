import { defaultLibrary } from '../factors/default-library.ts';
import { GWP_SETS, type FactorLibrary } from '../factors/library.ts';
import type { Issue } from '../issues/issue.ts';
import { defaultMethods } from '../methods/registry.ts';
import type { MethodCalculator } from '../methods/method.ts';
import { warnDuplicateLines } from './duplicates.ts';
import { warnLandfillGasBalance } from './landfill-gas-balance.ts';
import { readGrid, readLines, type LineSkips } from './lines.ts';
import { reportOverflow } from './overflow.ts';
import { Reader, type Fields } from '../reading/reader.ts';
import { migrate } from '../reading/versions.ts';
import { factorRef } from '../accounting/statements.ts';
import { readOfficial, readSupply } from '../official/read.ts';
import { gwpWeights, type ResolveContext } from './resolve.ts';
import type { ActivityLine, EnergyAccounting, Entity, FactorSet, Inventory } from './types.ts';
import type { Supply } from '../official/types.ts';

export type ParseResult =
  | { readonly ok: true; readonly inventory: Inventory; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

const fieldSet = (...fields: string[]): ReadonlySet<string> => new Set(fields);
const TOP_FIELDS = fieldSet('$schema', 'version', 'city', 'year', 'gwp', 'factorSet', 'grid', 'population', 'gdp', 'activities', 'energyAccounting', 'supply', 'official', 'description', 'note', 'source');
const CITY_FIELDS = fieldSet('name', 'nameZh', 'country', 'region');
const GDP_FIELDS = fieldSet('value', 'unit', 'prices');
const ENERGY_ACCOUNTING_FIELDS = fieldSet('method', 'coalRate');

/**
 * Validates an inventory file (already parsed from JSON or YAML) and resolves every line's
 * factors. Every problem in the file is reported at once, each with its path; a value a method
 * needs and cannot find is a problem, never a guess.
 */
export function parseInventory(
  document: unknown,
  library: FactorLibrary = defaultLibrary,
  methods: ReadonlyMap<string, MethodCalculator> = defaultMethods,
): ParseResult {
  const reader = new Reader();
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    const got = document === null ? 'null' : Array.isArray(document) ? 'array' : typeof document;
    return { ok: false, issues: [{ path: [], code: 'not-a-document', got }] };
  }
  // Version 1 is the only inventory format so far: `version` is checked, nothing is renamed.
  const migrated = migrate('inventory', document);
  reader.issues.push(...migrated.issues);
  if (migrated.unreadable) return { ok: false, issues: reader.issues };
  const top = migrated.document as Fields;
  reader.onlyFields(top, TOP_FIELDS, []);

  const entity = readEntity(reader, top);
  const year = reader.number(top, 'year', [], { required: true, integer: true, min: 1900, max: 2100 });
  const gwp = reader.choice(top, 'gwp', [], GWP_SETS, false);
  const factorSetGiven = reader.choice(top, 'factorSet', [], ['cn', 'ipcc2006'] as const, false);
  const factorSet: FactorSet = factorSetGiven ?? (entity?.country?.toUpperCase() === 'CN' ? 'cn' : 'ipcc2006');
  const grid = readGrid(reader, top, [], library, year);
  const population = reader.count(top, 'population', [], 'population', false);
  for (const text of ['$schema', 'description', 'note', 'source']) reader.string(top, text, [], false);
  const gdp = readGdp(reader, top, year);
  const energyAccounting = readEnergyAccounting(reader, top);
  const supply = readSupply(reader, top, (fields, path) => {
    const choice = readGrid(reader, fields, path, library, year);
    return choice === null ? null : choice === undefined ? undefined : factorRef(choice.factor);
  });
  const official = readOfficial(reader, top, year, energyAccounting?.method === 'coal-consumption' ? energyAccounting.coalRate : undefined);

  const defaultsApplied: ('gwp' | 'factorSet')[] = [];
  if (top['gwp'] === undefined) defaultsApplied.push('gwp');
  if (top['factorSet'] === undefined) defaultsApplied.push('factorSet');

  // Lines are checked even when top-level fields are wrong, so that every problem shows at once;
  // the fallbacks below only let them be checked, and the result is discarded if anything failed.
  const context: ResolveContext = {
    library,
    factorSet,
    gwp: gwpWeights(library, gwp ?? 'AR5'),
    grid: grid ?? undefined,
    energyAccounting: energyAccounting ?? { method: 'calorific' },
    year,
  };
  // A top-level value that is wrong is reported once, not again on every line that relies on it.
  // (An invalid country leaves the default factor set unknown, as an invalid factorSet does.)
  const factorSetUnknown =
    (top['factorSet'] !== undefined && factorSetGiven === undefined) ||
    (top['factorSet'] === undefined && reader.issues.some((issue) => issue.code === 'invalid-country'));
  const skip: LineSkips = { fuel: factorSetUnknown, missingGrid: grid === null };
  const lines = readLines(reader, top, context, skip, methods);
  if (lines && reader.issues.length === 0) reportOverflow(reader, lines);

  if (reader.issues.length > 0 || !entity || year === undefined || !lines || !energyAccounting || !supply || !official) {
    return { ok: false, issues: reader.issues };
  }
  warnDuplicateLines(reader, top['activities'] as readonly unknown[], lines);
  warnGenerationMissing(reader, lines, supply);
  warnLandfillGasBalance(reader, top['activities'] as readonly unknown[], lines);
  return {
    ok: true,
    warnings: reader.warnings,
    inventory: {
      entity,
      year,
      gwp: gwp ?? 'AR5',
      factorSet,
      grid: grid?.factor.id,
      population,
      gdpWanYuan: gdp?.wanYuan,
      gdpPrices: gdp?.prices,
      energyAccounting,
      supply,
      official,
      defaultsApplied,
      lines,
    },
  };
}

/** Plants' fuel in I.4.4 with nothing in `supply` to say what they generate: the official quantity would count it twice. */
function warnGenerationMissing(reader: Reader, lines: readonly ActivityLine[], supply: Supply): void {
  const { electricity } = supply;
  if (electricity.generation.length > 0 || electricity.imports !== undefined) return;
  const plants = lines.filter((line) => line.form === 'fuel' && line.row.ref === 'I.4.4' && line.use === undefined).map((line) => line.index);
  if (plants.length > 0) reader.warn(['supply'], { code: 'generation-missing', lines: plants });
}

function readEntity(reader: Reader, top: Fields): Entity | undefined {
  const city = top['city'];
  if (city === undefined) return void reader.report(['city'], { code: 'required' });
  if (typeof city === 'string') return city.trim() === '' ? void reader.report(['city'], { code: 'type', expected: 'string', got: 'an empty string' }) : { name: city };
  const fields = reader.object(city, ['city']);
  if (!fields) return undefined;
  reader.onlyFields(fields, CITY_FIELDS, ['city']);
  const name = reader.string(fields, 'name', ['city'], true);
  const nameZh = reader.string(fields, 'nameZh', ['city'], false);
  const country = reader.string(fields, 'country', ['city'], false);
  const region = reader.string(fields, 'region', ['city'], false);
  if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) reader.report(['city', 'country'], { code: 'invalid-country', got: country });
  return name === undefined ? undefined : { name, nameZh, country: country?.toUpperCase(), region };
}

/** GDP in 万元, and the year of the constant prices it is in when the file says (`prices`). */
function readGdp(reader: Reader, top: Fields, year: number | undefined): { wanYuan: number; prices?: number | undefined } | undefined {
  if (top['gdp'] === undefined) return undefined;
  const gdp = reader.object(top['gdp'], ['gdp']);
  if (!gdp) return undefined;
  reader.onlyFields(gdp, GDP_FIELDS, ['gdp']);
  const value = reader.number(gdp, 'value', ['gdp'], { required: true, positive: true });
  const unit = reader.choice(gdp, 'unit', ['gdp'], ['CNY', '万元', '亿元'] as const, true);
  const prices = reader.number(gdp, 'prices', ['gdp'], { required: false, integer: true, min: 1950, max: 2100 });
  if (prices !== undefined && year !== undefined && prices > year) reader.report(['gdp', 'prices'], { code: 'after-inventory-year', got: prices, year });
  if (value === undefined || unit === undefined) return undefined;
  return { wanYuan: value * { CNY: 1e-4, 万元: 1, 亿元: 1e4 }[unit], prices };
}

function readEnergyAccounting(reader: Reader, top: Fields): EnergyAccounting | undefined {
  if (top['energyAccounting'] === undefined) return { method: 'calorific' };
  const at = ['energyAccounting'];
  const fields = reader.object(top['energyAccounting'], at);
  if (!fields) return undefined;
  reader.onlyFields(fields, ENERGY_ACCOUNTING_FIELDS, at);
  const method = reader.choice(fields, 'method', at, ['calorific', 'coal-consumption'] as const, true);
  if (method === 'calorific') {
    if (fields['coalRate'] !== undefined) reader.report([...at, 'coalRate'], { code: 'not-applicable', field: 'coalRate', reason: 'coal-rate' });
    return { method };
  }
  if (method === undefined) return undefined;
  const coalRate = reader.given(fields, 'coalRate', at);
  if (fields['coalRate'] === undefined) return void reader.report(at, { code: 'missing-coal-rate' });
  if (!coalRate) return undefined;
  if (coalRate.unit.dimension !== 'energy/energy') {
    return void reader.report([...at, 'coalRate', 'unit'], { code: 'wrong-dimension', unit: coalRate.unit.id, got: coalRate.unit.dimension, expected: ['energy/energy'] });
  }
  return { method, coalRate };
}

