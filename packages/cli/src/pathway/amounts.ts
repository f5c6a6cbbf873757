import type { Lang } from '@peakpath/core';
import { formatNumber } from '../format/table.ts';

/**
 * Amounts in the summary lines of pathways and plans (a target's gap, a portfolio's cost), scaled as a Chinese
 * reader expects them: 万 from ten thousand, 亿 from a hundred million (2,607.0 万吨 CO2e, 436.6 亿元). Tables
 * keep full figures with separators and say their unit once; English lines keep full figures too.
 */

/** Tonnes of a quantity: CO2e, CO2 or standard coal, by the unit the figure is in. */
export type TonneUnit = 'tCO2e' | 'tCO2' | 'tce';

const TONNES_ZH: Record<TonneUnit, { readonly unit: string; readonly suffix: string }> = {
  tCO2e: { unit: '吨', suffix: ' CO2e' },
  tCO2: { unit: '吨', suffix: ' CO2' },
  tce: { unit: '吨标准煤', suffix: '' },
};

/** The scale of a Chinese amount: its divisor and the prefix of its unit (万吨, 亿元). */
function scale(value: number): { readonly divisor: number; readonly prefix: string; readonly digits: number } {
  const size = Math.abs(value);
  if (size >= 1e8) return { divisor: 1e8, prefix: '亿', digits: 2 };
  if (size >= 1e4) return { divisor: 1e4, prefix: '万', digits: 1 };
  return { divisor: 1, prefix: '', digits: 0 };
}

/** `value` tonnes: "2,607.0 万吨 CO2e" in Chinese, "26,070,000 tCO2e" in English. */
export function tonnesText(value: number, unit: TonneUnit, lang: Lang): string {
  if (lang === 'en') return `${formatNumber(value, 'en')} ${unit}`;
  const { divisor, prefix, digits } = scale(value);
  const { unit: name, suffix } = TONNES_ZH[unit];
  return `${formatNumber(value / divisor, 'zh', digits)} ${prefix}${name}${suffix}`;
}

/** `value` CNY: "436.6 亿元" in Chinese, "4,366,250 10,000 CNY" (the unit the English tables use) in English. */
export function yuanText(value: number, lang: Lang): string {
  if (lang === 'en') return `${formatNumber(value / 1e4, 'en')} 10,000 CNY`;
  const { divisor, prefix, digits } = scale(value);
  return `${formatNumber(value / divisor, 'zh', digits)} ${prefix}元`;
}
