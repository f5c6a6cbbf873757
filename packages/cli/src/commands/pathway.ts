import { MAX_MONTE_CARLO_RUNS, pathwayJson, warningsJson, type Lang, type MonteCarloSummary, type Pathway, type PathwayResult } from '@peakpath/core';
import { formatNumber, formatSignificant, renderTable } from '../format/table.ts';
import { createNodeEngine, defaultThreads, MonteCarloPool, readDocument } from '@peakpath/node';
import type { CommandOutput } from '../output.ts';
import { ProgressBar } from '../pathway/progress.ts';
import { PATHWAY_LABELS } from '../pathway/labels.ts';
import { issueReport } from './inventory.ts';
import { strictFailure, warningBlock } from './warnings.ts';
import { jsonText } from '../format/json.ts';
import { integerOption, threadsOption } from './options.ts';

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

/** `peakpath pathway FILE`: the scenarios side by side, or one scenario in detail; --mc adds Monte Carlo. */
export async function pathwayCommand(file: string, options: PathwayOptions): Promise<CommandOutput> {
  const runs = integerOption('mc', options.mc, 1, MAX_MONTE_CARLO_RUNS, options.lang);
  const seed = integerOption('seed', options.seed, 0, 2 ** 31 - 1, options.lang) ?? DEFAULT_SEED;
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

/** China's official quantities at the milestone years, for a Chinese city (the JSON has them always). */
function officialTable(result: PathwayResult, years: readonly number[], lang: Lang): string[] {
  const text = PATHWAY_LABELS[lang];
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
  const peak = official.peak.year === null ? text.noPeak : text.peakSummary(official.peak.year, official.peak.value!, 'tCO2');
  return [text.official(result), renderTable(['', ...years.map(String)], rows, ['left', ...years.map(() => 'right' as const)]), text.peakLine(text.officialPeak, peak)];
}

/** Milestone years shown in tables: the base year, every fifth year, the last year. */
function milestones(result: PathwayResult): number[] {
  const years = result.years.filter((year, i) => i === 0 || year % 5 === 0 || i === result.years.length - 1);
  return [...new Set(years)];
}

function renderPathway(pathway: Pathway, result: PathwayResult, comparison: readonly PathwayResult[], mc: MonteCarloSummary | undefined, detailOnly: boolean, lang: Lang): string {
  const text = PATHWAY_LABELS[lang];
  const n = (value: number, digits = 0): string => formatNumber(value, lang, digits);
  const wan = (value: number): string => formatNumber(value / 1e4, lang, 0);
  const years = milestones(result);
  const at = (series: readonly number[], year: number): number => series[year - result.baseYear]!;
  const peakText = (r: PathwayResult): string => (r.peak.year === null ? text.noPeak : text.peakCell(r.peak.year, wan(r.peak.value!)));
  const out: string[] = [text.title(pathway, result), ''];

  if (!detailOnly) {
    out.push(text.scenarios);
    // A Chinese city's scenarios also show the peak of energy-activity CO2 (the two bases can peak in different years).
    const official = pathway.chinese;
    const officialPeak = (r: PathwayResult): string => (r.official.peak.year === null ? text.noPeak : text.peakCell(r.official.peak.year, wan(r.official.peak.value!)));
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
    return [onlyPlus ? text.plusOnly(name) : name, ...years.map((year) => wan(at(series, year)))];
  });
  sectorRows.push([text.total, ...years.map((year) => wan(at(result.total, year)))]);
  sectorRows.push([text.basicPlus, ...years.map((year) => wan(at(result.basicPlus, year)))]);
  if (result.removals.some((value) => value !== 0)) sectorRows.push([text.removals, ...years.map((year) => wan(at(result.removals, year)))]);
  sectorRows.push([text.energy, ...years.map((year) => wan(at(result.energy.tce, year)))]);
  sectorRows.push([text.perCapita, ...years.map((year) => formatSignificant(at(result.intensity.perCapita, year), lang, 3))]);
  sectorRows.push([text.perGdp, ...years.map((year) => formatSignificant(at(result.intensity.perGdp, year), lang, 3))]);
  out.push(renderTable(['', ...years.map(String)], sectorRows, ['left', ...years.map(() => 'right' as const)]));
  out.push(text.peakLine(text.peak, result.peak.year === null ? text.noPeak : text.peakSummary(result.peak.year, result.peak.value!, 'tCO2e')), '');
  if (pathway.chinese) out.push(...officialTable(result, years, lang), '');

  if (result.targets.length > 0) {
    out.push(text.targetsHeading);
    for (const target of result.targets) {
      const gap = target.gap[target.year - result.baseYear];
      const gapText = gap === null || gap === undefined || target.kind === 'peak' ? '' : text.gapAt(target.year, gap, target.gapUnit);
      const cumulative = target.cumulative === undefined ? '' : text.cumulative(formatNumber(target.cumulative * 100, lang, 2));
      out.push(text.target(text.targetName(target), target.met, `${text.basis(target.basis)}${cumulative}${gapText}`));
    }
    out.push('');
  }

  if (result.actions.length > 0) {
    out.push(text.actions);
    const mid = Math.min(result.endYear, 2030);
    // A Chinese city also sees each action on the official basis (a grid-connected plant moves only that).
    const official = pathway.chinese;
    const header = [...text.actionHeader(mid, result.endYear), ...(official ? [text.officialAvoided(mid)] : [])];
    const rows = result.actions.map((action) => {
      const plus = action.cumulative === 0 && action.cumulativeBasicPlus !== 0;
      const impact = plus ? action.impactBasicPlus : action.impact;
      const name = lang === 'zh' ? action.name.zh : action.name.en;
      const row = [plus ? text.plusOnly(name) : name, `${n(at(action.adoption, mid) * 100)}%`, n(at(impact, mid)), n(at(impact, result.endYear)), n(plus ? action.cumulativeBasicPlus : action.cumulative)];
      return official ? [...row, n(at(action.impactEnergyCo2, mid))] : row;
    });
    out.push(renderTable(header, rows, ['left', 'right', 'right', 'right', 'right', ...(official ? ['right' as const] : [])]));
    out.push(text.interaction(result.interaction.reduce((sum, value) => sum + value, 0)), '');
  }

  for (const part of result.decomposition) {
    out.push(text.decomposition(part.from, part.to, n(part.change)));
    const rows = Object.entries(part.effects)
      .filter(([factor, value]) => value !== 0 || factor !== 'other')
      .map(([factor, value]) => [`  ${text.factors[factor] ?? factor}`, n(value)]);
    out.push(renderTable(['', text.decompositionUnit], rows, ['left', 'right']), '');
  }

  if (mc) {
    out.push(text.mc(mc));
    const rows = (['p5', 'p25', 'p50', 'p75', 'p95'] as const).map((p) => [text.percentile[p], ...years.map((year) => wan(at(mc.percentiles[p], year)))]);
    out.push(renderTable(['', ...years.map(String)], rows, ['left', ...years.map(() => 'right' as const)]));
    const odds = years.filter((year) => year > result.baseYear).map((year) => [year, `${n((mc.peakedBy[String(year)] ?? 0) * 100)}%`] as const);
    out.push(text.peakedBy(odds));
    if (result.targets.length > 0) out.push(text.targetOdds(result.targets.map((target) => [target.id, `${n((mc.targets[target.id] ?? 0) * 100)}%`] as const)));
    for (const [path, count] of Object.entries(mc.clamped)) out.push(text.clamped(path, count));
    for (const path of mc.fixedByScenario) out.push(text.fixed(path));
    if (mc.correlations.length > 0) out.push(text.correlatedHeading, ...mc.correlations.map(text.correlated));
    out.push('');
  }

  for (const assumption of result.assumptions) out.push(text.assumed(assumption.text[lang]));
  out.push(text.json);
  return out.join('\n');
}
