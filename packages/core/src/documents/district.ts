import { z } from 'zod';
import { nearZeroSetSchema } from '../boundaries/criteria.ts';
import { DOCUMENT_VERSIONS } from '../reading/versions.ts';
import { bilingualName, count, formatVersion, id, schemaReference, text } from './shared.ts';

/**
 * The district file (docs/districts.md): its shape; boundaries/file.ts remains the validator, `reconcileParts`
 * checks the remainder's bases against the inventories.
 */

const inventory = text.meta({ description: 'an inventory: a file relative to this file (CLI), or a document name of the city’s entity or of the part’s entity (API)' });

const part = z.strictObject({
  inventory,
  kind: z.enum(['district', 'park', 'community']).optional().meta({ description: 'what the part is: a district (区县), an industrial park (园区) or a community (社区)' }),
  entity: text.optional().meta({ description: 'the part’s entity in a workspace, by slug or id: a child of the city (API); not read by the CLI' }),
});

const remainder = z.union([
  z.strictObject({ inventory }),
  z.strictObject({
    figures: z.record(z.string(), z.number()).meta({ description: 'tCO2e per basis: basic, basicPlus, scope1–3, or <sector>.<basis> (I.scope2, III.territorial); a basis left out is computed as city − parts' }),
  }),
]).meta({ description: 'what the parts do not cover: an inventory, or figures per basis; absent: computed as city − parts' });

const abatement = z.strictObject({
  id,
  kind: z.enum(['on-site', 'outside']).meta({ description: 'on-site: inside the boundary and not already in the inventory; outside: credited from outside the boundary' }),
  tco2e: z.number().positive().meta({ description: 'tCO2e in the inventory’s year' }),
  description: text.optional(),
  evidence: z.strictObject({ document: text, issuer: text.optional() }).optional().meta({ description: 'what proves it; an abatement without evidence is not counted' }),
});

const assessment = z.strictObject({
  climatePositive: z.strictObject({ abatements: z.array(abatement).optional() }).optional().meta({ description: 'the C40 climate-positive criterion: net operational emissions below zero' }),
  nearZero: z
    .strictObject({
      set: z.union([text.meta({ description: 'the id of a shipped set (user-input-example)' }), nearZeroSetSchema]),
      population: count.optional(),
      gdpWanYuan: z.number().positive().optional().meta({ description: 'GDP in 万元, for criteria per GDP' }),
      baseline: z.number().positive().optional().meta({ description: 'operational emissions of the baseline, tCO2e, for criteria on the reduction from it' }),
    })
    .optional()
    .meta({ description: 'a near-zero-carbon demonstration-zone criteria set: shipped (by id) or written here' }),
});

export const districtSchema = z
  .strictObject({
    $schema: schemaReference,
    version: formatVersion(DOCUMENT_VERSIONS.district.current, 'district'),
    name: bilingualName,
    city: z.strictObject({ inventory }),
    parts: z.record(id, part).meta({ description: 'the districts, parks and communities, by id (not "city" or "remainder")' }),
    remainder: remainder.optional(),
    tolerance: z.number().min(0).optional().meta({ description: 'tCO2e; a difference beyond it is listed (0.5 when absent)' }),
    assessments: z.record(id, assessment).optional().meta({ description: 'assessments of parts, by part id' }),
  })
  .meta({ title: 'peakpath district file', description: 'A city and its parts (districts, parks, communities): the parts and a remainder checked against the city, parts assessed as climate positive or near-zero carbon (docs/districts.md).' });

export type DistrictDocument = z.infer<typeof districtSchema>;
