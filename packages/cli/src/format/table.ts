import stringWidth from 'string-width';

export type Align = 'left' | 'right';

/** A plain-text table whose columns line up in a terminal, Chinese (double-width) text included. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = header.map((cell, column) => Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  const pad = (cell: string, column: number): string => {
    const gap = ' '.repeat(widths[column]! - displayWidth(cell));
    return align[column] === 'right' ? gap + cell : cell + gap;
  };
  const line = (cells: readonly string[]): string => cells.map((cell, column) => pad(cell, column)).join('  ').trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Text cut into pieces of about this many characters to be measured (see `displayWidth`). */
const PIECE = 2_000;

/**
 * The columns `text` takes in a terminal (string-width). A long text is measured in pieces cut where a new grapheme
 * cluster always starts (UAX #29: before a character that extends none — not a mark, joiner, Hangul vowel or final,
 * emoji modifier or regional indicator — and not after a zero-width joiner), so the sum is the same: ICU's segmenter
 * under string-width takes time quadratic in the length of a run (a note of 80,000 Chinese characters: 12 s per
 * measure, and a table measures each cell twice).
 */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  // An ANSI escape sequence is stripped whole: never cut one.
  if (text.length <= PIECE || text.includes('\u001b')) return stringWidth(text);
  let width = 0;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + PIECE);
    while (end < text.length && !startsCluster(text, end)) end++;
    width += stringWidth(text.slice(start, end));
    start = end;
  }
  return width;
}

const MARK = /^\p{M}$/u;

/** Whether a cluster starts at `at`: after no zero-width joiner, at a character that continues none before it. */
function startsCluster(text: string, at: number): boolean {
  if (text.charCodeAt(at - 1) === 0x200d) return false;
  const code = text.codePointAt(at)!;
  const extending =
    MARK.test(String.fromCodePoint(code)) ||
    code === 0x200c ||
    code === 0x200d ||
    (code >= 0x1160 && code <= 0x11ff) || // Hangul vowels and finals
    (code >= 0xd7b0 && code <= 0xd7ff) ||
    (code >= 0xdc00 && code <= 0xdfff) || // the second half of a surrogate pair
    (code >= 0x1f1e6 && code <= 0x1f1ff) || // regional indicators: a flag is two
    (code >= 0x1f3fb && code <= 0x1f3ff); // emoji skin tones
  return !extending;
}

export function formatNumber(value: number, lang: 'en' | 'zh', digits = 0): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** Significant digits for small intensities (0.000123 stays readable). */
export function formatSignificant(value: number, lang: 'en' | 'zh', digits = 4): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumSignificantDigits: digits }).format(value);
}
