import type { FactorRef } from '../accounting/statements.ts';
import { citationOf, INVENTORY_OUTPUT_VERSION, LINE_PREFIX, lineJson, outputFactorId, SourceMap, splitAtLines } from './json.ts';
import type { Assumption, InventoryResult, LineResult } from './types.ts';

/**
 * The inventory output (json.ts) as JSON text, written in pieces: a million lines would exceed the
 * longest string the engine allows, and a caller streams the pieces as they come. Joined, the
 * pieces equal `JSON.stringify(inventoryOutput(result), null, pretty ? 2 : undefined)` and a newline.
 *
 * Compact output is the fast path: lines that share a recipe share their `factors` and
 * `assumptions` arrays, so the text of those (most of a line) is built, and encoded by a byte
 * sink, once per array; per line only the figures are written.
 */
export interface InventoryJsonOptions {
  /** Indented two spaces; compact otherwise. */
  readonly pretty?: boolean | undefined;
  /** The run's warnings (engine/documents.ts `warningsJson`), written last as `warnings`; none when absent. */
  readonly warnings?: readonly unknown[] | undefined;
}

/** The JSON text in string pieces of about 64 K characters. */
export function inventoryJsonPieces(result: InventoryResult, options: InventoryJsonOptions = {}): Generator<string> {
  return render(result, options, new StringOut());
}

/**
 * The JSON text into a sink of the caller's: a runtime that writes bytes encodes each repeated text
 * once (`fixed`), which the core cannot do itself (text encoding is the host's).
 */
export function writeInventoryJson<Chunk>(result: InventoryResult, options: InventoryJsonOptions, out: JsonOut<Chunk>): Generator<Chunk> {
  return render(result, options, out);
}

/** Text written once, with room for a sink to keep its encoding (`bytes`) the first time it is needed. */
export interface FixedText {
  readonly text: string;
  bytes?: Uint8Array;
}

/** Where the text goes: `text` for what is written once, `fixed` for text repeated line after line. */
export interface JsonOut<Chunk> {
  text(text: string): void;
  fixed(fixed: FixedText): void;
  /** The chunks completed so far. */
  take(): Chunk[];
  /** The last chunk. */
  end(): Chunk;
}

const PIECE_CHARS = 1 << 16;

class StringOut implements JsonOut<string> {
  private piece = '';
  private done: string[] = [];

  text(text: string): void {
    this.piece += text;
    if (this.piece.length >= PIECE_CHARS) {
      this.done.push(this.piece);
      this.piece = '';
    }
  }

  fixed(fixed: FixedText): void {
    this.text(fixed.text);
  }

  take(): string[] {
    const done = this.done;
    if (done.length === 0) return done;
    this.done = [];
    return done;
  }

  end(): string {
    return this.piece;
  }
}

// Searched for with their keys' quotes around them, which no string value of the result can contain unescaped.
const LINES_MARK = '__peakpath_lines__';
const SOURCES_MARK = '__peakpath_sources__';

function* render<Chunk>(result: InventoryResult, options: InventoryJsonOptions, out: JsonOut<Chunk>): Generator<Chunk> {
  const pretty = options.pretty === true;
  const { before, after } = splitAtLines(result);
  const sources = new SourceMap();
  // The frame around the lines and the sources, as JSON.stringify writes it, with two placeholders.
  const frame = JSON.stringify(
    { version: INVENTORY_OUTPUT_VERSION, ...before, lines: LINES_MARK, sources: SOURCES_MARK, ...after, warnings: options.warnings ?? [] },
    null,
    pretty ? 2 : undefined,
  );
  const colon = pretty ? '": ' : '":';
  const linesAt = frame.indexOf(`"lines${colon}"${LINES_MARK}"`) + `"lines${colon}`.length;
  const sourcesAt = frame.indexOf(`"sources${colon}"${SOURCES_MARK}"`) + `"sources${colon}`.length;

  out.text(frame.slice(0, linesAt));
  const { lines } = result;
  if (lines.length === 0) out.text('[]');
  else {
    const writeLine = pretty ? prettyLine : compactLineWriter();
    out.text(pretty ? '[\n' : '[');
    for (let at = 0; at < lines.length; at++) {
      writeLine(lines[at]!, at, lines.length, sources, out);
      const done = out.take();
      if (done.length > 0) yield* done;
    }
    out.text(pretty ? '  ]' : ']');
  }
  out.text(frame.slice(linesAt + LINES_MARK.length + 2, sourcesAt));
  writeSources(sources, pretty, out);
  yield* out.take();
  out.text(`${frame.slice(sourcesAt + SOURCES_MARK.length + 2)}\n`);
  yield* out.take();
  yield out.end();
}

type LineWriter = <Chunk>(line: LineResult, at: number, count: number, sources: SourceMap, out: JsonOut<Chunk>) => void;

function prettyLine<Chunk>(line: LineResult, at: number, count: number, sources: SourceMap, out: JsonOut<Chunk>): void {
  const text = JSON.stringify(lineJson(line, sources), null, 2).replace(/\n/g, '\n    ');
  out.text(`    ${text}${at < count - 1 ? ',' : ''}\n`);
}

function writeSources<Chunk>(sources: SourceMap, pretty: boolean, out: JsonOut<Chunk>): void {
  out.text('{');
  let first = true;
  for (const [id, ref] of sources.entries()) {
    const citation = JSON.stringify(citationOf(ref), null, pretty ? 2 : undefined);
    out.text(pretty ? `${first ? '' : ','}\n    ${JSON.stringify(id)}: ${citation.replace(/\n/g, '\n    ')}` : `${first ? '' : ','}${JSON.stringify(id)}:${citation}`);
    first = false;
  }
  out.text(first || !pretty ? '}' : '\n  }');
}

/**
 * A `factors` array as JSON text, cut where the line's index goes into the ids of the factors given
 * on the line: `parts[0] + index + parts[1] + … + index + parts[given.length]`.
 */
interface FactorsText {
  readonly parts: readonly FixedText[];
  readonly given: readonly FactorRef[];
}

function factorsText(refs: readonly FactorRef[]): FactorsText {
  const parts: FixedText[] = [];
  const given: FactorRef[] = [];
  let text = ',"factors":[';
  refs.forEach((ref, k) => {
    text += `${k === 0 ? '' : ','}{"id":`;
    if (ref.id.startsWith(LINE_PREFIX)) {
      // The quoted id `"line[0].field"`, cut after `[`: the line's index goes there.
      const quoted = JSON.stringify(outputFactorId(ref, 0));
      const cut = quoted.indexOf('[0]') + 1;
      parts.push({ text: text + quoted.slice(0, cut) });
      given.push(ref);
      text = quoted.slice(cut + 1);
    } else text += JSON.stringify(ref.id);
    text += `,"value":${number(ref.value)},"unit":${JSON.stringify(ref.unit)}}`;
  });
  parts.push({ text: `${text}]` });
  return { parts, given };
}

/** Compact lines: the text of each `factors` and `assumptions` array built once, the figures per line. */
function compactLineWriter(): LineWriter {
  const factorTexts = new Map<readonly FactorRef[], FactorsText>();
  const assumptionTexts = new Map<readonly Assumption[], FixedText>();
  const openAssumptionTexts = new Map<readonly Assumption[], FixedText>();
  const quoted = new Map<string, string>();
  const quote = (text: string): string => {
    let json = quoted.get(text);
    if (json === undefined) quoted.set(text, (json = JSON.stringify(text)));
    return json;
  };

  return (line, at, _count, sources, out) => {
    let factors = factorTexts.get(line.factors);
    if (factors === undefined) {
      factorTexts.set(line.factors, (factors = factorsText(line.factors)));
      // First use of these factors: each enters `sources` in the line's order, as inventoryOutput enters them.
      for (const ref of line.factors) sources.add(outputFactorId(ref, line.index), ref);
    } else {
      // The library's are in `sources` since that first use; those given on the line are cited per line.
      for (const ref of factors.given) sources.add(outputFactorId(ref, line.index), ref);
    }
    // `activity` and `counterpart` (rare: method lines with an activity, lines naming another city) follow the
    // assumptions, as in lineJson; the common line closes with its cached assumptions text.
    const tail = line.activity === undefined && line.counterpart === undefined ? undefined : `${line.activity === undefined ? '' : `,"activity":${JSON.stringify(line.activity)}`}${line.counterpart === undefined ? '' : `,"counterpart":${JSON.stringify(line.counterpart)}`}}`;
    const texts = tail === undefined ? assumptionTexts : openAssumptionTexts;
    let assumptions = texts.get(line.assumptions);
    if (assumptions === undefined) texts.set(line.assumptions, (assumptions = { text: `,"assumptions":${JSON.stringify(line.assumptions)}${tail === undefined ? '}' : ''}` }));

    let text = `${at === 0 ? '' : ','}{"index":${line.index},"gpc":${quote(line.gpc)},"scope":${line.scope},"level":${quote(line.level)},"form":${quote(line.form)}`;
    if (line.method !== undefined) text += `,"method":${quote(line.method)}`;
    text += `,"gases":{"CO2":${number(line.gases.CO2)},"CH4":${number(line.gases.CH4)},"N2O":${number(line.gases.N2O)}},"co2e":${number(line.co2e)}`;
    if (line.otherGasesCo2e !== undefined) text += `,"otherGasesCo2e":${number(line.otherGasesCo2e)}`;
    text += `,"energyTce":${number(line.energyTce)}`;
    if (line.quality !== undefined) text += `,"quality":${quote(line.quality)}`;
    out.text(text);
    const { parts } = factors;
    out.fixed(parts[0]!);
    for (let k = 1; k < parts.length; k++) {
      out.text(String(line.index));
      out.fixed(parts[k]!);
    }
    out.fixed(assumptions);
    if (tail !== undefined) out.text(tail);
  };
}

/** A number as JSON.stringify writes it: NaN and the infinities as null. */
function number(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}
