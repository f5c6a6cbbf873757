import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { jsonStructureProblem } from './json-keys.ts';
import { bytePosition, firstInvalidUtf8, textPosition } from './utf8.ts';
import { yamlStructureProblem } from './yaml-structure.ts';
import { parseBigYaml } from './big-yaml.ts';

/** YAML files above this size are announced as slow to read (about 0.3 MB/s: 30 s and more). */
export const SLOW_YAML_BYTES = 8 * 1024 * 1024;

function slowYamlNotice(file: string, size: number): string {
  const mib = (size / 1024 / 1024).toFixed(1);
  return (
    `${file}: ${mib} MiB of YAML reads slowly (minutes near the 64 MiB cap); the same document as JSON reads in seconds. / ` +
    `${mib} MiB 的 YAML 文件读取较慢（接近 64 MiB 上限时需数分钟）；同一文件改用 JSON 只需数秒。`
  );
}

/** Input files larger than this are refused before they are read. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A problem with the file itself (missing, too large, not JSON/YAML): exit status 2. */
export class InputFileError extends Error {
  override name = 'InputFileError';
}

export interface ReadOptions {
  /**
   * Told, before a slow read starts, what to expect: a YAML file of several MiB reads at about 0.3 MB/s
   * (minutes at the cap; BENCHMARKS.md), the same document as JSON in seconds.
   */
  readonly notice?: ((text: string) => void) | undefined;
  /** Size above which a YAML read is announced; SLOW_YAML_BYTES unless given. */
  readonly noticeAbove?: number | undefined;
}

/** Reads a JSON or YAML document (by extension; YAML otherwise, which also reads JSON). */
export async function readDocument(file: string, options: ReadOptions = {}): Promise<unknown> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InputFileError(`${file}: not a file (a folder or a device) / 不是文件`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}) / 无法读取文件`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InputFileError(`${file}: the file is ${size} bytes; the limit is ${MAX_INPUT_BYTES} / 文件超过大小上限`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputFileError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}) / 无法读取文件`);
  }
  const text = decodeUtf8(file, bytes);
  const json = extname(file).toLowerCase() === '.json';
  if (!json && size > (options.noticeAbove ?? SLOW_YAML_BYTES)) options.notice?.(slowYamlNotice(file, size));
  return extname(file).toLowerCase() === '.json' ? parseJson(file, text) : parseYamlFile(file, text);
}

/**
 * Nesting deeper than this is refused in both formats: no document of peakpath's goes past a dozen
 * levels, and the YAML library and the readers that walk a value recurse once per level.
 */
export const MAX_NESTING = 256;

/** The file's text; a byte-order mark is dropped. Bytes that are not UTF-8 are an error that says where. */
function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = bytePosition(bytes, offset);
    throw new InputFileError(
      `${file}: not UTF-8 text: byte ${offset} (line ${line}, column ${column}) is not UTF-8; save the file as UTF-8 / 不是 UTF-8 编码的文本：第 ${line} 行第 ${column} 列（第 ${offset} 字节）不是 UTF-8，请以 UTF-8 编码保存`,
    );
  }
}

function parseJson(file: string, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputFileError(`${file}: not valid JSON: ${withLineAndColumn(text, (error as Error).message)} / 不是有效的 JSON`);
  }
  const problem = jsonStructureProblem(text, MAX_NESTING);
  if (!problem) return value;
  const at = textPosition(text, problem.offset);
  if (problem.kind === 'too-deep') {
    throw new InputFileError(`${file}: not readable JSON: nested more than ${MAX_NESTING} levels deep at line ${at.line}, column ${at.column} / 无法读取 JSON：第 ${at.line} 行第 ${at.column} 列嵌套超过 ${MAX_NESTING} 层`);
  }
  const first = textPosition(text, problem.firstOffset);
  const key = JSON.stringify(problem.key);
  throw new InputFileError(
    `${file}: not valid JSON: duplicate key ${key} at line ${at.line}, column ${at.column} (first at line ${first.line}) / 不是有效的 JSON：第 ${at.line} 行第 ${at.column} 列的键 ${key} 重复（首次出现在第 ${first.line} 行）`,
  );
}

/**
 * Above this size a YAML file's long block sequences are parsed a part at a time (big-yaml.ts): one
 * parse of a 63 MiB inventory needs over 4 GB. A part the library rejects, or a shape the split cannot
 * keep exact, falls back to the whole-file parse below, which reports every error with its place.
 */
const BIG_YAML_CHARS = 4 * 1024 * 1024;

function parseYamlFile(file: string, text: string): unknown {
  const big = text.length > BIG_YAML_CHARS ? parseBigYaml(text, { prettyErrors: true, maxAliasCount: 100 }) : undefined;
  return big ?? parseYamlText(file, text);
}

function parseYamlText(file: string, text: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: true, lineCounter });
  for (const warning of document.warnings) process.emitWarning(warning);
  const error = document.errors[0];
  if (error) {
    if (error.code === 'RESOURCE_EXHAUSTION') {
      // The library's own recursion ran out of stack: nesting, far past MAX_NESTING.
      const at = error.linePos?.[0] ?? { line: 0, col: 0 };
      throw new InputFileError(
        `${file}: not readable YAML: nested more than ${MAX_NESTING} levels deep (the reader ran out of stack at line ${at.line}, column ${at.col}) / 无法读取 YAML：嵌套超过 ${MAX_NESTING} 层（读取至第 ${at.line} 行第 ${at.col} 列时栈空间耗尽）`,
      );
    }
    // The parser's first line already says where: "… at line 2, column 7:".
    const message = (error.message.split('\n')[0] ?? '').replace(/:\s*$/, '');
    throw new InputFileError(`${file}: not valid YAML: ${message} / 不是有效的 YAML`);
  }
  const problem = yamlStructureProblem(document, MAX_NESTING);
  if (problem) {
    const at = lineCounter.linePos(problem.offset);
    throw new InputFileError(`${file}: not readable YAML: ${problem.en} at line ${at.line}, column ${at.col} / 无法读取 YAML：第 ${at.line} 行第 ${at.col} 列：${problem.zh}`);
  }
  try {
    // yamlStructureProblem has bounded what aliases add: the library's own count (100 uses of an anchor) would refuse honest files.
    return document.toJS({ maxAliasCount: -1 }) as unknown;
  } catch (error) {
    throw new InputFileError(`${file}: not readable YAML: ${error instanceof Error ? error.message : String(error)} / 无法读取 YAML`);
  }
}

/** JSON.parse reports a character offset; people count lines and columns. */
function withLineAndColumn(text: string, message: string): string {
  const match = /at position (\d+)/.exec(message);
  if (!match) return message;
  const offset = Number(match[1]);
  const before = text.slice(0, offset).split('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '')} at line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}
