import { formatScaled, unitName, type InventoryResult, type Lang, type ScaledUnit } from '@peakpath/core';
import { formatNumber, formatSignificant } from './table.ts';

type Official = InventoryResult['official'];

/**
 * The labels of the block. Chinese takes the indicator names of the national assessment (能源活动二氧化碳排放,
 * 单位GDP二氧化碳排放, 单位GDP能耗, 非化石能源占比); English describes them and leaves the Chinese out.
 */
const TEXT = {
  en: {
    heading: "China's official quantities — a different boundary from the GPC totals above",
    boundary: 'CO2 only: fossil fuels burned in the territory, power and heat plants included, feedstock excluded; plus net imported electricity × the grid factor; no CH4/N2O, waste, process or land emissions',
    energyCo2: 'Energy-activity CO2',
    combustion: 'combustion',
    imports: 'net imported electricity',
    heat: 'net imported heat',
    generation: 'Local generation',
    consumption: 'consumption',
    none: 'none given',
    energy: 'Total energy consumption',
    coalEquivalent: (rate: string) => `coal-equivalent method (${rate} gce/kWh)`,
    calorific: 'calorific method',
    assessed: 'Assessed total energy',
    deducted: 'deducted',
    notDeducted: 'not deducted',
    nonFossil: 'Non-fossil share of energy',
    intensity: 'Intensity (official basis)',
    co2PerGdp: (figure: string) => `${figure} tCO2 per 10,000 CNY GDP`,
    energyPerGdp: (figure: string) => `${figure} tce per 10,000 CNY GDP`,
    perCapita: (figure: string) => `${figure} tCO2 per person`,
    prices: (year: number) => ` (${year} prices)`,
    stated: 'Official basis',
    sources: { coal: 'coal', gas: 'gas', oil: 'oil', waste: 'waste-to-energy', biomass: 'biomass', hydro: 'hydro', wind: 'wind', solar: 'solar', nuclear: 'nuclear', geothermal: 'geothermal' },
    deductions: { feedstock: 'feedstock', 'new-renewables': 'new renewables', 'non-fossil': 'non-fossil energy' },
  },
  zh: {
    heading: '国内官方口径——与上方 GPC 合计口径不同',
    boundary: '仅 CO2：辖区内化石能源燃烧（含火电、供热厂，不含原料用能），加净调入电力 × 电网排放因子；不含 CH4/N2O、废弃物、工业过程与土地排放',
    energyCo2: '能源活动二氧化碳排放',
    combustion: '化石能源燃烧',
    imports: '净调入电力',
    heat: '净调入热力',
    generation: '本地发电量',
    consumption: '全社会用电量',
    none: '未填写',
    energy: '能源消费总量',
    coalEquivalent: (rate: string) => `发电煤耗法，${rate} 克标准煤/千瓦时`,
    calorific: '电热当量法',
    assessed: '考核用能源消费总量',
    deducted: '扣除',
    notDeducted: '未扣除',
    nonFossil: '非化石能源占比',
    intensity: '强度（官方口径）',
    co2PerGdp: (figure: string) => `单位GDP二氧化碳排放（碳排放强度）${figure} 吨CO2/万元`,
    energyPerGdp: (figure: string) => `单位GDP能耗（能耗强度）${figure} 吨标准煤/万元`,
    perCapita: (figure: string) => `人均二氧化碳排放 ${figure} 吨CO2/人`,
    prices: (year: number) => `（${year} 年价）`,
    stated: '官方口径说明',
    sources: { coal: '煤电', gas: '气电', oil: '油电', waste: '垃圾发电', biomass: '生物质发电', hydro: '水电', wind: '风电', solar: '光伏', nuclear: '核电', geothermal: '地热发电' },
    deductions: { feedstock: '原料用能', 'new-renewables': '新增可再生能源', 'non-fossil': '非化石能源' },
  },
} as const;

/** The official-quantities block of the inventory table: each quantity with its parts and boundary, then what it assumed. */
export function renderOfficial(official: Official, lang: Lang): string[] {
  const text = TEXT[lang];
  const zh = lang === 'zh';
  const n = (value: number): string => formatNumber(value, lang);
  // Chinese: totals in 万/亿 as bulletins print them; English: full figures with the unit symbol.
  const amount = (value: number, unit: ScaledUnit, en: string): string => (zh ? formatScaled(value, unit, 'zh') : `${n(value)} ${en}`);
  const bare = (value: number, unit: ScaledUnit): string => (zh ? formatScaled(value, unit, 'zh') : n(value));
  // Electricity in Chinese is counted in 千瓦时 (亿千瓦时 for a city); the engine's figures are MWh.
  const power = (mwh: number): string => (zh ? formatScaled(mwh * 1000, 'kWh', 'zh') : n(mwh));
  const sep = zh ? '；' : '; ';
  const colon = zh ? '：' : ': ';
  const list = zh ? '、' : ', ';
  const open = zh ? '（' : ' (';
  const close = zh ? '）' : ')';
  const out = [text.heading, `  ${text.boundary}`];

  const { electricity } = official;
  const factorUnit = electricity.factor === undefined ? '' : unitName(electricity.factor.unit, lang);
  const factor = electricity.factor ? `${electricity.factor.id} ${formatSignificant(electricity.factor.value, lang)} ${factorUnit}` : '—';
  const parts = official.energyCo2.components.map((part) => {
    if (part.id === 'combustion') return `${text.combustion} ${bare(part.value, 't')}`;
    if (part.id === 'electricity-net-imports') {
      return `${text.imports} ${bare(part.value, 't')}${open}${power(electricity.netImports)}${zh ? '' : ' MWh'} × ${factor}${close}`;
    }
    return `${text.heat} ${bare(part.value, 't')}${open}${n(official.heat.netImports)} ${zh ? '吉焦' : 'GJ'}${close}`;
  });
  out.push(`  ${text.energyCo2}${colon}${amount(official.energyCo2.total, 'tCO2', 'tCO2')} = ${parts.join(' + ')}`);

  const bySource = Object.entries(electricity.generationBySource).map(([source, mwh]) => `${text.sources[source as keyof typeof text.sources]} ${power(mwh)}`);
  const mwh = zh ? '' : ' MWh';
  out.push(
    `  ${text.generation}${colon}${bySource.length === 0 ? text.none : `${power(electricity.generation)}${mwh}${open}${bySource.join(list)}${close}`}${sep}${text.consumption} ${power(electricity.consumption)}${mwh}`,
  );

  const { energy } = official;
  const totals = [zh ? `${amount(energy.calorific.total, 'tce', 'tce')}（${text.calorific}）` : `${amount(energy.calorific.total, 'tce', 'tce')} ${text.calorific}`];
  if (energy.coalEquivalent) {
    const method = text.coalEquivalent(formatSignificant(official.options.coalRate!.gcePerKwh, lang));
    totals.unshift(zh ? `${amount(energy.coalEquivalent.total, 'tce', 'tce')}（${method}）` : `${amount(energy.coalEquivalent.total, 'tce', 'tce')} ${method}`);
  }
  out.push(`  ${text.energy}${colon}${totals.join(sep)}`);
  const deducted = energy.assessed.deductions.map((part) => `${text.deductions[part.id as keyof typeof text.deductions]} ${bare(part.value, 'tce')}`);
  const missed = energy.assessed.notDeducted.map((part) => part.text[lang]);
  out.push(
    `  ${text.assessed}${colon}${amount(energy.assessed.total, 'tce', 'tce')}` +
      (deducted.length > 0 ? `${open}${text.deducted}${colon}${deducted.join(list)}${close}` : '') +
      (missed.length > 0 ? `${sep}${text.notDeducted}${colon}${missed.join(sep)}` : ''),
  );
  out.push(`  ${text.nonFossil}${colon}${formatNumber(official.nonFossil.share * 100, lang, 1)}${zh ? '%' : ' %'}`);

  const { intensity } = official;
  const figures: string[] = [];
  const prices = intensity.gdpPrices === undefined ? '' : text.prices(intensity.gdpPrices);
  if (intensity.co2PerGdp !== undefined) figures.push(`${text.co2PerGdp(formatSignificant(intensity.co2PerGdp, lang))}${prices}`);
  if (intensity.energyPerGdp !== undefined) figures.push(text.energyPerGdp(formatSignificant(intensity.energyPerGdp, lang)));
  if (intensity.co2PerCapita !== undefined) figures.push(text.perCapita(formatSignificant(intensity.co2PerCapita, lang)));
  if (figures.length > 0) out.push(`  ${text.intensity}${colon}${figures.join(sep)}`);
  for (const statement of official.assumptions) out.push(`  ${text.stated}${colon}${statement.text[lang]}`);
  return out;
}
