/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("yaer" → "year"), as
 * typists make them (optimal string alignment); small strings only (field names, unit spellings).
 */
export function editDistance(a: string, b: string): number {
  // Three rows of the table at a time (a swap looks two rows back), not the whole table: this runs for
  // every unknown name against every candidate, and the table's garbage cost more than the arithmetic.
  let before = new Uint32Array(b.length + 1);
  let previous = Uint32Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row[j] = best;
    }
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length]!;
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
