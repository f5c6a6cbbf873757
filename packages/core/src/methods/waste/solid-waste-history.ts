import type { Path } from '../../issues/issue.ts';
import { typeName } from '../../reading/reader.ts';
import type { MethodWork } from '../method.ts';
import type { Composition, CompositionReader } from './solid-waste-composition.ts';
import { listLine, type SiteMcf, type SolidWasteParameters } from './solid-waste-parameters.ts';

/** One year of a disposal history, validated. */
export interface Deposit {
  /** Its position in `history`, for paths. */
  readonly index: number;
  readonly year: number;
  /** Wet waste deposited that year, t. */
  readonly waste: number;
  readonly composition: Composition | undefined;
  /** A bulk DOC for that year, t C per t wet waste. */
  readonly doc: number | undefined;
  /** The year's MCF, or null when the entry leaves it to the line. */
  readonly siteMcf: SiteMcf | null;
}

const ENTRY_FIELDS: ReadonlySet<string> = new Set(['year', 'waste', 'composition', 'doc', 'site', 'mcf']);
/** Earliest year accepted in a history; older records are beyond any city's data. */
const EARLIEST_YEAR = 1900;

/**
 * Reads `history`: one entry per year, ascending, without gaps (a missing year is missing data, not
 * zero: write `waste: { value: 0, unit: t }` for a year with no disposal), none after the inventory year,
 * and reaching at least the year before it (the last year whose waste decays in the inventory year).
 */
export function readHistory(work: MethodWork, parameters: SolidWasteParameters, compositions: CompositionReader, inventoryYear: number): Deposit[] | undefined {
  const { reader, fields, path } = work.input;
  const historyPath: Path = [...path, 'history'];
  const history = fields['history'];
  if (history === undefined) return void reader.report(historyPath, { code: 'required' });
  if (!Array.isArray(history)) {
    return void reader.report(historyPath, { code: 'type', expected: 'array', got: typeName(history) });
  }
  if (history.length === 0) return void reader.report(historyPath, { code: 'required' });
  const deposits: Deposit[] = [];
  const years: { index: number; year: number }[] = [];
  let bad = false;
  history.forEach((item: unknown, index) => {
    const at: Path = [...historyPath, index];
    const entry = reader.object(item, at);
    if (!entry) {
      bad = true;
      return;
    }
    reader.onlyFields(entry, ENTRY_FIELDS, at);
    const year = reader.dataYear(entry, 'year', at, { required: true, earliest: EARLIEST_YEAR, inventoryYear });
    const waste = work.quantity('waste', ['mass'], { fields: entry, path: at });
    const composition = entry['composition'] === undefined ? undefined : compositions.read(entry['composition'], [...at, 'composition']);
    let doc: number | undefined;
    if (entry['doc'] !== undefined) {
      doc = reader.number(entry, 'doc', at, { required: true, min: 0, max: 1 });
      if (doc !== undefined) listLine(work, `history[${index}].doc`, doc);
      if (entry['composition'] !== undefined) {
        reader.report([...at, 'doc'], { code: 'conflict', fields: ['doc', 'composition'] });
        bad = true;
      }
    }
    if (year !== undefined) years.push({ index, year });
    const siteMcf = parameters.siteMcf(entry, at, `history[${index}].`);
    const badPart = (entry['composition'] !== undefined && composition === undefined) || (entry['doc'] !== undefined && doc === undefined);
    if (year === undefined || waste === undefined || badPart || siteMcf === undefined) {
      bad = true;
      return;
    }
    deposits.push({ index, year, waste: waste.value, composition, doc, siteMcf });
  });
  // The order of the years is checked among the entries whose year is valid, whatever else is wrong.
  let ordered = true;
  for (let i = 1; i < years.length; i++) {
    const previous = years[i - 1]!;
    const entry = years[i]!;
    if (entry.index === previous.index + 1 && entry.year !== previous.year + 1) {
      reader.report([...historyPath, entry.index, 'year'], { code: 'year-sequence', expected: previous.year + 1, got: entry.year });
      ordered = false;
    }
  }
  const last = years[years.length - 1];
  if (ordered && last && last.index === history.length - 1 && last.year < inventoryYear - 1) {
    reader.report([...historyPath, last.index, 'year'], { code: 'out-of-range', min: inventoryYear - 1, max: inventoryYear, got: last.year });
    ordered = false;
  }
  return bad || !ordered ? undefined : deposits;
}

/**
 * DDOCm decomposing in the last year of a run of consecutive years (Eqs 3.4–3.5), decay starting the
 * year after deposit: accumulated_T = deposited_T + accumulated_{T−1}·e^{−k}; decomposed_T =
 * accumulated_{T−1}·(1 − e^{−k}). `deposited[i]` is DDOCm deposited in year i of the run (t C);
 * the run has `years` years (a deposit list shorter than that has nothing in its later years).
 */
export function decomposedInLastYear(deposited: readonly number[], years: number, k: number): number {
  const kept = Math.exp(-k);
  let accumulated = 0;
  let decomposed = 0;
  for (let year = 0; year < years; year++) {
    decomposed = accumulated * (1 - kept);
    accumulated = (deposited[year] ?? 0) + accumulated * kept;
  }
  return decomposed;
}
