/** Emissions as the explorer shows them: tCO2e on BASIC, tCO2 on the official basis, 万/亿 in Chinese (format.ts). */
import { formatNumber, formatScaled } from '../../app/format.ts';
import type { Lang } from '../../app/i18n.ts';

export type EmissionUnit = 'tCO2e' | 'tCO2';

export const formatEmissions = (value: number, unit: EmissionUnit, lang: Lang): string =>
  formatScaled(value, lang, lang === 'zh' ? (unit === 'tCO2e' ? '吨CO2e' : '吨CO2') : unit === 'tCO2e' ? 't CO2e' : 't CO2');

/** The value axis: 万吨 in Chinese (the figures a Chinese report uses), full tonnes in English. */
export const axisName = (unit: EmissionUnit, lang: Lang): string => (lang === 'zh' ? (unit === 'tCO2e' ? '万吨CO2e' : '万吨CO2') : unit === 'tCO2e' ? 't CO2e' : 't CO2');
export const axisLabel = (value: number, lang: Lang): string => (lang === 'zh' ? formatNumber(value / 1e4, 'zh') : formatNumber(value, 'en'));
