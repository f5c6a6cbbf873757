/**
 * Incineration and open burning (GPC III.3), worked by hand from IPCC 2006 Vol.5:
 * Table 2.4 (dry matter % wet / total carbon % dry / fossil % of carbon): food 40/38/0, paper 90/46/1,
 * plastics 100/75/100, other (inert) 90/3/100, glass dm 100 with no carbon value; Table 5.2: industrial
 * waste carbon 50%, fossil 90%; sewage sludge fossil 0; oxidation 1 (incineration), 0.58 (open burning).
 * CH4: Table 5.3 continuous stoker 0.2 kg/Gg wet, batch stoker 60 kg/Gg; open burning 6,500 g/t wet.
 * N2O: Table 5.6 MSW continuous 50 g/t wet, batch 60 g/t wet, open burning 150 g/t dry, industrial 100 g/t
 * wet, sewage sludge 900 g/t wet. CO2 = Σ SW × dm × CF × FCF × OF × 44/12 (Eq 5.1).
 */
import { describe, expect, it } from 'vitest';
import { type InventoryResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLines, messages, problemsOf, quantity, type Fields } from '../../../../../test/support/method-line.ts';

const CO2_PER_C = 44 / 12;

const run = (line: Fields, gwp = 'AR5'): InventoryResult => computeLines([{ gpc: 'III.3.1', method: 'incineration', ...line }], { gwp });
const issues = (line: Fields): string[] => messages(problemsOf([{ gpc: 'III.3.1', method: 'incineration', ...line }]));
const tonnes = quantity;

describe('incineration and open burning', () => {
  it('MSW incinerated in a continuous stoker, by composition', () => {
    // 10 万吨 = 100,000 t: food 50,000, paper 20,000, plastics 20,000, glass 10,000 (carbon 0 given: Table 2.4 has none).
    // Fossil C: food 50,000 × 0.40 × 0.38 × 0 = 0; paper 20,000 × 0.90 × 0.46 × 0.01 = 82.8; plastics 20,000 × 1 × 0.75 × 1 = 15,000.
    // CO2 = 15,082.8 × 1 × 44/12 = 55,303.6 t. CH4 = 100 Gg × 0.2 kg/Gg = 20 kg = 0.02 t. N2O = 100,000 t × 50 g/t = 5 t.
    // AR5: 55,303.6 + 0.02 × 28 + 5 × 265 = 56,629.16 tCO2e. AR6 (non-fossil CH4 27.0, N2O 273): 55,303.6 + 0.54 + 1,365 = 56,669.14.
    // Biogenic C (not counted): food 50,000 × 0.40 × 0.38 = 7,600; paper 20,000 × 0.90 × 0.46 × 0.99 = 8,197.2 → × 44/12 = 57,923.1 t CO2.
    const line = {
      practice: 'incineration',
      technology: 'continuous-stoker',
      waste: tonnes(10, '万吨'),
      composition: { food: 0.5, paper: 0.2, plastics: 0.2, glass: 0.1 },
      carbon: { glass: 0 },
    };
    const result = run(line).lines[0]!;
    expect(closeTo(result.gases.CO2, 15082.8 * CO2_PER_C)).toBe(true);
    expect(closeTo(result.gases.CO2, 55303.6)).toBe(true);
    expect(closeTo(result.gases.CH4, 0.02)).toBe(true);
    expect(closeTo(result.gases.N2O, 5)).toBe(true);
    expect(closeTo(result.co2e, 56629.16)).toBe(true);
    expect(closeTo(run(line, 'AR6').lines[0]!.co2e, 56669.14)).toBe(true);
    expect(result.method).toBe('incineration');
    expect(result.factors.map((f) => f.id)).toContain('line:carbon.glass');
    expect(result.factors.map((f) => f.id)).toContain('ipcc2006.inc.ch4.msw.continuous-stoker');
    expect(result.factors.map((f) => f.id)).toContain('ipcc2006.inc.n2o.msw.continuous-semi-continuous');
    expect(result.assumptions.map((a) => a.code)).toContain('incineration-stream-msw');
    expect(result.assumptions.find((a) => a.code === 'incineration-biogenic-co2')?.text.en).toContain('biogenic CO2 of 57923.1 t');
  });

  it('open burning: oxidation 0.58, CH4 per wet tonne, N2O per dry tonne', () => {
    // 1,000 t: food 600, plastics 300, other 100. Fossil C = 300 × 1 × 0.75 × 1 + 100 × 0.90 × 0.03 × 1 = 225 + 2.7 = 227.7 t;
    // CO2 = 227.7 × 0.58 × 44/12 = 484.242 t. CH4 = 1,000 × 6.5 kg/t = 6.5 t.
    // Dry matter = 600 × 0.40 + 300 × 1 + 100 × 0.90 = 630 t; N2O = 630 × 150 g/t = 94.5 kg = 0.0945 t.
    const result = run({ practice: 'open-burning', stream: 'msw', waste: tonnes(1000), composition: { food: 0.6, plastics: 0.3, other: 0.1 } }).lines[0]!;
    expect(closeTo(result.gases.CO2, 227.7 * 0.58 * CO2_PER_C)).toBe(true);
    expect(closeTo(result.gases.CO2, 484.242)).toBe(true);
    expect(closeTo(result.gases.CH4, 6.5)).toBe(true);
    expect(closeTo(result.gases.N2O, 0.0945)).toBe(true);
    expect(result.factors.map((f) => f.id)).toContain('ipcc2006.inc.oxidation.open-burning');
    expect(result.assumptions.map((a) => a.code)).not.toContain('incineration-stream-msw');
  });

  it('waste given by type, batch incinerator', () => {
    // Paper 100 t, plastics 50 t: fossil C = 100 × 0.90 × 0.46 × 0.01 + 50 × 1 × 0.75 × 1 = 0.414 + 37.5 = 37.914 t;
    // CO2 = 37.914 × 44/12 = 139.018 t. CH4 = 0.15 Gg × 60 kg/Gg = 9 kg; N2O = 150 t × 60 g/t = 9 kg.
    const result = run({ practice: 'incineration', technology: 'batch-stoker', wasteByType: { paper: tonnes(100), plastics: tonnes(50000, 'kg') } }).lines[0]!;
    expect(closeTo(result.gases.CO2, 37.914 * CO2_PER_C)).toBe(true);
    expect(closeTo(result.gases.CH4, 0.009)).toBe(true);
    expect(closeTo(result.gases.N2O, 0.009)).toBe(true);
    expect(result.factors.map((f) => f.id)).toContain('ipcc2006.inc.n2o.msw.batch');
  });

  it('line overrides for MSW: dry matter, fossil fraction, oxidation and per-gas factors', () => {
    // 1,000 t: paper 500 (dm 0.8 given, fossil 0 given), plastics 500 (defaults). Fossil C = 0 + 500 × 1 × 0.75 × 1 = 375 t;
    // CO2 = 375 × 0.95 (given) × 44/12 = 1,306.25 t. CH4 = 1,000 × 1 g/t = 0.001 t; N2O = 1,000 × 20 g/t = 0.02 t.
    const result = run({
      practice: 'incineration',
      waste: tonnes(1000),
      composition: { paper: 0.5, plastics: 0.5 },
      dm: { paper: 0.8 },
      fossilCarbon: { paper: 0 },
      oxidation: 0.95,
      ch4Factor: tonnes(1, 'g/t'),
      n2oFactor: tonnes(20, 'g/t'),
    }).lines[0]!;
    expect(closeTo(result.gases.CO2, 1306.25)).toBe(true);
    expect(closeTo(result.gases.CH4, 0.001)).toBe(true);
    expect(closeTo(result.gases.N2O, 0.02)).toBe(true);
    expect(result.factors.map((f) => f.id)).toEqual(
      expect.arrayContaining(['line:dm.paper', 'line:fossilCarbon.paper', 'line:oxidation', 'line:ch4Factor', 'line:n2oFactor']),
    );
  });

  it('industrial waste (Table 5.2 carbon, Table 5.6 N2O), its dry matter and CH4 factor from the line', () => {
    // 1 万吨, dm 0.9 given: fossil C = 10,000 × 0.9 × 0.50 × 0.90 = 4,050 t; CO2 = 4,050 × 44/12 = 14,850 t.
    // CH4 = 10 Gg × 0.2 kg/Gg (given) = 2 kg; N2O = 10,000 t × 100 g/t = 1 t.
    const line = { practice: 'incineration', stream: 'industrial', waste: tonnes(1, '万吨'), dm: 0.9, ch4Factor: tonnes(0.2, 'kg/Gg') };
    const result = run(line).lines[0]!;
    expect(closeTo(result.gases.CO2, 14850)).toBe(true);
    expect(closeTo(result.gases.CH4, 0.002)).toBe(true);
    expect(closeTo(result.gases.N2O, 1)).toBe(true);
    expect(result.factors.map((f) => f.id)).toEqual(
      expect.arrayContaining(['line:dm', 'ipcc2006.inc.carbon.industrial', 'ipcc2006.inc.fossil-carbon.industrial', 'ipcc2006.inc.n2o.industrial.incineration']),
    );
    expect(issues({ ...line, dm: undefined, ch4Factor: undefined })).toEqual([
      'activities[0].dm: the library has no default `dm` for method incineration (industrial): give it on the line',
      'activities[0].ch4Factor: the library has no default `ch4Factor` for method incineration (industrial, incineration): give it on the line',
    ]);
  });

  it('sewage sludge: no fossil carbon, so no dry matter or carbon content is needed', () => {
    // Fossil fraction 0 (Table 5.2) → CO2 0 whatever dm and CF; N2O = 5,000 t × 900 g/t = 4.5 t; CH4 = 5,000 × 1 g/t = 0.005 t (given).
    const result = run({ practice: 'incineration', stream: 'sewage-sludge', waste: tonnes(5000), ch4Factor: tonnes(1, 'g/t') }).lines[0]!;
    expect(result.gases.CO2).toBe(0);
    expect(closeTo(result.gases.N2O, 4.5)).toBe(true);
    expect(closeTo(result.gases.CH4, 0.005)).toBe(true);
    expect(result.assumptions.map((a) => a.code)).not.toContain('incineration-biogenic-co2');
  });

  it('asks for what Table 5.3 and Table 2.4 do not give', () => {
    // Continuous fluidised bed: Table 5.3 gives "~0", not a number. Metal and glass: Table 2.4 gives no carbon content.
    expect(issues({ practice: 'incineration', technology: 'continuous-fluidised-bed', waste: tonnes(1, '万吨'), composition: 'eastern-asia' })).toEqual([
      'activities[0].carbon: the library has no default `carbon` for method incineration (metal): give it on the line',
      'activities[0].fossilCarbon: the library has no default `fossilCarbon` for method incineration (metal): give it on the line',
      'activities[0].carbon: the library has no default `carbon` for method incineration (glass): give it on the line',
      'activities[0].fossilCarbon: the library has no default `fossilCarbon` for method incineration (glass): give it on the line',
      'activities[0].ch4Factor: the library has no default `ch4Factor` for method incineration (msw, continuous-fluidised-bed): give it on the line',
    ]);
  });

  it('with the Eastern Asia preset, stating what it leaves out', () => {
    // 1 万吨 with Table 2.3 fractions. Fossil C per t wet (dm × CF × FCF): paper 0.188 × 0.9 × 0.46 × 0.01 = 0.000778;
    // textiles 0.035 × 0.8 × 0.5 × 0.2 = 0.0028; rubber 0.01 × 0.84 × 0.67 × 0.2 = 0.0011256; plastics 0.143 × 1 × 0.75 = 0.10725;
    // other 0.074 × 0.9 × 0.03 × 1 = 0.001998; food, wood 0; metal, glass 0 (carbon 0 given). Sum 0.1139519 t C/t.
    // CO2 = 10,000 × 0.1139519 × 44/12 = 4,178.236 t.
    const fossil = 0.188 * 0.9 * 0.46 * 0.01 + 0.035 * 0.8 * 0.5 * 0.2 + 0.01 * 0.84 * 0.67 * 0.2 + 0.143 * 0.75 + 0.074 * 0.9 * 0.03;
    const result = run({ practice: 'incineration', technology: 'semi-continuous-stoker', waste: tonnes(1, '万吨'), composition: 'eastern-asia', carbon: { metal: 0, glass: 0 } }).lines[0]!;
    expect(closeTo(result.gases.CO2, 10000 * fossil * CO2_PER_C, 1e-9)).toBe(true);
    expect(closeTo(result.gases.CO2, 4178.236, 1e-6)).toBe(true);
    // CH4 applies to all the waste burnt, the uncharacterised 19.5% included: 10 Gg × 6 kg/Gg = 60 kg (Table 5.3
    // semi-continuous stoker); N2O = 10,000 t × 50 g/t = 0.5 t.
    expect(closeTo(result.gases.CH4, 0.06)).toBe(true);
    expect(closeTo(result.gases.N2O, 0.5)).toBe(true);
    expect(result.assumptions.find((a) => a.code === 'waste-composition-preset')?.text.en).toContain('fossil CO2 (and the dry mass of open burning) are lower bounds');
  });

  it('reports bad input with paths', () => {
    expect(issues({ practice: 'burning', waste: tonnes(1) })).toEqual([
      'activities[0].practice: "burning" is not one of "incineration", "open-burning"',
      'activities[0].composition: is required',
    ]);
    expect(issues({ practice: 'open-burning', technology: 'batch-stoker', waste: tonnes(1), composition: { food: 1 } })).toEqual([
      'activities[0].technology: "practice" and "technology" cannot go together (they set the same value, or contradict each other): keep one',
    ]);
    expect(issues({ practice: 'incineration', waste: tonnes(1), composition: { food: 1 } })).toEqual(['activities[0].technology: is required']);
    expect(issues({ practice: 'incineration', stream: 'industrial', waste: tonnes(1), composition: { food: 1 }, dm: { food: 0.4 } })).toEqual([
      'activities[0].composition: "stream" and "composition" cannot go together (they set the same value, or contradict each other): keep one',
      'activities[0].dm: expected number, got object',
    ]);
    expect(issues({ practice: 'incineration', technology: 'batch-stoker', wasteByType: { paper: tonnes(1, 'GJ'), plastik: tonnes(1) }, waste: tonnes(2) })).toEqual([
      'activities[0].waste: "wasteByType" and "waste" cannot go together (they set the same value, or contradict each other): keep one',
      'activities[0].wasteByType.paper.unit: unit "GJ" measures energy, expected mass',
      'activities[0].wasteByType.plastik: "plastik" is not one of "food", "garden", "paper", "wood", "textiles", "nappies", "rubber", "plastics", "metal", "glass", "other" (did you mean "plastics"?)',
    ]);
    expect(issues({ practice: 'incineration', technology: 'batch-stoker', waste: tonnes(1), composition: { food: 1 }, carbon: { food: 38 } })).toEqual([
      'activities[0].carbon.food: 38 is out of range: expected 0 to 1',
    ]);
  });
});
