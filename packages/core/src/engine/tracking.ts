import type { Issue } from '../issues/issue.ts';
import { entries } from '../pathway/read-fields.ts';
import type { Catalogue } from '../plan/catalogue.ts';
import { Reader } from '../reading/reader.ts';
import { migrate } from '../reading/versions.ts';
import { computeTracking } from '../tracking/compute.ts';
import { isIsoDate } from '../tracking/dates.ts';
import { parseTracking } from '../tracking/parse.ts';
import type { Tracking, TrackingResult } from '../tracking/types.ts';
import { inDocument, type DocumentIssue, type DocumentName, type EngineResult } from './documents.ts';

/**
 * A tracking file through the engine (docs/tracking.md): read with the measures of the plan it names (and the
 * catalogue's), then judged at the caller's date. The core reads no clock, so the date always comes in.
 */

/** A tracking file read and judged at `asOf`. */
export interface TrackingRun {
  readonly tracking: Tracking;
  readonly result: TrackingResult;
}

/** What the measures of a tracking file's actions are checked against. */
export type MeasureCheck =
  /** The plan's measure ids and the catalogue's. */
  | { readonly kind: 'plan'; readonly planMeasures: readonly string[] }
  /** The tracking names no plan: the catalogue's ids only. */
  | { readonly kind: 'catalogue' }
  /** The plan it names could not be read (its problems are reported): the measures are left unchecked rather than all called unknown. */
  | { readonly kind: 'unchecked' };

/**
 * The ids of a plan's measures (the keys of its `measures`), or the problems that keep them from being read.
 * Only the ids: a tracking file needs to know which measures the plan has, not to compile the plan.
 */
export function planMeasureIds(plan: unknown): { ok: true; ids: string[] } | { ok: false; issues: Issue[] } {
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) {
    return { ok: false, issues: [{ path: [], code: 'not-a-document', kind: 'plan', got: plan === null ? 'null' : Array.isArray(plan) ? 'array' : typeof plan }] };
  }
  const migrated = migrate('plan', plan);
  if (migrated.unreadable) return { ok: false, issues: [...migrated.issues] };
  const reader = new Reader();
  const ids = entries(reader, (migrated.document as Record<string, unknown>)['measures'], ['measures'], true).map(([id]) => id);
  return reader.issues.length > 0 ? { ok: false, issues: reader.issues } : { ok: true, ids };
}

/**
 * Reads the tracking file with `check`'s measures and judges it at `asOf`. Every problem at once: the date's
 * (the request's), the tracking file's, and those found before (`prior`: the plan's, a reference that failed).
 */
export function runTracking(
  document: unknown,
  self: DocumentName,
  asOf: string,
  check: MeasureCheck,
  catalogue: Catalogue,
  prior: readonly DocumentIssue[] = [],
): EngineResult<TrackingRun> {
  const issues: DocumentIssue[] = [...prior];
  const realDate = typeof asOf === 'string' && isIsoDate(asOf);
  if (!realDate) issues.push({ document: { kind: 'request', id: 'tracking' }, path: ['asOf'], code: 'invalid-date', got: String(asOf) });
  const parsed = parseTracking(
    document,
    check.kind === 'plan' ? { catalogue, planMeasures: check.planMeasures } : check.kind === 'catalogue' ? { catalogue } : {},
  );
  if (!parsed.ok) issues.push(...inDocument(self, parsed.issues));
  if (!parsed.ok || !realDate || issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { tracking: parsed.tracking, result: computeTracking(parsed.tracking, asOf) }, warnings: inDocument(self, parsed.warnings) };
}
