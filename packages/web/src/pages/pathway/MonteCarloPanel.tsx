import { MAX_MONTE_CARLO_RUNS, type MonteCarloSummary, type Pathway } from '@peakpath/core';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/Chart.tsx';
import { loadEngine } from '../../app/engine.ts';
import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import { formatNumber, formatPercent, orMissing } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import { CopyData } from './CopyData.tsx';
import { targetName } from './labels.ts';
import { EXPLORER_SCENARIO } from './compute.ts';
import { createWorkerPool, poolSize, type WorkerPool } from './mc-pool.ts';
import { SCENARIO_COLOUR } from './palette.ts';
import { toTsv } from './tsv.ts';
import { axisLabel, axisName, formatEmissions } from './units.ts';
import { keepTiming } from './timings.ts';

const MAX_SEED = 2 ** 31 - 1;

type Run =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly done: number; readonly total: number }
  | { readonly status: 'cancelled'; readonly done: number; readonly total: number }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'done'; readonly summary: MonteCarloSummary; readonly ms: number; readonly workers: number; readonly settingsKey: string };

declare global {
  interface Window {
    /** Milliseconds of each Monte Carlo analysis, for the browser test to read (BENCHMARKS.md). */
    __peakpathMcTimings?: { runs: number; ms: number; workers: number }[];
  }
}

/** The year the probability of peaking is asked for: the first peak target on BASIC (Monte Carlo follows BASIC), else the first peak target. */
function peakTargetYear(pathway: Pathway): number | null {
  const peaks = pathway.targets.filter((target) => target.kind === 'peak');
  return (peaks.find((target) => target.basis !== 'energyCo2') ?? peaks[0])?.year ?? null;
}

/**
 * The Monte Carlo fan chart: the user's scenario run N times in web workers by the core's own
 * `runMonteCarloChunk` (the engine's `monteCarlo` with a worker pool as its runner: the same numbers as
 * `peakpath pathway --mc N --seed S`), with progress and cancel.
 */
export const MonteCarloPanel = memo(function MonteCarloPanel({ pathway, settingsKey }: { pathway: Pathway; settingsKey: string }) {
  const { t } = useTranslation('pathway');
  const lang = useLang();
  const runsId = useId();
  const seedId = useId();
  const [runs, setRuns] = useState('10000');
  const [seed, setSeed] = useState('1');
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const active = useRef<{ pool: WorkerPool; controller: AbortController } | null>(null);
  const workers = poolSize();

  // Leaving the page stops the workers.
  useEffect(() => () => {
    active.current?.controller.abort();
    active.current?.pool.terminate('closed');
  }, []);

  const start = async () => {
    // An empty field is not 0: Number('') would be, silently.
    const runCount = runs.trim() === '' ? Number.NaN : Number(runs);
    const seedValue = seed.trim() === '' ? Number.NaN : Number(seed);
    if (!Number.isInteger(runCount) || runCount < 1 || runCount > MAX_MONTE_CARLO_RUNS || !Number.isInteger(seedValue) || seedValue < 0 || seedValue > MAX_SEED) {
      setRun({ status: 'failed', error: new Error(t('mc.invalid', { max: formatNumber(MAX_MONTE_CARLO_RUNS, lang) })) });
      return;
    }
    const engine = await loadEngine();
    const pool = createWorkerPool(workers);
    const controller = new AbortController();
    active.current = { pool, controller };
    const begun = performance.now();
    let done = 0;
    setRun({ status: 'running', done: 0, total: runCount });
    try {
      const answer = await engine.monteCarlo(pathway, {
        scenario: EXPLORER_SCENARIO,
        runs: runCount,
        seed: seedValue,
        runner: pool,
        signal: controller.signal,
        progress: (finished, total) => {
          done = finished;
          setRun({ status: 'running', done: finished, total });
        },
      });
      const ms = performance.now() - begun;
      if (!answer.ok) throw new Error(answer.issues.map((issue) => issue.code).join(', '));
      window.__peakpathMcTimings = keepTiming(window.__peakpathMcTimings, { runs: runCount, ms, workers });
      setRun({ status: 'done', summary: answer.value, ms, workers, settingsKey });
    } catch (error) {
      if (controller.signal.aborted) setRun({ status: 'cancelled', done, total: runCount });
      else setRun({ status: 'failed', error });
    } finally {
      pool.terminate('finished');
      if (active.current?.pool === pool) active.current = null;
    }
  };

  const cancel = () => {
    const current = active.current;
    if (!current) return;
    current.controller.abort();
    // The blocks in flight stop too: the workers end at once.
    current.pool.terminate('cancelled');
  };

  const targetYear = peakTargetYear(pathway);
  const summary = run.status === 'done' ? run.summary : null;
  const years = useMemo(() => Array.from({ length: pathway.model.years }, (_, y) => pathway.model.baseYear + y), [pathway.model]);

  const option = useMemo(() => {
    if (!summary) return {};
    const { p5, p25, p50, p75, p95 } = summary.percentiles;
    const band = (lower: number[], upper: number[], stack: string, name: string, opacity: number) => [
      { id: `${stack}-base`, type: 'line', stack, symbol: 'none', data: lower, lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true },
      { id: `${stack}-band`, name, type: 'line', stack, symbol: 'none', data: upper.map((value, y) => value - lower[y]!), lineStyle: { opacity: 0 }, areaStyle: { color: SCENARIO_COLOUR, opacity }, itemStyle: { color: SCENARIO_COLOUR, opacity: Math.min(1, opacity * 2.5) }, tooltip: { show: false } },
    ];
    return {
      animation: false,
      grid: { left: 16, right: 24, top: 48, bottom: 56, containLabel: true },
      legend: { bottom: 0, data: [t('mc.band90'), t('mc.band50'), t('mc.median')] },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number }[]) => {
          const y = items[0]?.dataIndex ?? 0;
          const line = (name: string, value: number) => `${name}: ${formatEmissions(value, 'tCO2e', lang)}`;
          return [String(years[y]), line('95 %', p95[y]!), line('75 %', p75[y]!), line(t('mc.median'), p50[y]!), line('25 %', p25[y]!), line('5 %', p5[y]!)].join('<br>');
        },
      },
      xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
      yAxis: { type: 'value', name: axisName('tCO2e', lang), axisLabel: { formatter: (value: number) => axisLabel(value, lang) } },
      series: [...band(p5, p95, 'outer', t('mc.band90'), 0.18), ...band(p25, p75, 'inner', t('mc.band50'), 0.35), { id: 'median', name: t('mc.median'), type: 'line', symbol: 'none', data: p50, lineStyle: { width: 2.5, color: SCENARIO_COLOUR }, itemStyle: { color: SCENARIO_COLOUR } }],
    };
  }, [summary, years, lang, t]);

  if (pathway.uncertainty.length === 0) {
    return (
      <section className="pw-panel" aria-labelledby="pw-mc-title">
        <h2 id="pw-mc-title">{t('mc.title')}</h2>
        <p className="hint">{t('mc.noUncertainty')}</p>
      </section>
    );
  }

  const probability = summary && targetYear !== null ? summary.peakedBy[String(targetYear)] : undefined;
  return (
    <section className="pw-panel" aria-labelledby="pw-mc-title" data-testid="mc-panel">
      <h2 id="pw-mc-title">{t('mc.title')}</h2>
      <p className="hint">{t('mc.intro', { parameters: pathway.uncertainty.length, workers })}</p>
      <div className="pw-mc-controls">
        <label htmlFor={runsId}>{t('mc.runs')}</label>
        <input id={runsId} type="number" min={1} max={MAX_MONTE_CARLO_RUNS} step={1} value={runs} onChange={(event) => setRuns(event.target.value)} data-testid="mc-runs" />
        <label htmlFor={seedId}>{t('mc.seed')}</label>
        <input id={seedId} type="number" min={0} max={MAX_SEED} step={1} value={seed} onChange={(event) => setSeed(event.target.value)} data-testid="mc-seed" />
        <button type="button" className="primary" onClick={() => void start()} disabled={run.status === 'running'} data-testid="mc-run">{t('mc.run')}</button>
        <button type="button" onClick={cancel} disabled={run.status !== 'running'} data-testid="mc-cancel">{t('mc.cancel')}</button>
      </div>
      {run.status === 'running' && (
        <p role="status" className="pw-progress">
          <progress max={run.total} value={run.done} aria-label={t('mc.progress')} />{' '}
          <span data-testid="mc-progress">{t('mc.progressText', { done: formatNumber(run.done, lang), total: formatNumber(run.total, lang) })}</span>
        </p>
      )}
      {run.status === 'cancelled' && <p role="status" className="notice" data-testid="mc-cancelled">{t('mc.cancelled', { done: formatNumber(run.done, lang), total: formatNumber(run.total, lang) })}</p>}
      {run.status === 'failed' && <ErrorNotice error={run.error} />}
      {run.status === 'done' && summary && (
        <>
          {run.settingsKey !== settingsKey && <p className="notice pw-warn" role="status">{t('mc.stale')}</p>}
          <div className="cards">
            {targetYear !== null && (
              <div className="card">
                <div className="label">{t('mc.probability', { year: targetYear })}</div>
                <div className="value num" data-testid="mc-probability">{orMissing(probability, lang, (share) => formatPercent(share, lang))}</div>
              </div>
            )}
          </div>
          <p className="hint" data-testid="mc-summary">{t('mc.summary', { runs: formatNumber(summary.runs, lang), seed: summary.seed, seconds: formatNumber(run.ms / 1000, lang, 2), workers: run.workers })}</p>
          <Chart option={option} label={t('mc.label', { runs: formatNumber(summary.runs, lang) })} height={360} testId="mc-chart" />
          <CopyData
            testId="copy-mc"
            tsv={() => toTsv([t('copy.year'), ...['p5', 'p25', 'p50', 'p75', 'p95'].map((p) => `${p} (tCO2e)`)], years.map((year, y) => [year, summary.percentiles.p5[y]!, summary.percentiles.p25[y]!, summary.percentiles.p50[y]!, summary.percentiles.p75[y]!, summary.percentiles.p95[y]!]))}
          />
          <h3>{t('mc.targets')}</h3>
          <ul className="pw-targets" data-testid="mc-targets">
            {pathway.targets.map((target) => (
              <li key={target.id}><span className="num">{orMissing(summary.targets[target.id], lang, (share) => formatPercent(share, lang))}</span> {targetName(target, lang)}</li>
            ))}
          </ul>
          {summary.fixedByScenario.length > 0 && <p className="hint">{t('mc.fixed', { paths: summary.fixedByScenario.join(', ') })}</p>}
          {summary.correlations.length > 0 && (
            <p className="hint">{t('mc.correlated', { pairs: summary.correlations.map(({ between, rank }) => `${between[0]} ~ ${between[1]} ${rank}`).join(lang === 'zh' ? '；' : '; ') })}</p>
          )}
        </>
      )}
    </section>
  );
});
