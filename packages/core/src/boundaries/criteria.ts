import { z } from 'zod';
import criteriaData from '../../data/districts/criteria.json' with { type: 'json' };
import type { Text } from './types.ts';

/**
 * The district criteria as data (data/districts/criteria.json): the C40 climate-positive criterion with its source
 * and marker, and near-zero-carbon demonstration-zone criteria sets, each with its source — a published set cited,
 * or the user's own labelled `user-input`. Validated with zod when first loaded; a user's set goes through the same
 * schema (`parseNearZeroSet`), its errors with their path.
 */

const UNIT_MISMATCH = 'the unit does not match the indicator';
const IDS_DIFFER = 'criterion ids must differ';

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
  .refine((criterion) => criterion.unit === UNIT_OF[criterion.indicator], { message: UNIT_MISMATCH, path: ['unit'] });

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
  .refine((set) => new Set(set.criteria.map((criterion) => criterion.id)).size === set.criteria.length, { message: IDS_DIFFER, path: ['criteria'] });

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

/** A user's near-zero criteria set, checked by the same schema: the set, or every problem with its path, in both languages. */
export function parseNearZeroSet(input: unknown): { ok: true; value: NearZeroSet } | { ok: false; issues: readonly { path: readonly (string | number)[]; text: Text }[] } {
  const parsed = setSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.flatMap((problem) => {
      const path = problem.path.map((key) => (typeof key === 'number' ? key : String(key)));
      // An unknown field at its own place, as the reader of the file reports one.
      if (problem.code === 'unrecognized_keys') return problem.keys.map((key) => ({ path: [...path, key], text: { en: `${JSON.stringify(key)} is not a known field`, zh: `${JSON.stringify(key)} 不是可识别的字段` } }));
      return [{ path, text: problemText(problem, valueAt(input, path)) }];
    }),
  };
}

/** The value at `path` in a parsed JSON/YAML value, or undefined when it is not there. */
function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const quoted = (values: readonly unknown[]): string => values.map((value) => JSON.stringify(value)).join(', ');

/**
 * A schema problem of a user's set as a sentence in each language. zod's own messages are English only and say
 * `received undefined` of a missing field: the codes a set's schema can give are put here in words.
 */
function problemText(problem: z.core.$ZodIssue, got: unknown): Text {
  switch (problem.code) {
    case 'invalid_type':
      if (got === undefined) return { en: `required (${problem.expected})`, zh: `缺少必填项（${problem.expected}）` };
      if (typeof got === 'number' && !Number.isFinite(got)) {
        // Only YAML can write these: say them as YAML does.
        const written = Number.isNaN(got) ? '.nan' : got > 0 ? '.inf' : '-.inf';
        return { en: `a finite number is expected, got ${written}`, zh: `应为有限数值，实为 ${written}` };
      }
      return { en: `expected ${problem.expected}, got ${typeOf(got)}`, zh: `应为 ${problem.expected}，实为 ${typeOf(got)}` };
    case 'too_small':
      if (problem.origin === 'string') return { en: 'must not be empty', zh: '不能为空' };
      return { en: `at least ${String(problem.minimum)} ${problem.origin === 'array' ? 'item(s)' : ''}`.trim(), zh: `至少 ${String(problem.minimum)}${problem.origin === 'array' ? ' 项' : ''}` };
    case 'invalid_value':
      if (got === undefined) return { en: `required: one of ${quoted(problem.values)}`, zh: `缺少必填项：应为 ${quoted(problem.values)} 之一` };
      return { en: `one of ${quoted(problem.values)} is expected, got ${JSON.stringify(got)}`, zh: `应为 ${quoted(problem.values)} 之一，实为 ${JSON.stringify(got)}` };
    case 'invalid_union':
      return { en: 'a source is `{ kind: published, citation, verification, note? }` or `{ kind: user-input, citation: null, note }`', zh: '来源应为 `{ kind: published, citation, verification, note? }` 或 `{ kind: user-input, citation: null, note }`' };
    case 'custom':
      return CUSTOM_TEXT[problem.message] ?? { en: problem.message, zh: problem.message };
    default:
      return { en: `not a valid value (${problem.code})`, zh: `取值无效（${problem.code}）` };
  }
}

/** The schema's own checks (`refine`), by their English message. */
const CUSTOM_TEXT: Readonly<Record<string, Text>> = {
  [UNIT_MISMATCH]: { en: `${UNIT_MISMATCH} (total: tCO2e, per-capita: tCO2e/person, per-gdp: tCO2e/万元, reduction-from-baseline: fraction)`, zh: '单位与指标不符（total：tCO2e；per-capita：tCO2e/person；per-gdp：tCO2e/万元；reduction-from-baseline：fraction）' },
  [IDS_DIFFER]: { en: IDS_DIFFER, zh: '各项标准的 id 须互不相同' },
};
