/**
 * Multi-criteria prioritisation of climate actions (措施多准则优先排序): a city scores its candidate
 * actions on criteria it chooses — abatement, cost per tCO2e, co-benefits, feasibility, equity,
 * speed — and weights them, as C40's Action Selection and Prioritisation (ASAP) tool does in a
 * spreadsheet. The method is simple additive weighting:
 *
 *   score_i = Σ_k w_k · n_ik,   w_k = weight_k / Σ_j weight_j,   n_ik ∈ [0, 1]
 *
 * with n_ik the min–max normalised score of alternative i on criterion k. The normalisation is over
 * the alternatives being compared, so a score says "how good among these", not an absolute grade:
 * adding or removing a candidate can move the others' scores, and even their order (the known rank
 * reversal of min–max weighting). Compare results only within one call.
 *
 * Two checks tell how far the order rests on the weights, which are judgements, not data:
 * - robustness: every weight × U(1 − p, 1 + p), renormalised, over `samples` draws; each
 *   alternative's best and worst rank, how often it keeps its rank, how often it comes first;
 * - weightStability: per criterion, the exact range of its weight (the others scaled pro rata) over
 *   which the nominal leader stays first.
 */
import { runStream } from '../pathway/random.ts';

export type CriterionDirection = 'benefit' | 'cost';

export interface Criterion {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  /** 'benefit': higher is better (abatement, feasibility); 'cost': lower is better (cost per tCO2e). */
  readonly direction: CriterionDirection;
  /** ≥ 0; weights are normalised to sum 1, so only their ratios matter. */
  readonly weight: number;
}

/** A candidate action: its raw score per criterion id, in the criterion's own unit. */
export interface Alternative {
  readonly id: string;
  readonly scores: Readonly<Record<string, number>>;
}

export interface PrioritisationOptions {
  /** Relative perturbation p of each weight for the robustness analysis: each weight × U(1 − p, 1 + p), then renormalised. In [0, 1); default 0.2. */
  readonly perturbation?: number;
  /** Number of perturbed weight sets; an integer ≥ 1, default 1000. */
  readonly samples?: number;
  /** Seed of the random streams: sample s draws from runStream(seed, s). An integer in [0, 2³²); default 1. */
  readonly seed?: number;
}

export interface RankedAlternative {
  readonly id: string;
  /** Weighted sum of normalised scores, 0–1 (up to the rounding of the weights' sum, ~1e-16). */
  readonly score: number;
  /** 1 = best; ties share the better rank (competition ranking "1224"). */
  readonly rank: number;
  /** Weight × normalised score per criterion id; they sum to `score`. */
  readonly contributions: Readonly<Record<string, number>>;
  /** Best and worst rank seen under weight perturbation. */
  readonly rankRange: readonly [number, number];
  /** Share of the perturbed samples in which the alternative has its nominal rank. */
  readonly rankStability: number;
  /** Share of the perturbed samples in which it ranks first (a tie for first counts). */
  readonly firstShare: number;
}

export interface WeightedCriterion extends Criterion {
  /** weight / Σ weights. */
  readonly normalisedWeight: number;
  /** Lowest and highest raw score among the alternatives: the ends of the min–max normalisation. */
  readonly min: number;
  readonly max: number;
}

export interface Robustness {
  readonly perturbation: number;
  readonly samples: number;
  readonly seed: number;
  /** Share of samples in which every alternative has its nominal rank. */
  readonly orderUnchanged: number;
}

export interface Prioritisation {
  readonly criteria: readonly WeightedCriterion[];
  /** Best first; alternatives with equal scores in input order. */
  readonly ranking: readonly RankedAlternative[];
  readonly robustness: Robustness;
  /**
   * Per criterion id: the range of its normalised weight within which the nominal first-ranked
   * alternative stays first (its score ≥ every other's), the other weights scaled pro rata to keep
   * the sum 1. Exact: every score is linear in the weight, so the ends are line intersections, where
   * the leader ties another alternative. With one alternative, or one criterion, [0, 1]. When the
   * criterion holds all the weight, the others have no proportions to keep and share the rest equally.
   */
  readonly weightStability: Readonly<Record<string, readonly [number, number]>>;
}

export const DEFAULT_PERTURBATION = 0.2;
export const DEFAULT_SAMPLES = 1000;
export const DEFAULT_SEED = 1;

/**
 * Scores within this of the best score of their group share a rank. Scores lie in [0, 1] and carry
 * rounding errors of ~1e-16, so two scores equal on paper (0.1 + 0.2 against 0.3) would otherwise
 * rank apart; no real preference between actions is this fine.
 */
const TIE_TOLERANCE = 1e-12;

/**
 * Ranks the alternatives by the weighted sum of their min–max normalised scores, with a robustness
 * analysis under random weight perturbation and the exact weight range of the leader per criterion.
 * Throws an Error listing every problem of the input (the caller validates user input first).
 */
export function prioritise(criteria: readonly Criterion[], alternatives: readonly Alternative[], options: PrioritisationOptions = {}): Prioritisation {
  const perturbation = options.perturbation ?? DEFAULT_PERTURBATION;
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const problems = [...criteriaProblems(criteria), ...alternativeProblems(criteria, alternatives), ...optionProblems(perturbation, samples, seed)];
  if (problems.length > 0) throw new Error(`prioritise: ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`);

  // Dividing by the largest weight first keeps the sum finite for any finite weights.
  const largestWeight = Math.max(...criteria.map((criterion) => criterion.weight));
  const relativeWeights = criteria.map((criterion) => criterion.weight / largestWeight);
  const weights = sharesOf(relativeWeights);
  const ranges = criteria.map((criterion) => scoreRange(criterion.id, alternatives));
  const normalised = alternatives.map((alternative) => criteria.map((criterion, k) => normaliseScore(criterion.direction, alternative.scores[criterion.id]!, ranges[k]!)));
  const contributions = normalised.map((row) => contributionsOf(weights, row));
  const scores = contributions.map(sum);
  const nominal = rank(scores);
  const sampled = perturbRanks(relativeWeights, normalised, nominal.ranks, perturbation, samples, seed);
  const leader = nominal.order[0]!;

  return {
    criteria: criteria.map((criterion, k) => ({
      id: criterion.id,
      name: criterion.name,
      direction: criterion.direction,
      weight: criterion.weight,
      normalisedWeight: weights[k]!,
      min: ranges[k]!.min,
      max: ranges[k]!.max,
    })),
    ranking: nominal.order.map((i) => ({
      id: alternatives[i]!.id,
      score: scores[i]!,
      rank: nominal.ranks[i]!,
      contributions: Object.fromEntries(criteria.map((criterion, k) => [criterion.id, contributions[i]![k]!])),
      rankRange: [sampled.bestRank[i]!, sampled.worstRank[i]!] as const,
      rankStability: sampled.atNominalRank[i]! / samples,
      firstShare: sampled.first[i]! / samples,
    })),
    robustness: { perturbation, samples, seed, orderUnchanged: sampled.orderUnchanged / samples },
    weightStability: Object.fromEntries(criteria.map((criterion, k) => [criterion.id, leaderWeightRange(weights, normalised, leader, k)])),
  };
}

interface ScoreRange {
  readonly min: number;
  readonly max: number;
}

function scoreRange(criterionId: string, alternatives: readonly Alternative[]): ScoreRange {
  const values = alternatives.map((alternative) => alternative.scores[criterionId]!);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Min–max normalisation to [0, 1], 1 the best among the alternatives. A criterion on which all
 * alternatives score the same cannot tell them apart: each gets 0.5, the middle of the scale, so it
 * adds 0.5 × weight to every score and leaves the order alone without pushing scores to an end.
 */
function normaliseScore(direction: CriterionDirection, score: number, range: ScoreRange): number {
  if (range.max === range.min) return 0.5;
  // Halving first keeps the differences finite when the scores span more than the largest double.
  const scale = Number.isFinite(range.max - range.min) ? 1 : 0.5;
  const span = range.max * scale - range.min * scale;
  switch (direction) {
    case 'benefit':
      return (score * scale - range.min * scale) / span;
    case 'cost':
      return (range.max * scale - score * scale) / span;
    default: {
      const unhandled: never = direction;
      throw new Error(`unknown criterion direction ${String(unhandled)}`);
    }
  }
}

function sharesOf(values: readonly number[]): number[] {
  const total = sum(values);
  return values.map((value) => value / total);
}

function contributionsOf(weights: readonly number[], normalisedScores: readonly number[]): number[] {
  return normalisedScores.map((score, k) => weights[k]! * score);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

interface Ranks {
  /** Alternative indices, best first; equal scores in input order. */
  readonly order: readonly number[];
  /** Rank per alternative index. */
  readonly ranks: readonly number[];
}

/** Competition ranking ("1224"): an alternative within TIE_TOLERANCE of its group's best shares the group's rank. */
function rank(scores: readonly number[]): Ranks {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const ranks: number[] = new Array<number>(scores.length);
  let groupRank = 1;
  let groupBest = Infinity;
  order.forEach((i, position) => {
    const score = scores[i]!;
    if (score < groupBest - TIE_TOLERANCE) {
      groupRank = position + 1;
      groupBest = score;
    }
    ranks[i] = groupRank;
  });
  return { order, ranks };
}

interface SampledRanks {
  readonly bestRank: readonly number[];
  readonly worstRank: readonly number[];
  readonly atNominalRank: readonly number[];
  readonly first: readonly number[];
  readonly orderUnchanged: number;
}

/**
 * Ranks under perturbed weights. Sample s draws one uniform per criterion, in criterion order, from
 * runStream(seed, s), so a sample depends on nothing but (seed, s) and can be replayed alone. A factor
 * of exactly 1 (p = 0) reproduces the nominal weights bit for bit, hence the nominal ranks.
 */
function perturbRanks(
  relativeWeights: readonly number[],
  normalised: readonly (readonly number[])[],
  nominalRanks: readonly number[],
  perturbation: number,
  samples: number,
  seed: number,
): SampledRanks {
  const count = nominalRanks.length;
  const bestRank = new Array<number>(count).fill(Infinity);
  const worstRank = new Array<number>(count).fill(-Infinity);
  const atNominalRank = new Array<number>(count).fill(0);
  const first = new Array<number>(count).fill(0);
  let orderUnchanged = 0;
  for (let s = 0; s < samples; s++) {
    const uniform = runStream(seed, s);
    const weights = sharesOf(relativeWeights.map((weight) => weight * (1 - perturbation + 2 * perturbation * uniform())));
    const { ranks } = rank(normalised.map((row) => sum(contributionsOf(weights, row))));
    let unchanged = true;
    ranks.forEach((sampleRank, i) => {
      bestRank[i] = Math.min(bestRank[i]!, sampleRank);
      worstRank[i] = Math.max(worstRank[i]!, sampleRank);
      if (sampleRank === nominalRanks[i]) atNominalRank[i]! += 1;
      else unchanged = false;
      if (sampleRank === 1) first[i]! += 1;
    });
    if (unchanged) orderUnchanged += 1;
  }
  return { bestRank, worstRank, atNominalRank, first, orderUnchanged };
}

/**
 * The interval of criterion k's weight t in which the leader's score is ≥ every other's. With the
 * others scaled pro rata, score_i(t) = t · n_ik + (1 − t) · R_i, where R_i is alternative i's score on
 * the other criteria alone (their weights renormalised to 1). The leader's margin over i is then
 * linear in t, and ≥ 0 on a half-line bounded by its root; the interval is the intersection of
 * these half-lines with [0, 1].
 */
function leaderWeightRange(weights: readonly number[], normalised: readonly (readonly number[])[], leader: number, k: number): readonly [number, number] {
  const nominalWeight = weights[k]!;
  const otherWeight = sum(weights.filter((_, j) => j !== k));
  const otherCount = weights.length - 1;
  const restScore = (row: readonly number[]): number => {
    if (otherCount === 0) return 0;
    // Pro rata; when k holds all the weight there is no proportion to keep, so equal shares.
    return otherWeight > 0 ? sum(row.map((n, j) => (j === k ? 0 : weights[j]! * n))) / otherWeight : sum(row.filter((_, j) => j !== k)) / otherCount;
  };
  const leaderRow = normalised[leader]!;
  const leaderRest = restScore(leaderRow);
  let low = 0;
  let high = 1;
  normalised.forEach((row, i) => {
    if (i === leader) return;
    const rest = restScore(row);
    // margin(t) = intercept + slope · t
    const intercept = leaderRest - rest;
    const slope = leaderRow[k]! - leaderRest - (row[k]! - rest);
    if (slope > 0) low = Math.max(low, -intercept / slope);
    else if (slope < 0) high = Math.min(high, -intercept / slope);
  });
  // The leader is first at the nominal weight; rounding in the margins must not exclude it.
  return [Math.min(low, nominalWeight), Math.max(high, nominalWeight)];
}

function criteriaProblems(criteria: readonly Criterion[]): string[] {
  const problems: string[] = [];
  if (criteria.length === 0) problems.push('no criteria');
  problems.push(...duplicateIds('criterion', criteria));
  for (const criterion of criteria) {
    if (criterion.direction !== 'benefit' && criterion.direction !== 'cost') {
      problems.push(`criterion "${criterion.id}": direction must be "benefit" or "cost", got ${JSON.stringify(criterion.direction)}`);
    }
    if (!(Number.isFinite(criterion.weight) && criterion.weight >= 0)) problems.push(`criterion "${criterion.id}": weight must be a finite number ≥ 0, got ${criterion.weight}`);
  }
  const weightsValid = criteria.every((criterion) => Number.isFinite(criterion.weight) && criterion.weight >= 0);
  if (criteria.length > 0 && weightsValid && criteria.every((criterion) => criterion.weight === 0)) problems.push('all criterion weights are 0: at least one must be > 0');
  return problems;
}

function alternativeProblems(criteria: readonly Criterion[], alternatives: readonly Alternative[]): string[] {
  const problems: string[] = [];
  if (alternatives.length === 0) problems.push('no alternatives to rank');
  problems.push(...duplicateIds('alternative', alternatives));
  // A set, so that a criterion listed twice (reported above) does not repeat each score's problem.
  const criterionIds = new Set(criteria.map((criterion) => criterion.id));
  for (const alternative of alternatives) {
    for (const criterionId of criterionIds) {
      if (!Object.hasOwn(alternative.scores, criterionId)) {
        problems.push(`alternative "${alternative.id}" has no score for criterion "${criterionId}"`);
        continue;
      }
      const score = alternative.scores[criterionId];
      if (!Number.isFinite(score)) problems.push(`alternative "${alternative.id}": score for criterion "${criterionId}" must be a finite number, got ${String(score)}`);
    }
    for (const scored of Object.keys(alternative.scores)) {
      if (!criterionIds.has(scored)) problems.push(`alternative "${alternative.id}" scores unknown criterion "${scored}"`);
    }
  }
  return problems;
}

function optionProblems(perturbation: number, samples: number, seed: number): string[] {
  const problems: string[] = [];
  // p < 1 keeps every perturbation factor 1 − p + 2p·u above 0, so no weight can vanish or turn negative.
  if (!(Number.isFinite(perturbation) && perturbation >= 0 && perturbation < 1)) problems.push(`perturbation must be in [0, 1), got ${perturbation}`);
  if (!(Number.isSafeInteger(samples) && samples >= 1)) problems.push(`samples must be an integer ≥ 1, got ${samples}`);
  // runStream hashes 32 bits of the seed: a wider or fractional seed would silently alias another.
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) problems.push(`seed must be an integer from 0 to 4294967295, got ${seed}`);
  return problems;
}

function duplicateIds(kind: string, items: readonly { readonly id: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1).map(([id, count]) => `${kind} id "${id}" appears ${count} times`);
}
