import type { Issue, Path } from '../issues/issue.ts';
import { bilingualName, entries } from '../pathway/read-fields.ts';
import { Reader, typeName, type Fields } from '../reading/reader.ts';
import { migrate } from '../reading/versions.ts';
import { closest } from '../text/closest.ts';
import type { Abatement } from './climate-positive.ts';
import { nearZeroSets, parseNearZeroSet, type NearZeroSet } from './criteria.ts';
import type { NearZeroOptions } from './near-zero.ts';
import { REMAINDER_ID } from './reconcile.ts';
import type { Basis, Text } from './types.ts';

/**
 * The district file (docs/districts.md): a city and its parts — districts, industrial parks, communities — each
 * naming its inventory (a file relative to the district file for the CLI; a document name of the city's entity,
 * or of the part's entity, for the API), what the parts do not cover (a remainder inventory, or figures per
 * basis), the tolerance, and the assessments of parts against the climate-positive criterion and a near-zero
 * criteria set. The checks that need the inventories (a remainder figure on a basis none has) are
 * `reconcileParts`'s.
 */
export interface DistrictFile {
  readonly version: number;
  readonly name: Text;
  /** The city's inventory, as written. */
  readonly city: { readonly inventory: string };
  /** In the file's order; `reconcileParts` lists them by id. */
  readonly parts: readonly DistrictFilePart[];
  readonly remainder?: DistrictFileRemainder | undefined;
  readonly tolerance?: number | undefined;
  readonly assessments: readonly DistrictAssessment[];
}

export const PART_KINDS = ['district', 'park', 'community'] as const;
export type PartKind = (typeof PART_KINDS)[number];

export interface DistrictFilePart {
  /** The part's id: the key of `parts`, which assessments name. */
  readonly id: string;
  readonly inventory: string;
  readonly kind?: PartKind | undefined;
  /** The part's entity in a workspace (slug or id): a child of the city. The API reads it, the CLI ignores it. */
  readonly entity?: string | undefined;
}

export type DistrictFileRemainder = { readonly inventory: string } | { readonly figures: Readonly<Partial<Record<Basis, number>>> };

/** A part assessed: against the climate-positive criterion (its abatements), against a near-zero criteria set, or both. */
export interface DistrictAssessment {
  readonly part: string;
  readonly climatePositive?: { readonly abatements: readonly Abatement[] } | undefined;
  readonly nearZero?: (NearZeroOptions & { readonly set: NearZeroSet; readonly setGiven: 'shipped' | 'file' }) | undefined;
}

export type DistrictFileRead = { readonly ok: true; readonly district: DistrictFile } | { readonly ok: false; readonly issues: readonly Issue[] };

const TOP_FIELDS: ReadonlySet<string> = new Set(['$schema', 'version', 'name', 'city', 'parts', 'remainder', 'tolerance', 'assessments']);
const CITY_FIELDS: ReadonlySet<string> = new Set(['inventory']);
const PART_FIELDS: ReadonlySet<string> = new Set(['inventory', 'kind', 'entity']);
const REMAINDER_FIELDS: ReadonlySet<string> = new Set(['inventory', 'figures']);
const ASSESSMENT_FIELDS: ReadonlySet<string> = new Set(['climatePositive', 'nearZero']);
const CLIMATE_FIELDS: ReadonlySet<string> = new Set(['abatements']);
const ABATEMENT_FIELDS: ReadonlySet<string> = new Set(['id', 'kind', 'tco2e', 'description', 'evidence']);
const EVIDENCE_FIELDS: ReadonlySet<string> = new Set(['document', 'issuer']);
const NEAR_ZERO_FIELDS: ReadonlySet<string> = new Set(['set', 'population', 'gdpWanYuan', 'baseline']);
const ABATEMENT_KINDS = ['on-site', 'outside'] as const;
/** Ids the reconciliation gives the city and a stated remainder inventory: no part may take them. */
export const CITY_ID = 'city';
const RESERVED_PARTS: readonly string[] = [CITY_ID, REMAINDER_ID];

/**
 * Reads a district file: every problem with its path at once (unknown fields with a did-you-mean, an assessment of
 * a part that is not one of `parts` with the nearest id, a near-zero set that is not shipped with the nearest id,
 * a set given in the file checked by the criteria's schema).
 */
export function readDistrictFile(document: unknown): DistrictFileRead {
  const migrated = migrate('district', document);
  if (migrated.unreadable || migrated.issues.length > 0) return { ok: false, issues: migrated.issues };
  const top = migrated.document;
  if (typeof top !== 'object' || top === null || Array.isArray(top)) {
    return { ok: false, issues: [{ path: [], code: 'not-a-document', got: top === null ? 'null' : Array.isArray(top) ? 'array' : typeof top, kind: 'district' }] };
  }
  const reader = new Reader();
  const fields = top as Fields;
  reader.onlyFields(fields, TOP_FIELDS, []);
  reader.string(fields, '$schema', [], false);
  const version = reader.number(fields, 'version', [], { required: false, integer: true, min: 1, max: 1 }) ?? 1;
  if (fields['name'] === undefined) reader.report(['name'], { code: 'required' });
  const name = bilingualName(reader, fields['name'], ['name'], '');
  const cityFields = reader.object(fields['city'], ['city']);
  let cityInventory: string | undefined;
  if (cityFields) {
    reader.onlyFields(cityFields, CITY_FIELDS, ['city']);
    cityInventory = reader.string(cityFields, 'inventory', ['city'], true);
  }
  const parts = readParts(reader, fields['parts']);
  const remainder = readRemainder(reader, fields['remainder']);
  const tolerance = reader.number(fields, 'tolerance', [], { required: false, min: 0, max: Number.MAX_VALUE });
  // Assessments may name every part listed, even one whose own entry has a problem (reported there).
  const partIds = entries(new Reader(), fields['parts'], ['parts'], false).map(([id]) => id);
  const assessments = readAssessments(reader, fields['assessments'], partIds);
  if (reader.issues.length > 0 || cityInventory === undefined) return { ok: false, issues: reader.issues };
  return { ok: true, district: { version, name, city: { inventory: cityInventory }, parts, remainder, tolerance, assessments } };
}

function readParts(reader: Reader, value: unknown): DistrictFilePart[] {
  const parts: DistrictFilePart[] = [];
  const listed = entries(reader, value, ['parts'], true);
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) reader.report(['parts'], { code: 'required' });
  for (const [id, given] of listed) {
    const path: Path = ['parts', id];
    if (RESERVED_PARTS.includes(id)) reader.report(path, { code: 'reserved-id', got: id });
    const fields = reader.object(given, path);
    if (!fields) continue;
    reader.onlyFields(fields, PART_FIELDS, path);
    const inventory = reader.string(fields, 'inventory', path, true);
    const kind = reader.choice(fields, 'kind', path, PART_KINDS, false);
    const entity = reader.string(fields, 'entity', path, false);
    if (inventory !== undefined) parts.push({ id, inventory, ...(kind === undefined ? {} : { kind }), ...(entity === undefined ? {} : { entity }) });
  }
  return parts;
}

function readRemainder(reader: Reader, value: unknown): DistrictFileRemainder | undefined {
  if (value === undefined) return undefined;
  const path: Path = ['remainder'];
  const fields = reader.object(value, path);
  if (!fields) return undefined;
  reader.onlyFields(fields, REMAINDER_FIELDS, path);
  const inventory = reader.string(fields, 'inventory', path, false);
  if (inventory !== undefined && fields['figures'] !== undefined) {
    reader.report([...path, 'figures'], { code: 'conflict', fields: ['inventory', 'figures'] });
    return undefined;
  }
  if (inventory !== undefined) return { inventory };
  if (fields['figures'] === undefined) {
    reader.report([...path, 'inventory'], { code: 'required' });
    return undefined;
  }
  const figures: Partial<Record<Basis, number>> = {};
  for (const [basis] of entries(reader, fields['figures'], [...path, 'figures'], true)) {
    // A basis the inventories do not have is `reconcileParts`'s to refuse (unknown-basis): it knows them.
    const figure = reader.number(fields['figures'] as Fields, basis, [...path, 'figures'], { required: true, allowNegative: true });
    if (figure !== undefined) figures[basis as Basis] = figure;
  }
  return { figures };
}

function readAssessments(reader: Reader, value: unknown, parts: readonly string[]): DistrictAssessment[] {
  const assessments: DistrictAssessment[] = [];
  for (const [part, given] of entries(reader, value, ['assessments'], false)) {
    const path: Path = ['assessments', part];
    if (!parts.includes(part)) reader.report(path, { code: 'enum', got: part, allowed: parts, suggestion: closest(part, parts) });
    const fields = reader.object(given, path);
    if (!fields) continue;
    reader.onlyFields(fields, ASSESSMENT_FIELDS, path);
    if (fields['climatePositive'] === undefined && fields['nearZero'] === undefined) reader.report([...path, 'climatePositive'], { code: 'required' });
    const climatePositive = fields['climatePositive'] === undefined ? undefined : readClimatePositive(reader, fields['climatePositive'], [...path, 'climatePositive']);
    const nearZero = fields['nearZero'] === undefined ? undefined : readNearZero(reader, fields['nearZero'], [...path, 'nearZero']);
    assessments.push({ part, climatePositive, nearZero });
  }
  return assessments;
}

function readClimatePositive(reader: Reader, value: unknown, path: Path): { abatements: Abatement[] } | undefined {
  const fields = reader.object(value, path);
  if (!fields) return undefined;
  reader.onlyFields(fields, CLIMATE_FIELDS, path);
  const list = fields['abatements'];
  if (list === undefined) return { abatements: [] };
  if (!Array.isArray(list)) {
    reader.report([...path, 'abatements'], { code: 'type', expected: 'array', got: typeName(list) });
    return undefined;
  }
  const abatements: Abatement[] = [];
  const seen = new Map<string, Path>();
  list.forEach((given, index) => {
    const at: Path = [...path, 'abatements', index];
    const abatement = reader.object(given, at);
    if (!abatement) return;
    reader.onlyFields(abatement, ABATEMENT_FIELDS, at);
    const id = reader.string(abatement, 'id', at, true);
    if (id !== undefined) reader.distinct(seen, id, [...at, 'id']);
    const kind = reader.choice(abatement, 'kind', at, ABATEMENT_KINDS, true);
    const tco2e = reader.number(abatement, 'tco2e', at, { required: true, positive: true });
    const description = reader.string(abatement, 'description', at, false);
    let evidence: Abatement['evidence'];
    // Evidence is optional: an abatement without it is read, and the assessment lists it as not counted.
    if (abatement['evidence'] !== undefined) {
      const evidenceFields = reader.object(abatement['evidence'], [...at, 'evidence']);
      if (evidenceFields) {
        reader.onlyFields(evidenceFields, EVIDENCE_FIELDS, [...at, 'evidence']);
        const document = reader.string(evidenceFields, 'document', [...at, 'evidence'], true);
        const issuer = reader.string(evidenceFields, 'issuer', [...at, 'evidence'], false);
        if (document !== undefined) evidence = { document, ...(issuer === undefined ? {} : { issuer }) };
      }
    }
    if (id === undefined || kind === undefined || tco2e === undefined) return;
    abatements.push({ id, kind, tco2e, ...(description === undefined ? {} : { description }), ...(evidence === undefined ? {} : { evidence }) });
  });
  return { abatements };
}

function readNearZero(reader: Reader, value: unknown, path: Path): DistrictAssessment['nearZero'] {
  const fields = reader.object(value, path);
  if (!fields) return undefined;
  reader.onlyFields(fields, NEAR_ZERO_FIELDS, path);
  const population = reader.count(fields, 'population', path, 'population', false);
  const gdpWanYuan = reader.number(fields, 'gdpWanYuan', path, { required: false, positive: true });
  const baseline = reader.number(fields, 'baseline', path, { required: false, positive: true });
  const set = readSet(reader, fields['set'], [...path, 'set']);
  if (set === undefined) return undefined;
  return { ...set, population, gdpWanYuan, baseline };
}

/** A criteria set: the id of a shipped one (data/districts/criteria.json), or a set written in the file. */
function readSet(reader: Reader, value: unknown, path: Path): { set: NearZeroSet; setGiven: 'shipped' | 'file' } | undefined {
  if (value === undefined) {
    reader.report(path, { code: 'required' });
    return undefined;
  }
  if (typeof value === 'string') {
    const shipped = nearZeroSets();
    const set = shipped.find((candidate) => candidate.id === value);
    if (set) return { set, setGiven: 'shipped' };
    const ids = shipped.map((candidate) => candidate.id);
    reader.report(path, { code: 'enum', got: value, allowed: ids, suggestion: closest(value, ids) });
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    // The id of a shipped set, or a set written out: anything else is neither.
    reader.report(path, { code: 'type', expected: 'string', got: typeName(value) });
    return undefined;
  }
  const parsed = parseNearZeroSet(value);
  if (parsed.ok) return { set: parsed.value, setGiven: 'file' };
  for (const problem of parsed.issues) reader.report([...path, ...problem.path], { code: 'district-input', reason: 'near-zero-set', text: problem.text });
  return undefined;
}
