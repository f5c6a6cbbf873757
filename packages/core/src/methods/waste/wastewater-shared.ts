import type { FactorCriteria } from '../../factors/library.ts';
import type { IssueDetail, Path } from '../../issues/issue.ts';
import { typeName, type Fields } from '../../reading/reader.ts';
import { parseUnit, suggestUnit, type Unit } from '../../units/units.ts';
import type { MethodWork } from '../method.ts';

/** What the wastewater methods share: reading treatment mixes, per-person rates, nested lists and defaults. */

type Label = { en: string; zh: string };

/** One object of a list field (`industries[1]`, `treatment[0]`), with its path. */
export interface ListItem {
  readonly fields: Fields;
  readonly path: Path;
}


/**
 * A non-empty array of objects at `holder[field]`, each checked against `allowed` fields. Returns the
 * objects that are objects (so each can still be checked), or undefined when the field itself is bad.
 */
export function readList(work: MethodWork, holder: Fields, field: string, path: Path, allowed: ReadonlySet<string>): ListItem[] | undefined {
  const { reader } = work.input;
  const at = [...path, field];
  const value = holder[field];
  if (value === undefined) return void reader.report(at, { code: 'required' });
  if (!Array.isArray(value)) return void reader.report(at, { code: 'type', expected: 'array', got: typeName(value) });
  if (value.length === 0) return void reader.report(at, { code: 'type', expected: 'array', got: 'an empty array' });
  const items: ListItem[] = [];
  value.forEach((element: unknown, index) => {
    const itemPath = [...at, index];
    const fields = reader.object(element, itemPath);
    if (!fields) return;
    reader.onlyFields(fields, allowed, itemPath);
    items.push({ fields, path: itemPath });
  });
  return items;
}

/**
 * Library defaults of one line, each taken (listed and stated) once however many entries use it,
 * and a missing one reported where the value belongs, nested paths included.
 */
export class LineDefaults {
  private readonly taken = new Map<string, number>();

  constructor(private readonly work: MethodWork) {}

  value(path: Path, field: string, criteria: { parameter: string; category?: string }, label: Label): number | undefined {
    const key = `${criteria.parameter}\u0000${criteria.category ?? ''}`;
    const known = this.taken.get(key);
    if (known !== undefined) return known;
    const { input, method } = this.work;
    const selection: FactorCriteria = { kind: 'parameter', method, ...criteria };
    if (!input.library.one(selection)) {
      input.reader.report([...path, field], { code: 'missing-parameter', field, method, category: criteria.category });
      return undefined;
    }
    const value = this.work.libraryValue(field, criteria, label)?.toBase;
    if (value !== undefined) this.taken.set(key, value);
    return value;
  }
}

/**
 * A treatment mix `[{ system, share, mcf? }]` (IPCC U·T shares over treatment and discharge pathways):
 * the share-weighted methane correction factor Σ share_j × MCF_j. Each MCF is the entry's own `mcf` or
 * the library's for the system; the shares must sum to 1.
 */
export function weightedMcf<T extends string>(work: MethodWork, defaults: LineDefaults, holder: Fields, path: Path, systems: readonly T[]): number | undefined {
  const { reader } = work.input;
  const items = readList(work, holder, 'treatment', path, TREATMENT_FIELDS);
  if (!items) return undefined;
  let shareSum = 0;
  let weighted = 0;
  let complete = items.length === (holder['treatment'] as unknown[]).length;
  for (const item of items) {
    const name = reader.string(item.fields, 'system', item.path, true);
    const system = name === undefined ? undefined : work.category(name, systems, [...item.path, 'system']);
    const share = reader.number(item.fields, 'share', item.path, { required: true, min: 0, max: 1 });
    let mcf: number | undefined;
    if (item.fields['mcf'] !== undefined) {
      mcf = reader.number(item.fields, 'mcf', item.path, { required: true, min: 0, max: 1 });
      if (mcf !== undefined) work.factors.push({ id: 'line:mcf', value: mcf, unit: 'fraction', source: work.input.lineSource ?? 'given on the line' });
    } else if (system !== undefined) {
      mcf = defaults.value(item.path, 'mcf', { parameter: 'mcf', category: system }, { en: `methane correction factor MCF, ${system}`, zh: `甲烷修正因子 MCF（${system}）` });
    }
    if (share === undefined || mcf === undefined) {
      complete = false;
      continue;
    }
    shareSum += share;
    weighted += share * mcf;
  }
  if (!complete) return undefined;
  if (Math.abs(shareSum - 1) > SHARE_TOLERANCE) {
    return void reader.report([...path, 'treatment'], { code: 'shares-sum', got: Number(shareSum.toFixed(6)) });
  }
  return weighted;
}

const TREATMENT_FIELDS: ReadonlySet<string> = new Set(['system', 'share', 'mcf']);
/** Shares are fractions written by hand: 1 ± 1e-6 counts as whole. */
const SHARE_TOLERANCE = 1e-6;

const RATE_FIELDS: ReadonlySet<string> = new Set(['value', 'unit', 'source']);
const PER_PERSON_DIMENSION = 'mass/population/time';

/**
 * A per-person rate `{ value, unit }` with its unit spelled in full, mass/person/time (`g/person/day`,
 * `kg/person/yr`, `克/人/天`), in tonnes per person per day; a missing optional one is undefined.
 */
export function perPersonRate(work: MethodWork, field: string, required: boolean): number | undefined {
  const { reader, fields, path } = work.input;
  if (fields[field] === undefined) {
    if (required) reader.report([...path, field], { code: 'required' });
    return undefined;
  }
  const at = [...path, field];
  const pair = reader.object(fields[field], at);
  if (!pair) return undefined;
  reader.onlyFields(pair, RATE_FIELDS, at);
  const value = reader.number(pair, 'value', at, { required: true });
  const spelling = reader.string(pair, 'unit', at, true);
  if (spelling === undefined) return undefined;
  const parsed = parsePerPerson(spelling);
  if ('code' in parsed) return void reader.report([...at, 'unit'], parsed);
  if (value === undefined) return undefined;
  work.factors.push({ id: `line:${field}`, value, unit: spelling, source: work.input.lineSource ?? 'given on the line' });
  return value * parsed.toBase;
}

function parsePerPerson(spelling: string): { toBase: number } | IssueDetail {
  const parts = spelling.split('/').map((part) => part.trim());
  if (parts.length === 3) {
    const units = parts.map((part) => parseUnit(part));
    if (units.every((unit): unit is Unit => unit !== undefined)) {
      const [mass, people, time] = units as [Unit, Unit, Unit];
      if (mass.dimension === 'mass' && people.dimension === 'population' && time.dimension === 'time') {
        return { toBase: mass.toBase / people.toBase / time.toBase };
      }
      return { code: 'wrong-dimension', unit: spelling, got: units.map((unit) => unit.dimension).join('/'), expected: [PER_PERSON_DIMENSION] };
    }
    const hinted = parts.map((part) => (parseUnit(part) ? part : suggestUnit(part)));
    const suggestion = hinted.every((part) => part !== undefined) ? hinted.join('/') : undefined;
    return { code: 'unknown-unit', got: spelling, suggestion };
  }
  const unit = parseUnit(spelling);
  if (unit) return { code: 'wrong-dimension', unit: unit.id, got: unit.dimension, expected: [PER_PERSON_DIMENSION] };
  return { code: 'unknown-unit', got: spelling, suggestion: undefined };
}

/** An optional mass (`sludgeRemoved`, `recovered`) in tonnes, listed when given; 0 when absent (the caller states it). */
export function optionalMass(work: MethodWork, holder: Fields, field: string, path: Path): { value: number; given: boolean } | undefined {
  if (holder[field] === undefined) return { value: 0, given: false };
  const mass = work.quantity(field, ['mass'], { fields: holder, path });
  if (!mass) return undefined;
  work.listGiven(field, mass.given);
  return { value: mass.value, given: true };
}
