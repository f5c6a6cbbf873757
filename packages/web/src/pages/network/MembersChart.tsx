import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/Chart.tsx';
import { entityName, escapeHtml, formatNumber, formatTonnes } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import type { EntityKind } from '../../app/types.ts';
import type { CitySummary } from './summary.ts';

// One colour per kind of member, from the app's palette (contrast on white ≥ 4.5:1).
const KIND_COLOURS: Record<EntityKind, string> = { city: '#0b5d3b', cluster: '#1f4f8f', district: '#7a4b00', park: '#a3221b', community: '#46524c' };

/**
 * The members without map tiles (entities store no coordinates): BASIC per person against per 万元 GDP,
 * bubble area proportional to the BASIC total. Members lacking either intensity are named under the chart.
 */
export function MembersChart({ summaries }: { summaries: readonly CitySummary[] }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const plotted = summaries.filter((summary) => typeof summary.inventory?.basicPerCapita === 'number' && typeof summary.inventory.basicPerGdp === 'number');
  const left = summaries.filter((summary) => !plotted.includes(summary));
  const option = useMemo(() => {
    const largest = Math.max(...plotted.map((summary) => summary.inventory!.totals.basic), 1);
    const kinds = [...new Set(plotted.map((summary) => summary.entity.kind))];
    return {
      // No animation: the figures are read, not watched, and a screenshot shows the final drawing.
      animation: false,
      grid: { left: 80, right: 220, top: 40, bottom: 60 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'item',
        formatter: (params: { data: [number, number, number, string] }) => {
          const [perCapita, perGdp, basic, name] = params.data;
          return `${escapeHtml(name)}<br/>${t('chart.perCapita')}: ${formatNumber(perCapita, lang, 2)}<br/>${t('chart.perGdp')}: ${formatNumber(perGdp, lang, 3)}<br/>BASIC: ${formatTonnes(basic, lang)}`;
        },
      },
      xAxis: { type: 'value', name: t('chart.perCapita'), nameLocation: 'middle', nameGap: 32, scale: true },
      yAxis: { type: 'value', name: t('chart.perGdp'), nameLocation: 'middle', nameGap: 56, scale: true },
      series: kinds.map((kind) => ({
        type: 'scatter',
        name: t(`kind.${kind}`),
        itemStyle: { color: KIND_COLOURS[kind], opacity: 0.75 },
        // Area, not radius, proportional to the total: the radius grows with its square root.
        symbolSize: (value: [number, number, number]) => 12 + 48 * Math.sqrt(value[2] / largest),
        label: { show: true, position: 'right', formatter: (params: { data: [number, number, number, string] }) => params.data[3], color: '#1b2420' },
        data: plotted
          .filter((summary) => summary.entity.kind === kind)
          .map((summary) => [summary.inventory!.basicPerCapita!, summary.inventory!.basicPerGdp!, summary.inventory!.totals.basic, entityName(summary.entity, lang)]),
      })),
    };
  }, [plotted, lang, t]);
  return (
    <figure className="members-chart">
      <Chart option={option} label={t('chart.label')} height={380} testId="members-chart" />
      <figcaption className="hint">{t('chart.note')}</figcaption>
      {left.length > 0 && <p className="hint">{t('chart.notShown', { names: left.map((summary) => entityName(summary.entity, lang)).join(lang === 'zh' ? '、' : ', ') })}</p>}
    </figure>
  );
}
