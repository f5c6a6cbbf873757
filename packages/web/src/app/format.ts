import type { Lang } from './i18n.ts';

/**
 * Numbers as the user reads them. Chinese: 万 (one decimal) from 10⁴ and 亿 (two decimals) from 10⁸,
 * the unit chosen from the rounded figure, as the CLI prints (99,999,999 t → 1.00 亿吨). English: full
 * figures with thousands separators, never Mt, so every screen's digits agree with the tables.
 * A missing value is never 0: it is "no data yet" (`formatMissing`).
 */
const grouped = (value: number, digits: number, lang: Lang): string =>
  value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A figure with thousands separators and a fixed number of decimals. */
export const formatNumber = (value: number, lang: Lang, digits = 0): string => grouped(value, digits, lang);

/** The 万/亿 step a Chinese figure is printed in: by the figure as printed (the core's thresholds, text/names.ts), so 99,999,999 is 1.00 亿, not 10,000.0 万. */
function zhStep(abs: number): { readonly prefix: '' | '万' | '亿'; readonly divisor: number; readonly digits: number } {
  if (abs >= 1e8 || Math.round(abs / 1e3) >= 1e5) return { prefix: '亿', divisor: 1e8, digits: 2 };
  if (abs >= 1e4 || Math.round(abs) >= 1e4) return { prefix: '万', divisor: 1e4, digits: 1 };
  return { prefix: '', divisor: 1, digits: abs < 10 ? 2 : 0 };
}

/** A quantity scaled for reading: `formatScaled(37931234, 'zh', '吨CO2e')` → "3,793.1 万吨CO2e". */
export function formatScaled(value: number, lang: Lang, unit: string, englishDigits = 0): string {
  if (lang === 'en') return `${grouped(value, englishDigits, lang)} ${unit}`;
  const step = zhStep(Math.abs(value));
  return `${grouped(value / step.divisor, step.digits, lang)} ${step.prefix}${unit}`;
}

const tonnesUnit = (lang: Lang): string => (lang === 'zh' ? '吨CO2e' : 't CO2e');

/** Tonnes CO2e as a city reads them: 万吨CO2e in Chinese, t CO2e in English. */
export const formatTonnes = (value: number, lang: Lang): string => formatScaled(value, lang, tonnesUnit(lang));

/**
 * The units `formatTonnes` prints these figures in, each once, in order: what a note under them says
 * (`['亿吨CO2e', '万吨CO2e']` joined as "亿吨CO2e、万吨CO2e"; "t CO2e" in English).
 */
export function tonnesUnits(values: readonly number[], lang: Lang): string {
  if (lang === 'en') return tonnesUnit(lang);
  const units = [...new Set(values.map((value) => `${zhStep(Math.abs(value)).prefix}${tonnesUnit(lang)}`))];
  return units.join('、');
}

/** One scale for a set of tonnes (a chart's axis): the step `formatTonnes` prints the largest in, its unit and divisor. */
export function tonnesScale(values: readonly number[], lang: Lang): { readonly unit: string; readonly divisor: number } {
  if (lang === 'en') return { unit: tonnesUnit(lang), divisor: 1 };
  const step = zhStep(values.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0));
  return { unit: `${step.prefix}${tonnesUnit(lang)}`, divisor: step.divisor };
}

/** A figure in a scale, without its unit (an axis label; the axis names the unit once): at most two decimals. */
export const formatInScale = (value: number, scale: { readonly divisor: number }, lang: Lang): string =>
  (value / scale.divisor).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });

/** A share (0–1) as a percentage: full-width ％ in Chinese. */
export const formatPercent = (share: number, lang: Lang, digits = 1): string => `${grouped(share * 100, digits, lang)}${lang === 'zh' ? '％' : ' %'}`;

/** The text a missing value shows: never 0. */
export const formatMissing = (lang: Lang): string => (lang === 'zh' ? '暂无数据' : 'No data yet');

/** A value or "no data yet". */
export const orMissing = (value: number | null | undefined, lang: Lang, format: (value: number) => string): string =>
  value === null || value === undefined || !Number.isFinite(value) ? formatMissing(lang) : format(value);

/** An entity's name in the user's language (the Chinese name where there is one). */
export const entityName = (entity: { name: string; nameZh: string | null }, lang: Lang): string => (lang === 'zh' && entity.nameZh ? entity.nameZh : entity.name);

/** A bilingual API message in the user's language. */
export const say = (text: { en: string; zh: string }, lang: Lang): string => text[lang];

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text put into HTML that is not React's (an ECharts tooltip is an HTML string): names come from documents users
 * write, so they are escaped; the Content-Security-Policy would stop a script, not markup.
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
