import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkPointComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Lang, PathwayResult } from '@peakpath/core';
import type { EChartsCoreOption } from 'echarts/core';
import type { ReportInventory, ReportPathway } from './types.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkPointComponent, SVGRenderer]);

/**
 * Charts rendered on the server to SVG (ECharts' server-side rendering, no DOM), inlined in the report:
 * nothing loads at view time, and the PDF prints them as vectors. Values are the results' own; axes are
 * in 万吨 (Chinese) or Mt (English) so that ticks stay short — the numbers the text cites are the figures.
 */
export const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Noto Sans', sans-serif";
const WIDTH = 680;
const HEIGHT = 320;
const PALETTE = ['#1f6f5c', '#d08c2e', '#4a6fa5', '#9b4f73', '#6b8e23', '#7f7f7f', '#c0504d'];

function render(option: EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: FONT, fontSize: 12 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const scale = (lang: Lang): { divisor: number; unit: string } => (lang === 'zh' ? { divisor: 1e4, unit: '万吨 CO2e' } : { divisor: 1e6, unit: 'MtCO2e' });
const round = (value: number): number => Math.round(value * 100) / 100;
const legend = { top: 4, left: 'center', itemGap: 24, textStyle: { fontFamily: FONT } };
const grid = { left: 64, right: 24, top: 64, bottom: 36 };

/** `#rrggbb` laid over white at `opacity`: the colour a translucent area shows on the page. */
function tint(hex: string, opacity: number): string {
  const channel = (at: number) => Math.round(255 - (255 - parseInt(hex.slice(at, at + 2), 16)) * opacity);
  return `rgb(${channel(1)}, ${channel(3)}, ${channel(5)})`;
}

/** The inventory by GPC sector on both boundaries: BASIC and BASIC+ side by side. */
export function inventorySectorChart(inventory: ReportInventory, sectorNames: (sector: string) => string, lang: Lang): string {
  const { divisor, unit } = scale(lang);
  const sectors = Object.keys(inventory.result.bySector);
  const values = (key: 'basic' | 'basicPlus'): number[] => sectors.map((sector) => round(inventory.result.bySector[sector]![key] / divisor));
  return render({
    legend,
    grid: { ...grid, bottom: 56 },
    xAxis: { type: 'category', data: sectors.map(sectorNames), axisLabel: { interval: 0, fontFamily: FONT, width: 120, overflow: 'break' } },
    yAxis: { type: 'value', name: unit, nameTextStyle: { fontFamily: FONT } },
    series: [
      { type: 'bar', name: 'BASIC', data: values('basic') },
      { type: 'bar', name: 'BASIC+', data: values('basicPlus') },
    ],
  });
}

/** Every inventory year's totals: BASIC, BASIC+ and China's energy-activity CO2. */
export function inventoryTrendChart(inventories: readonly ReportInventory[], lang: Lang, officialName: string): string {
  const { divisor, unit } = scale(lang);
  const years = inventories.map((inventory) => String(inventory.result.year));
  const line = (name: string, values: number[]): object => ({ type: inventories.length > 1 ? 'line' : 'bar', name, data: values.map((value) => round(value / divisor)), symbolSize: 8 });
  return render({
    legend,
    grid,
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', name: unit, nameTextStyle: { fontFamily: FONT } },
    series: [
      line('BASIC', inventories.map((inventory) => inventory.result.totals.basic)),
      line('BASIC+', inventories.map((inventory) => inventory.result.totals.basicPlus)),
      line(officialName, inventories.map((inventory) => inventory.result.official.energyCo2.total)),
    ],
  });
}

/**
 * The reported scenario with its Monte Carlo band (5th–95th and 25th–75th percentiles, drawn as stacked
 * areas on the lower percentile), the other scenarios as thin lines, and the peak marked.
 */
export function pathwayChart(pathway: ReportPathway, lang: Lang, labels: { band90: string; band50: string; median: string; peak: string }): string {
  const { divisor, unit } = scale(lang);
  const result = pathway.result;
  const years = result.years.map(String);
  const scaled = (values: readonly number[]): number[] => values.map((value) => round(value / divisor));
  const name = (r: PathwayResult): string => (lang === 'zh' ? r.scenario.name.zh : r.scenario.name.en);
  const series: object[] = [];
  const mc = pathway.monteCarlo;
  if (mc) {
    const band = (lower: readonly number[], upper: readonly number[], label: string, opacity: number, stack: string): void => {
      series.push({ type: 'line', name: `${label}-base`, data: scaled(lower), stack, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { opacity: 0 }, silent: true });
      // The legend shows the band as it is drawn: the tint of the line colour at the band's opacity.
      series.push({ type: 'line', name: label, data: scaled(upper.map((value, i) => value - lower[i]!)), stack, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: PALETTE[0], opacity }, color: tint(PALETTE[0]!, opacity) });
    };
    band(mc.percentiles.p5, mc.percentiles.p95, labels.band90, 0.15, 'p90');
    band(mc.percentiles.p25, mc.percentiles.p75, labels.band50, 0.25, 'p50');
    series.push({ type: 'line', name: labels.median, data: scaled(mc.percentiles.p50), symbol: 'none', lineStyle: { type: 'dashed', width: 1.5, color: PALETTE[0] }, color: PALETTE[0] });
  }
  for (const other of pathway.comparison) {
    if (other.scenario.id === result.scenario.id) continue;
    series.push({ type: 'line', name: name(other), data: scaled(other.total), symbol: 'none', lineStyle: { width: 1.5 } });
  }
  const peak = result.peak.year === null ? [] : [{ coord: [String(result.peak.year), round(result.peak.value! / divisor)], value: `${labels.peak} ${result.peak.year}`, symbol: 'pin', symbolSize: 44, label: { fontSize: 9, fontFamily: FONT } }];
  series.push({ type: 'line', name: name(result), data: scaled(result.total), symbol: 'none', lineStyle: { width: 3, color: PALETTE[0] }, color: PALETTE[0], markPoint: { data: peak } });
  const shown = series.map((entry) => (entry as { name: string }).name).filter((entry) => !entry.endsWith('-base'));
  return render({
    legend: { ...legend, data: shown },
    // Six legend entries wrap to two lines in English: room for them above the axis name.
    grid: { ...grid, top: 84 },
    xAxis: { type: 'category', data: years, boundaryGap: false, axisLabel: { interval: 4 } },
    yAxis: { type: 'value', name: unit, nameTextStyle: { fontFamily: FONT } },
    series,
  });
}

/** China's energy-activity CO2 (能源活动二氧化碳) of the reported scenario, by its parts, with its peak. */
export function officialChart(result: PathwayResult, lang: Lang, labels: { combustion: string; plants: string; electricityImports: string; heatImports: string; peak: string }): string {
  const divisor = lang === 'zh' ? 1e4 : 1e6;
  const unit = lang === 'zh' ? '万吨 CO2' : 'MtCO2';
  const parts = result.official.parts;
  const area = (name: string, values: readonly number[]): object => ({ type: 'line', name, stack: 'parts', areaStyle: { opacity: 0.6 }, symbol: 'none', data: values.map((value) => round(value / divisor)) });
  const peak = result.official.peak;
  const series = [area(labels.combustion, parts.combustion), area(labels.plants, parts.plants), area(labels.electricityImports, parts.electricityImports)];
  if (parts.heatImports.some((value) => value !== 0)) series.push(area(labels.heatImports, parts.heatImports));
  const last = series.at(-1) as Record<string, unknown>;
  if (peak.year !== null) last['markPoint'] = { data: [{ coord: [String(peak.year), round(peak.value! / divisor)], value: `${labels.peak} ${peak.year}`, symbol: 'pin', symbolSize: 44, label: { fontSize: 9, fontFamily: FONT } }] };
  return render({
    legend,
    grid,
    xAxis: { type: 'category', data: result.years.map(String), boundaryGap: false, axisLabel: { interval: 4 } },
    yAxis: { type: 'value', name: unit, nameTextStyle: { fontFamily: FONT } },
    series,
  });
}
