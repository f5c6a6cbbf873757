import stringWidth from 'string-width';

export type Align = 'left' | 'right';

/** A plain-text table whose columns line up in a terminal, Chinese (double-width) text included. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = header.map((cell, column) => Math.max(stringWidth(cell), ...rows.map((row) => stringWidth(row[column] ?? ''))));
  const pad = (cell: string, column: number): string => {
    const gap = ' '.repeat(widths[column]! - stringWidth(cell));
    return align[column] === 'right' ? gap + cell : cell + gap;
  };
  const line = (cells: readonly string[]): string => cells.map((cell, column) => pad(cell, column)).join('  ').trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function formatNumber(value: number, lang: 'en' | 'zh', digits = 0): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** Significant digits for small intensities (0.000123 stays readable). */
export function formatSignificant(value: number, lang: 'en' | 'zh', digits = 4): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumSignificantDigits: digits }).format(value);
}
