import type { Issue, IssueDetail, Path } from '../issues/issue.ts';
import { closest } from '../text/closest.ts';
import { parseUnit, suggestUnit, type BaseDimension, type Unit } from '../units/units.ts';
import { fractionFromPercent } from './percent.ts';

export type Fields = Record<string, unknown>;

/** A number with its unit as a file gives it: `{ value, unit }`, optionally with its `source`. */
export interface GivenValue {
  readonly value: number;
  readonly unit: Unit;
  /** Where this value comes from, when the pair says (`{ value, unit, source }`); else the line's `source`. */
  readonly source?: string | undefined;
}

const GIVEN_FIELDS: ReadonlySet<string> = new Set(['value', 'unit', 'source']);

/** How an error message names the JSON type of a value it did not expect. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Reads untrusted input field by field, collecting every problem with its path instead of
 * stopping at the first. Each reader returns undefined for a missing or bad value.
 */
export class Reader {
  readonly issues: Issue[] = [];

  /** Values that compute but deserve a second look (issues/issue.ts `WarningDetail`): returned with the result, not instead of it. */
  readonly warnings: Issue[] = [];

  report(path: Path, detail: IssueDetail): void {
    this.issues.push({ path, ...detail });
  }

  warn(path: Path, detail: IssueDetail): void {
    this.warnings.push({ path, ...detail });
  }

  /** The value as an object's fields; a missing value (undefined) is `required`, another type a `type` problem. */
  object(value: unknown, path: Path): Fields | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Fields;
    this.report(path, value === undefined ? { code: 'required' } : { code: 'type', expected: 'object', got: typeName(value) });
    return undefined;
  }

  /** Reports each field not in `allowed`, with the nearest allowed name as a hint. */
  onlyFields(fields: Fields, allowed: ReadonlySet<string>, path: Path): void {
    for (const field in fields) {
      if (!allowed.has(field)) this.report([...path, field], { code: 'unknown-field', field, suggestion: closest(field, allowed) });
    }
  }

  string(fields: Fields, key: string, path: Path, required: boolean): string | undefined {
    const value = fields[key];
    if (value === undefined) {
      if (required) this.report([...path, key], { code: 'required' });
      return undefined;
    }
    if (typeof value === 'string' && (value.charCodeAt(0) > 32 || value.trim() !== '')) return value;
    this.report([...path, key], { code: 'type', expected: 'string', got: typeof value === 'string' ? 'an empty string' : typeName(value) });
    return undefined;
  }

  /**
   * A number. Where the range is 0 to 1 (a fraction: a share, a rate, an oxidation factor) a percentage is read
   * too, `"35%"` as 0.35, and checked against the range as the fraction it is.
   */
  number(fields: Fields, key: string, path: Path, options: { required: boolean; integer?: boolean; min?: number; max?: number; allowNegative?: boolean; positive?: boolean }): number | undefined {
    let value = fields[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0 && options.min === undefined && !options.integer) return value;
    if (value === undefined) {
      if (options.required) this.report([...path, key], { code: 'required' });
      return undefined;
    }
    if (typeof value === 'string' && options.min === 0 && options.max === 1) value = fractionFromPercent(value) ?? value;
    const at = [...path, key];
    if (typeof value !== 'number') {
      this.report(at, { code: 'type', expected: options.integer ? 'integer' : 'number', got: typeName(value) });
      return undefined;
    }
    if (!Number.isFinite(value)) return void this.report(at, { code: 'not-finite' });
    if (options.integer && !Number.isInteger(value)) return void this.report(at, { code: 'type', expected: 'integer', got: String(value) });
    if (options.min !== undefined && options.max !== undefined && (value < options.min || value > options.max)) {
      return void this.report(at, { code: 'out-of-range', min: options.min, max: options.max, got: value });
    }
    if (value < 0 && !options.allowNegative) return void this.report(at, { code: 'negative' });
    if (value <= 0 && options.positive) return void this.report(at, { code: 'not-positive' });
    return value;
  }

  /**
   * The year of some data (a stock measurement, a year of disposal): an integer from `earliest` to
   * 2100, and not after the inventory's year (`inventoryYear`), which cannot use later data.
   */
  dataYear(fields: Fields, key: string, path: Path, options: { required: boolean; earliest: number; inventoryYear: number | undefined }): number | undefined {
    const year = this.number(fields, key, path, { required: options.required, integer: true, min: options.earliest, max: 2100 });
    if (year === undefined || options.inventoryYear === undefined || year <= options.inventoryYear) return year;
    return void this.report([...path, key], { code: 'after-inventory-year', got: year, year: options.inventoryYear });
  }

  /**
   * Within one list keyed by a field (a line's livestock types, a measure's effects by lever and
   * sector), a key given twice would be counted twice: reports the second with where the first is.
   * `seen` holds the keys met so far and their paths; true when `key` is new.
   */
  distinct(seen: Map<string, Path>, key: string, at: Path): boolean {
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, at);
      return true;
    }
    this.report(at, { code: 'duplicate', key, first });
    return false;
  }

  choice<T extends string>(fields: Fields, key: string, path: Path, allowed: readonly T[], required: boolean): T | undefined {
    const value = this.string(fields, key, path, required);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.report([...path, key], { code: 'enum', got: value, allowed, suggestion: closest(value, allowed) });
    return undefined;
  }

  unit(fields: Fields, key: string, path: Path, required: boolean): Unit | undefined {
    const spelling = this.string(fields, key, path, required);
    if (spelling === undefined) return undefined;
    const unit = parseUnit(spelling);
    if (!unit) this.report([...path, key], { code: 'unknown-unit', got: spelling, suggestion: suggestUnit(spelling) });
    return unit;
  }

  /**
   * A count (persons, vehicles, households, head): a plain number in the dimension's base unit (`320000`), or a
   * quantity in any unit of that dimension (`{ value: 320, unit: 万人 }`), returned in the base unit. Greater than zero.
   */
  count(fields: Fields, key: string, path: Path, dimension: BaseDimension, required: boolean): number | undefined {
    const value = fields[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.number(fields, key, path, { required, positive: true });
    const given = this.given(fields, key, path);
    if (!given) return undefined;
    if (given.unit.dimension !== dimension) {
      return void this.report([...path, key, 'unit'], { code: 'wrong-dimension', unit: given.unit.id, got: given.unit.dimension, expected: [dimension] });
    }
    if (given.value <= 0) return void this.report([...path, key, 'value'], { code: 'not-positive' });
    return given.value * given.unit.toBase;
  }

  /** A `{ value, unit }` pair such as `ncv` or `ef.CO2`; the dimension is checked where it is used. */
  given(fields: Fields, key: string, path: Path): GivenValue | undefined {
    if (fields[key] === undefined) return undefined;
    const at = [...path, key];
    const pair = this.object(fields[key], at);
    if (!pair) return undefined;
    this.onlyFields(pair, GIVEN_FIELDS, at);
    const value = this.number(pair, 'value', at, { required: true });
    const unit = this.unit(pair, 'unit', at, true);
    const source = this.string(pair, 'source', at, false);
    return value === undefined || unit === undefined ? undefined : { value, unit, source };
  }
}
