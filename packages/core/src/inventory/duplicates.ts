import type { GpcRow } from '../gpc/structure.ts';
import type { Reader } from '../reading/reader.ts';
import type { ActivityLine, ComputingLine } from './types.ts';

/** Fields that describe a line without changing what it computes. */
const DESCRIPTIVE_FIELDS: ReadonlySet<string> = new Set(['note', 'source', 'quality']);

/**
 * Warns about each activity line that repeats an earlier one: the same GPC row, fuel (energy, gas),
 * amount and unit, or — for a method line — the same in every field but note, source and quality.
 * Both lines are counted. A yearbook-derived file can hold two such lines rightly (two plants that
 * burnt the same tonnage), so this is a warning naming both lines, not an error; a copy-and-paste slip
 * is the likelier cause. Notation lines are left alone: a repeated notation key counts nothing twice.
 */
export function warnDuplicateLines(reader: Reader, raw: readonly unknown[], lines: readonly ActivityLine[]): void {
  const seen = new AmountTable(lines.length);
  const quantities = new QuantityIds();
  const methodLines = new Map<string, number>();
  for (const line of lines) {
    if (line.form === 'notation') continue;
    if (line.form === 'method') {
      const key = canonical(raw[line.index], true);
      const first = methodLines.get(key);
      if (first === undefined) methodLines.set(key, line.index);
      else reader.warn(['activities', line.index], { code: 'duplicate-line', first, match: 'fields' });
      continue;
    }
    const first = seen.firstOrAdd(line.amount, quantities.of(line), line.index);
    if (first !== undefined) reader.warn(['activities', line.index], { code: 'duplicate-line', first, match: 'amount' });
  }
}

/** A number for what a line measures beside its amount: its row, unit, and fuel, gas or form. */
class QuantityIds {
  private readonly byRow = new Map<GpcRow, Map<string, Map<string, number>>>();
  private count = 0;

  of(line: ComputingLine): number {
    let byUnit = this.byRow.get(line.row);
    if (byUnit === undefined) this.byRow.set(line.row, (byUnit = new Map()));
    let byKind = byUnit.get(line.unit.id);
    if (byKind === undefined) byUnit.set(line.unit.id, (byKind = new Map()));
    const kind = line.fuel ?? line.gas ?? line.form;
    let id = byKind.get(kind);
    if (id === undefined) byKind.set(kind, (id = this.count++));
    return id;
  }
}

/**
 * (amount, quantity) pairs seen so far with the index of the line that had them first: an
 * open-addressing table over typed arrays. A Map keyed by amounts would box every number; this keeps
 * a file of a million lines to a few milliseconds.
 */
class AmountTable {
  private readonly mask: number;
  private readonly amounts: Float64Array;
  private readonly quantities: Int32Array;
  private readonly firsts: Int32Array;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  constructor(lines: number) {
    let size = 16;
    while (size < lines * 2) size *= 2;
    this.mask = size - 1;
    this.amounts = new Float64Array(size);
    this.quantities = new Int32Array(size);
    this.firsts = new Int32Array(size).fill(-1);
  }

  /** The index of the first line with this amount and quantity, or undefined (and the line recorded). */
  firstOrAdd(amount: number, quantity: number, index: number): number | undefined {
    // -0 and 0 are the same amount.
    this.bits[0] = amount === 0 ? 0 : amount;
    let hash = this.words[0]! ^ Math.imul(this.words[1]! ^ quantity, 0x9e3779b1);
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash ^= hash >>> 13;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const first = this.firsts[slot]!;
      if (first === -1) {
        this.amounts[slot] = amount;
        this.quantities[slot] = quantity;
        this.firsts[slot] = index;
        return undefined;
      }
      if (this.amounts[slot] === amount && this.quantities[slot] === quantity) return first;
    }
  }
}

/** JSON text with keys in order, so two objects that differ only in key order compare equal. */
function canonical(value: unknown, top = false): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value)
      .filter((key) => !(top && DESCRIPTIVE_FIELDS.has(key)))
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
