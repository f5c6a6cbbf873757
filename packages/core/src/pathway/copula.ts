import type { CopulaGroup, Distribution, Pathway } from './definitions.ts';
import { standardNormalCdf, standardNormalQuantile } from './normal.ts';
import { draw, standardNormal, triangularQuantile } from './random.ts';

/**
 * The Gaussian copula of correlated uncertain parameters (docs/pathways.md, `correlations`). Each member
 * of a group takes a standard normal score from the run's stream, using exactly the numbers its own
 * independent draw would (`draw` in random.ts), so every other parameter keeps today's draws; the
 * scores are multiplied by the Cholesky factor of the group's correlation matrix and each member's value
 * is its distribution's quantile at Φ(score).
 */

/** A standard normal score for a parameter, taking from the stream the numbers `draw` would take for it. */
export function independentScore(distribution: Distribution, uniform: () => number): number {
  switch (distribution.kind) {
    case 'normal':
    case 'lognormal':
      return standardNormal(uniform);
    case 'triangular':
      // As `draw`: a point distribution takes no number (and is in no group: correlation.ts); its value is the point whatever the score.
      return distribution.max === distribution.min ? 0 : uniformScore(uniform());
    case 'uniform':
      return uniformScore(uniform());
    default: {
      const unhandled: never = distribution;
      throw new Error(`unknown distribution ${String(unhandled)}`);
    }
  }
}

/** Φ⁻¹(u) for u in [0, 1): u = 0 (one chance in 2⁵³) is taken as the smallest double, so the score stays finite. */
function uniformScore(u: number): number {
  return standardNormalQuantile(Math.max(u, Number.MIN_VALUE));
}

/** A distribution's value at standard normal score x: its quantile at Φ(x) (for normal and lognormal, without the detour through Φ). */
export function valueAtScore(distribution: Distribution, x: number): number {
  switch (distribution.kind) {
    case 'normal':
      return distribution.mean + distribution.sd * x;
    case 'lognormal':
      return distribution.median * Math.exp(distribution.sigma * x);
    case 'triangular':
      return triangularQuantile(distribution, standardNormalCdf(x));
    case 'uniform':
      return distribution.min + (distribution.max - distribution.min) * standardNormalCdf(x);
    default: {
      const unhandled: never = distribution;
      throw new Error(`unknown distribution ${String(unhandled)}`);
    }
  }
}

/**
 * Correlates a group's scores: `values[m]` for each member m becomes its distribution's value at
 * (L z)_m, where z are the members' independent scores (`scores`, indexed by uncertain parameter).
 */
export function correlateGroup(group: CopulaGroup, distributions: readonly Distribution[], scores: Float64Array, values: Float64Array): void {
  const { members, factor } = group;
  const n = members.length;
  for (let i = 0; i < n; i++) {
    let score = 0;
    for (let j = 0; j <= i; j++) score += factor[i * n + j]! * scores[members[j]!]!;
    values[members[i]!] = valueAtScore(distributions[members[i]!]!, score);
  }
}

/**
 * A run's draws of a pathway's uncertain parameters (indexed as `pathway.uncertainty`, before their
 * bounds apply), in buffers allocated once: parameters in no group as `draw` gives them, in the order
 * of their paths; each group correlated once its members' scores are taken.
 */
export class UncertainDraws {
  /** The last run's values. */
  readonly values: Float64Array;
  private readonly scores: Float64Array;
  private readonly grouped: Uint8Array;
  private readonly distributions: readonly Distribution[];
  private readonly groups: readonly CopulaGroup[];

  constructor(pathway: Pathway) {
    this.distributions = pathway.uncertainty.map((parameter) => parameter.distribution);
    this.groups = pathway.copula;
    this.values = new Float64Array(this.distributions.length);
    this.scores = new Float64Array(this.distributions.length);
    this.grouped = new Uint8Array(this.distributions.length);
    for (const group of this.groups) for (const member of group.members) this.grouped[member] = 1;
  }

  /** Draws one run from its stream into `values`. */
  draw(uniform: () => number): Float64Array {
    const { distributions, values, scores, grouped } = this;
    for (let u = 0; u < distributions.length; u++) {
      if (grouped[u]) scores[u] = independentScore(distributions[u]!, uniform);
      else values[u] = draw(distributions[u]!, uniform);
    }
    for (const group of this.groups) correlateGroup(group, distributions, scores, values);
    return values;
  }
}
