import { z } from 'zod';
import { DOCUMENT_VERSIONS } from '../reading/versions.ts';
import { bilingualName, fraction, formatVersion, id, schemaReference, text } from './shared.ts';

/** The cluster file (docs/clusters.md): its shape; cluster/file.ts remains the validator, aggregateCluster checks the pairings on the members' lines. */

const member = z.strictObject({
  inventory: text.meta({ description: 'the member’s inventory: a file relative to this file (CLI), or a document name of the member’s entity (API)' }),
  entity: text.optional().meta({ description: 'the member’s entity in a workspace, by slug or id (API); not read by the CLI' }),
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
  })
  .meta({ title: 'peakpath cluster file', description: 'A cluster of cities, districts or parks whose inventories add up with internal flows counted once (docs/clusters.md).' });

export type ClusterDocument = z.infer<typeof clusterSchema>;
