import { z } from 'zod';
import criteriaData from '../../data/districts/criteria.json' with { type: 'json' };
import type { Text } from './types.ts';

/**
 * The district criteria as data (data/districts/criteria.json): the C40 climate-positive criterion with its source
 * and marker, and near-zero-carbon demonstration-zone criteria sets, each with its source — a published set cited,
 * or the user's own labelled `user-input`. Validated with zod when first loaded; a user's set goes through the same
 * schema (`parseNearZeroSet`), its errors with their path.
 */

const text = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();

/** What a near-zero criterion measures: operational emissions (gross, or net of counted reductions and credits) … */
export const NEAR_ZERO_INDICATORS = ['total', 'per-capita', 'per-gdp', 'reduction-from-baseline'] as const;
export type NearZeroIndicator = (typeof NEAR_ZERO_INDICATORS)[number];

const criterionSchema = z
  .object({
    id: z.string().min(1),
    label: text,
    indicator: z.enum(NEAR_ZERO_INDICATORS),
    /** `gross`: operational emissions as the inventory has them; `net`: less the counted reductions and credits. */
    basis: z.enum(['gross', 'net']),
    comparison: z.enum(['at-most', 'at-least']),
    threshold: z.number().finite(),
    unit: z.enum(['tCO2e', 'tCO2e/person', 'tCO2e/万元', 'fraction']),
  })
  .strict()
  .refine((criterion) => criterion.unit === UNIT_OF[criterion.indicator], { message: 'the unit does not match the indicator', path: ['unit'] });

const UNIT_OF: Record<NearZeroIndicator, string> = {
  total: 'tCO2e',
  'per-capita': 'tCO2e/person',
  'per-gdp': 'tCO2e/万元',
  'reduction-from-baseline': 'fraction',
};

const sourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('published'), citation: z.string().min(1), verification: z.enum(['V', 'S', 'M']), note: text.optional() }).strict(),
  z.object({ kind: z.literal('user-input'), citation: z.null(), note: text }).strict(),
]);

const setSchema = z
  .object({
    id: z.string().min(1),
    name: text,
    province: z.string().min(1).nullable(),
    source: sourceSchema,
    criteria: z.array(criterionSchema).min(1),
  })
  .strict()
  .refine((set) => new Set(set.criteria.map((criterion) => criterion.id)).size === set.criteria.length, { message: 'criterion ids must differ', path: ['criteria'] });

const fileSchema = z
  .object({
    climatePositive: z
      .object({
        id: z.string().min(1),
        name: text,
        rule: z.literal('net-operational-below-zero'),
        operationalRows: text,
        source: z.string().min(1),
        verification: z.enum(['V', 'S', 'M']),
        note: text,
      })
      .strict(),
    nearZeroSets: z.array(setSchema).min(1),
  })
  .strict();

export type NearZeroCriterion = z.infer<typeof criterionSchema>;
export type NearZeroSet = z.infer<typeof setSchema>;
/** The shape of a near-zero criteria set, for the district file's schema (documents/district.ts). */
export const nearZeroSetSchema: z.ZodType<NearZeroSet> = setSchema;
export type ClimatePositiveCriterion = z.infer<typeof fileSchema>['climatePositive'];

let loaded: z.infer<typeof fileSchema> | undefined;
function data(): z.infer<typeof fileSchema> {
  loaded ??= fileSchema.parse(criteriaData);
  return loaded;
}

/** The C40 climate-positive criterion as shipped, with its source and marker ([V]: seen in C40's program page). */
export function climatePositiveCriterion(): ClimatePositiveCriterion {
  return data().climatePositive;
}

/** The near-zero-carbon criteria sets shipped (none published could be confirmed here: the one set is `user-input`). */
export function nearZeroSets(): readonly NearZeroSet[] {
  return data().nearZeroSets;
}

/** A user's near-zero criteria set, checked by the same schema: the set, or every problem with its path. */
export function parseNearZeroSet(input: unknown): { ok: true; value: NearZeroSet } | { ok: false; issues: readonly { path: readonly (string | number)[]; text: Text }[] } {
  const parsed = setSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((problem) => ({
      path: problem.path.map((key) => (typeof key === 'number' ? key : String(key))),
      text: { en: problem.message, zh: `${problem.message}（数据格式错误）` },
    })),
  };
}
