import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { all, get } from '../../app/api.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { entityName, formatTonnes, tonnesUnits } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import type { Entity, StoredDocument } from '../../app/types.ts';
import type { ClusterAnswer } from './cluster-model.ts';
import { ClusterMonteCarlo } from './ClusterMonteCarlo.tsx';
import { ClusterPathways } from './ClusterPathways.tsx';
import { ClusterProblems } from './ClusterProblems.tsx';
import { ClusterScenarios } from './ClusterScenarios.tsx';

/**
 * The network's clusters, each in its own block (ClusterBlock): what the cluster's document aggregates and, when its
 * members name their pathways, the cluster's pathways.
 */
export function ClusterTotals({ clusters }: { clusters: readonly Entity[] }) {
  const { t } = useTranslation('network');
  if (clusters.length === 0) return null;
  return (
    <>
      <h2>{t('clusters.heading')}</h2>
      <p className="hint">{t('clusters.note')}</p>
      {clusters.map((entity) => <ClusterBlock key={entity.id} entity={entity} />)}
    </>
  );
}

/**
 * One cluster: its members' sum, what it removes as internal and its total (scopes 1+2+3), from the API's aggregation
 * of its document; a cluster without one says so. When its members name their pathways: every cluster scenario
 * compared (one chosen is fetched with `?scenario=` and shown in detail: its peak and each member's contribution),
 * and its Monte Carlo analysis, a job a signed-in reader runs. When the pathways cannot run, their problems in
 * their place, the aggregation still shown.
 */
function ClusterBlock({ entity }: { entity: Entity }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const [scenario, setScenario] = useState<string | undefined>(undefined);
  const document = useLoad(async (signal) => {
    const documents = await all<StoredDocument>(`/api/entities/${encodeURIComponent(entity.id)}/documents`, signal);
    return documents.find((candidate) => candidate.kind === 'cluster') ?? null;
  }, [entity.id]);
  const documentId = document.data?.id;
  const answer = useLoad(
    (signal) =>
      documentId === undefined
        ? Promise.resolve(null)
        : get<ClusterAnswer>(`/api/documents/${encodeURIComponent(documentId)}/result${scenario === undefined ? '' : `?scenario=${encodeURIComponent(scenario)}`}`, signal),
    [documentId, scenario],
  );
  const name = entityName(entity, lang);
  const body = (() => {
    if (document.error) return <ErrorNotice error={document.error} onRetry={document.reload} />;
    if (document.data === undefined) return <Loading />;
    if (document.data === null) return <p className="missing">{t('clusters.none')}</p>;
    if (answer.error) return <ErrorNotice error={answer.error} onRetry={answer.reload} />;
    if (!answer.data) return <Loading />;
    const { totals, reconciliation } = answer.data.result.result;
    const figures = { members: reconciliation.members.total, removed: reconciliation.removed.total, total: totals.total };
    const pathways = answer.data.result.pathways;
    return (
      <>
        <dl className="cluster-figures">
          <dt>{t('clusters.members')}</dt>
          <dd data-figure="members">{formatTonnes(figures.members, lang)}</dd>
          <dt>{t('clusters.removed')}</dt>
          <dd data-figure="removed">−{formatTonnes(figures.removed, lang)}</dd>
          <dt>{t('clusters.total')}</dt>
          <dd data-figure="total">{formatTonnes(figures.total, lang)}</dd>
        </dl>
        {/* The unit the figures above are printed in (万吨 and 亿吨 in Chinese, as each figure's size asks). */}
        <p className="hint" data-testid="cluster-unit-note">{t('clusters.unit', { unit: tonnesUnits([figures.members, figures.removed, figures.total], lang) })}</p>
        {pathways && 'error' in pathways && <ClusterProblems error={pathways.error} />}
        {pathways && 'result' in pathways && (
          <>
            <ClusterScenarios comparison={pathways.comparison} years={pathways.result.years} shown={pathways.result.scenario.id} pending={answer.loading ? scenario : undefined} onChoose={setScenario} />
            <ClusterPathways pathways={pathways.result} />
            <ClusterMonteCarlo documentId={document.data.id} pathways={pathways.result} scenarios={pathways.comparison} />
          </>
        )}
      </>
    );
  })();
  return (
    <section className="cluster-block" data-testid={`cluster-${entity.slug}`} aria-label={name}>
      <h3>{name}</h3>
      {body}
    </section>
  );
}
