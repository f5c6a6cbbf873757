/**
 * The names a reader sees for the ids the data keys on: units, dimensions, fuels, GPC sectors and rows, gases and
 * pollutants, in Chinese and English. Ids stay in the data and the JSON; these are for tables and messages only.
 */
import { FUELS, type FuelId } from '../factors/fuels.ts';
import { GPC_ROWS, GPC_SECTORS } from '../gpc/structure.ts';
import { parseUnit, type BaseDimension, type Dimension } from '../units/units.ts';
import type { Lang } from './lang.ts';

/**
 * A unit as a reader sees it: English keeps the symbol (`t`, `MWh`, `GJ/t`), Chinese the unit's Chinese name (吨,
 * 兆瓦时, 吉焦/吨) without the explanation some names carry in brackets (`公里（车公里）` → 公里). A spelling the
 * units do not know (a gas-bearing factor unit such as `tCO2/MWh`) is named part by part where it can be
 * (吨CO2/兆瓦时), otherwise shown as given: it is the user's own text.
 */
export function unitName(spelling: string, lang: Lang): string {
  const unit = parseUnit(spelling);
  if (lang === 'en') return unit?.id ?? spelling;
  if (unit) {
    if (unit.id === '1') return '';
    if (!unit.id.includes('/')) return plainZh(unit.name.zh);
    const [numerator, denominator] = unit.id.split('/') as [string, string];
    return `${unitName(numerator, 'zh')}/${unitName(denominator, 'zh')}`;
  }
  const parts = spelling.split('/');
  if (parts.length === 2) return `${gasUnitZh(parts[0]!)}/${gasUnitZh(parts[1]!)}`;
  return gasUnitZh(spelling);
}

/** A value and its unit as text: `20,364 辆`, `0.4` (no unit for a plain ratio), `12.3 t`. */
export function withUnit(value: string, spelling: string, lang: Lang): string {
  const name = unitName(spelling, lang);
  return name === '' ? value : `${value} ${name}`;
}

const ZH_BRACKETED = /（[^）]*）$/u;
function plainZh(name: string): string {
  const plain = name.replace(ZH_BRACKETED, '');
  return plain === '' ? name : plain;
}

/** `tCO2`, `kgCO2e`, `tCH4`: a mass unit with a gas formula after it, common in factor units outside units.json. */
const MASS_OF_GAS = /^(t|kg|g|kt|万t)(CO2e|CO2|CH4|N2O|C)$/u;
function gasUnitZh(spelling: string): string {
  const known = parseUnit(spelling);
  if (known && !known.id.includes('/')) return known.id === '1' ? '' : plainZh(known.name.zh);
  const match = MASS_OF_GAS.exec(spelling.trim());
  if (match) return `${unitName(match[1]!, 'zh')}${match[2]}`;
  return spelling;
}

const DIMENSION_NAMES: Readonly<Record<BaseDimension, { readonly en: string; readonly zh: string }>> = {
  mass: { en: 'mass', zh: '质量' },
  volume: { en: 'volume', zh: '体积' },
  energy: { en: 'energy', zh: '能量' },
  carbon: { en: 'carbon', zh: '碳量' },
  emissions: { en: 'emissions', zh: '排放量' },
  money: { en: 'money', zh: '金额' },
  population: { en: 'population', zh: '人口' },
  head: { en: 'head of animals', zh: '牲畜头数' },
  count: { en: 'count', zh: '数量' },
  area: { en: 'area', zh: '面积' },
  distance: { en: 'distance', zh: '距离' },
  time: { en: 'time', zh: '时间' },
  power: { en: 'power', zh: '功率' },
  dimensionless: { en: 'dimensionless', zh: '无量纲' },
};

/** A dimension (`mass`, `energy/mass`) as a reader names it: 质量, 能量/质量; English keeps the words of the id. */
export function dimensionName(dimension: Dimension | string, lang: Lang): string {
  const parts = dimension.split('/');
  return parts.map((part) => (part in DIMENSION_NAMES ? DIMENSION_NAMES[part as BaseDimension][lang] : part)).join('/');
}

/** A fuel's display name (原煤, Raw coal); an id that is no fuel is shown as given. */
export function fuelName(id: FuelId | string, lang: Lang): string {
  return FUELS.get(id as FuelId)?.name[lang] ?? id;
}

const GPC_NAMES: ReadonlyMap<string, { readonly en: string; readonly zh: string }> = new Map([
  ...GPC_SECTORS.map((sector) => [sector.id, sector.name] as const),
  ...GPC_SECTORS.flatMap((sector) => sector.subsectors.map((subsector) => [subsector.id, subsector.name] as const)),
  ...[...GPC_ROWS.values()].map((row) => [row.ref, row.name] as const),
]);

/** The name of a GPC sector (`I`), sub-sector (`I.1`) or row (`I.1.1`); undefined for a reference GPC does not have. */
export function gpcName(ref: string, lang: Lang): string | undefined {
  return GPC_NAMES.get(ref.trim())?.[lang];
}

/** Greenhouse gases and the air pollutants a plan reports (EMEP/EEA), by formula. */
const GAS_NAMES: Readonly<Record<string, string>> = {
  CO2: '二氧化碳',
  CH4: '甲烷',
  N2O: '氧化亚氮',
  CO2e: '二氧化碳当量',
  HFCs: '氢氟碳化物',
  PFCs: '全氟化碳',
  SF6: '六氟化硫',
  NF3: '三氟化氮',
  SO2: '二氧化硫',
  SOx: '硫氧化物',
  NOx: '氮氧化物',
  'PM2.5': '细颗粒物',
  PM10: '可吸入颗粒物',
  TSP: '总悬浮颗粒物',
  BC: '黑碳',
  CO: '一氧化碳',
  NMVOC: '非甲烷挥发性有机物',
  NH3: '氨',
};

/**
 * A gas or pollutant by name. English keeps the formula. Chinese gives the name with the formula where a formula
 * is how reports print it (二氧化硫（SO2）): `withFormula: false` for the bare name (二氧化硫).
 */
export function gasName(formula: string, lang: Lang, options: { withFormula?: boolean } = {}): string {
  const zh = GAS_NAMES[formula];
  if (lang === 'en' || zh === undefined) return formula;
  return options.withFormula === false ? zh : `${zh}（${formula}）`;
}

/** A figure with thousands separators and a fixed number of decimals, alike in both languages (2,607.0). */
export function formatFigure(value: number, digits = 0): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** The base units `formatScaled` scales, with the Chinese words for 1, 10⁴ and 10⁸ of them. */
const SCALED_UNITS = {
  t: ['吨', '万吨', '亿吨'],
  tCO2e: ['吨 CO2e', '万吨 CO2e', '亿吨 CO2e'],
  tCO2: ['吨 CO2', '万吨 CO2', '亿吨 CO2'],
  tce: ['吨标准煤', '万吨标准煤', '亿吨标准煤'],
  CNY: ['元', '万元', '亿元'],
  kWh: ['千瓦时', '万千瓦时', '亿千瓦时'],
  m3: ['立方米', '万立方米', '亿立方米'],
  person: ['人', '万人', '亿人'],
} as const satisfies Record<string, readonly [string, string, string]>;
export type ScaledUnit = keyof typeof SCALED_UNITS;

/**
 * A total as a reader of that language expects it in a summary line. Chinese: 万 from 10,000 with one decimal,
 * 亿 from 100,000,000 with two, as statistical bulletins print them (26,070,291 tCO2e → `2,607.0 万吨 CO2e`;
 * 2.61e9 → `26.07 亿吨 CO2e`); below 10,000 the full figure (`8,512 吨`). English: the full figure with thousands
 * separators and the unit symbol (`26,070,291 tCO2e`), never Mt: the summary then reads the same digits as the
 * tables and nothing is rounded away. `value` is in the base unit named by `unit`.
 */
export function formatScaled(value: number, unit: ScaledUnit, lang: Lang): string {
  if (lang === 'en') return `${formatFigure(value)} ${unit}`;
  const [one, tenThousand, hundredMillion] = SCALED_UNITS[unit];
  const size = Math.abs(value);
  if (size >= 1e8) return `${formatFigure(value / 1e8, 2)} ${hundredMillion}`;
  if (size >= 1e4) return `${formatFigure(value / 1e4, 1)} ${tenThousand}`;
  return `${formatFigure(value)} ${one}`;
}
