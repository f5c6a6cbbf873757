import { defaultLibrary } from '../factors/default-library.ts';
import { FUEL_IDS, isFuelId } from '../factors/fuels.ts';
import { GASES, GWP_SETS, type Factor, type FactorLibrary, type Gas } from '../factors/library.ts';
import { GPC_ROWS, gpcRow, type GpcRow } from '../gpc/structure.ts';
import type { Issue, Path } from '../issues/issue.ts';
import { closest } from '../text/closest.ts';
import { defaultMethods } from '../methods/registry.ts';
import type { MethodCalculator, MethodOutput } from '../methods/method.ts';
import { unit as knownUnit } from '../units/units.ts';
import { Reader, type Fields } from './reader.ts';
import { RecipeCache } from './recipe-cache.ts';
import { gwpWeights, resolveLine, type GwpWeights, type LineSpec, type ResolveContext } from './resolve.ts';
import {
  NOTATION_KEYS,
  QUALITY_LEVELS,
  ROAD_TECHNOLOGIES,
  type ActivityLine,
  type EnergyAccounting,
  type Entity,
  type FactorSet,
  type GivenValue,
  type Inventory,
  type Recipe,
} from './types.ts';

export type ParseResult = { readonly ok: true; readonly inventory: Inventory } | { readonly ok: false; readonly issues: readonly Issue[] };

const fieldSet = (...fields: string[]): ReadonlySet<string> => new Set(fields);
const TOP_FIELDS = fieldSet('city', 'year', 'gwp', 'factorSet', 'grid', 'population', 'gdp', 'activities', 'energyAccounting', 'description', 'note', 'source');
const CITY_FIELDS = fieldSet('name', 'nameZh', 'country', 'region');
const GDP_FIELDS = fieldSet('value', 'unit');
const ENERGY_ACCOUNTING_FIELDS = fieldSet('method', 'coalRate');
const EF_FIELDS = fieldSet(...GASES);
const COMMON_LINE_FIELDS = ['gpc', 'quality', 'source', 'note'];
/** The fields each form of activity line may have. */
const FORM_FIELDS = {
  fuel: fieldSet(...COMMON_LINE_FIELDS, 'fuel', 'amount', 'unit', 'ncv', 'ef', 'carbonContent', 'oxidation', 'technology'),
  electricity: fieldSet(...COMMON_LINE_FIELDS, 'energy', 'amount', 'unit', 'grid', 'ef'),
  heat: fieldSet(...COMMON_LINE_FIELDS, 'energy', 'amount', 'unit', 'ef'),
  emissions: fieldSet(...COMMON_LINE_FIELDS, 'gas', 'amount', 'unit', 'ch4Origin'),
  notation: fieldSet(...COMMON_LINE_FIELDS, 'notation', 'explanation'),
  method: fieldSet(...COMMON_LINE_FIELDS, 'method'),
} as const;
const ALL_LINE_FIELDS: ReadonlySet<string> = new Set(Object.values(FORM_FIELDS).flatMap((fields) => [...fields]));
/** The key whose presence says which form a line is. */
const FORM_KEYS = ['fuel', 'energy', 'gas', 'notation', 'method'] as const;

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
  const top = document as Fields;
  reader.onlyFields(top, TOP_FIELDS, []);

  const entity = readEntity(reader, top);
  const year = reader.number(top, 'year', [], { required: true, integer: true, min: 1900, max: 2100 });
  const gwp = reader.choice(top, 'gwp', [], GWP_SETS, false);
  const factorSetGiven = reader.choice(top, 'factorSet', [], ['cn', 'ipcc2006'] as const, false);
  const factorSet: FactorSet = factorSetGiven ?? (entity?.country?.toUpperCase() === 'CN' ? 'cn' : 'ipcc2006');
  const grid = readGrid(reader, top, [], library);
  const population = reader.number(top, 'population', [], { required: false, positive: true });
  for (const text of ['description', 'note', 'source']) reader.string(top, text, [], false);
  const gdpWanYuan = readGdp(reader, top);
  const energyAccounting = readEnergyAccounting(reader, top);

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
  const skip: LineSkips = { fuel: top['factorSet'] !== undefined && factorSetGiven === undefined, missingGrid: grid === null };
  const lines = readLines(reader, top, context, skip, methods);

  if (reader.issues.length > 0 || !entity || year === undefined || !lines || !energyAccounting) {
    return { ok: false, issues: reader.issues };
  }
  return {
    ok: true,
    inventory: {
      entity,
      year,
      gwp: gwp ?? 'AR5',
      factorSet,
      grid: grid?.id,
      population,
      gdpWanYuan,
      energyAccounting,
      defaultsApplied,
      lines,
    },
  };
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

function readGrid(reader: Reader, fields: Fields, path: Path, library: FactorLibrary): Factor | null | undefined {
  const id = reader.string(fields, 'grid', path, false);
  if (id === undefined) return undefined;
  const factor = library.get(id);
  if (factor?.kind === 'grid') return factor;
  const gridIds = library.select({ kind: 'grid' }).map((f) => f.id);
  reader.report([...path, 'grid'], { code: 'unknown-grid', got: id, suggestion: closest(id, gridIds) });
  return null;
}

function readGdp(reader: Reader, top: Fields): number | undefined {
  if (top['gdp'] === undefined) return undefined;
  const gdp = reader.object(top['gdp'], ['gdp']);
  if (!gdp) return undefined;
  reader.onlyFields(gdp, GDP_FIELDS, ['gdp']);
  const value = reader.number(gdp, 'value', ['gdp'], { required: true, positive: true });
  const unit = reader.choice(gdp, 'unit', ['gdp'], ['CNY', '万元', '亿元'] as const, true);
  if (value === undefined || unit === undefined) return undefined;
  return value * { CNY: 1e-4, 万元: 1, 亿元: 1e4 }[unit];
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

/** Line checks left out because a top-level problem already explains them. */
interface LineSkips {
  /** `factorSet` was invalid: fuel lines' factors cannot be looked up meaningfully. */
  readonly fuel: boolean;
  /** The top-level `grid` was invalid: lines relying on it are not reported again. */
  readonly missingGrid: boolean;
}

function readLines(
  reader: Reader,
  top: Fields,
  context: ResolveContext,
  skip: LineSkips,
  methods: ReadonlyMap<string, MethodCalculator>,
): ActivityLine[] | undefined {
  const raw = top['activities'];
  if (raw === undefined) return void reader.report(['activities'], { code: 'required' });
  if (!Array.isArray(raw)) return void reader.report(['activities'], { code: 'type', expected: 'array', got: typeof raw });
  const cache = new RecipeCache(isPlain, (spec) => resolveLine(spec, context));
  const lines: ActivityLine[] = [];
  for (let index = 0; index < raw.length; index++) {
    const line = readLine(reader, raw[index], index, context, cache, skip, methods);
    if (line) lines.push(line);
  }
  return lines;
}

function readLine(
  reader: Reader,
  raw: unknown,
  index: number,
  context: ResolveContext,
  cache: RecipeCache,
  skip: LineSkips,
  methods: ReadonlyMap<string, MethodCalculator>,
): ActivityLine | undefined {
  const path: Path = ['activities', index];
  const fields = reader.object(raw, path);
  if (!fields) return undefined;
  const row = readRow(reader, fields, path);
  const quality = reader.choice(fields, 'quality', path, QUALITY_LEVELS, false);
  const source = reader.string(fields, 'source', path, false);
  const note = reader.string(fields, 'note', path, false);

  let formKey: (typeof FORM_KEYS)[number] | undefined;
  for (const key of FORM_KEYS) {
    if (fields[key] === undefined) continue;
    if (formKey !== undefined) return void reader.report(path, { code: 'many-forms', forms: FORM_KEYS.filter((k) => fields[k] !== undefined) });
    formKey = key;
  }
  if (formKey === undefined) {
    // A misspelt form key ("fule") is the likeliest cause: name it.
    const strangers = Object.keys(fields).filter((key) => !ALL_LINE_FIELDS.has(key));
    const guess = strangers.map((field) => ({ field, form: closest(field, FORM_KEYS) })).find((pair) => pair.form !== undefined);
    return void reader.report(path, { code: 'no-form', suggestion: guess?.form === undefined ? undefined : { field: guess.field, form: guess.form } });
  }
  if (formKey === 'method') return readMethodLine(reader, fields, path, index, row, { quality, source, note }, context, methods);
  let form: keyof typeof FORM_FIELDS;
  if (formKey === 'energy') {
    const energy = reader.choice(fields, 'energy', path, ['electricity', 'heat'] as const, true);
    if (!energy) return undefined;
    form = energy;
  } else {
    form = formKey === 'gas' ? 'emissions' : formKey;
  }
  reader.onlyFields(fields, FORM_FIELDS[form], path);
  const fitsRow = row === undefined || row.forms.includes(form);
  if (!fitsRow) reader.report([...path, 'gpc'], { code: 'form-not-on-row', form, gpc: row.ref, allowed: row.forms });

  if (form === 'notation') {
    const key = reader.choice(fields, 'notation', path, NOTATION_KEYS, true);
    const explanation = reader.string(fields, 'explanation', path, true);
    if (!row || !key || explanation === undefined) return undefined;
    return { form, index, row, key, explanation, quality, source, note };
  }

  const amount = reader.number(fields, 'amount', path, { required: true, allowNegative: form === 'emissions' && row?.sector === 'V' });
  const unit = reader.unit(fields, 'unit', path, true);
  const spec = readSpec(reader, fields, path, form, row, unit, source, context);
  if (!spec || amount === undefined || !unit || !row || !fitsRow) return undefined;
  if (spec.form === 'fuel' && skip.fuel) return undefined;

  const resolution = cache.resolve(spec);
  if ('issues' in resolution) {
    for (const issue of resolution.issues) {
      if (issue.detail.code === 'missing-grid' && skip.missingGrid) continue;
      reader.report([...path, ...issue.path], issue.detail);
    }
    return undefined;
  }
  return {
    form,
    index,
    row,
    fuel: spec.form === 'fuel' ? spec.fuel : undefined,
    gas: spec.form === 'emissions' ? spec.gas : undefined,
    amount,
    unit,
    recipe: resolution.recipe,
    quality,
    source,
    note,
  };
}

/** A `method` line: the calculator named by `method` reads its own fields and computes the line whole. */
function readMethodLine(
  reader: Reader,
  fields: Fields,
  path: Path,
  index: number,
  row: GpcRow | undefined,
  about: { quality: ActivityLine['quality']; source: string | undefined; note: string | undefined },
  context: ResolveContext,
  methods: ReadonlyMap<string, MethodCalculator>,
): ActivityLine | undefined {
  const id = reader.string(fields, 'method', path, true);
  if (id === undefined) return undefined;
  const calculator = methods.get(id);
  if (!calculator) return void reader.report([...path, 'method'], { code: 'unknown-method', got: id, suggestion: closest(id, methods.keys()) });
  reader.onlyFields(fields, new Set([...FORM_FIELDS.method, ...calculator.fields]), path);
  if (row && !calculator.rows.includes(row.ref)) {
    return void reader.report([...path, 'gpc'], { code: 'method-not-on-row', method: id, gpc: row.ref, rows: calculator.rows });
  }
  if (!row) return undefined;
  const output = calculator.compute({ fields, path, reader, library: context.library, row, year: context.year, lineSource: about.source });
  if (!output) return undefined;
  return {
    form: 'method',
    method: id,
    index,
    row,
    amount: 1,
    unit: LINE_UNIT,
    recipe: methodRecipe(output, context.gwp),
    ...about,
  };
}

/** The unit of a method line's amount: the line itself, once. */
const LINE_UNIT = knownUnit('1');

function methodRecipe(output: MethodOutput, gwp: GwpWeights): Recipe {
  const ch4 = gwp.ch4[output.ch4Origin];
  const factors = [...output.factors];
  if (output.ch4 !== 0) factors.push(ch4.ref);
  if (output.n2o !== 0) factors.push(gwp.n2o.ref);
  return {
    co2: output.co2,
    ch4: output.ch4,
    n2o: output.n2o,
    co2e: output.co2 + output.ch4 * ch4.weight + output.n2o * gwp.n2o.weight,
    tce: 0,
    tceCalorific: 0,
    factors,
    assumptions: output.assumptions,
  };
}

function readRow(reader: Reader, fields: Fields, path: Path): GpcRow | undefined {
  const ref = reader.string(fields, 'gpc', path, true);
  if (ref === undefined) return undefined;
  const row = gpcRow(ref);
  if (!row) reader.report([...path, 'gpc'], { code: 'unknown-gpc', got: ref, suggestion: closest(ref, GPC_ROWS.keys()) });
  return row;
}

/** Shared by every line without `ef`, so those lines allocate nothing for it. */
const NO_EF: Partial<Record<Gas, GivenValue>> = Object.freeze({});

function readEf(reader: Reader, fields: Fields, path: Path): Partial<Record<Gas, GivenValue>> | undefined {
  if (fields['ef'] === undefined) return NO_EF;
  const at = [...path, 'ef'];
  const ef = reader.object(fields['ef'], at);
  if (!ef) return undefined;
  reader.onlyFields(ef, EF_FIELDS, at);
  const result: Partial<Record<Gas, GivenValue>> = {};
  for (const gas of GASES) {
    const given = reader.given(ef, gas, at);
    if (given) result[gas] = given;
  }
  return result;
}

function readSpec(
  reader: Reader,
  fields: Fields,
  path: Path,
  form: 'fuel' | 'electricity' | 'heat' | 'emissions',
  row: GpcRow | undefined,
  unit: unknown,
  lineSource: string | undefined,
  context: ResolveContext,
): LineSpec | undefined {
  const known = unit as LineSpec['unit'] | undefined;
  switch (form) {
    case 'fuel': {
      const fuelName = reader.string(fields, 'fuel', path, true);
      let fuel: (typeof FUEL_IDS)[number] | undefined;
      if (fuelName !== undefined) {
        if (isFuelId(fuelName)) fuel = fuelName;
        else reader.report([...path, 'fuel'], { code: 'unknown-fuel', got: fuelName, suggestion: closest(fuelName, FUEL_IDS) });
      }
      const technology = reader.choice(fields, 'technology', path, ROAD_TECHNOLOGIES, false);
      if (fields['technology'] !== undefined && fuel !== undefined && row !== undefined && (fuel !== 'gasoline' || row.subsector.id !== 'II.1')) {
        reader.report([...path, 'technology'], { code: 'not-applicable', field: 'technology', reason: 'technology' });
      }
      const ncv = reader.given(fields, 'ncv', path);
      const ef = readEf(reader, fields, path);
      const carbonContent = reader.given(fields, 'carbonContent', path);
      const oxidation = reader.number(fields, 'oxidation', path, { required: false, min: 0, max: 1 });
      if (ef?.CO2 !== undefined) {
        if (fields['carbonContent'] !== undefined) reader.report([...path, 'carbonContent'], { code: 'conflict', fields: ['ef.CO2', 'carbonContent'] });
        if (fields['oxidation'] !== undefined) reader.report([...path, 'oxidation'], { code: 'conflict', fields: ['ef.CO2', 'oxidation'] });
      }
      if (!fuel || !row || !known || !ef || (fields['technology'] !== undefined && technology === undefined)) return undefined;
      const givesFactors = ncv !== undefined || carbonContent !== undefined || oxidation !== undefined || ef !== NO_EF;
      return { form, row, fuel, unit: known, technology, ncv, ef, carbonContent, oxidation, lineSource: givesFactors ? lineSource : undefined };
    }
    case 'electricity':
    case 'heat': {
      const grid = form === 'electricity' ? readGrid(reader, fields, path, context.library) : undefined;
      const ef = readEf(reader, fields, path);
      if (form === 'electricity' && ef?.CO2 !== undefined && fields['grid'] !== undefined) reader.report([...path, 'grid'], { code: 'conflict', fields: ['ef.CO2', 'grid'] });
      if (!row || !known || !ef || grid === null) return undefined;
      return { form, row, unit: known, grid, ef, lineSource: ef !== NO_EF ? lineSource : undefined };
    }
    case 'emissions': {
      const gas = reader.choice(fields, 'gas', path, GASES, true);
      const ch4Origin = reader.choice(fields, 'ch4Origin', path, ['fossil', 'non-fossil'] as const, false);
      if (ch4Origin !== undefined && gas !== undefined && gas !== 'CH4') {
        reader.report([...path, 'ch4Origin'], { code: 'not-applicable', field: 'ch4Origin', reason: 'ch4-origin' });
      }
      if (!gas || !row || !known) return undefined;
      return { form, row, gas, unit: known, ch4Origin };
    }
    default: {
      const unhandled: never = form;
      throw new Error(`unhandled form ${String(unhandled)}`);
    }
  }
}

/** A line that gives none of its own factors: its recipe depends on row, kind, unit and variant only. */
function isPlain(spec: LineSpec): boolean {
  switch (spec.form) {
    case 'fuel':
      return spec.ncv === undefined && spec.ef === NO_EF && spec.carbonContent === undefined && spec.oxidation === undefined;
    case 'electricity':
    case 'heat':
      return spec.ef === NO_EF;
    case 'emissions':
      return true;
    default: {
      const unhandled: never = spec;
      return Boolean(unhandled);
    }
  }
}
