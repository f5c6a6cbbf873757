import { describe, expect, it } from 'vitest';
import starterData from '../../data/tracking/starter.json' with { type: 'json' };
import { loadStarter, starterIndicators } from './starter.ts';
import { TRACKING_AREAS } from './types.ts';

describe('the starter set of indicators', () => {
  it('covers the eight areas, and holds the official indicators with their national figures marked', () => {
    for (const area of TRACKING_AREAS) expect(starterIndicators(area).length).toBeGreaterThanOrEqual(2);
    const byId = new Map(starterIndicators().map((indicator) => [indicator.id, indicator]));
    expect(byId.get('co2-per-gdp-decline')).toMatchObject({ official: 'co2-per-gdp-decline', unit: '%', direction: 'increase', national: { year: 2025, value: 18, from: 2020, marker: 'S' } });
    expect(byId.get('energy-per-gdp-decline')).toMatchObject({ official: 'energy-per-gdp-decline', national: { value: 13.5, marker: 'S' } });
    expect(byId.get('non-fossil-share')).toMatchObject({ official: 'non-fossil-share', direction: 'increase', national: { value: 20 } });
    expect(byId.get('co2-per-gdp-decline')!.name.zh).toBe('单位GDP二氧化碳排放下降');
    expect(byId.get('non-fossil-share')!.name.zh).toBe('非化石能源占能源消费总量比重');
  });

  it('refuses data that breaks a rule: an id twice, an area left out', () => {
    const indicators = (starterData as { indicators: { id: string; area: string }[] }).indicators;
    expect(() => loadStarter({ ...starterData, indicators: [...indicators, indicators[0]] })).toThrow(/co2-per-gdp-decline: id given twice/);
    expect(() => loadStarter({ ...starterData, indicators: indicators.filter((indicator) => indicator.area !== 'cooperation') })).toThrow(/area cooperation has no indicator/);
    expect(() => loadStarter({ ...starterData, indicators: [{ ...indicators[0], direction: 'up' }] })).toThrow(/indicators\.0\.direction/);
  });
});
