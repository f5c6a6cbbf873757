import type { InventoryResult } from '@peakpath/core';

const PLACEHOLDER = '"__peakpath_lines__"';

/**
 * The result as pretty JSON (2-space indent), in pieces: the lines one by one. Identical to
 * `JSON.stringify(result, null, 2)`, but never one string of the whole, which for a million lines
 * would exceed the longest string the engine allows.
 */
export function* inventoryJson(result: InventoryResult): Generator<string> {
  const { lines } = result;
  const head = JSON.stringify({ ...result, lines: PLACEHOLDER.slice(1, -1) }, null, 2);
  const at = head.indexOf(PLACEHOLDER);
  if (lines.length === 0) {
    yield `${head.slice(0, at)}[]${head.slice(at + PLACEHOLDER.length)}\n`;
    return;
  }
  yield `${head.slice(0, at)}[\n`;
  for (let index = 0; index < lines.length; index++) {
    const text = JSON.stringify(lines[index], null, 2).replace(/\n/g, '\n    ');
    yield `    ${text}${index < lines.length - 1 ? ',' : ''}\n`;
  }
  yield `  ]${head.slice(at + PLACEHOLDER.length)}\n`;
}
