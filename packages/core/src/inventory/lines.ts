import { ENERGY_CARRIER_NAMES, type FuelId } from '../factors/fuels.ts';
import { readFuel } from '../reading/fuel.ts';
import { chooseGrid, gridNames, type GridChoice } from '../factors/grid-series.ts';
import { GASES, type FactorLibrary, type Gas } from '../factors/library.ts';
import { GPC_ROWS, gpcRow, type GpcRow } from '../gpc/structure.ts';
import type { Path } from '../issues/issue.ts';
import type { MethodCalculator } from '../methods/method.ts';
import { closest } from '../text/closest.ts';
import { COMMON_LINE_FIELDS, readMethodLine } from './method-lines.ts';
import { readCounterpart } from './counterpart.ts';
import { typeName, type Reader, type Fields } from '../reading/reader.ts';
import { RecipeCache } from './recipe-cache.ts';
import { resolveLine, type LineSpec, type ResolveContext } from './resolve.ts';
import { NOTATION_KEYS, QUALITY_LEVELS, ROAD_TECHNOLOGIES, type ActivityLine, type GivenValue, type Recipe } from './types.ts';
import { assumptions } from '../accounting/assumptions.ts';

const fieldSet = (...fields: string[]): ReadonlySet<string> => new Set(fields);
const EF_FIELDS = fieldSet(...GASES);
/** The fields each form of activity line may have (a method line adds its method's own). */
const FORM_FIELDS = {
  fuel: fieldSet(...COMMON_LINE_FIELDS, 'fuel', 'amount', 'unit', 'ncv', 'ef', 'carbonContent', 'oxidation', 'technology', 'use'),
  electricity: fieldSet(...COMMON_LINE_FIELDS, 'energy', 'amount', 'unit', 'grid', 'ef'),
  heat: fieldSet(...COMMON_LINE_FIELDS, 'energy', 'amount', 'unit', 'ef'),
  emissions: fieldSet(...COMMON_LINE_FIELDS, 'gas', 'amount', 'unit', 'ch4Origin', 'gwp'),
  notation: fieldSet(...COMMON_LINE_FIELDS, 'notation', 'explanation'),
} as const;
const ALL_LINE_FIELDS: ReadonlySet<string> = new Set([...Object.values(FORM_FIELDS).flatMap((fields) => [...fields]), 'method']);
/** The key whose presence says which form a line is. */
const FORM_KEYS = ['fuel', 'energy', 'gas', 'notation', 'method'] as const;

/** Line checks left out because a top-level problem already explains them. */
export interface LineSkips {
  /** `factorSet` was invalid: fuel lines' factors cannot be looked up meaningfully. */
  readonly fuel: boolean;
  /** The top-level `grid` was invalid: lines relying on it are not reported again. */
  readonly missingGrid: boolean;
}

export function readLines(
  reader: Reader,
  top: Fields,
  context: ResolveContext,
  skip: LineSkips,
  methods: ReadonlyMap<string, MethodCalculator>,
): ActivityLine[] | undefined {
  const raw = top['activities'];
  if (raw === undefined) return void reader.report(['activities'], { code: 'required' });
  if (!Array.isArray(raw)) return void reader.report(['activities'], { code: 'type', expected: 'array', got: typeName(raw) });
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
  if (formKey === 'method') {
    const counterpart = readCounterpart(reader, fields, path, row, 'method');
    return readMethodLine(reader, fields, path, index, row, { quality, source, note, counterpart }, context, methods);
  }
  let form: keyof typeof FORM_FIELDS;
  if (formKey === 'energy') {
    const energy = readEnergy(reader, fields, path);
    if (!energy) return undefined;
    form = energy;
  } else {
    form = formKey === 'gas' ? 'emissions' : formKey;
  }
  reader.onlyFields(fields, FORM_FIELDS[form], path);
  const counterpart = readCounterpart(reader, fields, path, row, form);
  const fitsRow = row === undefined || row.forms.includes(form);
  if (!fitsRow) reader.report([...path, 'gpc'], { code: 'form-not-on-row', form, gpc: row.ref, allowed: row.forms });

  if (form === 'notation') {
    const key = reader.choice(fields, 'notation', path, NOTATION_KEYS, true);
    const explanation = reader.string(fields, 'explanation', path, true);
    if (!row || !key || explanation === undefined) return undefined;
    return { form, index, row, key, explanation, quality, source, note };
  }

  const amount = reader.number(fields, 'amount', path, { required: true, allowNegative: form === 'emissions' && row?.sector === 'V' });
  const use = form === 'fuel' ? readUse(reader, fields, path, row) : undefined;
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
    recipe: use === 'feedstock' ? feedstockRecipe(resolution.recipe) : resolution.recipe,
    use: use === 'feedstock' ? use : undefined,
    quality,
    source,
    note,
    counterpart,
  };
}

/**
 * `use: feedstock` — fuel used as raw material for non-energy products (原料用能: olefins, ammonia, …), on a
 * stationary scope-1 row: its energy counts, its carbon is not burned (process emissions belong in IV).
 */
function readUse(reader: Reader, fields: Fields, path: Path, row: GpcRow | undefined): 'energy' | 'feedstock' | undefined | null {
  const use = reader.choice(fields, 'use', path, ['energy', 'feedstock'] as const, false);
  if (use === 'feedstock' && row !== undefined && !(row.sector === 'I' && row.scope === 1 && row.subsector.id !== 'I.7' && row.subsector.id !== 'I.8')) {
    reader.report([...path, 'use'], { code: 'not-applicable', field: 'use', reason: 'feedstock-row' });
    return null;
  }
  return use;
}

const feedstockRecipes = new WeakMap<Recipe, Recipe>();

/** A fuel's recipe with its combustion gases taken out and the fact stated: energy only. */
function feedstockRecipe(recipe: Recipe): Recipe {
  let done = feedstockRecipes.get(recipe);
  if (!done) {
    done = { ...recipe, co2: 0, ch4: 0, n2o: 0, co2e: 0, otherCo2e: 0, assumptions: [...recipe.assumptions, assumptions.feedstock()] };
    feedstockRecipes.set(recipe, done);
  }
  return done;
}

/** `energy: electricity|heat`, or the yearbook's names of the two, 电力 and 热力. */
function readEnergy(reader: Reader, fields: Fields, path: Path): 'electricity' | 'heat' | undefined {
  const value = fields['energy'];
  if (typeof value === 'string' && ENERGY_CARRIER_NAMES[value.trim()] !== undefined) return ENERGY_CARRIER_NAMES[value.trim()];
  return reader.choice(fields, 'energy', path, ['electricity', 'heat'] as const, true);
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
      const fuel: FuelId | undefined = readFuel(reader, fields, path);
      const technology = reader.choice(fields, 'technology', path, ROAD_TECHNOLOGIES, false);
      if (fields['technology'] !== undefined && fuel !== undefined && row !== undefined && (fuel !== 'gasoline' || row.subsector.id !== 'II.1')) {
        reader.report([...path, 'technology'], { code: 'not-applicable', field: 'technology', reason: 'technology' });
      }
      const ncv = reader.given(fields, 'ncv', path);
      const ef = readEf(reader, fields, path);
      const carbonContent = reader.given(fields, 'carbonContent', path);
      const oxidation = reader.number(fields, 'oxidation', path, { required: false, min: 0, max: 1 });
      if (context.factorSet === 'ipcc2006') {
        for (const field of ['carbonContent', 'oxidation'] as const) {
          if (fields[field] !== undefined) reader.report([...path, field], { code: 'not-applicable', field, reason: 'cn-method' });
        }
      }
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
      const grid = form === 'electricity' ? readGrid(reader, fields, path, context.library, context.year) : undefined;
      const ef = readEf(reader, fields, path);
      if (form === 'electricity' && ef?.CO2 !== undefined && fields['grid'] !== undefined) reader.report([...path, 'grid'], { code: 'conflict', fields: ['ef.CO2', 'grid'] });
      if (!row || !known || !ef || grid === null) return undefined;
      return { form, row, unit: known, grid, ef, lineSource: ef !== NO_EF ? lineSource : undefined };
    }
    case 'emissions': {
      const gas = readGas(reader, fields, path);
      const otherGwp = gas !== undefined && !(GASES as readonly string[]).includes(gas) ? readOtherGwp(reader, fields, path, gas) : undefined;
      if (gas !== undefined && (GASES as readonly string[]).includes(gas) && fields['gwp'] !== undefined) {
        reader.report([...path, 'gwp'], { code: 'conflict', fields: ['gas', 'gwp'] });
      }
      const ch4Origin = reader.choice(fields, 'ch4Origin', path, ['fossil', 'non-fossil'] as const, false);
      if (ch4Origin !== undefined && gas !== undefined && gas !== 'CH4') {
        reader.report([...path, 'ch4Origin'], { code: 'not-applicable', field: 'ch4Origin', reason: 'ch4-origin' });
      }
      if (!gas || !row || !known || otherGwp === null) return undefined;
      return { form, row, gas, unit: known, ch4Origin, otherGwp };
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
      return spec.otherGwp === undefined;
    default: {
      const unhandled: never = spec;
      return Boolean(unhandled);
    }
  }
}

/**
 * A grid factor named at the top level or on a line: an id with its year, or a series without one, which takes
 * the inventory year's factor or the nearest published year's (grid-series.ts). The choice, null when the name is
 * unknown (reported), undefined when absent.
 */
export function readGrid(reader: Reader, fields: Fields, path: Path, library: FactorLibrary, year: number | undefined): GridChoice | null | undefined {
  const id = reader.string(fields, 'grid', path, false);
  if (id === undefined) return undefined;
  const choice = chooseGrid(library, id, year);
  if (choice) return choice;
  reader.report([...path, 'grid'], { code: 'unknown-grid', got: id, suggestion: closest(id, gridNames(library)) });
  return null;
}

/**
 * The gas of an emissions line: CO2, CH4 or N2O (a near miss such as "C02" gets a hint), or the name of
 * another gas (HFC-134a, SF6, …), which then needs its GWP on the line.
 */
function readGas(reader: Reader, fields: Fields, path: Path): string | undefined {
  const gas = reader.string(fields, 'gas', path, true);
  if (gas === undefined || (GASES as readonly string[]).includes(gas)) return gas;
  const nearMiss = closest(gas, GASES);
  if (nearMiss !== undefined && fields['gwp'] === undefined) {
    reader.report([...path, 'gas'], { code: 'enum', got: gas, allowed: GASES, suggestion: nearMiss });
    return undefined;
  }
  return gas;
}

const OTHER_GWP_FIELDS: ReadonlySet<string> = new Set(['value', 'source']);

/** `gwp: { value, source }` for a gas the library has no GWP for; null when missing or invalid (reported). */
function readOtherGwp(reader: Reader, fields: Fields, path: Path, gas: string): { value: number; source: string } | null {
  if (fields['gwp'] === undefined) {
    reader.report([...path, 'gwp'], { code: 'other-gas-gwp', gas });
    return null;
  }
  const at = [...path, 'gwp'];
  const gwp = reader.object(fields['gwp'], at);
  if (!gwp) return null;
  reader.onlyFields(gwp, OTHER_GWP_FIELDS, at);
  const value = reader.number(gwp, 'value', at, { required: true, positive: true });
  const source = reader.string(gwp, 'source', at, true);
  return value === undefined || source === undefined ? null : { value, source };
}
