import { parse as parseYaml, type ParseOptions, type DocumentOptions, type SchemaOptions, type ToJSOptions } from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions;

/** Items of a long sequence parsed together: large enough to amortise a parse, small enough to keep its tree small. */
const CHUNK_CHARS = 1 << 20;

/**
 * A big YAML document read with a fraction of the memory of one parse. The `yaml` library keeps the
 * whole document's syntax tree and node tree alive until it converts them: 32 MiB of inventory needed
 * 3.3 GB, 63 MiB ran out of heap. Big files are long block sequences (an inventory's `activities`),
 * so a top-level key whose value is a block sequence is parsed a megabyte of items at a time and the
 * rest of the document with the key left empty; each part's tree is dropped before the next one.
 *
 * Returns undefined when the document has no such shape (or is one this split cannot keep exact:
 * several documents or directives, an alias into another part, a part the parser rejects); the
 * caller then parses the whole text as usual, which also reports any error with its exact position.
 * The values are those of one parse: an item's text is cut only at a line that starts an item at the
 * sequence's own indentation, which in valid YAML cannot sit inside a scalar, a block scalar or a flow
 * collection of the item before it (their lines are indented further).
 */
export function parseBigYaml(text: string, options: Options, chunkChars = CHUNK_CHARS): unknown {
  if (/^(%|---|\.\.\.)/m.test(text)) return undefined;
  const sequences = blockSequences(text);
  if (sequences.length === 0) return undefined;
  // The document without the sequences' items: the same lines, emptied, so positions stay the same.
  let rest = '';
  let from = 0;
  for (const sequence of sequences) {
    rest += text.slice(from, sequence.start) + blankLines(text, sequence.start, sequence.end);
    from = sequence.end;
  }
  rest += text.slice(from);
  let document: unknown;
  try {
    document = parseYaml(rest, options);
  } catch {
    return undefined;
  }
  rest = '';
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const mapping = document as Record<string, unknown>;
  for (const sequence of sequences) {
    if (!Object.prototype.hasOwnProperty.call(mapping, sequence.key) || mapping[sequence.key] !== null) return undefined;
    const items = sequenceItems(text, sequence, options, chunkChars);
    if (!items) return undefined;
    mapping[sequence.key] = items;
  }
  return mapping;
}

interface BlockSequence {
  /** The top-level key, as written (plain keys only). */
  readonly key: string;
  /** The indentation of its items' `-`. */
  readonly indent: number;
  /** Offsets of the first item's line and of the line after the sequence. */
  readonly start: number;
  readonly end: number;
}

/** Top-level plain keys with nothing after the colon whose value is a block sequence. */
function blockSequences(text: string): BlockSequence[] {
  const found: BlockSequence[] = [];
  const key = /^([A-Za-z_][A-Za-z0-9_-]*):[ \t]*(#.*)?$/;
  let offset = 0;
  while (offset < text.length) {
    const lineEnd = endOfLine(text, offset);
    const match = key.exec(text.slice(offset, lineEnd).replace(/\r$/, ''));
    offset = lineEnd + 1;
    if (!match) continue;
    // The value runs to the next line at column 0 that is not blank, a comment or an item at indentation 0.
    const start = offset;
    let indent = -1;
    let end = start;
    while (end < text.length) {
      const next = endOfLine(text, end);
      const line = text.slice(end, Math.min(next, end + 200));
      const content = line.trimStart();
      const column = line.length - content.length;
      if (content !== '' && content !== '\r' && !content.startsWith('#')) {
        if (indent < 0) {
          if (!/^-([ \t]|\r?$)/.test(content)) break;
          indent = column;
        } else if (column < indent || (column === 0 && !/^-([ \t]|\r?$)/.test(content))) break;
      }
      end = next + 1;
    }
    if (indent >= 0) found.push({ key: match[1]!, indent, start, end: Math.min(end, text.length) });
    offset = Math.max(offset, Math.min(end, text.length));
  }
  return found;
}

/** The sequence's items, parsed a chunk of whole items at a time; undefined if a chunk does not parse as those items. */
function sequenceItems(text: string, sequence: BlockSequence, options: Options, chunkChars: number): unknown[] | undefined {
  const items: unknown[] = [];
  const itemStart = new RegExp(`^ {${sequence.indent}}-([ \\t]|\\r?$)`);
  let chunkStart = sequence.start;
  let count = 0;
  let offset = sequence.start;
  const flush = (end: number): boolean => {
    if (count === 0) return true;
    let parsed: unknown;
    try {
      parsed = parseYaml(text.slice(chunkStart, end), options);
    } catch {
      return false;
    }
    if (!Array.isArray(parsed) || parsed.length !== count) return false;
    for (const item of parsed) items.push(item);
    chunkStart = end;
    count = 0;
    return true;
  };
  while (offset < sequence.end) {
    const lineEnd = endOfLine(text, offset);
    if (itemStart.test(text.slice(offset, Math.min(lineEnd, offset + sequence.indent + 3)))) {
      if (offset - chunkStart >= chunkChars && !flush(offset)) return undefined;
      count++;
    }
    offset = lineEnd + 1;
  }
  return flush(sequence.end) ? items : undefined;
}

function endOfLine(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

/** As many line breaks as text[start, end) has. */
function blankLines(text: string, start: number, end: number): string {
  let count = 0;
  for (let at = text.indexOf('\n', start); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return '\n'.repeat(count);
}
