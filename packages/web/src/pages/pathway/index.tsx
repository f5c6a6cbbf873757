import type { DocumentIssue } from '@peakpath/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { all, get, request } from '../../app/api.ts';
import { loadCore, loadEngine } from '../../app/engine.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { useLang, useLoad } from '../../app/hooks.ts';
import { followCity } from '../../app/i18n.ts';
import { useRouter } from '../../app/router.tsx';
import type { DocumentVersion, Entity, StoredDocument } from '../../app/types.ts';
import type { ExplorerData } from './Explorer.tsx';
import './pathway.css';

// The explorer computes with the core: it loads on demand with it, while the documents are fetched, so
// the page's own chunk holds neither the core nor ECharts (test/web/budget.test.ts).
const Explorer = lazy(async () => ({ default: (await import('./Explorer.tsx')).Explorer }));

type Loaded =
  | { readonly ok: true; readonly data: ExplorerData }
  | { readonly ok: false; readonly entity: Entity; readonly issues: readonly DocumentIssue[]; readonly formatIssue: (issue: DocumentIssue, lang: 'zh' | 'en') => string };

const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** A problem of the page itself (not the API's), in both languages like the API's, shown by ErrorNotice. */
class PageProblem extends Error {}

/**
 * The pathway explorer (`/cities/:entity/pathway/:document`): the pathway and the inventory it names
 * are read from the API once, then compiled and computed in the browser by the core.
 */
export default function PathwayExplorer({ entityId, documentId }: { entityId: string; documentId: string }) {
  const { t } = useTranslation('pathway');
  const lang = useLang();
  const { navigate } = useRouter();
  const [reloads, setReloads] = useState(0);
  const loaded = useLoad<Loaded>(async (signal) => {
    const [entity, pathwayDocument] = await Promise.all([
      get<Entity>(`/api/entities/${encodeURIComponent(entityId)}`, signal),
      request<{ document: StoredDocument; version: DocumentVersion }>(`/api/documents/${encodeURIComponent(documentId)}`, { signal }),
    ]);
    const { document, version } = pathwayDocument.data;
    if (document.kind !== 'pathway') throw new PageProblem(t('errors.notPathway'));
    const inventoryName = version.body['inventory'];
    if (typeof inventoryName !== 'string') throw new PageProblem(t('errors.noInventoryName'));
    // A pathway names its inventory by document name in the same entity (docs/server.md).
    const documents = await all<StoredDocument>(`/api/entities/${encodeURIComponent(document.entityId)}/documents`, signal);
    const inventoryDocument = documents.find((candidate) => candidate.kind === 'inventory' && candidate.name === inventoryName);
    if (!inventoryDocument) throw new PageProblem(t('errors.noInventory', { name: inventoryName }));
    const [inventory, engine, core] = await Promise.all([
      get<{ document: StoredDocument; version: DocumentVersion }>(`/api/documents/${encodeURIComponent(inventoryDocument.id)}`, signal),
      loadEngine(),
      loadCore(),
    ]);
    const compiled = engine.compilePathway({ pathway: version.body, inventory: inventory.version.body }, { pathway: document.name, inventory: inventoryDocument.name });
    if (!compiled.ok) return { ok: false, entity, issues: compiled.issues, formatIssue: core.formatIssue };
    return { ok: true, data: { entity, documentId: document.id, documentName: document.name, version: version.version, body: record(version.body), pathway: compiled.value } };
  }, [entityId, documentId, reloads]);

  const entity = loaded.data ? (loaded.data.ok ? loaded.data.data.entity : loaded.data.entity) : undefined;
  useEffect(() => {
    if (entity) followCity(entity.country);
  }, [entity]);

  if (loaded.error) return <section><h1>{t('title')}</h1><ErrorNotice error={loaded.error} onRetry={loaded.reload} /></section>;
  if (!loaded.data || loaded.loading) return <section><h1>{t('title')}</h1><Loading /></section>;
  if (!loaded.data.ok) {
    const { issues, formatIssue } = loaded.data;
    return (
      <section>
        <h1>{t('title')}</h1>
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{t('errors.invalid', { count: issues.length })}</p>
          <ul>{issues.map((issue, index) => <li key={index}><code>{issue.document.id}</code> {formatIssue(issue, lang)}</li>)}</ul>
        </div>
      </section>
    );
  }
  return (
    <Suspense fallback={<section><h1>{t('title')}</h1><Loading /></section>}>
    <Explorer
      key={loaded.data.data.version}
      data={loaded.data.data}
      onSaved={(scenario) => {
        // The saved scenario is the document's now: open it, with no slider moved.
        const query = new URLSearchParams({ scenario });
        const lang = new URLSearchParams(window.location.search).get('lang');
        if (lang) query.set('lang', lang);
        navigate(`${window.location.pathname}?${query}`, { replace: true });
        setReloads((count) => count + 1);
      }}
    />
    </Suspense>
  );
}
