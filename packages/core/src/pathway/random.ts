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

/**
 * The largest standard normal score a draw takes: Box–Muller gives at most √(2·53·ln 2) ≈ 8.6, a correlated group's
 * score Φ⁻¹ of the smallest double ≈ 38.5 (copula.ts).
 */
const SCORE_LIMIT = 40;

/** The lowest and highest values a distribution's draws can take (before the parameter's bounds bring them back). */
export function drawRange(distribution: Distribution): readonly [number, number] {
  switch (distribution.kind) {
    case 'normal':
      return [distribution.mean - SCORE_LIMIT * distribution.sd, distribution.mean + SCORE_LIMIT * distribution.sd];
    case 'lognormal':
      return [distribution.median * Math.exp(-SCORE_LIMIT * distribution.sigma), distribution.median * Math.exp(SCORE_LIMIT * distribution.sigma)];
    case 'triangular':
    case 'uniform':
      return [distribution.min, distribution.max];
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
  const width = max - min;
  const split = (mode - min) / width;
  return u < split ? min + root(u, width, mode - min) : max - root(1 - u, width, max - mode);
}

/** √(a·b·c), also where the product is beyond the doubles and the root is not (a range of −1e308 to 0.5). */
function root(a: number, b: number, c: number): number {
  const product = a * b * c;
  return Number.isFinite(product) ? Math.sqrt(product) : Math.sqrt(a) * Math.sqrt(b) * Math.sqrt(c);
}

/** Box–Muller, one value per two uniforms (1 − u keeps the logarithm finite). */
export function standardNormal(uniform: () => number): number {
  const u1 = 1 - uniform();
  const u2 = uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
