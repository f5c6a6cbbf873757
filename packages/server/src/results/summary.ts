import type { Actor, Entity } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import type { InventoryJson } from '@peakpath/core';
import { cached, inventoryResult } from './compute.ts';
import type { Loaded } from './references.ts';

/** What a city's page opens with: its latest inventory's totals, where each number comes from. */
export interface CitySummary {
  readonly entity: Entity;
  /** Null when the entity has no inventory the actor may read. */
  readonly inventory: null | {
    readonly documentId: string;
    readonly name: string;
    readonly version: number;
    readonly year: number;
    readonly gwp: string;
    /** tCO2e. */
    readonly totals: { readonly basic: number; readonly basicPlus: number; readonly scope1: number; readonly scope2: number; readonly scope3: number };
    /** BASIC tCO2e per person (the engine's intensity.perCapita); null when the inventory states no population. */
    readonly basicPerCapita: number | null;
    /** China's official energy-activity CO2 (tCO2), for Chinese cities only. */
    readonly energyCo2: number | null;
    readonly warnings: number;
  };
}

const yearOf = (body: unknown): number => {
  const year = body !== null && typeof body === 'object' ? (body as { year?: unknown }).year : undefined;
  return typeof year === 'number' ? year : Number.NEGATIVE_INFINITY;
};

/** The entity's inventory of the latest year (the last updated among equal years), at the version the actor sees. */
async function latestInventory(context: AppContext, actor: Actor, entityId: string): Promise<Loaded | null> {
  let best: Loaded | null = null;
  let cursor: string | undefined;
  do {
    const page = await context.store.documents(actor, entityId, { limit: 200, cursor });
    for (const document of page.items) {
      if (document.kind !== 'inventory') continue;
      const version = await context.store.version(actor, document.id);
      const candidate = { document, version };
      if (!best || yearOf(version.body) > yearOf(best.version.body) || (yearOf(version.body) === yearOf(best.version.body) && document.updatedAt > best.document.updatedAt)) best = candidate;
    }
    cursor = page.next ?? undefined;
  } while (cursor);
  return best;
}

export async function citySummary(context: AppContext, actor: Actor, entityId: string): Promise<CitySummary> {
  const entity = await context.store.entity(actor, entityId);
  const latest = await latestInventory(context, actor, entityId);
  if (!latest) return { entity, inventory: null };
  // The summary of a version is small and cached on its own: reading it does not read the whole result back.
  const { value: inventory } = await cached(context, latest, 'city-summary', async () => inventorySummary(latest, entity, (await inventoryResult(context, latest)).value));
  return { entity, inventory };
}

function inventorySummary(latest: Loaded, entity: Entity, value: InventoryJson): NonNullable<CitySummary['inventory']> {
  return {
    documentId: latest.document.id,
    name: latest.document.name,
    version: latest.version.version,
    year: value.year,
    gwp: value.gwp,
    totals: { basic: value.totals.basic, basicPlus: value.totals.basicPlus, scope1: value.totals.scope1, scope2: value.totals.scope2, scope3: value.totals.scope3 },
    basicPerCapita: value.intensity.perCapita ?? null,
    energyCo2: entity.country === 'CN' ? value.official.energyCo2.total : null,
    warnings: value.warnings.length,
  };
}
