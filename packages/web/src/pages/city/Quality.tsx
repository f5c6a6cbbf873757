import { useTranslation } from 'react-i18next';
import type { InventoryJson } from '@peakpath/core';
import { formatPercent } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import type { Detail } from './index.tsx';

const LEVELS = ['high', 'medium', 'low', 'unstated'] as const;

/** The result's data-quality shares, its completeness, and the rows reported with a notation key and why. */
export function Quality({ detail }: { detail: Detail }) {
  const { t } = useTranslation('city');
  const lang = useLang();
  const { result, core } = detail;
  // A row's own name is its kind ("T&D losses"): with its sub-sector's name it says where (residential buildings).
  const rowName = (ref: string) => [core.gpcName(ref.split('.').slice(0, 2).join('.'), lang), core.gpcName(ref, lang)].filter(Boolean).join(lang === 'zh' ? '：' : ': ');
  const list = (rows: readonly string[]) => rows.join(lang === 'zh' ? '、' : ', ');
  const { missingBasicRows, missingBasicPlusRows } = result.completeness;
  return (
    <section aria-labelledby="city-quality">
      <h2 id="city-quality">{t('quality.heading')}</h2>
      <div className="city-columns">
        <div>
          <table data-testid="quality-table" className="quality-table">
            <caption className="hint">{t('quality.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('quality.level')}</th>
                <th scope="col" className="num">{t('quality.share')}</th>
              </tr>
            </thead>
            <tbody>
              {LEVELS.map((level) => (
                <tr key={level}>
                  <th scope="row">{t(`quality.${level}`)}</th>
                  <td className="num">
                    <span className="share-bar" aria-hidden="true" style={{ width: `${Math.max(0, Math.min(1, result.quality[level])) * 6}rem` }} />
                    {formatPercent(result.quality[level], lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {missingBasicRows.length === 0 && missingBasicPlusRows.length === 0 ? (
            <p className="notice notice-ok">{t('quality.complete')}</p>
          ) : (
            <>
              {missingBasicRows.length > 0 && <p className="notice notice-error">{t('quality.missingBasic', { rows: list(missingBasicRows) })}</p>}
              {missingBasicPlusRows.length > 0 && <p className="notice notice-error">{t('quality.missingBasicPlus', { rows: list(missingBasicPlusRows) })}</p>}
            </>
          )}
        </div>
      </div>
      <div>
        {result.notationKeys.length === 0 ? (
          <p className="missing">{t('quality.noKeys')}</p>
        ) : (
          <table data-testid="notation-table" className="notation-table">
            <caption className="hint">{t('quality.keysCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('quality.row')}</th>
                <th scope="col">{t('quality.key')}</th>
                <th scope="col">{t('quality.explanation')}</th>
              </tr>
            </thead>
            <tbody>
              {result.notationKeys.map((entry) => (
                <tr key={entry.gpc}>
                  <th scope="row"><span className="gpc-ref">{entry.gpc}</span> {rowName(entry.gpc)}</th>
                  <td><abbr title={t(`quality.keyNames.${entry.key}`)}>{entry.key}</abbr> {t(`quality.keyNames.${entry.key}`)}</td>
                  {/* The explanation is the document's own text, in the language its author wrote it. */}
                  <td>{entry.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

interface WarningText {
  readonly code?: string;
  readonly text?: { readonly en: string; readonly zh: string };
}

/** The engine's warnings on the inventory, counted and listed in the user's language. */
export function Warnings({ result }: { result: InventoryJson }) {
  const { t } = useTranslation('city');
  const lang = useLang();
  const warnings = result.warnings as readonly WarningText[];
  return (
    <section aria-labelledby="city-warnings">
      <h2 id="city-warnings" data-testid="warnings-heading">{t('warnings.heading', { count: warnings.length })}</h2>
      {warnings.length === 0 ? (
        <p className="hint">{t('warnings.none')}</p>
      ) : (
        <ul className="warning-list">
          {warnings.map((warning, index) => <li key={index}>{warning.text?.[lang] ?? warning.code}</li>)}
        </ul>
      )}
    </section>
  );
}
