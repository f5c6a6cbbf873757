import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/Chart.tsx';
import { escapeHtml, formatInScale, formatPercent, formatTonnes, tonnesScale } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import type { Lang } from '../../app/i18n.ts';
import type { ClusterPathwayFigures, Peak } from './cluster-model.ts';

// Members' areas from the app's palette (contrast on white ≥ 3:1 for graphics), the cluster's line in ink.
const MEMBER_COLOURS = ['#0b5d3b', '#1f4f8f', '#7a4b00', '#a3221b', '#46524c', '#5b3f8c'];
const TOTAL_COLOUR = '#1b2420';

/**
 * A cluster's pathways in its default (or asked) scenario: its peak year and value, each member's contribution —
 * what the cluster counts of it in the peak year (the last year when the cluster does not peak), its share, its
 * own peak — and the members' counted emissions stacked by year, their top the cluster's total.
 */
const memberName = (member: ClusterPathwayFigures['members'][number], lang: Lang): string => (lang === 'zh' && member.nameZh ? member.nameZh : member.name);

export function ClusterPathways({ pathways }: { pathways: ClusterPathwayFigures }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const peaked = pathways.peak.year !== null && pathways.peak.value !== null;
  // One unit for the whole axis, named once (亿吨CO2e for the demo cluster), and the note under the chart says the same.
  const scale = useMemo(() => tonnesScale(pathways.total, lang), [pathways.total, lang]);
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 16, right: 24, top: 64, bottom: 16, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: number) => escapeHtml(formatTonnes(value, lang)),
      },
      xAxis: { type: 'category', boundaryGap: false, data: pathways.years.map(String) },
      yAxis: { type: 'value', name: scale.unit, nameTextStyle: { align: 'left' }, axisLabel: { formatter: (value: number) => formatInScale(value, scale, lang) } },
      series: [
        ...pathways.members.map((member, m) => ({
          type: 'line',
          name: memberName(member, lang),
          stack: 'members',
          symbol: 'none',
          lineStyle: { width: 0 },
          areaStyle: { color: MEMBER_COLOURS[m % MEMBER_COLOURS.length], opacity: 0.55 },
          itemStyle: { color: MEMBER_COLOURS[m % MEMBER_COLOURS.length] },
          data: member.counted,
        })),
        {
          type: 'line',
          name: t('clusters.pathways.total'),
          symbol: 'none',
          lineStyle: { color: TOTAL_COLOUR, width: 2 },
          itemStyle: { color: TOTAL_COLOUR },
          data: pathways.total,
          ...(peaked ? { markPoint: { symbol: 'pin', symbolSize: 36, data: [{ coord: [String(pathways.peak.year), pathways.peak.value], value: String(pathways.peak.year) }] } } : {}),
        },
      ],
    }),
    [pathways, peaked, scale, lang, t],
  );
  const ownPeak = (peak: Peak): string => (peak.year === null ? t('peak.none') : t('peak.year', { year: peak.year }));
  return (
    <div className="cluster-pathways" data-testid="cluster-pathways">
      <h4>{t('clusters.pathways.heading', { scenario: pathways.scenario.name[lang] })}</h4>
      <dl className="cluster-figures">
        <dt>{t('clusters.pathways.peakYear')}</dt>
        <dd data-figure="peak-year">{peaked ? String(pathways.peak.year) : t('peak.none')}</dd>
        {peaked && (
          <>
            <dt>{t('clusters.pathways.peakValue')}</dt>
            <dd data-figure="peak-value">{formatTonnes(pathways.peak.value!, lang)}</dd>
          </>
        )}
      </dl>
      <div className="table-scroll">
        <table className="contributions">
          <caption>{t(peaked ? 'clusters.pathways.caption' : 'clusters.pathways.captionNoPeak', { year: pathways.contributionYear })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('clusters.pathways.member')}</th>
              <th scope="col">{t('clusters.pathways.memberScenario')}</th>
              <th scope="col" className="num">{t('clusters.pathways.counted', { year: pathways.contributionYear })}</th>
              <th scope="col" className="num">{t('clusters.pathways.share')}</th>
              <th scope="col">{t('clusters.pathways.ownPeak')}</th>
            </tr>
          </thead>
          <tbody>
            {pathways.contributions.map((contribution) => {
              const member = pathways.members.find((candidate) => candidate.id === contribution.member)!;
              return (
                <tr key={contribution.member} data-testid={`contribution-${contribution.member}`}>
                  <th scope="row">{memberName(member, lang)}</th>
                  <td data-column="scenario" title={member.scenario}>{member.scenarioName[lang]}</td>
                  <td className="num" data-column="counted">{formatTonnes(contribution.atPeak, lang)}</td>
                  <td className="num" data-column="share">{formatPercent(contribution.share, lang)}</td>
                  <td data-column="own-peak">{ownPeak(contribution.ownPeak)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <figure className="cluster-chart">
        <Chart option={option} label={t('clusters.pathways.chartLabel')} height={300} testId="cluster-pathways-chart" />
        <figcaption className="hint" data-testid="cluster-chart-note">{t('clusters.pathways.note', { unit: scale.unit })}</figcaption>
      </figure>
    </div>
  );
}
