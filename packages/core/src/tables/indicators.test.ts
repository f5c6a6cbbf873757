import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { propertySettings } from '../../../../test/support/fast-check.ts';
import { createEngine } from '../engine/engine.ts';
import type { TableCell } from './columns.ts';
import { indicatorsFromTable, indicatorsTable } from './indicators.ts';

const demo = parse(readFileSync(fileURLToPath(new URL('../../../../examples/demo-city/inventory.yaml', import.meta.url)), 'utf8')) as Record<string, unknown>;

describe('indicators table', () => {
  it('writes the inputs and the computed totals, by scope and by sector, as the engine computed them', () => {
    const computed = createEngine().inventory(demo);
    if (!computed.ok) throw new Error('the demo city computes');
    const result = computed.value;
    const table = indicatorsTable(demo, result, 'zh');
    expect(table.sheet).toBe('指标');
    const byKey = new Map(table.rows.slice(1).map((row) => [row[0], row]));
    expect(table.rows[0]).toEqual(['代码', '指标', '数值', '单位']);
    expect(byKey.get('year')).toEqual(['year', '清单年份', 2022, null]);
    expect(byKey.get('population')).toEqual(['population', '常住人口', 5200000, null]);
    expect(byKey.get('gdp')).toEqual(['gdp', '地区生产总值', 4800, '亿元']);
    expect(byKey.get('gdp.prices')?.[2]).toBe(2022);
    expect(byKey.get('total.basic')?.[2]).toBe(result.totals.basic);
    expect(byKey.get('total.scope2')).toEqual(['total.scope2', '范围二', result.totals.scope2, 'tCO2e']);
    expect(byKey.get('sector.I.scope1')?.[2]).toBe(result.bySector['I']!.scope1);
    expect(byKey.get('intensity.perGdp')?.[2]).toBe(result.intensity.perGdp);
    // The sectors' BASIC totals are the BASIC total.
    const sectors = table.rows.filter((row) => /^sector\.[IVX]+\.basic$/.test(String(row[0]))).map((row) => row[2] as number);
    expect(sectors.reduce((sum, value) => sum + value, 0)).toBeCloseTo(result.totals.basic, 6);
  });

  it('reads back the inputs and skips the computed rows', () => {
    const computed = createEngine().inventory(demo);
    if (!computed.ok) throw new Error('the demo city computes');
    const read = indicatorsFromTable(indicatorsTable(demo, computed.value, 'en'));
    expect(read).toEqual({ fields: { year: 2022, population: 5200000, gdp: { value: 4800, unit: '亿元', prices: 2022 } }, problems: [] });
  });

  it('reports unknown keys, bad numbers and units, repeated keys, all at once', () => {
    const rows: TableCell[][] = [
      ['指标', '代码', '数值', '单位'],
      ['年份', 'year', '2022.5', null],
      ['人口', 'populaton', 3, null],
      ['GDP', 'gdp', '4800', null],
      ['x', 'year', 2020, null],
      ['y', 'total.basic', 'anything', 'tCO2e'],
    ];
    const read = indicatorsFromTable({ sheet: 'I', rows });
    expect(read.problems.map((problem) => [problem.code, problem.cell])).toEqual([
      ['not-a-number', 'I!C2'],
      ['unknown-indicator', 'I!B3'],
      ['not-a-value-with-unit', 'I!D4'],
      ['duplicate-indicator', 'I!B5'],
    ]);
    expect(read.problems[0]!.en).toBe('I!C2 (数值): expected a year such as 2022 without a unit, got 2022.5');
  });

  it('round-trips any year, population and GDP', () => {
    const value = fc.double({ min: 1, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({ year: fc.integer({ min: 1900, max: 2100 }), population: fc.oneof(value, fc.record({ value, unit: fc.constantFrom('万人', '人') })), gdp: fc.record({ value, unit: fc.constantFrom('CNY', '万元', '亿元'), prices: fc.integer({ min: 1990, max: 2030 }) }, { requiredKeys: ['value', 'unit'] }) }, { requiredKeys: ['year'] }),
        (document) => {
          expect(indicatorsFromTable(indicatorsTable(document, undefined)).fields).toEqual(document);
        },
      ),
      propertySettings('tables: indicators round trip'),
    );
  });
});
