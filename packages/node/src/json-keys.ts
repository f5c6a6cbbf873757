/**
 * What `JSON.parse` lets pass in a JSON text: a key written twice in one object (the last one wins,
 * silently) and nesting deep enough to exhaust the readers that walk the value. One pass over a text
 * that `JSON.parse` has accepted already, so it need not check the grammar.
 */

export type JsonStructureProblem =
  | { readonly kind: 'duplicate-key'; readonly key: string; readonly offset: number; readonly firstOffset: number }
  | { readonly kind: 'too-deep'; readonly offset: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** Objects with more keys than this keep them in a Set; smaller ones (nearly all) are searched in place. */
const SMALL_OBJECT = 16;

/** The first duplicate key or nesting deeper than `maxDepth` in `text` (valid JSON), by offset; none: undefined. */
export function jsonStructureProblem(text: string, maxDepth: number): JsonStructureProblem | undefined {
  // The keys of every open object, in order, with their offsets; per open container, where its keys
  // start in `keys` (-1 for an array), and for a large object the Set of its keys.
  const keys: string[] = [];
  const keyOffsets: number[] = [];
  const starts: number[] = [];
  const large = new Map<number, Set<string>>();
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        // "\u0061mount" and "amount" are the same key.
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        const depth = starts.length - 1;
        const start = starts[depth]!;
        const set = large.get(depth);
        if (set ? set.has(key) : keys.lastIndexOf(key) >= start) {
          return { kind: 'duplicate-key', key, offset: i, firstOffset: keyOffsets[keys.lastIndexOf(key)]! };
        }
        keys.push(key);
        keyOffsets.push(i);
        if (set) set.add(key);
        else if (keys.length - start > SMALL_OBJECT) large.set(depth, new Set(keys.slice(start)));
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      starts.push(c === OPEN_OBJECT ? keys.length : -1);
      if (starts.length > maxDepth) return { kind: 'too-deep', offset: i };
      expectKey = c === OPEN_OBJECT;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      const start = starts.pop()!;
      if (start >= 0) {
        keys.length = start;
        keyOffsets.length = start;
        large.delete(starts.length);
      }
    } else if (c === COMMA) {
      expectKey = starts[starts.length - 1]! >= 0;
    }
  }
  return undefined;
}

/** The offset of the quote that closes the string opened at `start`: one not escaped by an odd run of backslashes. */
function closingQuote(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}
