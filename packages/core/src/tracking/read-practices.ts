import type { Path } from '../issues/issue.ts';
import { entries } from '../pathway/read-fields.ts';
import type { Catalogue } from '../plan/catalogue.ts';
import type { Fields, Reader } from '../reading/reader.ts';
import { listItems, readStrings, readText, references } from './read-common.ts';
import { TRACKING_AREAS, type PracticeCase, type PracticeResult, type Tracking } from './types.ts';

/** Readers of the good-practice library and of the cooperation list. */

const PRACTICE_FIELDS: ReadonlySet<string> = new Set(['city', 'title', 'area', 'sector', 'measures', 'summary', 'results', 'sources', 'year']);
const RESULT_FIELDS: ReadonlySet<string> = new Set(['name', 'value', 'unit', 'year']);
const COOPERATION_FIELDS: ReadonlySet<string> = new Set(['year', 'text', 'partners']);

/** Cases, each with at least one source; its `measures` checked against the catalogue when one is given. */
export function readPractices(reader: Reader, raw: unknown, catalogue: Catalogue | undefined): PracticeCase[] {
  const out: PracticeCase[] = [];
  const measureIds = catalogue?.measures.map((measure) => measure.id);
  for (const [id, value] of entries(reader, raw, ['practices'], false)) {
    const path: Path = ['practices', id];
    const fields = reader.object(value, path);
    if (!fields) continue;
    reader.onlyFields(fields, PRACTICE_FIELDS, path);
    const city = readText(reader, fields, 'city', path, true);
    const title = readText(reader, fields, 'title', path, true);
    const area = reader.choice(fields, 'area', path, TRACKING_AREAS, true);
    const sector = reader.string(fields, 'sector', path, false);
    const measures = readStrings(reader, fields, 'measures', path);
    if (measureIds !== undefined) references(reader, 'catalogue-measure', measures, measureIds, [...path, 'measures']);
    const summary = readText(reader, fields, 'summary', path, true);
    const results = readResults(reader, fields, path);
    const sources = readStrings(reader, fields, 'sources', path);
    if (fields['sources'] !== undefined && sources.length === 0 && Array.isArray(fields['sources'])) reader.report([...path, 'sources'], { code: 'required' });
    if (fields['sources'] === undefined) reader.report([...path, 'sources'], { code: 'required' });
    const year = reader.number(fields, 'year', path, { required: false, integer: true, min: 1900, max: 2100 });
    if (city === undefined || title === undefined || area === undefined || summary === undefined) continue;
    out.push({ id, city, title, area, sector, measures, summary, results, sources, year });
  }
  return out;
}

function readResults(reader: Reader, fields: Fields, path: Path): PracticeResult[] {
  const out: PracticeResult[] = [];
  for (const [raw, at] of listItems(reader, fields, 'results', path)) {
    const result = reader.object(raw, at);
    if (!result) continue;
    reader.onlyFields(result, RESULT_FIELDS, at);
    const name = readText(reader, result, 'name', at, true);
    const value = reader.number(result, 'value', at, { required: true, allowNegative: true });
    const unit = reader.string(result, 'unit', at, true);
    const year = reader.number(result, 'year', at, { required: false, integer: true, min: 1900, max: 2100 });
    if (name !== undefined && value !== undefined && unit !== undefined) out.push({ name, value, unit, year });
  }
  return out;
}

export function readCooperation(reader: Reader, top: Fields): Tracking['cooperation'] {
  const out: { year: number; text: NonNullable<ReturnType<typeof readText>>; partners: string[] }[] = [];
  for (const [raw, at] of listItems(reader, top, 'cooperation', [])) {
    const item = reader.object(raw, at);
    if (!item) continue;
    reader.onlyFields(item, COOPERATION_FIELDS, at);
    const year = reader.number(item, 'year', at, { required: true, integer: true, min: 1900, max: 2100 });
    const text = readText(reader, item, 'text', at, true);
    const partners = readStrings(reader, item, 'partners', at);
    if (year !== undefined && text !== undefined) out.push({ year, text, partners });
  }
  return out;
}
