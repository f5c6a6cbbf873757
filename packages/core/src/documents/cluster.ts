import { z } from 'zod';
import { DOCUMENT_VERSIONS } from '../reading/versions.ts';
import { actionFields, correlationSchema, distributionSchema } from './pathway.ts';
import { bilingualName, fraction, formatVersion, id, numberOrPercent, schemaReference, text } from './shared.ts';

/** The cluster file (docs/clusters.md): its shape; cluster/file.ts remains the validator, aggregateCluster checks the pairings on the members' lines. */

const member = z.strictObject({
  inventory: text.meta({ description: 'the member’s inventory: a file relative to this file (CLI), or a document name of the member’s entity (API)' }),
  entity: text.optional().meta({ description: 'the member’s entity in a workspace, by slug or id (API); not read by the CLI' }),
  pathway: text.optional().meta({ description: 'the member’s pathway, starting from its inventory: a file relative to this file (CLI), or a document name of the member’s entity (API)' }),
});

/** How the members' pathways run together (docs/clusters.md, "Cluster pathways"). */
const pathways = z.strictObject({
  scenarios: z
    .record(
      id,
      z.strictObject({
        name: bilingualName.optional(),
        members: z.record(id, text).optional().meta({ description: 'member → the scenario of its pathway; its default when absent' }),
        actions: z.array(id).optional().meta({ description: 'the cluster actions the scenario takes' }),
      }),
    )
    .optional(),
  default: id.optional().meta({ description: 'the cluster scenario shown in detail; the first when absent' }),
  shared: z
    .record(
      text,
      z.strictObject({
        value: numberOrPercent.optional().meta({ description: 'the value in every member, in the unit their files give it; the members’ own (which must agree) when absent' }),
        uncertainty: distributionSchema.optional().meta({ description: 'one draw per run for every member' }),
        members: z.array(id).min(1).optional().meta({ description: 'the members that share it; every member when absent' }),
      }),
    )
    .optional()
    .meta({ description: 'parameter path (as in the members’ pathway files) → one value and one draw for the members' }),
  actions: z
    .record(
      id,
      z.strictObject({
        ...actionFields,
        members: z.array(id).min(1).meta({ description: 'the members that take the action' }),
        split: z.record(id, fraction).optional().meta({ description: 'member → its part of the action’s fixed amounts (generation, removal, plant); the parts add to 1' }),
      }),
    )
    .optional()
    .meta({ description: 'actions taken at the cluster’s level, added to the pathways of the members that take them' }),
  correlations: z.array(correlationSchema).optional().meta({ description: 'correlations across members: parameters named member/path (shared ones shared/path)' }),
});

const pairing = z.strictObject({
  line: z.strictObject({ member: id, index: z.int().min(0).meta({ description: 'the line’s place in the member’s `activities`, from 0' }) }),
  counterpart: z.strictObject({
    member: id,
    row: text.optional().meta({ description: 'the GPC row of the counterpart that holds the flow in its scope 1 (I.4.4, III.x.3, III.x.1, II.x.1)' }),
  }),
  share: fraction.optional().meta({ description: 'the part of the line that is the flow, 0–1 or "80%"; the whole line when absent' }),
  mwh: z.number().positive().optional().meta({ description: 'electricity lines: the MWh of the flow, checked against the counterpart’s net exports' }),
  gj: z.number().positive().optional().meta({ description: 'heat lines: the GJ of the flow, checked against the counterpart’s net exports' }),
  tonnes: z.number().positive().optional().meta({ description: 'waste lines: the tonnes sent, checked against the tonnes the counterpart treats on the paired row' }),
  vkm: z.number().positive().optional().meta({ description: 'trips lines: the vehicle-km driven in the counterpart, checked against its II.x.1 vehicle-km' }),
});

export const clusterSchema = z
  .strictObject({
    $schema: schemaReference,
    version: formatVersion(DOCUMENT_VERSIONS.cluster.current, 'cluster'),
    name: bilingualName,
    members: z.record(id, member),
    pairings: z.array(pairing).optional(),
    pathways: pathways.optional(),
  })
  .meta({ title: 'peakpath cluster file', description: 'A cluster of cities, districts or parks whose inventories add up with internal flows counted once (docs/clusters.md).' });

export type ClusterDocument = z.infer<typeof clusterSchema>;
