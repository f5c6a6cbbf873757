import type { PathwayResult } from '@peakpath/core';
import type { EChartsType } from 'echarts/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/Chart.tsx';
import { useLang } from '../../app/hooks.ts';
import { CopyData } from './CopyData.tsx';
import { BAU_COLOUR, SCENARIO_COLOUR, TARGET_COLOUR, wedgeColour } from './palette.ts';
import { targetName } from './labels.ts';
import { basisView, onBasis, targetBars } from './series.ts';
import type { BasisChoice } from './state.ts';
import { toTsv } from './tsv.ts';
import { axisLabel, axisName, formatEmissions } from './units.ts';

/**
 * The stacked wedge chart: the scenario's emissions at the bottom, each action's avoided emissions
 * stacked above (so the stack reaches the scenario without its actions), the no-action line, the peak
 * marker and the targets on this basis. Redrawn by merging the new data (`merge`): the series stay the
 * same while a slider moves; the page remounts the chart when the scenario or the basis changes them.
 */
export function WedgeChart({ result, basis, scenarioName, onCommitted, onRendered }: { result: PathwayResult; basis: BasisChoice; scenarioName: string; onCommitted: () => void; onRendered: (chart: EChartsType) => void }) {
  const { t } = useTranslation('pathway');
  const lang = useLang();
  const view = useMemo(() => basisView(result, basis), [result, basis]);
  const years = result.years;
  const basisName = t(basis === 'official' ? 'controls.official' : 'controls.basic');

  // The chart's frame — axes, legend, series and their colours — is set once (the page remounts the chart when the
  // scenario, the basis or the language changes it); a slider step then sends only the series' data (`dataOption`),
  // so ECharts re-merges no component but the series.
  const unit = view.unit;
  const wedgeKey = view.wedges.map((wedge) => `${wedge.id}:${wedge.name[lang]}`).join('|');
  const hasBau = view.bau !== null;
  const frameWedges = useRef(view.wedges);
  frameWedges.current = view.wedges;
  const option = useMemo(() => {
    const wedges = frameWedges.current;
    return {
      animation: false,
      color: [SCENARIO_COLOUR, ...wedges.map((_, index) => wedgeColour(index)), BAU_COLOUR],
      grid: { left: 16, right: 24, top: 56, bottom: 72, containLabel: true },
      legend: { type: 'scroll', bottom: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? formatEmissions(value, unit, lang) : '') },
      xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
      yAxis: { type: 'value', name: axisName(unit, lang), axisLabel: { formatter: (value: number) => axisLabel(value, lang) } },
      series: [
        {
          id: 'scenario',
          name: t('wedge.scenario'),
          type: 'line',
          stack: 'wedges',
          symbol: 'none',
          lineStyle: { width: 2.5, color: SCENARIO_COLOUR },
          areaStyle: { color: SCENARIO_COLOUR, opacity: 0.25 },
          markPoint: { tooltip: { show: true } },
          markLine: { symbol: 'none', lineStyle: { color: TARGET_COLOUR, type: 'dashed', width: 1.5 } },
          z: 3,
        },
        ...wedges.map((wedge, index) => ({
          id: `wedge-${wedge.id}`,
          name: wedge.name[lang],
          type: 'line',
          stack: 'wedges',
          symbol: 'none',
          lineStyle: { width: 0 },
          areaStyle: { color: wedgeColour(index), opacity: 0.75 },
        })),
        ...(hasBau ? [{ id: 'bau', name: t('wedge.bau'), type: 'line', symbol: 'none', lineStyle: { type: 'dashed', width: 1.5, color: BAU_COLOUR }, z: 4 }] : []),
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the frame changes with its structure (wedgeKey), not with each step's data
  }, [wedgeKey, hasBau, unit, years, lang, t]);

  const dataOption = useMemo(() => {
    const peak = view.peak;
    const targets = result.targets.filter((target) => onBasis(target, basis));
    const markLines = targets.filter((target) => target.kind === 'peak').map((target) => ({ xAxis: String(target.year), name: targetName(target, lang), label: { formatter: t('wedge.target', { name: targetName(target, lang) }), position: 'end' as const, color: TARGET_COLOUR } }));
    const targetPoints = targets.flatMap((target) => {
      const bars = targetBars(result, target);
      return bars ? [{ coord: [String(target.year), bars.allowed], name: targetName(target, lang), value: formatEmissions(bars.allowed, unit, lang), symbol: 'diamond', symbolSize: 14, itemStyle: { color: TARGET_COLOUR }, label: { show: false } }] : [];
    });
    const peakPoint = peak.year !== null && peak.value !== null ? [{ coord: [String(peak.year), peak.value], name: t('wedge.peak'), value: peak.value, symbol: 'pin', symbolSize: 46, itemStyle: { color: SCENARIO_COLOUR }, label: { formatter: String(peak.year), color: '#fff', fontSize: 11 } }] : [];
    return {
      series: [
        { id: 'scenario', data: view.total, markPoint: { data: [...peakPoint, ...targetPoints] }, markLine: { data: markLines } },
        ...view.wedges.map((wedge) => ({ id: `wedge-${wedge.id}`, data: wedge.values })),
        ...(view.bau ? [{ id: 'bau', data: view.bau }] : []),
      ],
    };
  }, [view, result, basis, unit, lang, t]);

  const [chart, setChart] = useState<EChartsType | null>(null);
  useEffect(() => {
    // Runs after the chart's own effect (a child's effects come first), so the frame is in place.
    chart?.setOption(dataOption, { lazyUpdate: false });
  }, [chart, dataOption]);

  // The peak is read out by the cards above (a live region); the chart's description stays put while a slider moves.
  const label = t('wedge.label', { basis: basisName, from: result.baseYear, to: result.endYear });

  // Layout effects run before the chart's own (passive) effect redraws it: the moment React has committed this result.
  useLayoutEffect(() => onCommitted(), [result, onCommitted]);

  const tsv = () =>
    toTsv(
      [t('copy.year'), `${scenarioName} (${view.unit})`, ...view.wedges.map((wedge) => `${wedge.name[lang]} (${view.unit})`), ...(view.bau ? [`${t('wedge.bau')} (${view.unit})`] : [])],
      years.map((year, y) => [year, view.total[y]!, ...view.wedges.map((wedge) => wedge.values[y]!), ...(view.bau ? [view.bau[y]!] : [])]),
    );

  return (
    <section className="pw-panel" aria-labelledby="pw-wedge-title">
      <h2 id="pw-wedge-title">{t('wedge.title')}</h2>
      <Chart option={option} label={label} height={430} merge testId="wedge-chart" onReady={setChart} onRendered={onRendered} />
      <CopyData tsv={tsv} testId="copy-wedge" />
    </section>
  );
}
