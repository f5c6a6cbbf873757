import { formatFigure } from '../text/names.ts';
import type { BoundaryIssue, ConventionMismatch, Difference, Text } from './types.ts';

/** The bilingual texts of nested boundaries and district criteria: the one place they are written. */

/** A figure for a text: whole numbers as they are, others to 3 decimals without trailing zeros (0.5, not 0.500). */
export const t = (value: number): string => formatFigure(value, Number.isInteger(value) ? 0 : 3).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

const MISMATCH_NAMES: Record<ConventionMismatch['code'], Text> = {
  gwp: { en: 'GWP set', zh: 'GWP 取值' },
  'factor-set': { en: 'default factor set', zh: '默认因子集' },
  'library-version': { en: 'factor library version', zh: '因子库版本' },
  'grid-factor': { en: 'grid factor', zh: '电网排放因子' },
  'factor-value': { en: 'value of a factor', zh: '因子数值' },
  method: { en: 'calculation method', zh: '计算方法' },
  year: { en: 'inventory year', zh: '清单年份' },
  'energy-accounting': { en: 'energy accounting method', zh: '能源折标方法' },
};

export function mismatchText(code: ConventionMismatch['code'], part: string, city: string, partValue: string, rows: readonly string[]): Text {
  const name = MISMATCH_NAMES[code];
  const where = rows.length > 0 ? { en: ` (rows ${rows.join(', ')})`, zh: `（${rows.join('、')} 行）` } : { en: '', zh: '' };
  return {
    en: `${part} uses ${name.en} ${partValue}${where.en}, the city ${city}: its figures are not on the city's conventions and do not add to the city's as they stand`,
    zh: `${part} 的${name.zh}为 ${partValue}${where.zh}，城市为 ${city}：其数据与城市口径不一致，不能直接与城市数据相加`,
  };
}

export function differenceText(code: Difference['code'], basis: string, difference: number, tolerance: number): Text {
  switch (code) {
    case 'beyond-tolerance':
      return {
        en: `${basis}: city − parts − remainder = ${t(difference)} tCO2e, beyond the tolerance of ${t(tolerance)} tCO2e`,
        zh: `${basis}：城市 − 各部分 − 其余 = ${t(difference)} tCO2e，超出容差 ${t(tolerance)} tCO2e`,
      };
    case 'parts-exceed-city':
      return {
        en: `${basis}: the parts add to ${t(-difference)} tCO2e more than the city, so the computed remainder is negative`,
        zh: `${basis}：各部分合计比城市多 ${t(-difference)} tCO2e，计算所得的其余部分为负`,
      };
    default: {
      const unhandled: never = code;
      throw new Error(`unhandled difference ${String(unhandled)}`);
    }
  }
}

export const boundaryTexts = {
  scope1Sum: {
    en: 'Parts of a city do not overlap: their territorial emissions (scope 1) add up to the city\'s; scope 2 and 3 add up only when every part reports them as the city does (GPC 2014, "Aggregating city inventories")',
    zh: '城市的各部分边界互不重叠：其属地排放（范围一）相加等于城市的；范围二、三只有在各部分与城市同样报告时才可相加（GPC 2014，"合并城市清单"）',
  },
  remainderComputed: {
    en: 'No remainder stated: the remainder is computed as city − parts, and the differences it hides are only those where the parts exceed the city',
    zh: '未给出其余部分：其余部分按城市 − 各部分计算，只有各部分超出城市时才列为差异',
  },
  remainderStated: {
    en: 'The remainder is stated: city − parts − remainder is the difference, listed where it exceeds the tolerance',
    zh: '其余部分已给出：城市 − 各部分 − 其余部分为差异，超出容差者列出',
  },
  tolerance: (tolerance: number, stated: boolean): Text =>
    stated
      ? { en: `Tolerance ${t(tolerance)} tCO2e, as stated`, zh: `容差 ${t(tolerance)} tCO2e（已给出）` }
      : { en: `Tolerance ${t(tolerance)} tCO2e, the default (none stated)`, zh: `容差 ${t(tolerance)} tCO2e（未给出，取默认值）` },
} as const;

const ISSUE_TEXTS: Record<BoundaryIssue['code'], Text> = {
  'duplicate-part': { en: 'the id is used by another part (or the city)', zh: '该 id 已被其他部分（或城市）使用' },
  'no-parts': { en: 'no parts are given', zh: '未给出任何部分' },
  'tolerance-out-of-range': { en: 'the tolerance must be a finite number ≥ 0', zh: '容差须为 ≥ 0 的有限数' },
  'unknown-basis': { en: 'no inventory has this basis (basic, basicPlus, scope1–3, or <sector>.<basis> of a sector one reports)', zh: '没有清单包含此口径（basic、basicPlus、scope1–3，或某一已报告部门的 <部门>.<口径>）' },
  'remainder-not-finite': { en: 'a remainder figure must be a finite number', zh: '其余部分的数值须为有限数' },
  'credit-not-positive': { en: 'a reduction or credit must be a finite number of tCO2e > 0', zh: '减排量或抵消量须为 > 0 的有限 tCO2e 数' },
  'duplicate-credit': { en: 'the id is used by another reduction or credit', zh: '该 id 已被其他减排量或抵消量使用' },
  'population-missing': { en: 'a criterion per person needs the population (options.population)', zh: '人均指标需要给出人口（options.population）' },
  'gdp-missing': { en: 'a criterion per GDP needs the GDP in 万元 (options.gdpWanYuan)', zh: '单位 GDP 指标需要给出 GDP（万元，options.gdpWanYuan）' },
  'baseline-missing': { en: 'a criterion against a baseline needs the baseline (tCO2e)', zh: '相对基准的指标需要给出基准（tCO2e）' },
  'credits-out-of-range': { en: 'the reductions and credits add up beyond the numbers that can be computed: check their tco2e', zh: '减排量与抵消量合计超出可计算范围：请检查各项 tco2e' },
  'figure-out-of-range': { en: 'the emissions divided by this figure are beyond the numbers that can be computed: check its value and unit', zh: '排放量除以该数值超出可计算范围：请检查其数值与单位' },
};

export function boundaryIssue(path: readonly (string | number)[], code: BoundaryIssue['code'], got?: string): BoundaryIssue {
  const text = ISSUE_TEXTS[code];
  return { path, code, text: got === undefined ? text : { en: `${text.en} (got ${got})`, zh: `${text.zh}（实际为 ${got}）` } };
}
