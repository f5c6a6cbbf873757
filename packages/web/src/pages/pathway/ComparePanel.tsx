import { memo } from 'react';
import type { PathwayResult } from '@peakpath/core';
import { useTranslation } from 'react-i18next';
import { orMissing } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import { CopyData } from './CopyData.tsx';
import { basisView } from './series.ts';
import type { BasisChoice } from './state.ts';
import { toTsv } from './tsv.ts';
import { formatEmissions } from './units.ts';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly result: PathwayResult;
  readonly yours: boolean;
}

/** The file's scenarios side by side with the user's settings: peak, emissions in 2030 and at the horizon, targets met. */
export const ComparePanel = memo(function ComparePanel({ scenarios, yours, yoursName, basis }: { scenarios: readonly PathwayResult[]; yours: PathwayResult; yoursName: string; basis: BasisChoice }) {
  const { t } = useTranslation('pathway');
  const lang = useLang();
  const rows: Row[] = [...scenarios.map((result) => ({ id: result.scenario.id, name: result.scenario.name[lang], result, yours: false })), { id: 'yours', name: yoursName, result: yours, yours: true }];
  const baseYear = yours.baseYear;
  // 2030 where the horizon has it (the peak year China's targets name), and the last year.
  const years = [...new Set([2030, yours.endYear].filter((year) => year > baseYear && year <= yours.endYear))];
  const figures = (row: Row) => {
    const view = basisView(row.result, basis);
    const met = row.result.targets.filter((target) => target.met).length;
    return { view, met, total: row.result.targets.length };
  };
  const tsv = () =>
    toTsv(
      [t('compare.scenario'), t('compare.peakYear'), `${t('compare.peakValue')} (${basisView(yours, basis).unit})`, ...years.map((year) => t('compare.inYear', { year })), t('compare.targetsMet')],
      rows.map((row) => {
        const { view, met, total } = figures(row);
        return [row.name, view.peak.year, view.peak.value, ...years.map((year) => view.total[year - baseYear]!), `${met}/${total}`];
      }),
    );
  return (
    <section className="pw-panel" aria-labelledby="pw-compare-title">
      <h2 id="pw-compare-title">{t('compare.title')}</h2>
      <div className="pw-table-wrap">
        <table className="pw-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">{t('compare.scenario')}</th>
              <th scope="col">{t('compare.peakYear')}</th>
              <th scope="col">{t('compare.peakValue')}</th>
              {years.map((year) => <th scope="col" key={year}>{t('compare.inYear', { year })}</th>)}
              <th scope="col">{t('compare.targetsMet')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const { view, met, total } = figures(row);
              return (
                <tr key={row.id} className={row.yours ? 'pw-yours' : undefined} data-scenario={row.id}>
                  <th scope="row">{row.name}</th>
                  <td className="num">{view.peak.year === null ? t('peak.none', { year: row.result.endYear }) : view.peak.year}</td>
                  <td className="num">{orMissing(view.peak.value, lang, (value) => formatEmissions(value, view.unit, lang))}</td>
                  {years.map((year) => <td className="num" key={year}>{formatEmissions(view.total[year - baseYear]!, view.unit, lang)}</td>)}
                  <td className="num">{t('compare.metCount', { met, total })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <CopyData tsv={tsv} testId="copy-compare" />
    </section>
  );
});
