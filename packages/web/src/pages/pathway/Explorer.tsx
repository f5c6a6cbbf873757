import { findScenario, type Pathway } from '@peakpath/core';
import type { EChartsType } from 'echarts/core';
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../app/hooks.ts';
import { Link, paths, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { entityName } from '../../app/format.ts';
import type { Entity } from '../../app/types.ts';
import { ComparePanel } from './ComparePanel.tsx';
import { runExplorer, runFileScenarios } from './compute.ts';
import { record, redo, seal, startHistory, undo } from './history.ts';
import { MonteCarloPanel } from './MonteCarloPanel.tsx';
import { SaveScenario } from './SaveScenario.tsx';
import { basisView } from './series.ts';
import { SliderPanel, type SliderChange } from './SliderPanel.tsx';
import { sliderSpecs } from './sliders.ts';
import { CHARTS, decodeState, encodeState, withoutGroup, type BasisChoice, type ChartId, type StateNotice } from './state.ts';
import { TargetBar } from './TargetBar.tsx';
import { formatEmissions } from './units.ts';
import { keepTiming } from './timings.ts';
import { WedgeChart } from './WedgeChart.tsx';

declare global {
  interface Window {
    /** Milliseconds from a slider's input event to the wedge chart's redraw (the browser test reads them: BENCHMARKS.md). */
    __peakpathTimings?: number[];
    /** Milliseconds of the core's computation in each of those steps. */
    __peakpathEvalTimings?: number[];
    /** The same steps split: input event → React's commit, and commit → the chart's redraw. */
    __peakpathPhaseTimings?: { react: number; chart: number }[];
  }
}

export interface ExplorerData {
  readonly entity: Entity;
  readonly documentId: string;
  readonly documentName: string;
  readonly version: number;
  readonly body: Record<string, unknown>;
  readonly pathway: Pathway;
}


/** Keys the page answers itself (undo and redo), unless the user is typing in a text field, which has its own undo. */
const typing = (target: EventTarget | null): boolean => target instanceof HTMLElement && (target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'range') || target.isContentEditable);

export function Explorer({ data, onSaved }: { data: ExplorerData; onSaved: (scenario: string) => void }) {
  const { t } = useTranslation('pathway');
  const lang = useLang();
  const { location, navigate } = useRouter();
  const { canEdit, me } = useSession();
  const { pathway, body } = data;
  const ids = useId();
  const scenarioIds = useMemo(() => pathway.scenarios.map((scenario) => scenario.id), [pathway]);
  // A Chinese city's peak is judged on the official energy-activity CO2 (docs/pathways.md "Which basis when").
  const defaultBasis: BasisChoice = pathway.chinese ? 'official' : 'basic';
  const slidersFor = useCallback((scenarioId: string) => sliderSpecs(pathway, body, findScenario(pathway, scenarioId)), [pathway, body]);

  // The link's state, read once when the page opens.
  const [initial] = useState(() => {
    const asked = location.query.get('scenario');
    const scenarioId = asked !== null && scenarioIds.includes(asked) ? asked : pathway.defaultScenario;
    return decodeState(location.query, { sliders: slidersFor(scenarioId), scenarios: scenarioIds, defaultScenario: pathway.defaultScenario, targets: pathway.targets.map((target) => target.id), defaultBasis });
  });
  const [scenario, setScenario] = useState(initial.state.scenario);
  const [history, setHistory] = useState(() => startHistory(initial.state.settings));
  const [charts, setCharts] = useState<readonly ChartId[]>(initial.state.charts);
  const [basis, setBasis] = useState<BasisChoice>(initial.state.basis);
  const [target, setTarget] = useState<string | null>(initial.state.target);
  const settings = history.present;
  const sliders = useMemo(() => slidersFor(scenario), [slidersFor, scenario]);

  // The slider → redrawn chart time: from the input event to the wedge chart's `finished`.
  const inputAt = useRef<number | null>(null);
  const computed = useMemo(() => {
    const begun = performance.now();
    const answer = runExplorer(pathway, scenario, settings, sliders);
    // The engine's share of a slider step (the core's runScenario: each action's impact is one more evaluation).
    window.__peakpathEvalTimings = keepTiming(window.__peakpathEvalTimings, performance.now() - begun);
    return answer;
  }, [pathway, scenario, settings, sliders]);
  // The wedge chart and the peak follow the slider at once; the target bar, the comparison and the Monte
  // Carlo panel follow a moment later, in a render React may interrupt, so they never slow a drag down.
  const deferred = useDeferredValue(computed);
  const fileResults = useMemo(() => runFileScenarios(pathway), [pathway]);
  const fileResult = fileResults.find((result) => result.scenario.id === scenario);
  // When React has committed the step (the wedge chart's layout effect): splits the time into React's part and ECharts'.
  const committedAt = useRef<number | null>(null);
  const onCommitted = useCallback(() => {
    if (inputAt.current !== null) committedAt.current = performance.now();
  }, []);
  const onRendered = useCallback((_chart: EChartsType) => {
    if (inputAt.current === null) return;
    const now = performance.now();
    window.__peakpathTimings = keepTiming(window.__peakpathTimings, now - inputAt.current);
    if (committedAt.current !== null) window.__peakpathPhaseTimings = keepTiming(window.__peakpathPhaseTimings, { react: committedAt.current - inputAt.current, chart: now - committedAt.current });
    inputAt.current = null;
    committedAt.current = null;
  }, []);

  const change = useCallback<SliderChange>((spec, value, at) => {
    inputAt.current = at;
    setHistory((current) => {
      const next = new Map(current.present);
      if (value === spec.fileValue) next.delete(spec.path);
      else next.set(spec.path, value);
      return record(current, next, spec.path);
    });
  }, []);
  const sealChange = useCallback(() => setHistory(seal), []);

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) over the sliders.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || typing(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) setHistory(undo);
      else if ((key === 'z' && event.shiftKey) || key === 'y') setHistory(redo);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The state in the link, replaced (not pushed) a moment after the user stops moving.
  const query = encodeState({ scenario, settings, charts, basis, target }, { sliders, defaultScenario: pathway.defaultScenario, defaultBasis });
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const keep = new URLSearchParams(window.location.search).get('lang');
      const full = new URLSearchParams(query);
      if (keep) full.set('lang', keep);
      const text = full.toString();
      navigate(`${window.location.pathname}${text ? `?${text}` : ''}`, { replace: true });
    }, 250);
    return () => window.clearTimeout(timer);
  }, [query, navigate]);

  const chooseScenario = (id: string) => {
    const next = slidersFor(id);
    const known = new Set(next.map((spec) => spec.path));
    setScenario(id);
    // Assumptions carry over; an action the new scenario does not take has no slider.
    setHistory((current) => record(current, new Map([...current.present].filter(([path]) => known.has(path))), null));
  };
  const toggleChart = (id: ChartId) => setCharts((current) => (current.includes(id) ? current.filter((chart) => chart !== id) : CHARTS.filter((chart) => chart === id || current.includes(chart))));

  const view = basisView(computed.result, basis);
  const fileView = fileResult ? basisView(fileResult, basis) : null;
  const scenarioName = computed.result.scenario.name[lang];
  const changedCount = sliders.filter((spec) => settings.has(spec.path)).length;
  const [linkCopied, setLinkCopied] = useState(false);
  const settingsKey = useMemo(() => `${scenario}|${[...settings].map(([path, value]) => `${path}:${value}`).join(',')}`, [scenario, settings]);
  const deferredSettingsKey = useDeferredValue(settingsKey);
  const editable = canEdit(data.entity);

  return (
    <section className="pw">
      <p><Link to={paths.city(data.entity.id)}>{t('back', { city: entityName(data.entity, lang) })}</Link></p>
      <h1>{t('heading', { name: pathway.name[lang] })}</h1>
      <p className="hint">{t('intro')}</p>
      {initial.notices.length > 0 && <LinkNotices notices={initial.notices} />}

      <div className="pw-toolbar">
        <div>
          <label htmlFor={`${ids}-scenario`} className="pw-inline-label">{t('controls.scenario')}</label>{' '}
          <select id={`${ids}-scenario`} value={scenario} onChange={(event) => chooseScenario(event.target.value)} data-testid="scenario">
            {pathway.scenarios.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.name[lang]}</option>)}
          </select>
        </div>
        <fieldset className="pw-choices">
          <legend>{t('controls.basis')}</legend>
          {(['official', 'basic'] as const).map((choice) => (
            <label key={choice}><input type="radio" name={`${ids}-basis`} value={choice} checked={basis === choice} onChange={() => setBasis(choice)} data-testid={`basis-${choice}`} /> {t(`controls.${choice}`)}</label>
          ))}
        </fieldset>
        <fieldset className="pw-choices">
          <legend>{t('controls.charts')}</legend>
          {CHARTS.map((id) => (
            <label key={id}><input type="checkbox" checked={charts.includes(id)} onChange={() => toggleChart(id)} data-testid={`show-${id}`} /> {t(`chartNames.${id}`)}</label>
          ))}
        </fieldset>
      </div>

      <div className="pw-layout">
        <aside className="pw-controls" aria-labelledby={`${ids}-settings`}>
          <h2 id={`${ids}-settings`}>{t('sliders.heading')}</h2>
          <div className="pw-history">
            <button type="button" onClick={() => setHistory(undo)} disabled={history.past.length === 0} data-testid="undo">{t('history.undo')}</button>
            <button type="button" onClick={() => setHistory(redo)} disabled={history.future.length === 0} data-testid="redo">{t('history.redo')}</button>
            <button type="button" onClick={() => setHistory((current) => record(current, withoutGroup(current.present, sliders, 'policy'), null))} data-testid="reset-policies">{t('history.resetPolicies')}</button>
            <button type="button" onClick={() => setHistory((current) => record(current, withoutGroup(current.present, sliders, 'assumption'), null))} data-testid="reset-assumptions">{t('history.resetAssumptions')}</button>
          </div>
          <p className="hint">{t('history.keys')}</p>
          <p className="hint" role="status" data-testid="changed-count">{changedCount === 0 ? t('history.unchanged') : t('history.changed', { count: changedCount })}</p>
          <p>
            <button
              type="button"
              onClick={() => void navigator.clipboard.writeText(window.location.href).then(() => setLinkCopied(true), () => setLinkCopied(false))}
            >
              {t('share.copyLink')}
            </button>{' '}
            {linkCopied && <span role="status" className="hint">{t('share.linkCopied')}</span>}
          </p>
          <SliderPanel pathway={pathway} sliders={sliders} settings={settings} onChange={change} onSeal={sealChange} />
        </aside>

        <div className="pw-main">
          <div className="cards" aria-live="polite">
            <div className="card">
              <div className="label">{t('peak.year')} · {t(`controls.${basis}`)}</div>
              <div className="value num" data-testid="peak-year">{view.peak.year ?? t('peak.none', { year: computed.result.endYear })}</div>
              {fileView && <div className="hint" data-testid="file-peak">{t('peak.fileScenario', { name: scenarioName, year: fileView.peak.year ?? t('peak.none', { year: computed.result.endYear }) })}</div>}
            </div>
            <div className="card">
              <div className="label">{t('peak.value')}</div>
              <div className="value num" data-testid="peak-value">{view.peak.value === null ? t('peak.none', { year: computed.result.endYear }) : formatEmissions(view.peak.value, view.unit, lang)}</div>
            </div>
          </div>
          {charts.includes('wedge') && <WedgeChart key={`${scenario}|${basis}|${lang}`} result={computed.result} basis={basis} scenarioName={scenarioName} onCommitted={onCommitted} onRendered={onRendered} />}
          {charts.includes('target') && <TargetBar result={deferred.result} chosen={target} onChoose={setTarget} />}
          {charts.includes('mc') && <MonteCarloPanel pathway={deferred.pathway} settingsKey={deferredSettingsKey} />}
          {charts.includes('compare') && (
            <ComparePanel scenarios={fileResults} yours={deferred.result} yoursName={t('compare.yours', { base: scenarioName })} basis={basis} />
          )}
          {/* Saving is not a chart: it stays whatever the charts shown. */}
          {editable ? (
            <SaveScenario documentId={data.documentId} body={body} version={data.version} base={scenario} settings={settings} sliders={sliders} existing={scenarioIds} onSaved={(id) => onSaved(id)} />
          ) : me !== undefined && <p className="hint" data-testid="save-read-only">{t('save.readOnly')}</p>}
        </div>
      </div>
    </section>
  );
}

function LinkNotices({ notices }: { notices: readonly StateNotice[] }) {
  const { t } = useTranslation('pathway');
  const text = (notice: StateNotice): string => {
    switch (notice.code) {
      case 'unknown-parameter':
        return t('notices.unknownParameter', { path: notice.path });
      case 'bad-value':
        return t('notices.badValue', { path: notice.path, raw: notice.raw });
      case 'off-slider':
        return t('notices.offSlider', { path: notice.path, value: notice.value, used: notice.used });
      case 'unknown-scenario':
        return t('notices.unknownScenario', { id: notice.id });
      case 'unknown-chart':
        return t('notices.unknownChart', { id: notice.id });
      case 'unknown-basis':
        return t('notices.unknownBasis', { raw: notice.raw });
      case 'unknown-target':
        return t('notices.unknownTarget', { id: notice.id });
      default: {
        const unhandled: never = notice;
        return String(unhandled);
      }
    }
  };
  return (
    <div className="notice pw-warn" role="status" data-testid="link-notices">
      <p className="notice-title">{t('notices.title')}</p>
      <ul>{notices.map((notice, index) => <li key={index}>{text(notice)}</li>)}</ul>
    </div>
  );
}
