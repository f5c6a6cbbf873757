import type { Path } from '../issues/issue.ts';
import { formatPath } from '../issues/issue.ts';

/**
 * Every number of a pathway file that can vary — a growth rate, a point of a series, an action's
 * level — is a parameter: a slot in one Float64Array. The model reads its numbers only through
 * slots, so a Monte Carlo run, a scenario's `set` overrides or a slider changes a value by writing
 * one slot, and recomputes without parsing anything again.
 *
 * A parameter is addressed by the path of its number in the file (`drivers.gdp.growth.2031`), the
 * same text an error message shows.
 */
export interface ParameterInfo {
  /** Where the number is in the file, or where the value came from (`drivers.population.base`). */
  readonly path: string;
  /** The value in base units (persons, CNY, tce, tCO2e, tCO2/MWh; rates and shares as fractions). */
  readonly nominal: number;
  /** Multiply a value in the file's unit by this to get base units (a distribution's bounds are in the file's unit). */
  readonly scale: number;
  /** Bounds a drawn value is kept within (a share stays in 0–1, a base value above 0). */
  readonly min: number;
  readonly max: number;
  /** False for values the file did not give (a base taken from the inventory, an index's base of 1). */
  readonly addressable: boolean;
}

export type Slot = number;

export class ParameterTable {
  readonly infos: ParameterInfo[] = [];
  private readonly byPath = new Map<string, Slot>();

  /** Registers a number of the file; returns its slot. */
  add(path: Path | string, nominal: number, options: { scale?: number; min?: number; max?: number; addressable?: boolean } = {}): Slot {
    const text = typeof path === 'string' ? path : formatPath(path);
    const slot = this.infos.length;
    const addressable = options.addressable ?? true;
    this.infos.push({
      path: text,
      nominal,
      scale: options.scale ?? 1,
      min: options.min ?? -Infinity,
      max: options.max ?? Infinity,
      addressable,
    });
    if (addressable) this.byPath.set(text, slot);
    return slot;
  }

  /** A value the model needs that is not a parameter of the file (e.g. the base of an index, 1). */
  constant(label: string, value: number): Slot {
    return this.add(label, value, { addressable: false });
  }

  slotOf(path: string): Slot | undefined {
    return this.byPath.get(path);
  }

  paths(): string[] {
    return [...this.byPath.keys()];
  }

  nominal(): Float64Array {
    return Float64Array.from(this.infos, (info) => info.nominal);
  }
}
