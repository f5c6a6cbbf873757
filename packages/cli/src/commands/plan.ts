import { planJson, POLLUTANT_NAMES, SOLUTION_METHOD_NAMES, warningsJson, withUnit, type Lang, type PlanResult } from '@peakpath/core';
import { tonnesText, yuanText } from '../pathway/amounts.ts';
import { PATHWAY_LABELS } from '../pathway/labels.ts';
import { formatNumber, renderTable } from '../format/table.ts';
import { createNodeEngine, InputFileError, readDocument } from '@peakpath/node';
import type { CommandOutput } from '../output.ts';
import { issueReport } from './inventory.ts';
import { strictFailure, warningBlock } from './warnings.ts';
import { jsonText } from '../format/json.ts';

export interface PlanOptions {
  readonly json: boolean;
  readonly pretty?: boolean;
  readonly lang: Lang;
  /** Warnings are errors (exit 2). */
  readonly strict?: boolean | undefined;
  /** `--time-limit`: seconds the optimisation may take (the engine's `limits.seconds`, default 60). */
  readonly timeLimit?: string | undefined;
  /** `--mip-gap`: relative gap at which a solve is optimal (the engine's `limits.mipGap`, default 0.0001). */
  readonly mipGap?: string | undefined;
}

/** A number option within [min, max]; a usage error (exit 2) otherwise. */
function numberOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min || number > max) {
    throw new InputFileError(`--${name}: expected a number from ${min} to ${max}, got "${value}" / --${name} 应为 ${min}–${max} 的数`);
  }
  return number;
}

/** `peakpath plan FILE`: the MACC, the least-cost portfolio and its pathway, or why no portfolio meets the request. */
export async function planCommand(file: string, options: PlanOptions): Promise<CommandOutput> {
  const seconds = numberOption('time-limit', options.timeLimit, 0.001, 86_400);
  const mipGap = numberOption('mip-gap', options.mipGap, 0, 1);
  const document = await readDocument(file, { notice: (text) => process.stderr.write(`${text}\n`) });
  const engine = await createNodeEngine();
  // The time limit covers the whole optimisation, and no solve may take longer than it.
  const limits = { ...(seconds === undefined ? {} : { seconds, solverSeconds: seconds }), ...(mipGap === undefined ? {} : { mipGap }) };
  const loaded = await engine.loadPlan(document, { id: file });
  if (!loaded.ok) return { status: 2, stderr: issueReport(loaded.issues, options.lang) };
  // --strict refuses before the optimisation, which can take a while.
  const strict = strictFailure(loaded.warnings, options.strict, options.lang);
  if (strict) return strict;
  const run = await engine.runPlan(loaded.value, { limits, clock: () => performance.now() });
  if (!run.ok) return { status: 2, stderr: issueReport(run.issues, options.lang) };
  const warnings = [...loaded.warnings, ...run.warnings];
  if (options.json) return { status: 0, stdout: jsonText(planJson(run.value, warningsJson(warnings)), options.pretty) };
  return { status: 0, stdout: `${renderPlan(run.value, options.lang)}\n${warningBlock(warnings, options.lang)}` };
}

const TEXT = {
  en: {
    title: (r: PlanResult) => `${r.name.en} — ${r.city}: measures added to "${r.baseline.name.en}" (${r.baseline.id}); costs in CNY of ${r.priceYear}, discounted at ${(r.discountRate * 100).toFixed(2)} %`,
    status: { optimal: 'optimal', feasible: 'meets every constraint, not proven the cheapest (the measures interact)', infeasible: 'no portfolio meets the request' },
    limited: (seconds: number, found: boolean) => (found ? `best found within the ${seconds} s limit` : `none found within the ${seconds} s limit (not a proof that none exists)`),
    solution: (r: PlanResult, status: string) => `Least-cost portfolio: ${status} (${r.solution.method}, ${r.solution.iterations} solves); constraints: ${r.constraints.targets.join(', ') || 'none'}${r.constraints.budget ? ', yearly budget' : ''}`,
    portfolioHeader: (y: number) => ['Measure', 'Adoption', `Units ${y}`, 'Cost, 10,000 CNY', `Abatement ${y}, tCO2e`],
    total: (cost: number) => `Net present cost of the portfolio: ${yuanText(cost, 'en')}`,
    pathwayHeader: ['Year', 'Baseline', 'Portfolio'],
    pathwayTitle: 'BASIC emissions, 10,000 tCO2e',
    peak: 'Peak',
    none: 'none by the horizon',
    maccTitle: (r: PlanResult) => `MACC ${r.maccYear} (merit order; ${r.basis === 'basic' ? 'BASIC' : 'BASIC+'} net of removals)`,
    maccHeader: ['#', 'Measure', 'CNY/tCO2e', 'Abatement, tCO2e', 'Alone, tCO2e'],
    conflict: (list: string) => `Conflicting constraints: ${list}`,
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
    peak: '达峰',
    none: '展望期内未达峰',
    maccTitle: (r: PlanResult) => `${r.maccYear} 年边际减排成本曲线（按成本排序；${r.basis === 'basic' ? 'BASIC' : 'BASIC+'} 扣除清除量）`,
    maccHeader: ['序号', '措施', '元/吨 CO2e', '减排量（吨 CO2e）', '单独实施减排量（吨 CO2e）'],
    conflict: (list: string) => `相互冲突的约束：${list}`,
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

function renderPlan(result: PlanResult, lang: Lang): string {
  const t = TEXT[lang];
  const n = (value: number, digits = 0): string => formatNumber(value, lang, digits);
  const name = (value: { en: string; zh: string }): string => value[lang];
  const { limit } = result.solution;
  const status = limit ? t.limited(limit.seconds, result.solution.status !== 'infeasible') : t.status[result.solution.status];
  const out: string[] = [t.title(result), '', t.solution(result, status)];
  if (result.portfolio.length > 0) {
    out.push(
      renderTable(
        t.portfolioHeader(result.maccYear),
        result.portfolio.map((entry) => [t.measure(name(entry.name), entry.action), `${n(entry.adoption * 100, 1)}%`, withUnit(n(entry.units), entry.unit, lang), n(entry.cost / 1e4), n(entry.abatement)]),
        ['left', 'right', 'right', 'right', 'right'],
      ),
      t.total(result.totalCost),
    );
  }
  if (result.infeasible) {
    out.push(t.conflict(result.infeasible.conflicting.join(lang === 'zh' ? '、' : ', ')));
    for (const reach of result.infeasible.reachable) {
      if (reach.kind === 'peak') out.push(t.peakReach(reach.constraint, reach.earliestPeakBy));
      else if (reach.kind === 'budget') out.push(t.budget(reach.constraint, reach.factor));
      else out.push(t.lowest(reach.constraint, reach.year, reach.lowest, reach.allowed, reach.unit));
    }
  }
  const { pathway, baselinePathway } = result;
  const rows = pathway.years.flatMap((year, i) => ((year - pathway.baseYear) % 5 === 0 || year === pathway.endYear ? [[String(year), n(baselinePathway.total[i]! / 1e4, 1), n(pathway.total[i]! / 1e4, 1)]] : []));
  rows.push([t.peak, baselinePathway.peak.year === null ? t.none : String(baselinePathway.peak.year), pathway.peak.year === null ? t.none : String(pathway.peak.year)]);
  for (const target of pathway.targets) {
    const before = baselinePathway.targets.find((candidate) => candidate.id === target.id);
    rows.push([PATHWAY_LABELS[lang].targetName(target), before?.met ? '✓' : '✗', target.met ? '✓' : '✗']);
  }
  out.push('', t.pathwayTitle, renderTable(t.pathwayHeader, rows, ['left', 'right', 'right']));
  out.push(
    '',
    t.maccTitle(result),
    renderTable(
      t.maccHeader,
      result.macc.entries.map((entry) => [String(entry.order), t.measure(name(entry.name), entry.id), entry.costPerTonne === null ? '—' : n(entry.costPerTonne), n(entry.abatement), n(entry.standaloneAbatement)]),
      ['right', 'left', 'right', 'right', 'right'],
    ),
  );
  const air = result.airPollutants;
  const y = result.maccYear - pathway.baseYear;
  const measureName = new Map(result.macc.entries.map((entry) => [entry.id, t.measure(name(entry.name), entry.id)]));
  out.push(
    '',
    t.airTitle(result.maccYear),
    renderTable(
      t.airHeader,
      [
        [t.airBaseline, n(air.baseline.SO2[y]!), n(air.baseline.NOx[y]!), n(air.baseline['PM2.5'][y]!)],
        [t.airPortfolio, n(air.portfolio.SO2[y]!), n(air.portfolio.NOx[y]!), n(air.portfolio['PM2.5'][y]!)],
        ...air.byMeasure.map((m) => [measureName.get(m.id) ?? m.id, n(m.SO2, 1), n(m.NOx, 1), n(m['PM2.5'], 1)]),
      ],
      ['left', 'right', 'right', 'right'],
    ),
  );
  if (result.prioritisation) {
    const { ranking, robustness } = result.prioritisation;
    out.push(
      '',
      t.rankTitle(robustness.perturbation, robustness.samples),
      renderTable(
        t.rankHeader,
        ranking.map((entry) => [String(entry.rank), measureName.get(entry.id) ?? entry.id, n(entry.score, 3), `${entry.rankRange[0]}–${entry.rankRange[1]}`, `${n(entry.rankStability * 100)}%`]),
        ['right', 'left', 'right', 'right', 'right'],
      ),
    );
  }
  out.push('', t.assumed, ...[...result.assumptions, ...air.assumptions].map((assumption) => `  ${assumption.text[lang]}`), t.notCounted(air.notCounted.length));
  return out.join('\n');
}
