import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { parseBigYaml } from './big-yaml.ts';

/** Input files larger than this are refused before they are read. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** YAML files larger than this are parsed a part at a time (big-yaml.ts): one parse of 63 MiB needs over 4 GB. */
const BIG_YAML_BYTES = 4 * 1024 * 1024;

/** A problem with the file itself (missing, too large, not JSON/YAML): exit status 2. */
export class InputFileError extends Error {
  override name = 'InputFileError';
}

/** Reads a JSON or YAML document (by extension; YAML otherwise, which also reads JSON). */
export async function readDocument(file: string): Promise<unknown> {
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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputFileError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}) / 无法读取文件`);
  }
  if (extname(file).toLowerCase() === '.json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new InputFileError(`${file}: not valid JSON: ${withLineAndColumn(text, (error as Error).message)} / 不是有效的 JSON`);
    }
  }
  try {
    const options = { prettyErrors: true, maxAliasCount: 100 };
    return (size > BIG_YAML_BYTES ? parseBigYaml(text, options) : undefined) ?? (parseYaml(text, options) as unknown);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // The parser's first line already says where: "… at line 2, column 7:".
      const message = (error.message.split('\n')[0] ?? '').replace(/:\s*$/, '');
      throw new InputFileError(`${file}: not valid YAML: ${message} / 不是有效的 YAML`);
    }
    throw error;
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
