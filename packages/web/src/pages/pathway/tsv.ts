/** Chart data as tab-separated values (pastes into a spreadsheet as columns); cells never hold a tab or a line break. */
export function toTsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (value: string | number | null): string => (value === null ? '' : String(value).replace(/[\t\r\n]+/g, ' '));
  return [header, ...rows].map((row) => row.map(cell).join('\t')).join('\n') + '\n';
}
