import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable } from './table.ts';

// Found by the fuzzer (test/fuzz, district target): a 20,000-character evidence document took 0.65 s to print, 40,000
// 2.3 s — string-width's segmenter is quadratic in one long run. Long text is measured in pieces cut where a grapheme
// cluster starts: the same widths as string-width's on the whole.
describe('displayWidth', () => {
  it('measures as string-width does, long text in pieces, clusters never cut', () => {
    const texts = [
      '',
      'plain ASCII',
      '伽马市及其各区',
      'x'.repeat(5_000),
      '字'.repeat(5_000),
      'é'.repeat(5_000),
      // Combining mark, ideograph, a family (ZWJ sequence), a flag (regional indicators), a skin tone, Hangul.
      'e\u0301字👩‍👩‍👧x🇨🇳👍🏽한'.repeat(600),
      // A piece boundary that falls inside the ZWJ sequence or between the flag's two indicators is moved on.
      `${'a'.repeat(1_999)}👩‍👩‍👧🇨🇳${'b'.repeat(3_000)}`,
      `${'a'.repeat(1_998)}🇨🇳🇨🇳${'b'.repeat(3_000)}`,
      `\u001b[31m${'x'.repeat(3_000)}\u001b[0m`,
    ];
    for (const text of texts) expect([text.length, displayWidth(text)]).toEqual([text.length, stringWidth(text)]);
  });

  it('lines up a table with a long Chinese cell', () => {
    const table = renderTable(['id', '说明'], [['a', '字'.repeat(3_000)], ['b', 'x']], ['left', 'left']);
    const [header, rule] = table.split('\n');
    expect(header).toBe('id  说明');
    expect(rule).toBe(`──  ${'─'.repeat(6_000)}`);
  });
});
