/** Text into HTML (element content and attribute values alike). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A table: header cells (repeated on every printed page by `thead`), rows of HTML cells, numeric columns right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], options: { numeric?: readonly number[]; caption?: string } = {}): string {
  const numeric = new Set(options.numeric ?? []);
  const cell = (tag: 'th' | 'td', html: string, index: number): string => `<${tag}${numeric.has(index) ? ' class="num"' : ''}>${html}</${tag}>`;
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '';
  return `<table>${caption}<thead><tr>${header.map((text, i) => cell('th', escapeHtml(text), i)).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((html, i) => cell('td', html, i)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
