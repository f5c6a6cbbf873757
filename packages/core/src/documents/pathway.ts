import { GENERATION_SOURCES } from '../official/types.ts';
import { z } from 'zod';
import { MODEL_GASES } from '../pathway/model.ts';
import { DOCUMENT_VERSIONS } from '../reading/versions.ts';
import { bilingualName, formatVersion, id, schemaReference, givenValue, numberOrPercent, text, unit, year, yearly } from './shared.ts';

/**
 * The pathway file (docs/pathways.md), as `parsePathway` (pathway/parse.ts, read-series.ts,
 * actions.ts, targets.ts, uncertainty.ts) reads it. Maps keyed by id (`drivers`, `sectors`, `actions`,
 * `scenarios`, `targets`) are records; which of a series' forms is given (exactly one) and every
 * reference between sections are the reader's checks.
 */

/** A number, or a percentage where the series has no unit (an index or a share). */
const seriesNumber = (withUnit: boolean) => (withUnit ? z.number() : numberOrPercent);

/** A yearly value: one number from the first year on, or `{ 2025: v, 2031: w }`. */
const periods = <T extends z.ZodType>(value: T) => z.union([value, yearly(value)]);

type SeriesForm = 'growth' | 'points' | 'elasticity' | 'share';

/** A series (read-series.ts `PathwayReader.series`): `{ unit?, base?, interpolation?, growth | points | elasticity | share }`. */
function series(options: { unit: boolean; forms: readonly SeriesForm[] }) {
  const value = seriesNumber(options.unit);
  const shape: Record<string, z.ZodType> = {
    ...(options.unit ? { unit } : {}),
    base: value.optional(),
    interpolation: z.enum(['linear', 'geometric']).optional().meta({ description: 'between points (points only; default linear)' }),
  };
  const growth = periods(numberOrPercent).meta({ description: 'yearly growth rate from the year after the base year, e.g. "5%" or { 2031: "4%" }' });
  const points = yearly(value).meta({ description: 'values in given years, interpolated between them' });
  for (const form of options.forms) {
    if (form === 'growth') shape['growth'] = growth.optional();
    if (form === 'points') shape['points'] = points.optional();
    if (form === 'elasticity') shape['elasticity'] = z.strictObject({ of: text, value: periods(z.number()) }).optional();
    if (form === 'share') {
      shape['share'] = z
        .strictObject({ of: text, base: numberOrPercent.optional(), interpolation: z.enum(['linear', 'geometric']).optional(), growth: growth.optional(), points: yearly(numberOrPercent).optional() })
        .optional();
    }
  }
  return z.strictObject(shape);
}

const driverSeries = series({ unit: true, forms: ['growth', 'points', 'elasticity', 'share'] });
const unitSeries = series({ unit: true, forms: ['growth', 'points'] }).meta({ id: 'series', description: 'a series with its unit: base, growth or points' });
const indexSeries = series({ unit: false, forms: ['growth', 'points'] }).meta({ id: 'indexSeries', description: 'a series without a unit (an index or a share)' });

const sector = z.strictObject({
  name: bilingualName.optional(),
  gpc: z.union([z.string(), z.array(z.string())]).meta({ description: 'GPC rows or prefixes the sector takes (I.3, II.1.1 …)' }),
  driver: text,
  intensity: indexSeries.optional(),
  shares: z.record(id, indexSeries).optional().meta({ description: 'carrier → its share of the sector’s energy' }),
});

const fraction = numberOrPercent;
const about = { note: text.optional(), source: text.optional() };
const inSector = { sector: text, ...about };

/** An action's effect at full adoption (actions.ts `EFFECT_FIELDS`). */
export const effectSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('efficiency'), ...inSector, carrier: text.optional(), reduction: fraction }),
  z.strictObject({ type: z.literal('activity'), ...inSector, reduction: fraction }),
  z.strictObject({ type: z.literal('switch'), ...inSector, from: z.union([text, z.array(text)]), to: text, share: fraction.optional(), ratio: fraction.optional() }),
  z.strictObject({ type: z.literal('emissions'), ...inSector, carrier: text.optional(), gas: z.enum(MODEL_GASES).optional(), reduction: fraction }),
  z.strictObject({ type: z.literal('generation'), ...about, value: z.number(), unit }),
  z.strictObject({ type: z.literal('removal'), ...about, value: z.number(), unit }),
  z.strictObject({ type: z.literal('plant'), ...about, source: z.enum(GENERATION_SOURCES), amount: z.number().optional(), unit: unit.optional(), share: numberOrPercent.optional() }).meta({
    description: 'local plants of a source built (amount > 0) or retired (amount < 0, or a negative share of the source’s generation)',
  }),
]).meta({ id: 'effect', description: 'what an action does at full adoption (docs/pathways.md)' });

/** How far an action has gone, year by year (actions.ts `readAdoption`): a ramp, a rate, or stock turnover. */
export const adoptionSchema = z.strictObject({
  start: year,
  full: year.optional(),
  level: fraction.optional(),
  shape: z.enum(['linear', 's-curve']).optional(),
  rate: fraction.optional(),
  stock: text.optional(),
  lifetime: z.number().optional(),
}).meta({ id: 'adoption', description: 'how far the action has gone, year by year: start and full (a ramp), rate, or stock and lifetime' });

export const actionFields = { name: bilingualName.optional(), adoption: adoptionSchema, effects: z.array(effectSchema), ...about };
const action = z.strictObject(actionFields);

const scenario = z.strictObject({
  name: bilingualName.optional(),
  actions: z.array(text).optional(),
  set: z.record(id, numberOrPercent).optional().meta({ description: 'parameter path (as error messages show it) → value' }),
});

const targetCommon = {
  basis: z.enum(['basic', 'basicPlus', 'energyCo2']).optional().meta({ description: 'what the target is judged on: energyCo2 (China’s official basis; default for a Chinese city), basic (default elsewhere) or basicPlus' }),
  name: bilingualName.optional(),
  ...about,
};
const target = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('peak'), ...targetCommon, by: year }),
  z.strictObject({ type: z.literal('cap'), ...targetCommon, year, value: z.number(), unit }),
  z.strictObject({
    type: z.literal('intensity'),
    ...targetCommon,
    year,
    per: z.enum(['gdp', 'population']).optional(),
    reduction: fraction,
    baseYear: year.optional(),
    baseValue: givenValue.optional(),
  }),
  z.strictObject({ type: z.literal('neutrality'), ...targetCommon, year }),
  z.strictObject({
    type: z.literal('decline'),
    ...targetCommon,
    of: z.enum(['co2PerGdp', 'energyPerGdp']),
    from: z.int(),
    baseValue: givenValue.optional().meta({ description: 'the intensity in `from`, required when `from` precedes the inventory’s year' }),
    periods: yearly(numberOrPercent).meta({ description: 'end year of each plan period → its reduction, chained: 1 − Π(1 − d)' }),
  }),
  z.strictObject({ type: z.literal('nonFossil'), ...targetCommon, year, share: numberOrPercent }),
  z.strictObject({ type: z.literal('energyCap'), ...targetCommon, year, value: z.number(), unit }),
]);

/** A parameter's distribution (uncertainty.ts): exactly one of the four, a reader's check. */
export const distributionSchema = z.strictObject({
  normal: z.strictObject({ mean: numberOrPercent.optional(), sd: numberOrPercent }).optional(),
  lognormal: z.strictObject({ median: numberOrPercent.optional(), gsd: numberOrPercent }).optional(),
  triangular: z.strictObject({ min: numberOrPercent, mode: numberOrPercent.optional(), max: numberOrPercent }).optional(),
  uniform: z.strictObject({ min: numberOrPercent, max: numberOrPercent }).optional(),
});

/** A parameter's path, as `uncertainty` names it (`drivers.gdp.growth.2031`). */
const parameterPath = text.meta({ description: 'an uncertain parameter: a key of `uncertainty`' });

/** A correlation between uncertain parameters (correlation.ts): a rank correlation between two, or one draw shared by several. */
export const correlationSchema = z.union([
  z.strictObject({
    between: z.tuple([parameterPath, parameterPath]),
    rank: z.number().min(-1).max(1).meta({ description: "Spearman's rank correlation, drawn through a Gaussian copula" }),
  }),
  z.strictObject({ shared: z.array(parameterPath).min(2).meta({ description: 'parameters that share one draw (rank correlation 1)' }) }),
]);

export const pathwaySchema = z
  .strictObject({
    $schema: schemaReference,
    version: formatVersion(DOCUMENT_VERSIONS.pathway.current, 'pathway'),
    name: bilingualName.optional(),
    inventory: text.optional().meta({ description: 'the base inventory file, relative to this file' }),
    endYear: z.int().max(2100).optional().meta({ description: 'last year of the pathway (default 2060)' }),
    drivers: z.record(id, driverSeries).meta({ description: 'population, gdp and other drivers by id' }),
    sectors: z.record(id, sector),
    grid: unitSeries.optional().meta({ description: 'grid emission factor trajectory' }),
    removals: unitSeries.optional(),
    supply: z
      .strictObject({
        electricity: z.partialRecord(z.enum(GENERATION_SOURCES), unitSeries).optional(),
        heat: z.partialRecord(z.enum(GENERATION_SOURCES), unitSeries).optional(),
      })
      .optional()
      .meta({ description: 'local generation by source (electricity, heat): a series each, held at the base year unless given' }),
    actions: z.record(id, action).optional(),
    scenarios: z.record(id, scenario),
    default: text.optional().meta({ description: 'the default scenario (first when absent)' }),
    targets: z.record(id, target).optional(),
    uncertainty: z.record(id, distributionSchema).optional().meta({ description: 'parameter path → its distribution' }),
    correlations: z
      .array(correlationSchema)
      .optional()
      .meta({ description: 'correlations between uncertain parameters; their matrix must be positive semi-definite (docs/pathways.md)' }),
    decomposition: z.array(z.tuple([year, year])).optional(),
  })
  .meta({ title: 'peakpath pathway file', description: 'Scenarios from the base inventory to 2060 (docs/pathways.md).' });

export type PathwayDocument = z.infer<typeof pathwaySchema>;
export type EffectDocument = z.infer<typeof effectSchema>;
export type AdoptionDocument = z.infer<typeof adoptionSchema>;
