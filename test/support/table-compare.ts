/** Comparing an exported table with its reference file cell by cell (test/exports-zh.test.ts). */
import type { TableCell } from '@peakpath/core';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Rows without their trailing empty cells, and without trailing empty rows. */
export const trimmed = (rows: readonly (readonly TableCell[])[]): string[][] => {
  const out = rows.map((row) => {
    const cells = row.map((cell) => (cell === null ? '' : String(cell)));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
};

/**
 * The cells where `actual` differs from `reference`: text exactly; numbers to 1e-12 relative (the reference's
 * figures were summed by another program, in its own order).
 */
export function differences(actual: readonly (readonly TableCell[])[], reference: readonly (readonly TableCell[])[]): string[] {
  const a = trimmed(actual);
  const b = trimmed(reference);
  const found: string[] = [];
  for (let r = 0; r < Math.max(a.length, b.length); r++) {
    const left = a[r] ?? [];
    const right = b[r] ?? [];
    for (let c = 0; c < Math.max(left.length, right.length); c++) {
      const x = left[c] ?? '';
      const y = right[c] ?? '';
      if (x === y) continue;
      if (NUMBER.test(x) && NUMBER.test(y)) {
        const [p, q] = [Number(x), Number(y)];
        if (Math.abs(p - q) <= 1e-12 * Math.max(Math.abs(p), Math.abs(q))) continue;
      }
      found.push(`row ${r + 1} column ${c + 1}: exported ${JSON.stringify(x)}, reference ${JSON.stringify(y)}`);
    }
  }
  return found;
}

