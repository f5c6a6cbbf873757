import type { Actor, DocumentVersion, StoredDocument, StoredDocumentKind } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import { ApiError } from '../errors.ts';

/** A stored document at one version, as the engine receives it. */
export interface Loaded {
  readonly document: StoredDocument;
  readonly version: DocumentVersion;
}

/**
 * The document of `kind` named `reference` in the same entity: a pathway's `inventory:`, a plan's
 * `pathway:` and a tracking file's `plan:` name a stored document of their city by its name (e.g. `inventory: "2022"`). The actor's
 * access applies: the public reaches published versions only.
 */
export async function findReference(context: AppContext, actor: Actor, from: StoredDocument, kind: StoredDocumentKind, reference: unknown, field: string): Promise<Loaded> {
  if (typeof reference !== 'string' || reference.length === 0) {
    throw new ApiError(422, 'invalid-document', { en: `The ${from.kind} names no ${kind}: set \`${field}\` to the name of a ${kind} document of the same city.`, zh: `该${from.kind}文档未指明${kind}：请将 \`${field}\` 设为同一城市某份${kind}文档的名称。` }, [
      { path: [field], code: 'missing-reference', document: { kind: from.kind, id: from.id }, message: { en: `${field}: required (the name of a ${kind} document)`, zh: `${field}：必填（${kind}文档的名称）` } },
    ]);
  }
  let cursor: string | undefined;
  do {
    const page = await context.store.documents(actor, from.entityId, { limit: 200, cursor });
    const found = page.items.find((candidate) => candidate.kind === kind && candidate.name === reference);
    if (found) return { document: found, version: await context.store.version(actor, found.id) };
    cursor = page.next ?? undefined;
  } while (cursor);
  throw new ApiError(422, 'invalid-document', { en: `No ${kind} document named "${reference}" in this city (${field}).`, zh: `本城市没有名为"${reference}"的${kind}文档（${field}）。` }, [
    { path: [field], code: 'unresolved-reference', document: { kind: from.kind, id: from.id }, reference, message: { en: `${field}: no ${kind} named "${reference}"`, zh: `${field}：没有名为"${reference}"的${kind}文档` } },
  ]);
}

/** A field of a stored body, when the body is an object. */
export const fieldOf = (body: unknown, field: string): unknown => (body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[field] : undefined);

/** What a pathway rests on: its inventory. */
export async function pathwayInputs(context: AppContext, actor: Actor, pathway: Loaded): Promise<{ inventory: Loaded }> {
  return { inventory: await findReference(context, actor, pathway.document, 'inventory', fieldOf(pathway.version.body, 'inventory'), 'inventory') };
}

/** What a plan rests on: its pathway and that pathway's inventory. */
export async function planInputs(context: AppContext, actor: Actor, plan: Loaded): Promise<{ pathway: Loaded; inventory: Loaded }> {
  const pathway = await findReference(context, actor, plan.document, 'pathway', fieldOf(plan.version.body, 'pathway'), 'pathway');
  return { pathway, ...(await pathwayInputs(context, actor, pathway)) };
}

/** The versions a result was computed from, part of its cache key: a new inventory version is a new pathway result. */
export const stamp = (...inputs: readonly Loaded[]): string => inputs.map((input) => `${input.document.id}@${input.version.version}`).join(',');
