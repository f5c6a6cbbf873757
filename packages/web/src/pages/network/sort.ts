/**
 * Sorting the benchmarking table: by any column, either direction; a member with no value in the
 * column ("no data yet") always sorts last, whichever the direction, so it never reads as a smallest 0.
 */
export type SortValue = string | number | null;
export type Direction = 'ascending' | 'descending';

export function compareValues(a: SortValue, b: SortValue, direction: Direction, lang: string): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), lang === 'zh' ? 'zh-CN' : 'en');
  return direction === 'ascending' ? order : -order;
}

export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, direction: Direction, lang: string): T[] {
  // Array.prototype.sort is stable: equal values keep the API's order.
  return [...rows].sort((a, b) => compareValues(value(a), value(b), direction, lang));
}
