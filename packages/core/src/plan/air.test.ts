/**
 * Air-pollutant co-benefits against hand arithmetic: EMEP/EEA Tier 1 g/GJ × (tce × 29.3076 GJ/tce),
 * road g/kg × (GJ ÷ NCV), row-share weighting, fuel switches and efficiency, and every line not
 * covered stated with its reason. The arithmetic is in the comments; factor values as in
 * data/factors/emep-eea.json and the IPCC 2006 NCVs of data/factors/ipcc2006-energy.json.
 */
import { describe, expect, it } from 'vitest';
import { defaultLibrary } from '../factors/default-library.ts';
import type { Pathway } from '../pathway/definitions.ts';
import { PathwayWorkspace } from '../pathway/evaluate.ts';
import { findScenario, scenarioParameters } from '../pathway/results.ts';
import { type Fields, HOME_POWER, inventoryOf, pathwayDoc, load, expectClose } from '../../../../test/support/pathway-documents.ts';
import { AIR_POLLUTANTS, airEmissions, compileAirFactors, emptyAirEmissions, GJ_PER_TCE, type AirEmissions, type AirFactors, type AirOptions } from './air.ts';

/** A fuel line of `amount` tce: its energy is 29.3076 GJ per tce, with no NCV involved. */
const tce = (gpc: string, fuel: string, amount = 10_000): Fields => ({ gpc, fuel, amount, unit: 'tce' });
const CONSTANT = { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: 0 } };

function evaluateAir(pathway: Pathway, scenarioId: string, options: AirOptions = {}): { air: AirFactors; emissions: AirEmissions } {
  const air = compileAirFactors(pathway.model, defaultLibrary, options);
  const workspace = new PathwayWorkspace(pathway.model);
  const scenario = findScenario(pathway, scenarioId);
  workspace.evaluate(scenarioParameters(pathway, scenario), scenario.active);
  return { air, emissions: airEmissions(air, workspace) };
}

/** Tonnes of a sector in a year, from a sector-major array. */
const sectorAt = (air: AirFactors, series: Float64Array, sector: string, year: number): number => series[air.sectors.indexOf(sector) * air.years + year - air.baseYear]!;

/** The index of the line of this sector and carrier. */
function lineOf(pathway: Pathway, sector: string, carrier: string): number {
  const { model } = pathway;
  const s = model.sectors.findIndex((candidate) => candidate.id === sector);
  for (let l = 0; l < model.lines.count; l++) if (model.lines.sector[l] === s && model.sectors[s]!.carriers[model.lines.carrier[l]!] === carrier) return l;
  throw new Error(`no ${carrier} line in ${sector}`);
}

/** t per tce of line l: [SO2, NOx, PM2.5]. */
const perTce = (air: AirFactors, l: number): number[] => [0, 1, 2].map((p) => air.perTce[p * air.lineCount + l]!);

describe('air pollutants: worked examples', () => {
  const inventory = inventoryOf(
    tce('I.1.1', 'raw_coal'),
    HOME_POWER,
    tce('I.4.1', 'natural_gas'),
    tce('I.3.1', 'fuel_oil'),
    tce('II.1.1', 'diesel'),
    tce('I.5.1', 'diesel'),
    { gpc: 'IV.1.1', method: 'ippu-cement', clinker: { value: 20, unit: '万吨' } },
  );
  const pathway = load(
    pathwayDoc({
      drivers: CONSTANT,
      sectors: {
        homes: { gpc: ['I.1'], driver: 'population' },
        energy: { gpc: ['I.4'], driver: 'gdp' },
        industry: { gpc: ['I.3'], driver: 'gdp' },
        transport: { gpc: ['II.1'], driver: 'gdp' },
        farms: { gpc: ['I.5'], driver: 'gdp' },
        ippu: { gpc: ['IV'], driver: 'gdp' },
      },
    }),
    inventory,
  );

  it('GJ per tce comes from the unit table: 29.3076 (GB/T 2589)', () => {
    expect(GJ_PER_TCE).toBe(29.3076);
  });

  it('residential coal, 10,000 tce: 293,076 GJ × 900 / 110 / 398 g/GJ', () => {
    // 10,000 tce × 29.3076 = 293,076 GJ; SO2 293,076 × 900 g = 263.7684 t; NOx × 110 = 32.23836 t; PM2.5 × 398 = 116.644248 t.
    const { air, emissions } = evaluateAir(pathway, 'bau');
    expectClose(sectorAt(air, emissions.bySector.SO2, 'homes', 2022), 263.7684);
    expectClose(sectorAt(air, emissions.bySector.NOx, 'homes', 2022), 32.23836);
    expectClose(sectorAt(air, emissions.bySector['PM2.5'], 'homes', 2022), 116.644248);
    // The drivers are constant, so every year is the base year.
    expectClose(sectorAt(air, emissions.bySector.SO2, 'homes', 2040), 263.7684);
  });

  it('power and heat (I.4.1) natural gas, 10,000 tce: SO2 0.281, NOx 89, PM2.5 0.89 g/GJ', () => {
    // 293,076 GJ × 0.281 g = 0.082354356 t; × 89 = 26.083764 t; × 0.89 = 0.26083764 t.
    const { air, emissions } = evaluateAir(pathway, 'bau');
    expectClose(sectorAt(air, emissions.bySector.SO2, 'energy', 2022), 0.082354356);
    expectClose(sectorAt(air, emissions.bySector.NOx, 'energy', 2022), 26.083764);
    expectClose(sectorAt(air, emissions.bySector['PM2.5'], 'energy', 2022), 0.26083764);
  });

  it('manufacturing liquid fuel (fuel_oil), 10,000 tce: SO2 47, NOx 513, PM2.5 20 g/GJ', () => {
    // 293,076 GJ × 47 g = 13.774572 t; × 513 = 150.347988 t; × 20 = 5.86152 t.
    const { air, emissions } = evaluateAir(pathway, 'bau');
    expectClose(sectorAt(air, emissions.bySector.SO2, 'industry', 2022), 13.774572);
    expectClose(sectorAt(air, emissions.bySector.NOx, 'industry', 2022), 150.347988);
    expectClose(sectorAt(air, emissions.bySector['PM2.5'], 'industry', 2022), 5.86152);
  });

  it('road diesel, heavy-duty: NOx 25.95 g/kg × kg of fuel from the IPCC 2006 NCV (43 GJ/t)', () => {
    // 293,076 GJ ÷ 43 GJ/t = 6,815.7209 t of diesel = 6,815,720.9 kg; × 25.95 g/kg = 176,867,958 g = 176.86796 t.
    const { air, emissions } = evaluateAir(pathway, 'bau', { road: { diesel: 'diesel-heavy-duty' } });
    expectClose(sectorAt(air, emissions.bySector.NOx, 'transport', 2022), (293_076 / 43) * 25.95e-3);
    expectClose(sectorAt(air, emissions.bySector.NOx, 'transport', 2022), 176.86795814, 1e-10);
    expect(sectorAt(air, emissions.bySector.SO2, 'transport', 2022)).toBe(0);
    expect(air.factors.map((factor) => factor.id)).toContain('ipcc2006.ncv.diesel');
    expect(air.factors.find((factor) => factor.id === 'emep.nox.road.diesel-heavy-duty')).toMatchObject({ value: 25.95, unit: 'g/kg' });
    // SO2 and PM2.5 of road transport are stated as not counted.
    const gap = air.gaps.find((candidate) => candidate.sector === 'transport')!;
    expect(gap).toMatchObject({ reason: 'no-factor', carrier: 'diesel', rows: ['II.1.1'], pollutants: ['SO2', 'PM2.5'] });
    expect(air.assumptions.find((statement) => statement.code === 'air-road-class')!.text.en).toContain('diesel-heavy-duty');
    // A diesel car: 6,815.7209 t × 11.77 kg/t = 80.221 t.
    const car = evaluateAir(pathway, 'bau', { road: { diesel: 'diesel-car' } });
    expectClose(sectorAt(car.air, car.emissions.bySector.NOx, 'transport', 2022), (293_076 / 43) * 11.77e-3);
  });

  it('road without a vehicle class is not counted, and stated', () => {
    const { air, emissions } = evaluateAir(pathway, 'bau');
    expect(sectorAt(air, emissions.bySector.NOx, 'transport', 2022)).toBe(0);
    const gap = air.gaps.find((candidate) => candidate.sector === 'transport')!;
    expect(gap).toMatchObject({ reason: 'road-class-not-chosen', carrier: 'diesel', rows: ['II.1.1'], share: 1, pollutants: ['SO2', 'NOx', 'PM2.5'] });
    expect(gap.text.en).toContain('airPollutants.road.diesel');
  });

  it('electricity, agriculture and process lines contribute nothing and are listed with their reasons', () => {
    const { air, emissions } = evaluateAir(pathway, 'bau', { road: { diesel: 'diesel-heavy-duty' } });
    const reasonOf = (sector: string, carrier: string | undefined): string[] =>
      air.gaps.filter((gap) => gap.sector === sector && gap.carrier === carrier).map((gap) => gap.reason);
    expect(reasonOf('homes', 'electricity')).toEqual(['grid-supplied']);
    expect(air.gaps.find((gap) => gap.carrier === 'electricity')).toMatchObject({ rows: ['I.1.2'], share: 1, pollutants: ['SO2', 'NOx', 'PM2.5'] });
    // One spelling: the text names SO2 as the output does (the Guidebook's SOx, expressed as SO2).
    expect(air.gaps.find((gap) => gap.carrier === 'electricity')!.text.en).toContain('SO2, NOx, PM2.5 not counted');
    expect(air.gaps.find((gap) => gap.carrier === 'electricity')!.text.zh).toContain('未计 SO2、NOx、PM2.5');
    expect(reasonOf('farms', 'diesel')).toEqual(['no-context']);
    expect(air.gaps.find((gap) => gap.sector === 'farms')!.text.en).toContain('I.5');
    expect(reasonOf('ippu', undefined)).toEqual(['non-energy']);
    for (const sector of ['farms', 'ippu']) expect(sectorAt(air, emissions.bySector.SO2, sector, 2022)).toBe(0);
    // Homes is its coal only: the electricity line adds nothing.
    expectClose(sectorAt(air, emissions.bySector.SO2, 'homes', 2022), 263.7684);
    // Every line is either covered or listed.
    const listed = new Set([...air.covered, ...air.gaps.map((gap) => gap.line)]);
    expect(listed.size).toBe(pathway.model.lines.count);
    // Totals are the sums of the sectors: 263.7684 + 0.082354356 + 13.774572 t SO2.
    expectClose(emissions.SO2[0]!, 263.7684 + 0.082354356 + 13.774572);
    expectClose(emissions.NOx[0]!, 32.23836 + 26.083764 + 150.347988 + (293_076 / 43) * 25.95e-3);
  });

  it('states the Tier 1 basis, the energy basis and the fuel groups, and cites each factor', () => {
    const { air } = evaluateAir(pathway, 'bau');
    const codes = air.assumptions.map((statement) => statement.code);
    expect(codes).toEqual(expect.arrayContaining(['air-tier1', 'air-energy-basis', 'air-factors-held', 'air-fuel-group', 'air-context']));
    expect(air.assumptions.find((statement) => statement.code === 'air-energy-basis')!.text.en).toContain('29.3076');
    expect(air.assumptions.find((statement) => statement.code === 'air-context')!.text.en).toContain('I.4.1');
    const sox = air.factors.find((factor) => factor.id === 'emep.sox.residential.coal')!;
    expect(sox).toMatchObject({ value: 900, unit: 'g/GJ', table: '1.A.4 Table 3-3' });
    expect(sox.source).toContain('EMEP/EEA');
    expect(air.lineFactors[lineOf(pathway, 'homes', 'raw_coal')]).toEqual(['emep.nox.residential.coal', 'emep.pm25.residential.coal', 'emep.sox.residential.coal']);
  });
});

describe('one spelling per pollutant: SO2, NOx, PM2.5', () => {
  it('every air-pollutant record of the library is spelt as the output spells it; the SOx records say they are SO2', () => {
    const records = defaultLibrary.select({ kind: 'air-pollutant' });
    expect(new Set(records.map((factor) => factor.pollutant))).toEqual(new Set(AIR_POLLUTANTS));
    const so2 = records.filter((factor) => factor.pollutant === 'SO2');
    expect(so2).toHaveLength(12);
    // The Guidebook's term stays in the record's name, with how it is expressed.
    for (const factor of so2) {
      expect(factor.name.en, factor.id).toMatch(/^SOx \(as SO2\) emission factor/);
      expect(factor.name.zh, factor.id).toContain('以 SO2 计');
    }
  });

});

describe('air pollutants: rows, fuels and contexts', () => {
  it('a line of I.1.1 and I.2.1 coal takes each row\'s factors by its share of the base-year energy', () => {
    // One coal line: 10,000 tce on I.1.1 (2/3) and 5,000 tce on I.2.1 (1/3).
    //   NOx = 29.3076 × (10,000 × 110 + 5,000 × 173) g = 29.3076 × 1,965,000 g = 57.589434 t
    //   SO2 = 29.3076 × 15,000 × 900 g = 395.6526 t;  PM2.5 = 29.3076 × (10,000 × 398 + 5,000 × 108) g = 132.470352 t
    const pathway = load(pathwayDoc({ drivers: CONSTANT, sectors: { buildings: { gpc: ['I.1', 'I.2'], driver: 'population' } } }), inventoryOf(tce('I.1.1', 'raw_coal'), tce('I.2.1', 'raw_coal', 5_000)));
    const l = lineOf(pathway, 'buildings', 'raw_coal');
    expect(pathway.model.lines.count).toBe(1);
    expect(pathway.model.lines.rowShares[l]).toEqual([{ row: 'I.1.1', share: 2 / 3 }, { row: 'I.2.1', share: 1 / 3 }]);
    const { emissions } = evaluateAir(pathway, 'bau');
    expectClose(emissions.NOx[0]!, 57.589434);
    expectClose(emissions.SO2[0]!, 395.6526);
    expectClose(emissions['PM2.5'][0]!, 132.470352);
  });

  it('power and heat oil by product: diesel → gas oil, fuel_oil → heavy fuel oil, kerosene not covered', () => {
    // Per tce: diesel SO2 46.5 g/GJ × 29.3076 = 1,362.8034 g; fuel_oil SO2 495 × 29.3076 = 14,507.262 g; PM2.5 19.3 × 29.3076 = 565.63668 g.
    const pathway = load(
      pathwayDoc({ drivers: CONSTANT, sectors: { energy: { gpc: ['I.4'], driver: 'gdp' } } }),
      inventoryOf(tce('I.4.1', 'diesel'), tce('I.4.1', 'fuel_oil'), tce('I.4.1', 'kerosene')),
    );
    const air = compileAirFactors(pathway.model, defaultLibrary);
    const [dieselSox, dieselNox] = perTce(air, lineOf(pathway, 'energy', 'diesel'));
    expectClose(dieselSox!, 1362.8034e-6);
    expectClose(dieselNox!, 65 * 29.3076e-6);
    const [oilSox, , oilPm] = perTce(air, lineOf(pathway, 'energy', 'fuel_oil'));
    expectClose(oilSox!, 14_507.262e-6);
    expectClose(oilPm!, 565.63668e-6);
    expect(perTce(air, lineOf(pathway, 'energy', 'kerosene'))).toEqual([0, 0, 0]);
    expect(air.gaps).toHaveLength(1);
    expect(air.gaps[0]).toMatchObject({ reason: 'no-factor', carrier: 'kerosene', rows: ['I.4.1'], pollutants: ['SO2', 'NOx', 'PM2.5'] });
    expect(air.gaps[0]!.text.en).toContain('gas oil (diesel) and heavy fuel oil (fuel_oil) only');
    expect(air.assumptions.find((statement) => statement.code === 'air-fuel-group')!.text.en).toContain('diesel → gas-oil');
  });

  it('residential oil has no factor: stated, while the same line\'s commercial part is counted', () => {
    // One diesel line: I.1.1 8,000 tce (0.8, not covered) and I.2.1 2,000 tce (0.2, commercial liquid: SO2 94 g/GJ).
    //   SO2 = 2,000 × 29.3076 × 94 g = 5.5098288 t
    const pathway = load(pathwayDoc({ drivers: CONSTANT, sectors: { buildings: { gpc: ['I.1', 'I.2'], driver: 'population' } } }), inventoryOf(tce('I.1.1', 'diesel', 8_000), tce('I.2.1', 'diesel', 2_000)));
    const { air, emissions } = evaluateAir(pathway, 'bau');
    expectClose(emissions.SO2[0]!, 5.5098288);
    expect(air.gaps).toHaveLength(1);
    expect(air.gaps[0]).toMatchObject({ reason: 'no-factor', rows: ['I.1.1'], pollutants: ['SO2', 'NOx', 'PM2.5'] });
    expectClose(air.gaps[0]!.share, 0.8);
    expect(air.gaps[0]!.text.en).toContain('residential (1.A.4.b.i) factor for oil');
  });
});

describe('air pollutants: actions', () => {
  it('a coal → gas switch lowers SO2 by the switched tce × (900 − 0.67) g/GJ × 29.3076', () => {
    // Industry: coal 10,000 tce, gas 5,000 tce (I.3.1); 50 % of coal to gas from 2023, 1 tce for 1 tce.
    //   2023: coal 5,000, gas 10,000 tce; ΔSOx = 146,538 GJ × 899.33 g/GJ = 131,786,019.54 g = 131.78601954 t
    //   2022: SO2 = 29.3076 × (10,000 × 900 + 5,000 × 0.67) g = 263.86658046 t
    const pathway = load(
      pathwayDoc({
        drivers: CONSTANT,
        actions: { gas: { adoption: { start: 2023, full: 2023 }, effects: [{ type: 'switch', sector: 'industry', from: 'raw_coal', to: 'natural_gas', share: '50%' }] } },
        scenarios: { bau: { actions: [] }, gas: { actions: ['gas'] } },
      }),
      inventoryOf(tce('I.3.1', 'raw_coal'), tce('I.3.1', 'natural_gas', 5_000)),
    );
    const bau = evaluateAir(pathway, 'bau').emissions;
    const gas = evaluateAir(pathway, 'gas').emissions;
    expectClose(bau.SO2[1]!, 29.3076 * (10_000 * 900 + 5_000 * 0.67) * 1e-6);
    expectClose(gas.SO2[0]!, bau.SO2[0]!);
    expectClose(bau.SO2[1]! - gas.SO2[1]!, 131.78601954, 1e-9);
    // NOx: 146,538 GJ × (173 − 74) g/GJ = 14.507262 t less.
    expectClose(bau.NOx[1]! - gas.NOx[1]!, 14.507262, 1e-9);
  });

  it('a switch to a carrier the sector did not have takes the sector\'s fuel rows (stated)', () => {
    // Homes: coal 10,000 tce (I.1.1); all of it to natural gas, which only industry has. The gas burns on
    // I.1.1 (residential gas): SO2 = 10,000 × 29.3076 × 0.3 g = 0.0879228 t; NOx × 51 g = 14.946876 t.
    const pathway = load(
      pathwayDoc({
        drivers: CONSTANT,
        sectors: { homes: { gpc: ['I.1'], driver: 'population' }, industry: { gpc: ['I.3'], driver: 'gdp' } },
        actions: { gas: { adoption: { start: 2023, full: 2023 }, effects: [{ type: 'switch', sector: 'homes', from: 'raw_coal', to: 'natural_gas' }] } },
        scenarios: { gas: { actions: ['gas'] } },
      }),
      inventoryOf(tce('I.1.1', 'raw_coal'), tce('I.3.1', 'natural_gas', 5_000)),
    );
    const { air, emissions } = evaluateAir(pathway, 'gas');
    expect(pathway.model.lines.rowShares[lineOf(pathway, 'homes', 'natural_gas')]).toEqual([]);
    expectClose(sectorAt(air, emissions.bySector.SO2, 'homes', 2022), 263.7684);
    expectClose(sectorAt(air, emissions.bySector.SO2, 'homes', 2023), 0.0879228);
    expectClose(sectorAt(air, emissions.bySector.NOx, 'homes', 2023), 14.946876);
    expect(air.assumptions.find((statement) => statement.code === 'air-switched-in')!.text.en).toContain('I.1.1 100.0%');
  });

  it('a 10 % efficiency gain lowers every pollutant of the sector by 10 %, and no other sector\'s', () => {
    const pathway = load(
      pathwayDoc({
        drivers: CONSTANT,
        sectors: { homes: { gpc: ['I.1'], driver: 'population' }, industry: { gpc: ['I.3'], driver: 'gdp' } },
        actions: { eff: { adoption: { start: 2023, full: 2023 }, effects: [{ type: 'efficiency', sector: 'industry', reduction: '10%' }] } },
        scenarios: { bau: { actions: [] }, eff: { actions: ['eff'] } },
      }),
      inventoryOf(tce('I.1.1', 'raw_coal'), tce('I.3.1', 'raw_coal'), tce('I.3.1', 'natural_gas', 5_000), tce('I.3.1', 'fuel_oil', 2_000)),
    );
    const bau = evaluateAir(pathway, 'bau');
    const eff = evaluateAir(pathway, 'eff');
    for (const key of ['SO2', 'NOx', 'PM2.5'] as const) {
      const before = sectorAt(bau.air, bau.emissions.bySector[key], 'industry', 2023);
      expect(before).toBeGreaterThan(0);
      expectClose(sectorAt(eff.air, eff.emissions.bySector[key], 'industry', 2023), 0.9 * before);
      expectClose(sectorAt(eff.air, eff.emissions.bySector[key], 'homes', 2023), sectorAt(bau.air, bau.emissions.bySector[key], 'homes', 2023));
    }
    // Industry NOx 2022 = 29.3076 × (10,000 × 173 + 5,000 × 74 + 2,000 × 513) g = 29.3076 × 3,126,000 g = 91.6155576 t.
    expectClose(sectorAt(bau.air, bau.emissions.bySector.NOx, 'industry', 2022), 91.6155576);
  });

  it('fills the arrays it is given, and refuses a workspace of another model', () => {
    const pathway = load(pathwayDoc({ drivers: CONSTANT }), inventoryOf(tce('I.3.1', 'raw_coal')));
    const air = compileAirFactors(pathway.model, defaultLibrary);
    const workspace = new PathwayWorkspace(pathway.model);
    const scenario = findScenario(pathway, 'bau');
    const out = emptyAirEmissions(air);
    workspace.evaluate(scenarioParameters(pathway, scenario), scenario.active);
    expect(airEmissions(air, workspace, out)).toBe(out);
    // 10,000 × 29.3076 × 900 g = 263.7684 t, and again (the arrays are zeroed first).
    airEmissions(air, workspace, out);
    expectClose(out.SO2[0]!, 263.7684);
    const other = load(pathwayDoc({ drivers: CONSTANT }), inventoryOf(tce('I.3.1', 'raw_coal'), tce('I.3.1', 'natural_gas')));
    expect(() => airEmissions(air, new PathwayWorkspace(other.model))).toThrow('another pathway model');
  });
});
