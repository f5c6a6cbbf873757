import { assessClimatePositive, type ClimatePositiveResult } from '../boundaries/climate-positive.ts';
import { CITY_ID, readDistrictFile, type DistrictFile, type DistrictFilePart, type PartKind } from '../boundaries/file.ts';
import { assessNearZero, type NearZeroResult } from '../boundaries/near-zero.ts';
import { reconcileParts } from '../boundaries/reconcile.ts';
import type { BoundaryIssue, PartsReconciliation, RemainderInput } from '../boundaries/types.ts';
import type { InventoryResult } from '../inventory/types.ts';
import type { Path } from '../issues/issue.ts';
import { inDocument, type DocumentIssue, type DocumentName, type EngineResult, type Resolution } from './documents.ts';

/**
 * A district file through the engine (docs/districts.md): the file read, the city's, each part's and a stated
 * remainder's inventory found (files relative to the district file in the CLI, stored documents in the API) and
 * computed, then `reconcileParts` and the assessments asked for. Every problem at once: the file's, every
 * inventory's, the reconciliation's and the assessments'.
 */

/** Which inventory the engine asks for: the city's, a part's (with the part as the file gives it) or the remainder's. */
export type DistrictInventoryRequest =
  | { readonly role: 'city'; readonly reference: string }
  | { readonly role: 'part'; readonly reference: string; readonly part: DistrictFilePart }
  | { readonly role: 'remainder'; readonly reference: string };

/**
 * The resolver's answer: a `Resolution`, or for a part whose entity is the problem (not a child of the city, not
 * one the caller may read) a failure naming the field `entity`, so the issue points at `parts.<id>.entity`.
 */
export type DistrictResolution = Resolution | { readonly ok: false; readonly reason: { readonly en: string; readonly zh: string }; readonly field: 'entity' };

/** Finds an inventory a district file names: the engine's resolver by default, the store's entities in the API. */
export type DistrictResolver = (request: DistrictInventoryRequest, from: DocumentName) => Promise<DistrictResolution>;

export interface DistrictInventory {
  /** The resolver's id of the inventory document (a file's path, a stored document's id). */
  readonly document: string;
  readonly result: InventoryResult;
}

/** A part assessed: the climate-positive verdict (when asked for) and the near-zero one (when asked for). */
export interface DistrictAssessmentRun {
  readonly part: string;
  readonly climatePositive?: ClimatePositiveResult | undefined;
  readonly nearZero?: (NearZeroResult & { readonly setGiven: 'shipped' | 'file' }) | undefined;
}

/** A district file computed: the file as read, each inventory with its document, the reconciliation and the assessments. */
export interface DistrictFileRun {
  readonly district: DistrictFile;
  readonly city: DistrictInventory;
  readonly parts: readonly (DistrictInventory & { readonly id: string; readonly kind?: PartKind | undefined })[];
  readonly remainder?: DistrictInventory | undefined;
  readonly reconciliation: PartsReconciliation;
  readonly assessments: readonly DistrictAssessmentRun[];
}

type Compute = (document: unknown, options: { id: string }) => EngineResult<InventoryResult>;

export async function runDistrict(document: unknown, self: DocumentName, find: DistrictResolver, inventory: Compute): Promise<EngineResult<DistrictFileRun>> {
  const read = readDistrictFile(document);
  if (!read.ok) return { ok: false, issues: inDocument(self, read.issues) };
  const { district } = read;
  const issues: DocumentIssue[] = [];
  const warnings: DocumentIssue[] = [];

  async function load(request: DistrictInventoryRequest, path: Path): Promise<DistrictInventory | undefined> {
    let found: DistrictResolution;
    try {
      found = await find(request, self);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      found = { ok: false, reason: { en: message, zh: message } };
    }
    if (!found.ok) {
      const at: Path = 'field' in found && request.role === 'part' ? ['parts', request.part.id, 'entity'] : path;
      issues.push({ document: self, path: at, code: 'unresolved-reference', kind: 'inventory', reference: request.reference, reason: found.reason });
      return undefined;
    }
    const computed = inventory(found.document, { id: found.id });
    if (!computed.ok) {
      issues.push(...computed.issues);
      return undefined;
    }
    warnings.push(...computed.warnings);
    return { document: found.id, result: computed.value };
  }

  const city = await load({ role: 'city', reference: district.city.inventory }, ['city', 'inventory']);
  const parts: (DistrictInventory & { id: string; kind?: PartKind | undefined })[] = [];
  for (const part of district.parts) {
    const loaded = await load({ role: 'part', reference: part.inventory, part }, ['parts', part.id, 'inventory']);
    if (loaded) parts.push({ ...loaded, id: part.id, ...(part.kind === undefined ? {} : { kind: part.kind }) });
  }
  const stated = district.remainder;
  const remainder = stated !== undefined && 'inventory' in stated ? await load({ role: 'remainder', reference: stated.inventory }, ['remainder', 'inventory']) : undefined;
  if (issues.length > 0 || city === undefined) return { ok: false, issues };

  const remainderInput: RemainderInput | undefined = remainder !== undefined ? { result: remainder.result } : stated !== undefined && 'figures' in stated ? { figures: stated.figures } : undefined;
  const partIds = parts.map((part) => part.id);
  const reconciled = reconcileParts({ id: CITY_ID, result: city.result }, parts, { remainder: remainderInput, tolerance: district.tolerance });
  if (!reconciled.ok) issues.push(...reconciled.issues.map((issue) => districtIssue(self, reconcilePath(issue.path, partIds), issue)));

  const assessments: DistrictAssessmentRun[] = [];
  for (const assessment of district.assessments) {
    const part = parts.find((candidate) => candidate.id === assessment.part)!;
    const at: Path = ['assessments', assessment.part];
    const abatements = assessment.climatePositive?.abatements ?? [];
    const climate = assessClimatePositive({ id: part.id, result: part.result }, abatements);
    if (!climate.ok) {
      issues.push(...climate.issues.map((issue) => districtIssue(self, [...at, 'climatePositive', ...issue.path], issue)));
      continue;
    }
    let nearZero: DistrictAssessmentRun['nearZero'];
    if (assessment.nearZero !== undefined) {
      const { set, setGiven, population, gdpWanYuan, baseline } = assessment.nearZero;
      const judged = assessNearZero(climate.value, set, { population, gdpWanYuan, baseline });
      if (!judged.ok) issues.push(...judged.issues.map((issue) => districtIssue(self, [...at, 'nearZero', nearZeroField(issue)], issue)));
      else nearZero = { ...judged.value, setGiven };
    }
    assessments.push({ part: part.id, ...(assessment.climatePositive === undefined ? {} : { climatePositive: climate.value }), ...(nearZero === undefined ? {} : { nearZero }) });
  }
  if (issues.length > 0 || !reconciled.ok) return { ok: false, issues };
  return { ok: true, value: { district, city, parts, ...(remainder === undefined ? {} : { remainder }), reconciliation: reconciled.value, assessments }, warnings };
}

/** The field of `nearZero` a criterion needs and the file lacks. */
const NEEDS: Partial<Record<BoundaryIssue['code'], string>> = { 'population-missing': 'population', 'gdp-missing': 'gdpWanYuan', 'baseline-missing': 'baseline' };

/** The field of `nearZero` an issue of the near-zero assessment is about: the figure it needs or refuses, else the set. */
function nearZeroField(issue: BoundaryIssue): string {
  const figure = issue.path[0];
  if (issue.code === 'figure-out-of-range' && typeof figure === 'string') return figure;
  return NEEDS[issue.code] ?? 'set';
}

/** `reconcileParts` names a part by its place in the list it was given: the file names it by id. */
function reconcilePath(path: readonly (string | number)[], partIds: readonly string[]): Path {
  if (path[0] === 'parts' && typeof path[1] === 'number') return ['parts', partIds[path[1]] ?? path[1]];
  return [...path];
}

function districtIssue(self: DocumentName, path: Path, issue: BoundaryIssue): DocumentIssue {
  return { document: self, path, code: 'district-input', reason: issue.code, text: issue.text };
}
