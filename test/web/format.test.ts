/** The web app's number and text formatting (packages/web/src/app/format.ts): what every page prints figures with. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, formatInScale, formatMissing, formatPercent, formatScaled, formatTonnes, orMissing, tonnesScale, tonnesUnits } from '../../packages/web/src/app/format.ts';
import { formatScaled as coreScaled } from '@peakpath/core';

describe('figures as a city reads them', () => {
  it('Chinese: 万 from 10⁴ (one decimal), 亿 from 10⁸ (two), the unit chosen from the rounded figure', () => {
    expect(formatTonnes(35_522_460, 'zh')).toBe('3,552.2 万吨CO2e');
    expect(formatTonnes(103_700_000, 'zh')).toBe('1.04 亿吨CO2e');
    expect(formatTonnes(99_999_999, 'zh')).toBe('1.00 亿吨CO2e');
    expect(formatTonnes(9_999.96, 'zh')).toBe('1.0 万吨CO2e');
    expect(formatTonnes(-286_391, 'zh')).toBe('-28.6 万吨CO2e');
    expect(formatScaled(5, 'zh', '吨')).toBe('5.00 吨');
  });

  it('agrees with the CLI’s scaling (the core’s formatScaled) on the same figures', () => {
    for (const value of [12_345, 99_949, 99_950, 9_999.6, 35_522_460, 99_949_999, 99_950_000, 99_999_999, 103_700_000, 4_234_567_890, -286_391]) {
      expect(formatScaled(value, 'zh', '吨')).toBe(coreScaled(value, 't', 'zh'));
    }
  });

  it('English: full figures with thousands separators, never Mt', () => {
    expect(formatTonnes(35_522_460, 'en')).toBe('35,522,460 t CO2e');
    expect(formatPercent(0.115, 'en')).toBe('11.5 %');
    expect(formatPercent(0.115, 'zh')).toBe('11.5％');
  });

  it('a missing value is "no data yet", never 0', () => {
    expect(orMissing(null, 'zh', String)).toBe('暂无数据');
    expect(orMissing(undefined, 'en', String)).toBe('No data yet');
    expect(orMissing(Number.NaN, 'en', String)).toBe(formatMissing('en'));
    expect(orMissing(0, 'en', String)).toBe('0');
  });

  it('escapes names put into a chart tooltip’s HTML', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">&\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;');
    expect(escapeHtml('示例市（示例）')).toBe('示例市（示例）');
  });
});

describe('the unit a note or an axis states', () => {
  it('names the units the figures are printed in, each once, in their order', () => {
    expect(tonnesUnits([148_080_443, 2_067_056, 146_013_387], 'zh')).toBe('亿吨CO2e、万吨CO2e');
    expect(tonnesUnits([148_080_443, 146_013_387], 'zh')).toBe('亿吨CO2e');
    expect(tonnesUnits([35_522_460, 9_999.96], 'zh')).toBe('万吨CO2e');
    expect(tonnesUnits([148_080_443, 2_067_056], 'en')).toBe('t CO2e');
    // Each figure as formatTonnes prints it ends with one of the units named.
    for (const value of [148_080_443, 2_067_056, 99_999_999, 5]) expect(formatTonnes(value, 'zh').endsWith(tonnesUnits([value], 'zh'))).toBe(true);
  });

  it('scales a chart axis by its largest figure, as formatTonnes would print it', () => {
    expect(tonnesScale([0, 50_000_000, 116_371_153], 'zh')).toEqual({ unit: '亿吨CO2e', divisor: 1e8 });
    expect(tonnesScale([0, 99_999_999], 'zh')).toEqual({ unit: '亿吨CO2e', divisor: 1e8 });
    expect(tonnesScale([0, 3_552_246], 'zh')).toEqual({ unit: '万吨CO2e', divisor: 1e4 });
    expect(tonnesScale([116_371_153], 'en')).toEqual({ unit: 't CO2e', divisor: 1 });
    expect(formatInScale(120_000_000, { divisor: 1e8 }, 'zh')).toBe('1.2');
    expect(formatInScale(120_000_000, { divisor: 1 }, 'en')).toBe('120,000,000');
  });
});
