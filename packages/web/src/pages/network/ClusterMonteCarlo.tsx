import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/Chart.tsx';
import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import { JobStatus } from '../../app/JobStatus.tsx';
import { escapeHtml, formatInScale, formatNumber, formatPercent, formatTonnes, orMissing, tonnesScale } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import { FINISHED } from '../../app/jobs.ts';
import { Link, paths } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useJob } from '../../app/useJob.ts';
import { comparisonYears, peakYearShares, probabilityYear, type ClusterMonteCarloResult, type ClusterPathwayFigures, type ClusterScenarioFigures } from './cluster-model.ts';

/** The API's bounds on a Monte Carlo job's settings (docs/jobs.md). */
const MAX_RUNS = 1_000_000;
const DEFAULT_RUNS = 1000;
// The fan in the app's blue, the scenario's own line in ink (contrast on white ≥ 3:1 for graphics).
const FAN_COLOUR = '#1f4f8f';
const NOMINAL_COLOUR = '#1b2420';

const wholeNumber = (text: string, min: number, max: number): number | null => {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
};

/**
 * The cluster's Monte Carlo analysis of the scenario shown in detail, run on the server as a job (POST
 * /api/documents/:id/jobs, kind `monte-carlo`, followed and cancelled with the app's job hook, as the plan's
 * optimisation is): the probability that the cluster has peaked by 2030, its peak year across the runs, the
 * percentiles of its emissions and each member's probability. A signed-in reader runs it; the public is told to sign in.
 */
export function ClusterMonteCarlo({ documentId, pathways, scenarios }: { documentId: string; pathways: ClusterPathwayFigures; scenarios: readonly ClusterScenarioFigures[] }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const { me } = useSession();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob<ClusterMonteCarloResult>('monte-carlo', jobId, documentId, setJobId);
  const [runs, setRuns] = useState(String(DEFAULT_RUNS));
  const [seed, setSeed] = useState('1');
  const runsId = useId();
  const seedId = useId();
  const current = job.job;
  // A job opened rather than started here (the latest finished one): its runs and seed in the fields, to run it again.
  const [filledFrom, setFilledFrom] = useState<string | null>(null);
  if (current?.result && current.id !== filledFrom) {
    setFilledFrom(current.id);
    setRuns(String(current.result.runs));
    setSeed(String(current.result.seed));
  }
  const running = current !== null && !FINISHED.has(current.status);
  const settings = { runs: wholeNumber(runs, 1, MAX_RUNS), seed: wholeNumber(seed, 0, Number.MAX_SAFE_INTEGER) };
  const scenarioName = (id: string) => scenarios.find((scenario) => scenario.id === id)?.name[lang] ?? id;
  const start = () => {
    if (settings.runs === null || settings.seed === null) return;
    void job.start(documentId, { runs: settings.runs, seed: settings.seed, scenario: pathways.scenario.id });
  };

  return (
    <div className="cluster-mc" data-testid="cluster-mc">
      <h4>{t('clusters.mc.heading')}</h4>
      <p className="hint">{t('clusters.mc.intro', { scenario: pathways.scenario.name[lang] })}</p>
      {me ? (
        <div className="cluster-mc-controls">
          <label htmlFor={runsId}>{t('clusters.mc.runs')}</label>
          <input id={runsId} type="number" min={1} max={MAX_RUNS} step={1} value={runs} onChange={(event) => setRuns(event.target.value)} aria-invalid={settings.runs === null} data-testid="cluster-mc-runs" />
          <label htmlFor={seedId}>{t('clusters.mc.seed')}</label>
          <input id={seedId} type="number" min={0} step={1} value={seed} onChange={(event) => setSeed(event.target.value)} aria-invalid={settings.seed === null} data-testid="cluster-mc-seed" />
          <button type="button" className="primary" disabled={running || job.busy || settings.runs === null || settings.seed === null} onClick={start} data-testid="cluster-mc-run">{t('clusters.mc.run')}</button>
          {running && <button type="button" className="danger" onClick={() => void job.cancel()} data-testid="cluster-mc-cancel">{t('clusters.mc.cancel')}</button>}
        </div>
      ) : (
        <p className="hint" data-testid="cluster-mc-sign-in"><Link to={paths.signIn(`${window.location.pathname}${window.location.search}`)}>{t('clusters.mc.signIn')}</Link></p>
      )}
      <JobStatus
        job={current}
        progress={job.progress}
        testId="cluster-mc-state"
        progressTestId="cluster-mc-progress"
        texts={{ state: (status) => t('clusters.mc.state', { status: t(`clusters.mc.status.${status}`) }), progress: t('clusters.mc.progress'), failed: (error) => t('clusters.mc.failed', { error }) }}
      />
      {me && !current && <p className="hint">{t('clusters.mc.noRun')}</p>}
      {job.error !== null && <ErrorNotice error={job.error} />}
      {current?.status === 'done' && current.result && <ClusterMonteCarloResultView result={current.result} pathways={pathways} scenarioName={scenarioName(current.result.scenario)} />}
    </div>
  );
}

function ClusterMonteCarloResultView({ result, pathways, scenarioName }: { result: ClusterMonteCarloResult; pathways: ClusterPathwayFigures; scenarioName: string }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const { mc } = result;
  const year = probabilityYear(pathways.years);
  const probability = year === null ? undefined : mc.peakedBy[String(year)];
  // The fan: the 5th–95th percentile band stacked on the 5th, the median, and the scenario's own figures when it is the one shown.
  const nominal = result.scenario === pathways.scenario.id ? pathways.total : null;
  const scale = useMemo(() => tonnesScale(mc.percentiles.p95, lang), [mc.percentiles.p95, lang]);
  const fan = useMemo(() => {
    const { p5, p50, p95 } = mc.percentiles;
    const years = pathways.years.map(String);
    return {
      animation: false,
      grid: { left: 16, right: 24, top: 40, bottom: 40, containLabel: true },
      legend: { bottom: 0, data: [t('clusters.mc.band90'), t('clusters.mc.p50'), ...(nominal ? [t('clusters.mc.nominal')] : [])] },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number }[]) => {
          const y = items[0]?.dataIndex ?? 0;
          const line = (name: string, value: number) => escapeHtml(`${name}: ${formatTonnes(value, lang)}`);
          return [years[y] ?? '', line(t('clusters.mc.p95'), p95[y]!), line(t('clusters.mc.p50'), p50[y]!), line(t('clusters.mc.p5'), p5[y]!), ...(nominal ? [line(t('clusters.mc.nominal'), nominal[y]!)] : [])].join('<br>');
        },
      },
      xAxis: { type: 'category', boundaryGap: false, data: years },
      yAxis: { type: 'value', name: scale.unit, nameTextStyle: { align: 'left' }, axisLabel: { formatter: (value: number) => formatInScale(value, scale, lang) } },
      series: [
        { id: 'p5', type: 'line', stack: 'band', symbol: 'none', data: p5, lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true },
        { id: 'band', name: t('clusters.mc.band90'), type: 'line', stack: 'band', symbol: 'none', data: p95.map((value, y) => value - p5[y]!), lineStyle: { opacity: 0 }, areaStyle: { color: FAN_COLOUR, opacity: 0.25 }, itemStyle: { color: FAN_COLOUR, opacity: 0.5 } },
        { id: 'median', name: t('clusters.mc.p50'), type: 'line', symbol: 'none', data: p50, lineStyle: { width: 2.5, color: FAN_COLOUR }, itemStyle: { color: FAN_COLOUR } },
        ...(nominal ? [{ id: 'nominal', name: t('clusters.mc.nominal'), type: 'line', symbol: 'none', data: nominal, lineStyle: { width: 1.5, type: 'dashed', color: NOMINAL_COLOUR }, itemStyle: { color: NOMINAL_COLOUR } }] : []),
      ],
    };
  }, [mc.percentiles, pathways.years, nominal, scale, lang, t]);
  const memberName = (id: string) => {
    const member = pathways.members.find((candidate) => candidate.id === id);
    return member ? (lang === 'zh' && member.nameZh ? member.nameZh : member.name) : id;
  };
  return (
    <div className="cluster-mc-result" data-testid="cluster-mc-result">
      {result.scenario !== pathways.scenario.id && <p className="notice" data-testid="cluster-mc-other-scenario">{t('clusters.mc.otherScenario')}</p>}
      {year !== null && probability !== undefined && (
        <div className="cards">
          <div className="card">
            <div className="label">{t('clusters.mc.probability', { year })}</div>
            <div className="value num" data-testid="cluster-mc-probability">{formatPercent(probability, lang)}</div>
          </div>
        </div>
      )}
      <p className="hint" data-testid="cluster-mc-summary">{t('clusters.mc.summary', { runs: formatNumber(mc.runs, lang), seed: mc.seed, scenario: scenarioName })}</p>
      <figure className="cluster-chart">
        <Chart option={fan} label={t('clusters.mc.chartLabel', { runs: formatNumber(mc.runs, lang) })} height={300} testId="cluster-mc-chart" />
        <figcaption className="hint">{t('clusters.mc.chartNote', { unit: scale.unit })}</figcaption>
      </figure>
      <div className="cluster-mc-tables">
        <table className="compact" data-testid="cluster-mc-peak-years">
          <caption>{t('clusters.mc.peakYears')}</caption>
          <thead>
            <tr><th scope="col">{t('clusters.mc.peakYear')}</th><th scope="col" className="num">{t('clusters.mc.share')}</th></tr>
          </thead>
          <tbody>
            {peakYearShares(mc.peakYear).map((row) => (
              <tr key={row.year ?? 'none'} data-year={row.year ?? 'none'}>
                <th scope="row">{row.year === null ? t('clusters.mc.noPeak') : String(row.year)}</th>
                <td className="num">{formatPercent(row.share, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {year !== null && (
          <table className="compact" data-testid="cluster-mc-members">
            <caption>{t('clusters.mc.members', { year })}</caption>
            <thead>
              <tr><th scope="col">{t('clusters.mc.member')}</th><th scope="col" className="num">{t('clusters.mc.memberProbability')}</th></tr>
            </thead>
            <tbody>
              {mc.members.map((member) => (
                <tr key={member.id} data-member={member.id}>
                  <th scope="row">{memberName(member.id)}</th>
                  <td className="num">{orMissing(member.peakedBy[String(year)], lang, (share) => formatPercent(share, lang))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="table-scroll">
        <table className="compact" data-testid="cluster-mc-band">
          <caption>{t('clusters.mc.band')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('clusters.mc.year')}</th>
              <th scope="col" className="num">{t('clusters.mc.p5')}</th>
              <th scope="col" className="num">{t('clusters.mc.p50')}</th>
              <th scope="col" className="num">{t('clusters.mc.p95')}</th>
            </tr>
          </thead>
          <tbody>
            {comparisonYears(pathways.years).map((shown) => {
              const y = pathways.years.indexOf(shown);
              return (
                <tr key={shown} data-year={shown}>
                  <th scope="row">{String(shown)}</th>
                  <td className="num">{formatTonnes(mc.percentiles.p5[y]!, lang)}</td>
                  <td className="num">{formatTonnes(mc.percentiles.p50[y]!, lang)}</td>
                  <td className="num">{formatTonnes(mc.percentiles.p95[y]!, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
