/**
 * A percentage as a file writes it where a fraction is expected: `"35%"`, `"1.5 %"`, `"35％"` (full-width sign,
 * as Chinese input methods type it). The same form as the pathway's rates (pathway/read-series.ts `PERCENT`), with
 * the full-width sign besides.
 */
export const FRACTION_PERCENT = /^\s*(-?\d+(?:\.\d+)?(?:[eE]-?\d+)?)\s*[%％]\s*$/;

/** `"35%"` as 0.35; undefined for a string that is not a percentage. */
export function fractionFromPercent(text: string): number | undefined {
  const match = FRACTION_PERCENT.exec(text);
  return match ? Number(match[1]) / 100 : undefined;
}
