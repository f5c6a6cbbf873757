import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../app/api.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { entityName } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import { followCity } from '../../app/i18n.ts';
import { Link, paths, useRouter } from '../../app/router.tsx';
import type { DocumentVersion, Entity, StoredDocument } from '../../app/types.ts';
import { CatalogueView } from './CatalogueView.tsx';
import { MaccView } from './MaccView.tsx';
import { nameIn, type MaccAnswer, type PlanJobResult } from './model.ts';
import { OptimiserView } from './OptimiserView.tsx';
import { PrioritiesView } from './PrioritiesView.tsx';
import { useJob } from '../../app/useJob.ts';
import './plan.css';

const TABS = ['optimiser', 'macc', 'priorities', 'catalogue'] as const;
type Tab = (typeof TABS)[number];

export interface LoadedPlan {
  readonly entity: Entity;
  readonly document: StoredDocument;
  readonly version: DocumentVersion;
}

/**
 * The action planner (route /cities/:entity/plan/:document): the plan's optimiser and portfolio, its MACC,
 * the ranking of its measures with other weights, and the action catalogue. The open part and the last
 * job live in the query string (`?tab=macc&job=<id>`), so a copied link shows the same.
 */
export default function ActionPlanner({ entityId, documentId }: { entityId: string; documentId: string }) {
  const { t } = useTranslation('plan');
  const lang = useLang();
  const { location, navigate } = useRouter();
  const plan = useLoad(async (signal) => {
    const [entity, stored] = await Promise.all([
      get<Entity>(`/api/entities/${encodeURIComponent(entityId)}`, signal),
      get<{ document: StoredDocument; version: DocumentVersion }>(`/api/documents/${encodeURIComponent(documentId)}`, signal),
    ]);
    return { entity, document: stored.document, version: stored.version };
  }, [entityId, documentId]);
  const version = plan.data?.version.version;
  // The MACC of the version on screen: the API computes it (and caches it by the versions it used).
  const macc = useLoad((signal) => (version === undefined ? new Promise<never>(() => undefined) : get<MaccAnswer>(`/api/documents/${encodeURIComponent(documentId)}/result?version=${version}`, signal)), [documentId, version]);
  const country = plan.data?.entity.country;
  useEffect(() => {
    if (country) followCity(country);
  }, [country]);

  const jobId = location.query.get('job');
  const setQuery = (key: string, value: string | null) => {
    const query = new URLSearchParams(location.query);
    if (value === null) query.delete(key);
    else query.set(key, value);
    navigate(`${location.path}${query.size ? `?${query}` : ''}`, { replace: true });
  };
  const job = useJob<PlanJobResult>('plan', jobId, documentId, (id) => setQuery('job', id));

  if (plan.error) return <ErrorNotice error={plan.error} onRetry={plan.reload} />;
  if (!plan.data) return <Loading />;
  const { entity, document } = plan.data;
  const requested = location.query.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? '') ? (requested as Tab) : 'optimiser';
  const body = plan.data.version.body as { name?: { en?: string; zh?: string } | string };
  const planName = body.name ? nameIn(typeof body.name === 'string' ? body.name : { en: body.name.en ?? body.name.zh ?? '', zh: body.name.zh ?? body.name.en ?? '' }, lang) : document.name;

  return (
    <section className="planner">
      <p className="planner-crumbs"><Link to={paths.city(entity.id)}>{entityName(entity, lang)} · {t('links.city')}</Link></p>
      <h1>{t('title')}</h1>
      <p className="hint">{t('subtitle', { city: entityName(entity, lang), plan: planName, version: plan.data.version.version })}</p>
      <nav className="tabs" aria-label={t('tabs.label')}>
        {TABS.map((id) => (
          <Link key={id} to={`${location.path}?${new URLSearchParams({ ...Object.fromEntries(location.query), tab: id })}`} aria-current={tab === id ? 'page' : undefined} data-testid={`tab-${id}`}>
            {t(`tabs.${id}`)}
          </Link>
        ))}
      </nav>
      {tab === 'optimiser' && <OptimiserView plan={plan.data} job={job} onSaved={plan.reload} />}
      {tab === 'macc' && (macc.error ? <ErrorNotice error={macc.error} onRetry={macc.reload} /> : macc.data ? <MaccView answer={macc.data} /> : <Loading />)}
      {tab === 'priorities' && <PrioritiesView result={job.job?.status === 'done' ? job.job.result : null} />}
      {tab === 'catalogue' && <CatalogueView plan={plan.data} />}
    </section>
  );
}
