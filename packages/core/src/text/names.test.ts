import { describe, expect, it } from 'vitest';
import { dimensionName, formatScaled, fuelName, gasName, gpcName, unitName, withUnit } from './names.ts';

describe('display names', () => {
  it.each([
    ['t', '吨', 't'],
    ['vehicle', '辆', 'vehicle'],
    ['吨', '吨', 't'],
    ['km', '公里', 'km'],
    ['GJ/t', '吉焦/吨', 'GJ/t'],
    ['tCO2/MWh', '吨CO2/兆瓦时', 'tCO2/MWh'],
    ['1', '', '1'],
  ])('unit %s is %s in Chinese and %s in English', (spelling, zh, en) => {
    expect(unitName(spelling, 'zh')).toBe(zh);
    expect(unitName(spelling, 'en')).toBe(en);
  });

  it('leaves no unit after a plain ratio', () => {
    expect(withUnit('0.4', '1', 'zh')).toBe('0.4');
    expect(withUnit('20,364', 'vehicle', 'zh')).toBe('20,364 辆');
  });

  it('names dimensions, fuels, GPC references and gases', () => {
    expect(dimensionName('mass', 'zh')).toBe('质量');
    expect(dimensionName('energy/mass', 'zh')).toBe('能量/质量');
    expect(dimensionName('energy/mass', 'en')).toBe('energy/mass');
    expect(dimensionName('head', 'en')).toBe('head of animals');
    expect(fuelName('raw_coal', 'zh')).toBe('原煤');
    expect(fuelName('raw_coal', 'en')).toBe('Raw coal');
    expect(gpcName('I', 'zh')).toBe('固定能源活动');
    expect(gpcName('I.1', 'zh')).toBe('居民建筑');
    expect(gpcName('I.1.1', 'en')).toBe('Fuel combustion within the city boundary');
    expect(gpcName('IX.9', 'en')).toBeUndefined();
    expect(gasName('SO2', 'zh')).toBe('二氧化硫（SO2）');
    expect(gasName('PM2.5', 'zh', { withFormula: false })).toBe('细颗粒物');
    expect(gasName('NOx', 'en')).toBe('NOx');
  });

  it.each([
    [26_070_291, 'tCO2e', 'zh', '2,607.0 万吨 CO2e'],
    [2_607_029_100, 'tCO2e', 'zh', '26.07 亿吨 CO2e'],
    [8_512, 't', 'zh', '8,512 吨'],
    [-45_000, 'tce', 'zh', '-4.5 万吨标准煤'],
    [26_070_291, 'tCO2e', 'en', '26,070,291 tCO2e'],
  ] as const)('scales %d %s in %s as %s', (value, unit, lang, text) => {
    expect(formatScaled(value, unit, lang)).toBe(text);
  });
});
