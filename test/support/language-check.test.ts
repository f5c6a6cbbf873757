import { describe, expect, it } from 'vitest';
import { languageProblems } from './language-check.ts';

describe('the language rule', () => {
  it.each([
    '量纲为 质量',
    'activities[3].unit：未知单位 "kWhh"（是否应为 "kWh"？）',
    '请填写 `ncv`，单位 GJ/t；GPC I.1.1 行的 CO2 排放因子',
    '细颗粒物（PM2.5）与氮氧化物（NOx）',
    '请填写 energyRecovery',
  ])('passes the Chinese %s', (text) => {
    expect(languageProblems(text, 'zh')).toEqual([]);
  });

  it.each([
    ['20,364 vehicle', 'English "vehicle"'],
    ['量纲为 mass', 'English "mass"'],
    ['electricity 占该部门能耗', 'English "electricity"'],
    ['unknown unit', 'no Chinese'],
  ])('fails the Chinese %s', (text, problem) => {
    expect(languageProblems(text, 'zh').join('\n')).toContain(problem);
  });

  it('fails Chinese outside quotes in English, not a quoted user value', () => {
    expect(languageProblems('"原煤" is not a known unit', 'en')).toEqual([]);
    expect(languageProblems('the unit 吨 is mass', 'en')).toEqual(['text: Chinese outside quotes in an en text: "the unit 吨 is mass"']);
  });
});

describe('symbols and words', () => {
  it('passes symbols Chinese technical texts print as they are, not English words in capitals', () => {
    expect(languageProblems('废水 COD 浓度；可分解的 DOC 比例（DOCf）；白云石（CaMg(CO3)2）；Gg/10⁶ 立方米；0.67 kg/m³', 'zh')).toEqual([]);
    expect(languageProblems('合计 Total', 'zh').join('')).toContain('"Total"');
  });
});

describe('issue paths', () => {
  it('takes the place before a full-width colon as a path the user types, not English', () => {
    expect(languageProblems('grid："CN-east-2O22" 不是因子库中的电网排放因子', 'zh')).toEqual([]);
    expect(languageProblems('population：人口为 3 人；合计 total 为 5', 'zh').join('')).toContain('"total"');
  });
});
