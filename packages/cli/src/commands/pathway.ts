import { availableParallelism } from 'node:os';
import { MAX_MONTE_CARLO_RUNS, pathwayJson, warningsJson, type Lang, type MonteCarloSummary, type Pathway, type PathwayResult } from '@peakpath/core';
import { formatNumber, formatSignificant, renderTable } from '../format/table.ts';
import { createNodeEngine, defaultThreads, InputFileError, MonteCarloPool, readDocument } from '@peakpath/node';
import type { CommandOutput } from '../output.ts';
import { ProgressBar } from '../pathway/progress.ts';
import { issueReport } from './inventory.ts';
import { strictFailure, warningBlock } from './warnings.ts';
import { jsonText } from '../format/json.ts';

export interface PathwayOptions {
  readonly json: boolean;
  readonly pretty?: boolean;
  readonly lang: Lang;
  readonly scenario?: string | undefined;
  readonly mc?: string | undefined;
  readonly seed?: string | undefined;
  readonly threads?: string | undefined;
  /** Warnings are errors (exit 2). */
  readonly strict?: boolean | undefined;
}

const DEFAULT_SEED = 1;

function integerOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new InputFileError(`--${name}: expected a whole number from ${min} to ${max}, got "${value}" / --${name} 应为 ${min}–${max} 的整数`);
  }
  return number;
}

/**
 * --threads, at most one per core: each worker thread holds its own copy of the engine (100 threads
 * took 4.8 GB) and threads beyond the cores only wait their turn. A larger request is reduced, and
 * says so on standard error.
 */
function threadsOption(value: string | undefined, lang: Lang): number | undefined {
  const requested = integerOption('threads', value, 1, 256);
  const cores = availableParallelism();
  if (requested === undefined || requested <= cores) return requested;
  process.stderr.write(
    lang === 'zh'
      ? `--threads ${requested}：本机有 ${cores} 个核心，使用 ${cores} 个线程\n`
      : `--threads ${requested}: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores}\n`,
  );
  return cores;
}

/** `peakpath pathway FILE`: the scenarios side by side, or one scenario in detail; --mc adds Monte Carlo. */
export async function pathwayCommand(file: string, options: PathwayOptions): Promise<CommandOutput> {
  const runs = integerOption('mc', options.mc, 1, MAX_MONTE_CARLO_RUNS);
  const seed = integerOption('seed', options.seed, 0, 2 ** 31 - 1) ?? DEFAULT_SEED;
  const threads = threadsOption(options.threads, options.lang);
  const document = await readDocument(file, { notice: (text) => process.stderr.write(`${text}\n`) });
  const engine = await createNodeEngine();
  const run = await engine.pathway(document, { id: file, scenario: options.scenario });
  if (!run.ok) return { status: 2, stderr: issueReport(run.issues, options.lang) };
  const strict = strictFailure(run.warnings, options.strict, options.lang);
  if (strict) return strict;
  const { pathway, result, comparison } = run.value;
  let mc: MonteCarloSummary | undefined;
  if (runs !== undefined) {
    const bar = new ProgressBar(process.stderr, options.lang === 'zh' ? '蒙特卡洛模拟' : 'Monte Carlo');
    const workers = threads ?? defaultThreads(runs);
    const pool = workers > 1 ? new MonteCarloPool(workers) : undefined;
    try {
      const analysis = await engine.monteCarlo(pathway, { scenario: result.scenario.id, runs, seed, runner: pool, progress: (done, total) => bar.update(done, total) });
      if (!analysis.ok) return { status: 2, stderr: issueReport(analysis.issues, options.lang) };
      mc = analysis.value;
    } finally {
      bar.done();
      await pool?.close();
    }
  }
  if (options.json) return { status: 0, stdout: jsonText(pathwayJson(result, comparison, mc, warningsJson(run.warnings)), options.pretty) };
  const scenarioGiven = options.scenario !== undefined;
  return { status: 0, stdout: `${renderPathway(pathway, result, comparison, mc, scenarioGiven, options.lang)}\n${warningBlock(run.warnings, options.lang)}` };
}

const LABELS = {
  en: {
    title: (p: Pathway, r: PathwayResult) => `${p.name.en} — ${r.city}, ${r.baseYear}–${r.endYear}`,
    scenarios: 'Scenarios: BASIC emissions, 10,000 tCO2e',
    scenario: 'Scenario',
    peak: 'Peak',
    noPeak: 'none by the horizon',
    targets: 'Targets',
    detail: (r: PathwayResult) => `${r.scenario.name.en} (${r.scenario.id}): BASIC emissions by sector, 10,000 tCO2e`,
    total: 'Total (BASIC)',
    basicPlus: 'BASIC+',
    plusOnly: '(BASIC+ only)',
    removals: 'Removals',
    energy: 'Energy, 10,000 tce',
    perCapita: 'tCO2e per person',
    perGdp: 'tCO2e per 10,000 CNY',
    official: (r: PathwayResult) => r.official.boundary.en,
    energyCo2: 'Energy-activity CO2, 10,000 tCO2',
    combustion: '  combustion in sectors',
    plants: '  power and heat plants',
    electricityImports: '  net imported electricity',
    heatImports: '  net imported heat',
    generation: 'Local generation, 100 GWh',
    netImports: 'Net imports, 100 GWh',
    officialEnergy: (method: string) => `Total energy, 10,000 tce (${method === 'coal-equivalent' ? 'coal-equivalent' : 'calorific'})`,
    nonFossilShare: 'Non-fossil share',
    co2PerGdp: (prices: number | null) => `tCO2 per 10,000 CNY (${prices === null ? 'prices unstated' : `${prices} prices`})`,
    energyPerGdp: (prices: number | null) => `tce per 10,000 CNY (${prices === null ? 'prices unstated' : `${prices} prices`})`,
    officialPeak: 'Peak of energy-activity CO2',
    officialPeakShort: 'Peak (energy CO2)',
    target: (id: string, met: boolean, gap: string) => `  ${met ? '✓ met' : '✗ not met'}  ${id}${gap}`,
    gapAt: (year: number, value: string, unit: string) => `; gap in ${year}: ${value} ${unit}`,
    basis: (basis: string) => ` [${basis === 'energyCo2' ? 'official' : basis === 'basicPlus' ? 'BASIC+' : 'BASIC'}]`,
    officialAvoided: (year: number) => `Avoided ${year}, energy-activity CO2`,
    cumulative: (value: string) => `, cumulative −${value}%`,
    actions: 'Actions: tCO2e avoided, BASIC (BASIC+ for IPPU and AFOLU actions): the scenario without the action minus the scenario',
    actionHeader: ['Action', 'Adoption', 'Avoided', 'Avoided', 'Cumulative'],
    interaction: (value: string) => `Interaction of the actions over the horizon (BAU − scenario − Σ impacts): ${value} tCO2e`,
    decomposition: (from: number, to: number, change: string) => `Decomposition ${from}→${to} (LMDI, tCO2e; change ${change})`,
    mc: (m: MonteCarloSummary) => `Monte Carlo: ${formatNumber(m.runs, 'en')} runs, seed ${m.seed}: BASIC emissions, 10,000 tCO2e`,
    peakedBy: 'Probability of having peaked by',
    targetOdds: 'Probability of meeting',
    clamped: (path: string, n: number) => `  ${path}: ${n} draws outside its bounds were brought back to them`,
    fixed: (path: string) => `  ${path}: set by the scenario, so held at its value (not drawn)`,
    assumed: 'Assumed',
    json: '`--json` prints every figure per year; docs/pathways.md explains them.',
  },
  zh: {
    title: (p: Pathway, r: PathwayResult) => `${p.name.zh} — ${r.city}，${r.baseYear}–${r.endYear} 年`,
    scenarios: '各情景 BASIC 排放（万吨 CO2e）',
    scenario: '情景',
    peak: '达峰',
    noPeak: '展望期内未达峰',
    targets: '目标',
    detail: (r: PathwayResult) => `${r.scenario.name.zh}（${r.scenario.id}）：分部门 BASIC 排放（万吨 CO2e）`,
    total: '合计（BASIC）',
    basicPlus: 'BASIC+',
    plusOnly: '（仅 BASIC+）',
    removals: '清除量',
    energy: '能源消费（万吨标准煤）',
    perCapita: '吨 CO2e/人',
    perGdp: '吨 CO2e/万元',
    official: (r: PathwayResult) => r.official.boundary.zh,
    energyCo2: '能源活动 CO2（万吨）',
    combustion: '  部门化石能源燃烧',
    plants: '  电厂与热力厂',
    electricityImports: '  净调入电力',
    heatImports: '  净调入热力',
    generation: '本地发电量（亿千瓦时）',
    netImports: '净调入电量（亿千瓦时）',
    officialEnergy: (method: string) => `能源消费总量（万吨标准煤，${method === 'coal-equivalent' ? '发电煤耗法' : '电热当量法'}）`,
    nonFossilShare: '非化石能源占比',
    co2PerGdp: (prices: number | null) => `吨 CO2/万元 GDP（${prices === null ? '价格基年未注明' : `${prices} 年价`}）`,
    energyPerGdp: (prices: number | null) => `吨标准煤/万元 GDP（${prices === null ? '价格基年未注明' : `${prices} 年价`}）`,
    officialPeak: '能源活动 CO2 达峰',
    officialPeakShort: '达峰（能源活动 CO2）',
    target: (id: string, met: boolean, gap: string) => `  ${met ? '✓ 达成' : '✗ 未达成'}  ${id}${gap}`,
    gapAt: (year: number, value: string, unit: string) => `；${year} 年差距 ${value} ${unit === 'tce' ? '吨标准煤' : unit === 'tCO2' ? '吨 CO2' : '吨 CO2e'}`,
    basis: (basis: string) => `［${basis === 'energyCo2' ? '官方口径' : basis === 'basicPlus' ? 'BASIC+' : 'BASIC'}］`,
    officialAvoided: (year: number) => `${year} 年减排（能源活动 CO2）`,
    cumulative: (value: string) => `，累计下降 ${value}%`,
    actions: '行动：减排量（吨 CO2e，BASIC 口径；工业过程与 AFOLU 行动为 BASIC+），即无该行动情景减去本情景',
    actionHeader: ['行动', '实施程度', '减排', '减排', '累计'],
    interaction: (value: string) => `行动之间的相互作用（基准 − 本情景 − 各行动减排之和），展望期合计：${value} 吨 CO2e`,
    decomposition: (from: number, to: number, change: string) => `${from}→${to} 年排放变化分解（LMDI，吨 CO2e；变化 ${change}）`,
    mc: (m: MonteCarloSummary) => `蒙特卡洛模拟：${formatNumber(m.runs, 'zh')} 次，随机种子 ${m.seed}：BASIC 排放（万吨 CO2e）`,
    peakedBy: '到该年已达峰的概率',
    targetOdds: '达成目标的概率',
    clamped: (path: string, n: number) => `  ${path}：${n} 次抽样超出取值范围，已截取到边界`,
    fixed: (path: string) => `  ${path}：由情景设定，保持该值（不抽样）`,
    assumed: '假设',
    json: '`--json` 输出逐年全部数据；说明见 docs/pathways.md。',
  },
} as const;

const FACTOR_NAMES: Record<string, { en: string; zh: string }> = {
  population: { en: 'population', zh: '人口' },
  affluence: { en: 'GDP per person', zh: '人均 GDP' },
  energyIntensity: { en: 'energy per GDP', zh: '能源强度' },
  structure: { en: 'sector mix of energy', zh: '部门能源结构' },
  carbonIntensity: { en: 'carbon per energy', zh: '能源碳强度' },
  nonEnergyIntensity: { en: 'non-energy emissions per GDP', zh: '非能源排放强度' },
  other: { en: 'sinks and sign changes', zh: '碳汇及正负变化' },
};

/** China's official quantities at the milestone years, for a Chinese city (the JSON has them always). */
function officialTable(result: PathwayResult, years: readonly number[], lang: Lang): string[] {
  const text = LABELS[lang];
  const official = result.official;
  const at = (series: readonly number[], year: number): number => series[year - result.baseYear]!;
  const row = (label: string, series: readonly number[], format: (value: number) => string): string[] => [label, ...years.map((year) => format(at(series, year)))];
  const wan = (value: number): string => formatNumber(value / 1e4, lang, 0);
  const yi = (mwh: number): string => formatNumber(mwh / 1e5, lang, 1);
  const rows = [
    row(text.energyCo2, official.energyCo2, wan),
    row(text.combustion, official.parts.combustion, wan),
    row(text.plants, official.parts.plants, wan),
    row(text.electricityImports, official.parts.electricityImports, wan),
  ];
  if (official.parts.heatImports.some((value) => value !== 0)) rows.push(row(text.heatImports, official.parts.heatImports, wan));
  rows.push(
    row(text.generation, official.electricity.generation, yi),
    row(text.netImports, official.electricity.netImports, yi),
    row(text.officialEnergy(official.energy.method), official.energy.tce, wan),
    row(text.nonFossilShare, official.energy.nonFossilShare, (value) => `${formatNumber(value * 100, lang, 1)}%`),
    row(text.co2PerGdp(official.intensity.gdpPrices), official.intensity.co2PerGdp, (value) => formatSignificant(value, lang, 3)),
    row(text.energyPerGdp(official.intensity.gdpPrices), official.intensity.energyPerGdp, (value) => formatSignificant(value, lang, 3)),
  );
  const peak = official.peak.year === null ? text.noPeak : `${official.peak.year} (${wan(official.peak.value!)})`;
  return [text.official(result), renderTable(['', ...years.map(String)], rows, ['left', ...years.map(() => 'right' as const)]), `${text.officialPeak}: ${peak}`];
}

/** Milestone years shown in tables: the base year, every fifth year, the last year. */
function milestones(result: PathwayResult): number[] {
  const years = result.years.filter((year, i) => i === 0 || year % 5 === 0 || i === result.years.length - 1);
  return [...new Set(years)];
}

function renderPathway(pathway: Pathway, result: PathwayResult, comparison: readonly PathwayResult[], mc: MonteCarloSummary | undefined, detailOnly: boolean, lang: Lang): string {
  const text = LABELS[lang];
  const n = (value: number, digits = 0): string => formatNumber(value, lang, digits);
  const wan = (value: number): string => formatNumber(value / 1e4, lang, 0);
  const years = milestones(result);
  const at = (series: readonly number[], year: number): number => series[year - result.baseYear]!;
  const peakText = (r: PathwayResult): string => (r.peak.year === null ? text.noPeak : `${r.peak.year} (${wan(r.peak.value!)})`);
  const out: string[] = [text.title(pathway, result), ''];

  if (!detailOnly) {
    out.push(text.scenarios);
    // A Chinese city's scenarios also show the peak of energy-activity CO2 (the two bases can peak in different years).
    const official = pathway.chinese;
    const officialPeak = (r: PathwayResult): string => (r.official.peak.year === null ? text.noPeak : `${r.official.peak.year} (${wan(r.official.peak.value!)})`);
    const rows = comparison.map((r) => [
      lang === 'zh' ? r.scenario.name.zh : r.scenario.name.en,
      ...years.map((year) => wan(at(r.total, year))),
      peakText(r),
      ...(official ? [officialPeak(r)] : []),
      `${r.targets.filter((t) => t.met).length}/${r.targets.length}`,
    ]);
    const header = [text.scenario, ...years.map(String), text.peak, ...(official ? [text.officialPeakShort] : []), text.targets];
    out.push(renderTable(header, rows, ['left', ...years.map(() => 'right' as const), 'left', ...(official ? ['left' as const] : []), 'right']), '');
  }

  out.push(text.detail(result));
  // Sectors with nothing in BASIC (IPPU, AFOLU) show their BASIC+ figures, marked as such.
  const sectorRows = pathway.model.sectors.map((sector) => {
    const basic = result.bySector[sector.id]!;
    const onlyPlus = basic.every((value) => value === 0);
    const series = onlyPlus ? result.bySectorBasicPlus[sector.id]! : basic;
    const name = lang === 'zh' ? sector.name.zh : sector.name.en;
    return [onlyPlus ? `${name} ${text.plusOnly}` : name, ...years.map((year) => wan(at(series, year)))];
  });
  sectorRows.push([text.total, ...years.map((year) => wan(at(result.total, year)))]);
  sectorRows.push([text.basicPlus, ...years.map((year) => wan(at(result.basicPlus, year)))]);
  if (result.removals.some((value) => value !== 0)) sectorRows.push([text.removals, ...years.map((year) => wan(at(result.removals, year)))]);
  sectorRows.push([text.energy, ...years.map((year) => wan(at(result.energy.tce, year)))]);
  sectorRows.push([text.perCapita, ...years.map((year) => formatSignificant(at(result.intensity.perCapita, year), lang, 3))]);
  sectorRows.push([text.perGdp, ...years.map((year) => formatSignificant(at(result.intensity.perGdp, year), lang, 3))]);
  out.push(renderTable(['', ...years.map(String)], sectorRows, ['left', ...years.map(() => 'right' as const)]));
  out.push(`${text.peak}: ${peakText(result)}`, '');
  if (pathway.chinese) out.push(...officialTable(result, years, lang), '');

  if (result.targets.length > 0) {
    out.push(`${text.targets}:`);
    for (const target of result.targets) {
      const gap = target.gap[target.year - result.baseYear];
      const gapText = gap === null || gap === undefined || target.kind === 'peak' ? '' : text.gapAt(target.year, n(gap), target.gapUnit);
      const cumulative = target.cumulative === undefined ? '' : text.cumulative(formatNumber(target.cumulative * 100, lang, 2));
      const name = target.name[lang];
      out.push(text.target(name === target.id ? target.id : `${target.id} (${name})`, target.met, `${text.basis(target.basis)}${cumulative}${gapText}`));
    }
    out.push('');
  }

  if (result.actions.length > 0) {
    out.push(text.actions);
    const mid = Math.min(result.endYear, 2030);
    // A Chinese city also sees each action on the official basis (a grid-connected plant moves only that).
    const official = pathway.chinese;
    const header = [text.actionHeader[0], `${text.actionHeader[1]} ${mid}`, `${text.actionHeader[2]} ${mid}`, `${text.actionHeader[3]} ${result.endYear}`, text.actionHeader[4], ...(official ? [text.officialAvoided(mid)] : [])];
    const rows = result.actions.map((action) => {
      const plus = action.cumulative === 0 && action.cumulativeBasicPlus !== 0;
      const impact = plus ? action.impactBasicPlus : action.impact;
      const name = lang === 'zh' ? action.name.zh : action.name.en;
      const row = [plus ? `${name} ${text.plusOnly}` : name, `${n(at(action.adoption, mid) * 100)}%`, n(at(impact, mid)), n(at(impact, result.endYear)), n(plus ? action.cumulativeBasicPlus : action.cumulative)];
      return official ? [...row, n(at(action.impactEnergyCo2, mid))] : row;
    });
    out.push(renderTable(header, rows, ['left', 'right', 'right', 'right', 'right', ...(official ? ['right' as const] : [])]));
    out.push(text.interaction(n(result.interaction.reduce((sum, value) => sum + value, 0))), '');
  }

  for (const part of result.decomposition) {
    out.push(text.decomposition(part.from, part.to, n(part.change)));
    const rows = Object.entries(part.effects)
      .filter(([factor, value]) => value !== 0 || factor !== 'other')
      .map(([factor, value]) => [`  ${FACTOR_NAMES[factor]?.[lang] ?? factor}`, n(value)]);
    out.push(renderTable(['', 'tCO2e'], rows, ['left', 'right']), '');
  }

  if (mc) {
    out.push(text.mc(mc));
    const rows = (['p5', 'p25', 'p50', 'p75', 'p95'] as const).map((p) => [p.toUpperCase(), ...years.map((year) => wan(at(mc.percentiles[p], year)))]);
    out.push(renderTable(['', ...years.map(String)], rows, ['left', ...years.map(() => 'right' as const)]));
    const odds = years.filter((year) => year > result.baseYear).map((year) => `${year} ${n((mc.peakedBy[String(year)] ?? 0) * 100)}%`);
    out.push(`${text.peakedBy}: ${odds.join(', ')}`);
    if (result.targets.length > 0) out.push(`${text.targetOdds}: ${result.targets.map((target) => `${target.id} ${n((mc.targets[target.id] ?? 0) * 100)}%`).join(', ')}`);
    for (const [path, count] of Object.entries(mc.clamped)) out.push(text.clamped(path, count));
    for (const path of mc.fixedByScenario) out.push(text.fixed(path));
    out.push('');
  }

  for (const assumption of result.assumptions) out.push(`${text.assumed}: ${assumption.text[lang]}`);
  out.push(text.json);
  return out.join('\n');
}
