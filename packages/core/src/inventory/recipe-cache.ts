import type { GpcRow } from '../gpc/structure.ts';
import type { Unit } from '../units/units.ts';
import type { LineSpec, Resolution } from './resolve.ts';

/** True when the line gives none of its own factors, so its recipe depends only on row, kind, unit and variant. */
export type PlainTest = (spec: LineSpec) => boolean;

/**
 * Recipes shared by lines that would resolve identically. Plain lines (no factors of their own)
 * are keyed by object identity and existing strings in nested maps — no key string is built per
 * line; lines with their own factors are keyed by a string of those values.
 */
export class RecipeCache {
  private readonly plain = new Map<GpcRow, Map<string, Map<Unit, Map<string, Resolution>>>>();
  private readonly custom = new Map<string, Resolution>();

  constructor(
    private readonly isPlain: PlainTest,
    private readonly resolveLine: (spec: LineSpec) => Resolution,
  ) {}

  resolve(spec: LineSpec): Resolution {
    if (!this.isPlain(spec)) {
      const key = customKey(spec);
      let resolution = this.custom.get(key);
      if (!resolution) {
        resolution = this.resolveLine(spec);
        this.custom.set(key, resolution);
      }
      return resolution;
    }
    let byKind = this.plain.get(spec.row);
    if (!byKind) this.plain.set(spec.row, (byKind = new Map()));
    const kind = spec.form === 'fuel' ? spec.fuel : spec.form === 'emissions' ? spec.gas : spec.form;
    let byUnit = byKind.get(kind);
    if (!byUnit) byKind.set(kind, (byUnit = new Map()));
    let byVariant = byUnit.get(spec.unit);
    if (!byVariant) byUnit.set(spec.unit, (byVariant = new Map()));
    const variant = spec.form === 'fuel' ? (spec.technology ?? '') : spec.form === 'emissions' ? (spec.ch4Origin ?? '') : (spec.grid?.factor.id ?? '');
    let resolution = byVariant.get(variant);
    if (!resolution) {
      resolution = this.resolveLine(spec);
      byVariant.set(variant, resolution);
    }
    return resolution;
  }
}

const given = (value: { value: number; unit: Unit; source?: string | undefined } | undefined): string =>
  value ? `${value.value} ${value.unit.id} ${value.source ?? ''}` : '';

function customKey(spec: LineSpec): string {
  switch (spec.form) {
    case 'fuel':
      return [
        'fuel',
        spec.row.ref,
        spec.fuel,
        spec.unit.id,
        spec.technology ?? '',
        given(spec.ncv),
        given(spec.ef.CO2),
        given(spec.ef.CH4),
        given(spec.ef.N2O),
        given(spec.carbonContent),
        spec.oxidation ?? '',
        spec.lineSource ?? '',
      ].join('|');
    case 'electricity':
    case 'heat':
      return [spec.form, spec.row.ref, spec.unit.id, spec.grid?.factor.id ?? '', given(spec.ef.CO2), given(spec.ef.CH4), given(spec.ef.N2O), spec.lineSource ?? ''].join('|');
    case 'emissions':
      return ['emissions', spec.row.ref, spec.gas, spec.unit.id, spec.ch4Origin ?? '', spec.otherGwp?.value ?? '', spec.otherGwp?.source ?? ''].join('|');
    default: {
      const unhandled: never = spec;
      return String(unhandled);
    }
  }
}
