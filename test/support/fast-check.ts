/**
 * Settings for property tests: a logged seed so any failure can be replayed with FC_SEED=<seed>,
 * and enough runs (≥ 1,000) for arithmetic properties.
 */
export function propertySettings(name: string, numRuns = 1000): { seed: number; numRuns: number } {
  const fromEnv = process.env['FC_SEED'];
  const seed = fromEnv !== undefined ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
  console.log(`[fast-check] ${name}: seed ${seed} (replay with FC_SEED=${seed})`);
  return { seed, numRuns };
}

/** |actual − expected| within a relative tolerance (and an absolute one near zero). */
export function closeTo(actual: number, expected: number, relative = 1e-12): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), Math.abs(actual), 1e-9);
}
