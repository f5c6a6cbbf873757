import type { Issue, Path } from '../issues/issue.ts';
import { bilingualName, entries } from '../pathway/read-fields.ts';
import { Reader, type Fields } from '../reading/reader.ts';
import { migrate } from '../reading/versions.ts';
import { readClusterPathways, type ClusterPathwaysSpec } from './pathway-file.ts';
import type { Pairing } from './types.ts';

/**
 * The cluster file (docs/clusters.md): the cluster's name, its members each with the inventory it reports (a
 * file relative to the cluster file for the CLI, a document name of the member's entity for the API), and the
 * pairings of members' cross-boundary lines, members named by the ids of `members`.
 */
export interface ClusterFile {
  readonly version: number;
  readonly name: { readonly en: string; readonly zh: string };
  readonly members: readonly ClusterFileMember[];
  readonly pairings: readonly Pairing[];
  /** How the members' pathways run together (docs/clusters.md, "Cluster pathways"); absent when the file says nothing of it. */
  readonly pathways?: ClusterPathwaysSpec | undefined;
}

export interface ClusterFileMember {
  /** The member's id in the cluster: the key of `members`, which pairings name. */
  readonly id: string;
  /** The reference to its inventory, as written. */
  readonly inventory: string;
  /** The member's entity in a workspace (its slug or id); the API reads it, the CLI ignores it. */
  readonly entity?: string | undefined;
  /** The reference to its pathway (a file relative to the cluster file; a document name in the workspace), when it runs in the cluster's pathways. */
  readonly pathway?: string | undefined;
}

export type ClusterFileRead = { readonly ok: true; readonly cluster: ClusterFile } | { readonly ok: false; readonly issues: readonly Issue[] };

const TOP_FIELDS: ReadonlySet<string> = new Set(['$schema', 'version', 'name', 'members', 'pairings', 'pathways']);
const MEMBER_FIELDS: ReadonlySet<string> = new Set(['inventory', 'entity', 'pathway']);
const PAIRING_FIELDS: ReadonlySet<string> = new Set(['line', 'counterpart', 'share', 'mwh', 'gj', 'tonnes', 'vkm']);
const LINE_FIELDS: ReadonlySet<string> = new Set(['member', 'index']);
const COUNTERPART_FIELDS: ReadonlySet<string> = new Set(['member', 'row']);

/**
 * Reads a cluster file: every problem with its path at once (unknown fields with a did-you-mean, a pairing's
 * member that is not one of `members` with the nearest id). What needs the members' inventories (the line on
 * its row, the counterpart's exports) is `aggregateCluster`'s to check.
 */
export function readClusterFile(document: unknown): ClusterFileRead {
  const migrated = migrate('cluster', document);
  if (migrated.unreadable || migrated.issues.length > 0) return { ok: false, issues: migrated.issues };
  const reader = new Reader();
  const top = migrated.document;
  if (typeof top !== 'object' || top === null || Array.isArray(top)) {
    return { ok: false, issues: [{ path: [], code: 'not-a-document', got: top === null ? 'null' : Array.isArray(top) ? 'array' : typeof top, kind: 'cluster' }] };
  }
  const fields = top as Fields;
  reader.onlyFields(fields, TOP_FIELDS, []);
  reader.string(fields, '$schema', [], false);
  const version = reader.number(fields, 'version', [], { required: false, integer: true, min: 1, max: 1 }) ?? 1;
  if (fields['name'] === undefined) reader.report(['name'], { code: 'required' });
  const name = bilingualName(reader, fields['name'], ['name'], '');
  const members = readMembers(reader, fields['members']);
  // Pairings may name every member listed, even one whose own entry has a problem (reported there).
  const ids = entries(new Reader(), fields['members'], ['members'], false).map(([id]) => id);
  const pairings = readPairings(reader, fields['pairings'], ids);
  const withPathway = members.filter((member) => member.pathway !== undefined).map((member) => member.id);
  const pathways = readClusterPathways(reader, fields['pathways'], ids, withPathway);
  if (reader.issues.length > 0) return { ok: false, issues: reader.issues };
  return { ok: true, cluster: { version, name, members, pairings, ...(pathways === undefined ? {} : { pathways }) } };
}

function readMembers(reader: Reader, value: unknown): ClusterFileMember[] {
  const members: ClusterFileMember[] = [];
  const listed = entries(reader, value, ['members'], true);
  const empty = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
  if (empty) reader.report(['members'], { code: 'required' });
  for (const [id, given] of listed) {
    const path: Path = ['members', id];
    const fields = reader.object(given, path);
    if (!fields) continue;
    reader.onlyFields(fields, MEMBER_FIELDS, path);
    const inventory = reader.string(fields, 'inventory', path, true);
    const entity = reader.string(fields, 'entity', path, false);
    const pathway = reader.string(fields, 'pathway', path, false);
    if (inventory !== undefined) members.push({ id, inventory, entity, ...(pathway === undefined ? {} : { pathway }) });
  }
  return members;
}

function readPairings(reader: Reader, value: unknown, members: readonly string[]): Pairing[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    reader.report(['pairings'], { code: 'type', expected: 'array', got: value === null ? 'null' : typeof value });
    return [];
  }
  const pairings: Pairing[] = [];
  value.forEach((given, index) => {
    const path: Path = ['pairings', index];
    const fields = reader.object(given, path);
    if (!fields) return;
    reader.onlyFields(fields, PAIRING_FIELDS, path);
    const line = readEnd(reader, fields, 'line', path, LINE_FIELDS, members);
    const counterpart = readEnd(reader, fields, 'counterpart', path, COUNTERPART_FIELDS, members);
    const lineIndex = line ? reader.number(line.fields, 'index', [...path, 'line'], { required: true, integer: true, min: 0, max: Number.MAX_SAFE_INTEGER }) : undefined;
    const row = counterpart ? reader.string(counterpart.fields, 'row', [...path, 'counterpart'], false) : undefined;
    const share = reader.number(fields, 'share', path, { required: false, min: 0, max: 1 });
    const mwh = reader.number(fields, 'mwh', path, { required: false, positive: true });
    const gj = reader.number(fields, 'gj', path, { required: false, positive: true });
    // Waste and trips pairings' amounts (tonnes sent, vehicle-km), checked by aggregateCluster like mwh and gj.
    const tonnes = reader.number(fields, 'tonnes', path, { required: false, positive: true });
    const vkm = reader.number(fields, 'vkm', path, { required: false, positive: true });
    if (line?.member === undefined || lineIndex === undefined || counterpart?.member === undefined) return;
    pairings.push({ line: { member: line.member, index: lineIndex }, counterpart: { member: counterpart.member, ...(row === undefined ? {} : { row }) }, share, mwh, gj, tonnes, vkm });
  });
  return pairings;
}

/** A pairing's `line` or `counterpart`: its fields and its `member`, one of the cluster's. */
function readEnd(
  reader: Reader,
  fields: Fields,
  key: 'line' | 'counterpart',
  path: Path,
  allowed: ReadonlySet<string>,
  members: readonly string[],
): { fields: Fields; member: string | undefined } | undefined {
  const at: Path = [...path, key];
  const end = reader.object(fields[key], at);
  if (!end) return undefined;
  reader.onlyFields(end, allowed, at);
  return { fields: end, member: reader.choice(end, 'member', at, members, true) };
}
