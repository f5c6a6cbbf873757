import type { Actor, Entity, StoredDocumentKind } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import type { InventoryJson, PathwayResult } from '@peakpath/core';
import { ApiError, type Bilingual } from '../errors.ts';
import { cached, inventoryResult, pathwayResult } from './compute.ts';
import { pathwayInputs, stamp, type Loaded } from './references.ts';

/** A peak: the year emissions stop rising and their value; both null when the series still rises at its end. */
export interface PeakSummary {
  readonly year: number | null;
  readonly value: number | null;
}

/** The peak status of the entity's pathway: its default scenario's peaks and how its peak targets fare. */
export type PathwaySummary =
  | {
      readonly documentId: string;
      readonly name: string;
      readonly version: number;
      readonly computed: true;
      readonly scenario: { readonly id: string; readonly name: Bilingual };
      /** BASIC tCO2e. */
      readonly peak: PeakSummary;
      /** China's official energy-activity CO2 (tCO2), for Chinese cities only. */
      readonly officialPeak: PeakSummary | null;
      /** The scenario's peak targets (kind `peak`): the year, the basis it is judged on, whether it is met. */
      readonly peakTargets: readonly { readonly id: string; readonly name: Bilingual; readonly year: number; readonly basis: string; readonly met: boolean }[];
    }
  | {
      readonly documentId: string;
      readonly name: string;
      readonly version: number;
      readonly computed: false;
      /** Why the pathway could not be run (its inventory unreadable, the document invalid): said, never a blank. */
      readonly problem: Bilingual;
    };

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
    /** BASIC tCO2e per 万元 of GDP (the engine's intensity.perGdp); null when the inventory states no GDP. */
    readonly basicPerGdp: number | null;
    /** China's official energy-activity CO2 (tCO2), for Chinese cities only. */
    readonly energyCo2: number | null;
    readonly warnings: number;
  };
  /** Null when the entity has no pathway the actor may read. */
  readonly pathway: PathwaySummary | null;
}

const yearOf = (body: unknown): number => {
  const year = body !== null && typeof body === 'object' ? (body as { year?: unknown }).year : undefined;
  return typeof year === 'number' ? year : Number.NEGATIVE_INFINITY;
};

/**
 * The entity's latest document of `kind`, at the version the actor sees: for inventories the latest year
 * (the last updated among equal years), for pathways the last updated.
 */
async function latestDocument(context: AppContext, actor: Actor, entityId: string, kind: StoredDocumentKind): Promise<Loaded | null> {
  let best: Loaded | null = null;
  let cursor: string | undefined;
  do {
    const page = await context.store.documents(actor, entityId, { limit: 200, cursor });
    for (const document of page.items) {
      if (document.kind !== kind) continue;
      const version = await context.store.version(actor, document.id);
      const candidate = { document, version };
      const year = kind === 'inventory' ? yearOf(version.body) : 0;
      const bestYear = best && kind === 'inventory' ? yearOf(best.version.body) : 0;
      if (!best || year > bestYear || (year === bestYear && document.updatedAt > best.document.updatedAt)) best = candidate;
    }
    cursor = page.next ?? undefined;
  } while (cursor);
  return best;
}

export async function citySummary(context: AppContext, actor: Actor, entityId: string): Promise<CitySummary> {
  const entity = await context.store.entity(actor, entityId);
  const [latest, pathwayDocument] = await Promise.all([latestDocument(context, actor, entityId, 'inventory'), latestDocument(context, actor, entityId, 'pathway')]);
  const pathway = pathwayDocument ? await pathwaySummary(context, actor, entity, pathwayDocument) : null;
  if (!latest) return { entity, inventory: null, pathway };
  // The summary of a version is small and cached on its own: reading it does not read the whole result back.
  const { value: inventory } = await cached(context, latest, 'city-summary', async () => inventorySummary(latest, entity, (await inventoryResult(context, latest)).value));
  return { entity, inventory, pathway };
}

/**
 * The default scenario's peak status, cached by the pathway's version and its inventory's (the same key
 * parts as the pathway result), so a network table asks one request per row and computes each run once.
 * A pathway that cannot run (its inventory unpublished for the public, an invalid document) is reported
 * with the API's message, not left blank.
 */
async function pathwaySummary(context: AppContext, actor: Actor, entity: Entity, loaded: Loaded): Promise<PathwaySummary> {
  const head = { documentId: loaded.document.id, name: loaded.document.name, version: loaded.version.version };
  try {
    const { inventory } = await pathwayInputs(context, actor, loaded);
    const { value } = await cached(context, loaded, `pathway-summary:${stamp(loaded, inventory)}`, async () => {
      const run = (await pathwayResult(context, actor, loaded, undefined)).value as PathwayResult;
      return {
        ...head,
        computed: true as const,
        scenario: { id: run.scenario.id, name: run.scenario.name },
        peak: run.peak,
        officialPeak: entity.country === 'CN' ? run.official.peak : null,
        peakTargets: run.targets.filter((target) => target.kind === 'peak').map((target) => ({ id: target.id, name: target.name, year: target.year, basis: target.basis, met: target.met })),
      };
    });
    return value;
  } catch (error) {
    if (error instanceof ApiError) return { ...head, computed: false, problem: error.bilingual };
    throw error;
  }
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
    basicPerGdp: value.intensity.perGdp ?? null,
    energyCo2: entity.country === 'CN' ? value.official.energyCo2.total : null,
    warnings: value.warnings.length,
  };
}
