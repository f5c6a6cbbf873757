/** Timings a page keeps for its measurements (the browser test and the benchmark read them); the last 2,000 only. */
const KEPT = 2_000;

export function keepTiming<T>(list: T[] | undefined, value: T): T[] {
  const kept = list ?? [];
  kept.push(value);
  if (kept.length > KEPT) kept.splice(0, kept.length - KEPT);
  return kept;
}
