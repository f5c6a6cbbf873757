import type { Issue, Tracking, TrackingResult } from '@peakpath/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../app/api.ts';
import { loadCore } from '../../app/engine.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { entityName, formatPercent } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import { followCity } from '../../app/i18n.ts';
import { useRouter } from '../../app/router.tsx';
import type { DocumentVersion, Entity, StoredDocument } from '../../app/types.ts';
import { Actions, Cooperation, Hazards, Indicators, Practices, Summary, Targets } from './sections.tsx';
import { ReportLinks } from './ReportLinks.tsx';
import './tracking.css';

/** Today in the user's calendar, `YYYY-MM-DD`: the date statuses are judged at unless the link names one. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type TrackingCore = Awaited<ReturnType<typeof loadCore>>;

export interface TrackingData {
  readonly entity: Entity;
  readonly document: StoredDocument;
  readonly version: number;
  readonly core: TrackingCore;
  readonly tracking: Tracking;
  readonly result: TrackingResult;
}

type Loaded = { readonly ok: true; readonly data: TrackingData } | { readonly ok: false; readonly entity: Entity; readonly issues: readonly Issue[]; readonly core: TrackingCore };

/**
 * Tracking (`/cities/:entity/tracking/:document`): targets and the eight areas' indicators with their
 * progress, the plan's measures as implemented, the risk register and good practice. The core reads
 * the stored document and judges every status in the browser, at today's date or `?asOf=`, by the
 * rules the page states; the annual report and the exports are the server's.
 */
export default function TrackingPage({ entityId, documentId }: { entityId: string; documentId: string }) {
  const { t } = useTranslation('tracking');
  const lang = useLang();
  const { location, navigate } = useRouter();
  const asked = location.query.get('asOf');
  const asOf = asked && DATE.test(asked) ? asked : today();
  const loaded = useLoad<Loaded>(async (signal) => {
    const [entity, stored, core] = await Promise.all([
      get<Entity>(`/api/entities/${encodeURIComponent(entityId)}`, signal),
      get<{ document: StoredDocument; version: DocumentVersion }>(`/api/documents/${encodeURIComponent(documentId)}`, signal),
      loadCore(),
    ]);
    const parsed = core.parseTracking(stored.version.body);
    if (!parsed.ok) return { ok: false, entity, issues: parsed.issues, core };
    return { ok: true, data: { entity, document: stored.document, version: stored.version.version, core, tracking: parsed.tracking, result: core.computeTracking(parsed.tracking, asOf) } };
  }, [entityId, documentId, asOf]);

  const entity = loaded.data ? (loaded.data.ok ? loaded.data.data.entity : loaded.data.entity) : undefined;
  useEffect(() => {
    if (entity) followCity(entity.country);
  }, [entity]);

  if (loaded.error) return <section><h1>{t('title', { name: '' })}</h1><ErrorNotice error={loaded.error} onRetry={loaded.reload} /></section>;
  if (!loaded.data) return <section><h1>{t('title', { name: '' })}</h1><Loading /></section>;
  if (!loaded.data.ok) {
    const { issues, core } = loaded.data;
    return (
      <section>
        <h1>{t('title', { name: entityName(loaded.data.entity, lang) })}</h1>
        <div className="notice notice-error" role="alert" data-testid="tracking-issues">
          <p>{t('invalid')}</p>
          <ul>{issues.map((issue, index) => <li key={index}>{core.formatIssue(issue, lang)}</li>)}</ul>
        </div>
      </section>
    );
  }
  const data = loaded.data.data;
  const { rules } = data.result;
  return (
    <article className="tracking-page" data-testid="tracking-page">
      <header>
        <h1>{t('title', { name: entityName(data.entity, lang) })}</h1>
        <p className="hint">{t('meta', { name: data.document.name, version: data.version })}</p>
        <form className="tracking-asof" onSubmit={(event) => event.preventDefault()}>
          <label>
            {t('asOfLabel')}{' '}
            <input
              type="date"
              value={asOf}
              data-testid="as-of"
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (!DATE.test(value)) return;
                const query = new URLSearchParams(location.query);
                query.set('asOf', value);
                navigate(`${location.path}?${query.toString()}`, { replace: true });
              }}
            />
          </label>
        </form>
        <p className="hint" data-testid="rules">
          {t('rules', { atRisk: formatPercent(rules.atRisk, lang, 0), updateDays: rules.updateDays, staleDays: rules.staleDays, from: t(`rulesFrom.${rules.from}`) })}
        </p>
      </header>
      <ReportLinks data={data} />
      <Summary data={data} />
      <Targets data={data} />
      <Indicators data={data} />
      <Actions data={data} />
      <Hazards data={data} />
      <Cooperation data={data} />
      <Practices data={data} />
    </article>
  );
}
