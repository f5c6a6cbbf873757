/**
 * Multi-criteria prioritisation: a 3 × 3 case worked by hand; cost direction, constant criteria, ties;
 * weight normalisation; the perturbation analysis (p = 0, a dominant action, a replayed sample, a
 * close case against its exact probability, seeds); the exact weight-stability intervals; invalid
 * input; and properties with a logged seed (replay: FC_SEED=<seed>).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeTo, propertySettings } from '../../../../test/support/fast-check.ts';
import { runStream } from '../pathway/random.ts';
import { prioritise, type Alternative, type Criterion, type CriterionDirection, type Prioritisation, type PrioritisationOptions, type RankedAlternative } from './mcda.ts';

function criterion(id: string, weight: number, direction: CriterionDirection = 'benefit'): Criterion {
  return { id, name: { en: id, zh: id }, direction, weight };
}

function alternative(id: string, scores: Record<string, number>): Alternative {
  return { id, scores };
}

function ranked(result: Prioritisation, id: string): RankedAlternative {
  const found = result.ranking.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no alternative ${id}`);
  return found;
}

const ranksOf = (result: Prioritisation, ids: readonly string[]) => ids.map((id) => ranked(result, id).rank);
const nominalOnly: PrioritisationOptions = { perturbation: 0, samples: 1 };

describe('prioritise: a worked case', () => {
  // Weights 4 : 4 : 2 → 0.4, 0.4, 0.2.
  //
  //                        abatement (kt/yr)   cost (CNY/tCO2e, cost)   feasibility (1–5)
  //   rooftop-pv           120                 300                      4
  //   bus-electrification   80                 150                      5
  //   building-retrofit    200                 600                      2
  //   min … max            80 … 200            150 … 600                2 … 5
  //
  // Normalised (benefit (x − min)/(max − min); cost (max − x)/(max − min)):
  //   rooftop-pv           40/120 = 1/3        300/450 = 2/3            2/3
  //   bus-electrification  0                   450/450 = 1              1
  //   building-retrofit    1                   0                        0
  //
  // Contributions (weight × normalised) and scores:
  //   rooftop-pv           0.4/3 = 0.1333      0.8/3 = 0.2667           0.4/3 = 0.1333   → 1.6/3 = 0.5333   rank 2
  //   bus-electrification  0                   0.4                      0.2              → 0.6              rank 1
  //   building-retrofit    0.4                 0                        0                → 0.4              rank 3
  const criteria = [criterion('abatement', 4), criterion('cost', 4, 'cost'), criterion('feasibility', 2)];
  const alternatives = [
    alternative('rooftop-pv', { abatement: 120, cost: 300, feasibility: 4 }),
    alternative('bus-electrification', { abatement: 80, cost: 150, feasibility: 5 }),
    alternative('building-retrofit', { abatement: 200, cost: 600, feasibility: 2 }),
  ];
  const result = prioritise(criteria, alternatives);

  it('normalises the weights and reports each criterion’s range', () => {
    expect(result.criteria.map((c) => [c.id, c.normalisedWeight, c.min, c.max])).toEqual([
      ['abatement', 0.4, 80, 200],
      ['cost', 0.4, 150, 600],
      ['feasibility', 0.2, 2, 5],
    ]);
  });

  const expected: [id: string, rank: number, score: number, contributions: [number, number, number]][] = [
    ['bus-electrification', 1, 0.6, [0, 0.4, 0.2]],
    ['rooftop-pv', 2, 1.6 / 3, [0.4 / 3, 0.8 / 3, 0.4 / 3]],
    ['building-retrofit', 3, 0.4, [0.4, 0, 0]],
  ];
  it('ranks by weighted normalised score, best first', () => {
    expect(result.ranking.map((entry) => entry.id)).toEqual(expected.map(([id]) => id));
  });
  for (const [id, rank, score, [abatement, cost, feasibility]] of expected) {
    it(`${id}: rank ${rank}, score ${score.toFixed(4)}`, () => {
      const entry = ranked(result, id);
      expect(entry.rank).toBe(rank);
      expect(entry.score).toBeCloseTo(score, 14);
      expect(entry.contributions['abatement']).toBeCloseTo(abatement, 14);
      expect(entry.contributions['cost']).toBeCloseTo(cost, 14);
      expect(entry.contributions['feasibility']).toBeCloseTo(feasibility, 14);
    });
  }

  it('weight stability of the leader (bus) on abatement: [0, 1/2], where all three tie at 0.5', () => {
    // t = abatement weight; cost and feasibility keep 2 : 1 in 1 − t. On those two alone bus scores 1,
    // rooftop-pv (0.4·2/3 + 0.2·2/3)/0.6 = 2/3, building-retrofit 0. So bus = 1 − t, pv = t/3 + (1 − t)·2/3,
    // retrofit = t: bus ≥ pv ⇔ t ≤ 1/2, bus ≥ retrofit ⇔ t ≤ 1/2.
    const [low, high] = result.weightStability['abatement']!;
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.5, 14);
  });
});

describe('prioritise: normalisation and ranks', () => {
  it.each([
    ['benefit', [0, 1 / 3, 1]],
    ['cost', [1, 2 / 3, 0]],
  ] as const)('direction %s: scores 100, 200, 400 normalise to %j', (direction, normalised) => {
    const result = prioritise([criterion('x', 1, direction)], [alternative('a', { x: 100 }), alternative('b', { x: 200 }), alternative('c', { x: 400 })], nominalOnly);
    expect(['a', 'b', 'c'].map((id) => ranked(result, id).score)).toEqual(normalised.map((value) => expect.closeTo(value, 15)));
  });

  it('a criterion on which all score the same adds 0.5 × its weight to each', () => {
    // Weights 3 : 1 → 0.75, 0.25; the constant criterion gives each 0.5 · 0.25 = 0.125.
    const result = prioritise(
      [criterion('abatement', 3), criterion('equity', 1)],
      [alternative('a', { abatement: 10, equity: 2 }), alternative('b', { abatement: 30, equity: 2 }), alternative('c', { abatement: 20, equity: 2 })],
      nominalOnly,
    );
    for (const [id, score] of [['b', 0.75 + 0.125], ['c', 0.375 + 0.125], ['a', 0.125]] as const) {
      expect(ranked(result, id).contributions['equity']).toBe(0.125);
      expect(ranked(result, id).score).toBeCloseTo(score, 15);
    }
    expect(result.ranking.map((entry) => entry.id)).toEqual(['b', 'c', 'a']);
  });

  it.each([
    [[9, 5, 5, 1], [1, 2, 2, 4]],
    [[9, 9, 5, 1], [1, 1, 3, 4]],
    [[1, 5, 5, 5], [4, 1, 1, 1]],
    [[3, 3, 3, 3], [1, 1, 1, 1]],
    [[1, 2, 3, 4], [4, 3, 2, 1]],
  ])('scores %j rank %j (competition ranking)', (scores, ranks) => {
    const ids = scores.map((_, i) => `a${i}`);
    const result = prioritise([criterion('x', 1)], scores.map((x, i) => alternative(ids[i]!, { x })), nominalOnly);
    expect(ranksOf(result, ids)).toEqual(ranks);
  });

  it('equal scores keep the input order in the ranking', () => {
    const result = prioritise([criterion('x', 1)], [alternative('first', { x: 1 }), alternative('top', { x: 2 }), alternative('second', { x: 1 })], nominalOnly);
    expect(result.ranking.map((entry) => entry.id)).toEqual(['top', 'first', 'second']);
  });

  it('scores equal on paper but not in floating point share a rank', () => {
    // Weights 1 : 3 : 5 → 1/9, 3/9, 5/9. a = 1/9 + 3/9 = 4/9; b scores 4 of 0 … 5 on c: 0.8 · 5/9 = 4/9.
    const result = prioritise(
      [criterion('a', 1), criterion('b', 3), criterion('c', 5)],
      [alternative('two-criteria', { a: 1, b: 1, c: 0 }), alternative('one-criterion', { a: 0, b: 0, c: 4 }), alternative('top', { a: 0, b: 0, c: 5 })],
      nominalOnly,
    );
    const [twoCriteria, oneCriterion] = [ranked(result, 'two-criteria'), ranked(result, 'one-criterion')];
    expect(twoCriteria.score).not.toBe(oneCriterion.score); // the rounding this test is about
    expect(twoCriteria.score).toBeCloseTo(4 / 9, 15);
    expect(ranksOf(result, ['top', 'two-criteria', 'one-criterion'])).toEqual([1, 2, 2]);
  });

  const criteria = [criterion('abatement', 5), criterion('cost', 3, 'cost'), criterion('speed', 2)];
  const alternatives = [
    alternative('pv', { abatement: 120, cost: 300, speed: 2 }),
    alternative('bus', { abatement: 80, cost: 150, speed: 4 }),
    alternative('retrofit', { abatement: 200, cost: 600, speed: 1 }),
    alternative('lighting', { abatement: 30, cost: -50, speed: 5 }),
  ];
  const reference = prioritise(criteria, alternatives);
  it.each([1e-3, 0.1, 3, 7, 1e6])('weights × %d change nothing', (factor) => {
    const scaled = prioritise(
      criteria.map((c) => ({ ...c, weight: c.weight * factor })),
      alternatives,
    );
    expect(scaled.ranking.map((entry) => entry.id)).toEqual(reference.ranking.map((entry) => entry.id));
    scaled.ranking.forEach((entry, i) => {
      const base = reference.ranking[i]!;
      expect(entry.rank).toBe(base.rank);
      expect(entry.score).toBeCloseTo(base.score, 14);
      expect(entry.rankRange).toEqual(base.rankRange);
      expect(entry.rankStability).toBe(base.rankStability);
      expect(entry.firstShare).toBe(base.firstShare);
    });
    scaled.criteria.forEach((c, k) => expect(c.normalisedWeight).toBeCloseTo(reference.criteria[k]!.normalisedWeight, 15));
    expect(scaled.robustness.orderUnchanged).toBe(reference.robustness.orderUnchanged);
    for (const c of criteria) {
      expect(scaled.weightStability[c.id]![0]).toBeCloseTo(reference.weightStability[c.id]![0], 12);
      expect(scaled.weightStability[c.id]![1]).toBeCloseTo(reference.weightStability[c.id]![1], 12);
    }
  });
});

describe('prioritise: robustness under weight perturbation', () => {
  const criteria = [criterion('abatement', 5), criterion('cost', 3, 'cost'), criterion('co-benefits', 2)];
  const alternatives = [
    alternative('pv', { abatement: 120, cost: 300, 'co-benefits': 3 }),
    alternative('bus', { abatement: 80, cost: 150, 'co-benefits': 4 }),
    alternative('retrofit', { abatement: 200, cost: 600, 'co-benefits': 2 }),
    alternative('cycling', { abatement: 25, cost: 100, 'co-benefits': 5 }),
  ];

  it('perturbation 0: every sample has the nominal ranks', () => {
    const result = prioritise(criteria, alternatives, { perturbation: 0, samples: 200 });
    expect(result.robustness).toEqual({ perturbation: 0, samples: 200, seed: 1, orderUnchanged: 1 });
    for (const entry of result.ranking) {
      expect(entry.rankRange).toEqual([entry.rank, entry.rank]);
      expect(entry.rankStability).toBe(1);
      expect(entry.firstShare).toBe(entry.rank === 1 ? 1 : 0);
    }
  });

  it('reports the defaults', () => {
    expect(prioritise(criteria, alternatives).robustness).toMatchObject({ perturbation: 0.2, samples: 1000, seed: 1 });
  });

  it.each([0, 0.05, 0.2, 0.5, 0.9, 0.999])('an action best on every criterion is first in every sample at perturbation %d', (perturbation) => {
    // Ties cycling on co-benefits; beats the best of the others on abatement and cost only narrowly.
    const dominant = alternative('dominant', { abatement: 201, cost: 99, 'co-benefits': 5 });
    const result = prioritise(criteria, [...alternatives, dominant], { perturbation, samples: 500, seed: 11 });
    expect(ranked(result, 'dominant')).toMatchObject({ rank: 1, rankRange: [1, 1], rankStability: 1, firstShare: 1 });
  });

  // Two criteria of equal weight; a = (1, 0.2), b = (0.16, 1), c = (0, 0): scores 0.6, 0.58, 0.
  // a stays ahead of b iff 0.84·f_x > 0.8·f_y, f_x, f_y ~ U(0.8, 1.2) independent, i.e. f_x > (20/21)·f_y:
  // P = 2.5·[∫_0.8^0.84 dv + ∫_0.84^1.2 (1.2 − 20v/21)/0.4 dv] = 2.5·[0.04 + 2.5·(0.432 − (20/21)·0.3672)] = 43/70.
  const close = [alternative('a', { x: 1, y: 0.2 }), alternative('b', { x: 0.16, y: 1 }), alternative('c', { x: 0, y: 0 })];
  const closeCriteria = [criterion('x', 1), criterion('y', 1)];

  it('sample s ranks as the nominal weights × the factors drawn from runStream(seed, s)', () => {
    const replay = (seed: number, sample: number, perturbation: number): Prioritisation => {
      const uniform = runStream(seed, sample);
      const drawn = closeCriteria.map((c) => ({ ...c, weight: c.weight * (1 - perturbation + 2 * perturbation * uniform()) }));
      return prioritise(drawn, close, nominalOnly);
    };
    // One sample per seed: its ranks are the replayed ones.
    let changed = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const sampled = prioritise(closeCriteria, close, { perturbation: 0.5, samples: 1, seed });
      const replayed = replay(seed, 0, 0.5);
      for (const entry of sampled.ranking) {
        const rank = ranked(replayed, entry.id).rank;
        expect(entry.rankRange).toEqual([rank, rank]);
        expect(entry.firstShare).toBe(rank === 1 ? 1 : 0);
        expect(entry.rankStability).toBe(rank === entry.rank ? 1 : 0);
      }
      if (sampled.robustness.orderUnchanged === 0) changed += 1;
    }
    expect(changed).toBeGreaterThan(0); // the case is close enough for the draws to matter
    // Many samples: the shares count the replayed samples 0 … 39.
    const samples = 40;
    const result = prioritise(closeCriteria, close, { perturbation: 0.5, samples, seed: 5 });
    const aFirst = Array.from({ length: samples }, (_, s) => ranked(replay(5, s, 0.5), 'a').rank === 1).filter(Boolean).length;
    expect(ranked(result, 'a').firstShare).toBe(aFirst / samples);
    expect(result.robustness.orderUnchanged).toBe(aFirst / samples);
  });

  it('a close case: the sampled shares match the exact probability 43/70', () => {
    const samples = 4000;
    const result = prioritise(closeCriteria, close, { perturbation: 0.2, samples, seed: 1 });
    // 4 standard errors of a share near 0.61 from 4000 samples: 4·√(0.61·0.39/4000) ≈ 0.031.
    const tolerance = 0.031;
    expect(Math.abs(ranked(result, 'a').firstShare - 43 / 70)).toBeLessThan(tolerance);
    expect(Math.abs(ranked(result, 'a').rankStability - 43 / 70)).toBeLessThan(tolerance);
    expect(Math.abs(ranked(result, 'b').firstShare - 27 / 70)).toBeLessThan(tolerance);
    expect(Math.abs(result.robustness.orderUnchanged - 43 / 70)).toBeLessThan(tolerance);
    expect(ranked(result, 'a').rankRange).toEqual([1, 2]);
    expect(ranked(result, 'b').rankRange).toEqual([1, 2]);
    expect(ranked(result, 'c')).toMatchObject({ rank: 3, rankRange: [3, 3], rankStability: 1, firstShare: 0 });
    expect(ranked(result, 'a').firstShare + ranked(result, 'b').firstShare).toBe(1);
  });

  it('the same seed gives the same result; another seed other shares', () => {
    const options = { perturbation: 0.2, samples: 300 };
    const first = prioritise(closeCriteria, close, { ...options, seed: 1 });
    expect(prioritise(closeCriteria, close, { ...options, seed: 1 })).toEqual(first);
    const second = prioritise(closeCriteria, close, { ...options, seed: 2 });
    expect(second.robustness.seed).toBe(2);
    expect(ranked(second, 'a').rankStability).not.toBe(ranked(first, 'a').rankStability);
    // Only the random part differs.
    expect(second.ranking.map((entry) => [entry.id, entry.score, entry.rank])).toEqual(first.ranking.map((entry) => [entry.id, entry.score, entry.rank]));
    expect(second.weightStability).toEqual(first.weightStability);
  });
});

describe('prioritise: weight stability', () => {
  // Weights 3 : 2 → 0.6, 0.4.
  //            abatement (benefit)   cost (cost)     normalised      score
  //   a        100                   500             (1, 0)          0.6
  //   b          0                   100             (0, 1)          0.4
  //   c         60                   300             (0.6, 0.5)      0.36 + 0.2 = 0.56
  // With t the abatement weight and 1 − t the cost weight: a = t, b = 1 − t, c = 0.6t + 0.5(1 − t) = 0.5 + 0.1t.
  // a ≥ b ⇔ t ≥ 1/2; a ≥ c ⇔ 0.9t ≥ 0.5 ⇔ t ≥ 5/9. So abatement ∈ [5/9, 1] and, the same line read from
  // the other weight, cost ∈ [0, 4/9]. At abatement 5/9: a = c = 5/9 (b = 4/9), so c is the rival that binds.
  const criteria = [criterion('abatement', 3), criterion('cost', 2, 'cost')];
  const alternatives = [alternative('a', { abatement: 100, cost: 500 }), alternative('b', { abatement: 0, cost: 100 }), alternative('c', { abatement: 60, cost: 300 })];
  const result = prioritise(criteria, alternatives, nominalOnly);

  it('a two-criterion case worked by hand', () => {
    expect(result.ranking.map((entry) => [entry.id, entry.rank])).toEqual([['a', 1], ['c', 2], ['b', 3]]);
    const abatement = result.weightStability['abatement']!;
    const cost = result.weightStability['cost']!;
    expect(abatement[0]).toBeCloseTo(5 / 9, 15);
    expect(abatement[1]).toBe(1);
    expect(cost[0]).toBe(0);
    expect(cost[1]).toBeCloseTo(4 / 9, 15);
  });

  it('at the end of the interval the leader ties the runner-up; beyond it, it is no longer first', () => {
    const at = (abatementWeight: number) => prioritise([criterion('abatement', abatementWeight), criterion('cost', 1 - abatementWeight, 'cost')], alternatives, nominalOnly);
    const low = result.weightStability['abatement']![0];
    const atEnd = at(low);
    expect(ranked(atEnd, 'a').score).toBeCloseTo(5 / 9, 15);
    expect(ranked(atEnd, 'c').score).toBeCloseTo(ranked(atEnd, 'a').score, 15);
    expect(ranksOf(atEnd, ['a', 'c', 'b'])).toEqual([1, 1, 3]);
    expect(ranksOf(at(low - 0.01), ['c', 'a', 'b'])).toEqual([1, 2, 3]);
    expect(ranksOf(at(low + 0.01), ['a', 'c', 'b'])).toEqual([1, 2, 3]);
  });

  it('one alternative: [0, 1] for every criterion', () => {
    const alone = prioritise(criteria, [alternative('only', { abatement: 1, cost: 2 })], nominalOnly);
    expect(alone.weightStability).toEqual({ abatement: [0, 1], cost: [0, 1] });
  });

  it('a criterion holding all the weight: the others share the rest equally', () => {
    //          a   b   c (raw 0, 1, 2)   normalised        nominal score (weights 1, 0, 0)
    //   x      1   0   0                 (1, 0, 0)         1
    //   y      0   1   1                 (0, 1, 0.5)       0
    //   w      0   0   2                 (0, 0, 1)         0
    // Weight t on a, (1 − t)/2 on b and c: x = t, y = 0.75(1 − t), w = 0.5(1 − t) ⇒ x first for t ≥ 3/7.
    // Weight t on b (a takes 1 − t pro rata, c keeps 0): x = 1 − t, y = t ⇒ t ≤ 1/2.
    // Weight t on c: x = 1 − t, y = t/2, w = t ⇒ t ≤ 1/2.
    const result = prioritise(
      [criterion('a', 1), criterion('b', 0), criterion('c', 0)],
      [alternative('x', { a: 1, b: 0, c: 0 }), alternative('y', { a: 0, b: 1, c: 1 }), alternative('w', { a: 0, b: 0, c: 2 })],
      nominalOnly,
    );
    expect(result.weightStability['a']![0]).toBeCloseTo(3 / 7, 15);
    expect(result.weightStability['a']![1]).toBe(1);
    expect(result.weightStability['b']).toEqual([0, 0.5]);
    expect(result.weightStability['c']).toEqual([0, 0.5]);
  });
});

describe('prioritise: invalid input throws, naming each problem', () => {
  const criteria = [criterion('abatement', 2), criterion('cost', 1, 'cost')];
  const alternatives = [alternative('pv', { abatement: 10, cost: 300 }), alternative('bus', { abatement: 5, cost: 100 })];
  const cases: { name: string; criteria?: readonly Criterion[]; alternatives?: readonly Alternative[]; options?: PrioritisationOptions; message: string }[] = [
    { name: 'no criteria', criteria: [], alternatives: [alternative('pv', {})], message: 'no criteria' },
    { name: 'no alternatives', alternatives: [], message: 'no alternatives to rank' },
    { name: 'a criterion twice', criteria: [...criteria, criterion('cost', 1)], message: 'criterion id "cost" appears 2 times' },
    { name: 'an alternative three times', alternatives: [...alternatives, alternatives[0]!, alternatives[0]!], message: 'alternative id "pv" appears 3 times' },
    { name: 'a negative weight', criteria: [criterion('abatement', 2), criterion('cost', -1, 'cost')], message: 'criterion "cost": weight must be a finite number ≥ 0, got -1' },
    { name: 'a NaN weight', criteria: [criterion('abatement', Number.NaN), criterion('cost', 1, 'cost')], message: 'criterion "abatement": weight must be a finite number ≥ 0, got NaN' },
    { name: 'an infinite weight', criteria: [criterion('abatement', Infinity), criterion('cost', 1, 'cost')], message: 'criterion "abatement": weight must be a finite number ≥ 0, got Infinity' },
    { name: 'all weights zero', criteria: [criterion('abatement', 0), criterion('cost', 0, 'cost')], message: 'all criterion weights are 0: at least one must be > 0' },
    {
      name: 'an unknown direction',
      criteria: [criterion('abatement', 1), { ...criterion('cost', 1), direction: 'lower' } as unknown as Criterion],
      message: 'criterion "cost": direction must be "benefit" or "cost", got "lower"',
    },
    { name: 'a missing score', alternatives: [alternatives[0]!, alternative('bus', { abatement: 5 })], message: 'alternative "bus" has no score for criterion "cost"' },
    { name: 'a NaN score', alternatives: [alternatives[0]!, alternative('bus', { abatement: Number.NaN, cost: 1 })], message: 'alternative "bus": score for criterion "abatement" must be a finite number, got NaN' },
    { name: 'an infinite score', alternatives: [alternatives[0]!, alternative('bus', { abatement: 1, cost: -Infinity })], message: 'alternative "bus": score for criterion "cost" must be a finite number, got -Infinity' },
    { name: 'a score for an unknown criterion', alternatives: [alternatives[0]!, alternative('bus', { abatement: 1, cost: 1, speed: 3 })], message: 'alternative "bus" scores unknown criterion "speed"' },
    { name: 'perturbation 1', options: { perturbation: 1 }, message: 'perturbation must be in [0, 1), got 1' },
    { name: 'a negative perturbation', options: { perturbation: -0.1 }, message: 'perturbation must be in [0, 1), got -0.1' },
    { name: 'a NaN perturbation', options: { perturbation: Number.NaN }, message: 'perturbation must be in [0, 1), got NaN' },
    { name: 'no samples', options: { samples: 0 }, message: 'samples must be an integer ≥ 1, got 0' },
    { name: 'fractional samples', options: { samples: 2.5 }, message: 'samples must be an integer ≥ 1, got 2.5' },
    { name: 'a negative seed', options: { seed: -1 }, message: 'seed must be an integer from 0 to 4294967295, got -1' },
    { name: 'a fractional seed', options: { seed: 1.5 }, message: 'seed must be an integer from 0 to 4294967295, got 1.5' },
    { name: 'a seed beyond 32 bits', options: { seed: 2 ** 32 }, message: 'seed must be an integer from 0 to 4294967295, got 4294967296' },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(() => prioritise(testCase.criteria ?? criteria, testCase.alternatives ?? alternatives, testCase.options)).toThrow(`prioritise: 1 problem: ${testCase.message}`);
    });
  }

  it('lists every problem at once', () => {
    const run = () =>
      prioritise([criterion('abatement', -2), criterion('abatement', 1)], [alternative('pv', { abatement: Number.NaN, speed: 1 }), alternative('pv', { abatement: 1 })], { samples: 0 });
    expect(run).toThrow(
      'prioritise: 6 problems: criterion id "abatement" appears 2 times; criterion "abatement": weight must be a finite number ≥ 0, got -2; ' +
        'alternative id "pv" appears 2 times; alternative "pv": score for criterion "abatement" must be a finite number, got NaN; ' +
        'alternative "pv" scores unknown criterion "speed"; samples must be an integer ≥ 1, got 0',
    );
  });
});

describe('prioritise: properties', () => {
  const criterionIds = ['c0', 'c1', 'c2', 'c3', 'c4'];
  const weight: fc.Arbitrary<number> = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e3, noNaN: true }), fc.integer({ min: 1, max: 5 }));
  /** Raw scores: small integers for ties and constant criteria, doubles, and now and then a span wider than the largest double. */
  const score = (extremes: boolean) =>
    fc.oneof(
      { arbitrary: fc.integer({ min: -3, max: 3 }), weight: 3 },
      { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 3 },
      { arbitrary: extremes ? fc.constantFrom(-1.7e308, 1.7e308) : fc.constant(0), weight: 1 },
    );
  const problem = (extremes: boolean) =>
    fc
      .record({
        criteria: fc.array(fc.tuple(weight, fc.constantFrom<CriterionDirection>('benefit', 'cost')), { minLength: 1, maxLength: 5 }),
        alternativeCount: fc.integer({ min: 1, max: 6 }),
        perturbation: fc.double({ min: 0, max: 0.99, noNaN: true }),
        samples: fc.integer({ min: 1, max: 20 }),
        seed: fc.integer({ min: 0, max: 0xffffffff }),
      })
      .chain((drawn) =>
        fc.array(fc.array(score(extremes), { minLength: drawn.criteria.length, maxLength: drawn.criteria.length }), { minLength: drawn.alternativeCount, maxLength: drawn.alternativeCount }).map((rows) => {
          // At least one weight > 0, as the input must have.
          const weights = drawn.criteria.map(([w]) => w);
          if (!weights.some((w) => w > 0)) weights[0] = 1;
          return {
            criteria: drawn.criteria.map(([, direction], k) => criterion(criterionIds[k]!, weights[k]!, direction)),
            alternatives: rows.map((row, i) => alternative(`a${i}`, Object.fromEntries(row.map((x, k) => [criterionIds[k]!, x])))),
            options: { perturbation: drawn.perturbation, samples: drawn.samples, seed: drawn.seed },
          };
        }),
      );

  it('scores lie in [0, 1], the ranking is sorted with competition ranks, contributions sum to the score', () => {
    fc.assert(
      fc.property(problem(true), ({ criteria, alternatives, options }) => {
        const result = prioritise(criteria, alternatives, options);
        expect(result.ranking).toHaveLength(alternatives.length);
        result.ranking.forEach((entry, i) => {
          // 1e-12 allows for the normalised weights summing to 1 only up to rounding.
          expect(entry.score).toBeGreaterThanOrEqual(0);
          expect(entry.score).toBeLessThanOrEqual(1 + 1e-12);
          const total = Object.values(entry.contributions).reduce((sum, value) => sum + value, 0);
          expect(closeTo(total, entry.score, 1e-12)).toBe(true);
          result.criteria.forEach((c) => {
            const contribution = entry.contributions[c.id]!;
            expect(contribution).toBeGreaterThanOrEqual(0);
            expect(contribution).toBeLessThanOrEqual(c.normalisedWeight);
          });
          if (i === 0) expect(entry.rank).toBe(1);
          else {
            const previous = result.ranking[i - 1]!;
            expect(entry.score).toBeLessThanOrEqual(previous.score);
            expect([previous.rank, i + 1]).toContain(entry.rank);
          }
          const [best, worst] = entry.rankRange;
          expect(1 <= best && best <= worst && worst <= alternatives.length).toBe(true);
          for (const share of [entry.rankStability, entry.firstShare]) expect(share >= 0 && share <= 1).toBe(true);
        });
        result.criteria.forEach((c) => {
          const [low, high] = result.weightStability[c.id]!;
          expect(0 <= low && low <= c.normalisedWeight && c.normalisedWeight <= high && high <= 1).toBe(true);
        });
        expect(closeTo(result.criteria.reduce((sum, c) => sum + c.normalisedWeight, 0), 1, 1e-12)).toBe(true);
      }),
      propertySettings('mcda: scores, ranks, contributions'),
    );
  });

  it('an action best on every criterion is first in every sample', () => {
    fc.assert(
      fc.property(problem(false), ({ criteria, alternatives, options }) => {
        const best = Object.fromEntries(
          criteria.map((c) => {
            const values = alternatives.map((a) => a.scores[c.id]!);
            return [c.id, c.direction === 'benefit' ? Math.max(...values) : Math.min(...values)];
          }),
        );
        const result = prioritise(criteria, [...alternatives, alternative('dominant', best)], options);
        expect(ranked(result, 'dominant')).toMatchObject({ rank: 1, rankRange: [1, 1], firstShare: 1, rankStability: 1 });
      }),
      propertySettings('mcda: dominant action'),
    );
  });

  it('at an end of a weight-stability interval inside (0, 1) the leader ties another; inside it, the leader is first', () => {
    fc.assert(
      fc.property(problem(false), ({ criteria, alternatives, options }) => {
        const result = prioritise(criteria, alternatives, options);
        const leader = result.ranking[0]!.id;
        // Scores with criterion k at weight t and the others scaled pro rata (equal shares if k held all the weight).
        const scoresAt = (k: number, t: number): Map<string, number> => {
          const nominal = result.criteria.map((c) => c.normalisedWeight);
          const rest = nominal.reduce((sum, w, j) => (j === k ? sum : sum + w), 0);
          const weights = nominal.map((w, j) => (j === k ? t : rest > 0 ? (w * (1 - t)) / rest : (1 - t) / (nominal.length - 1)));
          return new Map(
            alternatives.map((a) => [
              a.id,
              result.criteria.reduce((sum, c, j) => {
                const normalised = c.max === c.min ? 0.5 : c.direction === 'benefit' ? (a.scores[c.id]! - c.min) / (c.max - c.min) : (c.max - a.scores[c.id]!) / (c.max - c.min);
                return sum + weights[j]! * normalised;
              }, 0),
            ]),
          );
        };
        const margin = (scores: Map<string, number>) => scores.get(leader)! - Math.max(...[...scores].filter(([id]) => id !== leader).map(([, s]) => s));
        if (alternatives.length < 2) return;
        result.criteria.forEach((c, k) => {
          const [low, high] = result.weightStability[c.id]!;
          for (const end of [low, high]) if (end > 0 && end < 1) expect(Math.abs(margin(scoresAt(k, end)))).toBeLessThan(1e-9);
          expect(margin(scoresAt(k, (low + high) / 2))).toBeGreaterThan(-1e-9);
        });
      }),
      propertySettings('mcda: weight-stability ends'),
    );
  });
});
