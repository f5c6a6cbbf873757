/**
 * Grid factors as year-specific data (issue 12, item 4): the MEE/NBS series for 2021–2023 (provinces 2021–2022),
 * a grid named without its year taking the inventory year's factor or the nearest published year's, stated;
 * the carbon-market factors a series of their own that no lookup picks.
 */
import { describe, expect, it } from 'vitest';
import { chooseGrid, defaultLibrary, gridSeries, parseInventory, runInventory } from '../index.ts';

const SECONDARY = 'secondary';

/** china-accounting.md §4: national, excluding market-traded non-fossil, fossil, the seven regional grids. */
const NATIONAL_AND_REGIONAL: Record<string, readonly [number, number, number]> = {
  'CN-national': [0.5568, 0.5366, 0.5306],
  'CN-national-nonfossil-excluded': [0.5942, 0.5856, 0.6096],
  'CN-fossil': [0.8426, 0.8325, 0.8273],
  'CN-north': [0.712, 0.6776, 0.6361],
  'CN-northeast': [0.6012, 0.5564, 0.5122],
  'CN-east': [0.5992, 0.5617, 0.55],
  'CN-central': [0.5354, 0.5395, 0.5271],
  'CN-northwest': [0.5951, 0.5857, 0.5543],
  'CN-south': [0.4326, 0.3869, 0.4042],
  'CN-southwest': [0.2113, 0.2268, 0.2472],
};

/** china-accounting.md §4, provincial averages 2021 and 2022, with the regional grid of the reference's table. */
const PROVINCES: Record<string, readonly [string, number, number]> = {
  beijing: ['north', 0.5688, 0.558], tianjin: ['north', 0.7355, 0.7041], hebei: ['north', 0.7901, 0.7252],
  shanxi: ['north', 0.7222, 0.7096], neimenggu: ['north', 0.7025, 0.6849], liaoning: ['northeast', 0.5876, 0.5626],
  jilin: ['northeast', 0.5629, 0.4932], heilongjiang: ['northeast', 0.6342, 0.5368], shanghai: ['east', 0.5834, 0.5849],
  jiangsu: ['east', 0.6451, 0.5978], zhejiang: ['east', 0.5422, 0.5153], anhui: ['east', 0.7075, 0.6782],
  fujian: ['east', 0.4711, 0.4092], jiangxi: ['central', 0.5835, 0.5752], shandong: ['north', 0.6838, 0.641],
  henan: ['central', 0.6369, 0.6058], hubei: ['central', 0.3672, 0.4364], hunan: ['central', 0.5138, 0.49],
  guangdong: ['south', 0.4715, 0.4403], guangxi: ['south', 0.5154, 0.4044], hainan: ['south', 0.4524, 0.4184],
  chongqing: ['southwest', 0.4743, 0.5227], sichuan: ['southwest', 0.1255, 0.1404], guizhou: ['south', 0.5182, 0.4989],
  yunnan: ['south', 0.1235, 0.1073], shaanxi: ['northwest', 0.6336, 0.6558], gansu: ['northwest', 0.4955, 0.4772],
  qinghai: ['northwest', 0.1326, 0.1567], ningxia: ['northwest', 0.6546, 0.6423], xinjiang: ['northwest', 0.6577, 0.6231],
};

const NOTICES: Record<number, string> = { 2021: 'mee-grid-2021', 2022: 'mee-grid-2022', 2023: 'mee-grid-2023' };

describe('the MEE/NBS grid factors, year by year', () => {
  it('holds every national and regional value of 2021, 2022 and 2023 with its notice', () => {
    for (const [series, values] of Object.entries(NATIONAL_AND_REGIONAL)) {
      values.forEach((value, i) => {
        const year = 2021 + i;
        const factor = defaultLibrary.get(`${series}-${year}`);
        expect(factor?.value, `${series}-${year}`).toBe(value);
        expect(factor?.series).toBe(series);
        expect(factor?.year).toBe(year);
        expect(factor?.source.id).toBe(NOTICES[year]);
        expect(factor?.unit.id).toBe('t/MWh');
        // The 2021 value excluding market-traded non-fossil power is recalled, not found ([M]).
        expect(factor?.verification).toBe(series === 'CN-national-nonfossil-excluded' && year === 2021 ? 'unverified' : SECONDARY);
      });
    }
  });

  it('holds the 30 provincial averages of 2021 and 2022 with their regional grid, and none of 2023', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(30);
    for (const [province, [region, v2021, v2022]] of Object.entries(PROVINCES)) {
      for (const [year, value] of [[2021, v2021], [2022, v2022]] as const) {
        const factor = defaultLibrary.get(`CN-${province}-${year}`);
        expect(factor?.value, `CN-${province}-${year}`).toBe(value);
        expect(factor?.region).toBe(province);
        expect(factor?.regionalGrid).toBe(region);
        expect(factor?.source.id).toBe(NOTICES[year]);
        expect(factor?.verification).toBe(SECONDARY);
      }
      expect(defaultLibrary.get(`CN-${province}-2023`)).toBeUndefined();
    }
    expect(defaultLibrary.get('CN-xizang-2022')).toBeUndefined();
  });

  it('keeps the carbon-market factors a separate series, marked as such', () => {
    const market = defaultLibrary.select({ kind: 'grid' }).filter((factor) => factor.scheme === 'carbon-market');
    expect(market.map((factor) => [factor.id, factor.value]).sort()).toEqual([
      ['CN-ets-2021', 0.581],
      ['CN-ets-2022', 0.5703],
      ['CN-ets-previous', 0.6101],
    ]);
    for (const factor of market) expect(factor.series).toBeUndefined();
  });
});

describe('a grid named without its year', () => {
  it('takes the series factor of the inventory year', () => {
    expect(chooseGrid(defaultLibrary, 'CN-east', 2022)?.factor.id).toBe('CN-east-2022');
    expect(chooseGrid(defaultLibrary, 'CN-guangdong', 2021)?.factor.id).toBe('CN-guangdong-2021');
  });

  it('takes the nearest published year when the inventory year has none', () => {
    expect(chooseGrid(defaultLibrary, 'CN-east', 2024)?.factor.id).toBe('CN-east-2023');
    expect(chooseGrid(defaultLibrary, 'CN-east', 2015)?.factor.id).toBe('CN-east-2021');
    expect(chooseGrid(defaultLibrary, 'CN-guangdong', 2023)?.factor.id).toBe('CN-guangdong-2022');
  });

  it('never takes a carbon-market factor', () => {
    expect(chooseGrid(defaultLibrary, 'CN-ets', 2022)).toBeUndefined();
    for (const year of [2019, 2021, 2022, 2025]) {
      for (const series of [...Object.keys(NATIONAL_AND_REGIONAL), 'CN-hebei']) {
        expect(chooseGrid(defaultLibrary, series, year)?.factor.scheme).toBeUndefined();
      }
    }
    expect(gridSeries(defaultLibrary, 'CN-national').map((factor) => factor.value)).toEqual([0.5568, 0.5366, 0.5306]);
  });

  const inventory = (year: number, grid: string, lineGrid?: string) =>
    runInventory({
      city: { name: 'Test', country: 'CN' },
      year,
      gwp: 'AR5',
      factorSet: 'cn',
      grid,
      activities: [{ gpc: 'I.1.2', energy: 'electricity', amount: 1000, unit: 'MWh', ...(lineGrid ? { grid: lineGrid } : {}) }],
    });

  it('computes with the chosen factor and states the nearest-year choice in the result and on the line', () => {
    const run = inventory(2024, 'CN-east');
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    const line = run.result.lines[0]!;
    expect(line.gases.CO2).toBeCloseTo(1000 * 0.55, 9);
    expect(line.factors.map((factor) => factor.id)).toContain('CN-east-2023');
    const stated = 'grid factor CN-east-2023 for `CN-east`: no factor of the inventory year 2024 is published (the series has 2021, 2022, 2023), so the nearest year\'s, 2023, is used';
    expect(line.assumptions.map((assumption) => assumption.text.en)).toContain(stated);
    expect(run.result.assumptions.map((assumption) => [assumption.code, assumption.text.en])).toEqual([['grid-nearest-year', stated]]);
  });

  it('states a provincial 2023 inventory taking 2022, on a line naming its own grid', () => {
    const run = inventory(2023, 'CN-east-2023', 'CN-guangdong');
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.result.lines[0]!.gases.CO2).toBeCloseTo(1000 * 0.4403, 9);
    expect(run.result.assumptions.map((assumption) => assumption.code)).toEqual(['grid-nearest-year']);
    expect(run.result.assumptions[0]!.text.zh).toContain('采用最近年份 2022 年的 CN-guangdong-2022');
  });

  it('states the exact year when it is published', () => {
    const run = inventory(2022, 'CN-hebei');
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.result.lines[0]!.gases.CO2).toBeCloseTo(725.2, 9);
    expect(run.result.assumptions.map((assumption) => assumption.code)).toEqual(['grid-series-year']);
  });

  it('leaves a grid named with its year as it was: that factor, another year stated on the line only', () => {
    const run = inventory(2024, 'CN-east-2022');
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.result.lines[0]!.gases.CO2).toBeCloseTo(561.7, 9);
    expect(run.result.lines[0]!.assumptions.map((assumption) => assumption.code)).toEqual(['grid-from-file', 'grid-year', 'grid-co2-only']);
    expect(run.result.assumptions).toEqual([]);
  });

  it('reports an unknown series with the nearest name', () => {
    const parsed = parseInventory({ city: { name: 'Test', country: 'CN' }, year: 2022, grid: 'CN-guangdon', activities: [] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues).toEqual([{ path: ['grid'], code: 'unknown-grid', got: 'CN-guangdon', suggestion: 'CN-guangdong' }]);
  });
});
