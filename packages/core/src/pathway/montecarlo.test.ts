/**
 * Monte Carlo: the same numbers for a seed however the runs are split into blocks and in whatever order
 * the blocks come back; a different seed, different numbers; with no spread, exactly the deterministic
 * run, and with a small one, close to it. The percentile rule and the random draws against theory.
 */
import { describe, expect, it } from 'vitest';
import { closeTo } from '../../../../test/support/fast-check.ts';
import type { Distribution, Pathway } from './definitions.ts';
import { percentile, runMonteCarlo, runMonteCarloChunk, summariseMonteCarlo } from './montecarlo.ts';
import { draw, runStream, triangularQuantile } from './random.ts';
import { runScenario } from './results.ts';
import { createEngine } from '../engine/engine.ts';

type Fields = Record<string, unknown>;

// One sector (industry, coal), GDP +5 %/yr to 2029 and +1 %/yr from 2030, intensity −2 %/yr: the
// deterministic run peaks in 2029 (see pathway.test.ts). An efficiency action at level 0.8 from 2025.
const INVENTORY = {
  city: { name: 'Testville', country: 'CN' },
  year: 2022,
  grid: 'CN-east-2022',
  population: 1_000_000,
  gdp: { value: 100, unit: '亿元' },
  activities: [{ gpc: 'I.3.1', fuel: 'raw_coal', amount: 10, unit: '万吨' }],
};

function pathwayWith(uncertainty: Fields): Pathway {
  const loaded = createEngine().compilePathway({
    pathway: {
      endYear: 2040,
      drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: { 2023: '5%', 2030: '1%' } } },
      sectors: { industry: { gpc: ['I.3'], driver: 'gdp', intensity: { growth: { 2023: '-2%' } } } },
      actions: { saving: { adoption: { start: 2025, full: 2025, level: 0.8 }, effects: [{ type: 'efficiency', sector: 'industry', reduction: '10%' }] } },
      scenarios: { bau: { actions: [] }, policy: { actions: ['saving'] } },
      targets: { peak: { type: 'peak', by: 2030 }, early: { type: 'peak', by: 2026 }, cap: { type: 'cap', year: 2030, value: 20, unit: '万tCO2e' } },
      uncertainty,
    },
    inventory: INVENTORY,
  });
  if (!loaded.ok) throw new Error(`expected a valid pathway: ${JSON.stringify(loaded)}`);
  return loaded.value;
}

const SPREAD = {
  'drivers.gdp.growth.2023': { normal: { sd: '1.5%' } },
  'drivers.gdp.growth.2030': { triangular: { min: '-1%', max: '3%' } },
  'sectors.industry.intensity.growth.2023': { uniform: { min: '-4%', max: '-1%' } },
  'actions.saving.adoption.level': { normal: { sd: 0.3 } },
};

describe('reproducible by seed', () => {
  const pathway = pathwayWith(SPREAD);

  it('the same summary whatever the block size and the order the blocks come back in', () => {
    const whole = runMonteCarlo(pathway, 'policy', 200, 7, 1000);
    expect(runMonteCarlo(pathway, 'policy', 200, 7, 7)).toEqual(whole);
    expect(runMonteCarlo(pathway, 'policy', 200, 7, 1)).toEqual(whole);
    const shuffled = [runMonteCarloChunk(pathway, 'policy', 7, 150, 50), runMonteCarloChunk(pathway, 'policy', 7, 0, 64), runMonteCarloChunk(pathway, 'policy', 7, 64, 86)];
    expect(summariseMonteCarlo(pathway, 7, shuffled)).toEqual(whole);
    expect(whole.runs).toBe(200);
    expect(whole.seed).toBe(7);
    // The spread is real: the 5th and 95th percentiles differ.
    expect(whole.percentiles.p95[18]! - whole.percentiles.p5[18]!).toBeGreaterThan(0.05 * whole.percentiles.p50[18]!);
  });

  it('the same draws whatever the order of the file’s keys (a database that keeps no key order, jsonb)', () => {
    const reversed = Object.fromEntries(Object.entries(SPREAD).reverse());
    expect(Object.keys(reversed)).not.toEqual(Object.keys(SPREAD));
    expect(runMonteCarlo(pathwayWith(reversed), 'policy', 200, 7)).toEqual(runMonteCarlo(pathway, 'policy', 200, 7));
  });

  it('any run replays alone', () => {
    const block = runMonteCarloChunk(pathway, 'policy', 11, 0, 40);
    const years = pathway.model.years;
    const alone = runMonteCarloChunk(pathway, 'policy', 11, 23, 1);
    expect(Array.from(alone.totals)).toEqual(Array.from(block.totals.subarray(23 * years, 24 * years)));
    expect(alone.peakYears[0]).toBe(block.peakYears[23]);
  });

  it('a different seed gives different numbers', () => {
    const a = runMonteCarlo(pathway, 'policy', 100, 1);
    const b = runMonteCarlo(pathway, 'policy', 100, 2);
    expect(a.percentiles.p50[10]).not.toBe(b.percentiles.p50[10]);
    expect(a.mean[18]).not.toBe(b.mean[18]);
    // Base year: no uncertain number acts on it.
    expect(a.percentiles.p50[0]).toBe(b.percentiles.p50[0]);
  });

  it('draws outside a parameter’s bounds are brought back and counted', () => {
    // The level (0.8, sd 0.3) must stay within 0–1: P(level > 1) = P(z > 0.667) ≈ 25 %, P(< 0) ≈ 0.4 %.
    const summary = runMonteCarlo(pathway, 'policy', 400, 3);
    const clamped = summary.clamped['actions.saving.adoption.level']!;
    expect(clamped / 400).toBeGreaterThan(0.18);
    expect(clamped / 400).toBeLessThan(0.33);
    expect(Object.keys(summary.clamped)).toEqual(['actions.saving.adoption.level']);
  });
});

describe('against the deterministic run', () => {
  it('no spread (normal sd 0, triangular min = mode = max, uniform min = max at the file’s value): P50 is the deterministic total', () => {
    const pathway = pathwayWith({
      'drivers.gdp.growth.2023': { normal: { sd: 0 } },
      'drivers.gdp.growth.2030': { triangular: { min: '1%', max: '1%' } },
      'sectors.industry.intensity.growth.2023': { uniform: { min: '-2%', max: '-2%' } },
      'actions.saving.adoption.level': { lognormal: { gsd: 1 } },
    });
    for (const scenario of ['bau', 'policy']) {
      const deterministic = runScenario(pathway, scenario);
      const summary = runMonteCarlo(pathway, scenario, 50, 99, 16);
      summary.percentiles.p50.forEach((value, y) => expect(closeTo(value, deterministic.total[y]!, 1e-9), `${scenario} ${2022 + y}`).toBe(true));
      summary.percentiles.p5.forEach((value, y) => expect(closeTo(value, deterministic.total[y]!, 1e-9)).toBe(true));
      summary.mean.forEach((value, y) => expect(closeTo(value, deterministic.total[y]!, 1e-9)).toBe(true));
      // The deterministic peak is 2029: peaked by a year is 0 before it and 1 from it on.
      expect(deterministic.peak.year).toBe(2029);
      for (let year = 2022; year <= 2040; year++) expect(summary.peakedBy[String(year)]).toBe(year < 2029 ? 0 : 1);
      expect(summary.peakYear).toEqual({ 2029: 1 });
      // Each target is met in every run or in none, as in the deterministic run.
      for (const target of deterministic.targets) expect(summary.targets[target.id]).toBe(target.met ? 1 : 0);
      expect(summary.clamped).toEqual({});
    }
    const policy = runScenario(pathway, 'policy');
    expect(policy.targets.map((target) => [target.id, target.met])).toEqual([
      ['peak', true],
      ['early', false],
      ['cap', false],
    ]);
  });

  it('with a small spread the median approaches the deterministic run', () => {
    const deterministic = runScenario(pathwayWith({}), 'policy').total;
    const error = (sd: string): number => {
      const summary = runMonteCarlo(pathwayWith({ 'drivers.gdp.growth.2023': { normal: { sd } }, 'drivers.gdp.growth.2030': { normal: { sd } } }), 'policy', 301, 5);
      return Math.max(...summary.percentiles.p50.map((value, y) => Math.abs(value - deterministic[y]!) / deterministic[y]!));
    };
    const wide = error('1%');
    const narrow = error('0.01%');
    // sd 1 % over 18 years moves single runs by ~±4 %; the median of 301 runs is within ~1 % of nominal.
    expect(wide).toBeGreaterThan(1e-5);
    expect(wide).toBeLessThan(0.02);
    // A hundred times less spread: a hundred times closer (the median scales with the draws).
    expect(narrow).toBeLessThan(wide / 20);
    expect(narrow).toBeLessThan(2e-4);
  });
});

describe('percentile (type 7, linear between order statistics)', () => {
  it('matches known values', () => {
    const sorted = [1, 2, 3, 4];
    // position = (n − 1) p: p50 → 1.5 → 2.5; p5 → 0.15 → 1.15; p95 → 2.85 → 3.85 (numpy.percentile).
    expect(percentile(sorted, 0.5)).toBe(2.5);
    expect(percentile(sorted, 0.05)).toBeCloseTo(1.15, 14);
    expect(percentile(sorted, 0.95)).toBeCloseTo(3.85, 14);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile(sorted, 1)).toBe(4);
    expect(percentile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(percentile([10, 20, 30, 40, 50], 0.1)).toBe(14);
    expect(percentile([7], 0.95)).toBe(7);
  });
});

describe('random draws against theory (100,000 draws)', () => {
  const N = 100_000;
  const sample = (distribution: Distribution, seed: number): Float64Array => {
    const uniform = runStream(seed, 0);
    return Float64Array.from({ length: N }, () => draw(distribution, uniform));
  };
  const mean = (values: Float64Array): number => values.reduce((sum, v) => sum + v, 0) / values.length;
  const sd = (values: Float64Array): number => {
    const m = mean(values);
    return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
  };
  const median = (values: Float64Array): number => percentile(Float64Array.from(values).sort(), 0.5);

  // Tolerances are about 5 standard errors: sd/√N for the mean, ≈ sd/√(2N) for the sd.
  it('normal(2, 3): mean 2, sd 3', () => {
    const values = sample({ kind: 'normal', mean: 2, sd: 3 }, 1);
    expect(Math.abs(mean(values) - 2)).toBeLessThan(0.05);
    expect(Math.abs(sd(values) - 3)).toBeLessThan(0.035);
    // About 68.3 % within one sd.
    expect(Math.abs(values.filter((v) => Math.abs(v - 2) < 3).length / N - 0.6827)).toBeLessThan(0.008);
  });

  it('uniform(1, 5): mean 3, sd 4/√12, within its bounds', () => {
    const values = sample({ kind: 'uniform', min: 1, max: 5 }, 2);
    expect(Math.abs(mean(values) - 3)).toBeLessThan(0.02);
    expect(Math.abs(sd(values) - 4 / Math.sqrt(12))).toBeLessThan(0.01);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...values)).toBeLessThan(5);
  });

  it('triangular(0, 1, 4): mean 5/3, variance 13/18, mode side 1/4 of the mass', () => {
    // mean (a + b + c)/3; variance (a² + b² + c² − ab − ac − bc)/18 = (0 + 1 + 16 − 0 − 0 − 4)/18; P(x < mode) = (c − a)/(b − a) = 1/4.
    const values = sample({ kind: 'triangular', min: 0, mode: 1, max: 4 }, 3);
    expect(Math.abs(mean(values) - 5 / 3)).toBeLessThan(0.015);
    expect(Math.abs(sd(values) - Math.sqrt(13 / 18))).toBeLessThan(0.01);
    expect(Math.abs(values.filter((v) => v < 1).length / N - 0.25)).toBeLessThan(0.007);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(4);
  });

  it('lognormal(median 10, gsd 1.5): median 10, log sd ln 1.5', () => {
    const sigma = Math.log(1.5);
    const values = sample({ kind: 'lognormal', median: 10, sigma }, 4);
    expect(Math.abs(median(values) / 10 - 1)).toBeLessThan(0.01);
    expect(Math.abs(sd(values.map(Math.log)) - sigma)).toBeLessThan(0.005);
    // Mean exp(σ²/2) above the median.
    expect(Math.abs(mean(values) / (10 * Math.exp(sigma ** 2 / 2)) - 1)).toBeLessThan(0.01);
  });

  it('streams: the same (seed, run) repeats; another run or seed differs', () => {
    const take = (seed: number, run: number): number[] => {
      const uniform = runStream(seed, run);
      return Array.from({ length: 5 }, () => uniform());
    };
    expect(take(7, 3)).toEqual(take(7, 3));
    expect(take(7, 4)).not.toEqual(take(7, 3));
    expect(take(8, 3)).not.toEqual(take(7, 3));
    for (const u of take(0, 0)) expect(u >= 0 && u < 1).toBe(true);
  });
});

describe('the probability of an official-basis target', () => {
  it('CO2 per GDP −20 % 2022→2030 with the intensity trend uniform in −4 %…−1 %/yr: P = ((0.8^(1/8) − 1) + 4 %) / 3 % = 0.4164', () => {
    // Coal only: energyCo2 per GDP ∝ (1 + g)^8 whatever GDP does; met iff g ≤ 0.8^(1/8) − 1 = −2.7508 %.
    const loaded = createEngine().compilePathway({
      pathway: {
        endYear: 2040,
        drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: '5%' } },
        sectors: { industry: { gpc: ['I.3'], driver: 'gdp', intensity: { growth: { 2023: '-2%' } } } },
        scenarios: { bau: { actions: [] } },
        targets: { co2PerGdp: { type: 'decline', of: 'co2PerGdp', from: 2022, periods: { 2030: '20%' } } },
        uncertainty: { 'sectors.industry.intensity.growth.2023': { uniform: { min: '-4%', max: '-1%' } } },
      },
      inventory: INVENTORY,
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    const expected = (0.8 ** (1 / 8) - 1 + 0.04) / 0.03;
    expect(expected).toBeCloseTo(0.4164, 4);
    const summary = runMonteCarlo(loaded.value, 'bau', 4000, 11);
    // Binomial sd √(0.4164 × 0.5836 / 4000) = 0.0078: four of them.
    expect(Math.abs(summary.targets['co2PerGdp']! - expected)).toBeLessThan(0.032);
  });
});

// Found by the fuzzer (test/fuzz, cluster target, on the members' grid factor): a triangular from −1e308 drew NaN
// (the product under its square root is beyond the doubles, its root is not), and one up to 1e308 t/MWh drew
// grid factors the model cannot compute with: NaN percentiles, printed as null.
describe('draws of extreme distributions', () => {
  it('a triangular whose product under the root overflows draws within its range, as the formula says', () => {
    const wide = { kind: 'triangular', min: -1e308, mode: 0.45, max: 0.5 } as const;
    const stream = runStream(5, 0);
    const draws = Array.from({ length: 1_000 }, () => draw(wide, stream));
    expect(draws.every((value) => Number.isFinite(value) && value >= -1e308 && value <= 0.5)).toBe(true);
    // Below the mode at u: min + √u·√(max − min)·√(mode − min); at u = 1/4 the product 2.5e615 overflows, the root is 5e307.
    expect(triangularQuantile(wide, 0.25)).toBeCloseTo(-1e308 + 5e307, -300);
    // Ordinary ranges keep the one-root formula, bit for bit.
    expect(triangularQuantile({ kind: 'triangular', min: 0, mode: 1, max: 4 }, 0.1)).toBe(Math.sqrt(0.1 * 4 * 1));
  });

  it('refuses a distribution whose draws reach values the model cannot compute with, at its entry', () => {
    const compile = (uncertainty: Fields) =>
      createEngine().compilePathway({
        pathway: {
          endYear: 2040,
          drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: '5%' } },
          sectors: { industry: { gpc: ['I.3'], driver: 'gdp', intensity: { growth: '-2%' } } },
          scenarios: { bau: { actions: [] } },
          uncertainty,
        },
        inventory: INVENTORY,
      });
    const huge = compile({ 'sectors.industry.intensity.growth': { triangular: { min: '-3%', max: '1e306%' } } });
    expect(!huge.ok && huge.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['uncertainty.sectors.industry.intensity.growth', 'overflow']]);
    // Below the bound that brings draws back (a growth ≥ −100 %), a normal's far tail is harmless.
    expect(compile({ 'sectors.industry.intensity.growth': { normal: { sd: '50%' } } }).ok).toBe(true);
  });
});
