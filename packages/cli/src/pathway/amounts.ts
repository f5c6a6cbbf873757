import { formatFigure, formatScaled, type Lang } from '@peakpath/core';

/**
 * Amounts in the summary lines of pathways and plans (a target's gap, a portfolio's cost), scaled as a Chinese
 * reader expects them by the core's `formatScaled` (2,607.0 万吨 CO2e, 436.63 亿元). Tables keep full figures with
 * separators and say their unit once; English lines keep full figures too.
 */

/** Tonnes of a quantity: CO2e, CO2 or standard coal, by the unit the figure is in. */
export type TonneUnit = 'tCO2e' | 'tCO2' | 'tce';

/** `value` tonnes: "2,607.0 万吨 CO2e" in Chinese, "26,070,000 tCO2e" in English. */
export function tonnesText(value: number, unit: TonneUnit, lang: Lang): string {
  if (unit !== 'tCO2') return formatScaled(value, unit, lang);
  // CO2 alone (China's official energy-activity CO2): tonnes scaled, the gas after them.
  return lang === 'en' ? `${formatFigure(value)} tCO2` : `${formatScaled(value, 't', 'zh')} CO2`;
}

/** `value` CNY: "436.63 亿元" in Chinese; in 10,000 CNY, the unit of the English tables, in English. */
export function yuanText(value: number, lang: Lang): string {
  return lang === 'en' ? `${formatFigure(value / 1e4)} 10,000 CNY` : formatScaled(value, 'CNY', 'zh');
}
