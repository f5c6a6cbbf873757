/**
 * Mutations of a parsed document (plain JSON values): each takes a random place in the document and
 * changes it the way a person, a spreadsheet export or an attacker would — a field deleted, a value of
 * another type, a key misspelt by one letter, an entry duplicated, an array or a string cut short, an
 * extreme number, a very long string, a hostile key. Every mutation says what it did, so a failure
 * reads as a recipe.
 */
import type { Random } from './random.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Place = readonly (string | number)[];

export interface Mutation {
  /** What was done, e.g. `retype activities[3].amount → "1e999"`. */
  readonly description: string;
  /** The operator's name, for the run's counts. */
  readonly operator: string;
}

const isObject = (value: unknown): value is { [key: string]: Json } => typeof value === 'object' && value !== null && !Array.isArray(value);

export const placeText = (place: Place): string =>
  place.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`), '') || '(document)';

/** A deep copy that keeps own `__proto__` keys as JSON.parse makes them (a spread or an assignment would not). */
export function clone(value: Json): Json {
  if (Array.isArray(value)) return value.map(clone);
  if (isObject(value)) {
    const copy: { [key: string]: Json } = {};
    for (const key of Object.keys(value)) setOwn(copy, key, clone(value[key]!));
    return copy;
  }
  return value;
}

/** Sets an own property, even `__proto__`. */
function setOwn(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every place in the document below the root, depth first. */
export function places(document: Json, maxPlaces = 20_000): Place[] {
  const found: Place[] = [];
  const visit = (value: Json, place: Place): void => {
    if (found.length >= maxPlaces) return;
    if (place.length > 0) found.push(place);
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...place, index]));
    else if (isObject(value)) for (const key of Object.keys(value)) visit(value[key]!, [...place, key]);
  };
  visit(document, []);
  return found;
}

export function valueAt(document: Json, place: Place): Json | undefined {
  let value: Json | undefined = document;
  for (const part of place) {
    if (Array.isArray(value) && typeof part === 'number') value = value[part];
    else if (isObject(value) && typeof part === 'string' && Object.hasOwn(value, part)) value = value[part];
    else return undefined;
  }
  return value;
}

/** The container of `place` and the key in it. */
function parentOf(document: Json, place: Place): { parent: Json[] | { [key: string]: Json }; key: string | number } | undefined {
  const parent = valueAt(document, place.slice(0, -1));
  const key = place[place.length - 1]!;
  if (Array.isArray(parent) || isObject(parent)) return { parent, key };
  return undefined;
}

function replace(document: Json, place: Place, value: Json): void {
  const at = parentOf(document, place);
  if (!at) return;
  if (Array.isArray(at.parent)) at.parent[at.key as number] = value;
  else setOwn(at.parent, at.key as string, value);
}

/** Renames a key where it stands, keeping the order of the object's keys. */
function renameKey(object: { [key: string]: Json }, from: string, to: string): void {
  const entries = Object.keys(object).map((key) => [key === from ? to : key, object[key]!] as const);
  for (const key of Object.keys(object)) Reflect.deleteProperty(object, key);
  for (const [key, value] of entries) setOwn(object, key, value);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzAEIOU_-.0';
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'] as const;

/** Numbers at the edges: zero of both signs, overflow, underflow, beyond 2^53, and numbers written as text. */
export const EXTREME_VALUES: readonly Json[] = [
  0, -0, -1, 1, 1e308, -1e308, 1.7976931348623157e308, 1e-300, -1e-300, 5e-324, 2 ** 53 + 1, 1e21, 123456789012345680000, 0.1 + 0.2, 1e6, -1e6,
  'NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '1e308%', '-1e308%', '100000%', '-100%', '0%', '-0%', '-0', '1e-300%', '0x10', ' 5 ', '5,0', '1_000', '',
];

/** One letter inserted, deleted or replaced. */
function oneLetter(random: Random, text: string): string {
  const at = random.below(text.length + 1);
  const letter = random.pick([...LETTERS]);
  switch (random.below(3)) {
    case 0:
      return text.slice(0, at) + letter + text.slice(at);
    case 1:
      return text.length > 1 ? text.slice(0, Math.min(at, text.length - 1)) + text.slice(Math.min(at, text.length - 1) + 1) : `${text}${letter}`;
    default:
      return text.length > 0 ? text.slice(0, Math.min(at, text.length - 1)) + letter + text.slice(Math.min(at, text.length - 1) + 1) : letter;
  }
}

/** A value of another JSON type than `value` has. */
function otherType(random: Random, value: Json, sibling: Json): Json {
  const choices: Json[] = ['text', '', 42, -3.5, null, true, false, [], [value], {}, { value: 1 }, [1, 2, 3], '42', typeof value === 'object' ? 'object' : String(value)];
  if (sibling !== null) choices.push(clone(sibling));
  const typeOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const others = choices.filter((choice) => typeOf(choice) !== typeOf(value) || (typeOf(value) === 'string' && choice === '42'));
  return clone(random.pick(others.length > 0 ? others : choices));
}

export interface MutateOptions {
  /** The longest string a mutation writes (the in-suite run keeps it short; the long run goes further). */
  readonly longString: number;
}

const OPERATORS = ['delete', 'retype', 'rename', 'duplicate', 'truncate', 'extreme', 'long-string', 'hostile-key', 'swap'] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * Mutates `document` in place once, at a random place; returns what it did. Numbers are chosen more
 * often as targets of `extreme`, arrays of `duplicate` and `truncate`, objects of `hostile-key`.
 */
export function mutate(random: Random, document: Json, options: MutateOptions): Mutation {
  const all = places(document);
  const operator: Operator = random.pick(OPERATORS);
  const want = (test: (value: Json) => boolean): Place | undefined => {
    const fitting = all.filter((place) => test(valueAt(document, place)!));
    return fitting.length > 0 ? random.pick(fitting) : undefined;
  };
  const any = (): Place => random.pick(all);
  switch (operator) {
    case 'delete': {
      const place = any();
      const at = parentOf(document, place)!;
      if (Array.isArray(at.parent)) at.parent.splice(at.key as number, 1);
      else Reflect.deleteProperty(at.parent, at.key as string);
      return { operator, description: `delete ${placeText(place)}` };
    }
    case 'retype': {
      const place = any();
      const sibling = valueAt(document, random.pick(all)) ?? null;
      const value = otherType(random, valueAt(document, place)!, sibling);
      replace(document, place, value);
      return { operator, description: `retype ${placeText(place)} → ${short(value)}` };
    }
    case 'rename': {
      const place = want(isObject);
      const object = place ? (valueAt(document, place) as { [key: string]: Json }) : isObject(document) ? document : undefined;
      const keys = object ? Object.keys(object) : [];
      if (!object || keys.length === 0) return { operator, description: 'rename: no key' };
      const from = random.pick(keys);
      const to = oneLetter(random, from);
      if (!Object.hasOwn(object, to)) renameKey(object, from, to);
      return { operator, description: `rename ${placeText([...(place ?? []), from])} → ${JSON.stringify(to)}` };
    }
    case 'duplicate': {
      const place = want((value) => Array.isArray(value) || isObject(value));
      const container = place ? valueAt(document, place) : document;
      if (Array.isArray(container) && container.length > 0) {
        const index = random.below(container.length);
        const copies = random.chance(0.2) ? 1 + random.below(40) : 1;
        container.splice(index + 1, 0, ...Array.from({ length: copies }, () => clone(container[index]!)));
        return { operator, description: `duplicate ${placeText([...(place ?? []), index])} ×${copies}` };
      }
      if (isObject(container) && Object.keys(container).length > 0) {
        const key = random.pick(Object.keys(container));
        const copy = random.pick([`${key}2`, `${key}-copy`, key.toUpperCase(), ` ${key}`]);
        if (!Object.hasOwn(container, copy)) setOwn(container, copy, clone(container[key]!));
        return { operator, description: `duplicate ${placeText([...(place ?? []), key])} as ${JSON.stringify(copy)}` };
      }
      return { operator, description: 'duplicate: nothing' };
    }
    case 'truncate': {
      const place = want((value) => Array.isArray(value) || typeof value === 'string') ?? any();
      const value = valueAt(document, place)!;
      if (Array.isArray(value)) {
        const length = random.below(value.length + 1);
        value.length = length;
        return { operator, description: `truncate ${placeText(place)} to ${length} items` };
      }
      if (typeof value === 'string') {
        const length = random.below(value.length + 1);
        replace(document, place, value.slice(0, length));
        return { operator, description: `truncate ${placeText(place)} to ${JSON.stringify(value.slice(0, length))}` };
      }
      return { operator, description: `truncate: ${placeText(place)} is neither array nor string` };
    }
    case 'extreme': {
      const place = (random.chance(0.8) ? want((value) => typeof value === 'number' || (typeof value === 'string' && /^-?[\d.]+%?$/.test(value))) : undefined) ?? any();
      const value = random.pick(EXTREME_VALUES);
      replace(document, place, value);
      return { operator, description: `extreme ${placeText(place)} → ${short(value)}` };
    }
    case 'long-string': {
      const place = want((value) => typeof value === 'string') ?? any();
      const length = 1 + random.below(options.longString);
      const old = valueAt(document, place);
      const seedText = typeof old === 'string' && old.length > 0 ? old : 'x';
      const value = random.chance(0.5) ? seedText.repeat(Math.ceil(length / seedText.length)).slice(0, length) : '字'.repeat(length);
      replace(document, place, value);
      return { operator, description: `long-string ${placeText(place)} → ${length} characters` };
    }
    case 'hostile-key': {
      const place = want(isObject);
      const object = place ? (valueAt(document, place) as { [key: string]: Json }) : isObject(document) ? document : undefined;
      if (!object) return { operator, description: 'hostile-key: no object' };
      const key = random.pick(HOSTILE_KEYS);
      const keys = Object.keys(object);
      if (keys.length > 0 && random.chance(0.5)) {
        const from = random.pick(keys);
        if (!Object.hasOwn(object, key)) renameKey(object, from, key);
        return { operator, description: `hostile-key rename ${placeText([...(place ?? []), from])} → ${key}` };
      }
      const value = keys.length > 0 ? clone(object[random.pick(keys)]!) : {};
      setOwn(object, key, value);
      return { operator, description: `hostile-key add ${placeText([...(place ?? []), key])} = ${short(value)}` };
    }
    case 'swap': {
      const place = any();
      const value = clone(valueAt(document, random.pick(all))!);
      replace(document, place, value);
      return { operator, description: `swap ${placeText(place)} → ${short(value)}` };
    }
  }
}

export function short(value: Json): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…(${text.length} chars)` : text;
}
