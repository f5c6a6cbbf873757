import { citation, type Factor, type Verification } from '../factors/library.ts';

/**
 * What every calculation states with its result: the defaults and conventions it relied on, and the
 * factors it used with their sources. Shared by the inventory's lines, the IPCC methods and the
 * pathway and plan engines, so it sits below all of them.
 */

/** A default or convention applied to a line, stated with the result. */
export interface Assumption {
  readonly code: string;
  readonly text: { readonly en: string; readonly zh: string };
}

/**
 * A factor as it appears in a result: from the library (its id) or given on the line (`line:<field>`,
 * relative to its line: the inventory's JSON writes it `line[<index>].<field>`, inventory/json.ts).
 */
export interface FactorRef {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly table?: string | undefined;
  readonly verification?: Verification | undefined;
}

/** GJ in one tonne of standard coal (GB/T 2589: 1 kgce = 29,307.6 kJ). */
export const GJ_PER_TCE = 29.3076;

const refCache = new WeakMap<Factor, FactorRef>();

/** The factor as a result lists it, one shared object per library factor. */
export function factorRef(factor: Factor): FactorRef {
  let ref = refCache.get(factor);
  if (!ref) {
    ref = {
      id: factor.id,
      value: factor.value,
      unit: factor.unit.id,
      source: citation(factor),
      table: factor.table,
      verification: factor.verification,
    };
    refCache.set(factor, ref);
  }
  return ref;
}
