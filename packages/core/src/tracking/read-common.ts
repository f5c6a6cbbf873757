import type { Path, ReferenceKind } from '../issues/issue.ts';
import { typeName, type Fields, type Reader } from '../reading/reader.ts';
import { closest } from '../text/closest.ts';
import { dayNumber, isIsoDate } from './dates.ts';
import type { IsoDate, Observation, TrackedText } from './types.ts';

/** Field readers every section of a tracking file shares: texts in one or both languages, dates, lists, references. */

const TEXT_FIELDS: ReadonlySet<string> = new Set(['zh', 'en']);

/** A text as `{ zh, en }` (either may be left out, not both) or a plain string (taken for both languages). */
export function readText(reader: Reader, fields: Fields, key: string, path: Path, required: boolean): TrackedText | undefined {
  const value = fields[key];
  if (value === undefined) {
    if (required) reader.report([...path, key], { code: 'required' });
    return undefined;
  }
  if (typeof value === 'string') {
    const text = reader.string(fields, key, path, required);
    return text === undefined ? undefined : { zh: text, en: text };
  }
  const at = [...path, key];
  const pair = reader.object(value, at);
  if (!pair) return undefined;
  reader.onlyFields(pair, TEXT_FIELDS, at);
  const zh = reader.string(pair, 'zh', at, false);
  const en = reader.string(pair, 'en', at, false);
  if (zh === undefined && en === undefined && pair['zh'] === undefined && pair['en'] === undefined) reader.report([...at, 'zh'], { code: 'required' });
  return zh === undefined && en === undefined ? undefined : { zh, en };
}

/** A real calendar date written `YYYY-MM-DD`. */
export function readDate(reader: Reader, fields: Fields, key: string, path: Path, required: boolean): IsoDate | undefined {
  const text = reader.string(fields, key, path, required);
  if (text === undefined) return undefined;
  if (isIsoDate(text)) return text;
  return void reader.report([...path, key], { code: 'invalid-date', got: text });
}

/** Reports `got` when it is before `date` (both valid), as a `date-order` problem at `path` naming `field`. */
export function notBefore(reader: Reader, got: IsoDate | undefined, date: IsoDate | undefined, field: string, path: Path): void {
  if (got !== undefined && date !== undefined && dayNumber(got) < dayNumber(date)) reader.report(path, { code: 'date-order', field, date, got });
}

/** A list of strings (ids, names); a single string is not taken for a list of one. */
export function readStrings(reader: Reader, fields: Fields, key: string, path: Path): string[] {
  const out: string[] = [];
  for (const [item, at] of listItems(reader, fields, key, path)) {
    if (typeof item === 'string' && item.trim() !== '') out.push(item);
    else reader.report(at, { code: 'type', expected: 'string', got: item === '' ? 'an empty string' : typeName(item) });
  }
  return out;
}

/** The items of a list field, each with its path; [] after reporting a value that is no list. */
export function listItems(reader: Reader, fields: Fields, key: string, path: Path): [unknown, Path][] {
  const value = fields[key];
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map((item, index): [unknown, Path] => [item, [...path, key, index]]);
  reader.report([...path, key], { code: 'type', expected: 'array', got: typeName(value) });
  return [];
}

/** Reports each of `got` (at `path[index]`) that is not one of `names`, with the nearest as a hint. */
export function references(reader: Reader, kind: ReferenceKind, got: readonly string[], names: readonly string[], path: Path): void {
  got.forEach((name, index) => {
    if (!names.includes(name)) reader.report([...path, index], { code: 'unknown-reference', kind, got: name, suggestion: closest(name, names) });
  });
}

const OBSERVATION_FIELDS: ReadonlySet<string> = new Set(['year', 'value', 'source', 'note']);

/** `{ year, value, source?, note? }`; `source` required for an actual. */
export function readObservation(reader: Reader, raw: unknown, path: Path, needSource: boolean): Observation | undefined {
  const fields = reader.object(raw, path);
  if (!fields) return undefined;
  reader.onlyFields(fields, OBSERVATION_FIELDS, path);
  const year = reader.number(fields, 'year', path, { required: true, integer: true, min: 1900, max: 2100 });
  const value = reader.number(fields, 'value', path, { required: true, allowNegative: true });
  const source = reader.string(fields, 'source', path, needSource);
  const note = reader.string(fields, 'note', path, false);
  return year === undefined || value === undefined ? undefined : { year, value, source, note };
}

/**
 * A list of observations whose years increase, each after the previous one, the first from `floor` on
 * (the base year: after it for goals, from it for actuals); else a `year-order` problem.
 */
export function readSeries(reader: Reader, fields: Fields, key: string, path: Path, needSource: boolean, floor?: { year: number; inclusive: boolean }): Observation[] {
  const out: Observation[] = [];
  let previous = floor === undefined ? undefined : floor.inclusive ? floor.year - 1 : floor.year;
  let previousShown = floor?.year;
  for (const [raw, at] of listItems(reader, fields, key, path)) {
    const observation = readObservation(reader, raw, at, needSource);
    if (!observation) continue;
    if (previous !== undefined && previousShown !== undefined && observation.year <= previous) reader.report([...at, 'year'], { code: 'year-order', year: observation.year, previous: previousShown });
    else out.push(observation);
    previous = observation.year;
    previousShown = observation.year;
  }
  return out;
}
