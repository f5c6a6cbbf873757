import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/hooks.ts';
import type { TrackingData } from './index.tsx';

/** The latest year with any actual: the year a report is most likely wanted for. */
function latestYear(data: TrackingData): number {
  let year = 0;
  for (const indicator of data.tracking.indicators) for (const actual of indicator.actuals) year = Math.max(year, actual.year);
  return year > 0 ? year : Number(data.result.asOf.slice(0, 4)) - 1;
}

/**
 * The annual report and the exports, as the server writes them (GET links: the session's cookie
 * carries the user's rights; the public gets published versions only, as everywhere).
 */
export function ReportLinks({ data }: { data: TrackingData }) {
  const { t } = useTranslation('tracking');
  const lang = useLang();
  const [year, setYear] = useState(() => latestYear(data));
  const entity = encodeURIComponent(data.entity.id);
  const document = encodeURIComponent(data.document.id);
  const report = (format: 'pdf' | 'html') => `/api/entities/${entity}/report?year=${year}&lang=${lang}&format=${format}&asOf=${data.result.asOf}`;
  const exported = (kind: string, format: 'xlsx' | 'csv') => `/api/documents/${document}/export/${kind}?format=${format}&lang=${lang}&asOf=${data.result.asOf}`;
  return (
    <section aria-labelledby="tracking-report" className="tracking-report">
      <h2 id="tracking-report">{t('report.heading')}</h2>
      <p className="hint">{t('report.hint')}</p>
      <div className="report-actions">
        <label>
          {t('report.year')}{' '}
          <input type="number" min={1990} max={2100} value={year} onChange={(event) => { const next = Number(event.currentTarget.value); if (Number.isInteger(next)) setYear(next); }} data-testid="report-year" />
        </label>
        <a className="button primary" href={report('pdf')} data-testid="report-pdf" download>{t('report.pdf')}</a>
        <a className="button" href={report('html')} data-testid="report-html" target="_blank" rel="noopener">{t('report.html')}</a>
      </div>
      <h3>{t('exports.heading')}</h3>
      <ul className="export-links">
        {(['tracking-indicators', 'actions', 'cdp-targets'] as const).map((kind) => (
          <li key={kind}>
            <span>{t(`exports.${kind === 'cdp-targets' ? 'targets' : kind === 'tracking-indicators' ? 'indicators' : kind}`)}</span>
            <a className="button" href={exported(kind, 'xlsx')} download data-testid={`export-${kind}-xlsx`}>XLSX</a>
            <a className="button" href={exported(kind, 'csv')} download data-testid={`export-${kind}-csv`}>CSV</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
