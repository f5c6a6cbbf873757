/**
 * The fuzzer's randomness: a small seeded generator (mulberry32), one stream per mutant, so that a
 * single mutant is replayed from (seed, kind, index) alone without generating the ones before it.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function random(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number): number => Math.floor(next() * n);
  return { next, below, pick: (items) => items[below(items.length)]!, chance: (p) => next() < p };
}

/** The stream of mutant `index` of a run: a hash of the run's seed, the stream's name and the index. */
export function mutantSeed(seed: number, stream: string, index: number): number {
  let hash = (seed ^ 0x9e3779b9) >>> 0;
  for (const char of `${stream}#${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** The run's seed: FUZZ_SEED when set, else the default (the in-suite run is the same every time). */
export function fuzzSeed(fallback: number): number {
  const fromEnv = process.env['FUZZ_SEED'];
  if (fromEnv === undefined || fromEnv === '') return fallback;
  const seed = Number(fromEnv);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`FUZZ_SEED must be a non-negative integer, got ${fromEnv}`);
  return seed;
}
