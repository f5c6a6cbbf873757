import type { PathwayResult } from '@peakpath/core';
import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/Chart.tsx';
import { useLang } from '../../app/hooks.ts';
import { CopyData } from './CopyData.tsx';
import { BAU_COLOUR, MET_COLOUR, SCENARIO_COLOUR, TARGET_COLOUR } from './palette.ts';
import { targetName } from './labels.ts';
import { targetBars } from './series.ts';
import { toTsv } from './tsv.ts';
import { axisLabel, axisName, formatEmissions, type EmissionUnit } from './units.ts';

/**
 * The target bar: now (the base year), the scenario in the target year, and what the target allows
 * then — on the target's own basis — with every target's verdict listed below it.
 */
export const TargetBar = memo(function TargetBar({ result, chosen, onChoose }: { result: PathwayResult; chosen: string | null; onChoose: (id: string) => void }) {
  const { t } = useTranslation('pathway');
  const lang = useLang();
  const selectId = useId();
  const comparable = useMemo(() => result.targets.filter((target) => targetBars(result, target) !== null), [result]);
  const target = comparable.find((candidate) => candidate.id === chosen) ?? comparable[0];
  const bars = target ? targetBars(result, target) : null;
  const unit: EmissionUnit = target?.gapUnit === 'tCO2' ? 'tCO2' : 'tCO2e';

  const option = useMemo(() => {
    if (!target || !bars) return {};
    const labels = [t('targetBar.now', { year: result.baseYear }), t('targetBar.scenario', { year: target.year }), t('targetBar.target', { year: target.year })];
    return {
      animation: false,
      grid: { left: 16, right: 24, top: 40, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? formatEmissions(value, unit, lang) : '') },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', name: axisName(unit, lang), axisLabel: { formatter: (value: number) => axisLabel(value, lang) } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 72,
          data: [
            { value: bars.now, itemStyle: { color: BAU_COLOUR } },
            { value: bars.scenario, itemStyle: { color: target.met ? MET_COLOUR : SCENARIO_COLOUR } },
            { value: bars.allowed, itemStyle: { color: TARGET_COLOUR } },
          ],
          label: { show: true, position: 'top', formatter: ({ value }: { value: number }) => formatEmissions(value, unit, lang) },
        },
      ],
    };
  }, [target, bars, result.baseYear, unit, lang, t]);

  return (
    <section className="pw-panel" aria-labelledby="pw-target-title">
      <h2 id="pw-target-title">{t('targetBar.title')}</h2>
      {target && bars ? (
        <>
          <label htmlFor={selectId} className="pw-inline-label">{t('targetBar.choose')}</label>{' '}
          <select id={selectId} value={target.id} onChange={(event) => onChoose(event.target.value)} data-testid="target-choice">
            {comparable.map((candidate) => <option key={candidate.id} value={candidate.id}>{targetName(candidate, lang)}</option>)}
          </select>{' '}
          <span className={`badge ${target.met ? 'badge-ok' : 'badge-bad'}`} data-testid="target-verdict">{t(target.met ? 'targetBar.met' : 'targetBar.missed')}</span>{' '}
          <span className="hint">{t('targetBar.gap', { year: target.year, gap: formatEmissions(bars.gap, unit, lang) })}</span>
          <Chart
            option={option}
            label={t('targetBar.label', { name: targetName(target, lang), now: formatEmissions(bars.now, unit, lang), scenario: formatEmissions(bars.scenario, unit, lang), target: formatEmissions(bars.allowed, unit, lang) })}
            height={260}
            testId="target-chart"
          />
          <CopyData
            testId="copy-target"
            tsv={() => toTsv([t('targetBar.choose'), ...[t('targetBar.now', { year: result.baseYear }), t('targetBar.scenario', { year: target.year }), t('targetBar.target', { year: target.year })].map((head) => `${head} (${unit})`)], [[targetName(target, lang), bars.now, bars.scenario, bars.allowed]])}
          />
        </>
      ) : (
        <p className="hint">{t('targetBar.none')}</p>
      )}
      <h3>{t('targetBar.all')}</h3>
      <ul className="pw-targets" data-testid="targets">
        {result.targets.map((candidate) => (
          <li key={candidate.id}>
            <span className={`badge ${candidate.met ? 'badge-ok' : 'badge-bad'}`}>{t(candidate.met ? 'targetBar.met' : 'targetBar.missed')}</span> {targetName(candidate, lang)}
          </li>
        ))}
      </ul>
    </section>
  );
});
