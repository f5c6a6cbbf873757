/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("yaer" → "year"), as
 * typists make them (optimal string alignment); small strings only (field names, unit spellings).
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Inputs and candidates longer than this get no hint: names and unit spellings are far shorter, and
 * the edit distance takes time and memory in the product of the two lengths (100,000 characters:
 * 13 s; 10 MB: minutes and gigabytes).
 */
export const MAX_HINT_LENGTH = 256;

/**
 * The candidate nearest to `input`, if it is near enough to be a plausible typo
 * (at most a third of the input's length, and at least one edit allowed).
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > MAX_HINT_LENGTH) return undefined;
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  const lowered = input.toLowerCase();
  for (const candidate of candidates) {
    // The difference in length is a lower bound of the distance: a candidate that far off is no hint.
    if (Math.abs(candidate.length - input.length) > limit) continue;
    const distance = candidate.toLowerCase() === lowered ? 0.5 : editDistance(input, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
