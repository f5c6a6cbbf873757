/**
 * Additive LMDI-I decomposition of a city's emission change between two years: how much of the change
 * came from more people, more output per person, less energy per unit of output, a shift between
 * sectors, cleaner energy, and non-energy emissions (Ang 2004, "Decomposition analysis for policymaking
 * in energy", Energy Policy 32; Ang 2005, "The LMDI approach to decomposition analysis: a practical
 * guide", Energy Policy 33).
 *
 * The identity. Total emissions C = Σ_i (C_i^energy + C_i^other), each term a product of factors:
 *
 *   C_i^energy = P · (G/P) · (E/G) · (E_i/E) · (C_i^energy/E_i),   E = Σ_i E_i
 *                population · affluence · energyIntensity · structure · carbonIntensity
 *   C_i^other  = P · (G/P) · (C_i^other/G)
 *                population · affluence · nonEnergyIntensity
 *
 * with P persons, G GDP (CNY, constant prices), E_i final energy (tce) of sector i.
 *
 * The effect of factor x on a term between years 0 and T is L(C^T, C^0) · ln(x^T / x^0), with the
 * logarithmic mean L(a, b) = (a − b) / (ln a − ln b), L(a, a) = a. A term's effects sum to C^T − C^0
 * exactly (Σ_x ln(x^T/x^0) = ln(C^T/C^0)): there is no residual. Terms:
 *
 * - positive in both years: the formula above;
 * - zero in one year, positive in the other: ln is undefined, so the analytical limit of Ang & Liu (2007,
 *   "Handling zero values in the LMDI decomposition approach", Energy Policy 35) applies: the whole change
 *   goes to the factor that is zero in that year — `structure` for an energy term whose sector's energy
 *   goes to or comes from zero (`energyIntensity` instead when the city's total energy E is zero that
 *   year, since E_i/E is then 0/0 and E/G is the factor that vanishes), `carbonIntensity` for an energy
 *   term whose energy is positive in both years (fully decarbonised, or newly emitting), and
 *   `nonEnergyIntensity` for a non-energy term;
 * - negative in either year, so negative throughout or changing sign (a sink, e.g. AFOLU land): not
 *   log-decomposable; the whole change goes to `other`;
 * - zero in both years: nothing.
 *
 * LMDI-I is time-reversal consistent: decompose(b, a) gives the negated effects of decompose(a, b). The
 * arithmetic here keeps that exact in floating point (L and the log ratios are computed symmetrically).
 */

/** One year of a pathway, as the decomposition needs it. Quantities in base units. */
export interface KayaYear {
  /** Persons (> 0). */
  readonly population: number;
  /** CNY, constant prices (> 0). */
  readonly gdp: number;
  /** The same ids, in the same order, in both years. */
  readonly sectors: readonly KayaSector[];
}

export interface KayaSector {
  readonly id: string;
  /** tce of final energy (≥ 0). */
  readonly energy: number;
  /** tCO2e from energy use in this sector (lines with energy); zero when `energy` is zero. */
  readonly energyEmissions: number;
  /** tCO2e not tied to energy (process, waste, agriculture, land); may be negative for sinks. */
  readonly otherEmissions: number;
}

export const LMDI_FACTORS = ['population', 'affluence', 'energyIntensity', 'structure', 'carbonIntensity', 'nonEnergyIntensity', 'other'] as const;
export type LmdiFactor = (typeof LMDI_FACTORS)[number];

export interface Decomposition {
  /** Total emissions of `to` minus total emissions of `from`, tCO2e. */
  readonly change: number;
  /** Each factor's effect, tCO2e; they sum to `change` (to floating-point rounding). */
  readonly effects: Readonly<Record<LmdiFactor, number>>;
  /** The same per sector, in the order of the input; their effects sum to `effects`. */
  readonly bySector: readonly { id: string; change: number; effects: Readonly<Record<LmdiFactor, number>> }[];
}

type Effects = Record<LmdiFactor, number>;

/** A factor's value in the `from` and the `to` year. */
type FactorValues = readonly [factor: LmdiFactor, from: number, to: number];

/** The factors of a year that every sector's terms share. */
interface YearFactors {
  readonly population: number;
  /** G/P, CNY per person. */
  readonly affluence: number;
  /** E = Σ_i E_i, tce. */
  readonly energy: number;
  /** E/G, tce per CNY. */
  readonly energyIntensity: number;
  readonly gdp: number;
}

/** Decomposes the change of total emissions from `from` to `to` into the effects of LMDI_FACTORS. */
export function decompose(from: KayaYear, to: KayaYear): Decomposition {
  checkYear(from, 'from');
  checkYear(to, 'to');
  checkSameSectors(from, to);
  const year0 = yearFactors(from);
  const yearT = yearFactors(to);
  const effects = noEffects();
  const bySector = from.sectors.map((sector0, index) => {
    const sectorT = to.sectors[index]!;
    const sectorEffects = noEffects();
    addEnergyTerm(sectorEffects, sector0, sectorT, year0, yearT);
    addTerm(sectorEffects, sector0.otherEmissions, sectorT.otherEmissions, 'nonEnergyIntensity', () => [
      ['population', year0.population, yearT.population],
      ['affluence', year0.affluence, yearT.affluence],
      ['nonEnergyIntensity', sector0.otherEmissions / year0.gdp, sectorT.otherEmissions / yearT.gdp],
    ]);
    for (const factor of LMDI_FACTORS) effects[factor] += sectorEffects[factor];
    return { id: sector0.id, change: sectorEmissions(sectorT) - sectorEmissions(sector0), effects: sectorEffects };
  });
  return { change: totalEmissions(to) - totalEmissions(from), effects, bySector };
}

function addEnergyTerm(effects: Effects, sector0: KayaSector, sectorT: KayaSector, year0: YearFactors, yearT: YearFactors): void {
  // Which factor is zero in the year the term is zero (used only when it is zero in exactly one year).
  const zeroFactor: LmdiFactor =
    sector0.energy > 0 && sectorT.energy > 0 ? 'carbonIntensity' : year0.energy > 0 && yearT.energy > 0 ? 'structure' : 'energyIntensity';
  addTerm(effects, sector0.energyEmissions, sectorT.energyEmissions, zeroFactor, () => [
    ['population', year0.population, yearT.population],
    ['affluence', year0.affluence, yearT.affluence],
    ['energyIntensity', year0.energyIntensity, yearT.energyIntensity],
    ['structure', sector0.energy / year0.energy, sectorT.energy / yearT.energy],
    ['carbonIntensity', sector0.energyEmissions / sector0.energy, sectorT.energyEmissions / sectorT.energy],
  ]);
}

/**
 * Adds one term's change from `from` to `to` into `effects`, by the rules of the file's doc comment.
 * `factors` is called only when the term is positive in both years, so every factor is then positive.
 */
function addTerm(effects: Effects, from: number, to: number, zeroFactor: LmdiFactor, factors: () => readonly FactorValues[]): void {
  if (from < 0 || to < 0) {
    effects.other += to - from;
  } else if (from === 0 || to === 0) {
    effects[zeroFactor] += to - from; // adds 0 when both are zero
  } else {
    const weight = logMean(to, from);
    for (const [factor, x0, xT] of factors()) effects[factor] += weight * logRatio(xT, x0);
  }
}

/** L(a, b) = (a − b) / ln(a/b) for a, b > 0, L(a, a) = a; symmetric to the last bit, as logRatio is antisymmetric. */
function logMean(a: number, b: number): number {
  return a === b ? a : (a - b) / logRatio(a, b);
}

/**
 * ln(a/b) for a, b > 0, accurate when a ≈ b (where ln a − ln b would cancel), and antisymmetric to the
 * last bit: logRatio(b, a) === −logRatio(a, b).
 */
function logRatio(a: number, b: number): number {
  if (a < b) return -logRatio(b, a);
  // For b ≤ a ≤ 2b the difference a − b is exact (Sterbenz), so log1p keeps full relative precision.
  return a <= 2 * b ? Math.log1p((a - b) / b) : Math.log(a / b);
}

function yearFactors(year: KayaYear): YearFactors {
  const energy = year.sectors.reduce((sum, sector) => sum + sector.energy, 0);
  return {
    population: year.population,
    affluence: year.gdp / year.population,
    energy,
    energyIntensity: energy / year.gdp,
    gdp: year.gdp,
  };
}

function sectorEmissions(sector: KayaSector): number {
  return sector.energyEmissions + sector.otherEmissions;
}

function totalEmissions(year: KayaYear): number {
  return year.sectors.reduce((sum, sector) => sum + sectorEmissions(sector), 0);
}

function noEffects(): Effects {
  return { population: 0, affluence: 0, energyIntensity: 0, structure: 0, carbonIntensity: 0, nonEnergyIntensity: 0, other: 0 };
}

// The caller validates user input; these checks state the invariants and catch programming errors.

function checkYear(year: KayaYear, label: 'from' | 'to'): void {
  for (const key of ['population', 'gdp'] as const) {
    const value = year[key];
    if (!(Number.isFinite(value) && value > 0)) throw new Error(`decompose: ${label}.${key} must be a finite number > 0, got ${value}`);
  }
  const ids = new Set<string>();
  for (const sector of year.sectors) {
    const where = `decompose: ${label} sector "${sector.id}"`;
    if (ids.has(sector.id)) throw new Error(`${where} appears twice`);
    ids.add(sector.id);
    if (!(Number.isFinite(sector.energy) && sector.energy >= 0)) throw new Error(`${where}: energy must be a finite number ≥ 0, got ${sector.energy}`);
    if (!Number.isFinite(sector.energyEmissions) || !Number.isFinite(sector.otherEmissions)) {
      throw new Error(`${where}: emissions must be finite, got ${sector.energyEmissions} (energy) and ${sector.otherEmissions} (other)`);
    }
    if (sector.energy === 0 && sector.energyEmissions !== 0) {
      throw new Error(`${where} has ${sector.energyEmissions} tCO2e of energy emissions but no energy: energy emissions need energy use`);
    }
  }
}

function checkSameSectors(from: KayaYear, to: KayaYear): void {
  const same = from.sectors.length === to.sectors.length && from.sectors.every((sector, index) => sector.id === to.sectors[index]!.id);
  if (!same) {
    const ids = (year: KayaYear) => year.sectors.map((sector) => sector.id).join(', ');
    throw new Error(`decompose: both years need the same sectors in the same order, got [${ids(from)}] and [${ids(to)}]`);
  }
}
