import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue, CatalogueMeasure, CostFigure, Figure } from '@peakpath/core';
import { loadCore, loadEngine } from '../../app/engine.ts';
import { ErrorNotice, Loading } from '../../app/ErrorNotice.tsx';
import { formatNumber, formatPercent } from '../../app/format.ts';
import { useLang, useLoad } from '../../app/hooks.ts';
import type { LoadedPlan } from './index.tsx';
import { filterCatalogue, NO_FILTER, type CatalogueFilter } from './model.ts';

type Marker = Figure['marker'];

/** Which catalogue entries the plan's measures take (catalogue id → the plan's measure ids). */
function usedBy(body: Record<string, unknown>): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const measures = body['measures'];
  if (typeof measures !== 'object' || measures === null) return used;
  for (const [id, measure] of Object.entries(measures as Record<string, { catalogue?: unknown }>)) {
    if (typeof measure?.catalogue === 'string') used.set(measure.catalogue, [...(used.get(measure.catalogue) ?? []), id]);
  }
  return used;
}

/**
 * The action catalogue the engine ships (the same data the CLI's `peakpath catalogue` prints), filtered
 * by category, lever type, building theme and text; every figure with its source and verification marker.
 */
export function CatalogueView({ plan }: { plan: LoadedPlan }) {
  const { t } = useTranslation('plan');
  // The catalogue comes with the core, loaded on demand: the page's first paint does not wait for it.
  // The filters' choices too: importing them would pull the whole core into the page's first chunk.
  const loaded = useLoad(async () => {
    const [core, engine] = await Promise.all([loadCore(), loadEngine()]);
    return { catalogue: engine.catalogue, categories: core.CATEGORIES, levers: core.LEVER_TYPES, themes: core.BUILDING_THEMES };
  }, []);
  const catalogue = { ...loaded, data: loaded.data?.catalogue };
  const [filter, setFilter] = useState<CatalogueFilter>(NO_FILTER);
  const used = useMemo(() => usedBy(plan.version.body), [plan.version.body]);
  const usedIds = useMemo(() => new Set(used.keys()), [used]);
  const shown = useMemo(() => (catalogue.data ? filterCatalogue(catalogue.data.measures, filter, usedIds) : []), [catalogue.data, filter, usedIds]);
  if (catalogue.error) return <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} />;
  if (!catalogue.data) return <Loading />;
  const set = (change: Partial<CatalogueFilter>) => setFilter({ ...filter, ...change });

  return (
    <section className="catalogue" aria-labelledby="catalogue-heading">
      <h2 id="catalogue-heading">{t('catalogue.heading')}</h2>
      <p className="hint">{t('catalogue.intro')}</p>
      <form className="filters" aria-label={t('catalogue.filters')} onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('catalogue.category')}
          <select name="category" value={filter.category} onChange={(event) => set({ category: event.target.value })}>
            <option value="">{t('catalogue.any')}</option>
            {loaded.data?.categories.map((id) => <option key={id} value={id}>{t(`categories.${id}`)}</option>)}
          </select>
        </label>
        <label>
          {t('catalogue.lever')}
          <select name="lever" value={filter.lever} onChange={(event) => set({ lever: event.target.value })}>
            <option value="">{t('catalogue.any')}</option>
            {loaded.data?.levers.map((id) => <option key={id} value={id}>{t(`leverTypes.${id}`)}</option>)}
          </select>
        </label>
        <label>
          {t('catalogue.theme')}
          <select name="theme" value={filter.theme} onChange={(event) => set({ theme: event.target.value })}>
            <option value="">{t('catalogue.any')}</option>
            {loaded.data?.themes.map((id) => <option key={id} value={id}>{t(`themes.${id}`)}</option>)}
          </select>
        </label>
        <label>
          {t('catalogue.search')}
          <input type="search" name="search" value={filter.text} onChange={(event) => set({ text: event.target.value })} />
        </label>
        <label className="check">
          <input type="checkbox" name="used" checked={filter.usedOnly} onChange={(event) => set({ usedOnly: event.target.checked })} />
          <span>{t('catalogue.usedOnly')}</span>
        </label>
      </form>
      <p role="status" data-testid="catalogue-count" data-shown={shown.length} data-total={catalogue.data.measures.length}>
        {t('catalogue.count', { shown: shown.length, total: catalogue.data.measures.length })}
      </p>
      <ul className="marker-key hint">
        {(['V', 'S', 'M'] as const).map((marker) => <li key={marker}><MarkerBadge marker={marker} /> {t(`catalogue.markers.${marker}`)}</li>)}
      </ul>
      {shown.length === 0 ? (
        <p>{t('catalogue.none')}</p>
      ) : (
        <table className="catalogue-table" data-testid="catalogue-table">
          <thead>
            <tr>
              <th scope="col">{t('catalogue.measure')}</th>
              <th scope="col">{t('catalogue.category')}</th>
              <th scope="col">{t('catalogue.capex')}</th>
              <th scope="col">{t('catalogue.opex')}</th>
              <th scope="col">{t('catalogue.lifetime')}</th>
              <th scope="col">{t('catalogue.levers')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((measure) => <MeasureRow key={measure.id} measure={measure} catalogue={catalogue.data!} usedAs={used.get(measure.id)} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

function MarkerBadge({ marker }: { marker: Marker }) {
  const { t } = useTranslation('plan');
  const tone = marker === 'V' ? 'badge-ok' : marker === 'S' ? 'badge-warn' : 'badge-bad';
  return <span className={`badge ${tone}`}>{`${marker} ${t(`catalogue.markerShort.${marker}`)}`}</span>;
}

function MeasureRow({ measure, catalogue, usedAs }: { measure: CatalogueMeasure; catalogue: Catalogue; usedAs: string[] | undefined }) {
  const { t } = useTranslation('plan');
  const lang = useLang();
  // Every source the entry's figures cite, once, with its title.
  const sourceIds = new Set<string>();
  for (const figure of [measure.capex, measure.opex, measure.savings, measure.lifetime, ...measure.levers.flatMap((lever) => [lever.reduction, lever.share, lever.ratio, lever.perUnit])]) if (figure) sourceIds.add(figure.source);
  return (
    <tr data-measure={measure.id} data-used={usedAs ? 'yes' : 'no'}>
      <th scope="row">
        {measure.name[lang]} <code>{measure.id}</code>
        {/* The catalogue's unit notes are in English only: Chinese readers get the unit symbol. */}
        <div className="hint">{t('catalogue.unit')}: {lang === 'en' && measure.unitNote ? measure.unitNote : measure.unit}</div>
        {usedAs && <div><span className="badge badge-ok">{t('catalogue.used')}</span> <span className="hint">{t('catalogue.usedAs', { ids: usedAs.join(', ') })}</span></div>}
        <details>
          <summary>{t('catalogue.sources')}</summary>
          <ul>{[...sourceIds].map((id) => <li key={id}><code>{id}</code>: {catalogue.sources.get(id)?.title ?? id}</li>)}</ul>
        </details>
      </th>
      <td>{t(`categories.${measure.category}`)}{measure.theme && <div className="hint">{t(`themes.${measure.theme}`)}</div>}</td>
      <td><Cost figure={measure.capex} /></td>
      <td><Cost figure={measure.opex} /></td>
      <td>{measure.lifetime ? <><span className="num">{t('catalogue.years', { value: formatNumber(measure.lifetime.value, lang) })}</span> <MarkerBadge marker={measure.lifetime.marker} /><div className="hint"><code>{measure.lifetime.source}</code></div></> : <span className="missing">{t('catalogue.gap')}</span>}</td>
      <td>
        <ul className="levers">
          {measure.levers.map((lever, index) => {
            const figure = lever.reduction ?? lever.share ?? lever.perUnit ?? lever.ratio;
            return (
              <li key={index}>
                {t(`leverTypes.${lever.type}`)}
                {figure && <> <span className="num">{figure.unit === 'fraction' ? formatPercent(figure.value, lang) : `${formatNumber(figure.value, lang, figure.value < 10 ? 3 : 0)} ${figure.unit}`}</span> <MarkerBadge marker={figure.marker} /></>}
              </li>
            );
          })}
        </ul>
      </td>
    </tr>
  );
}

/** A unit cost as the source gives it — currency, price year, per what — with its marker and source; "no sourced figure" when absent. */
function Cost({ figure }: { figure: CostFigure | undefined }) {
  const { t } = useTranslation('plan');
  const lang = useLang();
  if (!figure) return <span className="missing">{t('catalogue.gap')}</span>;
  const value = figure.value - (figure.conventional ?? 0);
  return (
    <>
      <span className="num">{`${formatNumber(value, lang, value < 10 ? 2 : 0)} ${t(`catalogue.currency.${figure.currency}`)}/${figure.per}`}</span> <MarkerBadge marker={figure.marker} />
      <div className="hint">{t('catalogue.priceOf', { currency: t(`catalogue.currency.${figure.currency}`), year: figure.priceYear })} · <code>{figure.source}</code></div>
    </>
  );
}
