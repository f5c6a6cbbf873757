import type { Path } from '../issues/issue.ts';
import { ZodError } from 'zod';
import { typeName, type Fields, type Reader } from '../reading/reader.ts';
import type { Assumption } from '../inventory/types.ts';
import type { Pathway } from '../pathway/definitions.ts';
import { entries, known } from '../pathway/read-fields.ts';
import { percentage } from '../pathway/read-series.ts';
import { CatalogueError, loadCatalogue, type Catalogue } from './catalogue.ts';
import type { EnergyPrice } from './definitions.ts';
import { carrierName, priceText } from '../text/names-plan.ts';

/** Plan-wide fields: the budget, energy prices, the plan's own catalogue entries, percentages. */

/**
 * `constraints.budget`: `{ unit, perYear }`, a number for every year after the base year or a yearly map
 * (each value from its year on); CNY per year, NaN for a year without a limit.
 */
export function readBudget(reader: Reader, raw: unknown, baseYear: number, endYear: number): Float64Array | undefined {
  const path = ['constraints', 'budget'];
  const fields = reader.object(raw, path);
  if (!fields) return undefined;
  reader.onlyFields(fields, new Set(['unit', 'perYear']), path);
  const unit = reader.unit(fields, 'unit', path, true);
  if (unit && unit.dimension !== 'money') reader.report([...path, 'unit'], { code: 'wrong-dimension', unit: unit.id, got: unit.dimension, expected: ['money'] });
  const years = endYear - baseYear + 1;
  const budget = new Float64Array(years).fill(Number.NaN);
  const perYear = fields['perYear'];
  if (perYear === undefined) return void reader.report([...path, 'perYear'], { code: 'required' });
  const scale = unit?.toBase ?? 1;
  if (typeof perYear === 'number') {
    const value = reader.number(fields, 'perYear', path, { required: true, min: 0, max: 1e15 });
    if (value !== undefined) budget.fill(value * scale, 1);
    return budget;
  }
  const map = reader.object(perYear, [...path, 'perYear']);
  if (!map) return undefined;
  const periods: [number, number][] = [];
  for (const key of Object.keys(map)) {
    const year = Number(key);
    if (!/^\d{4}$/.test(key) || year <= baseYear || year > endYear) {
      reader.report([...path, 'perYear', key], { code: 'out-of-range', min: baseYear + 1, max: endYear, got: Number.isFinite(year) ? year : Number.NaN });
      continue;
    }
    const value = reader.number(map, key, [...path, 'perYear'], { required: true, min: 0, max: 1e15 });
    if (value !== undefined) periods.push([year, value * scale]);
  }
  if (Object.keys(map).length === 0) reader.report([...path, 'perYear'], { code: 'required' });
  periods.sort((a, b) => a[0] - b[0]);
  for (const [from, value] of periods) budget.fill(value, from - baseYear);
  return budget;
}

/**
 * `energyPrices`: carrier → `{ value, unit, source }` in money per energy (元/kWh, 元/GJ, 元/tce), restated
 * per GJ. Each carrier must be one of the pathway's (a fuel id, electricity, heat). Carriers of the pathway
 * without a price are stated: the energy a measure saves of them is not valued.
 */
export function readEnergyPrices(reader: Reader, raw: unknown, pathway: Pathway | undefined, statements: Assumption[]): EnergyPrice[] | undefined {
  if (raw === undefined) return undefined;
  const carriers = pathway ? [...new Set(pathway.model.sectors.flatMap((sector) => sector.carriers))].filter((carrier) => !carrier.includes(':')) : undefined;
  const prices: EnergyPrice[] = [];
  for (const [carrier, value] of entries(reader, raw, ['energyPrices'], false)) {
    const at = ['energyPrices', carrier];
    if (carriers && !known(reader, 'carrier', carrier, carriers, at)) continue;
    const fields = reader.object(value, at);
    if (!fields) continue;
    reader.onlyFields(fields, new Set(['value', 'unit', 'source']), at);
    const price = reader.number(fields, 'value', at, { required: true, min: 0, max: 1e9 });
    const unit = reader.unit(fields, 'unit', at, true);
    const source = reader.string(fields, 'source', at, true);
    if (unit && unit.dimension !== 'money/energy') reader.report([...at, 'unit'], { code: 'wrong-dimension', unit: unit.id, got: unit.dimension, expected: ['money/energy'] });
    else if (price !== undefined && unit && source !== undefined) {
      const text = priceText(price, unit.id, source);
      prices.push({ carrier, perGj: price * unit.toBase, text: { en: `${carrier} ${text.en}`, zh: `${carrierName(carrier, 'zh')} ${text.zh}` } });
    }
  }
  if (carriers) {
    const unpriced = carriers.filter((carrier) => !prices.some((price) => price.carrier === carrier));
    statements.push({
      code: 'energy-savings',
      text: {
        en: `energy saved valued at ${prices.map((price) => price.text.en).join('; ')}, each measure's savings taken alone on the baseline; the catalogue's own savings figures are not used${unpriced.length > 0 ? `; energy saved of ${unpriced.join(', ')} is not valued (no price)` : ''}`,
        zh: `节约的能源按以下价格计价：${prices.map((price) => price.text.zh).join('；')}；各措施的节能收益按其单独叠加于基准情景计算；不采用措施目录中的节省费用${unpriced.length > 0 ? `；${unpriced.map((carrier) => carrierName(carrier, 'zh')).join('、')}无价格，其节约量不计价` : ''}`,
      },
    });
  }
  return prices;
}

/** A number that may be written as a percentage string ("8%"). */
export function percentNumber(reader: Reader, fields: Fields, key: string, path: Path, options: { required: boolean; min: number; max: number }): number | undefined {
  const raw = fields[key];
  const value = typeof raw === 'string' ? percentage(raw) : undefined;
  if (value !== undefined) {
    if (value < options.min || value > options.max) return void reader.report([...path, key], { code: 'out-of-range', min: options.min, max: options.max, got: value });
    return value;
  }
  return reader.number(fields, key, path, { required: options.required, min: options.min, max: options.max });
}

/**
 * The shipped catalogue with the plan's own entries (Shenzhen-style promotion catalogue): same id replaces, new ids add.
 * When the own entries break a rule, the shipped catalogue alone, and the ids of the own entries (`rejected`).
 */
export function ownCatalogue(reader: Reader, raw: unknown, shipped: Catalogue): { catalogue: Catalogue; rejected: ReadonlySet<unknown> } {
  const none = new Set<unknown>();
  if (raw === undefined) return { catalogue: shipped, rejected: none };
  const fields = reader.object(raw, ['catalogue']);
  if (!fields) return { catalogue: shipped, rejected: none };
  reader.onlyFields(fields, new Set(['sources', 'measures']), ['catalogue']);
  const own = Array.isArray(fields['measures']) ? (fields['measures'] as { id?: unknown }[]) : [];
  if (!Array.isArray(fields['measures'])) reader.report(['catalogue', 'measures'], { code: 'type', expected: 'array', got: typeName(fields['measures']) });
  const ownSources = Array.isArray(fields['sources']) ? (fields['sources'] as unknown[]) : [];
  if (fields['sources'] !== undefined && !Array.isArray(fields['sources'])) reader.report(['catalogue', 'sources'], { code: 'type', expected: 'array', got: typeName(fields['sources']) });
  const replaced = new Set(own.map((measure) => measure?.id));
  const sources = [...shipped.sources.values()].filter((s) => !shipped.money.sources.some((m) => m.id === s.id));
  const measures = shipped.measures.filter((m) => !replaced.has(m.id));
  try {
    const catalogue = loadCatalogue({ version: `${shipped.version}+plan`, sources: [...sources, ...ownSources], measures: [...measures, ...own], prices: shipped.prices }, shipped.money);
    return { catalogue, rejected: none };
  } catch (error) {
    if (error instanceof ZodError) {
      // A schema problem at the plan's own entry: `measures[i]` of the merged list is the plan's `measures[i - shipped]`.
      const before = { measures: measures.length, sources: sources.length };
      for (const problem of error.issues) {
        const [list, index, ...rest] = problem.path;
        const own = (list === 'measures' || list === 'sources') && typeof index === 'number' && index >= before[list];
        const inner = rest.map((part) => (typeof part === 'symbol' ? String(part) : part));
        const at: Path = own ? ['catalogue', list, index - before[list], ...inner] : ['catalogue'];
        // A missing or mistyped field is said as everywhere else (`required`, `type`), in both languages; zod's
        // own English text only for the rules that have no code of ours.
        const given = own ? valueAt(fields[list as 'measures' | 'sources'], [index - before[list], ...inner]) : undefined;
        const expected = problem.code === 'invalid_type' ? JSON_TYPES.find((type) => type === problem.expected) : undefined;
        if (own && problem.code === 'invalid_type' && given === undefined) reader.report(at, { code: 'required' });
        else if (own && expected !== undefined) reader.report(at, { code: 'type', expected, got: typeName(given) });
        else reader.report(at, { code: 'invalid-catalogue', message: problem.message.slice(0, 500) });
      }
    } else if (error instanceof CatalogueError) {
      // Each problem at the plan's own entry it is in (`catalogue.measures[0].levers[0].reduction.unit`), else at `catalogue`.
      const before = { measures: measures.length, sources: sources.length };
      for (const problem of error.problems) {
        const [list, index, ...rest] = problem.path;
        const at: Path = (list === 'measures' || list === 'sources') && typeof index === 'number' && index >= before[list] ? ['catalogue', list, index - before[list], ...rest] : ['catalogue'];
        reader.report(at, { code: 'invalid-catalogue', message: problem.message.slice(0, 500) });
      }
    } else {
      throw error;
    }
    return { catalogue: shipped, rejected: replaced };
  }
}

/** The JSON types an own catalogue's schema problem can name as expected. */
const JSON_TYPES = ['string', 'number', 'object', 'array', 'boolean'] as const;

/** The value at a path below `root` (an own catalogue list), or undefined. */
function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}
