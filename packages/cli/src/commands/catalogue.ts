import { CATEGORIES, defaultCatalogue, unitName, type CatalogueMeasure, type Lang } from '@peakpath/core';
import { renderTable } from '../format/table.ts';
import type { CommandOutput } from '../output.ts';
import { jsonText } from '../format/json.ts';

/** The catalogue's categories, lever types and gap fields in Chinese; the ids stay in `--category` and the JSON. */
const CATEGORY_ZH: Readonly<Record<string, string>> = {
  'energy-supply': '能源供应',
  buildings: '建筑',
  transport: '交通',
  industry: '工业',
  waste: '废弃物',
  sinks: '碳汇',
};
const LEVER_ZH: Readonly<Record<string, string>> = {
  efficiency: '能效提升',
  activity: '活动量减少',
  switch: '燃料替代',
  emissions: '直接减排',
  generation: '本地发电',
  removal: '碳清除',
};
const GAP_ZH: Readonly<Record<string, string>> = { capex: '投资', opex: '运维成本', lifetime: '寿命', perUnit: '单位作用量', reduction: '减排比例', ratio: '替代比' };
const CURRENCY_ZH: Readonly<Record<string, string>> = { CNY: '元', USD: '美元' };

/** A gap such as `levers[1].reduction` in Chinese: the second lever's 减排比例. */
function gapZh(gap: string): string {
  const lever = /^levers\[(\d+)\]\.(.+)$/u.exec(gap);
  if (lever) return `作用 ${Number(lever[1]) + 1} 的${GAP_ZH[lever[2]!] ?? lever[2]}`;
  return GAP_ZH[gap] ?? gap;
}

/** `peakpath catalogue [QUERY]`: the measures of the action catalogue, searched by id and name. */
export function catalogueCommand(query: string | undefined, options: { json: boolean; pretty?: boolean; lang: Lang; category?: string }): CommandOutput {
  const catalogue = defaultCatalogue();
  if (options.category !== undefined && !(CATEGORIES as readonly string[]).includes(options.category)) {
    return { status: 2, stderr: options.lang === 'zh' ? `--category："${options.category}" 不是措施类别，应为 ${CATEGORIES.join('、')} 之一\n` : `--category: "${options.category}" is not one of ${CATEGORIES.join(', ')}\n` };
  }
  const words = (query ?? '').toLowerCase().split(/\s+/).filter((word) => word !== '');
  const matches = (measure: CatalogueMeasure): boolean => {
    const text = `${measure.id} ${measure.name.en} ${measure.name.zh} ${measure.category} ${measure.theme ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  };
  const found = catalogue.measures.filter((measure) => (options.category === undefined || measure.category === options.category) && matches(measure));
  if (options.json) return { status: 0, stdout: jsonText({ version: catalogue.version, measures: found, prices: catalogue.prices, sources: [...catalogue.sources.values()] }, options.pretty) };
  const zh = options.lang === 'zh';
  const cost = (measure: CatalogueMeasure): string => {
    const capex = measure.capex;
    if (!capex) return zh ? '无数据' : 'no figure';
    if (!zh) return `${capex.value}${capex.conventional !== undefined ? ` (vs ${capex.conventional})` : ''} ${capex.currency}${capex.priceYear}/${capex.per}`;
    // 1734 美元/千瓦（2014 年价）: the currency and the unit in Chinese, the price year after them.
    const conventional = capex.conventional !== undefined ? `（常规 ${capex.conventional}）` : '';
    return `${capex.value}${conventional} ${CURRENCY_ZH[capex.currency] ?? capex.currency}/${unitName(capex.per, 'zh') || capex.per}（${capex.priceYear} 年价）`;
  };
  const list = zh ? '、' : ', ';
  const rows = found.map((measure) => [
    measure.id,
    measure.name[options.lang],
    zh ? (CATEGORY_ZH[measure.category] ?? measure.category) : measure.category,
    measure.levers.map((lever) => (zh ? (LEVER_ZH[lever.type] ?? lever.type) : lever.type)).join(list),
    cost(measure),
    measure.lifetime ? String(measure.lifetime.value) : '—',
    measure.gaps.map((gap) => (zh ? gapZh(gap) : gap)).join(list) || '—',
  ]);
  const header = zh ? ['编号', '名称', '类别', '作用', '投资', '寿命（年）', '缺少数据'] : ['id', 'Name', 'Category', 'Levers', 'Capex', 'Life (y)', 'Gaps'];
  const title = zh ? `措施目录 ${catalogue.version}：${found.length} 项（每个数值均注明来源；\`--json\` 输出全部）` : `Action catalogue ${catalogue.version}: ${found.length} measures (every figure sourced; \`--json\` prints them all)`;
  return { status: 0, stdout: `${title}\n${renderTable(header, rows, ['left', 'left', 'left', 'left', 'right', 'right', 'left'])}\n` };
}
