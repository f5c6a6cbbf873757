/**
 * Domestic wastewater (GPC III.4), worked by hand from IPCC 2006 Vol.5 Ch.6: B0 0.6 kg CH4/kg BOD
 * (Table 6.2); MCF by pathway (Table 6.3); BOD 40 g/person/day for Asia (Table 6.4); I 1.25 collected,
 * 1.0 uncollected (Eq 6.3); N2O defaults of Table 6.11: F_NPR 0.16, F_NON-CON 1.1 developing / 1.4
 * developed, F_IND-COM 1.25, EF_EFFLUENT 0.005 kg N2O-N/kg N, N_SLUDGE 0; EF_PLANT 3.2 g N2O/person/yr (Box 6.1).
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, type LineResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLine, pathsAndCodes, problemsOf, outcome } from '../../../../../test/support/method-line.ts';

type Line = Record<string, unknown>;

const run = (line: Line, gpc = 'III.4.1'): ReturnType<typeof outcome> => outcome([{ gpc, method: 'wastewater-domestic', ...line }]);
const compute = (line: Line, gwp = 'AR5'): LineResult => computeLine({ gpc: 'III.4.1', method: 'wastewater-domestic', ...line }, { gwp });
const problems = (line: Line, gpc = 'III.4.1'): { path: string; code: string }[] =>
  pathsAndCodes(problemsOf([{ gpc, method: 'wastewater-domestic', ...line }]));

/** A city of 1 million (100 万人), 90 % of its wastewater in sewers, protein 94 g/person/day given. */
const CITY: Line = {
  population: { value: 100, unit: '万人' },
  collected: 0.9,
  treatment: [
    { system: 'aerobic-well-managed', share: 0.8 },
    { system: 'aerobic-overloaded', share: 0.1 },
    { system: 'septic', share: 0.1 },
  ],
  protein: { value: 94, unit: 'g/person/day' },
  economy: 'developing',
};

describe('domestic wastewater: CH4 (Eqs 6.1–6.3) and N2O (Eqs 6.7–6.8)', () => {
  it('a city of 1 million on the defaults', () => {
    // I = 0.9 × 1.25 + 0.1 × 1.0 = 1.225
    // TOW = 1,000,000 × 40 g × 0.001 × 1.225 × 365 = 17,885,000 kg = 17,885 t BOD
    // Σ T × MCF = 0.8 × 0 + 0.1 × 0.3 + 0.1 × 0.5 = 0.08; EF = 0.6 × 0.08 = 0.048
    // CH4 = 17,885 × 0.048 = 858.48 t
    // Protein = 94 g × 365 = 34.31 kg/person/yr
    // N_EFFLUENT = 1,000,000 × 34.31 × 0.16 × 1.1 × 1.25 = 7,548,200 kg N
    // N2O = 7,548,200 × 0.005 × 44/28 = 37,741 × 11/7 = 59,307.2857 kg = 59.3072857 t
    // AR5: 858.48 × 28 + 59.3072857 × 265 = 24,037.44 + 15,716.4307 = 39,753.8707 tCO2e
    const line = compute(CITY);
    const n2o = (37_741 * 11) / 7 / 1000;
    expect(closeTo(line.gases.CH4, 858.48)).toBe(true);
    expect(closeTo(line.gases.N2O, n2o)).toBe(true);
    expect(closeTo(line.gases.N2O, 59.3072857, 1e-8)).toBe(true);
    expect(line.gases.CO2).toBe(0);
    expect(closeTo(line.co2e, 858.48 * 28 + n2o * 265)).toBe(true);
    expect(closeTo(line.co2e, 39753.8707, 1e-8)).toBe(true);
    expect(line.method).toBe('wastewater-domestic');
    expect(line.factors.map((factor) => factor.id)).toEqual([
      'ipcc2006.ww.dom.bod.asia',
      'ipcc2006.ww.dom.i.collected',
      'ipcc2006.ww.dom.i.uncollected',
      'ipcc2006.ww.dom.mcf.aerobic-well-managed',
      'ipcc2006.ww.dom.mcf.aerobic-overloaded',
      'ipcc2006.ww.dom.mcf.septic',
      'ipcc2006.ww.dom.b0',
      'line:protein',
      'ipcc2006.ww.dom.f-npr',
      'ipcc2006.ww.dom.f-non-con.developing',
      'ipcc2006.ww.dom.f-ind-com',
      'ipcc2006.ww.dom.ef-effluent',
      'ipcc2006.ww.dom.n-sludge',
      'gwp.ar5.ch4',
      'gwp.ar5.n2o',
    ]);
    const codes = line.assumptions.map((assumption) => assumption.code);
    expect(codes).toContain('wastewater-no-sludge-removal');
    expect(codes).toContain('wastewater-no-recovery');
    expect(codes).toContain('wastewater-no-plant-n2o');
    // The BOD default is stated as a regional one.
    expect(line.assumptions.find((assumption) => assumption.text.en.includes('ipcc2006.ww.dom.bod.asia'))!.text.en).toMatch(/no China row/);
  });

  it('AR6 weighs the CH4 as non-fossil (27.0)', () => {
    // 858.48 × 27 + 59.3072857 × 273 = 23,178.96 + 16,190.8890 = 39,369.8490 tCO2e
    expect(closeTo(compute(CITY, 'AR6').co2e, 858.48 * 27 + ((37_741 * 11) / 7 / 1000) * 273)).toBe(true);
    expect(closeTo(compute(CITY, 'AR6').co2e, 39369.849, 1e-8)).toBe(true);
  });

  it('is computed the same on rows III.4.2 and III.4.3', () => {
    for (const gpc of ['III.4.2', 'III.4.3']) {
      const line = run(CITY, gpc).result!.lines[0]!;
      expect(closeTo(line.gases.CH4, 858.48)).toBe(true);
    }
  });

  it('line overrides, units per year, sludge, recovery and advanced centralised plants (Box 6.1)', () => {
    // P = 50 万人 = 500,000; BOD 14.6 kg/person/yr = 40 g/day; collected: true → I = 1.25
    // TOW = 500,000 × 0.040 kg × 1.25 × 365 = 9,125,000 kg = 9,125 t BOD
    // Σ T × MCF = 0.6 × 0.3 (overloaded aerobic) + 0.4 × 0.5 (digester, MCF given) = 0.18 + 0.2 = 0.38
    // CH4 = 0.6 × 0.38 × (9,125 − 100) − 500 = 0.228 × 9,025 − 500 = 2,057.7 − 500 = 1,557.7 t
    // N in wastewater = 500,000 × 30 kg × 0.16 × 1.4 (developed) × 1.25 = 4,200,000 kg = 4,200 t N
    // N2O_PLANTS = 500,000 × 0.8 × 1.25 × 3.2 g = 1,600,000 g = 1.6 t; its N = 1.6 × 28/44 t
    // N_EFFLUENT = 4,200 − 50 − 1.6 × 28/44 = 4,148.98182 t N
    // N2O = 4,148.98182 × 0.005 × 44/28 + 1.6 = (32.6071429 − 0.008) + 1.6 = 34.1991429 t
    const line = compute({
      population: { value: 50, unit: '万人' },
      bod: { value: 14.6, unit: 'kg/person/yr' },
      collected: true,
      treatment: [
        { system: 'aerobic-overloaded', share: 0.6 },
        { system: 'anaerobic-digester', share: 0.4, mcf: 0.5 },
      ],
      sludgeRemoved: { value: 100, unit: 't' },
      recovered: { value: 0.05, unit: '万吨' },
      protein: { value: 30, unit: '千克/人/年' },
      economy: 'developed',
      sludgeNitrogen: { value: 50, unit: 't' },
      centralisedPlants: 0.8,
    });
    expect(closeTo(line.gases.CH4, 1557.7, 1e-9)).toBe(true);
    expect(closeTo(line.gases.N2O, 34.19914285714286, 1e-9)).toBe(true);
    const ids = line.factors.map((factor) => factor.id);
    expect(ids).toEqual(expect.arrayContaining(['line:bod', 'line:mcf', 'line:sludgeRemoved', 'line:recovered', 'line:sludgeNitrogen', 'ipcc2006.ww.dom.f-non-con.developed', 'ipcc2006.ww.dom.ef-plant']));
    // collected: true needs only the collected I; the digester's MCF came from the line.
    expect(ids).not.toContain('ipcc2006.ww.dom.i.uncollected');
    expect(ids).not.toContain('ipcc2006.ww.dom.mcf.anaerobic-digester');
    expect(line.assumptions.map((assumption) => assumption.code)).not.toContain('wastewater-no-plant-n2o');
  });

  it('uncollected discharge to a river, with every N2O factor given on the line', () => {
    // collected: false → I = 1.0; TOW = 10,000 × 0.040 × 1.0 × 365 = 146,000 kg = 146 t BOD
    // CH4 = 146 × 0.6 × 0.1 = 8.76 t
    // N = 10,000 × 25 kg × 0.15 × 1.2 × 1.0 = 45,000 kg; N2O = 45,000 × 0.01 × 44/28 = 707.142857 kg
    const line = compute({
      population: { value: 10000, unit: 'person' },
      collected: false,
      treatment: [{ system: 'untreated-sea-river-lake', share: 1 }],
      protein: { value: 25, unit: 'kg/person/yr' },
      proteinNitrogen: 0.15,
      nonConsumedProtein: 1.2,
      industrialProtein: 1,
      effluentFactor: 0.01,
    });
    expect(closeTo(line.gases.CH4, 8.76)).toBe(true);
    expect(closeTo(line.gases.N2O, 0.7071428571428571)).toBe(true);
    const ids = line.factors.map((factor) => factor.id);
    expect(ids).toEqual(expect.arrayContaining(['line:proteinNitrogen', 'line:nonConsumedProtein', 'line:industrialProtein', 'line:effluentFactor']));
    expect(ids.filter((id) => id.startsWith('ipcc2006.ww.dom.f-') || id === 'ipcc2006.ww.dom.ef-effluent')).toEqual([]);
    expect(ids).not.toContain('ipcc2006.ww.dom.i.collected');
  });

  it('takes every Table 6.3 MCF from the library', () => {
    // One person, uncollected (I = 1), B0 given as 1 so CH4 = TOW × MCF with TOW = 40 g × 365 = 14.6 kg.
    const table63: [string, number][] = [
      ['untreated-sea-river-lake', 0.1], ['stagnant-sewer', 0.5], ['flowing-sewer', 0], ['aerobic-well-managed', 0],
      ['aerobic-overloaded', 0.3], ['anaerobic-digester', 0.8], ['anaerobic-reactor', 0.8], ['anaerobic-lagoon-shallow', 0.2],
      ['anaerobic-lagoon-deep', 0.8], ['septic', 0.5], ['latrine-dry-family', 0.1], ['latrine-dry-communal', 0.5],
      ['latrine-wet', 0.7], ['latrine-sediment-removal', 0.1],
    ];
    for (const [system, mcf] of table63) {
      const line = compute({ ...CITY, population: { value: 1, unit: 'person' }, collected: false, b0: 1, treatment: [{ system, share: 1 }] });
      expect(closeTo(line.gases.CH4, 0.0146 * mcf), system).toBe(true);
    }
  });
});

describe('domestic wastewater: bad input', () => {
  it('reports every problem with its path', () => {
    expect(
      problems({
        population: { value: 5, unit: 't' },
        bod: { value: 40, unit: 'g/day' },
        collected: 'yes',
        treatment: [{ system: 'septik', share: 0.5 }, { system: 'flowing-sewer', share: 1.5 }, { share: 0.2, depth: 3 }],
        protein: { value: 94, unit: 'g/persn/day' },
      }),
    ).toEqual([
      { path: 'activities.0.population.unit', code: 'wrong-dimension' },
      { path: 'activities.0.bod.unit', code: 'wrong-dimension' },
      { path: 'activities.0.collected', code: 'type' },
      { path: 'activities.0.treatment.2.depth', code: 'unknown-field' },
      { path: 'activities.0.treatment.0.system', code: 'unknown-category' },
      { path: 'activities.0.treatment.1.share', code: 'out-of-range' },
      { path: 'activities.0.treatment.2.system', code: 'required' },
      { path: 'activities.0.protein.unit', code: 'unknown-unit' },
      { path: 'activities.0.economy', code: 'required' },
    ]);
  });

  it('explains units and categories in words', () => {
    const { issues } = run({ ...CITY, bod: { value: 40, unit: 'g/day' }, protein: { value: 94, unit: 'g/persn/day' }, treatment: [{ system: 'septik', share: 1 }] });
    expect(issues.map((issue) => formatIssue(issue))).toEqual([
      'activities[0].bod.unit: unit "g/day" measures mass/time, expected mass/population/time',
      'activities[0].treatment[0].system: "septik" is not one of "untreated-sea-river-lake", "stagnant-sewer", "flowing-sewer", "aerobic-well-managed", "aerobic-overloaded", "anaerobic-digester", "anaerobic-reactor", "anaerobic-lagoon-shallow", "anaerobic-lagoon-deep", "septic", "latrine-dry-family", "latrine-dry-communal", "latrine-wet", "latrine-sediment-removal" (did you mean "septic"?)',
      'activities[0].protein.unit: "g/persn/day" is not a known unit (did you mean "g/person/day"?)',
    ]);
  });

  it('refuses shares that do not sum to 1', () => {
    const { issues } = run({ ...CITY, treatment: [{ system: 'septic', share: 0.5 }, { system: 'latrine-wet', share: 0.4 }] });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(['activities', 0, 'treatment']);
    expect(issues[0]).toMatchObject({ code: 'shares-sum' });
    expect(closeTo((issues[0] as { got: number }).got, 0.9)).toBe(true);
    // Within 1e-6 of 1 counts as whole: 0.3333333 × 3 = 0.9999999.
    expect(run({ ...CITY, treatment: [0, 1, 2].map(() => ({ system: 'septic', share: 0.3333333 })) }).result).toBeDefined();
  });

  it('requires its activity data and the treatment mix', () => {
    expect(problems({})).toEqual([
      { path: 'activities.0.population', code: 'required' },
      { path: 'activities.0.collected', code: 'required' },
      { path: 'activities.0.treatment', code: 'required' },
      { path: 'activities.0.protein', code: 'required' },
      { path: 'activities.0.economy', code: 'required' },
    ]);
    expect(problems({ ...CITY, treatment: [] })).toEqual([{ path: 'activities.0.treatment', code: 'type' }]);
    expect(problems({ ...CITY, treatment: { system: 'septic', share: 1 } })).toEqual([{ path: 'activities.0.treatment', code: 'type' }]);
  });

  it('refuses F_NON-CON given twice, recovery beyond generation, sludge beyond the load', () => {
    expect(problems({ ...CITY, nonConsumedProtein: 1.2 })).toEqual([{ path: 'activities.0.nonConsumedProtein', code: 'conflict' }]);
    // CH4 generated is 858.48 t: recovering 900 t is impossible.
    expect(problems({ ...CITY, recovered: { value: 900, unit: 't' } })).toEqual([{ path: 'activities.0.recovered', code: 'out-of-range' }]);
    // TOW is 17,885 t BOD.
    expect(problems({ ...CITY, sludgeRemoved: { value: 2, unit: '万吨' } })).toEqual([{ path: 'activities.0.sludgeRemoved', code: 'out-of-range' }]);
    // N in wastewater is 7,548.2 t.
    expect(problems({ ...CITY, sludgeNitrogen: { value: 8000, unit: 't' } })).toEqual([{ path: 'activities.0.sludgeNitrogen', code: 'out-of-range' }]);
    expect(problems({ ...CITY, economy: 'emerging', centralisedPlants: 2, b0: 1.5, mcf: 0.5 })).toEqual([
      { path: 'activities.0.mcf', code: 'unknown-field' },
      { path: 'activities.0.b0', code: 'out-of-range' },
      { path: 'activities.0.economy', code: 'enum' },
      { path: 'activities.0.centralisedPlants', code: 'out-of-range' },
    ]);
  });

  it('computes only the III.4 rows', () => {
    expect(problems(CITY, 'III.1.1')).toEqual([{ path: 'activities.0.gpc', code: 'method-not-on-row' }]);
  });
});
