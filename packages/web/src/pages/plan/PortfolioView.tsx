import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/Chart.tsx';
import { formatNumber, formatPercent, formatScaled, formatTonnes, orMissing } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import { nameIn, type PlanJobResult } from './model.ts';
import { useCore } from '../../app/engine.ts';
import { targetLabel } from '../../app/targets.ts';
import { formatYuan } from './money.ts';

/** The portfolio of a done job: its cost and measures, the pathway with it against the baseline, and why none exists when none does. */
export function PortfolioView({ result }: { result: PlanJobResult }) {
  const { t } = useTranslation('plan');
  const lang = useLang();
  const core = useCore();
  const year = result.maccYear;
  const abatement = result.portfolio.reduce((sum, entry) => sum + entry.abatement, 0);
  const constraining = new Set(result.constraints.targets);
  const status = result.solution.status;
  const statusText = ['optimal', 'feasible', 'infeasible', 'time-limit'].includes(status) ? t(`portfolio.solution.${status}`) : status;

  return (
    <section className="portfolio" aria-labelledby="portfolio-heading" data-testid="portfolio">
      <h2 id="portfolio-heading">{t('portfolio.heading')}</h2>
      <div className="cards">
        <div className="card">
          <div className="label">{t('portfolio.status')}</div>
          <div className={`value status-${status}`}>{statusText}</div>
        </div>
        {/* No portfolio: its cost is not 0, there is none, so no cost, abatement or count is shown. */}
        {!result.infeasible && (
          <>
        <div className="card">
          <div className="label">{t('portfolio.totalCost', { year: result.priceYear })}</div>
          <div className="value" data-testid="portfolio-cost" data-value={result.totalCost}>{formatYuan(result.totalCost, lang)}</div>
        </div>
        <div className="card">
          <div className="label">{t('portfolio.abatement', { year })}</div>
          <div className="value">{formatTonnes(abatement, lang)}</div>
        </div>
        <div className="card">
          <div className="label">{t('portfolio.measures')}</div>
          <div className="value">{formatNumber(result.portfolio.length, lang)}</div>
        </div>
          </>
        )}
      </div>
      {result.infeasible && <Infeasible result={result} />}
      {result.infeasible ? null : result.portfolio.length === 0 ? (
        <p>{t('portfolio.none')}</p>
      ) : (
        <table data-testid="portfolio-table">
          <caption className="visually-hidden">{t('portfolio.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('portfolio.measure')}</th>
              <th scope="col" className="num">{t('portfolio.adoption')}</th>
              <th scope="col" className="num">{t('portfolio.units')}</th>
              <th scope="col" className="num">{t('portfolio.cost')}</th>
              <th scope="col" className="num">{t('portfolio.abatement', { year })}</th>
            </tr>
          </thead>
          <tbody>
            {result.portfolio.map((entry) => (
              <tr key={entry.action}>
                <th scope="row">{nameIn(entry.name, lang)} <code>{entry.action}</code>{entry.yesNo && <> · <span className="hint">{t('portfolio.yes')}</span></>}</th>
                <td className="num">{formatPercent(entry.adoption, lang)}</td>
                <td className="num">{`${formatNumber(entry.units, lang)} ${entry.unit}`}</td>
                <td className="num">{formatYuan(entry.cost, lang)}</td>
                <td className="num">{formatTonnes(entry.abatement, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t(result.infeasible ? 'portfolio.baselineHeading' : 'portfolio.pathwayHeading')}</h3>
      <PathwayChart result={result} />
      <table className="targets">
        <caption className="visually-hidden">{t('portfolio.targetsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portfolio.target')}</th>
            <th scope="col" className="num">{t('portfolio.year')}</th>
            <th scope="col">{t('portfolio.met')}</th>
          </tr>
        </thead>
        <tbody>
          {result.pathway.targets.map((target) => (
            <tr key={target.id}>
              <th scope="row">{targetLabel(target, core?.TARGET_KIND_NAMES ?? null, lang)}{constraining.has(target.id) && <> · <span className="badge badge-ok">{t('portfolio.constrains')}</span></>}</th>
              <td className="num">{target.year}</td>
              <td>{target.met ? <span className="badge badge-ok">{t('portfolio.yesMet')}</span> : <span className="badge badge-bad">{t('portfolio.notMet')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{t('portfolio.assumptions')}</summary>
        <ul className="assumptions">{result.assumptions.map((assumption, index) => <li key={index}>{assumption.text[lang]}</li>)}</ul>
      </details>
      <p className="hint">{t('portfolio.from', { from: result.from })}</p>
    </section>
  );
}

function Infeasible({ result }: { result: PlanJobResult }) {
  const { t } = useTranslation('plan');
  const lang = useLang();
  const core = useCore();
  const infeasible = result.infeasible!;
  const targets = new Map(result.pathway.targets.map((target) => [target.id, target]));
  const zeroBudget = (result.constraints.budget ?? []).some((limit) => limit === 0);
  // `target:<id>` or `budget`, as the reader knows them.
  const constraintName = (constraint: string): string => {
    if (constraint === 'budget') return t('optimiser.budget');
    const id = constraint.replace(/^target:/, '');
    const target = targets.get(id);
    return target ? targetLabel(target, core?.TARGET_KIND_NAMES ?? null, lang) : id;
  };
  const level = (value: number, unit: 'tCO2e' | 'tCO2' | 'tce'): string =>
    unit === 'tCO2e' ? formatTonnes(value, lang) : formatScaled(value, lang, unit === 'tCO2' ? (lang === 'zh' ? '吨CO2' : 't CO2') : lang === 'zh' ? '吨标准煤' : 'tce');
  return (
    <div className="notice notice-error" data-testid="infeasible">
      <p className="notice-title">{t('portfolio.infeasibleHeading')}</p>
      <p>{t('portfolio.conflicting', { list: infeasible.conflicting.map(constraintName).join(lang === 'zh' ? '、' : ', ') })}</p>
      <ul>
        {infeasible.reachable.map((reach) => {
          switch (reach.kind) {
            case 'peak':
              return <li key={reach.constraint}>{reach.earliestPeakBy === null ? t('portfolio.reachPeakNone', { constraint: constraintName(reach.constraint) }) : t('portfolio.reachPeak', { constraint: constraintName(reach.constraint), year: reach.earliestPeakBy })}</li>;
            case 'budget':
              // A budget of 0 has no multiple that helps (the core answers null, as for "no budget is enough"): say what is true.
              if (reach.factor === null && zeroBudget) return <li key={reach.constraint}>{t('portfolio.reachBudgetZero', { constraint: constraintName(reach.constraint) })}</li>;
              return <li key={reach.constraint}>{reach.factor === null ? t('portfolio.reachBudgetNone', { constraint: constraintName(reach.constraint) }) : t('portfolio.reachBudget', { constraint: constraintName(reach.constraint), factor: formatNumber(reach.factor, lang, 2) })}</li>;
            default:
              return (
                <li key={reach.constraint}>
                  {t('portfolio.reachLevel', { constraint: constraintName(reach.constraint), year: reach.year, lowest: level(reach.lowest, reach.unit), allowed: orMissing(reach.allowed, lang, (value) => level(value, reach.unit)) })}
                </li>
              );
          }
        })}
      </ul>
    </div>
  );
}

function PathwayChart({ result }: { result: PlanJobResult }) {
  const { t } = useTranslation('plan');
  const lang = useLang();
  const years = result.pathway.years;
  const baselineName = nameIn(result.baselinePathway.name, lang);
  const option = useMemo(() => {
    const targetYears = [...new Set(result.pathway.targets.filter((target) => result.constraints.targets.includes(target.id)).map((target) => target.year))];
    const peak = result.pathway.peak;
    return {
      // No animation: the chart shows the result at once (and a screenshot or a reduced-motion user sees it whole).
      animation: false,
      grid: { left: 90, right: 30, top: 50, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatTonnes(value, lang) },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: lang === 'zh' ? '万吨CO2e' : 't CO2e', axisLabel: { formatter: (value: number) => formatNumber(lang === 'zh' ? value / 1e4 : value, lang) } },
      // Without a portfolio the pathway is the baseline's: one line, not two that say the same.
      series: [
        { type: 'line', name: t('portfolio.baseline', { name: baselineName }), data: result.baselinePathway.total, showSymbol: false, lineStyle: { type: 'dashed', width: 2 }, itemStyle: { color: '#7a4b00' },
          // The years of the targets the portfolio must meet, on the line that is always there.
          markLine: { symbol: 'none', silent: true, lineStyle: { color: '#46524c', type: 'dotted' }, label: { formatter: '{b}' }, data: targetYears.map((year) => ({ xAxis: String(year), name: String(year) })) } },
        result.infeasible ? null : {
          type: 'line',
          name: t('portfolio.withPortfolio'),
          data: result.pathway.total,
          showSymbol: false,
          lineStyle: { width: 3 },
          itemStyle: { color: '#0b5d3b' },
          ...(peak.year !== null && peak.value !== null
            ? { markPoint: { symbol: 'pin', symbolSize: 44, itemStyle: { color: '#0b5d3b' }, label: { formatter: String(peak.year), fontSize: 11 }, data: [{ coord: [String(peak.year), peak.value], name: t('portfolio.peak', { year: peak.year, value: formatTonnes(peak.value, lang) }) }] } }
            : {}),
        },
      ].filter((series) => series !== null),
    };
  }, [result, years, lang, t, baselineName]);
  const peak = result.pathway.peak;
  return (
    <>
      <Chart option={option} height={380} testId="portfolio-chart" label={t('portfolio.chartLabel', { from: years[0], to: years[years.length - 1], baseline: baselineName })} />
      <p className="hint">{peak.year !== null && peak.value !== null ? t('portfolio.peak', { year: peak.year, value: formatTonnes(peak.value, lang) }) : t('portfolio.noPeak')}</p>
    </>
  );
}
