import { describe, expect, it } from 'vitest';
import { bytePosition, firstInvalidUtf8, textPosition } from './utf8.ts';

describe('where a file stops being UTF-8', () => {
  it.each([
    ['ASCII and Chinese', [0x61, 0xe4, 0xb8, 0xad, 0xf0, 0x9f, 0x98, 0x80], -1],
    ['a Latin-1 é', [0x61, 0xe9, 0x62], 1],
    ['an overlong "/"', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0x61, 0xe0, 0x80, 0xaf], 1],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut off at the end', [0x61, 0x62, 0xe4, 0xb8], 2],
    ['a lone continuation byte', [0x80], 0],
  ])('%s', (_name, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
    // The decoder peakpath reads with agrees on which are valid.
    const valid = (() => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
        return true;
      } catch {
        return false;
      }
    })();
    expect(valid).toBe(offset === -1);
  });

  it('lines and columns from 1, columns in characters', () => {
    const bytes = new TextEncoder().encode('a: 1\n名称: x\n');
    expect(bytePosition(bytes, bytes.indexOf(0x78))).toEqual({ line: 2, column: 5 });
    expect(textPosition('a: 1\n名称: x\n', 9)).toEqual({ line: 2, column: 5 });
    expect(textPosition('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
