/**
 * Calendar dates as tracking files write them, `YYYY-MM-DD`, without a clock: a date is checked by the
 * calendar (leap years) and counted in days through `Date.UTC`, the one date function the core may use.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The year, month and day of a real calendar date written `YYYY-MM-DD`; undefined for anything else (`2025-02-30`). */
export function dateParts(text: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Date.UTC reads years 0–99 as 1900–1999: such years are no tracking date anyway.
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const days = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days ? { year, month, day } : undefined;
}

export const isIsoDate = (text: string): boolean => dateParts(text) !== undefined;

/** Days since 1970-01-01 of a valid date; throws RangeError on anything else. */
export function dayNumber(text: string): number {
  const parts = dateParts(text);
  if (!parts) throw new RangeError(`not a date written YYYY-MM-DD: ${JSON.stringify(text)}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
