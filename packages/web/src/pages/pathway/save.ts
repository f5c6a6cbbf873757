/** The document body a saved scenario makes. Pure: unit-tested in test/web/pathway-state.test.ts. */
import type { SliderSpec } from './sliders.ts';
import type { Settings } from './state.ts';

const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/**
 * The document's body with one more scenario: the base scenario's actions and `set`, then the user's
 * values (in the file's unit, as `set` takes them: docs/pathways.md "Scenarios"). Nothing else changes.
 */
export function withScenario(body: Record<string, unknown>, base: string, id: string, name: string, settings: Settings, sliders: readonly SliderSpec[]): Record<string, unknown> {
  const scenarios = record(body['scenarios']);
  const from = record(scenarios[base]);
  const set: Record<string, unknown> = { ...record(from['set']) };
  for (const spec of sliders) {
    const value = settings.get(spec.path);
    if (value !== undefined) set[spec.path] = value;
  }
  const scenario: Record<string, unknown> = { name, actions: Array.isArray(from['actions']) ? from['actions'] : [] };
  if (Object.keys(set).length > 0) scenario['set'] = set;
  return { ...body, scenarios: { ...scenarios, [id]: scenario } };
}

