import type { Lang } from '../../app/i18n.ts';
import { formatNumber, formatScaled } from '../../app/format.ts';

/** CNY as a city reads it: 万元/亿元 in Chinese, full figures in English. */
export const formatYuan = (value: number, lang: Lang): string => formatScaled(value, lang, lang === 'zh' ? '元' : 'CNY');

/** CNY per tonne, whole yuan: small enough never to need 万. */
export const formatPerTonne = (value: number, lang: Lang): string => `${formatNumber(value, lang)} ${lang === 'zh' ? '元/吨CO2e' : 'CNY/t CO2e'}`;
