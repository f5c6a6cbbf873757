import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, get, request } from '../../app/api.ts';
import { loadCore } from '../../app/engine.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { entityName } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import { followCity } from '../../app/i18n.ts';
import { Link, paths } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import type { DocumentVersion, Entity, StoredDocument } from '../../app/types.ts';
import { Editor } from './Editor.tsx';
import { Tables } from './Tables.tsx';
import { Versions } from './Versions.tsx';
import './inventory.css';

/** How the signed-in person may use the page: edit, or read only and why. */
export type Access = 'edit' | 'public' | 'viewer' | 'refused';

interface Loaded {
  readonly entity: Entity;
  readonly document: StoredDocument;
  readonly version: DocumentVersion;
}

const TABS = ['edit', 'versions', 'tables'] as const;
type Tab = (typeof TABS)[number];

/**
 * The inventory editor (issue 15, item 4): the GPC tree with the document's lines, computed live in the
 * browser; saving as versions; history, diff and restore; spreadsheet import (previewed) and export. Who
 * may not edit the city sees the inventory read only, with the reason, and no inputs.
 */
export default function InventoryEditor({ entityId, documentId }: { entityId: string; documentId: string }) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  const { me, canEdit } = useSession();
  const core = useLoad(() => loadCore(), []);
  const loaded = useLoad(async (signal): Promise<Loaded | null> => {
    if (me === undefined) return null;
    const [entity, answer] = await Promise.all([
      get<Entity>(`/api/entities/${encodeURIComponent(entityId)}`, signal),
      request<{ document: StoredDocument; version: DocumentVersion }>(`/api/documents/${encodeURIComponent(documentId)}`, { signal }),
    ]);
    // A document of another entity under this city's path is not this city's inventory.
    if (answer.data.document.entityId !== entity.id || answer.data.document.kind !== 'inventory') throw new ApiFailure(404, 'not-found', { en: 'Not found.', zh: '未找到。' });
    return { entity, ...answer.data };
  }, [entityId, documentId, me?.user.id ?? me]);

  const entity = loaded.data?.entity;
  useEffect(() => {
    if (entity) followCity(entity.country);
  }, [entity]);

  // The draft: the version it was made from and the user's lines. Kept across tabs; never dropped silently.
  const [base, setBase] = useState<DocumentVersion | null>(null);
  const [activities, setActivities] = useState<Record<string, unknown>[]>([]);
  const [tab, setTab] = useState<Tab>('edit');
  const adopt = useCallback((version: DocumentVersion) => {
    setBase(version);
    const lines = version.body['activities'];
    setActivities(Array.isArray(lines) ? (lines as Record<string, unknown>[]) : []);
  }, []);
  useEffect(() => {
    if (loaded.data) adopt(loaded.data.version);
  }, [loaded.data, adopt]);

  const body = useMemo(() => (base ? { ...base.body, activities } : null), [base, activities]);
  const dirty = base !== null && JSON.stringify(activities) !== JSON.stringify(base.body['activities'] ?? []);
  // Unsaved edits are not lost to a closed tab or a reload without the browser asking first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (loaded.error) return <section className="inventory-page"><h1>{t('title')}</h1><ErrorNotice error={loaded.error} onRetry={loaded.reload} /></section>;
  if (core.error) return <ErrorNotice error={core.error} />;
  if (!loaded.data || !core.data || !base || !body || me === undefined) return <Loading />;

  const { document } = loaded.data;
  const city = entityName(loaded.data.entity, lang);
  const access: Access = canEdit(loaded.data.entity) ? 'edit' : me === null ? 'public' : me.grants.some((grant) => grant.entityId === loaded.data!.entity.id || grant.entityId === loaded.data!.entity.parentId) ? 'viewer' : 'refused';
  const editable = access === 'edit';

  return (
    <section className="inventory-page">
      <p><Link to={paths.city(loaded.data.entity.id)}>{t('back')}</Link></p>
      <h1>
        {t('titleOf', { city, name: document.name })}{' '}
        <span className="badge" data-testid="current-version">{t('version', { version: base.version })}</span>
        {!editable && <> <span className="badge badge-warn">{t('mode.readOnly')}</span></>}
      </h1>
      {access === 'refused' && me && (
        <div className="notice notice-error" role="alert" data-testid="edit-refused">
          <p className="notice-title">{t('mode.refusedTitle')}</p>
          <p>{t('mode.refusedNote', { email: me.user.email, city })}</p>
        </div>
      )}
      {access === 'viewer' && <p className="notice notice-warn">{t('mode.viewerNote')}</p>}
      {access === 'public' && <p className="notice notice-warn">{t('mode.publicNote')}</p>}
      <div className="tabs" role="tablist" aria-label={t('title')}>
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" id={`tab-${name}`} aria-selected={tab === name} aria-controls={`panel-${name}`} tabIndex={tab === name ? 0 : -1} onClick={() => setTab(name)}
            onKeyDown={(event) => {
              // Arrow keys move between tabs, as a tab list does.
              const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
              if (step === 0) return;
              const next = TABS[(TABS.indexOf(name) + step + TABS.length) % TABS.length]!;
              setTab(next);
              window.document.getElementById(`tab-${next}`)?.focus();
            }}>
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      {/* Every panel stays mounted (hidden when not chosen): the tree's open rows and the live run survive a tab switch. */}
      <div role="tabpanel" id="panel-edit" aria-labelledby="tab-edit" hidden={tab !== 'edit'}>
        <Editor core={core.data} documentId={document.id} base={base} body={body} activities={activities} setActivities={editable ? setActivities : null} dirty={dirty}
          onSaved={adopt} onDiscard={() => adopt(base)} onLoadTheirs={async () => adopt((await get<{ version: DocumentVersion }>(`/api/documents/${encodeURIComponent(document.id)}`)).version)} />
      </div>
      <div role="tabpanel" id="panel-versions" aria-labelledby="tab-versions" hidden={tab !== 'versions'}>
        {tab === 'versions' && <Versions core={core.data} documentId={document.id} current={base.version} canEdit={editable} dirty={dirty} onRestored={adopt} />}
      </div>
      <div role="tabpanel" id="panel-tables" aria-labelledby="tab-tables" hidden={tab !== 'tables'}>
        <Tables core={core.data} document={document} entityId={loaded.data.entity.id} version={base.version} canEdit={editable} dirty={dirty} onImported={adopt} />
      </div>
    </section>
  );
}
