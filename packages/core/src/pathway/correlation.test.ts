/**
 * Correlated uncertainty (`correlations`, a Gaussian copula): with zero correlation, exactly the
 * independent draws; with correlation 1, one draw shared, so identically distributed parameters are
 * equal and the spread of a sum is the sum of the spreads; a rank correlation asked is the one drawn;
 * a set of correlations that cannot hold together is refused with its pairs; the same numbers for a
 * seed however the runs are split. Φ, Φ⁻¹ and the Cholesky factor against theory.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../../../test/support/fast-check.ts';
import { createEngine } from '../engine/engine.ts';
import type { Issue } from '../issues/issue.ts';
import { cholesky, notSemiDefinite } from './cholesky.ts';
import { UncertainDraws } from './copula.ts';
import { copulaCorrelation } from './correlation.ts';
import type { Pathway } from './definitions.ts';
import { percentile, runMonteCarlo, runMonteCarloChunk, summariseMonteCarlo } from './montecarlo.ts';
import { standardNormalCdf, standardNormalQuantile } from './normal.ts';
import { runStream } from './random.ts';

type Fields = Record<string, unknown>;

// As montecarlo.test.ts: one sector (industry, coal), GDP +5 %/yr to 2029 and +1 %/yr from 2030, an efficiency action.
const INVENTORY = {
  city: { name: 'Testville', country: 'CN' },
  year: 2022,
  grid: 'CN-east-2022',
  population: 1_000_000,
  gdp: { value: 100, unit: '亿元' },
  activities: [{ gpc: 'I.3.1', fuel: 'raw_coal', amount: 10, unit: '万吨' }],
};

function compile(uncertainty: Fields, correlations?: unknown) {
  return createEngine().compilePathway({
    pathway: {
      endYear: 2040,
      drivers: { population: { unit: '万人', growth: '2%' }, gdp: { unit: '亿元', growth: { 2023: '5%', 2030: '1%' } } },
      sectors: { industry: { gpc: ['I.3'], driver: 'gdp', intensity: { growth: { 2023: '-2%' } } } },
      actions: { saving: { adoption: { start: 2025, full: 2025, level: 0.8 }, effects: [{ type: 'efficiency', sector: 'industry', reduction: '10%' }] } },
      scenarios: { bau: { actions: [] }, policy: { actions: ['saving'] } },
      targets: { peak: { type: 'peak', by: 2030 }, cap: { type: 'cap', year: 2030, value: 20, unit: '万tCO2e' } },
      uncertainty,
      ...(correlations === undefined ? {} : { correlations }),
    },
    inventory: INVENTORY,
  });
}

function pathwayWith(uncertainty: Fields, correlations?: unknown): Pathway {
  const loaded = compile(uncertainty, correlations);
  if (!loaded.ok) throw new Error(`expected a valid pathway: ${JSON.stringify(loaded)}`);
  return loaded.value;
}

function issuesOf(uncertainty: Fields, correlations: unknown): Issue[] {
  const loaded = compile(uncertainty, correlations);
  if (loaded.ok) throw new Error('expected input errors, but the pathway is valid');
  return loaded.issues.map(({ document: _document, ...issue }) => issue);
}

const GDP = 'drivers.gdp.growth.2023';
const GDP_LATE = 'drivers.gdp.growth.2030';
const INTENSITY = 'sectors.industry.intensity.growth.2023';
const LEVEL = 'actions.saving.adoption.level';
const POPULATION = 'drivers.population.growth';

const SPREAD = {
  [GDP]: { normal: { sd: '1.5%' } },
  [GDP_LATE]: { triangular: { min: '-1%', max: '3%' } },
  [INTENSITY]: { uniform: { min: '-4%', max: '-1%' } },
  [LEVEL]: { normal: { sd: 0.3 } },
  [POPULATION]: { lognormal: { gsd: 1.5 } },
};

/** Each uncertain parameter's draws over runs 0 … runs − 1, by path (before bounds). */
function drawsOf(pathway: Pathway, seed: number, runs: number): Record<string, Float64Array> {
  const columns = pathway.uncertainty.map(() => new Float64Array(runs));
  const draws = new UncertainDraws(pathway);
  for (let r = 0; r < runs; r++) draws.draw(runStream(seed, r)).forEach((value, u) => (columns[u]![r] = value));
  return Object.fromEntries(pathway.uncertainty.map((parameter, u) => [parameter.path, columns[u]!]));
}

/** Ranks 0 … n − 1 (no ties among continuous draws). */
function ranks(values: Float64Array): Float64Array {
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  const result = new Float64Array(values.length);
  order.forEach((index, rank) => (result[index] = rank));
  return result;
}

function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const spearman = (x: Float64Array, y: Float64Array): number => pearson(ranks(x), ranks(y));
const sorted = (values: Float64Array): Float64Array => Float64Array.from(values).sort();
const spread = (values: Float64Array): number => {
  const order = sorted(values);
  return percentile(order, 0.95) - percentile(order, 0.05);
};

describe('zero correlation is today’s Monte Carlo', () => {
  const independent = pathwayWith(SPREAD);

  it('rank 0 between every two parameters: the summary is the one without correlations, bit for bit', () => {
    const paths = Object.keys(SPREAD);
    const zero = paths.flatMap((a, i) => paths.slice(i + 1).map((b) => ({ between: [a, b], rank: 0 })));
    const pathway = pathwayWith(SPREAD, zero);
    expect(pathway.copula).toEqual([]);
    for (const scenario of ['bau', 'policy']) {
      const { correlations, ...summary } = runMonteCarlo(pathway, scenario, 300, 7, 64);
      const { correlations: none, ...today } = runMonteCarlo(independent, scenario, 300, 7, 64);
      expect(summary).toEqual(today);
      expect(none).toEqual([]);
      expect(correlations).toHaveLength(10);
      expect(correlations[0]).toEqual({ between: [GDP, GDP_LATE], rank: 0, copula: 0 });
    }
  });

  it('parameters in no correlation draw exactly what they drew before, whatever the others do', () => {
    const pathway = pathwayWith(SPREAD, [{ between: [GDP, LEVEL], rank: 0.7 }, { shared: [GDP_LATE, POPULATION] }]);
    const correlated = drawsOf(pathway, 3, 500);
    const today = drawsOf(independent, 3, 500);
    expect(Array.from(correlated[INTENSITY]!)).toEqual(Array.from(today[INTENSITY]!));
    // The first member of a group in path order keeps its own draw as well when it is normal (the factor's first row is 1, 0, …).
    expect(Array.from(correlated[LEVEL]!)).toEqual(Array.from(today[LEVEL]!));
    expect(Array.from(correlated[GDP]!)).not.toEqual(Array.from(today[GDP]!));
  });
});

describe('correlation 1: one draw shared', () => {
  it('identically distributed parameters take identical values, so identical quantiles', () => {
    const same = { normal: { mean: '2%', sd: '1%' } };
    const pathway = pathwayWith({ ...SPREAD, [GDP]: same, [POPULATION]: same }, [{ shared: [GDP, POPULATION] }]);
    const draws = drawsOf(pathway, 5, 2000);
    expect(Array.from(draws[POPULATION]!)).toEqual(Array.from(draws[GDP]!));
    // And `between` with rank 1 is the same as `shared`.
    const between = drawsOf(pathwayWith({ ...SPREAD, [GDP]: same, [POPULATION]: same }, [{ between: [GDP, POPULATION], rank: 1 }]), 5, 2000);
    expect(Array.from(between[POPULATION]!)).toEqual(Array.from(draws[POPULATION]!));
  });

  it('the spread (P95 − P5) of a sum of shared parameters is the sum of their spreads; independent, it is less (property)', () => {
    const bounds = fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 5, noNaN: true }));
    fc.assert(
      fc.property(bounds, bounds, fc.double({ min: 0.01, max: 3, noNaN: true }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), ([low, width], [lowLate, widthLate], sd, seed) => {
        // Three kinds in one group: uniform (around the file's −2 %), triangular (mode at the file's 1 %) and normal.
        const uncertainty = {
          [INTENSITY]: { uniform: { min: `${Math.min(low, -2.5)}%`, max: `${-1.5 + width}%` } },
          [GDP_LATE]: { triangular: { min: `${Math.min(lowLate, 0.5)}%`, max: `${1.5 + widthLate}%` } },
          [GDP]: { normal: { sd: `${sd}%` } },
        };
        const shared = drawsOf(pathwayWith(uncertainty, [{ shared: [INTENSITY, GDP_LATE, GDP] }]), seed, 400);
        const independent = drawsOf(pathwayWith(uncertainty), seed, 400);
        const sum = (columns: Record<string, Float64Array>) => columns[INTENSITY]!.map((value, r) => value + columns[GDP_LATE]![r]! + columns[GDP]![r]!);
        const parts = spread(shared[INTENSITY]!) + spread(shared[GDP_LATE]!) + spread(shared[GDP]!);
        expect(Math.abs(spread(sum(shared)) - parts)).toBeLessThan(1e-12);
        expect(spread(sum(independent))).toBeLessThan(parts);
      }),
      propertySettings('shared spreads add', 100),
    );
  });

  it('on the pathway: GDP growth shared across periods widens the emissions’ spread', () => {
    const uncertainty = { [GDP]: { normal: { sd: '1.5%' } }, [GDP_LATE]: { normal: { sd: '1.5%' } } };
    const independent = runMonteCarlo(pathwayWith(uncertainty), 'bau', 2000, 9);
    const shared = runMonteCarlo(pathwayWith(uncertainty, [{ shared: [GDP, GDP_LATE] }]), 'bau', 2000, 9);
    const width = (summary: typeof shared) => summary.percentiles.p95[18]! - summary.percentiles.p5[18]!;
    expect(width(shared) / width(independent)).toBeGreaterThan(1.15);
    expect(shared.correlations).toEqual([{ between: [GDP, GDP_LATE], rank: 1, copula: 1 }]);
  });
});

describe('the rank correlation asked is the one drawn', () => {
  // 20,000 runs: the standard error of Spearman's ρ is below (1 − ρ²)/√n ≈ 0.006; the tolerance is 0.02.
  const RUNS = 20_000;
  const pathway = pathwayWith(SPREAD, [
    { between: [GDP, GDP_LATE], rank: 0.6 },
    { between: [INTENSITY, POPULATION], rank: -0.4 },
    { between: [GDP_LATE, LEVEL], rank: 0.3 },
  ]);
  const draws = drawsOf(pathway, 11, RUNS);

  it.each([
    [GDP, GDP_LATE, 0.6],
    [INTENSITY, POPULATION, -0.4],
    [GDP_LATE, LEVEL, 0.3],
    // Not asked, and in different groups: independent.
    [GDP, INTENSITY, 0],
  ] as const)('%s ~ %s: %d', (a, b, rank) => {
    const got = spearman(draws[a]!, draws[b]!);
    expect(Math.abs(got - rank)).toBeLessThan(0.02);
  });

  it('the margins stay as given: the triangular’s and the uniform’s quantiles', () => {
    // GDP_LATE: triangular −1 %, 1 %, 3 %: its median is the mode; the uniform's quartiles −3.25 % and −1.75 %.
    expect(percentile(sorted(draws[GDP_LATE]!), 0.5)).toBeCloseTo(0.01, 3);
    expect(percentile(sorted(draws[INTENSITY]!), 0.25)).toBeCloseTo(-0.0325, 3);
    expect(percentile(sorted(draws[INTENSITY]!), 0.75)).toBeCloseTo(-0.0175, 3);
  });

  it('the summary states the correlations with the copula’s coefficients', () => {
    const summary = runMonteCarlo(pathway, 'policy', 20, 1);
    expect(summary.correlations.map((pair) => [pair.between, pair.rank, Number(pair.copula.toFixed(4))])).toEqual([
      [[GDP, GDP_LATE], 0.6, 0.6180],
      [[INTENSITY, POPULATION], -0.4, -0.4158],
      [[GDP_LATE, LEVEL], 0.3, 0.3129],
    ]);
  });
});

describe('reproducible by seed', () => {
  const pathway = pathwayWith(SPREAD, [{ between: [GDP, GDP_LATE], rank: 0.6 }, { shared: [INTENSITY, LEVEL] }]);

  it('the same summary whatever the block size and the order the blocks come back in', () => {
    const whole = runMonteCarlo(pathway, 'policy', 200, 7, 1000);
    expect(runMonteCarlo(pathway, 'policy', 200, 7, 7)).toEqual(whole);
    expect(runMonteCarlo(pathway, 'policy', 200, 7, 1)).toEqual(whole);
    const shuffled = [runMonteCarloChunk(pathway, 'policy', 7, 150, 50), runMonteCarloChunk(pathway, 'policy', 7, 0, 150)];
    expect(summariseMonteCarlo(pathway, 7, shuffled, 'policy')).toEqual(whole);
    expect(runMonteCarlo(pathway, 'policy', 200, 8)).not.toEqual(whole);
  });

  it('the same draws whatever the order of the file’s keys', () => {
    const reversed = Object.fromEntries(Object.entries(SPREAD).reverse());
    const again = pathwayWith(reversed, [{ shared: [LEVEL, INTENSITY] }, { between: [GDP_LATE, GDP], rank: 0.6 }]);
    const { correlations: _a, ...a } = runMonteCarlo(again, 'policy', 200, 7);
    const { correlations: _b, ...b } = runMonteCarlo(pathway, 'policy', 200, 7);
    expect(a).toEqual(b);
  });
});

describe('validation', () => {
  it('names the pairs of the smallest set that cannot hold, not the others', () => {
    // GDP ~ GDP_LATE ~ INTENSITY: 0.9, 0.9 and −0.9 cannot hold together; the level's 0.2 with GDP (and so 0 with the others) can.
    const issues = issuesOf(SPREAD, [
      { between: [GDP, LEVEL], rank: 0.2 },
      { between: [GDP, GDP_LATE], rank: 0.9 },
      { between: [GDP_LATE, INTENSITY], rank: 0.9 },
      { between: [GDP, INTENSITY], rank: -0.9 },
    ]);
    expect(issues).toEqual([
      {
        path: ['correlations'],
        code: 'correlation-not-psd',
        pairs: [
          { between: [GDP, GDP_LATE], rank: 0.9 },
          { between: [GDP_LATE, INTENSITY], rank: 0.9 },
          { between: [GDP, INTENSITY], rank: -0.9 },
        ],
        unstated: [],
      },
    ]);
  });

  it('names the pairs not given, which count as 0: a parameter sharing a draw must be correlated with a third as its twin is', () => {
    const issues = issuesOf(SPREAD, [{ shared: [GDP, GDP_LATE] }, { between: [GDP, INTENSITY], rank: -0.5 }]);
    expect(issues).toEqual([
      {
        path: ['correlations'],
        code: 'correlation-not-psd',
        pairs: [
          { between: [GDP, GDP_LATE], rank: 1 },
          { between: [GDP, INTENSITY], rank: -0.5 },
        ],
        unstated: [[GDP_LATE, INTENSITY]],
      },
    ]);
    expect(pathwayWith(SPREAD, [{ shared: [GDP, GDP_LATE] }, { between: [GDP, INTENSITY], rank: -0.5 }, { between: [GDP_LATE, INTENSITY], rank: -0.5 }]).copula).toHaveLength(1);
  });

  it('shared draws chained through a parameter need the third pair to be 1 as well', () => {
    const issues = issuesOf(SPREAD, [{ shared: [GDP, GDP_LATE] }, { shared: [GDP_LATE, INTENSITY] }, { between: [GDP, INTENSITY], rank: 0.5 }]);
    expect(issues.map((issue) => issue.code)).toEqual(['correlation-not-psd']);
    expect(issuesOf(SPREAD, [{ shared: [GDP, GDP_LATE] }, { shared: [GDP_LATE, INTENSITY] }, { between: [GDP, INTENSITY], rank: 1 }].slice(0, 2))).toHaveLength(1);
    expect(pathwayWith(SPREAD, [{ shared: [GDP, GDP_LATE] }, { shared: [GDP_LATE, INTENSITY] }, { between: [GDP, INTENSITY], rank: 1 }]).copula).toHaveLength(1);
  });

  it('every problem of the list with its path', () => {
    const issues = issuesOf(SPREAD, [
      { between: [GDP, 'drivers.gdp.growth.2024'], rank: 0.5 },
      { between: [GDP, 'drivers.gdp.growht.2030'], rank: 0.5 },
      { between: [GDP, GDP_LATE], rank: 1.5 },
      { between: [GDP, GDP_LATE] },
      { between: [GDP, GDP], rank: 0.5 },
      { shared: [GDP] },
      { shared: [GDP, INTENSITY], rank: 0.5 },
      { between: [LEVEL, GDP], rank: 0.2 },
      { between: [GDP, LEVEL], rank: 0.2, sharde: true },
      'x',
    ]);
    expect(issues).toEqual([
      { path: ['correlations', 0, 'between', 1], code: 'unknown-reference', kind: 'parameter', got: 'drivers.gdp.growth.2024', suggestion: GDP },
      { path: ['correlations', 1, 'between', 1], code: 'unknown-reference', kind: 'parameter', got: 'drivers.gdp.growht.2030', suggestion: GDP_LATE },
      { path: ['correlations', 2, 'rank'], code: 'out-of-range', min: -1, max: 1, got: 1.5 },
      { path: ['correlations', 3, 'rank'], code: 'required' },
      { path: ['correlations', 4, 'between', 1], code: 'duplicate', key: GDP, first: ['correlations', 4, 'between', 0] },
      { path: ['correlations', 5, 'shared'], code: 'correlation-members', min: 2, got: 1 },
      { path: ['correlations', 6, 'rank'], code: 'unknown-field', field: 'rank', suggestion: undefined },
      { path: ['correlations', 8, 'sharde'], code: 'unknown-field', field: 'sharde', suggestion: undefined },
      { path: ['correlations', 8], code: 'duplicate', key: `${LEVEL} ~ ${GDP}`, first: ['correlations', 7] },
      { path: ['correlations', 9], code: 'type', expected: 'object', got: 'string' },
    ]);
  });

  it('a triangular of one point is a constant: its correlations link nothing, and the others keep their margins', () => {
    const pathway = pathwayWith({ ...SPREAD, [GDP_LATE]: { triangular: { min: '1%', max: '1%' } } }, [{ between: [GDP, GDP_LATE], rank: 0.6 }, { between: [GDP_LATE, LEVEL], rank: 0.3 }]);
    expect(pathway.copula).toEqual([]);
    expect(pathway.correlations).toHaveLength(2);
  });

  it('a `shared` list longer than the limit is refused as a whole', () => {
    const issues = issuesOf(SPREAD, [{ shared: Array.from({ length: 100_000 }, (_, i) => `drivers.x${i}.growth`) }]);
    expect(issues).toEqual([{ path: ['correlations'], code: 'correlation-limit', max: 200, got: 100_000 }]);
  });

  it('a list, not an object', () => {
    expect(issuesOf(SPREAD, { a: 1 })).toEqual([{ path: ['correlations'], code: 'type', expected: 'array', got: 'object' }]);
  });
});

describe('the pieces against theory', () => {
  it('Φ at tabulated points and Φ⁻¹ its inverse', () => {
    expect(standardNormalCdf(0)).toBe(0.5);
    expect(standardNormalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(standardNormalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(standardNormalCdf(-5)).toBeCloseTo(2.866515718791939e-7, 15);
    expect(standardNormalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(standardNormalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
    for (let p = 0.03; p < 0.97; p += 0.01) expect(Math.abs(standardNormalCdf(standardNormalQuantile(p)) - p)).toBeLessThan(1e-14);
    expect(standardNormalQuantile(Number.MIN_VALUE)).toBeGreaterThan(-40);
  });

  it('rank → copula: 2 sin(πρ/6), exact at 0 and ±1', () => {
    expect(copulaCorrelation(1)).toBe(1);
    expect(copulaCorrelation(-1)).toBe(-1);
    expect(copulaCorrelation(0)).toBe(0);
    expect(copulaCorrelation(0.5)).toBeCloseTo(0.5176, 4);
  });

  it('L Lᵀ is the matrix; a singular one has zero columns; one not PSD has none, and its smallest failing set', () => {
    const matrix = [1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1];
    const factor = cholesky(matrix, 3)!;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += factor[i * 3 + k]! * factor[j * 3 + k]!;
      expect(sum).toBeCloseTo(matrix[i * 3 + j]!, 14);
    }
    expect(Array.from(cholesky([1, 1, 1, 1], 2)!)).toEqual([1, 0, 1, 0]);
    expect(cholesky([1, 0.9, 0.9, -0.9, 0.9, 1, 0.9, 0, 0.9, 0.9, 1, 0, -0.9, 0, 0, 1], 4)).toBeUndefined();
    expect(notSemiDefinite([1, 0.9, 0.9, -0.9, 0.9, 1, 0.9, 0, 0.9, 0.9, 1, 0, -0.9, 0, 0, 1], 4)).toBeDefined();
    expect(notSemiDefinite([1, 0.9, -0.9, 0, 0.9, 1, 0.9, 0, -0.9, 0.9, 1, 0, 0, 0, 0, 1], 4)).toEqual([0, 1, 2]);
    expect(notSemiDefinite(matrix, 3)).toBeUndefined();
    // Rows 1, 2, 3 fail together (0.9, 0.9, −0.9); row 0 with 0.2 to row 1 and 0 to the others does not take part.
    expect(notSemiDefinite([1, 0.2, 0, 0, 0.2, 1, 0.9, -0.9, 0, 0.9, 1, 0.9, 0, -0.9, 0.9, 1], 4)).toEqual([1, 2, 3]);
    // A large group (200 parameters, every two at 0.5, one pair at −0.5): found quickly, and the smallest failing set is named.
    const n = 200;
    const large: number[] = Array.from({ length: n * n }, (_, k) => (Math.floor(k / n) === k % n ? 1 : 0.5));
    large[0 * n + 199] = large[199 * n + 0] = -0.5;
    expect(cholesky(large, n)).toBeUndefined();
    const culprits = notSemiDefinite(large, n)!;
    expect(culprits[0]).toBe(0);
    expect(culprits.at(-1)).toBe(199);
    expect(cholesky(large.map((value, k) => (k === 199 || k === 199 * n ? 0.5 : value)), n)).toBeDefined();
  });
});
