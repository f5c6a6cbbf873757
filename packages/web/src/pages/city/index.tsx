import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryJson } from '@peakpath/core';
import { all, get } from '../../app/api.ts';
import { loadCore } from '../../app/engine.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { entityName } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import { followCity } from '../../app/i18n.ts';
import { useSession } from '../../app/session.tsx';
import type { StoredDocument } from '../../app/types.ts';
import type { CitySummary } from '../network/summary.ts';
import { Breakdown } from './Breakdown.tsx';
import { DistrictParts } from './DistrictParts.tsx';
import { DocumentLinks } from './DocumentLinks.tsx';
import { EnergySankey } from './EnergySankey.tsx';
import { Intensity, KeyFigures } from './Figures.tsx';
import { Quality, Warnings } from './Quality.tsx';
import { Trend } from './Trend.tsx';
import './city.css';

/** The inventory in detail: its result, the fuels its document names per line, and the core's names. */
export interface Detail {
  readonly result: InventoryJson;
  /** `activities[index].fuel` of the document, by line index (the result's lines carry no fuel id). */
  readonly fuels: ReadonlyMap<number, string>;
  readonly core: Awaited<ReturnType<typeof loadCore>>;
}

async function loadDetail(documentId: string, version: number, signal: AbortSignal): Promise<Detail> {
  const id = encodeURIComponent(documentId);
  const [answer, stored, core] = await Promise.all([
    get<{ result: InventoryJson }>(`/api/documents/${id}/result?version=${version}`, signal),
    get<{ version: { body: { activities?: unknown } } }>(`/api/documents/${id}`, signal),
    loadCore(),
  ]);
  const fuels = new Map<number, string>();
  const activities = stored.version.body.activities;
  if (Array.isArray(activities)) {
    activities.forEach((activity: unknown, index) => {
      const fuel = activity !== null && typeof activity === 'object' ? (activity as { fuel?: unknown }).fuel : undefined;
      if (typeof fuel === 'string') fuels.set(index, fuel);
    });
  }
  return { result: answer.result, fuels, core };
}

/** The city dashboard: who the place is, its documents, and its latest inventory read every useful way. */
export default function CityDashboard({ entityId }: { entityId: string }) {
  const { t } = useTranslation('city');
  const lang = useLang();
  const { canEdit, me } = useSession();
  const id = encodeURIComponent(entityId);
  const base = useLoad(async (signal) => {
    const [summary, documents] = await Promise.all([get<CitySummary>(`/api/entities/${id}/summary`, signal), all<StoredDocument>(`/api/entities/${id}/documents`, signal)]);
    return { summary, documents };
    // The session decides which versions the API answers with: reload when it changes.
  }, [id, me?.user.id]);
  const inventory = base.data?.summary.inventory ?? null;
  const detail = useLoad((signal) => (inventory ? loadDetail(inventory.documentId, inventory.version, signal) : Promise.resolve(null)), [inventory?.documentId, inventory?.version]);
  const country = base.data?.summary.entity.country;

  useEffect(() => {
    if (country) followCity(country);
  }, [country]);

  if (base.error) return <ErrorNotice error={base.error} onRetry={base.reload} />;
  if (!base.data) return <Loading />;
  const { summary, documents } = base.data;
  const entity = summary.entity;
  let countryName = entity.country;
  try {
    countryName = new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : 'en'], { type: 'region' }).of(entity.country) ?? entity.country;
  } catch {
    // Not a region code Intl knows: the code itself.
  }

  return (
    <article className="city-dashboard">
      <header className="city-header">
        <h1>{entityName(entity, lang)}</h1>
        <p className="city-meta">
          <span className="badge">{t(`kind.${entity.kind}`)}</span>
          <span>{t('country', { country: countryName })}</span>
          {inventory && <span className="hint">{t('inventoryLine', { name: inventory.name, year: inventory.year, version: inventory.version, gwp: inventory.gwp })}</span>}
        </p>
      </header>
      <DocumentLinks entity={entity} documents={documents} editable={canEdit(entity)} />
      {!inventory && <p className="notice notice-ok" role="note" data-testid="no-inventory">{t('noInventory')}</p>}
      <KeyFigures summary={summary} detail={detail.data ?? null} />
      {inventory && (detail.error ? <ErrorNotice error={detail.error} onRetry={detail.reload} /> : !detail.data ? <Loading /> : (
        <>
          <Breakdown detail={detail.data} />
          <EnergySankey detail={detail.data} />
          <Intensity detail={detail.data} chinese={entity.country === 'CN'} />
        </>
      ))}
      <Trend documents={documents} />
      <DistrictParts documents={documents} />
      {detail.data && (
        <>
          <Quality detail={detail.data} />
          <Warnings result={detail.data.result} />
        </>
      )}
    </article>
  );
}
