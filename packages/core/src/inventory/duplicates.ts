import type { Reader } from '../reading/reader.ts';
import type { ActivityLine } from './types.ts';

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
  const seen = new Map<string, number>();
  for (const line of lines) {
    if (line.form === 'notation') continue;
    const match = line.form === 'method' ? 'fields' : 'amount';
    const key =
      match === 'fields'
        ? `method\u0000${canonical(raw[line.index], true)}`
        : `${line.row.ref}\u0000${line.form}\u0000${line.fuel ?? line.gas ?? ''}\u0000${line.amount}\u0000${line.unit.id}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, line.index);
    else reader.warn(['activities', line.index], { code: 'duplicate-line', first, match });
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
