import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/Chart.tsx';
import { escapeHtml, formatNumber, formatPercent, formatTonnes } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import { maccBars, nameIn, type MaccAnswer } from './model.ts';
import { formatPerTonne, formatYuan } from './money.ts';

/** Colours of the bars, each with ≥ 4.5:1 against white so the swatch in the table reads as well. */
const PALETTE = ['#0b5d3b', '#1f4f8f', '#7a4b00', '#a3221b', '#5b3a8c', '#00616e', '#8a3b12', '#3d5a1e', '#7b2d5b', '#2f4858'];
export const barColour = (index: number): string => PALETTE[index % PALETTE.length]!;

interface CustomApi {
  value(dimension: number): number;
  coord(point: [number, number]): [number, number];
  style(extra?: object): object;
}

/** The MACC the API computed: a bar per measure (width abatement, height cost per tonne) and the same data as a table. */
export function MaccView({ answer }: { answer: MaccAnswer }) {
  const { t } = useTranslation('plan');
  const lang = useLang();
  const macc = answer.result.macc;
  const year = macc.year;
  const bars = useMemo(() => maccBars(macc.entries), [macc]);
  const option = useMemo(
    () => ({
      // No animation: the chart shows the result at once (and a screenshot or a reduced-motion user sees it whole).
      animation: false,
      grid: { left: 90, right: 30, top: 30, bottom: 60 },
      tooltip: {
        trigger: 'item',
        formatter: (params: { dataIndex: number }) => {
          const bar = bars[params.dataIndex]!;
          return `${bar.order}. ${escapeHtml(nameIn(bar.name, lang))}<br/>${formatTonnes(bar.end - bar.start, lang)} · ${formatPerTonne(bar.costPerTonne, lang)}`;
        },
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: bars.length ? bars[bars.length - 1]!.end : 1,
        name: t('macc.axisAbatement', { year }),
        nameLocation: 'middle',
        nameGap: 32,
        axisLabel: { formatter: (value: number) => (lang === 'zh' && value !== 0 ? `${formatNumber(value / 1e4, lang)}万` : formatNumber(value, lang)) },
      },
      yAxis: { type: 'value', name: t('macc.axisCost'), axisLabel: { formatter: (value: number) => formatNumber(value, lang) } },
      series: [
        {
          type: 'custom',
          // Each bar from its start to its end on the abatement axis, from 0 to its cost per tonne.
          renderItem: (_params: unknown, api: CustomApi) => {
            const topLeft = api.coord([api.value(0), api.value(2)]);
            const bottomRight = api.coord([api.value(1), 0]);
            const order = api.value(3);
            return {
              type: 'rect',
              shape: { x: topLeft[0], y: Math.min(topLeft[1], bottomRight[1]), width: Math.max(bottomRight[0] - topLeft[0] - 1, 1), height: Math.abs(bottomRight[1] - topLeft[1]) },
              style: api.style({ fill: barColour(order - 1), stroke: '#fff' }),
              textContent: { style: { text: String(order), fill: '#1b2420', fontSize: 12 } },
              textConfig: { position: api.value(2) >= 0 ? 'top' : 'bottom' },
            };
          },
          encode: { x: [0, 1], y: 2 },
          data: bars.map((bar) => [bar.start, bar.end, bar.costPerTonne, bar.order]),
        },
      ],
    }),
    [bars, lang, t, year],
  );

  return (
    <section className="macc" aria-labelledby="macc-heading">
      <h2 id="macc-heading">{t('macc.heading', { year })}</h2>
      <p className="hint">{t('macc.intro', { year, basis: t(`basis.${macc.basis}`), rate: formatPercent(macc.discountRate, lang) })}</p>
      <div className="macc-layout">
        <Chart option={option} height={420} testId="macc-chart" label={t('macc.chartLabel', { year, count: bars.length })} />
        <table data-testid="macc-table">
          <caption>{t('macc.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t('macc.order')}</th>
              <th scope="col">{t('macc.measure')}</th>
              <th scope="col" className="num">{t('macc.abatement', { year })}</th>
              <th scope="col" className="num">{t('macc.costPerTonne')}</th>
              <th scope="col" className="num">{t('macc.presentCost')}</th>
            </tr>
          </thead>
          <tbody>
            {macc.entries.map((entry) => (
              <tr key={entry.id} data-measure={entry.id}>
                <td className="num">
                  <span className="swatch" style={{ background: barColour(entry.order - 1) }} aria-hidden="true" />
                  {entry.order}
                </td>
                <th scope="row">{nameIn(entry.name, lang)}</th>
                <td className="num">{formatTonnes(entry.abatement, lang)}</td>
                <td className="num">{entry.costPerTonne === null ? <span className="missing">{t('macc.notDrawn', { year })}</span> : formatPerTonne(entry.costPerTonne, lang)}</td>
                <td className="num">{formatYuan(entry.presentCost, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('macc.total', { year, value: formatTonnes(macc.totalAbatement, lang) })}</p>
      <p className="hint">{t('macc.from', { from: answer.from })}</p>
    </section>
  );
}
