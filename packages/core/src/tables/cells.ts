import { NUMBER_TEXT, RESERVED_KEYS, type ColumnShape, type TableCell } from './columns.ts';

/**
 * One cell to one value, and back, per column shape (columns.ts). `write` gives undefined where a value
 * cannot be held exactly by the shape; the line then carries the field in its JSON column instead.
 */

export type CellReading = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly en: string; readonly zh: string } | { readonly ok: true; readonly value: undefined };

// The unit follows a space, or starts with what cannot continue the number (`20.9` is no value with a unit).
const VALUE_UNIT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?:\s+|(?=[^\d.\s]))(\S(?:.*\S)?)$/s;
const PERCENT_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*%$/;

const fail = (en: string, zh: string): CellReading => ({ ok: false, en, zh });
const empty: CellReading = { ok: true, value: undefined };

export const isBlank = (cell: TableCell | undefined): boolean => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** A plain object: `{}` or `Object.create(null)` (not an array, a date or a class instance). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/** Reads a cell of a column of the given shape (`derived` cells are read as text). */
export function readCell(shape: ColumnShape, cell: TableCell | undefined): CellReading {
  if (isBlank(cell)) return empty;
  switch (shape) {
    case 'text':
    case 'derived':
      return { ok: true, value: typeof cell === 'number' ? String(cell) : (cell as string).trim() };
    case 'number': {
      if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : fail('expected a finite number', '应为有限数值');
      const text = (cell as string).trim();
      if (NUMBER_TEXT.test(text) && Number.isFinite(Number(text))) return { ok: true, value: Number(text) };
      return fail(`expected a number such as 1234.5 (no thousands separators, no unit), got ${JSON.stringify(text)}`, `应为数值，如 1234.5（不含千位分隔符和单位），实际为 ${JSON.stringify(text)}`);
    }
    case 'fraction': {
      if (typeof cell === 'number') return { ok: true, value: cell };
      const text = (cell as string).trim();
      if (NUMBER_TEXT.test(text)) return { ok: true, value: Number(text) };
      if (PERCENT_TEXT.test(text)) return { ok: true, value: text };
      return fail(`expected a fraction such as 0.98 or a percentage such as 98%, got ${JSON.stringify(text)}`, `应为比例（如 0.98）或百分数（如 98%），实际为 ${JSON.stringify(text)}`);
    }
    case 'value-unit': {
      const text = typeof cell === 'number' ? '' : (cell as string).trim();
      const match = VALUE_UNIT.exec(text);
      if (match === null || !Number.isFinite(Number(match[1]))) {
        return fail(`expected a number with its unit, such as "20.908 GJ/t", got ${JSON.stringify(typeof cell === 'number' ? String(cell) : text)}`, `应为带单位的数值，如 “20.908 GJ/t”，实际为 ${JSON.stringify(typeof cell === 'number' ? String(cell) : text)}`);
      }
      return { ok: true, value: { value: Number(match[1]), unit: match[2]! } };
    }
    case 'json': {
      if (typeof cell === 'number') return fail('expected a JSON object such as {"method": "landfill"}, got a number', '应为 JSON 对象，如 {"method": "landfill"}，实际为数值');
      let parsed: unknown;
      try {
        parsed = JSON.parse(cell as string);
      } catch (error) {
        return fail(`not valid JSON (${error instanceof Error ? error.message : String(error)})`, `不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）`);
      }
      if (!isPlainObject(parsed)) return fail('expected a JSON object { … } of the line\'s other fields', '应为该行其他字段组成的 JSON 对象 { … }');
      const reserved = Object.keys(parsed).filter((key) => RESERVED_KEYS.has(key));
      if (reserved.length > 0) return fail(`the key ${JSON.stringify(reserved[0])} is not a field of a line`, `键 ${JSON.stringify(reserved[0])} 不是活动行字段`);
      return { ok: true, value: parsed };
    }
    default: {
      const unreachable: never = shape;
      throw new Error(`tables: unknown column shape ${String(unreachable)}`);
    }
  }
}

/** A number a cell holds exactly: finite, and not -0 (which a spreadsheet writes as 0). */
const exactNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0);

/** Text a cell gives back unchanged: non-blank, no surrounding spaces. */
const exactText = (value: unknown): value is string => typeof value === 'string' && value !== '' && value.trim() === value;

/** The cell that holds `value` in a column of `shape`, or undefined when it cannot hold it exactly. */
export function writeCell(shape: Exclude<ColumnShape, 'derived' | 'json'>, value: unknown): TableCell | undefined {
  switch (shape) {
    case 'text':
      return exactText(value) ? value : undefined;
    case 'number':
      return exactNumber(value) ? value : undefined;
    case 'fraction':
      if (exactNumber(value)) return value;
      return exactText(value) && PERCENT_TEXT.test(value) ? value : undefined;
    case 'value-unit': {
      if (!isPlainObject(value)) return undefined;
      const keys = Object.keys(value);
      if (keys.length !== 2 || !('value' in value) || !('unit' in value)) return undefined;
      if (!exactNumber(value['value']) || !exactText(value['unit'])) return undefined;
      const text = `${String(value['value'])} ${value['unit']}`;
      // Only what reads back as the same value and unit.
      const back = readCell('value-unit', text);
      return back.ok && isPlainObject(back.value) && back.value['value'] === value['value'] && back.value['unit'] === value['unit'] ? text : undefined;
    }
    default: {
      const unreachable: never = shape;
      throw new Error(`tables: unknown column shape ${String(unreachable)}`);
    }
  }
}
