import type { DocumentKind, Issue } from '../issues/issue.ts';
import { formatIssue } from '../issues/messages.ts';

/**
 * Documents and the references between them. A pathway names its base-year inventory (`inventory:`),
 * a plan its pathway (`pathway:`), a tracking file its plan (`plan:`); the engine asks the caller's resolver for each: files in the CLI
 * (relative to the referring file), rows of the store in a server, a map in a test or a browser.
 */

/**
 * A document as the engine knows it: its kind and the id its resolver gave it (a file's path, a store
 * key). The parameters of a call (a scenario id, Monte Carlo runs) are the `request` "document", its
 * id the entry point.
 */
export interface DocumentName {
  readonly kind: DocumentKind | 'request';
  readonly id: string;
}

/** What the engine asks a resolver for: the `kind` document that `reference` names, as written in `from`. */
export interface DocumentRequest {
  readonly kind: DocumentKind;
  readonly reference: string;
  readonly from: DocumentName;
}

/** The resolver's answer: the document (already parsed from JSON or YAML) with its id, or why there is none. */
export type Resolution =
  | { readonly ok: true; readonly id: string; readonly document: unknown }
  | { readonly ok: false; readonly reason: { readonly en: string; readonly zh: string } };

export type DocumentResolver = (request: DocumentRequest) => Promise<Resolution>;

/** An input problem with the document it is in: every issue the engine returns names its document and path. */
export type DocumentIssue = Issue & { readonly document: DocumentName };

/**
 * What every engine entry point returns: the value with the warnings of every document involved
 * (values far outside any city, lines that may be counted twice: issues/issue.ts `WarningDetail`), or
 * every problem of every document involved. Never a throw on bad input. A warning has the shape of an
 * issue (code, path, parameters, document); where it is says it is a warning.
 */
export type EngineResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly DocumentIssue[] }
  | { readonly ok: false; readonly issues: readonly DocumentIssue[] };

/** A warning as the JSON outputs list it (`warnings`): the issue as it is, with its sentence in both languages (`text`, as assumptions have). */
export type WarningJson = DocumentIssue & { readonly text: { readonly en: string; readonly zh: string } };

/** The `warnings` of a JSON output: the CLI's `--json`, the API and the report print these. */
export const warningsJson = (warnings: readonly DocumentIssue[]): WarningJson[] =>
  warnings.map((warning) => ({ ...warning, text: { en: formatIssue(warning, 'en'), zh: formatIssue(warning, 'zh') } }));

export const inDocument = (document: DocumentName, issues: readonly Issue[]): DocumentIssue[] => issues.map((issue) => ({ ...issue, document }));

/**
 * A resolver over documents held in memory, keyed by the reference that names them (for tests, a
 * browser, or a server that has loaded a city's documents already). A missing key is a failure.
 */
export function documentMap(documents: Readonly<Record<string, unknown>>): DocumentResolver {
  return async ({ reference }) =>
    Object.hasOwn(documents, reference)
      ? { ok: true, id: reference, document: documents[reference] }
      : { ok: false, reason: { en: 'no such document', zh: '没有该文件' } };
}

/** The resolver when the caller gave none: every reference fails, and says so. */
export const noResolver: DocumentResolver = async () => ({
  ok: false,
  reason: { en: 'this engine was created without a document resolver', zh: '引擎未配置文件解析器，无法读取所引用的文件' },
});

/** The kind of document that names each kind: a pathway names its inventory, a plan its pathway, a tracking file its plan. */
const REFERRER = { inventory: 'pathway', pathway: 'plan', plan: 'tracking' } as const satisfies Record<ReferenceField, DocumentKind>;

/** The fields by which one document names another: each is also the kind of the document named. */
export type ReferenceField = 'inventory' | 'pathway' | 'plan';

/**
 * The document a reference in `from` names, or the issue that says why not. A resolver that throws is
 * treated as one that failed: its message becomes the reason.
 */
export async function follow(
  resolver: DocumentResolver,
  from: DocumentName,
  fromDocument: unknown,
  key: ReferenceField,
): Promise<{ ok: true; name: DocumentName; document: unknown } | { ok: false; issues: DocumentIssue[] }> {
  const kind: DocumentKind = key;
  // A list or a scalar has no fields at all: say that, not that the reference is missing.
  if (typeof fromDocument !== 'object' || fromDocument === null || Array.isArray(fromDocument)) {
    const got = fromDocument === null ? 'null' : Array.isArray(fromDocument) ? 'array' : typeof fromDocument;
    return { ok: false, issues: [{ document: from, path: [], code: 'not-a-document', kind: REFERRER[key], got }] };
  }
  const value = (fromDocument as Record<string, unknown>)[key];
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return { ok: false, issues: [{ document: from, path: [key], code: 'missing-reference', kind }] };
  }
  if (typeof value !== 'string') {
    return { ok: false, issues: [{ document: from, path: [key], code: 'type', expected: 'string', got: Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value }] };
  }
  let resolution: Resolution;
  try {
    resolution = await resolver({ kind, reference: value, from });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    resolution = { ok: false, reason: { en: message, zh: message } };
  }
  if (!resolution.ok) return { ok: false, issues: [{ document: from, path: [key], code: 'unresolved-reference', kind, reference: value, reason: resolution.reason }] };
  return { ok: true, name: { kind, id: resolution.id }, document: resolution.document };
}
