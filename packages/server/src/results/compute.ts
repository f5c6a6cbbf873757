import { inventoryOutput, isIsoDate, pathwayJson, runScenario, warningsJson, type InventoryJson } from '@peakpath/core';
import type { Actor } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import { ApiError, invalidDocument } from '../errors.ts';
import { fieldOf, findReference, pathwayInputs, planInputs, stamp, type Loaded } from './references.ts';

/** A computed result with where it came from: the versions it was computed from, and whether the cache answered. */
export interface Computed<T> {
  readonly value: T;
  /** `documentId@version` of the document and of each document it rests on. */
  readonly from: string;
  readonly cached: boolean;
}

/**
 * The cache: keyed by document version, engine version and the versions of the documents a result rests
 * on. Versions never change once written, so a cached result is never stale; a new version of any input
 * is a new key. Off (`cacheResults: false`) in benchmarks that measure the computation.
 */
export async function cached<T>(context: AppContext, loaded: Loaded, kind: string, compute: () => T | Promise<T>): Promise<{ value: T; cached: boolean }> {
  const { document, version } = loaded;
  if (context.config.cacheResults) {
    const hit = await context.store.cachedResult(document.id, version.version, context.engineVersion, kind);
    if (hit !== null && hit !== undefined) return { value: hit as T, cached: true };
  }
  const value = await compute();
  if (context.config.cacheResults) await context.store.cacheResult(document.id, version.version, context.engineVersion, kind, value);
  return { value, cached: false };
}

const wrongKind = (loaded: Loaded, expected: string): ApiError =>
  new ApiError(400, 'bad-request', { en: `Document ${loaded.document.id} is a ${loaded.document.kind}, not a ${expected}.`, zh: `文档 ${loaded.document.id} 是${loaded.document.kind}，不是${expected}。` });

/** The inventory of a stored version: the contract's JSON (output version 2), with its warnings. */
export async function inventoryResult(context: AppContext, loaded: Loaded): Promise<Computed<InventoryJson>> {
  if (loaded.document.kind !== 'inventory') throw wrongKind(loaded, 'inventory');
  const { value, cached: hit } = await cached(context, loaded, 'inventory', () => {
    const run = context.engine.inventory(loaded.version.body, { id: loaded.document.id });
    if (!run.ok) throw invalidDocument(run.issues);
    return inventoryOutput(run.value, warningsJson(run.warnings));
  });
  return { value, from: stamp(loaded), cached: hit };
}

/** A pathway run: the scenario asked for (default: the document's) in detail and every scenario compared. */
export async function pathwayResult(context: AppContext, actor: Actor, loaded: Loaded, scenario: string | undefined): Promise<Computed<object>> {
  if (loaded.document.kind !== 'pathway') throw wrongKind(loaded, 'pathway');
  const { inventory } = await pathwayInputs(context, actor, loaded);
  const from = stamp(loaded, inventory);
  const { value, cached: hit } = await cached(context, loaded, `pathway:${scenario ?? ''}:${from}`, () => {
    const compiled = context.engine.compilePathway({ pathway: loaded.version.body, inventory: inventory.version.body }, { pathway: loaded.document.id, inventory: inventory.document.id });
    if (!compiled.ok) throw invalidDocument(compiled.issues);
    const detail = context.engine.scenario(compiled.value, scenario);
    if (!detail.ok) throw invalidDocument(detail.issues);
    // Every scenario beside the one in detail, as `peakpath pathway` compares them.
    const comparison = compiled.value.scenarios.map((other) => (other.id === detail.value.scenario.id ? detail.value : runScenario(compiled.value, other.id)));
    return pathwayJson(detail.value, comparison, undefined, warningsJson(compiled.warnings));
  });
  return { value, from, cached: hit };
}

/** A plan's marginal abatement cost curve (the optimisation itself runs as a job). */
export async function maccResult(context: AppContext, actor: Actor, loaded: Loaded): Promise<Computed<object>> {
  if (loaded.document.kind !== 'plan') throw wrongKind(loaded, 'plan');
  const { pathway, inventory } = await planInputs(context, actor, loaded);
  const from = stamp(loaded, pathway, inventory);
  const { value, cached: hit } = await cached(context, loaded, `macc:${from}`, () => {
    const compiled = context.engine.compilePlan(
      { plan: loaded.version.body, pathway: pathway.version.body, inventory: inventory.version.body },
      { plan: loaded.document.id, pathway: pathway.document.id, inventory: inventory.document.id },
    );
    if (!compiled.ok) throw invalidDocument(compiled.issues);
    const macc = context.engine.macc(compiled.value);
    if (!macc.ok) throw invalidDocument(macc.issues);
    return { macc: macc.value, warnings: warningsJson(compiled.warnings) };
  });
  return { value, from, cached: hit };
}

/** Today's date in UTC, `YYYY-MM-DD`, by the server's clock (`context.now`, which tests set); the core reads none. */
export const today = (context: AppContext): string => context.now().toISOString().slice(0, 10);

/**
 * A tracking document's statuses at `asOf` (the query's, or today's, and the answer says which). Not cached:
 * the result depends on the date, and computing it takes well under a millisecond. When the tracking names a
 * plan (`plan:`, a plan document of the same city by name, read with the actor's access), its actions'
 * `measure` are checked against the plan's measures and the catalogue's, through the engine as `peakpath
 * track` checks them; a tracking that names no plan has them checked against the catalogue.
 */
export async function trackingResult(context: AppContext, actor: Actor, loaded: Loaded, asOf: string | undefined): Promise<{ value: object; from: string }> {
  const { date, asOfFrom, run, from } = await trackingRun(context, actor, loaded, asOf);
  return { value: { asOf: date, asOfFrom, result: run.value.result, warnings: warningsJson(run.warnings) }, from };
}

/**
 * A stored tracking document computed at `asOf` (or today), its measures checked against the plan it names
 * or the catalogue: what the result route and the tracking exports both show.
 */
export async function trackingRun(context: AppContext, actor: Actor, loaded: Loaded, asOf: string | undefined) {
  if (loaded.document.kind !== 'tracking') throw wrongKind(loaded, 'tracking');
  const date = asOf ?? today(context);
  if (!isIsoDate(date)) throw new ApiError(400, 'bad-request', { en: `asOf ${JSON.stringify(date)} is not a real date written YYYY-MM-DD.`, zh: `asOf ${JSON.stringify(date)} 不是有效日期（YYYY-MM-DD）。` });
  const asOfFrom = asOf === undefined ? ('today' as const) : ('query' as const);
  const planReference = fieldOf(loaded.version.body, 'plan');
  // No plan named: the actions' measures are checked against the catalogue, as `peakpath track` checks them.
  const plan = planReference === undefined ? undefined : await findReference(context, actor, loaded.document, 'plan', planReference, 'plan');
  const run = context.engine.compileTracking(
    { tracking: loaded.version.body, ...(plan ? { plan: plan.version.body } : {}) },
    { id: loaded.document.id, asOf: date, ...(plan ? { planId: plan.document.id } : {}) },
  );
  if (!run.ok) throw invalidDocument(run.issues);
  return { date, asOfFrom, run, from: plan ? stamp(loaded, plan) : stamp(loaded) };
}

