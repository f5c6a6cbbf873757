import type { Path } from '../../issues/issue.ts';
import { typeName, type Fields } from '../../reading/reader.ts';
import { factorRef } from '../../accounting/statements.ts';
import type { MethodWork } from '../method.ts';

/** The MSW components of IPCC 2006 Vol.5 Table 2.4 (`other` is its "other, inert waste"). */
export const WASTE_TYPES = ['food', 'garden', 'paper', 'wood', 'textiles', 'nappies', 'rubber', 'plastics', 'metal', 'glass', 'other'] as const;
export type WasteType = (typeof WASTE_TYPES)[number];

/** Named compositions from Vol.5 Table 2.3, stored as data (parameter "composition", variant = the preset). */
export const COMPOSITION_PRESETS = ['eastern-asia'] as const;

/** The library group holding the solid-waste-disposal defaults and the composition presets. */
export const SOLID_WASTE = 'solid-waste';

/** Sums of fractions off by more than this are an input error (rounded survey percentages stay within it). */
const SUM_TOLERANCE = 0.01;

/** Wet-weight fractions by waste type; a preset may cover less than the whole (`covered` < 1). */
export interface Composition {
  readonly fractions: ReadonlyMap<WasteType, number>;
  readonly covered: number;
  readonly preset: string | undefined;
}


/**
 * Reads a `composition`: an object of wet-weight fractions by type that sums to 1 (± 0.01), or a preset
 * name. A preset is read once per line and stated with what it covers, as Table 2.3 rows do not sum to 1.
 */
export class CompositionReader {
  private readonly presets = new Map<string, Composition | undefined>();

  constructor(
    private readonly work: MethodWork,
    /** Says what a preset's uncovered share means for this method's result (lower bound of CH4, of fossil CO2). */
    private readonly remainderEffect: { en: string; zh: string },
  ) {}

  read(value: unknown, path: Path): Composition | undefined {
    const { reader } = this.work.input;
    if (typeof value === 'string') {
      const preset = this.work.category(value, COMPOSITION_PRESETS, path);
      if (preset === undefined) return undefined;
      if (!this.presets.has(preset)) this.presets.set(preset, this.preset(preset, path));
      return this.presets.get(preset);
    }
    const object = reader.object(value, path);
    if (!object) return undefined;
    const fractions = new Map<WasteType, number>();
    let sum = 0;
    let bad = false;
    for (const key of Object.keys(object)) {
      const type = this.work.category(key, WASTE_TYPES, [...path, key]);
      const fraction = reader.number(object, key, path, { required: true, min: 0, max: 1 });
      if (type === undefined || fraction === undefined) {
        bad = true;
        continue;
      }
      fractions.set(type, fraction);
      sum += fraction;
    }
    if (bad) return undefined;
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      reader.report(path, { code: 'shares-sum', got: Number(sum.toFixed(6)) });
      return undefined;
    }
    return { fractions, covered: sum, preset: undefined };
  }

  private preset(preset: string, path: Path): Composition | undefined {
    const records = this.work.input.library.select({ kind: 'parameter', method: SOLID_WASTE, parameter: 'composition', variant: preset });
    const fractions = new Map<WasteType, number>();
    for (const record of records) {
      const type = WASTE_TYPES.find((name) => name === record.category);
      if (type === undefined) continue;
      fractions.set(type, record.toBase);
      this.work.factors.push(factorRef(record));
    }
    if (fractions.size === 0) {
      this.work.input.reader.report(path, { code: 'missing-parameter', field: 'composition', method: SOLID_WASTE, category: preset });
      return undefined;
    }
    const covered = [...fractions.values()].reduce((total, fraction) => total + fraction, 0);
    const percent = (fraction: number): string => `${Number((fraction * 100).toFixed(2))}%`;
    const listed = [...fractions].map(([type, fraction]) => `${type} ${percent(fraction)}`).join(', ');
    const missing = WASTE_TYPES.filter((type) => !fractions.has(type)).join(', ');
    const citation = records[0] ? `${records[0].source.title}, ${records[0].table}` : '';
    this.work.state({
      code: 'waste-composition-preset',
      text: {
        en: `composition "${preset}" (${citation}), wet weight: ${listed}. It covers ${percent(covered)} of the waste and has no data on ${missing}; the other ${percent(1 - covered)} is counted as carrying no carbon, ${this.remainderEffect.en}. Its "other" is taken as Table 2.4's other, inert waste. Give a local composition survey as \`composition\` where one exists.`,
        zh: `组分采用预设 "${preset}"（${citation}），湿重：${listed}。该组分仅覆盖 ${percent(covered)} 的废弃物，且无 ${missing} 数据；其余 ${percent(1 - covered)} 按不含碳计，${this.remainderEffect.zh}。其中 "other" 按表 2.4 的其他惰性废弃物处理。如有本地组分调查数据，请填写 \`composition\`。`,
      },
    });
    return { fractions, covered, preset };
  }
}

/**
 * A per-type override object on the line (`doc: { food: 0.12 }`, `k: { nappies: 0.1 }`): each key a
 * known type, each value a number within [min, max], each listed as a line value (`line:k.nappies`).
 */
export function readByType<T extends string>(work: MethodWork, field: string, allowed: readonly T[], range: { min: number; max: number }): Map<T, number> | undefined {
  const { reader, path, lineSource, fields } = work.input;
  const object = reader.object(fields[field], [...path, field]);
  if (!object) return undefined;
  const values = new Map<T, number>();
  let bad = false;
  for (const key of Object.keys(object)) {
    const type = work.category(key, allowed, [...path, field, key]);
    const value = reader.number(object, key, [...path, field], { required: true, ...range });
    if (type === undefined || value === undefined) {
      bad = true;
      continue;
    }
    values.set(type, value);
    work.factors.push({ id: `line:${field}.${type}`, value, unit: '1', source: lineSource ?? 'given on the line' });
  }
  return bad ? undefined : values;
}

/** A `true`/`false` field; anything else is a type error. */
export function readFlag(work: MethodWork, holder: Fields, field: string, path: Path): boolean | undefined {
  const value = holder[field];
  if (value === undefined || typeof value === 'boolean') return value;
  work.input.reader.report([...path, field], { code: 'type', expected: 'boolean', got: typeName(value) });
  return undefined;
}

/** Reports a field that must be a number (bulk) where an object was given, or the reverse. */
export function reportShape(work: MethodWork, field: string, expected: 'number' | 'object'): void {
  work.input.reader.report([...work.input.path, field], { code: 'type', expected, got: typeName(work.input.fields[field]) });
}
