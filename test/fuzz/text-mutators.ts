/**
 * Hostile file text: mutations below the parser, on the bytes of a YAML or JSON file — an unresolved
 * alias, an alias bomb, deep nesting, a byte-order mark, bytes that are not UTF-8, a duplicated key or
 * line, a file cut short. `mustRefuse` marks the ones no reader may accept silently (the issue's
 * S2/S3 and the two alias crashes): their only right answer is a refusal (exit 2).
 */
import type { Random } from './random.ts';

export interface TextMutant {
  readonly bytes: Uint8Array;
  readonly extension: '.yaml' | '.json';
  readonly operator: TextOperator;
  readonly description: string;
  /** The file is wrong whatever else it holds: the reader must refuse it. */
  readonly mustRefuse: boolean;
}

export const TEXT_OPERATORS = ['unresolved-alias', 'alias-bomb', 'deep-nesting', 'bom', 'invalid-utf8', 'duplicate-key', 'duplicate-line', 'truncate', 'json-duplicate-key', 'json-bom', 'json-truncate'] as const;
export type TextOperator = (typeof TEXT_OPERATORS)[number];

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A line of the YAML that holds `key: value` (a mapping entry on a line of its own). */
function entryLines(lines: readonly string[]): number[] {
  return lines.flatMap((line, index) => (/^\s*(- )?[A-Za-z_][\w-]*:\s*\S/.test(line) && !line.trimStart().startsWith('#') ? [index] : []));
}

/** A hostile variant of `yaml` (the file's text) or of `json` (the same document as JSON text); `operator` when given, else a random one. */
export function mutateText(random: Random, yaml: string, json: string, depthLimit: number, chosen?: TextOperator): TextMutant {
  const operator = chosen ?? random.pick(TEXT_OPERATORS);
  const lines = yaml.split('\n');
  const entries = entryLines(lines);
  const yamlOut = (text: string, description: string, mustRefuse = false): TextMutant => ({ bytes: utf8(text), extension: '.yaml', operator, description, mustRefuse });
  switch (operator) {
    case 'unresolved-alias': {
      const index = random.pick(entries);
      const line = lines[index]!;
      lines[index] = line.replace(/:\s*\S.*$/, ': *nope');
      return yamlOut(lines.join('\n'), `line ${index + 1}: value → *nope (no such anchor)`, true);
    }
    case 'alias-bomb': {
      const levels = 4 + random.below(6);
      const bomb = ['bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let level = 1; level <= levels; level++) bomb.push(`bomb${level}: &b${level} [${Array.from({ length: 10 }, () => `*b${level - 1}`).join(', ')}]`);
      return yamlOut(`${bomb.join('\n')}\n${yaml}`, `alias bomb of ${levels} levels (10^${levels + 1} nodes) before the document`, true);
    }
    case 'deep-nesting': {
      const depth = 1 + random.below(depthLimit);
      const flow = random.chance(0.5);
      const nested = flow ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
      const index = random.pick(entries);
      lines[index] = lines[index]!.replace(/:\s*\S.*$/, `: ${nested}`);
      return yamlOut(lines.join('\n'), `line ${index + 1}: value → ${depth} nested ${flow ? 'lists' : 'mappings'}`);
    }
    case 'bom':
      return yamlOut(`\uFEFF${yaml}`, 'a UTF-8 byte-order mark before the YAML');
    case 'invalid-utf8': {
      const bytes = utf8(yaml);
      const at = random.below(bytes.length);
      const bad = random.pick([[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0x80]]);
      const out = new Uint8Array(bytes.length + bad.length);
      out.set(bytes.subarray(0, at), 0);
      out.set(bad, at);
      out.set(bytes.subarray(at), at + bad.length);
      return { bytes: out, extension: '.yaml', operator, description: `bytes ${bad.map((b) => b.toString(16)).join(' ')} (not UTF-8) at byte ${at}`, mustRefuse: true };
    }
    case 'duplicate-key': {
      const index = random.pick(entries);
      lines.splice(index + 1, 0, lines[index]!);
      return yamlOut(lines.join('\n'), `line ${index + 1} written twice (the same key twice)`);
    }
    case 'duplicate-line': {
      const index = random.below(lines.length);
      lines.splice(index + 1, 0, lines[index]!);
      return yamlOut(lines.join('\n'), `line ${index + 1} written twice`);
    }
    case 'truncate': {
      const at = random.below(yaml.length);
      return yamlOut(yaml.slice(0, at), `YAML cut after ${at} of ${yaml.length} characters`);
    }
    case 'json-duplicate-key': {
      // A key written twice with another value: "amount": 3.2, "amount": 320 (S2).
      const matches = [...json.matchAll(/"([A-Za-z_][\w-]*)": (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/g)];
      if (matches.length === 0) return { bytes: utf8(json), extension: '.json', operator, description: 'no numeric field', mustRefuse: false };
      const match = random.pick(matches);
      const at = match.index + match[0].length;
      const other = Number(match[2]) * 100 + 1;
      return { bytes: utf8(`${json.slice(0, at)}, "${match[1]}": ${other}${json.slice(at)}`), extension: '.json', operator, description: `JSON "${match[1]}": ${match[2]} then "${match[1]}": ${other} in the same object`, mustRefuse: true };
    }
    case 'json-bom':
      return { bytes: utf8(`\uFEFF${json}`), extension: '.json', operator, description: 'a UTF-8 byte-order mark before the JSON', mustRefuse: false };
    case 'json-truncate': {
      const at = random.below(json.length);
      return { bytes: utf8(json.slice(0, at)), extension: '.json', operator, description: `JSON cut after ${at} of ${json.length} characters`, mustRefuse: false };
    }
  }
}
