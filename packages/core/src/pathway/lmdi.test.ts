/**
 * LMDI-I decomposition: a worked case by hand, single-factor cases, the zero-value and sign rules,
 * invalid input, and properties with a logged seed (replay: FC_SEED=<seed>): no residual, per sector
 * and in total; exact time reversal; an accurate logarithmic mean when two years are almost equal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeTo, propertySettings } from '../../../../test/support/fast-check.ts';
import { decompose, LMDI_FACTORS, type Decomposition, type KayaSector, type KayaYear, type LmdiFactor } from './lmdi.ts';

type Effects = Readonly<Record<LmdiFactor, number>>;

function sector(id: string, energy: number, energyEmissions: number, otherEmissions = 0): KayaSector {
  return { id, energy, energyEmissions, otherEmissions };
}

function year(population: number, gdp: number, ...sectors: KayaSector[]): KayaYear {
  return { population, gdp, sectors };
}

/** Σ |term| over both years: the scale the no-residual tolerance is relative to. */
function termScale(from: KayaYear, to: KayaYear): number {
  return [...from.sectors, ...to.sectors].reduce((sum, s) => sum + Math.abs(s.energyEmissions) + Math.abs(s.otherEmissions), 0);
}

const sumOf = (effects: Effects) => LMDI_FACTORS.reduce((sum, factor) => sum + effects[factor], 0);

/** Each factor's effect is as expected (absent factors: 0) within `tolerance` tCO2e. */
function expectEffects(effects: Effects, expected: Partial<Record<LmdiFactor, number>>, tolerance = 1e-6): void {
  for (const factor of LMDI_FACTORS) {
    expect(Math.abs(effects[factor] - (expected[factor] ?? 0)), `${factor}: ${effects[factor]} vs ${expected[factor] ?? 0}`).toBeLessThanOrEqual(tolerance);
  }
}

function sectorEffects(result: Decomposition, id: string): Effects {
  const found = result.bySector.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no sector ${id}`);
  return found.effects;
}

const L = (a: number, b: number) => (a === b ? a : (a - b) / Math.log(a / b));

describe('decompose: a worked case', () => {
  // Two sectors; population ×1.25, GDP ×2 (so affluence ×1.6), energy 4e6 → 8e6 tce (so E/G is unchanged).
  //
  //                      from                                   to
  //   P, G               2e6 persons, 2e11 CNY                  2.5e6, 4e11
  //   industry           E 3e6, C_e 9e6 (3 t/tce), C_o 1e6      E 4e6, C_e 1e7 (2.5 t/tce), C_o 1.5e6
  //   buildings          E 1e6, C_e 2e6 (2 t/tce), C_o 2e5      E 4e6, C_e 6e6 (1.5 t/tce), C_o 2e5
  //   total              12.2e6 tCO2e                           17.7e6 tCO2e        change 5.5e6
  //
  // Factor ratios (to / from) per term, their product the term's ratio:
  //   industry energy   9e6 → 1e7   1.25 · 1.6 · 1 · (1/2 ÷ 3/4 = 2/3) · (2.5/3 = 5/6) = 10/9
  //   buildings energy  2e6 → 6e6   1.25 · 1.6 · 1 · (1/2 ÷ 1/4 = 2)   · (1.5/2 = 3/4) = 3
  //   industry other    1e6 → 1.5e6 1.25 · 1.6 · (1.5e6/4e11 ÷ 1e6/2e11 = 3/4)          = 3/2
  //   buildings other   2e5 → 2e5   1.25 · 1.6 · (2e5/4e11 ÷ 2e5/2e11 = 1/2)            = 1
  // Weights L(C^T, C^0): 1e6/ln(10/9) = 9,491,221.58; 4e6/ln 3 = 3,640,956.91; 5e5/ln 1.5 = 1,233,151.73;
  // L(2e5, 2e5) = 2e5. Their sum S = 14,565,330.22.
  //   population         S · ln 1.25                               =  3,250,159.51
  //   affluence          S · ln 1.6                                =  6,845,758.06
  //   energyIntensity    S_energy · ln 1                           =          0
  //   structure          9,491,221.58 · ln(2/3) + 3,640,956.91 · ln 2   = −1,324,640.17
  //   carbonIntensity    9,491,221.58 · ln(5/6) + 3,640,956.91 · ln 0.75 = −2,777,892.32
  //   nonEnergyIntensity 1,233,151.73 · ln 0.75 + 2e5 · ln 0.5          =   −493,385.08
  //   sum                                                          =  5,500,000.00
  const from = year(2e6, 2e11, sector('industry', 3e6, 9e6, 1e6), sector('buildings', 1e6, 2e6, 2e5));
  const to = year(2.5e6, 4e11, sector('industry', 4e6, 1e7, 1.5e6), sector('buildings', 4e6, 6e6, 2e5));
  const result = decompose(from, to);
  const [industryEnergy, buildingsEnergy, industryOther, buildingsOther] = [L(1e7, 9e6), L(6e6, 2e6), L(1.5e6, 1e6), 2e5];
  const weights = industryEnergy + buildingsEnergy + industryOther + buildingsOther;

  it('gives each factor its effect', () => {
    expect(result.change).toBeCloseTo(5.5e6, 6);
    expectEffects(result.effects, {
      population: weights * Math.log(1.25),
      affluence: weights * Math.log(1.6),
      structure: industryEnergy * Math.log(2 / 3) + buildingsEnergy * Math.log(2),
      carbonIntensity: industryEnergy * Math.log(5 / 6) + buildingsEnergy * Math.log(0.75),
      nonEnergyIntensity: industryOther * Math.log(0.75) + buildingsOther * Math.log(0.5),
    });
    // The figures of the comment, independently of the expressions above.
    expect(result.effects.population).toBeCloseTo(3_250_159.51, 2);
    expect(result.effects.affluence).toBeCloseTo(6_845_758.06, 2);
    expect(result.effects.structure).toBeCloseTo(-1_324_640.17, 2);
    expect(result.effects.carbonIntensity).toBeCloseTo(-2_777_892.32, 2);
    expect(result.effects.nonEnergyIntensity).toBeCloseTo(-493_385.08, 2);
    expect(sumOf(result.effects)).toBeCloseTo(5.5e6, 6);
  });

  it('gives each sector its effects', () => {
    expect(result.bySector.map((entry) => [entry.id, entry.change])).toEqual([
      ['industry', 1.5e6],
      ['buildings', 4e6],
    ]);
    expectEffects(sectorEffects(result, 'industry'), {
      population: (industryEnergy + industryOther) * Math.log(1.25),
      affluence: (industryEnergy + industryOther) * Math.log(1.6),
      structure: industryEnergy * Math.log(2 / 3),
      carbonIntensity: industryEnergy * Math.log(5 / 6),
      nonEnergyIntensity: industryOther * Math.log(0.75),
    });
    expectEffects(sectorEffects(result, 'buildings'), {
      population: (buildingsEnergy + buildingsOther) * Math.log(1.25),
      affluence: (buildingsEnergy + buildingsOther) * Math.log(1.6),
      structure: buildingsEnergy * Math.log(2),
      carbonIntensity: buildingsEnergy * Math.log(0.75),
      nonEnergyIntensity: buildingsOther * Math.log(0.5),
    });
  });
});

describe('decompose: one factor at a time', () => {
  const base = year(1e6, 1e11, sector('industry', 3e6, 9e6, 1e6), sector('buildings', 1e6, 2e6, 5e5));

  it('population alone: everything grows by 10% → all in population', () => {
    const grown = year(1.1e6, 1.1e11, sector('industry', 3.3e6, 9.9e6, 1.1e6), sector('buildings', 1.1e6, 2.2e6, 5.5e5));
    const result = decompose(base, grown);
    expect(result.change).toBeCloseTo(1.25e6, 6);
    expectEffects(result.effects, { population: result.change });
  });

  it('the grid decarbonises: energy emissions −20%, energy unchanged → all in carbonIntensity', () => {
    const cleaner = year(1e6, 1e11, sector('industry', 3e6, 7.2e6, 1e6), sector('buildings', 1e6, 1.6e6, 5e5));
    const result = decompose(base, cleaner);
    expect(result.change).toBeCloseTo(-2.2e6, 6);
    expectEffects(result.effects, { carbonIntensity: -2.2e6 });
    expectEffects(sectorEffects(result, 'industry'), { carbonIntensity: -1.8e6 });
  });

  it('energy moves from industry (3 t/tce) to buildings (2 t/tce) → all in structure', () => {
    const shifted = year(1e6, 1e11, sector('industry', 2e6, 6e6, 1e6), sector('buildings', 2e6, 4e6, 5e5));
    const result = decompose(base, shifted);
    expect(result.change).toBe(-1e6);
    expectEffects(result.effects, { structure: -1e6 });
    expectEffects(sectorEffects(result, 'industry'), { structure: -3e6 });
    expectEffects(sectorEffects(result, 'buildings'), { structure: 2e6 });
  });

  it('a shift between sectors of equal carbon intensity moves emissions between sectors, not the total', () => {
    const from = year(1e6, 1e11, sector('a', 3e6, 6e6), sector('b', 1e6, 2e6));
    const to = year(1e6, 1e11, sector('a', 1e6, 2e6), sector('b', 3e6, 6e6));
    const result = decompose(from, to);
    expect(result.change).toBe(0);
    expectEffects(result.effects, {});
    expectEffects(sectorEffects(result, 'a'), { structure: -4e6 });
    expectEffects(sectorEffects(result, 'b'), { structure: 4e6 });
  });

  it('GDP +50% at the same energy and emissions: affluence and intensities cancel, with weight L(C, C) = C', () => {
    const richer = year(1e6, 1.5e11, ...base.sectors);
    const result = decompose(base, richer);
    expect(result.change).toBe(0);
    expectEffects(result.effects, {
      affluence: 12.5e6 * Math.log(1.5),
      energyIntensity: -11e6 * Math.log(1.5),
      nonEnergyIntensity: -1.5e6 * Math.log(1.5),
    });
  });
});

describe('decompose: zero values (Ang & Liu 2007) and negative terms', () => {
  const industry = sector('industry', 4e6, 1e7, 2e6);
  const from = (...more: KayaSector[]) => year(1e6, 1e11, industry, ...more);
  const to = from;

  const cases: { name: string; from: KayaYear; to: KayaYear; id: string; effects: Partial<Record<LmdiFactor, number>> }[] = [
    { name: 'a new energy use → structure', from: from(sector('h2', 0, 0)), to: to(sector('h2', 5e5, 4e5)), id: 'h2', effects: { structure: 4e5 } },
    { name: 'a vanished energy use → structure', from: from(sector('coal', 5e5, 1.3e6)), to: to(sector('coal', 0, 0)), id: 'coal', effects: { structure: -1.3e6 } },
    {
      name: 'a fully decarbonised sector (energy kept) → carbonIntensity',
      from: from(sector('transport', 1e6, 2.5e6)),
      to: to(sector('transport', 1e6, 0)),
      id: 'transport',
      effects: { carbonIntensity: -2.5e6 },
    },
    {
      name: 'emissions appearing on energy already used → carbonIntensity',
      from: from(sector('transport', 1e6, 0)),
      to: to(sector('transport', 1e6, 2.5e6)),
      id: 'transport',
      effects: { carbonIntensity: 2.5e6 },
    },
    { name: 'a new zero-emission energy use → nothing', from: from(sector('solar', 0, 0)), to: to(sector('solar', 1e5, 0)), id: 'solar', effects: {} },
    { name: 'non-energy emissions appearing → nonEnergyIntensity', from: from(sector('waste', 0, 0, 0)), to: to(sector('waste', 0, 0, 3e5)), id: 'waste', effects: { nonEnergyIntensity: 3e5 } },
    { name: 'non-energy emissions vanishing → nonEnergyIntensity', from: from(sector('waste', 0, 0, 3e5)), to: to(sector('waste', 0, 0, 0)), id: 'waste', effects: { nonEnergyIntensity: -3e5 } },
    { name: 'a sink growing (negative in both years) → other', from: from(sector('land', 0, 0, -5e5)), to: to(sector('land', 0, 0, -8e5)), id: 'land', effects: { other: -3e5 } },
    { name: 'a source turning into a sink → other', from: from(sector('land', 0, 0, 1e5)), to: to(sector('land', 0, 0, -2e5)), id: 'land', effects: { other: -3e5 } },
    { name: 'a sink appearing from zero → other', from: from(sector('land', 0, 0, 0)), to: to(sector('land', 0, 0, -1e5)), id: 'land', effects: { other: -1e5 } },
    { name: 'negative energy emissions (BECCS) → other', from: from(sector('beccs', 1e5, -1e5)), to: to(sector('beccs', 2e5, -3e5)), id: 'beccs', effects: { other: -2e5 } },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = decompose(testCase.from, testCase.to);
      expectEffects(sectorEffects(result, testCase.id), testCase.effects);
      expect(sumOf(result.effects)).toBeCloseTo(result.change, 6);
    });
  }

  it('a term zero in both years contributes nothing while the factors around it change', () => {
    const result = decompose(year(1e6, 1e11, industry, sector('idle', 0, 0, 0)), year(2e6, 3e11, sector('industry', 5e6, 1e7, 2e6), sector('idle', 0, 0, 0)));
    expectEffects(sectorEffects(result, 'idle'), {});
    expect(sumOf(result.effects)).toBeCloseTo(result.change, 6);
  });

  it('a city with no energy in one year: the energy terms go to energyIntensity (E/G is the factor that is zero)', () => {
    const noEnergy = year(1e6, 1e11, sector('a', 0, 0, 1e6), sector('b', 0, 0));
    const withEnergy = year(1e6, 1e11, sector('a', 1e6, 3e6, 1e6), sector('b', 1e6, 2e6));
    expectEffects(decompose(noEnergy, withEnergy).effects, { energyIntensity: 5e6 });
    expectEffects(decompose(withEnergy, noEnergy).effects, { energyIntensity: -5e6 });
  });
});

describe('decompose: invalid input throws', () => {
  const good = year(1e6, 1e11, sector('a', 1e6, 2e6, 1e5), sector('b', 2e6, 3e6));
  const cases: { name: string; from: KayaYear; to?: KayaYear; message: RegExp }[] = [
    { name: 'zero population', from: { ...good, population: 0 }, message: /from\.population must be a finite number > 0, got 0/ },
    { name: 'negative population', from: { ...good, population: -1 }, message: /from\.population/ },
    { name: 'NaN population', from: { ...good, population: Number.NaN }, message: /from\.population .* got NaN/ },
    { name: 'zero GDP in the later year', from: good, to: { ...good, gdp: 0 }, message: /to\.gdp must be a finite number > 0/ },
    { name: 'infinite GDP', from: { ...good, gdp: Infinity }, message: /from\.gdp .* got Infinity/ },
    { name: 'a sector missing', from: good, to: year(1e6, 1e11, sector('a', 1e6, 2e6)), message: /same sectors in the same order, got \[a, b\] and \[a\]/ },
    { name: 'sectors in another order', from: good, to: year(1e6, 1e11, sector('b', 2e6, 3e6), sector('a', 1e6, 2e6)), message: /same sectors in the same order/ },
    { name: 'another sector id', from: good, to: year(1e6, 1e11, sector('a', 1e6, 2e6), sector('c', 2e6, 3e6)), message: /got \[a, b\] and \[a, c\]/ },
    { name: 'a sector twice', from: year(1e6, 1e11, sector('a', 1, 1), sector('a', 1, 1)), message: /from sector "a" appears twice/ },
    { name: 'negative energy', from: year(1e6, 1e11, sector('a', -1, 0)), message: /sector "a": energy must be a finite number ≥ 0, got -1/ },
    { name: 'NaN emissions', from: year(1e6, 1e11, sector('a', 1, 1, Number.NaN)), message: /sector "a": emissions must be finite/ },
    { name: 'energy emissions without energy', from: good, to: year(1e6, 1e11, sector('a', 1e6, 2e6), sector('b', 0, 5)), message: /to sector "b" has 5 tCO2e of energy emissions but no energy/ },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(() => decompose(testCase.from, testCase.to ?? good)).toThrow(testCase.message);
    });
  }
});

describe('decompose: properties', () => {
  const positive = fc.double({ min: 1e-3, max: 1e9, noNaN: true });
  const withZero = (arbitrary: fc.Arbitrary<number>) => fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary, weight: 4 });
  const population = fc.double({ min: 1e3, max: 1e8, noNaN: true });
  const gdp = fc.double({ min: 1e6, max: 1e15, noNaN: true });
  const carbonIntensity = fc.double({ min: 1e-3, max: 10, noNaN: true });

  /** A year of `count` sectors; `general` adds zeros and negative other emissions (sinks). */
  const yearOf = (count: number, general: boolean): fc.Arbitrary<KayaYear> => {
    const energy = general ? withZero(positive) : positive;
    const intensity = general ? withZero(carbonIntensity) : carbonIntensity;
    const other = general ? fc.oneof(withZero(positive), positive.map((value) => -value)) : positive;
    const sectorArbitrary = fc.tuple(energy, intensity, other);
    return fc.record({ population, gdp, sectors: fc.array(sectorArbitrary, { minLength: count, maxLength: count }) }).map((drawn) => ({
      population: drawn.population,
      gdp: drawn.gdp,
      sectors: drawn.sectors.map(([e, ci, o], index) => sector(`s${index}`, e, e * ci, o)),
    }));
  };
  const yearPair = (general: boolean) => fc.integer({ min: 1, max: 6 }).chain((count) => fc.tuple(yearOf(count, general), yearOf(count, general)));
  const anyPair = fc.oneof(yearPair(false), yearPair(true));

  it('no residual: effects sum to the change, in total and per sector; sectors sum to the totals', () => {
    fc.assert(
      fc.property(anyPair, ([from, to]) => {
        const result = decompose(from, to);
        const tolerance = 1e-9 * termScale(from, to);
        const expectedChange = to.sectors.reduce((s, x) => s + x.energyEmissions + x.otherEmissions, 0) - from.sectors.reduce((s, x) => s + x.energyEmissions + x.otherEmissions, 0);
        expect(Math.abs(result.change - expectedChange)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(sumOf(result.effects) - result.change)).toBeLessThanOrEqual(tolerance);
        result.bySector.forEach((entry, index) => {
          const [s0, sT] = [from.sectors[index]!, to.sectors[index]!];
          expect(entry.id).toBe(s0.id);
          expect(entry.change).toBe(sT.energyEmissions + sT.otherEmissions - (s0.energyEmissions + s0.otherEmissions));
          expect(Math.abs(sumOf(entry.effects) - entry.change)).toBeLessThanOrEqual(1e-9 * termScale(year(1, 1, s0), year(1, 1, sT)));
        });
        for (const factor of LMDI_FACTORS) {
          const bySector = result.bySector.reduce((sum, entry) => sum + entry.effects[factor], 0);
          expect(Math.abs(bySector - result.effects[factor])).toBeLessThanOrEqual(1e-12 * termScale(from, to));
        }
      }),
      propertySettings('lmdi: no residual'),
    );
  });

  it('positive terms in both years leave nothing to other', () => {
    fc.assert(
      fc.property(yearPair(false), ([from, to]) => {
        expect(decompose(from, to).effects.other).toBe(0);
      }),
      propertySettings('lmdi: positive terms'),
    );
  });

  it('time reversal: decompose(b, a) negates decompose(a, b) exactly', () => {
    fc.assert(
      fc.property(anyPair, ([a, b]) => {
        const forward = decompose(a, b);
        const reversed = decompose(b, a);
        expect(forward.change + reversed.change).toBe(0);
        for (const factor of LMDI_FACTORS) {
          expect(forward.effects[factor] + reversed.effects[factor]).toBe(0);
          forward.bySector.forEach((entry, index) => expect(entry.effects[factor] + reversed.bySector[index]!.effects[factor]).toBe(0));
        }
      }),
      propertySettings('lmdi: time reversal'),
    );
  });

  it('the logarithmic mean stays accurate when the two years are almost equal', () => {
    // Population and emissions change by parts in 1e10: ln a − ln b would lose ~5 of 16 digits of L.
    const tiny = fc.double({ min: -1e-10, max: 1e-10, noNaN: true });
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), tiny, tiny, (emissions, populationChange, emissionsChange) => {
        const [p0, pT] = [1e6, 1e6 * (1 + populationChange)];
        const [c0, cT] = [emissions, emissions * (1 + emissionsChange)];
        const result = decompose(year(p0, 1e11, sector('a', 1, c0)), year(pT, 1e11, sector('a', 1, cT)));
        // For a ≈ b, L(a, b) = √(ab) to a relative (ln(a/b))²/24 ≈ 1e-21.
        const expected = Math.sqrt(c0 * cT) * Math.log1p((pT - p0) / p0);
        expect(closeTo(result.effects.population, expected, 1e-9)).toBe(true);
      }),
      propertySettings('lmdi: near-equal years'),
    );
  });
});
