import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeTo, propertySettings } from '../../../../test/support/fast-check.ts';
import { convert, DimensionMismatchError, listUnits, parseUnit, suggestUnit, unit } from '../index.ts';

describe('units of the inventory file contract', () => {
  it.each([
    ['万t', '万吨'],
    ['m3', '立方米'],
    ['万m3', '万立方米'],
    ['亿m3', '亿立方米'],
    ['kWh', '千瓦时'],
    ['万kWh', '万千瓦时'],
    ['亿kWh', '亿千瓦时'],
    ['tce', '吨标准煤'],
    ['万tce', '万吨标准煤'],
    ['t', '吨'],
    ['kg', '千克'],
  ])('%s and %s are the same unit', (english, chinese) => {
    expect(parseUnit(english)).toBeDefined();
    expect(parseUnit(chinese)).toBe(parseUnit(english));
  });

  it.each(['t', 'kt', 'Gg', '万t', 'kg', 'm3', '万m3', '亿m3', 'kWh', 'MWh', 'GWh', '万kWh', '亿kWh', 'GJ', 'TJ', 'MJ', 'tce', '万tce'])(
    'knows %s',
    (spelling) => expect(parseUnit(spelling)?.id).toBe(spelling),
  );

  it.each([
    // Chinese statistical multiples (reference/factors.md §3)
    [1, '万吨', 't', 1e4],
    [1, '亿立方米', 'm3', 1e8],
    [1, '亿千瓦时', 'MWh', 1e5],
    [1, '万吨标准煤', 'GJ', 293076],
    [1, 'Gg', 't', 1000],
    [1, 'TJ', 'GJ', 1000],
    [1, 'MWh', 'GJ', 3.6],
    [1, 'tce', 'GJ', 29.3076],
    [1, '万元', 'CNY', 1e4],
    [1, '亿元', '万元', 1e4],
  ])('%d %s = %d %s', (value, from, to, expected) => {
    expect(convert(value, unit(from), unit(to))).toBeCloseTo(expected, 6);
  });

  it.each([
    ['GJ/t', 'energy/mass', 1],
    ['MJ/m3', 'energy/volume', 0.001],
    ['kg/TJ', 'mass/energy', 1e-6],
    ['tC/TJ', 'carbon/energy', 0.001],
    ['t/MWh', 'mass/energy', 1 / 3.6],
    ['kg/m3', 'mass/volume', 0.001],
    ['kg/t', 'mass/mass', 0.001],
    ['TJ/Gg', 'energy/mass', 1],
    ['gce/kWh', 'energy/energy', (0.0000293076) / 0.0036],
    ['吨/万立方米', 'mass/volume', 1e-4],
    ['L/100km', 'volume/distance', 1e-5],
    ['kWh/100km', 'energy/distance', 0.0036 / 100],
    ['kg/head', 'mass/head', 0.001],
    ['kg/ha', 'mass/area', 0.001],
  ])('compound %s measures %s (%d in base units)', (spelling, dimension, toBase) => {
    const parsed = parseUnit(spelling);
    expect(parsed?.dimension).toBe(dimension);
    expect(parsed!.toBase).toBeCloseTo(toBase, 12);
  });

  it('refuses to convert across dimensions and says which quantity and units', () => {
    expect(() => convert(1, unit('t'), unit('MWh'), 'activities[2].amount')).toThrowError(DimensionMismatchError);
    expect(() => convert(1, unit('t'), unit('MWh'), 'activities[2].amount')).toThrowError(
      'activities[2].amount: cannot convert t (mass) to MWh (energy)',
    );
    expect(() => convert(1, unit('GJ/t'), unit('MJ/m3'), 'ncv')).toThrowError('ncv: cannot convert GJ/t (energy/mass) to MJ/m3 (energy/volume)');
  });

  it('rejects unknown spellings and suggests the nearest', () => {
    expect(parseUnit('kWhh')).toBeUndefined();
    expect(suggestUnit('kWhh')).toBe('kWh');
    expect(suggestUnit('万吨标煤')).toBe('万吨标准煤');
    expect(suggestUnit('GJ/tt')).toBe('GJ/t');
    expect(parseUnit('t/fraction')).toBeUndefined();
    expect(parseUnit('a/b/c')).toBeUndefined();
  });

  it('conversions round-trip within a dimension', () => {
    const units = listUnits();
    const pairs = units.flatMap((a) => units.filter((b) => b.dimension === a.dimension).map((b) => [a, b] as const));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.double({ min: -1e12, max: 1e12, noNaN: true }), ([a, b], value) =>
        closeTo(convert(convert(value, a, b), b, a), value, 1e-12),
      ),
      propertySettings('unit conversions round-trip'),
    );
  });
});
