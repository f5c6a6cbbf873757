import { formatPath, type Path } from '../issues/issue.ts';
import { FRACTION_PERCENT, fractionFromPercent } from '../reading/percent.ts';
import { typeName, type Fields, type Reader } from '../reading/reader.ts';
import type { Assumption } from '../inventory/types.ts';
import type { Unit } from '../units/units.ts';
import type { ParameterTable, Slot } from './params.ts';
import { periodSlots, pointWeights, type SeriesProgram } from './series.ts';

/**
 * A series as read from the file, before the drivers it refers to have indices. Every number of it
 * is already a slot of the parameter table.
 */
export type SeriesDraft =
  | { readonly kind: 'constant'; readonly base: Slot }
  | { readonly kind: 'growth'; readonly base: Slot; readonly periods: readonly Period[] }
  | { readonly kind: 'points'; readonly geometric: boolean; readonly points: readonly Period[] }
  | { readonly kind: 'elasticity'; readonly base: Slot; readonly of: Reference; readonly periods: readonly Period[] }
  | { readonly kind: 'share'; readonly of: Reference; readonly share: SeriesDraft };

export interface Period {
  readonly from: number;
  readonly slot: Slot;
}

export interface Reference {
  readonly id: string;
  readonly path: Path;
}

/** What kind of series a field holds, and where its base value may come from. */
export interface SeriesKind {
  /** Dimensions the series' `unit` may have; undefined for an index or a share (no unit). */
  readonly dimensions?: readonly string[] | undefined;
  /** The inventory's base-year value (in base units) and where it is from, when it has one. */
  readonly inventoryBase?: { readonly value: number; readonly label: { readonly en: string; readonly zh: string } } | undefined;
  /** The base of an index series, when the file does not give one (1 for intensity indices). */
  readonly fixedBase?: number | undefined;
  /** Bounds of the values (a share in 0–1; a driver above 0). */
  readonly min: number;
  readonly max: number;
  /** Which of the forms the field accepts. */
  readonly forms: readonly ('growth' | 'points' | 'elasticity' | 'share')[];
}

const SERIES_FORMS = ['growth', 'points', 'elasticity', 'share'] as const;
/**
 * A percentage as a file writes it where a rate or a share is expected: `"5%"`, `"-1.5 %"`, `"1e-1%"`, `"5％"`
 * — the one form every document kind reads (reading/percent.ts), also the JSON Schema's pattern.
 */
export const PERCENT = FRACTION_PERCENT;

/** `"5%"` as 0.05; undefined for a string that is not a percentage. */
export const percentage = fractionFromPercent;


/**
 * Reads the numbers of a pathway file: plain numbers, or percentages written `"5%"` where a rate or
 * a share is expected, and yearly maps (`{ 2025: 5%, 2031: 4% }`).
 */
export class PathwayReader {
  constructor(
    readonly reader: Reader,
    readonly params: ParameterTable,
    readonly baseYear: number,
    readonly endYear: number,
  ) {}

  /** A number, or a string `"x%"` when `percent` allows it. */
  value(raw: unknown, path: Path, options: { percent: boolean; min?: number; max?: number }): number | undefined {
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && options.percent ? percentage(raw) : undefined;
    if (value === undefined) {
      this.reader.report(path, { code: 'type', expected: 'number', got: typeof raw === 'string' ? `"${raw}"` : typeName(raw) });
      return undefined;
    }
    if (!Number.isFinite(value)) return void this.reader.report(path, { code: 'not-finite' });
    const min = options.min ?? -Infinity;
    const max = options.max ?? Infinity;
    if (value < min || value > max) return void this.reader.report(path, { code: 'out-of-range', min, max, got: value });
    return value;
  }

  /** A number of the file as a parameter; its slot, or undefined when it is not a valid number. */
  parameter(raw: unknown, path: Path, options: { percent: boolean; min?: number; max?: number; scale?: number }): Slot | undefined {
    const value = this.value(raw, path, options);
    if (value === undefined) return undefined;
    const scale = options.scale ?? 1;
    return this.params.add(path, value * scale, { scale, min: (options.min ?? -Infinity) * scale, max: (options.max ?? Infinity) * scale });
  }

  /** A year within the horizon (base year to end year). */
  year(raw: unknown, path: Path, first = this.baseYear): number | undefined {
    const year = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : raw;
    if (typeof year !== 'number' || !Number.isInteger(year)) {
      this.reader.report(path, { code: 'type', expected: 'integer', got: typeof raw === 'string' ? `"${raw}"` : typeName(raw) });
      return undefined;
    }
    if (year < first || year > this.endYear) return void this.reader.report(path, { code: 'out-of-range', min: first, max: this.endYear, got: year });
    return year;
  }

  /** `{ 2025: v, 2031: w }` as periods; a single value applies from `first` on, and the earliest must be no later than `first` (when given). */
  periods(raw: unknown, path: Path, first: number | undefined, options: { percent: boolean; min?: number; max?: number; scale?: number }): Period[] | undefined {
    if (typeof raw === 'number' || typeof raw === 'string') {
      const slot = this.parameter(raw, path, options);
      return slot === undefined ? undefined : [{ from: first ?? this.baseYear, slot }];
    }
    const map = this.reader.object(raw, path);
    if (!map) return undefined;
    const periods: Period[] = [];
    let ok = true;
    for (const key of Object.keys(map)) {
      const year = this.year(key, [...path, key]);
      const slot = this.parameter(map[key], [...path, key], options);
      if (year === undefined || slot === undefined) ok = false;
      else periods.push({ from: year, slot });
    }
    if (!ok) return undefined;
    if (periods.length === 0) return void this.reader.report(path, { code: 'required' });
    const earliest = Math.min(...periods.map((period) => period.from));
    if (first !== undefined && earliest > first) return void this.reader.report(path, { code: 'series-start', needed: first, got: earliest });
    return periods;
  }

  /** A unit with one of the expected dimensions. */
  unit(fields: Fields, path: Path, dimensions: readonly string[]): Unit | undefined {
    const unit = this.reader.unit(fields, 'unit', path, true);
    if (unit && !dimensions.includes(unit.dimension)) {
      this.reader.report([...path, 'unit'], { code: 'wrong-dimension', unit: unit.id, got: unit.dimension, expected: dimensions });
      return undefined;
    }
    return unit;
  }

  /**
   * A series: `{ unit?, base?, growth | points | elasticity | share }`. The base-year value is the
   * file's `base`, the point at the base year, or the inventory's value — exactly one of them
   * (a `base` that contradicts the inventory is an error, not a silent choice).
   */
  series(raw: unknown, path: Path, kind: SeriesKind, statements: Assumption[]): SeriesDraft | undefined {
    const fields = this.reader.object(raw, path);
    if (!fields) return undefined;
    const allowed = new Set<string>(['base', 'interpolation', ...kind.forms]);
    if (kind.dimensions) allowed.add('unit');
    this.reader.onlyFields(fields, allowed, path);
    const unit = kind.dimensions ? this.unit(fields, path, kind.dimensions) : undefined;
    if (kind.dimensions && !unit) return undefined;
    const scale = unit?.toBase ?? 1;
    const percent = !kind.dimensions;
    const forms = SERIES_FORMS.filter((form) => fields[form] !== undefined);
    if (forms.length > 1) return void this.reader.report(path, { code: 'conflict', fields: [forms[0]!, forms[1]!] });
    const form = forms[0];
    if (fields['interpolation'] !== undefined && form !== 'points') {
      return void this.reader.report([...path, 'interpolation'], { code: 'not-applicable', field: 'interpolation', reason: 'points-only' });
    }
    const bounds = { percent, min: kind.min / scale, max: kind.max / scale, scale };

    if (form === 'points') {
      if (typeof fields['points'] !== 'object' || fields['points'] === null) {
        this.reader.report([...path, 'points'], { code: 'type', expected: 'object', got: typeName(fields['points']) });
        return undefined;
      }
      const points = this.periods(fields['points'], [...path, 'points'], undefined, bounds) ?? [];
      const interpolation = this.reader.choice(fields, 'interpolation', path, ['linear', 'geometric'] as const, false) ?? 'linear';
      const atBase = points.find((point) => point.from === this.baseYear);
      const earliest = points.length > 0 ? Math.min(...points.map((point) => point.from)) : undefined;
      const base = atBase ? undefined : this.base(fields, path, kind, bounds, statements, earliest);
      if (atBase && fields['base'] !== undefined) return void this.reader.report(path, { code: 'conflict', fields: ['base', `points.${this.baseYear}`] });
      // A point at the base year is the base value: like `base`, it must agree with the inventory's.
      if (atBase && !this.agreesWithInventory(atBase.slot, [...path, 'points', String(this.baseYear)], fields, kind, bounds.scale)) return undefined;
      if (points.length === 0 || (!atBase && base === undefined)) return undefined;
      const all = atBase ? points : [{ from: this.baseYear, slot: base! }, ...points];
      const last = Math.max(...all.map((point) => point.from));
      if (last < this.endYear) {
        const where = pathText(path);
        statements.push({ code: 'series-held', text: { en: `${where}: held at its ${last} value after ${last}`, zh: `\`${where}\`：${last} 年以后保持 ${last} 年的取值` } });
      }
      return { kind: 'points', geometric: interpolation === 'geometric', points: all };
    }
    if (form === 'share') {
      const at = [...path, 'share'];
      const share = this.reader.object(fields['share'], at);
      if (!share) return undefined;
      const of = this.reader.string(share, 'of', at, true);
      const { of: _of, ...rest } = share;
      const inner = this.series(rest, at, { min: 0, max: 1, forms: ['growth', 'points'] }, statements);
      if (fields['base'] !== undefined) this.reader.report([...path, 'base'], { code: 'not-applicable', field: 'base', reason: 'share-base' });
      return of === undefined || inner === undefined ? undefined : { kind: 'share', of: { id: of, path: [...at, 'of'] }, share: inner };
    }
    const base = this.base(fields, path, kind, bounds, statements, undefined);
    if (form === 'growth') {
      const periods = this.periods(fields['growth'], [...path, 'growth'], this.baseYear + 1, { percent: true, min: -1 });
      return base === undefined || periods === undefined ? undefined : { kind: 'growth', base, periods };
    }
    if (form === 'elasticity') {
      const at = [...path, 'elasticity'];
      const elasticity = this.reader.object(fields['elasticity'], at);
      if (!elasticity) return undefined;
      this.reader.onlyFields(elasticity, new Set(['of', 'value']), at);
      const of = this.reader.string(elasticity, 'of', at, true);
      const periods = elasticity['value'] === undefined ? void this.reader.report([...at, 'value'], { code: 'required' }) : this.periods(elasticity['value'], [...at, 'value'], this.baseYear + 1, { percent: false });
      if (base === undefined || of === undefined || periods === undefined) return undefined;
      return { kind: 'elasticity', base, of: { id: of, path: [...at, 'of'] }, periods };
    }
    return base === undefined ? undefined : { kind: 'constant', base };
  }

  /** A base-year value the file gives agrees with the inventory's (when there is one); reports base-mismatch when not. */
  private agreesWithInventory(slot: Slot, at: Path, fields: Fields, kind: SeriesKind, scale: number): boolean {
    // An index (intensity) starts at its fixed base, 1, as an inventory-based series starts at the inventory's value.
    const expected = kind.inventoryBase?.value ?? kind.fixedBase;
    const given = this.params.infos[slot]!.nominal;
    if (expected !== undefined && Math.abs(given - expected) > 1e-9 * Math.max(Math.abs(given), Math.abs(expected))) {
      this.reader.report(at, { code: 'base-mismatch', given: given / scale, inventory: expected / scale, unit: fields['unit'] === undefined ? '' : String(fields['unit']) });
      return false;
    }
    return true;
  }

  private base(fields: Fields, path: Path, kind: SeriesKind, bounds: { percent: boolean; min: number; max: number; scale: number }, statements: Assumption[], earliestPoint: number | undefined): Slot | undefined {
    if (fields['base'] !== undefined) {
      const at = [...path, 'base'];
      const slot = this.parameter(fields['base'], at, bounds);
      if (slot === undefined) return undefined;
      return this.agreesWithInventory(slot, at, fields, kind, bounds.scale) ? slot : undefined;
    }
    if (kind.inventoryBase) {
      const where = pathText(path);
      const label = kind.inventoryBase.label;
      statements.push({ code: 'base-from-inventory', text: { en: `${where}: base-year value from the inventory (${label.en})`, zh: `\`${where}\`：基年值取自清单（${label.zh}）` } });
      // Not a number of the file (ParameterInfo.addressable): a scenario's `set` or a distribution must not move the base year off the inventory.
      return this.params.add([...path, 'base'], kind.inventoryBase.value, { scale: bounds.scale, min: kind.min, max: kind.max, addressable: false });
    }
    if (kind.fixedBase !== undefined) return this.params.constant(`${pathText(path)} (base)`, kind.fixedBase);
    if (earliestPoint !== undefined) this.reader.report([...path, 'points'], { code: 'series-start', needed: this.baseYear, got: earliestPoint });
    else this.reader.report([...path, 'base'], { code: 'required' });
    return undefined;
  }
}

const pathText = formatPath;

/** Turns a draft into a program once the drivers it refers to have indices. */
export function compileSeries(draft: SeriesDraft, baseYear: number, years: number, driverIndex: (id: string) => number): SeriesProgram {
  switch (draft.kind) {
    case 'constant':
      return draft;
    case 'growth':
      return { kind: 'growth', base: draft.base, rate: periodSlots(baseYear, years, draft.periods) };
    case 'points':
      return { kind: 'points', geometric: draft.geometric, ...pointWeights(baseYear, years, draft.points.map((point) => ({ year: point.from, slot: point.slot }))) };
    case 'elasticity':
      return { kind: 'elasticity', base: draft.base, of: driverIndex(draft.of.id), elasticity: periodSlots(baseYear, years, draft.periods) };
    case 'share':
      return { kind: 'share', of: driverIndex(draft.of.id), share: compileSeries(draft.share, baseYear, years, driverIndex) };
    default: {
      const unhandled: never = draft;
      throw new Error(`unknown series ${String(unhandled)}`);
    }
  }
}

/** The drivers a draft refers to. */
export function referencesOf(draft: SeriesDraft): Reference[] {
  if (draft.kind === 'elasticity') return [draft.of];
  if (draft.kind === 'share') return [draft.of, ...referencesOf(draft.share)];
  return [];
}
