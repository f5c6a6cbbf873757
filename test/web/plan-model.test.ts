// The action planner's pure logic: the catalogue filter, the MACC's bars, the scores read back from a ranking.
import { defaultCatalogue, prioritise, type Criterion } from '@peakpath/core';
import { describe, expect, it } from 'vitest';
import { budgetSteps, readConstraints, withConstraints } from '../../packages/web/src/pages/plan/constraints.ts';
import { filterCatalogue, maccBars, NO_FILTER, rankingInput, weightsValid, withWeights } from '../../packages/web/src/pages/plan/model.ts';

const name = (en: string) => ({ en, zh: en });

describe('the planner model', () => {
  it('filters the catalogue by category, lever, text and use, and with no filter keeps every measure', () => {
    const catalogue = defaultCatalogue().measures;
    expect(filterCatalogue(catalogue, NO_FILTER, new Set())).toHaveLength(catalogue.length);
    const buildings = filterCatalogue(catalogue, { ...NO_FILTER, category: 'buildings' }, new Set());
    expect(buildings.length).toBeGreaterThan(0);
    expect(buildings.length).toBeLessThan(catalogue.length);
    expect(buildings.every((measure) => measure.category === 'buildings')).toBe(true);
    const generation = filterCatalogue(catalogue, { ...NO_FILTER, lever: 'generation' }, new Set());
    expect(generation.every((measure) => measure.levers.some((lever) => lever.type === 'generation'))).toBe(true);
    expect(filterCatalogue(catalogue, { ...NO_FILTER, text: 'ROOFTOP-PV' }, new Set()).map((measure) => measure.id)).toContain('rooftop-pv');
    expect(filterCatalogue(catalogue, { ...NO_FILTER, usedOnly: true }, new Set(['rooftop-pv'])).map((measure) => measure.id)).toEqual(['rooftop-pv']);
  });

  it('lays the MACC bars end to end in merit order and leaves out a measure that avoids nothing', () => {
    const entry = (id: string, order: number, abatement: number, costPerTonne: number | null) => ({ id, name: name(id), order, abatement, costPerTonne, standaloneAbatement: abatement, annualCost: 0, presentCost: 0, horizonAbatement: 0, runningAbatement: 0 });
    const bars = maccBars([entry('a', 1, 100, -50), entry('b', 2, 250, 30), entry('c', 3, 0, null)]);
    expect(bars.map(({ id, start, end, costPerTonne }) => [id, start, end, costPerTonne])).toEqual([['a', 0, 100, -50], ['b', 100, 350, 30]]);
  });

  it('reads the raw scores back from a ranking, so that the same weights give the same ranking and others a new one', () => {
    const criteria: Criterion[] = [
      { id: 'abatement', name: name('abatement'), direction: 'benefit', weight: 3 },
      { id: 'cost', name: name('cost'), direction: 'cost', weight: 2 },
      { id: 'feasibility', name: name('feasibility'), direction: 'benefit', weight: 1 },
    ];
    const alternatives = [
      { id: 'pv', scores: { abatement: 900_000, cost: -640, feasibility: 4 } },
      { id: 'wind', scores: { abatement: 850_000, cost: 120, feasibility: 2 } },
      { id: 'forest', scores: { abatement: 70_000, cost: 300, feasibility: 3 } },
      { id: 'trucks', scores: { abatement: 320_000, cost: -1150, feasibility: 3 } },
    ];
    const original = prioritise(criteria, alternatives, { samples: 200, seed: 3 });
    const input = rankingInput(original)!;
    for (const alternative of alternatives) {
      const read = input.alternatives.find((candidate) => candidate.id === alternative.id)!;
      for (const [criterion, score] of Object.entries(alternative.scores)) expect(read.scores[criterion]).toBeCloseTo(score, 6);
    }
    const again = prioritise(input.criteria, input.alternatives, { samples: 200, seed: 3 });
    expect(again.ranking.map((ranked) => [ranked.id, ranked.rank, ranked.rankStability])).toEqual(original.ranking.map((ranked) => [ranked.id, ranked.rank, ranked.rankStability]));
    const feasibilityFirst = prioritise(withWeights(input.criteria, { feasibility: 20 }), input.alternatives, { samples: 200, seed: 3 });
    expect(feasibilityFirst.ranking.map((ranked) => ranked.id)).toEqual(prioritise(withWeights(criteria, { feasibility: 20 }), alternatives, { samples: 200, seed: 3 }).ranking.map((ranked) => ranked.id));
  });

  it('refuses to read scores back when a weight was 0, and checks weights as the core does', () => {
    const zero = prioritise([{ id: 'a', name: name('a'), direction: 'benefit', weight: 0 }, { id: 'b', name: name('b'), direction: 'benefit', weight: 1 }], [{ id: 'x', scores: { a: 1, b: 2 } }, { id: 'y', scores: { a: 2, b: 1 } }]);
    expect(rankingInput(zero)).toBeNull();
    expect(weightsValid({ a: 0, b: 1 })).toBe(true);
    expect(weightsValid({ a: 0, b: 0 })).toBe(false);
    expect(weightsValid({ a: Number.NaN, b: 1 })).toBe(false);
    expect(weightsValid({ a: -1, b: 1 })).toBe(false);
  });

  it('edits the constraints and nothing else of the body', () => {
    const body = { name: 'p', measures: { m: {} }, constraints: { targets: ['peak-2030'], budget: { unit: '亿元', perYear: { 2023: 40, 2031: 60 } } } };
    const read = readConstraints(body);
    expect(budgetSteps(read.budget!.perYear)).toEqual([['2023', 40], ['2031', 60]]);
    const edited = withConstraints(body, { targets: ['cap-2035'], budget: { unit: '亿元', perYear: 150 } });
    expect(edited).toEqual({ name: 'p', measures: { m: {} }, constraints: { targets: ['cap-2035'], budget: { unit: '亿元', perYear: 150 } } });
    expect(withConstraints(body, { targets: [], budget: null })['constraints']).toEqual({ targets: [] });
  });
});
