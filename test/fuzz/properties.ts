/**
 * What must hold for every mutant, whatever it holds: the engine answers `{ ok: true, value }` or
 * `{ ok: false, issues }` and never throws; every issue names its document and a path in it (the place
 * itself, or a missing field of a place that is there); its message in both languages is a sentence
 * without `undefined`, `NaN` or `[object Object]`; the totals of a result are finite numbers.
 */
import { formatIssue, type DocumentIssue, type DocumentKind } from '@peakpath/core';
import { placeText, valueAt, type Json } from './mutators.ts';

/** What went wrong with one mutant. `detail` is what the known classes (known.ts) match. */
export type FailureKind =
  | 'throw' // the engine (or the reader) threw: the CLI's exit 1
  | 'no-document' // an issue without its document
  | 'path-not-in-document' // an issue whose path is not in the document (nor a missing field of a place in it)
  | 'bad-message' // formatIssue gave an empty text, or one with undefined / NaN / [object Object]
  | 'non-finite' // a total of a successful result is Infinity or NaN
  | 'accepted-hostile-text' // a file that must be refused (not UTF-8, a key twice in JSON, …) gave a result
  | 'dropped-entry' // an entry of an id-keyed map (a plan's measure, a pathway's scenario) vanished from a successful result
  | 'cli'; // the spawned CLI: exit 1, a stack trace, or a problem line without a path

export interface Violation {
  readonly kind: FailureKind;
  readonly detail: string;
}

export type Documents = Partial<Record<DocumentKind, Json>>;
/** Documents by the id the resolver gives them (a cluster's member files, a district's inventories). */
export type Files = Readonly<Record<string, Json>>;

/** Text inside JSON-style quotes is the file's own text (a unit "NaN" is fine); the rest is ours. */
const withoutQuoted = (message: string): string => message.replace(/"(?:[^"\\]|\\.)*"/g, '""');
const BAD_WORDS = /\bundefined\b|\bNaN\b|\[object Object\]/;

/**
 * The path is a place of the document, or a missing field of one: the place itself, or up to two
 * field names below the deepest place that is there (`ef.CO2` of a line without `ef`: the factor to
 * add). A missing array item is never a missing field.
 */
export function inDocument(document: Json, path: readonly (string | number)[]): boolean {
  let there = path.length;
  while (there > 0 && valueAt(document, path.slice(0, there)) === undefined) there--;
  const missing = path.slice(there);
  return missing.length <= 2 && missing.every((part) => typeof part === 'string');
}

/** Every issue: document, path in that document (found by its id in `files`, else by its kind), messages in both languages. */
export function checkIssues(issues: readonly DocumentIssue[], documents: Documents, files: Files = {}): Violation[] {
  const found: Violation[] = [];
  for (const issue of issues) {
    if (typeof issue.document !== 'object' || issue.document === null || typeof issue.document.id !== 'string' || typeof issue.document.kind !== 'string') {
      found.push({ kind: 'no-document', detail: `${issue.code} at ${JSON.stringify(issue.path)}` });
      continue;
    }
    if (!Array.isArray(issue.path) || !issue.path.every((part) => typeof part === 'string' || typeof part === 'number')) {
      found.push({ kind: 'path-not-in-document', detail: `${issue.code}: path ${JSON.stringify(issue.path)} is not a path` });
      continue;
    }
    const kind = issue.document.kind;
    if (kind !== 'request') {
      const document = Object.hasOwn(files, issue.document.id) ? files[issue.document.id] : documents[kind];
      if (document !== undefined && !inDocument(document, issue.path)) {
        found.push({ kind: 'path-not-in-document', detail: `${kind} ${issue.code} at ${placeText(issue.path)}` });
      }
    }
    for (const lang of ['en', 'zh'] as const) {
      let message: string;
      try {
        message = formatIssue(issue, lang);
      } catch (error) {
        found.push({ kind: 'bad-message', detail: `${issue.code} (${lang}) threw: ${errorText(error)}` });
        continue;
      }
      const describe = message.slice(message.indexOf(': ') + 2);
      if (typeof message !== 'string' || describe.trim() === '' || BAD_WORDS.test(withoutQuoted(message))) {
        found.push({ kind: 'bad-message', detail: `${issue.code} (${lang}): ${message.slice(0, 200)}` });
      }
    }
  }
  return found;
}

/** Totals that must be finite numbers: `name` and its values. */
export function checkFinite(series: Readonly<Record<string, number | readonly number[]>>): Violation[] {
  const found: Violation[] = [];
  for (const [name, values] of Object.entries(series)) {
    const list = typeof values === 'number' ? [values] : values;
    const bad = list.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) found.push({ kind: 'non-finite', detail: `${name}${typeof values === 'number' ? '' : `[${bad}]`} = ${list[bad]}` });
  }
  return found;
}

/** Every number anywhere in a result (its arrays, typed arrays and records) must be finite: `name.path` of the first few that are not. */
export function checkFiniteDeep(name: string, value: unknown): Violation[] {
  const found: Violation[] = [];
  const seen = new Set<object>();
  const visit = (item: unknown, at: string): void => {
    if (found.length >= 5) return;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) found.push({ kind: 'non-finite', detail: `${at} = ${item}` });
      return;
    }
    if (typeof item !== 'object' || item === null || seen.has(item)) return;
    seen.add(item);
    if (ArrayBuffer.isView(item) && !(item instanceof DataView)) {
      Array.from(item as unknown as ArrayLike<number>).forEach((entry, index) => visit(entry, `${at}[${index}]`));
      return;
    }
    if (Array.isArray(item)) item.forEach((entry: unknown, index) => visit(entry, `${at}[${index}]`));
    else for (const [key, entry] of Object.entries(item)) visit(entry, `${at}.${key}`);
  };
  visit(value, name);
  return found;
}

/**
 * What the CLI prints of a result (its tables, in one language) holds no `undefined` and no `[object Object]`: no
 * mutation writes either, so one there is ours. (`NaN` may be a name the file gives: finite numbers are checkFiniteDeep's.)
 */
export function checkPrinted(name: string, text: string): Violation[] {
  const bad = /\bundefined\b|\[object Object\]/.exec(text);
  return bad ? [{ kind: 'bad-message', detail: `${name} prints ${bad[0]}: …${text.slice(Math.max(0, bad.index - 80), bad.index + 40)}…` }] : [];
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]}`;
  return String(error);
}

/**
 * Every id of an id-keyed map of the document is in the result: a measure named `__proto__` that is
 * neither refused nor in the MACC has vanished silently (issue 11, S4).
 */
export function checkEntries(what: string, written: Json | undefined, found: readonly string[]): Violation[] {
  if (typeof written !== 'object' || written === null || Array.isArray(written)) return [];
  const present = new Set(found);
  return Object.keys(written)
    .filter((id) => !present.has(id))
    .map((id) => ({ kind: 'dropped-entry' as const, detail: `${what} ${JSON.stringify(id)} is neither refused nor in the result` }));
}
