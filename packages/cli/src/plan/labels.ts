import { POLLUTANT_NAMES, SOLUTION_METHOD_NAMES, TARGET_KIND_NAMES, type PlanResult, type TargetResult } from '@peakpath/core';
import { formatNumber } from '../format/table.ts';
import { tonnesText, yuanText } from '../pathway/amounts.ts';

/**
 * Every label and sentence `peakpath plan` prints, in English and in Chinese. Chinese lines take full-width
 * punctuation, measure ids in backticks (a user types them in the plan file), amounts in 万/亿 in summary lines.
 */
export const PLAN_LABELS = {
  en: {
    title: (r: PlanResult) => `${r.name.en} — ${r.city}: measures added to "${r.baseline.name.en}" (${r.baseline.id}); costs in CNY of ${r.priceYear}, discounted at ${(r.discountRate * 100).toFixed(2)} %`,
    status: { optimal: 'optimal', feasible: 'meets every constraint, not proven the cheapest (the measures interact)', infeasible: 'no portfolio meets the request' },
    limited: (seconds: number, found: boolean) => (found ? `best found within the ${seconds} s limit` : `none found within the ${seconds} s limit (not a proof that none exists)`),
    solution: (r: PlanResult, status: string) => `Least-cost portfolio: ${status} (${r.solution.method}, ${r.solution.iterations} solves); constraints: ${r.constraints.targets.join(', ') || 'none'}${r.constraints.budget ? ', yearly budget' : ''}`,
    portfolioHeader: (y: number) => ['Measure', 'Adoption', `Units ${y}`, 'Cost, 10,000 CNY', `Abatement ${y}, tCO2e`],
    total: (cost: number) => `Net present cost of the portfolio: ${yuanText(cost, 'en')}`,
    pathwayHeader: ['Year', 'Baseline', 'Portfolio'],
    pathwayTitle: 'BASIC emissions, 10,000 tCO2e',
    targetRow: (target: TargetResult) => target.id,
    peak: 'Peak',
    none: 'none by the horizon',
    maccTitle: (r: PlanResult) => `MACC ${r.maccYear} (merit order; ${r.basis === 'basic' ? 'BASIC' : 'BASIC+'} net of removals)`,
    maccHeader: ['#', 'Measure', 'CNY/tCO2e', 'Abatement, tCO2e', 'Alone, tCO2e'],
    constraint: (c: string) => c,
    conflict: (list: readonly string[]) => `Conflicting constraints: ${list.join(', ')}`,
    peakReach: (c: string, y: number | null) => `  ${c}: ${y === null ? 'no peak within the horizon with every measure' : `the earliest peak year the measures allow is ${y}`}`,
    lowest: (c: string, y: number, v: number, a: number | null, unit: 'tCO2e' | 'tCO2' | 'tce') => `  ${c}: the lowest ${y} ${unit === 'tce' ? 'energy' : 'emissions'} the measures reach are ${formatNumber(v, 'en')} ${unit} (allowed: ${a === null ? '—' : formatNumber(a, 'en')})`,
    budget: (c: string, f: number | null) => `  ${c}: ${f === null ? 'the targets cannot be met at any budget' : `the budget would need to be ${f.toFixed(2)} times as large`}`,
    airTitle: (y: number) => `Air pollutants (EMEP/EEA Tier 1), t: baseline and portfolio in ${y}; what each measure avoids alone`,
    airHeader: ['', POLLUTANT_NAMES.SO2.en, POLLUTANT_NAMES.NOx.en, POLLUTANT_NAMES['PM2.5'].en],
    airBaseline: 'Baseline',
    airPortfolio: 'Portfolio',
    rankTitle: (p: number, s: number) => `Priorities (weighted criteria; rank range under ±${Math.round(p * 100)} % weight changes, ${s} samples)`,
    rankHeader: ['Rank', 'Measure', 'Score', 'Rank range', 'Same rank'],
    assumed: 'Assumed:',
    measure: (name: string, id: string) => `${name} (${id})`,
    notCounted: (count: number) => `  ${count} lines (or parts of lines) carry no air pollutants here (electricity and heat are generated outside the city, and others); \`--json\` lists each with its reason under airPollutants.notCounted`,
  },
  zh: {
    title: (r: PlanResult) => `${r.name.zh} — ${r.cityZh ?? r.city}：措施叠加于“${r.baseline.name.zh}”（\`${r.baseline.id}\`）；成本以 ${r.priceYear} 年人民币计，折现率 ${(r.discountRate * 100).toFixed(2)}%`,
    status: { optimal: '最优', feasible: '满足全部约束，但措施间相互影响，未能证明成本最低', infeasible: '没有满足要求的措施组合' },
    limited: (seconds: number, found: boolean) => (found ? `${seconds} 秒时限内找到的最佳组合` : `${seconds} 秒时限内未找到（并非不存在的证明）`),
    solution: (r: PlanResult, status: string) => `最低成本组合：${status}（${SOLUTION_METHOD_NAMES[r.solution.method].zh}，求解 ${r.solution.iterations} 次）；约束：${r.constraints.targets.join('、') || '无'}${r.constraints.budget ? '、年度预算' : ''}`,
    portfolioHeader: (y: number) => ['措施', '实施程度', `${y} 年规模`, '成本（万元）', `${y} 年减排量（吨 CO2e）`],
    total: (cost: number) => `组合净现值成本：${yuanText(cost, 'zh')}`,
    pathwayHeader: ['年份', '基准', '组合'],
    pathwayTitle: 'BASIC 排放（万吨 CO2e）',
    // The id the plan's constraints name it by, and its kind: a row of a table, kept short.
    targetRow: (target: TargetResult) => `${target.id}（${TARGET_KIND_NAMES[target.kind].zh}）`,
    peak: '达峰',
    none: '展望期内未达峰',
    maccTitle: (r: PlanResult) => `${r.maccYear} 年边际减排成本曲线（按成本排序；${r.basis === 'basic' ? 'BASIC' : 'BASIC+'} 扣除清除量）`,
    maccHeader: ['序号', '措施', '元/吨 CO2e', '减排量（吨 CO2e）', '单独实施减排量（吨 CO2e）'],
    // A constraint is `budget` or `target:<id>` (optimise.ts): the budget by name, a target by the id the file gives it.
    constraint: (c: string) => (c === 'budget' ? '年度预算' : c.startsWith('target:') ? `目标 \`${c.slice('target:'.length)}\`` : `\`${c}\``),
    conflict: (list: readonly string[]) => `相互冲突的约束：${list.join('、')}`,
    peakReach: (c: string, y: number | null) => `  ${c}：${y === null ? '即使全部措施实施，展望期内也不能达峰' : `措施最早可使 ${y} 年达峰`}`,
    lowest: (c: string, y: number, v: number, a: number | null, unit: 'tCO2e' | 'tCO2' | 'tce') => `  ${c}：措施可使 ${y} 年${unit === 'tce' ? '能源消费总量' : '排放'}最低降至 ${tonnesText(v, unit, 'zh')}（上限 ${a === null ? '—' : tonnesText(a, unit, 'zh')}）`,
    budget: (c: string, f: number | null) => `  ${c}：${f === null ? '任何预算下都无法达成目标' : `预算需扩大至 ${f.toFixed(2)} 倍`}`,
    airTitle: (y: number) => `大气污染物（EMEP/EEA 第一层级方法，吨）：${y} 年基准与组合；各措施单独实施的减排量`,
    airHeader: ['', POLLUTANT_NAMES.SO2.zh, POLLUTANT_NAMES.NOx.zh, POLLUTANT_NAMES['PM2.5'].zh],
    airBaseline: '基准',
    airPortfolio: '组合',
    rankTitle: (p: number, s: number) => `优先排序（多准则加权；权重 ±${Math.round(p * 100)}% 扰动下的名次范围，${s} 次抽样）`,
    rankHeader: ['名次', '措施', '得分', '名次范围', '名次不变'],
    assumed: '假设：',
    measure: (name: string, id: string) => `${name}（\`${id}\`）`,
    notCounted: (count: number) => `  ${count} 行（或其部分）未计大气污染物（电力、热力在市外产生等）；\`--json\` 的 airPollutants.notCounted 列出原因`,
  },
};
