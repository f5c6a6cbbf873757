import type { InventoryResult, Lang } from '@peakpath/core';
import { formatNumber, formatSignificant } from './table.ts';

type Official = InventoryResult['official'];

const TEXT = {
  en: {
    heading: "China's official quantities (国内官方口径) — a different boundary from the GPC totals above",
    boundary: 'CO2 only: fossil fuels burned in the territory, power and heat plants included, feedstock excluded; plus net imported electricity × the grid factor; no CH4/N2O, waste, process or land emissions',
    energyCo2: 'Energy-activity CO2 (能源活动CO2)',
    combustion: 'combustion',
    imports: 'net imported electricity',
    importsDetail: (mwh: string, factor: string) => `${mwh} MWh × ${factor}`,
    heat: 'net imported heat',
    heatDetail: (gj: string) => `${gj} GJ`,
    t: 'tCO2',
    tce: 'tce',
    mwh: 'MWh',
    generation: 'Local generation',
    consumption: 'consumption',
    none: 'none given',
    energy: 'Total energy consumption (能源消费总量)',
    coalEquivalent: (rate: string) => `coal-equivalent method (发电煤耗法, ${rate} gce/kWh)`,
    calorific: 'calorific method (电热当量法)',
    assessed: 'Assessed total energy',
    deducted: 'deducted',
    notDeducted: 'not deducted',
    nonFossil: 'Non-fossil share of energy (非化石能源占比)',
    intensity: 'Intensity (official basis)',
    co2PerGdp: 'tCO2 per 10,000 CNY GDP',
    energyPerGdp: 'tce per 10,000 CNY GDP',
    perCapita: 'tCO2 per person',
    prices: (year: number) => ` (${year} prices)`,
    stated: 'Official basis',
    sources: { coal: 'coal', gas: 'gas', oil: 'oil', waste: 'waste-to-energy', biomass: 'biomass', hydro: 'hydro', wind: 'wind', solar: 'solar', nuclear: 'nuclear', geothermal: 'geothermal' },
    deductions: { feedstock: 'feedstock', 'new-renewables': 'new renewables', 'non-fossil': 'non-fossil energy' },
  },
  zh: {
    heading: '国内官方口径 —— 与上方 GPC 合计口径不同',
    boundary: '仅 CO2：辖区内化石能源燃烧（含火电、供热厂，不含原料用能），加净调入电力 × 电网排放因子；不含 CH4/N2O、废弃物、工业过程与土地排放',
    energyCo2: '能源活动二氧化碳排放',
    combustion: '化石能源燃烧',
    imports: '净调入电力',
    importsDetail: (mwh: string, factor: string) => `${mwh} 兆瓦时 × ${factor}`,
    heat: '净调入热力',
    heatDetail: (gj: string) => `${gj} 吉焦`,
    t: '吨 CO2',
    tce: '吨标准煤',
    mwh: '兆瓦时',
    generation: '本地发电',
    consumption: '用电量',
    none: '未填写',
    energy: '能源消费总量',
    coalEquivalent: (rate: string) => `发电煤耗法（${rate} 克标准煤/千瓦时）`,
    calorific: '电热当量法',
    assessed: '考核用能源消费总量',
    deducted: '扣除',
    notDeducted: '未扣除',
    nonFossil: '非化石能源占比',
    intensity: '强度（官方口径）',
    co2PerGdp: '吨 CO2/万元 GDP',
    energyPerGdp: '吨标准煤/万元 GDP',
    perCapita: '吨 CO2/人',
    prices: (year: number) => `（${year} 年价）`,
    stated: '官方口径说明',
    sources: { coal: '煤电', gas: '气电', oil: '油电', waste: '垃圾发电', biomass: '生物质', hydro: '水电', wind: '风电', solar: '光伏', nuclear: '核电', geothermal: '地热' },
    deductions: { feedstock: '原料用能', 'new-renewables': '新增可再生能源', 'non-fossil': '非化石能源' },
  },
} as const;

/** The official-quantities block of the inventory table: each quantity with its parts and boundary, then what it assumed. */
export function renderOfficial(official: Official, lang: Lang): string[] {
  const text = TEXT[lang];
  const n = (value: number): string => formatNumber(value, lang);
  const sep = lang === 'zh' ? '；' : '; ';
  const out = [text.heading, `  ${text.boundary}`];

  const { electricity } = official;
  const factor = electricity.factor ? `${electricity.factor.id} ${formatSignificant(electricity.factor.value, lang)} ${electricity.factor.unit}` : '—';
  const parts = official.energyCo2.components.map((part) => {
    if (part.id === 'combustion') return `${text.combustion} ${n(part.value)}`;
    if (part.id === 'electricity-net-imports') return `${text.imports} ${n(part.value)} (${text.importsDetail(n(electricity.netImports), factor)})`;
    return `${text.heat} ${n(part.value)} (${text.heatDetail(n(official.heat.netImports))})`;
  });
  out.push(`  ${text.energyCo2}: ${n(official.energyCo2.total)} ${text.t} = ${parts.join(' + ')}`);

  const bySource = Object.entries(electricity.generationBySource).map(([source, mwh]) => `${text.sources[source as keyof typeof text.sources]} ${n(mwh)}`);
  out.push(
    `  ${text.generation}: ${bySource.length === 0 ? text.none : `${n(electricity.generation)} ${text.mwh} (${bySource.join(', ')})`}${sep}${text.consumption} ${n(electricity.consumption)} ${text.mwh}`,
  );

  const { energy } = official;
  const totals = [`${n(energy.calorific.total)} ${text.tce} ${text.calorific}`];
  if (energy.coalEquivalent) totals.unshift(`${n(energy.coalEquivalent.total)} ${text.tce} ${text.coalEquivalent(formatSignificant(official.options.coalRate!.gcePerKwh, lang))}`);
  out.push(`  ${text.energy}: ${totals.join(sep)}`);
  const deducted = energy.assessed.deductions.map((part) => `${text.deductions[part.id as keyof typeof text.deductions]} ${n(part.value)}`);
  const missed = energy.assessed.notDeducted.map((part) => part.text[lang]);
  out.push(
    `  ${text.assessed}: ${n(energy.assessed.total)} ${text.tce}` +
      (deducted.length > 0 ? ` (${text.deducted}: ${deducted.join(', ')})` : '') +
      (missed.length > 0 ? `${sep}${text.notDeducted}: ${missed.join(sep)}` : ''),
  );
  out.push(`  ${text.nonFossil}: ${formatNumber(official.nonFossil.share * 100, lang, 1)} %`);

  const { intensity } = official;
  const figures: string[] = [];
  const prices = intensity.gdpPrices === undefined ? '' : text.prices(intensity.gdpPrices);
  if (intensity.co2PerGdp !== undefined) figures.push(`${formatSignificant(intensity.co2PerGdp, lang)} ${text.co2PerGdp}${prices}`);
  if (intensity.energyPerGdp !== undefined) figures.push(`${formatSignificant(intensity.energyPerGdp, lang)} ${text.energyPerGdp}`);
  if (intensity.co2PerCapita !== undefined) figures.push(`${formatSignificant(intensity.co2PerCapita, lang)} ${text.perCapita}`);
  if (figures.length > 0) out.push(`  ${text.intensity}: ${figures.join(sep)}`);
  for (const statement of official.assumptions) out.push(`  ${text.stated}: ${statement.text[lang]}`);
  return out;
}
