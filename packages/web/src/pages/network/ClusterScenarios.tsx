import { useTranslation } from 'react-i18next';
import { formatTonnes, orMissing } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import { comparisonYears, emissionsIn, type ClusterScenarioFigures, type Peak } from './cluster-model.ts';

/**
 * Every cluster scenario side by side (`result.pathways.comparison`): its peak year and value on BASIC, its emissions
 * in 2030 and in the last year, and its peak on China's official basis where the cluster computes it; a button per
 * scenario shows it in detail below (the block fetches it with `?scenario=`).
 */
export function ClusterScenarios({ comparison, years, shown, pending, onChoose }: {
  comparison: readonly ClusterScenarioFigures[];
  years: readonly number[];
  /** The scenario shown in detail, and the one being fetched to replace it. */
  shown: string;
  pending: string | undefined;
  onChoose: (scenario: string) => void;
}) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const compared = comparisonYears(years);
  const official = comparison.some((scenario) => scenario.officialPeak !== null);
  const peakYear = (peak: Peak | null) => (peak === null ? '—' : peak.year === null ? t('peak.none') : String(peak.year));
  const loading = pending !== undefined && pending !== shown ? comparison.find((scenario) => scenario.id === pending) : undefined;
  return (
    <div className="cluster-scenarios" data-testid="cluster-scenarios">
      <h4>{t('clusters.scenarios.heading')}</h4>
      <div className="table-scroll">
        <table>
          <caption>{t('clusters.scenarios.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('clusters.scenarios.scenario')}</th>
              <th scope="col" className="num">{t('clusters.scenarios.peakYear')}</th>
              <th scope="col" className="num">{t('clusters.scenarios.peakValue')}</th>
              {compared.map((year) => <th key={year} scope="col" className="num">{t('clusters.scenarios.inYear', { year })}</th>)}
              {official && <th scope="col" className="num">{t('clusters.scenarios.officialPeak')}</th>}
              <th scope="col"><span className="visually-hidden">{t('clusters.scenarios.show')}</span></th>
            </tr>
          </thead>
          <tbody>
            {comparison.map((scenario) => {
              const current = scenario.id === shown;
              return (
                <tr key={scenario.id} data-testid={`scenario-${scenario.id}`} aria-current={current ? 'true' : undefined} className={current ? 'current' : undefined}>
                  <th scope="row">{scenario.name[lang]}</th>
                  <td className="num" data-column="peak-year">{peakYear(scenario.peak)}</td>
                  <td className="num" data-column="peak-value">{orMissing(scenario.peak.value, lang, (value) => formatTonnes(value, lang))}</td>
                  {compared.map((year) => (
                    <td key={year} className="num" data-column={`in-${year}`}>{orMissing(emissionsIn(scenario, years, year), lang, (value) => formatTonnes(value, lang))}</td>
                  ))}
                  {official && <td className="num" data-column="official-peak-year">{peakYear(scenario.officialPeak)}</td>}
                  <td>
                    {current ? (
                      <span className="hint">{t('clusters.scenarios.shown')}</span>
                    ) : (
                      <button type="button" onClick={() => onChoose(scenario.id)} disabled={pending !== undefined} data-testid={`show-scenario-${scenario.id}`}>
                        {/* Which scenario, for a screen reader that reads the button alone. */}
                        {t('clusters.scenarios.show')}<span className="visually-hidden">{t('clusters.scenarios.showWhich', { scenario: scenario.name[lang] })}</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p role="status" className="hint">{loading ? t('clusters.scenarios.loading', { scenario: loading.name[lang] }) : ''}</p>
    </div>
  );
}
