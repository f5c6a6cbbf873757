import type { ActionProgress, IndicatorProgress, Observation, TrackedText, TrackingArea } from '@peakpath/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import type { Lang } from '../../app/i18n.ts';
import type { TrackingData } from './index.tsx';

type Props = { readonly data: TrackingData };

/** A value as the indicator's unit reads it: whole numbers whole (3 个), enough digits for small values, separators for large ones. */
function value(number: number, lang: Lang): string {
  const magnitude = Math.abs(number);
  const digits = Number.isInteger(number) || magnitude >= 1000 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return formatNumber(number, lang, digits);
}

function Observed({ observation, unit }: { observation: Observation | null; unit: string }) {
  const { t } = useTranslation('tracking');
  const lang = useLang();
  if (!observation) return <span className="missing">{t('status.no-data')}</span>;
  return <span title={observation.source}>{t('indicators.yearValue', { value: `${value(observation.value, lang)} ${unit}`, year: observation.year })}</span>;
}

export function StatusChip({ status }: { status: IndicatorProgress['status'] }) {
  const { t } = useTranslation('tracking');
  return <span className={`status-chip status-${status}`} data-status={status}>{t(`status.${status}`)}</span>;
}

function Progress({ progress, core }: { progress: IndicatorProgress; core: TrackingData['core'] }) {
  const { t } = useTranslation('tracking');
  const lang = useLang();
  if (progress.progress === null) return <span className="missing">{t('status.no-data')}</span>;
  const width = Math.max(0, Math.min(1, progress.progress));
  const expected = progress.expected === null ? null : Math.max(0, Math.min(1, progress.expected));
  return (
    <span className="progress">
      <span className="progress-bar" aria-hidden="true">
        <span className={`progress-fill status-${progress.status}`} style={{ width: `${width * 100}%` }} />
        {expected !== null && <span className="progress-expected" style={{ left: `${expected * 100}%` }} />}
      </span>
      <span data-testid="progress-text">{core.progressText(progress.progress, lang)}</span>
    </span>
  );
}

/** A section of one table: its heading, "none yet" when empty, the caption and the column headers, from the `name.*` texts. */
function TableSection({ name, empty, columns, children }: { name: 'targets' | 'actions' | 'hazards'; empty: boolean; columns: readonly string[]; children: ReactNode }) {
  const { t } = useTranslation('tracking');
  return (
    <section aria-labelledby={`tracking-${name}`}>
      <h2 id={`tracking-${name}`}>{t(`${name}.heading`)}</h2>
      {empty ? <p className="missing">{t(`${name}.none`)}</p> : (
        <div className="table-scroll">
          <table data-testid={`${name}-table`}>
            <caption>{t(`${name}.caption`)}</caption>
            <thead>
              <tr>{columns.map((key) => <th key={key} scope="col">{t(`${name}.${key}`)}</th>)}</tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function Summary({ data }: Props) {
  const { t } = useTranslation('tracking');
  const { summary } = data.result;
  const rows: readonly [string, Readonly<Record<string, number>>, string][] = [
    ['indicators', summary.indicators, 'status'],
    ['actions', summary.actions, 'action'],
    ['freshness', summary.freshness, 'freshness'],
  ];
  return (
    <section aria-labelledby="tracking-summary">
      <h2 id="tracking-summary">{t('summary.heading')}</h2>
      <dl className="tracking-summary">
        {rows.map(([key, counts, names]) => (
          <div key={key}>
            <dt>{t(`summary.${key}`)}</dt>
            <dd>
              {Object.entries(counts)
                .filter(([, count]) => count > 0)
                .map(([status, count]) => (
                  <span key={status} className={`status-chip status-${status}`} data-testid={`count-${key}-${status}`}>
                    {t(`${names}.${status}`)} {count}
                  </span>
                ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function Targets({ data }: Props) {
  const { t } = useTranslation('tracking');
  const lang = useLang();
  const text = (value: TrackedText) => data.core.trackedText(value, lang);
  const byId = new Map(data.result.targets.map((progress) => [progress.target, progress]));
  const indicators = new Map(data.tracking.indicators.map((indicator) => [indicator.id, indicator]));
  return (
    <TableSection name="targets" empty={data.tracking.targets.length === 0} columns={['target', 'cdp', 'base', 'goal', 'latest', 'progress', 'status']}>
      {data.tracking.targets.map((target) => {
        const progress = byId.get(target.id);
        const unit = indicators.get(target.indicator)?.unit ?? target.unit;
        const base = indicators.get(target.indicator)?.base ?? null;
        return (
          <tr key={target.id} data-target={target.id}>
            <th scope="row">{text(target.name)}</th>
            <td>{t(`cdp.${target.cdpType}`)}</td>
            <td><Observed observation={base} unit={unit} /></td>
            <td><Observed observation={progress?.goal ?? null} unit={unit} /></td>
            <td><Observed observation={progress?.latest ?? null} unit={unit} /></td>
            <td>{progress ? <Progress progress={{ ...progress, area: 'top-level-design' }} core={data.core} /> : null}</td>
            <td>{progress ? <StatusChip status={progress.status} /> : null}</td>
          </tr>
        );
      })}
    </TableSection>
  );
}

export function Indicators({ data }: Props) {
  const { t } = useTranslation('tracking');
  const lang = useLang();
  const text = (value: TrackedText) => data.core.trackedText(value, lang);
  const progress = new Map(data.result.indicators.map((entry) => [entry.indicator, entry]));
  const pace = (entry: IndicatorProgress, unit: string) => {
    if (entry.neededPerYear === null) return <span className="missing">—</span>;
    return (
      <>
        {value(entry.neededPerYear, lang)} {unit}
        {entry.achievedPerYear !== null && <span className="hint block">{t('indicators.soFar', { value: `${value(entry.achievedPerYear, lang)} ${unit}` })}</span>}
      </>
    );
  };
  return (
    <section aria-labelledby="tracking-indicators">
      <h2 id="tracking-indicators">{t('indicators.heading')}</h2>
      {data.core.TRACKING_AREAS.map((area: TrackingArea) => {
        const indicators = data.tracking.indicators.filter((indicator) => indicator.area === area);
        return (
          <section key={area} className="tracking-area" aria-labelledby={`area-${area}`} data-area={area}>
            <h3 id={`area-${area}`}>{t(`areas.${area}`)}</h3>
            {indicators.length === 0 ? <p className="missing">{t('indicators.none')}</p> : (
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">{t('indicators.caption', { area: t(`areas.${area}`) })}</caption>
                  <thead>
                    <tr>{(['indicator', 'base', 'latest', 'goal', 'progress', 'pace', 'status', 'next'] as const).map((key) => <th key={key} scope="col">{t(`indicators.${key}`)}</th>)}</tr>
                  </thead>
                  <tbody>
                    {indicators.map((indicator) => {
                      const entry = progress.get(indicator.id);
                      if (!entry) return null;
                      return (
                        <tr key={indicator.id} data-indicator={indicator.id}>
                          <th scope="row">
                            {text(indicator.name)}
                            {indicator.official && <span className="badge">{t('indicators.official')}</span>}
                          </th>
                          <td><Observed observation={indicator.base} unit={indicator.unit} /></td>
                          <td><Observed observation={entry.latest} unit={indicator.unit} /></td>
                          <td><Observed observation={entry.goal} unit={indicator.unit} /></td>
                          <td><Progress progress={entry} core={data.core} /></td>
                          <td>{pace(entry, indicator.unit)}</td>
                          <td><StatusChip status={entry.status} /></td>
                          <td>
                            {indicator.nextUpdate ?? '—'}
                            {entry.overdue && <span className="status-chip status-off-track">{t('indicators.overdue')}</span>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </section>
  );
}

export function Actions({ data }: Props) {
  const { t } = useTranslation('tracking');
  const lang = useLang();
  const text = (value: TrackedText) => data.core.trackedText(value, lang);
  const progress = new Map<string, ActionProgress>(data.result.actions.map((entry) => [entry.action, entry]));
  return (
    <TableSection name="actions" empty={data.tracking.actions.length === 0} columns={['action', 'lead', 'phase', 'status', 'tasks', 'update', 'budget']}>
      {data.tracking.actions.map((action) => {
        const entry = progress.get(action.id);
        if (!entry) return null;
        return (
          <tr key={action.id} data-action={action.id}>
            <th scope="row">
              {text(action.name)}
              {action.kind === 'adaptation' && <span className="badge">{t('actions.adaptation')}</span>}
              <span className="hint block">{t(`areas.${action.area}`)}{action.measure ? ` · ${action.measure}` : ''}</span>
            </th>
            <td>{action.lead}{action.collaborators.length > 0 && <span className="hint block">{action.collaborators.join(lang === 'zh' ? '、' : ', ')}</span>}</td>
            <td>{t(`phase.${action.phase}`)}</td>
            <td>
              <span className={`status-chip action-${entry.status}`} data-status={entry.status}>{t(`action.${entry.status}`)}</span>
              <span className="hint block">{entry.statusFrom === 'stated' && action.status ? t('actions.stated', { reason: text(action.status.reason) }) : t('actions.derived')}</span>
            </td>
            <td>
              {entry.tasks.done} / {entry.tasks.total}
              {entry.tasks.overdue > 0 && <span className="hint block">{t('actions.overdueTasks', { count: entry.tasks.overdue })}</span>}
            </td>
            <td>
              {entry.lastUpdate ?? '—'}
              <span className={`status-chip fresh-${entry.freshness}`} data-freshness={entry.freshness}>{t(`freshness.${entry.freshness}`)}</span>
            </td>
            <td>
              {action.budget ? `${value(action.budget.spent, lang)} / ${value(action.budget.planned, lang)}` : '—'}
              {entry.budgetShare !== null && <span className="hint block">{formatPercent(entry.budgetShare, lang, 0)}</span>}
            </td>
          </tr>
        );
      })}
    </TableSection>
  );
}

export function Hazards({ data }: Props) {
  const { t } = useTranslation('tracking');
  const lang = useLang();
  const text = (value: TrackedText) => data.core.trackedText(value, lang);
  const hazards = new Map(data.tracking.hazards.map((hazard) => [hazard.id, hazard]));
  const actions = new Map(data.tracking.actions.map((action) => [action.id, action]));
  return (
    <TableSection name="hazards" empty={data.result.hazards.length === 0} columns={['hazard', 'score', 'probability', 'magnitude', 'change', 'timescale', 'exposed', 'capacity', 'actions']}>
      {data.result.hazards.map((risk) => {
        const hazard = hazards.get(risk.hazard);
        if (!hazard) return null;
        return (
          <tr key={risk.hazard} data-hazard={risk.hazard}>
            <th scope="row">{text(hazard.name)}</th>
            <td><span className={`status-chip risk-${risk.rating}`}>{risk.score} · {t(`level.${risk.rating}`)}</span></td>
            <td>{t(`level.${hazard.probability}`)}</td>
            <td>{t(`level.${hazard.magnitude}`)}</td>
            <td>{t(`change.${hazard.frequencyChange}`)} / {t(`change.${hazard.intensityChange}`)}</td>
            <td>{t(`timescale.${hazard.timescale}`)}</td>
            <td>
              {hazard.sectors.join(lang === 'zh' ? '、' : ', ')}
              {hazard.population !== undefined && <span className="hint block">{t('hazards.people', { people: formatNumber(hazard.population, lang) })}</span>}
              {hazard.vulnerableGroups.length > 0 && <span className="hint block">{hazard.vulnerableGroups.join(lang === 'zh' ? '、' : ', ')}</span>}
            </td>
            <td>{t(`level.${hazard.adaptiveCapacity}`)}</td>
            <td>{risk.actions.map((id) => { const action = actions.get(id); return action ? text(action.name) : id; }).join(lang === 'zh' ? '；' : '; ') || '—'}</td>
          </tr>
        );
      })}
    </TableSection>
  );
}

export function Cooperation({ data }: Props) {
  const { t } = useTranslation('tracking');
  const lang = useLang();
  const items = [...data.tracking.cooperation].sort((a, b) => b.year - a.year);
  return (
    <section aria-labelledby="tracking-cooperation">
      <h2 id="tracking-cooperation">{t('cooperation.heading')}</h2>
      {items.length === 0 ? <p className="missing">{t('cooperation.none')}</p> : (
        <ul className="cooperation-list">
          {items.map((item, index) => (
            <li key={index}><strong>{item.year}</strong> {data.core.trackedText(item.text, lang)}{item.partners.length > 0 && <span className="hint"> — {item.partners.join(lang === 'zh' ? '、' : ', ')}</span>}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Practices({ data }: Props) {
  const { t } = useTranslation('tracking');
  const lang = useLang();
  const [query, setQuery] = useState('');
  const [area, setArea] = useState<TrackingArea | ''>('');
  const cases = data.tracking.practices;
  const found = useMemo(() => data.core.searchPractices(cases, { text: query.trim() === '' ? undefined : query, area: area === '' ? undefined : area }), [data.core, cases, query, area]);
  const text = (value: TrackedText) => data.core.trackedText(value, lang);
  const list = (items: readonly string[]) => items.join(lang === 'zh' ? '、' : ', ');
  return (
    <section aria-labelledby="tracking-practices">
      <h2 id="tracking-practices">{t('practices.heading')}</h2>
      <div className="practice-filters">
        <label>{t('practices.search')} <input type="search" value={query} onChange={(event) => setQuery(event.currentTarget.value)} data-testid="practice-search" /></label>
        <label>
          {t('practices.area')}{' '}
          <select value={area} onChange={(event) => setArea(event.currentTarget.value as TrackingArea | '')}>
            <option value="">{t('practices.anyArea')}</option>
            {data.core.TRACKING_AREAS.map((id: TrackingArea) => <option key={id} value={id}>{t(`areas.${id}`)}</option>)}
          </select>
        </label>
        <span className="hint" role="status">{t('practices.count', { count: found.length, total: cases.length })}</span>
      </div>
      {found.length === 0 ? <p className="missing">{t('practices.none')}</p> : (
        <ul className="practice-list">
          {found.map((practice) => (
            <li key={practice.id} data-practice={practice.id}>
              <h3>{text(practice.title)} <span className="hint">{text(practice.city)}{practice.year ? ` · ${practice.year}` : ''} · {t(`areas.${practice.area}`)}</span></h3>
              <p>{text(practice.summary)}</p>
              {practice.results.length > 0 && (
                <ul>{practice.results.map((result, index) => <li key={index}>{text(result.name)}: {value(result.value, lang)} {result.unit}{result.year ? ` (${result.year})` : ''}</li>)}</ul>
              )}
              {practice.measures.length > 0 && <p className="hint">{t('practices.measures', { list: list(practice.measures) })}</p>}
              {practice.sources.length > 0 && <p className="hint">{t('practices.sources', { list: list(practice.sources) })}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
