/**
 * The explorer's shareable state in the query string, both ways. Pure (no DOM): unit-tested in
 * test/web/pathway-state.test.ts.
 *
 *   ?scenario=policy&v=drivers.gdp.growth.2026:0.03&v=grid.points.2030:0.48&charts=wedge,mc&basis=official&target=cap-2035
 *
 * `v` holds only the values the user changed, in the file's unit (what a scenario's `set` takes), one
 * per parameter; the other keys are left out when they are the defaults. Reading a link never throws:
 * what it cannot use (an unknown parameter, a value that is not a number, an unknown scenario or chart)
 * is left out and reported as a notice the page shows.
 */
import { tickOf, tidy, valueAt, type SliderSpec } from './sliders.ts';

export const CHARTS = ['wedge', 'target', 'mc', 'compare'] as const;
export type ChartId = (typeof CHARTS)[number];
export type BasisChoice = 'basic' | 'official';

/** The user's values by parameter path, in the file's unit: only those that differ from the scenario's. */
export type Settings = ReadonlyMap<string, number>;

export interface ExplorerState {
  readonly scenario: string;
  readonly settings: Settings;
  readonly charts: readonly ChartId[];
  readonly basis: BasisChoice;
  /** The target the target bar shows; null for the page's choice. */
  readonly target: string | null;
}

export type StateNotice =
  | { readonly code: 'unknown-parameter'; readonly path: string }
  | { readonly code: 'bad-value'; readonly path: string; readonly raw: string }
  | { readonly code: 'off-slider'; readonly path: string; readonly value: number; readonly used: number }
  | { readonly code: 'unknown-scenario'; readonly id: string }
  | { readonly code: 'unknown-chart'; readonly id: string }
  | { readonly code: 'unknown-basis'; readonly raw: string }
  | { readonly code: 'unknown-target'; readonly id: string };

export interface DecodeContext {
  readonly sliders: readonly SliderSpec[];
  readonly scenarios: readonly string[];
  readonly defaultScenario: string;
  readonly targets: readonly string[];
  readonly defaultBasis: BasisChoice;
}

const isChart = (id: string): id is ChartId => (CHARTS as readonly string[]).includes(id);

/** The query string of a state (without `?`); keys in a fixed order so the same state gives the same link. */
export function encodeState(state: ExplorerState, context: Pick<DecodeContext, 'sliders' | 'defaultScenario' | 'defaultBasis'>): string {
  const query = new URLSearchParams();
  if (state.scenario !== context.defaultScenario) query.set('scenario', state.scenario);
  for (const spec of context.sliders) {
    const value = state.settings.get(spec.path);
    if (value !== undefined && tidy(value) !== spec.fileValue) query.append('v', `${spec.path}:${tidy(value)}`);
  }
  const charts = CHARTS.filter((id) => state.charts.includes(id));
  if (charts.length !== CHARTS.length) query.set('charts', charts.join(','));
  if (state.basis !== context.defaultBasis) query.set('basis', state.basis);
  if (state.target !== null) query.set('target', state.target);
  return query.toString();
}

/**
 * A state from a query string. Sliders are those of the link's scenario (the caller computes them for it);
 * a value between two slider positions takes the nearest position, and says so.
 */
export function decodeState(query: URLSearchParams, context: DecodeContext): { state: ExplorerState; notices: StateNotice[] } {
  const notices: StateNotice[] = [];
  const byPath = new Map(context.sliders.map((spec) => [spec.path, spec]));

  const scenarioRaw = query.get('scenario');
  let scenario = context.defaultScenario;
  if (scenarioRaw !== null) {
    if (context.scenarios.includes(scenarioRaw)) scenario = scenarioRaw;
    else notices.push({ code: 'unknown-scenario', id: scenarioRaw });
  }

  const settings = new Map<string, number>();
  for (const pair of query.getAll('v')) {
    // The value follows the last colon: a path may hold anything an id holds.
    const colon = pair.lastIndexOf(':');
    const path = colon < 0 ? pair : pair.slice(0, colon);
    const raw = colon < 0 ? '' : pair.slice(colon + 1);
    const spec = byPath.get(path);
    if (!spec) {
      notices.push({ code: 'unknown-parameter', path });
      continue;
    }
    const value = raw.trim() === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(value)) {
      notices.push({ code: 'bad-value', path, raw });
      continue;
    }
    const used = valueAt(spec, tickOf(spec, value));
    if (used !== tidy(value)) notices.push({ code: 'off-slider', path, value, used });
    if (used !== spec.fileValue) settings.set(path, used);
  }

  let charts: ChartId[] = [...CHARTS];
  const chartsRaw = query.get('charts');
  if (chartsRaw !== null) {
    charts = [];
    for (const id of chartsRaw.split(',').filter(Boolean)) {
      if (isChart(id)) {
        if (!charts.includes(id)) charts.push(id);
      } else notices.push({ code: 'unknown-chart', id });
    }
  }

  let basis = context.defaultBasis;
  const basisRaw = query.get('basis');
  if (basisRaw !== null) {
    if (basisRaw === 'basic' || basisRaw === 'official') basis = basisRaw;
    else notices.push({ code: 'unknown-basis', raw: basisRaw });
  }

  let target: string | null = null;
  const targetRaw = query.get('target');
  if (targetRaw !== null) {
    if (context.targets.includes(targetRaw)) target = targetRaw;
    else notices.push({ code: 'unknown-target', id: targetRaw });
  }

  return { state: { scenario, settings, charts, basis, target }, notices };
}

/** The settings split by group: policies (actions) and assumptions (the rest). */
export function withoutGroup(settings: Settings, sliders: readonly SliderSpec[], group: SliderSpec['group']): Settings {
  const inGroup = new Set(sliders.filter((spec) => spec.group === group).map((spec) => spec.path));
  return new Map([...settings].filter(([path]) => !inGroup.has(path)));
}

export const sameSettings = (a: Settings, b: Settings): boolean => a.size === b.size && [...a].every(([path, value]) => b.get(path) === value);
