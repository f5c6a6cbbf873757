/**
 * The pathway explorer's pure logic: which numbers become sliders, the shareable link both ways
 * (round trip; what a link cannot use is left out with a notice, never a crash), undo/redo, and the
 * saved scenario's `set`, on the demo city's pathway compiled by the core.
 */
import { fileURLToPath } from 'node:url';
import { findScenario, type Pathway } from '@peakpath/core';
import { createNodeEngine, readDocument } from '@peakpath/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { explorerPathway, runExplorer, EXPLORER_SCENARIO } from '../../packages/web/src/pages/pathway/compute.ts';
import { record, redo, seal, startHistory, undo } from '../../packages/web/src/pages/pathway/history.ts';
import { withScenario } from '../../packages/web/src/pages/pathway/save.ts';
import { rangeOf, sliderSpecs, tickOf, valueAt, type SliderSpec } from '../../packages/web/src/pages/pathway/sliders.ts';
import { decodeState, encodeState, withoutGroup, type ExplorerState } from '../../packages/web/src/pages/pathway/state.ts';

const DEMO = fileURLToPath(new URL('../../examples/demo-city/', import.meta.url));
let pathway: Pathway;
let body: Record<string, unknown>;
let sliders: SliderSpec[];

beforeAll(async () => {
  const engine = await createNodeEngine();
  body = (await readDocument(`${DEMO}pathway.yaml`)) as Record<string, unknown>;
  const compiled = engine.compilePathway({ pathway: body, inventory: await readDocument(`${DEMO}inventory.yaml`) });
  if (!compiled.ok) throw new Error('the demo pathway does not compile');
  pathway = compiled.value;
  sliders = sliderSpecs(pathway, body, findScenario(pathway, 'policy'));
});

const spec = (path: string): SliderSpec => {
  const found = sliders.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no slider ${path}`);
  return found;
};
const context = () => ({ sliders, scenarios: ['bau', 'policy', 'ambitious'], defaultScenario: 'policy', targets: pathway.targets.map((target) => target.id), defaultBasis: 'official' as const });

describe('sliders of the demo pathway', () => {
  it('offers growth rates, points, intensity trends, the grid and the adoption of the scenario’s actions, never a base-year value', () => {
    const paths = sliders.map((candidate) => candidate.path);
    expect(paths).toContain('drivers.gdp.growth.2026');
    expect(paths).toContain('drivers.cars.points.2030');
    expect(paths).toContain('sectors.industry.intensity.growth.2031');
    expect(paths).toContain('sectors.industry.shares.electricity.points.2030');
    expect(paths).toContain('grid.points.2030');
    expect(paths).toContain('actions.ev-cars.adoption.level');
    expect(paths).toContain('actions.public-retrofit.adoption.rate');
    expect(paths).not.toContain('actions.coal-to-electric.adoption.level'); // not in the policy scenario
    expect(paths).not.toContain('drivers.industryVA.share.points.2022'); // the base year
    expect(paths.some((path) => path.endsWith('.base'))).toBe(false);
    expect(paths.some((path) => path.startsWith('targets.'))).toBe(false);
  });

  it('puts the file’s value on a slider position, in the file’s unit, within the parameter’s bounds', () => {
    const grid = spec('grid.points.2030');
    expect(grid.fileValue).toBe(0.5);
    expect(grid.unit).toBe('t/MWh');
    expect(valueAt(grid, 0)).toBe(0.5);
    expect(rangeOf(grid).min).toBeGreaterThanOrEqual(0);
    const level = spec('actions.ev-cars.adoption.level');
    expect(level.fileValue).toBe(0.9);
    expect(rangeOf(level)).toEqual({ min: 0, max: 1 });
    const gdp = spec('drivers.gdp.growth.2026');
    expect(valueAt(gdp, -25)).toBe(0.025);
    expect(tickOf(gdp, 0.025)).toBe(-25);
    const cars = spec('drivers.cars.points.2030');
    expect(cars.fileValue).toBe(240); // 万辆, as written
    expect(cars.unit).toBe('万辆');
  });
});

describe('the shareable link', () => {
  const state = (settings: [string, number][], extra: Partial<ExplorerState> = {}): ExplorerState => ({ scenario: 'policy', settings: new Map(settings), charts: ['wedge', 'target', 'mc', 'compare'], basis: 'official', target: null, ...extra });

  it('holds only the changed values and round-trips exactly', () => {
    const original = state([['drivers.gdp.growth.2026', 0.03], ['grid.points.2030', 0.48], ['actions.ev-cars.adoption.level', 0.75]], { scenario: 'ambitious', charts: ['wedge', 'mc'], basis: 'basic', target: 'cap-2035' });
    const query = encodeState(original, context());
    expect(query).toBe('scenario=ambitious&v=drivers.gdp.growth.2026%3A0.03&v=grid.points.2030%3A0.48&v=actions.ev-cars.adoption.level%3A0.75&charts=wedge%2Cmc&basis=basic&target=cap-2035');
    const { state: decoded, notices } = decodeState(new URLSearchParams(query), context());
    expect(notices).toEqual([]);
    expect(decoded.scenario).toBe('ambitious');
    expect([...decoded.settings]).toEqual([...original.settings]);
    expect(decoded.charts).toEqual(['wedge', 'mc']);
    expect(decoded.basis).toBe('basic');
    expect(decoded.target).toBe('cap-2035');
  });

  it('leaves the defaults out: the file’s own scenario gives an empty query', () => {
    expect(encodeState(state([['drivers.gdp.growth.2026', 0.05]]), context())).toBe('');
  });

  it('round-trips every slider at every tenth position', () => {
    for (const slider of sliders) {
      for (let tick = -slider.below; tick <= slider.above; tick += Math.max(1, Math.floor((slider.below + slider.above) / 10))) {
        const value = valueAt(slider, tick);
        const { state: decoded, notices } = decodeState(new URLSearchParams(encodeState(state([[slider.path, value]]), context())), context());
        expect(notices).toEqual([]);
        expect(decoded.settings.get(slider.path) ?? slider.fileValue).toBe(value);
      }
    }
  });

  it('ignores what it cannot use, with a notice each, and keeps the rest', () => {
    const query = new URLSearchParams('scenario=nope&v=drivers.nothing.growth:0.1&v=drivers.gdp.growth.2026:abc&v=drivers.gdp.growth.2031:0.0333&v=grid.points.2030:0.45&v=novalue&charts=wedge,pie&basis=mt&target=zzz&unknown=1');
    const { state: decoded, notices } = decodeState(query, context());
    expect(decoded.scenario).toBe('policy');
    expect([...decoded.settings]).toEqual([['drivers.gdp.growth.2031', 0.033], ['grid.points.2030', 0.45]]);
    expect(decoded.charts).toEqual(['wedge']);
    expect(decoded.basis).toBe('official');
    expect(decoded.target).toBeNull();
    expect(notices).toEqual([
      { code: 'unknown-scenario', id: 'nope' },
      { code: 'unknown-parameter', path: 'drivers.nothing.growth' },
      { code: 'bad-value', path: 'drivers.gdp.growth.2026', raw: 'abc' },
      { code: 'off-slider', path: 'drivers.gdp.growth.2031', value: 0.0333, used: 0.033 },
      { code: 'unknown-parameter', path: 'novalue' },
      { code: 'unknown-chart', id: 'pie' },
      { code: 'unknown-basis', raw: 'mt' },
      { code: 'unknown-target', id: 'zzz' },
    ]);
  });

  it('brings a value beyond the slider back to its end', () => {
    const { state: decoded, notices } = decodeState(new URLSearchParams('v=actions.ev-cars.adoption.level:7'), context());
    expect(decoded.settings.get('actions.ev-cars.adoption.level')).toBe(1);
    expect(notices).toEqual([{ code: 'off-slider', path: 'actions.ev-cars.adoption.level', value: 7, used: 1 }]);
  });
});

describe('undo, redo and the two resets', () => {
  it('merges the steps of one slider into one change; another slider or a seal starts a new one', () => {
    let history = startHistory(new Map());
    history = record(history, new Map([['a', 1]]), 'a');
    history = record(history, new Map([['a', 2]]), 'a');
    history = record(history, new Map([['a', 3]]), 'a');
    history = record(history, new Map([['a', 3], ['b', 1]]), 'b');
    history = seal(history);
    history = record(history, new Map([['a', 3], ['b', 2]]), 'b');
    expect(history.past.length).toBe(3);
    history = undo(history);
    expect([...history.present]).toEqual([['a', 3], ['b', 1]]);
    history = undo(undo(history));
    expect(history.present.size).toBe(0);
    expect(undo(history)).toBe(history);
    history = redo(history);
    expect([...history.present]).toEqual([['a', 3]]);
    history = record(history, new Map([['c', 1]]), 'c');
    expect(history.future).toEqual([]);
  });

  it('resets policies and assumptions separately', () => {
    const settings = new Map([['actions.ev-cars.adoption.level', 0.5], ['drivers.gdp.growth.2026', 0.03]]);
    expect([...withoutGroup(settings, sliders, 'policy')]).toEqual([['drivers.gdp.growth.2026', 0.03]]);
    expect([...withoutGroup(settings, sliders, 'assumption')]).toEqual([['actions.ev-cars.adoption.level', 0.5]]);
  });
});

describe('the explorer’s scenario and the saved one', () => {
  it('computes the same pathway as the file with the same values in a scenario’s `set`', async () => {
    const settings = new Map([['drivers.gdp.growth.2026', 0.03], ['grid.points.2030', 0.45], ['actions.ev-cars.adoption.level', 0.6]]);
    const mine = runExplorer(pathway, 'policy', settings, sliders).result;
    const saved = withScenario(body, 'policy', 'mine', 'Mine', settings, sliders);
    expect((saved['scenarios'] as Record<string, unknown>)['mine']).toEqual({ name: 'Mine', actions: ['ev-cars', 'public-retrofit', 'rooftop-pv', 'coal-to-gas', 'waste-to-energy', 'clinker-substitution'], set: { 'drivers.gdp.growth.2026': 0.03, 'grid.points.2030': 0.45, 'actions.ev-cars.adoption.level': 0.6 } });
    const engine = await createNodeEngine();
    const compiled = engine.compilePathway({ pathway: saved, inventory: await readDocument(`${DEMO}inventory.yaml`) });
    if (!compiled.ok) throw new Error('the saved document does not compile');
    const file = engine.scenario(compiled.value, 'mine');
    if (!file.ok) throw new Error('no scenario');
    expect(mine.total).toEqual(file.value.total);
    expect(mine.peak).toEqual(file.value.peak);
    expect(mine.official.peak).toEqual(file.value.official.peak);
  });

  it('starts the sliders at the scenario’s own `set`', () => {
    const ambitious = sliderSpecs(pathway, body, findScenario(pathway, 'ambitious'));
    expect(ambitious.find((slider) => slider.path === 'actions.ev-cars.adoption.level')!.fileValue).toBe(1);
    expect(ambitious.find((slider) => slider.path === 'grid.points.2060')!.fileValue).toBe(0.02);
    expect(ambitious.some((slider) => slider.path === 'actions.coal-to-electric.adoption.level')).toBe(true);
  });

  it('keeps the base scenario’s own `set` under the user’s values', () => {
    const explorer = explorerPathway(pathway, 'ambitious', new Map(), sliders);
    const ambitious = pathway.scenarios.find((scenario) => scenario.id === 'ambitious')!;
    expect(explorer.scenarios.find((scenario) => scenario.id === EXPLORER_SCENARIO)!.overrides).toEqual(ambitious.overrides);
  });
});
