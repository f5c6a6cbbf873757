import type { GridChoice } from '../factors/grid-series.ts';
import type { Factor, FactorCriteria, FactorLibrary } from '../factors/library.ts';
import type { Ch4Origin, GpcRow } from '../gpc/structure.ts';
import type { Path } from '../issues/issue.ts';
import type { Reader, Fields } from '../reading/reader.ts';
import type { Assumption, FactorRef } from '../accounting/statements.ts';
import type { FactorSet } from '../factors/factor-sets.ts';
import type { GivenValue } from '../reading/reader.ts';
import { assumptions } from '../accounting/assumptions.ts';
import { factorRef } from '../accounting/statements.ts';
import { closest } from '../text/closest.ts';
import type { Dimension } from '../units/units.ts';

/**
 * The activity a method line computes from, where it is one a cluster compares a pairing with: tonnes of waste
 * treated (landfill by commitment, incineration, biological treatment) or vehicle-km (road transport by vkm).
 */
export interface LineActivity {
  readonly quantity: 'waste' | 'distance';
  /** t of waste, or vehicle-km. */
  readonly value: number;
  readonly unit: 't' | 'vkm';
}

/** What a calculator gets for one line: its fields, where they are, and the library to take defaults from. */
export interface MethodInput {
  readonly fields: Fields;
  /** The line's path (`["activities", 7]`): every problem is reported under it. */
  readonly path: Path;
  readonly reader: Reader;
  readonly library: FactorLibrary;
  readonly row: GpcRow;
  /** The inventory year (first-order decay needs it); undefined only when the file's year is itself invalid. */
  readonly year: number | undefined;
  /** The file's factor set, for methods that take fuel factors (a line may name its own). */
  readonly factorSet: FactorSet;
  /** The file's default grid factor, if it names a valid one, and how it was chosen (grid-series.ts). */
  readonly grid?: GridChoice | undefined;
  readonly lineSource?: string | undefined;
}

/** A calculator's result for one line: tonnes of each gas, their CH4 origin, and the trace of how. */
export interface MethodOutput {
  readonly co2: number;
  readonly ch4: number;
  readonly n2o: number;
  /**
   * Tonnes CO2e of gases other than CO2, CH4 and N2O (HFCs, PFCs, SF6, NF3), weighted by a GWP the line
   * gave with its source: the library holds GWPs for CO2, CH4 and N2O only.
   */
  readonly otherCo2e?: number | undefined;
  /**
   * Energy used, for methods that burn fuel or draw grid electricity (transport by vehicle-km or by
   * fuel): GJ of fuel (net calorific) and of electricity. It enters `energy.tce` like fuel and electricity lines.
   */
  readonly energy?: { readonly fuelGJ: number; readonly electricityGJ: number } | undefined;
  /** Which AR6 CH4 weight applies to this line's CH4. */
  readonly ch4Origin: Ch4Origin;
  /** The line's activity where a cluster can compare a pairing with it: tonnes of waste treated, vehicle-km. */
  readonly activity?: LineActivity | undefined;
  readonly factors: readonly FactorRef[];
  readonly assumptions: readonly Assumption[];
}

/**
 * A data-driven calculation method (IPCC 2006) for some GPC rows: reads and checks its own fields,
 * takes each default it needs from the factor library (stating it), and computes the line's gases.
 */
export interface MethodCalculator {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  /** The GPC rows the method computes. */
  readonly rows: readonly string[];
  /** Its fields, besides `gpc`, `method`, `quality`, `source` and `note`. */
  readonly fields: readonly string[];
  /** Undefined when the line has a problem (reported through `input.reader`). */
  compute(input: MethodInput): MethodOutput | undefined;
}

/**
 * The bookkeeping every calculator needs: reading values from the line or defaults from the
 * library, listing each factor used, stating each default, collecting problems.
 */
export class MethodWork {
  readonly factors: FactorRef[] = [];
  readonly assumptions: Assumption[] = [];
  private readonly issuesBefore: number;

  constructor(
    readonly input: MethodInput,
    readonly method: string,
  ) {
    this.issuesBefore = input.reader.issues.length;
  }

  /** True when any problem was reported since this line's work began. */
  get failed(): boolean {
    return this.input.reader.issues.length > this.issuesBefore;
  }

  at(...parts: (string | number)[]): Path {
    return [...this.input.path, ...parts];
  }

  /**
   * The library's default, listed and stated; a missing one is reported against `field`, under `path`
   * when the field sits in a nested object (an entry of a list), else under the line.
   */
  libraryValue(field: string, criteria: FactorCriteria, label?: { en: string; zh: string }, path: Path = this.input.path): Factor | undefined {
    const factor = this.input.library.one({ kind: 'parameter', method: this.method, ...criteria });
    if (!factor) {
      this.input.reader.report([...path, field], { code: 'missing-parameter', field, method: this.method, category: criteria.category ?? criteria.variant });
      return undefined;
    }
    this.factors.push(factorRef(factor));
    this.assumptions.push(assumptions.libraryDefault(label ?? { en: field, zh: field }, factor));
    return factor;
  }

  /** A factor of another kind from the library (an emission factor, a GWP), listed; missing → reported. */
  libraryFactor(field: string, criteria: FactorCriteria): Factor | undefined {
    const factor = this.input.library.one(criteria);
    if (!factor) {
      this.input.reader.report(this.at(field), { code: 'missing-parameter', field, method: this.method, category: criteria.category ?? criteria.fuel });
      return undefined;
    }
    this.factors.push(factorRef(factor));
    return factor;
  }

  /**
   * A plain-number parameter (a fraction, a ratio) given on the line as `field`, or else the library's
   * default in base units. `fields` is the object holding it (the line, or a nested object at `path`).
   */
  number(
    field: string,
    criteria: FactorCriteria | undefined,
    options: { min?: number; max?: number; fields?: Fields; path?: Path; label?: { en: string; zh: string } } = {},
  ): number | undefined {
    const holder = options.fields ?? this.input.fields;
    const path = options.path ?? this.input.path;
    if (holder[field] !== undefined) {
      const range = options.min !== undefined && options.max !== undefined ? { min: options.min, max: options.max } : {};
      const value = this.input.reader.number(holder, field, path, { required: true, ...range });
      if (value !== undefined) {
        this.factors.push({ id: `line:${field}`, value, unit: '1', source: this.input.lineSource ?? 'given on the line' });
      }
      return value;
    }
    if (!criteria) {
      this.input.reader.report([...path, field], { code: 'required' });
      return undefined;
    }
    return this.libraryValue(field, criteria, options.label, path)?.toBase;
  }

  /** A quantity `{ value, unit }` on the line, in base units of one of the expected dimensions. */
  quantity(field: string, expected: readonly Dimension[], options: { required?: boolean; fields?: Fields; path?: Path } = {}): { value: number; given: GivenValue } | undefined {
    const holder = options.fields ?? this.input.fields;
    const path = options.path ?? this.input.path;
    if (holder[field] === undefined) {
      if (options.required ?? true) this.input.reader.report([...path, field], { code: 'required' });
      return undefined;
    }
    const given = this.input.reader.given(holder, field, path);
    if (!given) return undefined;
    if (!expected.includes(given.unit.dimension)) {
      this.input.reader.report([...path, field, 'unit'], { code: 'wrong-dimension', unit: given.unit.id, got: given.unit.dimension, expected });
      return undefined;
    }
    return { value: given.value * given.unit.toBase, given };
  }

  /** A category name from a fixed list (waste type, site type, animal, …), with a typo hint. */
  category<T extends string>(value: string, allowed: readonly T[], path: Path): T | undefined {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.input.reader.report(path, { code: 'unknown-category', got: value, allowed, suggestion: closest(value, allowed) });
    return undefined;
  }

  /** A line-given quantity used as a factor, listed with the line as its source. */
  listGiven(field: string, given: GivenValue): void {
    this.factors.push({ id: `line:${field}`, value: given.value, unit: given.unit.id, source: given.source ?? this.input.lineSource ?? 'given on the line' });
  }

  state(assumption: Assumption): void {
    this.assumptions.push(assumption);
  }

  finish(
    gases: { co2?: number; ch4?: number; n2o?: number; otherCo2e?: number; fuelGJ?: number; electricityGJ?: number },
    ch4Origin: Ch4Origin,
    activity?: LineActivity,
  ): MethodOutput | undefined {
    if (this.failed) return undefined;
    const energy = gases.fuelGJ || gases.electricityGJ ? { fuelGJ: gases.fuelGJ ?? 0, electricityGJ: gases.electricityGJ ?? 0 } : undefined;
    return {
      co2: gases.co2 ?? 0,
      ch4: gases.ch4 ?? 0,
      n2o: gases.n2o ?? 0,
      otherCo2e: gases.otherCo2e ?? 0,
      energy,
      ch4Origin,
      activity,
      factors: this.factors,
      assumptions: this.assumptions,
    };
  }
}
