import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryJson } from '@peakpath/core';
import { get } from '../../app/api.ts';
import { Chart } from '../../app/Chart.tsx';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { formatTonnes } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import type { StoredDocument } from '../../app/types.ts';
import { trendPoints } from './build.ts';

/**
 * BASIC and BASIC+ across the place's inventory years (every inventory document it may read, one per
 * year). With one year, it says so instead of drawing a one-point line that pretends to be a trend.
 */
export function Trend({ documents }: { documents: readonly StoredDocument[] }) {
  const { t } = useTranslation('city');
  const lang = useLang();
  const inventories = documents.filter((document) => document.kind === 'inventory');
  const key = inventories.map((document) => `${document.id}@${document.currentVersion}`).join(',');
  const points = useLoad(async (signal) => {
    const results = await Promise.all(
      inventories.map(async (document) => {
        const answer = await get<{ result: InventoryJson }>(`/api/documents/${encodeURIComponent(document.id)}/result`, signal);
        return { year: answer.result.year, updatedAt: document.updatedAt, basic: answer.result.totals.basic, basicPlus: answer.result.totals.basicPlus, name: document.name };
      }),
    );
    return trendPoints(results);
  }, [key]);
  const option = useMemo(() => {
    const data = points.data ?? [];
    return {
      animation: false,
      grid: { left: 90, right: 20, top: 40, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatTonnes(value, lang) },
      xAxis: { type: 'category', data: data.map((point) => String(point.year)) },
      yAxis: { type: 'value', name: t('units.tco2e'), scale: true },
      series: [
        { type: 'line', name: 'BASIC', data: data.map((point) => point.basic), itemStyle: { color: '#0b5d3b' } },
        { type: 'line', name: 'BASIC+', data: data.map((point) => point.basicPlus), itemStyle: { color: '#1f4f8f' } },
      ],
    };
  }, [points.data, lang, t]);
  let body;
  if (inventories.length === 0) body = <p className="missing">{t('trend.none')}</p>;
  else if (points.error) body = <ErrorNotice error={points.error} onRetry={points.reload} />;
  else if (!points.data) body = <Loading />;
  else if (points.data.length === 1) body = <p className="notice notice-ok" role="note" data-testid="trend-single">{t('trend.single', { year: points.data[0]!.year, basic: formatTonnes(points.data[0]!.basic, lang) })}</p>;
  else body = <Chart option={option} label={t('trend.label')} height={300} testId="trend-chart" />;
  return (
    <section aria-labelledby="city-trend">
      <h2 id="city-trend">{t('trend.heading')}</h2>
      {body}
    </section>
  );
}
