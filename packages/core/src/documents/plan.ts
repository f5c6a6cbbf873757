import { z } from 'zod';
import { measureSchema as catalogueMeasureSchema, sourceSchema as catalogueSourceSchema } from '../plan/catalogue.ts';
import { DOCUMENT_VERSIONS } from '../reading/versions.ts';
import { adoptionSchema, effectSchema } from './pathway.ts';
import { bilingualName, formatVersion, id, schemaReference, numberOrPercent, text, unit } from './shared.ts';

/**
 * The plan file (docs/plans.md), version 2, as `parsePlan` (plan/parse.ts, read-measures.ts,
 * read-settings.ts, catalogue.ts) reads it. A version 1 file (a measure's `yesNo` was `lumpy`) is
 * read too, migrated and stated (reading/versions.ts); this schema describes the current version.
 */

/** A cost the plan gives: money per unit of the measure (`元/m2`, `万元/MW` …), with its source. */
const cost = z.strictObject({ value: z.number(), unit, source: text });

/** A measure (read-measures.ts `MEASURE_FIELDS`). */
export const planMeasureSchema = z.strictObject({
  catalogue: text.optional().meta({ description: 'a catalogue entry (peakpath catalogue lists them): its levers and costs' }),
  name: bilingualName.optional(),
  adoption: adoptionSchema,
  quantity: z
    .strictObject({ value: z.number().optional(), unit: unit.optional(), driver: text.optional(), share: numberOrPercent.optional() })
    .meta({ description: 'how much of the measure the city could build: `{ value, unit }`, or a driver (and a share of it)' }),
  sector: text.optional().meta({ description: 'the pathway sector the catalogue’s levers act on' }),
  effects: z.array(effectSchema).optional().meta({ description: 'the measure’s own effects (pathway syntax) instead of the catalogue’s levers' }),
  costs: z
    .strictObject({ capex: cost.optional(), opex: cost.optional(), savings: cost.optional(), lifetime: z.strictObject({ value: z.number(), source: text }).optional() })
    .optional(),
  limits: z.strictObject({ min: numberOrPercent.optional(), max: numberOrPercent.optional() }).optional(),
  yesNo: z.boolean().optional().meta({ description: 'true: a yes/no measure, all or nothing (adopted at 0 or at limits.max); version 1 files said `lumpy`' }),
  requires: z.array(text).optional(),
  excludes: z.array(text).optional(),
  scores: z.record(z.string(), z.number()).optional().meta({ description: 'criterion id → the measure’s score' }),
  note: text.optional(),
  source: text.optional(),
  generationPrice: z
    .strictObject({ value: z.number(), unit, source: text })
    .optional()
    .meta({ description: 'what the electricity it generates is worth sold to the grid (元/kWh: the coal benchmark price for a utility plant), in place of energyPrices.electricity' }),
});

const energyPrice = z.strictObject({ value: z.number(), unit, source: text });

export const planSchema = z
  .strictObject({
    $schema: schemaReference,
    version: formatVersion(DOCUMENT_VERSIONS.plan.current, 'plan'),
    name: bilingualName.optional(),
    pathway: text.optional().meta({ description: 'the pathway file, relative to this file' }),
    baseline: text.optional().meta({ description: 'the pathway scenario the measures are added to (its default when absent)' }),
    priceYear: z.int().min(1990).max(2100).optional(),
    discountRate: numberOrPercent,
    maccYear: z.int(),
    basis: z.enum(['basic', 'basicPlus']).optional(),
    measures: z.record(id, planMeasureSchema),
    constraints: z
      .strictObject({
        targets: z.array(text).optional().meta({ description: 'ids of the pathway’s targets the portfolio must meet' }),
        budget: z.strictObject({ unit, perYear: z.union([z.number(), z.record(z.string().regex(/^\d{4}$/), z.number())]) }).optional(),
      })
      .optional(),
    criteria: z.record(id, z.strictObject({ weight: z.number(), direction: z.enum(['benefit', 'cost']).optional(), name: bilingualName.optional() })).optional(),
    prioritisation: z.strictObject({ perturbation: numberOrPercent.optional(), samples: z.int().optional(), seed: z.int().optional() }).optional(),
    airPollutants: z
      .strictObject({ road: z.strictObject({ diesel: z.enum(['diesel-heavy-duty', 'diesel-car']).optional(), gasoline: z.enum(['petrol-car']).optional() }).optional() })
      .optional(),
    catalogue: z.strictObject({ sources: z.array(catalogueSourceSchema).optional(), measures: z.array(catalogueMeasureSchema) }).optional(),
    energyPrices: z.record(id, energyPrice).optional().meta({ description: 'carrier → its price (money per energy)' }),
  })
  .meta({ title: 'peakpath plan file', description: 'An action plan: measures, costs, constraints, priorities (docs/plans.md).' });

export type PlanDocument = z.infer<typeof planSchema>;
export type PlanMeasureDocument = z.infer<typeof planMeasureSchema>;
