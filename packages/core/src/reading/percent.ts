/**
 * A percentage as a file writes it where a fraction is expected: `"35%"`, `"1.5 %"`, `"35％"` (full-width sign,
 * as Chinese input methods type it). Every document kind reads percentages in this one form (the pathway's rates
 * and shares through pathway/read-series.ts `PERCENT` too).
 */
export const FRACTION_PERCENT = /^\s*(-?\d+(?:\.\d+)?(?:[eE]-?\d+)?)\s*[%％]\s*$/;

/** `"35%"` as 0.35; undefined for a string that is not a percentage. */
export function fractionFromPercent(text: string): number | undefined {
  const match = FRACTION_PERCENT.exec(text);
  return match ? Number(match[1]) / 100 : undefined;
}
