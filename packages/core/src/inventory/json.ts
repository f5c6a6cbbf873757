import type { FactorRef } from '../accounting/statements.ts';
import type { Verification } from '../factors/library.ts';
import type { InventoryResult, LineResult } from './types.ts';

/**
 * The inventory's JSON output, version 2 (spec/inventory-file.md): each factor on a line is
 * `{ id, value, unit }`, cited once under its id in the top-level `sources` map. The CLI, the HTTP
 * API and the report all print this, so it lives here.
 *
 * Factor ids in `sources` are exact: one id, one citation. Library factors keep their library id
 * (one citation per library factor). A value given on a line (`line:ncv` in the engine's result)
 * is cited by that line (its `source`, or the value's own), so its output id carries the line's
 * index: `line[3].ncv` is the `ncv` given on `activities[3]`.
 */
export const INVENTORY_OUTPUT_VERSION = 2;

/** A factor on a line of the output: its citation is `sources[id]`. */
export interface FactorUse {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
}

/** Where a factor comes from, once per factor id in `sources`. */
export interface FactorCitation {
  readonly source: string;
  readonly table?: string | undefined;
  readonly verification?: Verification | undefined;
}

export type LineJson = Omit<LineResult, 'factors'> & { readonly factors: readonly FactorUse[] };

export type InventoryJson = Omit<InventoryResult, 'lines'> & {
  readonly version: typeof INVENTORY_OUTPUT_VERSION;
  readonly lines: readonly LineJson[];
  readonly sources: Readonly<Record<string, FactorCitation>>;
  /** The run's warnings (engine/documents.ts `WarningJson`); empty when there are none. */
  readonly warnings: readonly unknown[];
};

export const LINE_PREFIX = 'line:';

/**
 * The output id of a factor on the line at `lineIndex`: the library id, or for a value given on
 * the line `line[<index>].<field>` (the engine's `line:<field>` is relative to its line).
 */
export function outputFactorId(ref: FactorRef, lineIndex: number): string {
  return ref.id.startsWith(LINE_PREFIX) ? `line[${lineIndex}].${ref.id.slice(LINE_PREFIX.length)}` : ref.id;
}

/** The citation of a factor reference; `table` and `verification` only where the reference has them. */
export function citationOf(ref: FactorRef): FactorCitation {
  return { source: ref.source, table: ref.table, verification: ref.verification };
}

const sameCitation = (a: FactorRef, b: FactorRef): boolean => a.source === b.source && a.table === b.table && a.verification === b.verification;

/**
 * Collects `sources` in order of first use and refuses a second, different citation under one id:
 * that would be an engine fault (two library factors with one id, or a line listing one field twice
 * from different sources), never silently resolved by keeping one of them.
 */
export class SourceMap {
  private readonly byId = new Map<string, FactorRef>();

  add(id: string, ref: FactorRef): boolean {
    const known = this.byId.get(id);
    if (known === undefined) {
      this.byId.set(id, ref);
      return true;
    }
    if (known !== ref && !sameCitation(known, ref)) {
      throw new Error(`factor ${id} is cited twice with different sources: "${known.source}" and "${ref.source}"`);
    }
    return false;
  }

  entries(): IterableIterator<[string, FactorRef]> {
    return this.byId.entries();
  }

  toObject(): Record<string, FactorCitation> {
    const sources: Record<string, FactorCitation> = {};
    for (const [id, ref] of this.byId) sources[id] = citationOf(ref);
    return sources;
  }
}

export function lineJson(line: LineResult, sources: SourceMap): LineJson {
  const factors = line.factors.map((ref): FactorUse => {
    const id = outputFactorId(ref, line.index);
    sources.add(id, ref);
    return { id, value: ref.value, unit: ref.unit };
  });
  return { ...line, factors };
}

/** The top-level fields before and after `lines`, in the result's own order. */
export function splitAtLines(result: InventoryResult): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let target = before;
  for (const key of Object.keys(result)) {
    if (key === 'lines') target = after;
    else target[key] = result[key as keyof InventoryResult];
  }
  return { before, after };
}

/** The output as one plain object: for small results (an API response, a test). */
export function inventoryOutput(result: InventoryResult, warnings: readonly unknown[] = []): InventoryJson {
  const sources = new SourceMap();
  const lines = result.lines.map((line) => lineJson(line, sources));
  const { before, after } = splitAtLines(result);
  return { version: INVENTORY_OUTPUT_VERSION, ...before, lines, sources: sources.toObject(), ...after, warnings } as unknown as InventoryJson;
}
