import { z } from 'zod';
import plausibilityData from '../../data/plausibility.json' with { type: 'json' };

/**
 * Plausibility bounds (data/plausibility.json): values far outside what any city has. A value outside
 * its bound is a warning with its path — stated with the result, never silenced and never refused —
 * so a typo (5 for 5 %, 万吨 for 吨) or a cut-off file does not pass as a city's figure unseen.
 */
export const PLAUSIBILITY_BOUNDS = [
  'population',
  'gdp',
  'gdp-per-capita',
  'emissions-per-capita',
  'energy-per-capita',
  'emissions-per-gdp',
  'energy-per-gdp',
  'line-emissions',
  'line-energy',
  'line-emissions-per-capita',
  'line-energy-per-capita',
  'driver-growth',
  'intensity-growth',
] as const;
export type PlausibilityBoundId = (typeof PLAUSIBILITY_BOUNDS)[number];

const text = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();

export interface PlausibilityBound {
  readonly label: { readonly en: string; readonly zh: string };
  /** The unit of `min`, `max` and the value compared (the base units the engines compute in); `per year` for a yearly change. */
  readonly unit: { readonly en: string; readonly zh: string };
  readonly min: number;
  readonly max: number;
  /** Why the edge is there: a published figure, or plainly a judgement of "far outside any city". */
  readonly reason: { readonly en: string; readonly zh: string };
  readonly source?: string | undefined;
}

const boundSchema = z
  .object({ label: text, unit: text, min: z.number(), max: z.number(), reason: text, source: z.string().min(1).optional() })
  .strict()
  .refine((bound) => bound.min < bound.max, { message: 'min must be below max' });

const schema = z
  .object({
    $comment: z.string(),
    bounds: z.object(Object.fromEntries(PLAUSIBILITY_BOUNDS.map((id) => [id, boundSchema])) as Record<PlausibilityBoundId, typeof boundSchema>).strict(),
  })
  .strict();

/** Validates the bounds' data (as shipped, or another table for a test): every bound present, each with its reason. */
export function loadPlausibility(data: unknown): Readonly<Record<PlausibilityBoundId, PlausibilityBound>> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`data/plausibility.json: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data.bounds;
}

export const PLAUSIBILITY: Readonly<Record<PlausibilityBoundId, PlausibilityBound>> = loadPlausibility(plausibilityData);

/** True when `value` lies outside the bound (NaN never does: not-a-number is an error of its own, elsewhere). */
export function implausible(id: PlausibilityBoundId, value: number): boolean {
  const bound = PLAUSIBILITY[id];
  return value < bound.min || value > bound.max;
}
