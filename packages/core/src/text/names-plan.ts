/**
 * Display names for what pathways and plans print beyond names.ts: energy carriers, generation sources, target
 * kinds, optimisation methods, air pollutants, fuel groups, prices. Ids stay ids in files and JSON; these are what a reader
 * sees beside or instead of them, in Chinese and English.
 */
import { isFuelId, type FuelGroup } from '../factors/fuels.ts';
import { fuelName, unitName } from './names.ts';
import type { GenerationSource } from '../official/types.ts';
import type { TargetDefinition } from '../pathway/definitions.ts';
import type { Lang } from './lang.ts';

type Text = { readonly en: string; readonly zh: string };

const CARRIERS: Readonly<Record<string, Text>> = {
  electricity: { en: 'electricity', zh: '电力' },
  heat: { en: 'heat', zh: '热力' },
};

/**
 * An energy carrier of a pathway line: a fuel id (by its Chinese name, names.ts `fuelName`; English keeps the id),
 * electricity, heat, or the energy of a method line ("method:road-vkt"), whose method id stays, quoted, since a user types it.
 */
export function carrierName(carrier: string, lang: Lang): string {
  if (isFuelId(carrier)) return lang === 'zh' ? fuelName(carrier, 'zh') : carrier;
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
  decline: { en: 'intensity decline by period', zh: '单位GDP强度逐期下降' },
  nonFossil: { en: 'non-fossil share', zh: '非化石能源占比' },
  energyCap: { en: 'total energy cap', zh: '能源消费总量上限' },
};

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

/** A price as a plan states it: value, unit and the file's own source, quoted: it is the user's text, in any language. */
export function priceText(value: number, unitId: string, source: string): Text {
  return { en: `${value} ${unitId} (source: "${source}")`, zh: `${value} ${unitName(unitId, 'zh')}（来源：“${source}”）` };
}

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/**
 * A figure inside a statement, with thousands separators and only the decimals it has (5,200,000; 0.5617), unlike
 * names.ts `formatFigure`, which fixes the decimals of a table's column.
 */
export function grouped(value: number): string {
  return GROUPED.format(value);
}
