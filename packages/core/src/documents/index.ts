/**
 * Documents as declared types: zod schemas of the inventory, pathway and plan files, their TypeScript
 * types, and the JSON Schema files derived from them (docs/schemas/, `npm run schemas`).
 */
import { z } from 'zod';
import type { DocumentKind } from '../issues/issue.ts';
import { DOCUMENT_VERSIONS } from '../reading/versions.ts';
import { inventorySchema } from './inventory.ts';
import { pathwaySchema } from './pathway.ts';
import { planSchema } from './plan.ts';
import { trackingSchema } from './tracking.ts';
import { clusterSchema } from './cluster.ts';
import { districtSchema } from './district.ts';

export { inventorySchema, type InventoryDocument, type ActivityLineDocument } from './inventory.ts';
export { pathwaySchema, type PathwayDocument, type EffectDocument, type AdoptionDocument } from './pathway.ts';
export { planSchema, type PlanDocument, type PlanMeasureDocument } from './plan.ts';
export { trackingSchema, type TrackingDocument } from './tracking.ts';
export { clusterSchema, type ClusterDocument } from './cluster.ts';
export { districtSchema, type DistrictDocument } from './district.ts';
export { METHOD_FIELD_SCHEMAS } from './method-fields.ts';

export const DOCUMENT_SCHEMAS: Readonly<Record<DocumentKind, z.ZodType>> = { inventory: inventorySchema, pathway: pathwaySchema, plan: planSchema, tracking: trackingSchema, cluster: clusterSchema, district: districtSchema };


/** The JSON Schema (draft 2020-12) of a document kind, as checked in under docs/schemas/. */
export function documentJsonSchema(kind: DocumentKind): Record<string, unknown> {
  // Pieces with an `id` (a GPC row, `{ value, unit }`, a name …) are written once, under $defs.
  const generated = z.toJSONSchema(DOCUMENT_SCHEMAS[kind], { target: 'draft-2020-12', unrepresentable: 'throw', io: 'input' }) as Record<string, unknown>;
  const { $schema, title, description, ...rest } = generated;
  // A URN, not a web address: the schema is the file under docs/schemas/; the id names kind and format version.
  return { $schema, $id: `urn:peakpath:schema:${kind}:${DOCUMENT_VERSIONS[kind].current}`, title, description, ...rest };
}

/** The text of docs/schemas/<kind>.schema.json, as `npm run schemas` writes it. */
export function documentJsonSchemaText(kind: DocumentKind): string {
  return `${JSON.stringify(documentJsonSchema(kind), null, 2)}\n`;
}
