/**
 * The worked climate-positive example of docs/districts.md, by hand: the district Eco Park, 2022, AR5 (CH4 × 28),
 * grid CN-east-2022 = 0.5617 tCO2/MWh, emissions given as measured gases. It passes only with its credits from
 * outside the boundary, and fails without them; a credit without evidence is not counted.
 */
import { describe, expect, it } from 'vitest';
import { runInventory } from '../index.ts';
import { assessClimatePositive, type Abatement, type ClimatePositiveResult } from './climate-positive.ts';
import { climatePositiveCriterion, nearZeroSets, parseNearZeroSet } from './criteria.ts';
import { assessNearZero } from './near-zero.ts';

const run = runInventory({
  city: { name: 'Eco Park', country: 'CN' },
  year: 2022,
  gwp: 'AR5',
  grid: 'CN-east-2022',
  activities: [
    { gpc: 'I.1.2', energy: 'electricity', amount: 10_000, unit: 'MWh' }, // energy: 10,000 × 0.5617 = 5,617
    { gpc: 'I.2.1', gas: 'CO2', amount: 2_000, unit: 't' }, // energy: 2,000
    { gpc: 'I.4.4', gas: 'CO2', amount: 3_000, unit: 't' }, // out: generation for the grid (territorial only)
    { gpc: 'II.1.1', gas: 'CO2', amount: 1_500, unit: 't' }, // transport: 1,500
    { gpc: 'II.1.3', gas: 'CO2', amount: 300, unit: 't' }, // transport: 300 (BASIC+ trips across the boundary)
    { gpc: 'III.1.2', gas: 'CH4', amount: 20, unit: 't' }, // waste: 20 × 28 = 560
    { gpc: 'III.1.3', gas: 'CH4', amount: 50, unit: 't' }, // out: others' waste treated here
    { gpc: 'IV.1.1', gas: 'CO2', amount: 400, unit: 't' }, // out: IPPU is not operational
  ],
});
if (!run.ok) throw new Error(JSON.stringify(run.issues));
const ecoPark = { id: 'eco-park', result: run.result };

const ABATEMENTS: Abatement[] = [
  { id: 'pv-export', kind: 'on-site', tco2e: 4_000, description: 'rooftop PV exported to the grid', evidence: { document: 'grid settlement 2022-117', issuer: 'State Grid' } },
  { id: 'retrofit-neighbour', kind: 'outside', tco2e: 7_000, evidence: { document: 'verification report VR-2023-08', issuer: 'third-party verifier' } },
  { id: 'tree-planting', kind: 'outside', tco2e: 2_000, description: 'no evidence given' },
];

function assess(abatements: readonly Abatement[] = ABATEMENTS): ClimatePositiveResult {
  const result = assessClimatePositive(ecoPark, abatements);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('worked example: climate positive only with its credits', () => {
  it('takes the operational rows: energy, transport, waste', () => {
    const { operational } = assess();
    expect(operational.energy).toBeCloseTo(7_617, 6); // 5,617 + 2,000
    expect(operational.transport).toBe(1_800); // 1,500 + 300
    expect(operational.waste).toBe(560);
    expect(operational.total).toBeCloseTo(9_977, 6);
    expect(operational.rows.map((row) => row.gpc)).toEqual(['I.1.2', 'I.2.1', 'II.1.1', 'II.1.3', 'III.1.2']);
  });

  it('passes with its credits: 9,977 − 4,000 − 7,000 = −1,023', () => {
    const value = assess();
    expect(value.onSite).toBe(4_000);
    expect(value.outside).toBe(7_000);
    expect(value.net).toBeCloseTo(-1_023, 6);
    expect(value.pass).toBe(true);
    // Without credits from outside: 9,977 − 4,000 = 5,977, not below zero.
    expect(value.netWithoutCredits).toBeCloseTo(5_977, 6);
    expect(value.passWithoutCredits).toBe(false);
    expect(value.counted.map((abatement) => abatement.id)).toEqual(['pv-export', 'retrofit-neighbour']);
    expect(value.text.en).toBe('operational 9,977 − on-site 4,000 − credits from outside 7,000 = net -1,023 tCO2e: below zero, climate positive (criterion [V])');
  });

  it('does not count a credit without evidence, and says so', () => {
    const value = assess();
    expect(value.refused).toEqual([expect.objectContaining({ reason: 'no-evidence', abatement: expect.objectContaining({ id: 'tree-planting' }) })]);
    expect(value.refused[0]!.text.en).toBe('tree-planting (2,000 tCO2e) is not counted: it states no evidence');
  });

  it('fails without the credits from outside', () => {
    const value = assess(ABATEMENTS.filter((abatement) => abatement.kind === 'on-site'));
    expect(value.net).toBeCloseTo(5_977, 6);
    expect(value.pass).toBe(false);
  });

  it('states the criterion with its source, seen in C40’s program page', () => {
    const value = assess();
    expect(value.criterion.id).toBe('c40-climate-positive');
    expect(value.criterion.verification).toBe('V');
    expect(value.criterion.source).toContain('https://www.c40.org/other/climate-positive-development-program');
    expect(climatePositiveCriterion().operationalRows.en).toContain('I.4.4');
  });

  it('refuses a credit that is not a positive figure, or whose id repeats', () => {
    const result = assessClimatePositive(ecoPark, [
      { id: 'a', kind: 'outside', tco2e: -5, evidence: { document: 'x' } },
      { id: 'a', kind: 'on-site', tco2e: 5, evidence: { document: 'y' } },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['abatements.0.tco2e', 'credit-not-positive'], ['abatements.1.id', 'duplicate-credit']]);
  });
});

describe('near-zero-carbon demonstration zone: criteria as data', () => {
  it('ships the one set as the user\'s input, labelled so (no published set confirmed)', () => {
    const sets = nearZeroSets();
    expect(sets.map((set) => [set.id, set.source.kind])).toEqual([['user-input-example', 'user-input']]);
  });

  it('checks Eco Park on the shipped set, with the figures and the credits used', () => {
    const set = nearZeroSets()[0]!;
    const result = assessNearZero(assess(), set, { population: 5_000, baseline: 30_000 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const [perCapita, reduction] = result.value.criteria;
    // −1,023 / 5,000 = −0.2046 tCO2e a resident, ≤ 1: pass.
    expect(perCapita!.value).toBeCloseTo(-0.2046, 10);
    expect(perCapita!.figures).toEqual({ emissions: expect.closeTo(-1_023, 6), population: 5_000 });
    expect(perCapita!.creditsUsed.map((credit) => credit.id)).toEqual(['pv-export', 'retrofit-neighbour']);
    expect(perCapita!.pass).toBe(true);
    // (30,000 − (−1,023)) / 30,000 = 1.0341, ≥ 0.8: pass.
    expect(reduction!.value).toBeCloseTo(1.0341, 10);
    expect(reduction!.pass).toBe(true);
    expect(result.value.pass).toBe(true);
  });

  it('takes a user\'s set through the same schema: gross per person fails, per GDP passes', () => {
    const parsed = parseNearZeroSet({
      id: 'mine',
      name: { en: 'My criteria', zh: '我的标准' },
      province: null,
      source: { kind: 'user-input', citation: null, note: { en: 'ours', zh: '自定' } },
      criteria: [
        { id: 'gross-per-capita', label: { en: 'gross per resident', zh: '人均总排放' }, indicator: 'per-capita', basis: 'gross', comparison: 'at-most', threshold: 1, unit: 'tCO2e/person' },
        { id: 'gross-per-gdp', label: { en: 'gross per GDP', zh: '单位 GDP 排放' }, indicator: 'per-gdp', basis: 'gross', comparison: 'at-most', threshold: 0.05, unit: 'tCO2e/万元' },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const result = assessNearZero(assess(), parsed.value, { population: 5_000, gdpWanYuan: 200_000 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    // 9,977 / 5,000 = 1.9954 > 1: fail; 9,977 / 200,000 = 0.049885 ≤ 0.05: pass. Gross: no credits used.
    expect(result.value.criteria.map((criterion) => [criterion.id, criterion.value, criterion.pass, criterion.creditsUsed.length])).toEqual([
      ['gross-per-capita', expect.closeTo(1.9954, 10), false, 0],
      ['gross-per-gdp', expect.closeTo(0.049885, 10), true, 0],
    ]);
    expect(result.value.pass).toBe(false);
  });

  it('refuses a set that is not one, with the path; and a criterion without its figure', () => {
    const parsed = parseNearZeroSet({ id: 'bad', name: { en: 'x', zh: 'x' }, province: null, source: { kind: 'user-input', citation: null, note: { en: 'x', zh: 'x' } }, criteria: [{ id: 'c', label: { en: 'x', zh: 'x' }, indicator: 'per-capita', basis: 'net', comparison: 'at-most', threshold: 1, unit: 'tCO2e' }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((issue) => issue.path.join('.'))).toEqual(['criteria.0.unit']);
    const missing = assessNearZero(assess(), nearZeroSets()[0]!, {});
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues.map((issue) => issue.code)).toEqual(['population-missing', 'baseline-missing']);
  });

  // Found by the fuzzer (test/fuzz, district target): 9,977 tCO2e ÷ 5e-324 residents was a verdict of −Infinity
  // tCO2e/person, and two credits of 1e308 tCO2e a net of −Infinity.
  it('refuses a figure that divides the emissions beyond the doubles, and credits that add up beyond them', () => {
    const tiny = assessNearZero(assess(), nearZeroSets()[0]!, { population: 5e-324, gdpWanYuan: 200_000, baseline: 1e-320 });
    expect(!tiny.ok && tiny.issues.map((issue) => [issue.path.join('.'), issue.code, issue.text.en])).toEqual([
      ['population', 'figure-out-of-range', 'the emissions divided by this figure are beyond the numbers that can be computed: check its value and unit (got 5e-324)'],
      ['baseline', 'figure-out-of-range', 'the emissions divided by this figure are beyond the numbers that can be computed: check its value and unit (got 1e-320)'],
    ]);
    // Small but not that small: a figure, however odd, that gives a finite value is a verdict.
    const small = assessNearZero(assess(), nearZeroSets()[0]!, { population: 1e-300, gdpWanYuan: 200_000, baseline: 30_000 });
    expect(small.ok && small.value.criteria.every((criterion) => Number.isFinite(criterion.value))).toBe(true);
    const evidence = { document: 'x' };
    const huge = assessClimatePositive(ecoPark, [
      { id: 'a', kind: 'outside', tco2e: 1e308, evidence },
      { id: 'b', kind: 'outside', tco2e: 1e308, evidence },
    ]);
    expect(!huge.ok && huge.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['abatements', 'credits-out-of-range']]);
  });
});
