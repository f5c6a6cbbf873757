import { CATEGORIES, defaultCatalogue, type CatalogueMeasure, type Lang } from '@peakpath/core';
import { renderTable } from '../format/table.ts';
import type { CommandOutput } from '../output.ts';
import { jsonText } from '../format/json.ts';

/** `peakpath catalogue [QUERY]`: the measures of the action catalogue, searched by id and name. */
export function catalogueCommand(query: string | undefined, options: { json: boolean; pretty?: boolean; lang: Lang; category?: string }): CommandOutput {
  const catalogue = defaultCatalogue();
  if (options.category !== undefined && !(CATEGORIES as readonly string[]).includes(options.category)) {
    return { status: 2, stderr: `--category: "${options.category}" is not one of ${CATEGORIES.join(', ')} / 类别应为 ${CATEGORIES.join('、')} 之一\n` };
  }
  const words = (query ?? '').toLowerCase().split(/\s+/).filter((word) => word !== '');
  const matches = (measure: CatalogueMeasure): boolean => {
    const text = `${measure.id} ${measure.name.en} ${measure.name.zh} ${measure.category} ${measure.theme ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  };
  const found = catalogue.measures.filter((measure) => (options.category === undefined || measure.category === options.category) && matches(measure));
  if (options.json) return { status: 0, stdout: jsonText({ version: catalogue.version, measures: found, prices: catalogue.prices, sources: [...catalogue.sources.values()] }, options.pretty) };
  const zh = options.lang === 'zh';
  const cost = (measure: CatalogueMeasure): string => (measure.capex ? `${measure.capex.value}${measure.capex.conventional !== undefined ? ` (vs ${measure.capex.conventional})` : ''} ${measure.capex.currency}${measure.capex.priceYear}/${measure.capex.per}` : zh ? '无数据' : 'no figure');
  const rows = found.map((measure) => [measure.id, measure.name[options.lang], measure.category, measure.levers.map((lever) => lever.type).join(', '), cost(measure), measure.lifetime ? String(measure.lifetime.value) : '—', measure.gaps.join(', ') || '—']);
  const header = zh ? ['id', '名称', '类别', '作用', '投资', '寿命（年）', '缺少数据'] : ['id', 'Name', 'Category', 'Levers', 'Capex', 'Life (y)', 'Gaps'];
  const title = zh ? `措施目录 ${catalogue.version}：${found.length} 项（每个数值均注明来源；\`--json\` 输出全部）` : `Action catalogue ${catalogue.version}: ${found.length} measures (every figure sourced; \`--json\` prints them all)`;
  return { status: 0, stdout: `${title}\n${renderTable(header, rows, ['left', 'left', 'left', 'left', 'right', 'right', 'left'])}\n` };
}
