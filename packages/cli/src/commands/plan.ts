import { planJson, warningsJson, withUnit, type Lang, type PlanResult } from '@peakpath/core';
import { PLAN_LABELS } from '../plan/labels.ts';
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

/** A number option within [min, max]; a usage error (exit 2) in the output's language otherwise. */
function numberOption(name: string, value: string | undefined, min: number, max: number, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min || number > max) {
    throw new InputFileError(lang === 'zh' ? `--${name}：应为 ${min}–${formatNumber(max, 'zh')} 的数，实为 "${value}"` : `--${name}: expected a number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

/** `peakpath plan FILE`: the MACC, the least-cost portfolio and its pathway, or why no portfolio meets the request. */
export async function planCommand(file: string, options: PlanOptions): Promise<CommandOutput> {
  const seconds = numberOption('time-limit', options.timeLimit, 0.001, 86_400, options.lang);
  const mipGap = numberOption('mip-gap', options.mipGap, 0, 1, options.lang);
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

function renderPlan(result: PlanResult, lang: Lang): string {
  const t = PLAN_LABELS[lang];
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
    out.push(t.conflict(result.infeasible.conflicting.map(t.constraint)));
    for (const reach of result.infeasible.reachable) {
      const constraint = t.constraint(reach.constraint);
      if (reach.kind === 'peak') out.push(t.peakReach(constraint, reach.earliestPeakBy));
      else if (reach.kind === 'budget') out.push(t.budget(constraint, reach.factor));
      else out.push(t.lowest(constraint, reach.year, reach.lowest, reach.allowed, reach.unit));
    }
  }
  const { pathway, baselinePathway } = result;
  const rows = pathway.years.flatMap((year, i) => ((year - pathway.baseYear) % 5 === 0 || year === pathway.endYear ? [[String(year), n(baselinePathway.total[i]! / 1e4, 1), n(pathway.total[i]! / 1e4, 1)]] : []));
  rows.push([t.peak, baselinePathway.peak.year === null ? t.none : String(baselinePathway.peak.year), pathway.peak.year === null ? t.none : String(pathway.peak.year)]);
  for (const target of pathway.targets) {
    const before = baselinePathway.targets.find((candidate) => candidate.id === target.id);
    rows.push([t.targetRow(target), before?.met ? '✓' : '✗', target.met ? '✓' : '✗']);
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
