/**
 * Display names for what pathways and plans print: energy carriers, generation sources, target kinds,
 * measure units, optimisation methods, air pollutants. Ids stay ids in files and JSON; these are what a reader
 * sees beside or instead of them, in Chinese and English.
 */
import { FUELS, isFuelId, type FuelGroup } from '../factors/fuels.ts';
import type { GenerationSource } from '../official/types.ts';
import type { TargetDefinition } from '../pathway/definitions.ts';
import type { Lang } from '../issues/messages.ts';

type Text = { readonly en: string; readonly zh: string };

const CARRIERS: Readonly<Record<string, Text>> = {
  electricity: { en: 'electricity', zh: '电力' },
  heat: { en: 'heat', zh: '热力' },
};

/**
 * An energy carrier of a pathway line: a fuel id (by the fuel's own name in fuels.json), electricity, heat, or the
 * energy of a method line ("method:road-vkt"), whose method id stays, quoted, since a user types it.
 */
export function carrierName(carrier: string, lang: Lang): string {
  if (isFuelId(carrier)) return lang === 'zh' ? FUELS.get(carrier)!.name.zh : carrier;
  const known = CARRIERS[carrier];
  if (known) return known[lang];
  if (carrier.startsWith('method:')) {
    const method = carrier.slice('method:'.length);
    return lang === 'zh' ? `\`${method}\` 方法行的能源` : `energy of \`${method}\` method lines`;
  }
  return lang === 'zh' ? `\`${carrier}\`` : carrier;
}

/** Local generation by source (the `supply` section's keys), as Chinese statistics name the plants. */
export const GENERATION_SOURCE_NAMES: Readonly<Record<GenerationSource, Text>> = {
  coal: { en: 'coal power', zh: '煤电' },
  gas: { en: 'gas power', zh: '气电' },
  oil: { en: 'oil power', zh: '油电' },
  waste: { en: 'waste-to-energy', zh: '垃圾发电' },
  biomass: { en: 'biomass power', zh: '生物质发电' },
  hydro: { en: 'hydropower', zh: '水电' },
  wind: { en: 'wind power', zh: '风电' },
  solar: { en: 'solar power', zh: '光伏发电' },
  nuclear: { en: 'nuclear power', zh: '核电' },
  geothermal: { en: 'geothermal power', zh: '地热发电' },
};

/** A supply key: a generation source by its name; anything else (a file's own key) as it is written. */
export function sourceName(source: string, lang: Lang): string {
  const known = (GENERATION_SOURCE_NAMES as Readonly<Record<string, Text>>)[source];
  return known ? known[lang] : source;
}

/** A target's kind, by the names of China's official indicators where one applies (碳达峰, 非化石能源占比, …). */
export const TARGET_KIND_NAMES: Readonly<Record<TargetDefinition['kind'], Text>> = {
  peak: { en: 'peak', zh: '碳达峰' },
  cap: { en: 'emissions cap', zh: '排放总量上限' },
  intensity: { en: 'intensity reduction', zh: '排放强度下降' },
  neutrality: { en: 'neutrality', zh: '碳中和' },
  decline: { en: 'intensity decline by period', zh: '强度逐期下降（单位GDP二氧化碳排放或单位GDP能耗）' },
  nonFossil: { en: 'non-fossil share', zh: '非化石能源占比' },
  energyCap: { en: 'total energy cap', zh: '能源消费总量上限' },
};

/** Units of a catalogue measure's quantity (catalogue.json `unit`), as a count or an amount reads in Chinese. */
export const MEASURE_UNIT_NAMES: Readonly<Record<string, Text>> = {
  kW: { en: 'kW', zh: '千瓦' },
  MWh: { en: 'MWh', zh: '兆瓦时' },
  ha: { en: 'ha', zh: '公顷' },
  km: { en: 'km', zh: '公里' },
  m2: { en: 'm2', zh: '平方米' },
  t: { en: 't', zh: '吨' },
  vehicle: { en: 'vehicles', zh: '辆' },
  household: { en: 'households', zh: '户' },
  unit: { en: 'units', zh: '台（套）' },
};

/** A measure's unit; a city's own catalogue entry may name another, which is shown as written. */
export function measureUnitName(unit: string, lang: Lang): string {
  return MEASURE_UNIT_NAMES[unit]?.[lang] ?? unit;
}

/** How the portfolio was found (PortfolioSolution `method`). */
export const SOLUTION_METHOD_NAMES: Readonly<Record<'relaxation' | 'sequential', Text>> = {
  relaxation: { en: 'relaxation', zh: '松弛求解' },
  sequential: { en: 'sequential linearisation', zh: '逐次线性化' },
};

/** The pollutants' names; the formulas (SO2, NOx, PM2.5) are what Chinese reports print too. */
export const POLLUTANT_NAMES: Readonly<Record<'SO2' | 'NOx' | 'PM2.5', Text>> = {
  SO2: { en: 'SO2', zh: '二氧化硫（SO2）' },
  NOx: { en: 'NOx', zh: '氮氧化物（NOx）' },
  'PM2.5': { en: 'PM2.5', zh: '细颗粒物（PM2.5）' },
};

/** Fuel groups of fuels.json `stationaryGroup` (IPCC 2006 Vol. 2 Tables 2.2–2.5 rows). */
export const FUEL_GROUP_NAMES: Readonly<Record<FuelGroup, string>> = { coal: '煤', oil: '油', gas: '气' };

/** Units of a target's gap (TargetResult `gapUnit`). */
export const GAP_UNIT_NAMES: Readonly<Record<'tCO2e' | 'tCO2' | 'tce', Text>> = {
  tCO2e: { en: 'tCO2e', zh: '吨 CO2e' },
  tCO2: { en: 'tCO2', zh: '吨 CO2' },
  tce: { en: 'tce', zh: '吨标准煤' },
};

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** A figure inside a statement, with thousands separators (5,200,000), as Chinese and English readers both expect. */
export function grouped(value: number): string {
  return GROUPED.format(value);
}

const UNIT_PARTS_ZH: Readonly<Record<string, string>> = { CNY: '元', USD: '美元', kWh: '千瓦时', MWh: '兆瓦时', GWh: '吉瓦时', GJ: '吉焦', TJ: '太焦', tce: '吨标准煤', t: '吨', kg: '千克', g: '克' };

/** A unit by its id (CNY/kWh, g/kg) in Chinese (元/千瓦时, 克/千克); a part with no Chinese name stays. */
export function unitName(unitId: string, lang: Lang): string {
  if (lang === 'en') return unitId;
  return unitId
    .split('/')
    .map((part) => UNIT_PARTS_ZH[part] ?? part)
    .join('/');
}

/** A price as a plan states it: value, unit and the file's own source (quoted in Chinese: it is the user's text). */
export function priceText(value: number, unitId: string, source: string): Text {
  return { en: `${value} ${unitId} (${source})`, zh: `${value} ${unitName(unitId, 'zh')}（来源：“${source}”）` };
}
