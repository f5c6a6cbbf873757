import type { Path, ReferenceKind } from '../issues/issue.ts';
import type { Reader } from '../reading/reader.ts';
import { closest } from '../text/closest.ts';

/** Readers for the parts of a pathway file that every section shares: names, id-keyed maps, references. */

export function bilingualName(reader: Reader, value: unknown, path: Path, fallback: string): { en: string; zh: string } {
  if (value === undefined) return { en: fallback, zh: fallback };
  if (typeof value === 'string' && value.trim() !== '') return { en: value, zh: value };
  const fields = reader.object(value, path);
  if (!fields) return { en: fallback, zh: fallback };
  reader.onlyFields(fields, new Set(['en', 'zh']), path);
  const en = reader.string(fields, 'en', path, false);
  const zh = reader.string(fields, 'zh', path, false);
  if (en === undefined && zh === undefined) reader.report([...path, 'en'], { code: 'required' });
  return { en: en ?? zh ?? fallback, zh: zh ?? en ?? fallback };
}

/**
 * Names every JavaScript object already has (`__proto__`, `constructor`, `toString` …). As an id they
 * would vanish from, or be found in, any object keyed by ids on the way to the results (a measure
 * named `__proto__` left the MACC without a word): they are refused where id-keyed maps are read.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether an id is one of the names every object has (see RESERVED_IDS). */
export const isReservedId = (id: string): boolean => RESERVED_IDS.has(id);

/** An object whose keys are ids (`drivers`, `sectors`, `actions` …): its entries, or [] after reporting; a reserved id is reported and left out. */
export function entries(reader: Reader, value: unknown, path: Path, required: boolean): [string, unknown][] {
  if (value === undefined) {
    if (required) reader.report(path, { code: 'required' });
    return [];
  }
  const fields = reader.object(value, path);
  if (!fields) return [];
  return Object.entries(fields).filter(([id]) => {
    if (!isReservedId(id)) return true;
    reader.report([...path, id], { code: 'reserved-id', got: id });
    return false;
  });
}

/** Reports a name that is not one of `known`, with the nearest as a hint; true when it is known. */
export function known(reader: Reader, kind: ReferenceKind, got: string, names: readonly string[], path: Path): boolean {
  if (names.includes(got)) return true;
  reader.report(path, { code: 'unknown-reference', kind, got, suggestion: closest(got, names) });
  return false;
}
