import { z } from 'zod';
import catalogueData from '../../data/actions/catalogue.json' with { type: 'json' };
import moneyData from '../../data/actions/money.json' with { type: 'json' };
import { parseUnit } from '../units/units.ts';

/**
 * The action catalogue (减排措施目录): measures and technologies as data, every number with its
 * source. A measure says which pathway levers it moves (the effect types of a pathway action),
 * what one unit of it costs (capex, opex, savings; in the source's currency and price year,
 * converted to CNY with the stated rates of data/actions/money.json), how long it lasts and what
 * it achieves. A number no source gives is absent and listed in `gaps`: a plan that uses the
 * measure must then give the value itself — the catalogue never invents one.
 */

/** How a figure was read: V in the source's data file, S a secondary quote, M recalled only (re-check). */
export const MARKERS = ['V', 'S', 'M'] as const;

const text = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();

/** A sourced number: `value` in `unit`, optionally with the range the sources span. */
const figureSchema = z
  .object({
    value: z.number(),
    unit: z.string().min(1),
    range: z.tuple([z.number(), z.number()]).optional(),
    source: z.string().min(1),
    /** Table, file, page or section of the source. */
    ref: z.string().min(1).optional(),
    marker: z.enum(MARKERS),
    note: z.string().min(1).optional(),
  })
  .strict();

/** A sourced money figure per unit of the measure (capex), or per unit and year (opex, savings). */
const costSchema = z
  .object({
    value: z.number(),
    /** Incremental costing: the cost of the conventional alternative, subtracted from `value`. */
    conventional: z.number().optional(),
    currency: z.enum(['CNY', 'USD']),
    priceYear: z.number().int().min(1990).max(2100),
    /** The unit the money is per (a units.json spelling of the measure's unit's dimension: W when the measure counts kW). */
    per: z.string().min(1),
    source: z.string().min(1),
    ref: z.string().min(1).optional(),
    marker: z.enum(MARKERS),
    note: z.string().min(1).optional(),
  })
  .strict();

export const LEVER_TYPES = ['efficiency', 'activity', 'switch', 'emissions', 'generation', 'removal'] as const;

/**
 * A pathway lever the measure moves, in the terms of a pathway action's effect (docs/pathways.md):
 * the city's plan names the sector it acts on. Numbers are per adopting unit: an efficiency
 * `reduction` is the cut in the adopting part's energy; `perUnit` is MWh per unit and year for
 * generation, tCO2e per unit and year for a removal.
 */
const leverSchema = z
  .object({
    type: z.enum(LEVER_TYPES),
    /** efficiency, emissions: one carrier of the sector (fuel id, electricity, heat); absent = all. */
    carrier: z.string().min(1).optional(),
    /** switch: the carriers left and the one taken up. */
    from: z.array(z.string().min(1)).min(1).optional(),
    to: z.string().min(1).optional(),
    /** emissions: the gas cut (CO2, CH4, N2O); absent = all. */
    gas: z.enum(['CO2', 'CH4', 'N2O']).optional(),
    reduction: figureSchema.optional(),
    share: figureSchema.optional(),
    ratio: figureSchema.optional(),
    perUnit: figureSchema.optional(),
    note: z.string().min(1).optional(),
  })
  .strict();

export const CATEGORIES = ['energy-supply', 'buildings', 'transport', 'industry', 'waste', 'sinks'] as const;
/** The four themes of the C40 China Buildings Programme. */
export const BUILDING_THEMES = ['ultra-low-energy-new-buildings', 'public-commercial-retrofit', 'residential-retrofit', 'renewables-in-buildings'] as const;
export const CO_BENEFITS = [
  'air-quality',
  'health',
  'energy-security',
  'energy-savings',
  'jobs',
  'comfort',
  'congestion',
  'noise',
  'biodiversity',
  'water',
  'heat-island',
  'resilience',
  'grid-flexibility',
  'land',
] as const;

/** A catalogue entry (also the shape of a plan's own `catalogue.measures`). */
export const measureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: text,
    category: z.enum(CATEGORIES),
    theme: z.enum(BUILDING_THEMES).optional(),
    /** What one unit of the measure is: a units.json spelling (m2, kW, vehicle, household, ha, km, t …). */
    unit: z.string().min(1),
    /** What the unit means when the unit alone does not say it ("kW of peak capacity", "t of cement a year"). */
    unitNote: z.string().min(1).optional(),
    levers: z.array(leverSchema),
    capex: costSchema.optional(),
    opex: costSchema.optional(),
    savings: costSchema.optional(),
    lifetime: figureSchema.optional(),
    /** Abatement the sources report, for people: its range and basis (the plan computes abatement through the pathway). */
    abatement: figureSchema.optional(),
    coBenefits: z.array(z.enum(CO_BENEFITS)),
    feasibility: text,
    /** Figures no source gives (capex, opex, savings, lifetime, a lever's number): the plan must give them. */
    gaps: z.array(z.string().min(1)),
  })
  .strict();

/** A source the catalogue cites (also a plan's own `catalogue.sources`). */
export const sourceSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    publisher: z.string().min(1).optional(),
    year: z.number().int().optional(),
    /** Where in the source the figures are (file, table), and its licence terms where they matter. */
    note: z.string().min(1).optional(),
  })
  .strict();

/**
 * An energy price as people quote it (元/kWh, 元/m3, 元/t, 元/L), with what it values (the coal benchmark for
 * utility generation, the retail tariff for self-consumed generation and savings) and, where it is money per volume
 * or mass, the price per GJ through the stated net calorific value.
 */
const priceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** A carrier of the inventory: a fuel id, electricity or heat. */
    carrier: z.string().min(1),
    name: text,
    use: text,
    price: z
      .object({
        value: z.number().positive(),
        unit: z.string().min(1),
        range: z.tuple([z.number(), z.number()]).optional(),
        priceYear: z.number().int().min(1990).max(2100),
        source: z.string().min(1),
        ref: z.string().min(1).optional(),
        marker: z.enum(MARKERS),
        note: z.string().min(1).optional(),
      })
      .strict(),
    /** The price per unit of energy (元/GJ); absent where the conversion needs a figure no source gives (heat per m²). */
    perEnergy: figureSchema.optional(),
  })
  .strict();

const catalogueSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.string().min(1),
    sources: z.array(sourceSchema),
    measures: z.array(measureSchema),
    prices: z.array(priceSchema).optional(),
  })
  .strict();

const rateSchema = z
  .object({ year: z.number().int(), value: z.number().positive(), source: z.string().min(1), marker: z.enum(MARKERS), note: z.string().min(1).optional() })
  .strict();

const moneySchema = z
  .object({
    $comment: z.string().optional(),
    sources: z.array(sourceSchema),
    /** CNY per USD, annual average. */
    usdCny: z.array(rateSchema),
    /** China consumer price index, year-on-year change (2.0 = +2.0 %), to restate CNY between price years. */
    cpiChange: z.array(rateSchema.extend({ value: z.number() })),
  })
  .strict();

export type Figure = z.infer<typeof figureSchema>;
export type CostFigure = z.infer<typeof costSchema>;
export type Lever = z.infer<typeof leverSchema>;
export type CatalogueMeasure = z.infer<typeof measureSchema>;
export type CatalogueSource = z.infer<typeof sourceSchema>;
export type EnergyPriceEntry = z.infer<typeof priceSchema>;
export type MoneyTables = z.infer<typeof moneySchema>;

export interface Catalogue {
  readonly version: string;
  readonly sources: ReadonlyMap<string, CatalogueSource>;
  readonly measures: readonly CatalogueMeasure[];
  /** Energy prices to value what measures save or generate, each as quoted and per GJ. */
  readonly prices: readonly EnergyPriceEntry[];
  readonly money: MoneyTables;
  measure(id: string): CatalogueMeasure | undefined;
}

/**
 * Validates catalogue data: the schema, unique ids, every figure's source known, units known and
 * a cost's `per` of the measure's unit's dimension, and every gap a figure that is really absent.
 * Throws with every problem listed: the shipped data is checked by the tests and at first load.
 */
/** Catalogue data that breaks a rule beyond its schema: each problem with where it is (`measures[3].levers[0].reduction.unit`, or [] for the catalogue). */
export class CatalogueError extends Error {
  constructor(readonly problems: readonly { readonly path: readonly (string | number)[]; readonly message: string }[]) {
    super(`action catalogue: ${problems.length} problems:\n${problems.map((problem) => problem.message).join('\n')}`);
  }
}

/** Lever figures that are shares of something (0–1 once converted): given in a dimensionless unit, `fraction` or `%`. */
const SHARE_FIGURES = ['reduction', 'share'] as const;

/**
 * A lever's dimensionless figures in their base unit (`{ value: 85, unit: "%" }` is 0.85), so
 * nothing downstream reads a value without its unit; a unit that is not dimensionless is a problem.
 */
function leverInBaseUnits(lever: Lever, where: string, at: readonly (string | number)[], problem: (path: readonly (string | number)[], message: string) => void): Lever {
  const converted: Record<string, Figure> = {};
  for (const key of [...SHARE_FIGURES, 'ratio'] as const) {
    const figure = lever[key];
    if (!figure) continue;
    const unit = parseUnit(figure.unit);
    if (!unit || unit.dimension !== 'dimensionless') {
      problem([...at, key, 'unit'], `${where}: ${key} in ${figure.unit}: expected a dimensionless unit (fraction, %)`);
      continue;
    }
    const value = figure.value * unit.toBase;
    const range = figure.range && ([figure.range[0] * unit.toBase, figure.range[1] * unit.toBase] as [number, number]);
    if ((SHARE_FIGURES as readonly string[]).includes(key) && !(value >= 0 && value <= 1)) problem([...at, key, 'value'], `${where}: ${key} ${figure.value} ${figure.unit} is not between 0 and 1 (0 % and 100 %)`);
    if (key === 'ratio' && !(value > 0)) problem([...at, key, 'value'], `${where}: ratio ${figure.value} ${figure.unit} must be greater than 0`);
    if (unit.toBase !== 1) converted[key] = { ...figure, value, unit: 'fraction', ...(range ? { range } : {}) };
  }
  // Generation or removal per unit of the measure: the measure's effect is this times its quantity, so a negative one would reach the pathway as a number no file gave.
  if (lever.perUnit && !(lever.perUnit.value >= 0)) problem([...at, 'perUnit', 'value'], `${where}: perUnit ${lever.perUnit.value} ${lever.perUnit.unit} must not be negative`);
  return Object.keys(converted).length === 0 ? lever : { ...lever, ...converted };
}

export function loadCatalogue(data: unknown, money: unknown): Catalogue {
  const parsed = catalogueSchema.parse(data);
  const tables = moneySchema.parse(money);
  const problems: { path: readonly (string | number)[]; message: string }[] = [];
  const problem = (path: readonly (string | number)[], message: string): void => void problems.push({ path, message });
  const sources = new Map<string, CatalogueSource>();
  parsed.sources.forEach((source, i) => {
    if (sources.has(source.id)) problem(['sources', i, 'id'], `source ${source.id} is defined twice`);
    sources.set(source.id, source);
  });
  for (const source of tables.sources) {
    if (sources.has(source.id)) problem([], `source ${source.id} is defined twice`);
    sources.set(source.id, source);
  }
  const byId = new Map<string, CatalogueMeasure>();
  const measures = parsed.measures.map((measure, m) => ({ ...measure, levers: measure.levers.map((lever, i) => leverInBaseUnits(lever, `measure ${measure.id}`, ['measures', m, 'levers', i], problem)) }));
  for (const [m, measure] of measures.entries()) {
    const where = `measure ${measure.id}`;
    const at = ['measures', m] as const;
    if (byId.has(measure.id)) problem([...at, 'id'], `${where}: id defined twice`);
    byId.set(measure.id, measure);
    const unit = parseUnit(measure.unit);
    if (!unit) problem([...at, 'unit'], `${where}: unknown unit ${measure.unit}`);
    if (measure.theme && measure.category !== 'buildings') problem([...at, 'theme'], `${where}: a theme is for buildings measures`);
    const figures: [string, Figure | CostFigure | undefined, readonly (string | number)[]][] = [
      ['capex', measure.capex, [...at, 'capex']],
      ['opex', measure.opex, [...at, 'opex']],
      ['savings', measure.savings, [...at, 'savings']],
      ['lifetime', measure.lifetime, [...at, 'lifetime']],
      ['abatement', measure.abatement, [...at, 'abatement']],
    ];
    measure.levers.forEach((lever, i) => {
      for (const key of ['reduction', 'share', 'ratio', 'perUnit'] as const) figures.push([`levers[${i}].${key}`, lever[key], [...at, 'levers', i, key]]);
    });
    for (const [name, figure, figureAt] of figures) {
      if (!figure) continue;
      if (!sources.has(figure.source)) problem([...figureAt, 'source'], `${where}: ${name} cites unknown source ${figure.source}`);
      if ('per' in figure) {
        const per = parseUnit(figure.per);
        if (!per) problem([...figureAt, 'per'], `${where}: ${name}.per: unknown unit ${figure.per}`);
        else if (unit && per.dimension !== unit.dimension) problem([...figureAt, 'per'], `${where}: ${name}.per ${figure.per} is not a unit of ${measure.unit}'s dimension`);
        if (figure.currency === 'USD' && !tables.usdCny.some((rate) => rate.year === figure.priceYear)) {
          problem([...figureAt, 'priceYear'], `${where}: ${name}: no USD/CNY rate for ${figure.priceYear} in money.json`);
        }
      }
      if ('range' in figure && figure.range && figure.range[0] > figure.range[1]) problem([...figureAt, 'range'], `${where}: ${name}.range is reversed`);
    }
    for (const gap of measure.gaps) {
      const figure = figures.find(([name]) => name === gap);
      if (figure?.[1]) problem([...at, 'gaps'], `${where}: ${gap} is listed as a gap but has a figure`);
    }
  }
  const priceIds = new Set<string>();
  (parsed.prices ?? []).forEach((entry, p) => {
    const where = `price ${entry.id}`;
    const at = ['prices', p] as const;
    if (priceIds.has(entry.id)) problem([...at, 'id'], `${where}: id defined twice`);
    priceIds.add(entry.id);
    const quoted = parseUnit(entry.price.unit);
    if (!quoted || !quoted.dimension.startsWith('money/')) problem([...at, 'price', 'unit'], `${where}: price in ${entry.price.unit}: expected money per a quantity (元/kWh, 元/m3, 元/t)`);
    else if (quoted.dimension !== 'money/energy' && !entry.perEnergy && entry.carrier !== 'heat') problem([...at, 'perEnergy'], `${where}: a price per ${quoted.dimension.slice('money/'.length)} needs its price per GJ (perEnergy) through the NCV`);
    if (entry.perEnergy && parseUnit(entry.perEnergy.unit)?.dimension !== 'money/energy') problem([...at, 'perEnergy', 'unit'], `${where}: perEnergy in ${entry.perEnergy.unit}: expected money per energy (元/GJ)`);
    for (const [name, figure] of [['price', entry.price], ['perEnergy', entry.perEnergy]] as const) {
      if (figure && !sources.has(figure.source)) problem([...at, name, 'source'], `${where}: ${name} cites unknown source ${figure.source}`);
      if (figure?.range && figure.range[0] > figure.range[1]) problem([...at, name, 'range'], `${where}: ${name}.range is reversed`);
    }
  });
  if (problems.length > 0) throw new CatalogueError(problems);
  return {
    version: parsed.version,
    sources,
    measures,
    prices: parsed.prices ?? [],
    money: tables,
    measure: (id) => byId.get(id),
  };
}

let shipped: Catalogue | undefined;

/** The catalogue shipped with peakpath (data/actions/), validated on first use. */
export function defaultCatalogue(): Catalogue {
  shipped ??= loadCatalogue(catalogueData, moneyData);
  return shipped;
}
