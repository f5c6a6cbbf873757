import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/Chart.tsx';
import { formatNumber, formatTonnes } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import type { Lang } from '../../app/i18n.ts';
import { gasBreakdown, SCOPES, sectorRows } from './build.ts';
import type { Detail } from './index.tsx';

// Scope colours from the app's palette (each ≥ 4.5:1 on white, distinct in greyscale by lightness).
const SCOPE_COLOURS = ['#0b5d3b', '#1f4f8f', '#7a4b00'] as const;

/** Axis ticks as the user reads numbers: 万/亿 in Chinese, full figures in English. */
const axisLabel = (lang: Lang) => ({ formatter: (value: number) => (value === 0 ? '0' : lang === 'zh' ? formatTonnes(value, lang).replace(/吨CO2e$/, '') : formatNumber(value, lang)) });

/** The inventory by sector (stacked by scope), by gas (with the GWP set), and by scope. */
export function Breakdown({ detail }: { detail: Detail }) {
  const { t } = useTranslation('city');
  const lang = useLang();
  const { result, core } = detail;
  const sectors = useMemo(() => sectorRows(result), [result]);
  const gases = useMemo(() => gasBreakdown(result), [result]);
  const sectorName = (sector: string) => `${sector} ${core.gpcName(sector, lang) ?? ''}`.trim();
  const scopeName = (index: number) => t('sectors.scope', { scope: lang === 'zh' ? ['一', '二', '三'][index] : index + 1 });

  const sectorOption = useMemo(() => ({
    // No animation: the figures are read, not watched, and a screenshot shows the final drawing.
    animation: false,
    grid: { left: 90, right: 20, top: 40, bottom: 70 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: number) => formatTonnes(value, lang) },
    xAxis: { type: 'category', data: sectors.map((row) => sectorName(row.sector)), axisLabel: { interval: 0, width: 110, overflow: 'break' } },
    yAxis: { type: 'value', name: t('units.tco2e'), axisLabel: axisLabel(lang) },
    series: SCOPES.map((scope, index) => ({ type: 'bar', stack: 'scope', name: scopeName(index), itemStyle: { color: SCOPE_COLOURS[index] }, data: sectors.map((row) => row[scope]) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [sectors, lang, t, core]);

  const gasRows = gases.co2e
    ? [
        { gas: 'CO2', mass: gases.mass.CO2, co2e: gases.co2e.CO2 },
        { gas: 'CH4', mass: gases.mass.CH4, co2e: gases.co2e.CH4 },
        { gas: 'N2O', mass: gases.mass.N2O, co2e: gases.co2e.N2O },
        ...(gases.co2e.other !== 0 ? [{ gas: t('gases.other'), mass: null, co2e: gases.co2e.other }] : []),
        ...(gases.co2e.unattributed !== 0 ? [{ gas: t('gases.unattributed'), mass: null, co2e: gases.co2e.unattributed }] : []),
      ]
    : [
        { gas: 'CO2', mass: gases.mass.CO2, co2e: null },
        { gas: 'CH4', mass: gases.mass.CH4, co2e: null },
        { gas: 'N2O', mass: gases.mass.N2O, co2e: null },
      ];
  const gasLabel = (gas: string) => (['CO2', 'CH4', 'N2O'].includes(gas) ? core.gasName(gas, lang) : gas);
  const gasOption = useMemo(() => ({
    animation: false,
    grid: { left: 90, right: 20, top: 20, bottom: 40 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: number) => formatTonnes(value, lang) },
    xAxis: { type: 'category', data: gasRows.map((row) => row.gas) },
    yAxis: { type: 'value', name: t('units.tco2e'), axisLabel: axisLabel(lang) },
    series: [{ type: 'bar', itemStyle: { color: '#1f4f8f' }, data: gasRows.map((row) => row.co2e) }],
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [gases, lang, t]);

  const scopeOption = useMemo(() => ({
    animation: false,
    grid: { left: 90, right: 20, top: 20, bottom: 40 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: number) => formatTonnes(value, lang) },
    xAxis: { type: 'category', data: SCOPES.map((_, index) => scopeName(index)) },
    yAxis: { type: 'value', name: t('units.tco2e'), axisLabel: axisLabel(lang) },
    series: [{ type: 'bar', data: SCOPES.map((scope, index) => ({ value: result.totals[scope], itemStyle: { color: SCOPE_COLOURS[index] } })) }],
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [result, lang, t]);

  return (
    <section aria-labelledby="city-sectors">
      <h2 id="city-sectors">{t('sectors.heading')}</h2>
      <Chart option={sectorOption} label={t('sectors.chartLabel')} height={360} testId="sector-chart" />
      <div className="table-scroll">
        <table data-testid="sector-table">
          <caption className="hint">{t('sectors.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sectors.sector')}</th>
              {SCOPES.map((scope, index) => <th key={scope} scope="col" className="num">{scopeName(index)}</th>)}
              <th scope="col" className="num">{t('sectors.total')}</th>
            </tr>
          </thead>
          <tbody>
            {sectors.map((row) => (
              <tr key={row.sector}>
                <th scope="row">{sectorName(row.sector)}</th>
                {SCOPES.map((scope) => <td key={scope} className="num">{formatTonnes(row[scope], lang)}</td>)}
                <td className="num">{formatTonnes(row.total, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="city-columns">
        <div>
          <h3>{t('gases.heading')}</h3>
          {gases.co2e ? <Chart option={gasOption} label={t('gases.chartLabel')} height={260} testId="gas-chart" /> : <p className="notice notice-error">{t('gases.noGwp')}</p>}
          <table data-testid="gas-table">
            <caption className="hint">{t('gases.caption', { gwp: result.gwp })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gases.gas')}</th>
                <th scope="col" className="num">{t('gases.mass')}</th>
                <th scope="col" className="num">{t('gases.co2e')}</th>
              </tr>
            </thead>
            <tbody>
              {gasRows.map((row) => (
                <tr key={row.gas}>
                  <th scope="row">{gasLabel(row.gas)}</th>
                  <td className="num">{row.mass === null ? '—' : formatNumber(row.mass, lang, row.mass < 100 ? 2 : 0)}</td>
                  <td className="num">{row.co2e === null ? '—' : formatTonnes(row.co2e, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3>{t('scopes.heading')}</h3>
          <Chart option={scopeOption} label={t('scopes.chartLabel')} height={260} testId="scope-chart" />
        </div>
      </div>
    </section>
  );
}
