import starterData from '../../data/tracking/starter.json' with { type: 'json' };
import { z } from 'zod';
import { TRACKING_AREAS, type Direction, type Indicator, type TrackedText, type TrackingArea } from './types.ts';

/**
 * The starter set of tracking indicators (data/tracking/starter.json, docs/tracking.md): a few per area, the
 * official ones among them, each with its unit, direction and the source of its definition — to copy into a
 * tracking file and edit. A national figure is given for orientation with its marker (S secondary, M recalled
 * and unverified); it is never taken as a city's goal.
 */
export interface StarterIndicator {
  readonly id: string;
  readonly area: TrackingArea;
  readonly name: { readonly zh: string; readonly en: string };
  readonly unit: string;
  readonly direction: Direction;
  readonly official?: Indicator['official'];
  readonly definition: TrackedText;
  readonly definitionSource: string;
  readonly national?: { readonly year: number; readonly value: number; readonly from: number; readonly marker: 'S' | 'M'; readonly source: string } | undefined;
}

const text = z.string().regex(/\S/);
const bilingual = z.strictObject({ zh: text, en: text });
const starterSchema = z.strictObject({
  $comment: z.string(),
  indicators: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      area: z.enum(TRACKING_AREAS),
      name: bilingual,
      unit: text,
      direction: z.enum(['increase', 'decrease']),
      official: z.enum(['co2-per-gdp-decline', 'energy-per-gdp-decline', 'non-fossil-share', 'energy-co2', 'total-energy']).optional(),
      definition: bilingual,
      definitionSource: text,
      national: z.strictObject({ year: z.int(), value: z.number(), from: z.int(), marker: z.enum(['S', 'M']), source: text }).optional(),
    }),
  ),
});

/** Validates starter data: the schema, unique ids, every area covered. Throws with every problem. */
export function loadStarter(data: unknown): readonly StarterIndicator[] {
  const parsed = starterSchema.safeParse(data);
  if (!parsed.success) throw new Error(`data/tracking/starter.json: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const indicator of parsed.data.indicators) {
    if (ids.has(indicator.id)) problems.push(`${indicator.id}: id given twice`);
    ids.add(indicator.id);
  }
  for (const area of TRACKING_AREAS) if (!parsed.data.indicators.some((indicator) => indicator.area === area)) problems.push(`area ${area} has no indicator`);
  if (problems.length > 0) throw new Error(`data/tracking/starter.json: ${problems.join('; ')}`);
  return parsed.data.indicators;
}

let loaded: readonly StarterIndicator[] | undefined;

/** The starter set, of one area or all (in the areas' order, then the file's), validated on first use. */
export function starterIndicators(area?: TrackingArea): readonly StarterIndicator[] {
  loaded ??= loadStarter(starterData);
  const all = TRACKING_AREAS.flatMap((each) => loaded!.filter((indicator) => indicator.area === each));
  return area === undefined ? all : all.filter((indicator) => indicator.area === area);
}
