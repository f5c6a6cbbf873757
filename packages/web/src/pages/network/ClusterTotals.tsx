import { useTranslation } from 'react-i18next';
import { all, get } from '../../app/api.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { entityName, formatTonnes } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import type { Entity, StoredDocument } from '../../app/types.ts';
import { ClusterPathways, type ClusterPathwayFigures } from './ClusterPathways.tsx';

/** `GET /api/documents/:id/result` of a cluster document, as this section reads it (docs/clusters.md). */
interface ClusterAnswer {
  readonly result: {
    readonly result: { readonly totals: { readonly total: number }; readonly reconciliation: { readonly members: { readonly total: number }; readonly removed: { readonly total: number } } };
    /** Present when the cluster's members name their pathways: its default scenario in detail. */
    readonly pathways?: { readonly result: ClusterPathwayFigures };
  };
}

interface ClusterFigures {
  readonly entity: Entity;
  readonly figures: { readonly members: number; readonly removed: number; readonly total: number } | null;
  readonly pathways: ClusterPathwayFigures | null;
}

/**
 * The network's clusters with their members' sum, what the cluster removes as internal and its total (scopes 1+2+3),
 * from the API's aggregation of each cluster's document; a cluster without one says so. A cluster whose members name
 * their pathways shows them too (ClusterPathways): its peak and each member's contribution.
 */
export function ClusterTotals({ clusters }: { clusters: readonly Entity[] }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const loaded = useLoad(
    (signal) =>
      Promise.all(
        clusters.map(async (entity): Promise<ClusterFigures> => {
          const documents = await all<StoredDocument>(`/api/entities/${encodeURIComponent(entity.id)}/documents`, signal);
          const document = documents.find((candidate) => candidate.kind === 'cluster');
          if (!document) return { entity, figures: null, pathways: null };
          const answer = await get<ClusterAnswer>(`/api/documents/${encodeURIComponent(document.id)}/result`, signal);
          const { totals, reconciliation } = answer.result.result;
          return { entity, figures: { members: reconciliation.members.total, removed: reconciliation.removed.total, total: totals.total }, pathways: answer.result.pathways?.result ?? null };
        }),
      ),
    [clusters.map((entity) => entity.id).join()],
  );
  if (clusters.length === 0) return null;
  return (
    <>
      <h2>{t('clusters.heading')}</h2>
      <p className="hint">{t('clusters.note')}</p>
      {loaded.error ? (
        <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : (
        loaded.data.map(({ entity, figures, pathways }) => (
          <section key={entity.id} data-testid={`cluster-${entity.slug}`} aria-label={entityName(entity, lang)}>
            <h3>{entityName(entity, lang)}</h3>
            {figures ? (
              <dl className="cluster-figures">
                <dt>{t('clusters.members')}</dt>
                <dd data-figure="members">{formatTonnes(figures.members, lang)}</dd>
                <dt>{t('clusters.removed')}</dt>
                <dd data-figure="removed">−{formatTonnes(figures.removed, lang)}</dd>
                <dt>{t('clusters.total')}</dt>
                <dd data-figure="total">{formatTonnes(figures.total, lang)}</dd>
              </dl>
            ) : (
              <p className="missing">{t('clusters.none')}</p>
            )}
            {pathways && <ClusterPathways pathways={pathways} />}
          </section>
        ))
      )}
    </>
  );
}
