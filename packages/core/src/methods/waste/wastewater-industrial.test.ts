/**
 * Industrial wastewater (GPC III.4), worked by hand from IPCC 2006 Vol.5 Ch.6: B0 0.25 kg CH4/kg COD
 * (Table 6.2); MCF by pathway (Table 6.8); wastewater W (m3/t) and COD (kg/m3) by industry (Table 6.9).
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, type LineResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLine, pathsAndCodes, problemsOf, outcome } from '../../../../../test/support/method-line.ts';

type Line = Record<string, unknown>;

const run = (line: Line): ReturnType<typeof outcome> => outcome([{ gpc: 'III.4.1', method: 'wastewater-industrial', ...line }]);
const compute = (line: Line, gwp = 'AR5'): LineResult => computeLine({ gpc: 'III.4.1', method: 'wastewater-industrial', ...line }, { gwp });
const problems = (line: Line): { path: string; code: string }[] => pathsAndCodes(problemsOf([{ gpc: 'III.4.1', method: 'wastewater-industrial', ...line }]));

/** A brewery of 10 万吨 beer a year, half its wastewater through an anaerobic reactor, 100 t CH4 flared. */
const BREWERY: Line = {
  industry: 'beer-malt',
  production: { value: 10, unit: '万吨' },
  treatment: [
    { system: 'anaerobic-reactor', share: 0.5 },
    { system: 'aerobic-well-managed', share: 0.5 },
  ],
  recovered: { value: 100, unit: 't' },
};

describe('industrial wastewater: CH4 (Eqs 6.4–6.6)', () => {
  it('a brewery on the Table 6.9 defaults', () => {
    // TOW = 100,000 t × 6.3 m3/t × 2.9 kg COD/m3 = 1,827,000 kg = 1,827 t COD
    // Σ T × MCF = 0.5 × 0.8 + 0.5 × 0 = 0.4; EF = 0.25 × 0.4 = 0.1 kg CH4/kg COD
    // CH4 = 1,827 × 0.1 − 100 = 182.7 − 100 = 82.7 t; AR5: 82.7 × 28 = 2,315.6 tCO2e; AR6 (non-fossil): 82.7 × 27 = 2,232.9
    const line = compute({ industries: [BREWERY] });
    expect(closeTo(line.gases.CH4, 82.7, 1e-12)).toBe(true);
    expect(line.gases.N2O).toBe(0);
    expect(closeTo(line.co2e, 2315.6, 1e-12)).toBe(true);
    expect(closeTo(compute({ industries: [BREWERY] }, 'AR6').co2e, 2232.9, 1e-12)).toBe(true);
    expect(line.factors.map((factor) => factor.id)).toEqual([
      'ipcc2006.ww.ind.b0',
      'line:production',
      'ipcc2006.ww.ind.w.beer-malt',
      'ipcc2006.ww.ind.cod.beer-malt',
      'ipcc2006.ww.ind.mcf.anaerobic-reactor',
      'ipcc2006.ww.ind.mcf.aerobic-well-managed',
      'line:recovered',
      'gwp.ar5.ch4',
    ]);
    const codes = line.assumptions.map((assumption) => assumption.code);
    expect(codes).toContain('wastewater-no-sludge-removal');
    expect(codes).toContain('wastewater-industrial-no-n2o');
    expect(codes).not.toContain('wastewater-no-recovery');
  });

  it('sums several industries: given W, missing-W industry, measured COD load, sludge removed', () => {
    // brewery as above: 82.7 t
    // pulp-paper: W given 50 m3/t, COD 9 kg/m3 (Table 6.9); TOW = 20,000 × 50 × 9 kg = 9,000 t COD
    //   Σ T × MCF = 0.3 × 0.1 + 0.7 × 0.3 = 0.24; CH4 = (9,000 − 1,000) × 0.25 × 0.24 = 480 t
    // sugar-refining: W not in Table 6.9, given 10 m3/t; COD 3.2 kg/m3; TOW = 50,000 × 10 × 3.2 kg = 1,600 t
    //   deep lagoon MCF 0.8; CH4 = 1,600 × 0.25 × 0.8 = 320 t
    // other: measured load 0.5 万吨 COD = 5,000 t; shallow lagoon MCF 0.2; CH4 = 5,000 × 0.25 × 0.2 = 250 t
    // total = 82.7 + 480 + 320 + 250 = 1,132.7 t
    const line = compute({
      industries: [
        BREWERY,
        {
          industry: 'pulp-paper',
          production: { value: 2, unit: '万吨' },
          wastewater: { value: 50, unit: 'm3/t' },
          treatment: [{ system: 'untreated-sea-river-lake', share: 0.3 }, { system: 'aerobic-overloaded', share: 0.7 }],
          sludgeRemoved: { value: 1000, unit: 't' },
        },
        { industry: 'sugar-refining', production: { value: 5, unit: '万吨' }, wastewater: { value: 10, unit: '立方米/吨' }, treatment: [{ system: 'anaerobic-lagoon-deep', share: 1 }] },
        { industry: 'other', organics: { value: 0.5, unit: '万吨' }, treatment: [{ system: 'anaerobic-lagoon-shallow', share: 1 }] },
      ],
    });
    expect(closeTo(line.gases.CH4, 1132.7, 1e-12)).toBe(true);
    const ids = line.factors.map((factor) => factor.id);
    expect(ids).toEqual(expect.arrayContaining(['line:wastewater', 'ipcc2006.ww.ind.cod.pulp-paper', 'ipcc2006.ww.ind.cod.sugar-refining', 'line:organics', 'line:sludgeRemoved']));
    expect(ids).not.toContain('ipcc2006.ww.ind.w.pulp-paper');
    const noSludge = line.assumptions.find((assumption) => assumption.code === 'wastewater-no-sludge-removal')!;
    expect(noSludge.text.en).toBe('no `sludgeRemoved` given for industries[0] (beer-malt), industries[2] (sugar-refining), industries[3] (other): S = 0 (Eq 6.4)');
  });

  it('lists and states a default once however many industries use it', () => {
    const line = compute({ industries: [BREWERY, { ...BREWERY, production: { value: 1, unit: '万吨' }, recovered: undefined }] });
    // 182.7 − 100 + 18.27 = 100.97 t
    expect(closeTo(line.gases.CH4, 100.97, 1e-12)).toBe(true);
    const ids = line.factors.map((factor) => factor.id);
    expect(ids.filter((id) => id === 'ipcc2006.ww.ind.mcf.anaerobic-reactor')).toHaveLength(1);
    expect(ids.filter((id) => id === 'ipcc2006.ww.ind.w.beer-malt')).toHaveLength(1);
    expect(line.assumptions.filter((assumption) => assumption.text.en.includes('ipcc2006.ww.ind.w.beer-malt'))).toHaveLength(1);
  });

  it('takes B0 and an MCF from the line', () => {
    // 1,827 t COD × 0.2 × (0.5 × 0.6 + 0.5 × 0) = 1,827 × 0.06 = 109.62 t; − 100 recovered = 9.62 t
    const line = compute({ b0: 0.2, industries: [{ ...BREWERY, treatment: [{ system: 'anaerobic-reactor', share: 0.5, mcf: 0.6 }, { system: 'aerobic-well-managed', share: 0.5 }] }] });
    expect(closeTo(line.gases.CH4, 9.62, 1e-12)).toBe(true);
    expect(line.factors.map((factor) => factor.id)).toEqual(expect.arrayContaining(['line:b0', 'line:mcf']));
  });

  it('holds Table 6.9 for every industry', () => {
    // 1 t of product, all through an anaerobic reactor (MCF 0.8): CH4 = W × COD / 1000 × 0.25 × 0.8 t.
    // Sugar refining has no W and vegetable oils no COD in Table 6.9: the test gives 1 of each.
    const table69: [string, number, number][] = [
      ['alcohol-refining', 24, 11], ['beer-malt', 6.3, 2.9], ['dairy', 7, 2.7], ['meat-poultry', 13, 4.1],
      ['organic-chemicals', 67, 3], ['petroleum-refineries', 0.6, 1.0], ['plastics-resins', 0.6, 3.7], ['pulp-paper', 162, 9],
      ['starch', 9, 10], ['sugar-refining', 1, 3.2], ['vegetable-oils', 3.1, 1], ['vegetables-fruits-juices', 20, 5.0], ['wine-vinegar', 23, 1.5],
    ];
    for (const [industry, w, cod] of table69) {
      const entry: Line = { industry, production: { value: 1, unit: 't' }, treatment: [{ system: 'anaerobic-reactor', share: 1 }] };
      if (industry === 'sugar-refining') entry['wastewater'] = { value: 1, unit: 'm3/t' };
      if (industry === 'vegetable-oils') entry['cod'] = { value: 1, unit: 'kg/m3' };
      expect(closeTo(compute({ industries: [entry] }).gases.CH4, ((w * cod) / 1000) * 0.25 * 0.8, 1e-12), industry).toBe(true);
    }
  });
});

describe('industrial wastewater: bad input', () => {
  it('wants W where Table 6.9 has none, COD likewise, and both for `other`', () => {
    const treatment = [{ system: 'aerobic-overloaded', share: 1 }];
    const production = { value: 1, unit: '万吨' };
    expect(
      problems({
        industries: [
          { industry: 'sugar-refining', production, treatment },
          { industry: 'vegetable-oils', production, treatment },
          { industry: 'other', production, treatment },
        ],
      }),
    ).toEqual([
      { path: 'activities.0.industries.0.wastewater', code: 'missing-parameter' },
      { path: 'activities.0.industries.1.cod', code: 'missing-parameter' },
      { path: 'activities.0.industries.2.wastewater', code: 'missing-parameter' },
      { path: 'activities.0.industries.2.cod', code: 'missing-parameter' },
    ]);
    const { issues } = run({ industries: [{ industry: 'sugar-refining', production, treatment }] });
    expect(formatIssue(issues[0]!)).toBe('activities[0].industries[0].wastewater: the library has no default `wastewater` for method wastewater-industrial (sugar-refining): give it on the line');
  });

  it('reports every problem in every entry with its path', () => {
    expect(
      problems({
        industries: [
          { industry: 'bier', prodution: { value: 1, unit: 't' }, treatment: [{ system: 'septic', share: 1 }] },
          { industry: 'dairy', production: { value: 1, unit: 'm3' }, cod: { value: 3, unit: 'kg/t' }, treatment: [{ system: 'anaerobic-reactor', share: 0.6 }] },
          { industry: 'starch', organics: { value: 10, unit: 't' }, production: { value: 1, unit: 't' }, treatment: [{ system: 'anaerobic-reactor', share: 1 }] },
          'starch',
        ],
      }),
    ).toEqual([
      { path: 'activities.0.industries.0.prodution', code: 'unknown-field' },
      { path: 'activities.0.industries.3', code: 'type' },
      { path: 'activities.0.industries.0.industry', code: 'unknown-category' },
      { path: 'activities.0.industries.0.production', code: 'required' },
      { path: 'activities.0.industries.0.treatment.0.system', code: 'unknown-category' },
      { path: 'activities.0.industries.1.production.unit', code: 'wrong-dimension' },
      { path: 'activities.0.industries.1.cod.unit', code: 'wrong-dimension' },
      { path: 'activities.0.industries.1.treatment', code: 'shares-sum' },
      { path: 'activities.0.industries.2.production', code: 'conflict' },
    ]);
  });

  it('refuses recovery beyond generation, sludge beyond the load, and a missing or empty list', () => {
    // The brewery generates 182.7 t CH4 from 1,827 t COD.
    expect(problems({ industries: [{ ...BREWERY, recovered: { value: 200, unit: 't' } }] })).toEqual([{ path: 'activities.0.industries.0.recovered', code: 'out-of-range' }]);
    expect(problems({ industries: [{ ...BREWERY, sludgeRemoved: { value: 2000, unit: 't' } }] })).toEqual([{ path: 'activities.0.industries.0.sludgeRemoved', code: 'out-of-range' }]);
    expect(problems({})).toEqual([{ path: 'activities.0.industries', code: 'required' }]);
    const { issues } = run({ industries: [] });
    expect(issues.map((issue) => formatIssue(issue))).toEqual(['activities[0].industries: expected array, got an empty array']);
  });
});
