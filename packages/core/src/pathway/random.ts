import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { Distribution } from './definitions.ts';

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The random numbers of Monte Carlo run `run` under `seed`: a xoroshiro128+ generator whose 128-bit
 * state is hashed from (seed, run). A run's draws depend on nothing else, so the results are the
 * same however the runs are split among worker threads, and any run can be replayed alone.
 */
export function runStream(seed: number, run: number): () => number {
  const state = [0, 1, 2, 3].map((word) => mix32(mix32(mix32(seed ^ 0x9e3779b9) + Math.imul(run + 1, 0x632be5ab)) + Math.imul(word + 1, 0x85157af5)));
  // xoroshiro's state must not be all zero.
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  const generator = xoroshiro128plusFromState(state);
  return () => uniformFloat64(generator);
}

/** One draw from a distribution, from uniform numbers in [0, 1). */
export function draw(distribution: Distribution, uniform: () => number): number {
  switch (distribution.kind) {
    case 'normal':
      return distribution.mean + distribution.sd * standardNormal(uniform);
    case 'lognormal':
      return distribution.median * Math.exp(distribution.sigma * standardNormal(uniform));
    case 'triangular':
      // A point distribution takes no number from the stream.
      return distribution.max === distribution.min ? distribution.min : triangularQuantile(distribution, uniform());
    case 'uniform':
      return distribution.min + (distribution.max - distribution.min) * uniform();
    default: {
      const unhandled: never = distribution;
      throw new Error(`unknown distribution ${String(unhandled)}`);
    }
  }
}

/** The inverse of the triangular CDF at u in [0, 1]. */
export function triangularQuantile(distribution: Extract<Distribution, { kind: 'triangular' }>, u: number): number {
  const { min, mode, max } = distribution;
  if (max === min) return min;
  const split = (mode - min) / (max - min);
  return u < split ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Box–Muller, one value per two uniforms (1 − u keeps the logarithm finite). */
export function standardNormal(uniform: () => number): number {
  const u1 = 1 - uniform();
  const u2 = uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
