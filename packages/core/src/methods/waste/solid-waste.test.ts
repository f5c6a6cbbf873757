/**
 * Solid waste disposal (GPC III.1), worked by hand from IPCC 2006 Vol.5: DOC Table 2.4 (food 0.15,
 * paper 0.40, wood 0.43, textiles 0.24, nappies 0.24; plastics, metal, glass, other 0), Eastern Asia
 * composition Table 2.3, MCF Table 3.1, OX Table 3.2, k Table 3.3, DOCf = F = 0.5 (Section 3.2.3).
 *
 * First-order decay with decay starting the year after deposit: waste deposited in year y leaves
 * DDOCm × e^{−k(T−1−y)} undecayed at the start of year T, of which a share (1 − e^{−k}) decomposes in T.
 * The expected values below use that closed form, not the method's year-by-year recursion (Eqs 3.4–3.5).
 */
import { describe, expect, it } from 'vitest';
import { type InventoryResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLines, messages, problemsOf, quantity, type Fields } from '../../../../../test/support/method-line.ts';

const CH4_PER_C = 16 / 12;
const e = (k: number): number => Math.exp(-k);

const run = (line: Fields, gwp = 'AR5'): InventoryResult => computeLines([{ gpc: 'III.1.1', ...line }], { gwp });
const issues = (line: Fields): string[] => messages(problemsOf([{ gpc: 'III.1.1', ...line }]));
const tonnes = quantity;

describe('solid waste disposal, first-order decay', () => {
  it('bulk MSW with a given DOC: two years decaying into 2022, the 2022 deposit not yet', () => {
    // DDOCm per year = 10,000 t × DOC 0.15 × DOCf 0.5 × MCF 1 (managed anaerobic) = 750 t C; k bulk MSW,
    // boreal/temperate wet = 0.09. Decomposed in 2022 = 750·e^{−0.09}(1 − e^{−0.09}) [2020] + 750(1 − e^{−0.09}) [2021]
    //   = 750 (1 − e^{−0.18}) = 750 × 0.1647298 = 123.5474 t C; the 50,000 t of 2022 decay from 2023.
    // CH4 = 123.5474 × F 0.5 × 16/12 = 82.3649 t; OX 0; AR5 × 28 = 2,306.22 tCO2e; AR6 non-fossil × 27.0 = 2,223.85.
    const line = {
      method: 'solid-waste-fod',
      history: [
        { year: 2020, waste: tonnes(1, '万吨') },
        { year: 2021, waste: tonnes(1, '万吨') },
        { year: 2022, waste: tonnes(5, '万吨') },
      ],
      doc: 0.15,
      site: 'managed-anaerobic',
      climate: 'boreal-temperate-wet',
    };
    const expected = 750 * (1 - e(0.18)) * 0.5 * CH4_PER_C;
    const result = run(line).lines[0]!;
    expect(closeTo(result.gases.CH4, expected)).toBe(true);
    expect(closeTo(result.gases.CH4, 82.36489, 1e-6)).toBe(true);
    expect(result.gases.CO2).toBe(0);
    expect(closeTo(result.co2e, expected * 28)).toBe(true);
    expect(closeTo(run(line, 'AR6').lines[0]!.co2e, expected * 27.0)).toBe(true);
    expect(result.method).toBe('solid-waste-fod');
    expect(result.factors.map((f) => f.id)).toEqual([
      'line:doc',
      'ipcc2006.swd.mcf.managed-anaerobic',
      'ipcc2006.swd.docf',
      'ipcc2006.swd.f',
      'ipcc2006.swd.ox.not-covered',
      'ipcc2006.swd.k.bulk-msw.boreal-temperate-wet',
      'gwp.ar5.ch4',
    ]);
    expect(result.assumptions.map((a) => a.code)).toEqual([
      'library-default',
      'library-default',
      'library-default',
      'library-default',
      'swd-no-recovery',
      'library-default',
      'swd-history-start',
    ]);
  });

  it('a composition decays by type (multi-phase) unless the line asks for bulk', () => {
    // 1 万吨 in 2021, wet composition food 0.5, paper 0.3, plastics 0.2; unmanaged shallow site MCF 0.4;
    // tropical moist/wet: k food 0.40, paper 0.07.
    // By type: DDOCm food = 10,000 × 0.5 × 0.15 × 0.5 × 0.4 = 150 t C; paper = 10,000 × 0.3 × 0.40 × 0.5 × 0.4 = 240 t C;
    //   decomposed 2022 = 150 (1 − e^{−0.40}) + 240 (1 − e^{−0.07}) = 49.4520 + 16.2255 = 65.6775 t C → CH4 43.7850 t.
    // Bulk: DOC = 0.5 × 0.15 + 0.3 × 0.40 = 0.195 (Eq 2.4); DDOCm = 10,000 × 0.195 × 0.5 × 0.4 = 390 t C; k bulk 0.17;
    //   decomposed = 390 (1 − e^{−0.17}) = 60.9707 t C → CH4 40.6471 t.
    const line = {
      method: 'solid-waste-fod',
      history: [{ year: 2021, waste: tonnes(1, '万吨') }],
      composition: { food: 0.5, paper: 0.3, plastics: 0.2 },
      site: 'unmanaged-shallow',
      climate: 'tropical-moist-wet',
    };
    const byType = run(line).lines[0]!;
    expect(closeTo(byType.gases.CH4, (150 * (1 - e(0.4)) + 240 * (1 - e(0.07))) * 0.5 * CH4_PER_C)).toBe(true);
    expect(closeTo(byType.gases.CH4, 43.78501, 1e-6)).toBe(true);
    expect(byType.assumptions.map((a) => a.code)).toContain('swd-decay-by-type');
    expect(byType.factors.map((f) => f.id)).toContain('ipcc2006.swd.k.paper.tropical-moist-wet');
    expect(byType.factors.map((f) => f.id)).toContain('ipcc2006.swd.doc.plastics');

    const bulk = run({ ...line, decay: 'bulk' }).lines[0]!;
    expect(closeTo(bulk.gases.CH4, 390 * (1 - e(0.17)) * 0.5 * CH4_PER_C)).toBe(true);
    expect(closeTo(bulk.gases.CH4, 40.64714, 1e-6)).toBe(true);
    expect(bulk.factors.map((f) => f.id)).toContain('ipcc2006.swd.k.bulk-msw.tropical-moist-wet');
    expect(bulk.assumptions.map((a) => a.code)).not.toContain('swd-decay-by-type');
    // A single k given on the line means bulk decay too, and says so: 390 (1 − e^{−0.2}) × 0.5 × 16/12 = 47.1328 t.
    const singleK = run({ ...line, k: 0.2 }).lines[0]!;
    expect(closeTo(singleK.gases.CH4, 390 * (1 - e(0.2)) * 0.5 * CH4_PER_C)).toBe(true);
    expect(singleK.assumptions.map((a) => a.code)).toContain('swd-decay-bulk');
  });

  it('takes every parameter from the line, with an oxidising cover and recovery', () => {
    // 1,000 t in 2021, DOC 0.2, MCF 1, DOCf 0.6, k 0.1, F 0.5: DDOCm = 1,000 × 0.2 × 0.6 × 1 = 120 t C;
    // decomposed 2022 = 120 (1 − e^{−0.1}) = 11.41951 t C; generated = 11.41951 × 0.5 × 16/12 = 7.61301 t CH4;
    // emitted = (7.61301 − 1 recovered) × (1 − OX 0.1, Table 3.2 covered) = 5.95171 t.
    const line = {
      method: 'solid-waste-fod',
      history: [{ year: 2021, waste: tonnes(1000) }],
      doc: 0.2,
      mcf: 1,
      k: 0.1,
      docf: 0.6,
      f: 0.5,
      oxidisingCover: true,
      recovered: tonnes(1000, 'kg'),
    };
    const result = run(line).lines[0]!;
    expect(closeTo(result.gases.CH4, (120 * (1 - e(0.1)) * 0.5 * CH4_PER_C - 1) * 0.9)).toBe(true);
    expect(closeTo(result.gases.CH4, 5.951710, 1e-6)).toBe(true);
    expect(result.factors.map((f) => f.id)).toEqual(['line:doc', 'line:mcf', 'line:docf', 'line:f', 'ipcc2006.swd.ox.covered', 'line:k', 'gwp.ar5.ch4']);
    expect(result.assumptions.map((a) => a.code)).not.toContain('swd-no-recovery');
  });

  it('lets each year have its own site and composition', () => {
    // 2020: 1,000 t of food on an unmanaged deep site (MCF 0.8): DDOCm = 1,000 × 0.15 × 0.5 × 0.8 = 60 t C, k food 0.06
    //   (boreal/temperate dry); one year of decay (2021) before 2022: decomposed = 60 e^{−0.06}(1 − e^{−0.06}) = 3.29065 t C.
    // 2021: 1,000 t of paper with MCF 1 given: DDOCm = 1,000 × 0.40 × 0.5 × 1 = 200 t C, k paper 0.04:
    //   decomposed = 200 (1 − e^{−0.04}) = 7.84211 t C. CH4 = (3.29065 + 7.84211) × 0.5 × 16/12 = 7.42184 t.
    const line = {
      method: 'solid-waste-fod',
      history: [
        { year: 2020, waste: tonnes(1000), composition: { food: 1 }, site: 'unmanaged-deep' },
        { year: 2021, waste: tonnes(1000), composition: { paper: 1 }, mcf: 1 },
      ],
      climate: 'boreal-temperate-dry',
    };
    const result = run(line).lines[0]!;
    const expected = (60 * e(0.06) * (1 - e(0.06)) + 200 * (1 - e(0.04))) * 0.5 * CH4_PER_C;
    expect(closeTo(result.gases.CH4, expected)).toBe(true);
    expect(closeTo(result.gases.CH4, 7.421838, 1e-6)).toBe(true);
    expect(result.factors.map((f) => f.id)).toContain('line:history[1].mcf');
  });

  it('uses the Eastern Asia preset and states that it covers 80.5% of the waste', () => {
    // Table 2.3 Eastern Asia, by type, 1 万吨 in 2021, MCF 1, boreal/temperate wet:
    // DDOCm food 10,000 × 0.262 × 0.15 × 0.5 = 196.5 (k 0.185); paper 10,000 × 0.188 × 0.40 × 0.5 = 376 (k 0.06);
    // textiles 10,000 × 0.035 × 0.24 × 0.5 = 42 (k 0.06); wood 10,000 × 0.035 × 0.43 × 0.5 = 75.25 (k 0.03).
    // Decomposed = 196.5 × 0.168896 + 418 × 0.058235 + 75.25 × 0.029554 = 33.188 + 24.342 + 2.224 = 59.754 t C → CH4 39.836 t.
    const line = { method: 'solid-waste-fod', history: [{ year: 2021, waste: tonnes(1, '万吨') }], composition: 'eastern-asia', site: 'managed-anaerobic', climate: 'boreal-temperate-wet' };
    const result = run(line).lines[0]!;
    const decomposed = 196.5 * (1 - e(0.185)) + (376 + 42) * (1 - e(0.06)) + 75.25 * (1 - e(0.03));
    expect(closeTo(result.gases.CH4, decomposed * 0.5 * CH4_PER_C, 1e-9)).toBe(true);
    expect(closeTo(result.gases.CH4, 39.83627, 1e-6)).toBe(true);
    const preset = result.assumptions.find((a) => a.code === 'waste-composition-preset');
    expect(preset?.text.en).toContain('covers 80.5% of the waste and has no data on garden, nappies');
    expect(preset?.text.en).toContain('lower bounds');
    expect(result.factors.filter((f) => f.id.startsWith('ipcc2006.swd.composition.eastern-asia.'))).toHaveLength(9);
  });

  it('asks for the k of nappies, which Table 3.3 does not give, and takes it from the line', () => {
    expect(
      issues({ method: 'solid-waste-fod', history: [{ year: 2021, waste: tonnes(1) }], composition: { food: 0.9, nappies: 0.1 }, site: 'managed-anaerobic', climate: 'tropical-dry' }),
    ).toEqual(['activities[0].k: the library has no default `k` for method solid-waste (nappies): give it on the line']);
    // DDOCm food = 1 t × 0.9 × 0.15 × 0.5 = 0.0675 t C (k 0.085, tropical dry); nappies = 1 × 0.1 × 0.24 × 0.5 = 0.012 t C (k 0.1 given).
    const result = run({ method: 'solid-waste-fod', history: [{ year: 2021, waste: tonnes(1) }], composition: { food: 0.9, nappies: 0.1 }, site: 'managed-anaerobic', climate: 'tropical-dry', k: { nappies: 0.1 } }).lines[0]!;
    expect(closeTo(result.gases.CH4, (0.0675 * (1 - e(0.085)) + 0.012 * (1 - e(0.1))) * 0.5 * CH4_PER_C, 1e-9)).toBe(true);
    expect(result.factors.map((f) => f.id)).toContain('line:k.nappies');
  });

  it('reports every problem of a history with its path', () => {
    expect(
      issues({
        method: 'solid-waste-fod',
        history: [{ year: 2019, waste: tonnes(1, '万吨') }, { year: 2021, waste: tonnes(1, 'MWh') }, { year: 2023, waste: tonnes(1), site: 'landfill', wast: 1 }],
        composition: { fod: 0.5, paper: 0.3 },
        climate: 'temperate',
      }),
    ).toEqual([
      'activities[0].composition.fod: "fod" is not one of "food", "garden", "paper", "wood", "textiles", "nappies", "rubber", "plastics", "metal", "glass", "other" (did you mean "food"?)',
      'activities[0].climate: "temperate" is not one of "boreal-temperate-dry", "boreal-temperate-wet", "tropical-dry", "tropical-moist-wet"',
      'activities[0].history[1].waste.unit: unit "MWh" measures energy, expected mass',
      'activities[0].history[2].wast: "wast" is not a known field (did you mean "waste"?)',
      'activities[0].history[2].year: year 2023 is after the inventory\'s year 2022: an inventory can only use data up to its own year',
      'activities[0].history[2].site: "landfill" is not one of "managed-anaerobic", "managed-semi-aerobic", "unmanaged-deep", "unmanaged-shallow", "uncategorised"',
      'activities[0].history[1].year: year 2021 breaks the sequence: expected 2020 (a year with nothing is written with 0, not left out)',
    ]);
  });

  it('refuses a history that stops early, a composition off 100%, and values it cannot find', () => {
    const base = { method: 'solid-waste-fod', site: 'managed-anaerobic', climate: 'boreal-temperate-wet' };
    // The last year must be 2021 or 2022: waste of 2020 and 2021 would otherwise be silently missing.
    expect(issues({ ...base, history: [{ year: 2018, waste: tonnes(1) }, { year: 2019, waste: tonnes(1) }], doc: 0.15 })).toEqual([
      'activities[0].history[1].year: 2019 is out of range: expected 2021 to 2022',
    ]);
    expect(issues({ ...base, history: [{ year: 2021, waste: tonnes(1) }], composition: { food: 0.5, paper: 0.3 } })).toEqual([
      'activities[0].composition: the shares add up to 0.8; they must add up to 1',
    ]);
    expect(issues({ ...base, history: [] })).toEqual(['activities[0].history: is required']);
    expect(issues({ method: 'solid-waste-fod', history: [{ year: 2021, waste: tonnes(1) }] })).toEqual(['activities[0].site: is required', 'activities[0].composition: is required', 'activities[0].climate: is required']);
    // One year without a site while the other has one: the missing one is named.
    expect(issues({ method: 'solid-waste-fod', doc: 0.15, k: 0.09, history: [{ year: 2020, waste: tonnes(1), site: 'unmanaged-deep' }, { year: 2021, waste: tonnes(1) }] })).toEqual([
      'activities[0].history[1].site: is required',
    ]);
  });

  it('refuses contradictory fields', () => {
    const base = { method: 'solid-waste-fod', history: [{ year: 2021, waste: tonnes(1) }], climate: 'boreal-temperate-wet' };
    expect(issues({ ...base, site: 'managed-anaerobic', mcf: 1, doc: 0.15 })).toEqual(['activities[0].mcf: "site" and "mcf" cannot go together (they set the same value, or contradict each other): keep one']);
    expect(issues({ ...base, site: 'unmanaged-deep', doc: 0.15, oxidisingCover: true })).toEqual(['activities[0].oxidisingCover: "site" and "oxidisingCover" cannot go together (they set the same value, or contradict each other): keep one']);
    expect(issues({ ...base, site: 'managed-anaerobic', doc: 0.15, ox: 0.1, oxidisingCover: true })).toEqual(['activities[0].ox: "ox" and "oxidisingCover" cannot go together (they set the same value, or contradict each other): keep one']);
    expect(issues({ ...base, site: 'managed-anaerobic', doc: 0.15, composition: { food: 1 } })).toEqual(['activities[0].doc: "doc" and "composition" cannot go together (they set the same value, or contradict each other): keep one']);
    expect(issues({ ...base, site: 'managed-anaerobic', doc: 0.15, decay: 'by-type' })).toEqual([
      'activities[0].doc: "decay" and "doc" cannot go together (they set the same value, or contradict each other): keep one',
      'activities[0].composition: is required',
    ]);
    expect(issues({ ...base, site: 'managed-anaerobic', doc: 0.15, k: { food: 0.1 } })).toEqual(['activities[0].k: expected number, got object']);
  });

  it('refuses more CH4 recovered than generated', () => {
    // Generated: 1 t × 0.15 × 0.5 × 1 × (1 − e^{−0.09}) × 0.5 × 16/12 = 0.004303 t, less than the 5 t said recovered.
    const [problem] = issues({ method: 'solid-waste-fod', history: [{ year: 2021, waste: tonnes(1) }], doc: 0.15, site: 'managed-anaerobic', climate: 'boreal-temperate-wet', recovered: tonnes(5) });
    expect(problem).toMatch(/^activities\[0\]\.recovered: 5 is out of range: expected 0 to 0\.0043/);
  });
});

describe('solid waste disposal, methane commitment', () => {
  it('computes L0 from a composition and the site', () => {
    // DOC = 0.6 × 0.15 + 0.1 × 0.40 + 0.3 × 0 = 0.13; L0 = MCF 0.8 × 0.13 × 0.5 × 0.5 × 16/12 = 0.0346667 t CH4/t;
    // CH4 = 10,000 t × 0.0346667 × (1 − 0) × (1 − 0) = 346.667 t.
    const result = run({ gpc: 'III.1.2', method: 'solid-waste-commitment', waste: tonnes(1, '万吨'), composition: { food: 0.6, paper: 0.1, other: 0.3 }, site: 'unmanaged-deep' }).lines[0]!;
    expect(closeTo(result.gases.CH4, 10000 * 0.8 * 0.13 * 0.25 * CH4_PER_C)).toBe(true);
    expect(closeTo(result.gases.CH4, 346.6667, 1e-6)).toBe(true);
    expect(result.assumptions.map((a) => a.code)).toContain('swd-no-recovery');
  });

  it('applies recovery and an oxidising cover', () => {
    // L0 = 0.5 (managed semi-aerobic) × 0.13 × 0.5 × 0.5 × 16/12 = 0.0216667; CH4 = 10,000 × 0.0216667 × 0.75 × 0.9 = 146.25 t.
    const result = run({ method: 'solid-waste-commitment', waste: tonnes(10000), doc: 0.13, site: 'managed-semi-aerobic', recoveredFraction: 0.25, oxidisingCover: true }).lines[0]!;
    expect(closeTo(result.gases.CH4, 146.25)).toBe(true);
    expect(result.factors.map((f) => f.id)).toEqual(['line:doc', 'ipcc2006.swd.mcf.managed-semi-aerobic', 'ipcc2006.swd.docf', 'ipcc2006.swd.f', 'ipcc2006.swd.ox.covered', 'line:recoveredFraction', 'gwp.ar5.ch4']);
  });

  it('with the Eastern Asia preset', () => {
    // DOC = 0.262 × 0.15 + 0.188 × 0.40 + 0.035 × 0.43 + 0.035 × 0.24 = 0.0393 + 0.0752 + 0.01505 + 0.0084 = 0.13795;
    // L0 = 1 × 0.13795 × 0.25 × 16/12 = 0.0459833; CH4 = 10,000 × 0.0459833 = 459.833 t.
    const result = run({ method: 'solid-waste-commitment', waste: tonnes(1, '万吨'), composition: 'eastern-asia', site: 'managed-anaerobic' }).lines[0]!;
    expect(closeTo(result.gases.CH4, 10000 * 0.13795 * 0.25 * CH4_PER_C, 1e-9)).toBe(true);
    expect(result.assumptions.map((a) => a.code)).toContain('waste-composition-preset');
  });

  it('reports what is missing', () => {
    expect(issues({ method: 'solid-waste-commitment', waste: tonnes(1, 'm3') })).toEqual([
      'activities[0].waste.unit: unit "m3" measures volume, expected mass',
      'activities[0].composition: is required',
      'activities[0].site: is required',
    ]);
    expect(issues({ method: 'solid-waste-commitment', waste: tonnes(1), doc: { food: 0.1 }, site: 'dump', recoveredFraction: 1.5 })).toEqual([
      'activities[0].composition: is required',
      'activities[0].site: "dump" is not one of "managed-anaerobic", "managed-semi-aerobic", "unmanaged-deep", "unmanaged-shallow", "uncategorised"',
      'activities[0].recoveredFraction: 1.5 is out of range: expected 0 to 1',
    ]);
  });
});
