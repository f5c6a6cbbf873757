/**
 * The explorer's scenario: the chosen scenario of the file with the user's slider values written into
 * their slots, computed by the core's own `runScenario` (the same code as `peakpath pathway`). Nothing is
 * parsed again: a slider writes a slot and evaluates (ARCHITECTURE.md "The pathway engine").
 */
import { PathwayWorkspace, runScenario, type Pathway, type PathwayResult, type ScenarioDefinition } from '@peakpath/core';
import type { SliderSpec } from './sliders.ts';
import type { Settings } from './state.ts';

/** The id of the user's scenario inside the compiled pathway: not a valid id of a file (ids cannot start with a space). */
export const EXPLORER_SCENARIO = ' explorer';

/**
 * The pathway with one more scenario: the base scenario's actions and `set`, then the user's values
 * (in the file's unit × the parameter's scale = base units, as the core keeps them).
 */
export function explorerPathway(pathway: Pathway, baseScenario: string, settings: Settings, sliders: readonly SliderSpec[]): Pathway {
  const base = pathway.scenarios.find((scenario) => scenario.id === baseScenario);
  if (!base) throw new Error(`no scenario "${baseScenario}"`);
  const values = new Map<number, number>(base.overrides.map((override) => [override.slot, override.value]));
  for (const spec of sliders) {
    const value = settings.get(spec.path);
    if (value !== undefined) values.set(spec.slot, value * spec.scale);
  }
  const explorer: ScenarioDefinition = { id: EXPLORER_SCENARIO, name: base.name, active: base.active, overrides: [...values].map(([slot, value]) => ({ slot, value })) };
  return { ...pathway, scenarios: [...pathway.scenarios.filter((scenario) => scenario.id !== EXPLORER_SCENARIO), explorer], defaultScenario: EXPLORER_SCENARIO };
}

/** One workspace per compiled model: its buffers are allocated once and reused by every slider step. */
const workspaces = new WeakMap<object, PathwayWorkspace>();

export function workspaceFor(pathway: Pathway): PathwayWorkspace {
  let workspace = workspaces.get(pathway.model);
  if (!workspace) {
    workspace = new PathwayWorkspace(pathway.model);
    workspaces.set(pathway.model, workspace);
  }
  return workspace;
}

/** The user's scenario computed: totals, peak, targets, each action's wedge. */
export function runExplorer(pathway: Pathway, baseScenario: string, settings: Settings, sliders: readonly SliderSpec[]): { pathway: Pathway; result: PathwayResult } {
  const explorer = explorerPathway(pathway, baseScenario, settings, sliders);
  return { pathway: explorer, result: runScenario(explorer, EXPLORER_SCENARIO, workspaceFor(pathway)) };
}

/** Every scenario of the file, for the comparison table (computed once per compiled pathway). */
export function runFileScenarios(pathway: Pathway): PathwayResult[] {
  return pathway.scenarios.filter((scenario) => scenario.id !== EXPLORER_SCENARIO).map((scenario) => runScenario(pathway, scenario.id, workspaceFor(pathway)));
}
