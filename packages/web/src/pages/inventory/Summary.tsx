import type { DocumentIssue, InventoryJson, WarningJson } from '@peakpath/core';
import { useTranslation } from 'react-i18next';
import { formatMissing, formatTonnes } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import type { Core } from './core.ts';
import { issuePlace, placeId, type Line } from './model.ts';

const TOTALS = ['basic', 'basicPlus', 'scope1', 'scope2', 'scope3'] as const;

/** BASIC, BASIC+ and the scopes, and each sector's, from the engine's run of the draft. */
export function Totals({ core, result, pending, part, live }: { core: Core; result: InventoryJson | null; pending: boolean; part: 'totals' | 'sectors'; live: boolean }) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  if (part === 'sectors') return result === null ? null : <SectorTotals core={core} result={result} />;
  return (
    <section className="inventory-totals" aria-labelledby="totals-heading" aria-busy={pending}>
      <h2 id="totals-heading">{live ? t('totals.heading') : t('totals.headingRead')}</h2>
      {result === null ? (
        <p className="hint">{pending ? t('totals.computing') : t('totals.cannotCompute')}</p>
      ) : (
        <div className="cards">
          {TOTALS.map((name) => (
            <div className="card" key={name}>
              <div className="label">{t(`totals.${name}`)}</div>
              <div className="value" data-testid={`total-${name}`} data-value={result.totals[name]}>{formatTonnes(result.totals[name], lang)}</div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

/** Each sector's BASIC and BASIC+ from the same run. */
function SectorTotals({ core, result }: { core: Core; result: InventoryJson }) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  return (
    <table className="sector-totals">
      <caption className="visually-hidden">{t('totals.bySector')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('totals.sector')}</th>
          <th scope="col">{t('totals.basic')}</th>
          <th scope="col">{t('totals.basicPlus')}</th>
        </tr>
      </thead>
      <tbody>
        {core.GPC_SECTORS.map((sector) => {
          // A sector with no computed line has no emissions figure: "no data yet", never 0.
          const totals = result.lines.some((line) => line.gpc.split('.')[0] === sector.id) ? result.bySector[sector.id] : undefined;
          return (
            <tr key={sector.id}>
              <th scope="row">{sector.id} {sector.name[lang]}</th>
              {totals ? (
                <>
                  <td className="num">{formatTonnes(totals.basic, lang)}</td>
                  <td className="num">{formatTonnes(totals.basicPlus, lang)}</td>
                </>
              ) : <td colSpan={2} className="missing">{formatMissing(lang)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Every problem at once, in the user's language, each linking to its field (opening its sub-sector first);
 * then the warnings, which come with a result and do not stop it.
 */
export function IssueSummary({ core, issues, warnings, activities, onGo }: { core: Core; issues: readonly DocumentIssue[]; warnings: readonly WarningJson[]; activities: readonly Line[]; onGo(index: number | null, id: string): void }) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  return (
    <section className="issue-summary" aria-live="polite">
      {issues.length > 0 ? (
        <div className="notice notice-error" data-testid="issue-summary">
          <h2 className="notice-title">{t('issues.heading', { count: issues.length })}</h2>
          <ul>
            {issues.map((issue, index) => {
              const place = issuePlace(issue.path, activities);
              const id = placeId(place);
              const where = place.kind === 'document' ? t('issues.document') : t('issues.onLine', { n: place.index + 1 });
              const text = core.formatIssue(issue, lang);
              return (
                <li key={index}>
                  {id === null ? <span>{where}</span> : (
                    <a href={`#${id}`} onClick={(event) => {
                      event.preventDefault();
                      onGo(place.kind === 'document' ? null : place.index, id);
                    }}>{where}</a>
                  )}
                  {lang === 'zh' ? '：' : ': '}{text}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {warnings.length > 0 && (
        <details className="notice warnings">
          <summary>{t('issues.warnings')} ({warnings.length})</summary>
          <ul>{warnings.map((warning, index) => <li key={index}>{warning.text[lang]}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
