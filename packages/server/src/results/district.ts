import { warningsJson, type DistrictInventoryRequest, type DistrictResolution } from '@peakpath/core';
import { StoreError, type Actor, type Entity } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import { ApiError, invalidDocument } from '../errors.ts';
import { stamp, type Loaded } from './references.ts';

/**
 * A district document's result (docs/districts.md): held by a city, it names the city's inventory and a stated
 * remainder inventory by document name of the city's entity, and each part's by its entity (`entity`: slug or id,
 * a district, park or community whose parent is the city) and document name. The inventories are read at the
 * versions the actor may read (the public: the published ones), computed, reconciled and assessed. Not cached:
 * the inputs' versions are known only once they are found, and the computation takes milliseconds.
 */
export async function districtResult(context: AppContext, actor: Actor, loaded: Loaded): Promise<{ value: object; from: string }> {
  if (loaded.document.kind !== 'district') {
    throw new ApiError(400, 'bad-request', { en: `Document ${loaded.document.id} is a ${loaded.document.kind}, not a district file.`, zh: `文档 ${loaded.document.id} 是${loaded.document.kind}，不是区县园区文档。` });
  }
  const city = await context.store.entity(actor, loaded.document.entityId);
  const inputs = new Map<string, { entity: Entity; loaded: Loaded }>();
  const key = (request: DistrictInventoryRequest): string => (request.role === 'part' ? `part:${request.part.id}` : request.role);
  const find = async (request: DistrictInventoryRequest): Promise<DistrictResolution> => {
    let entity: Entity = city;
    if (request.role === 'part') {
      const part = await partEntity(context, actor, city, request.part.id, request.part.entity);
      if (!part.ok) return part;
      entity = part.entity;
    }
    const found = await inventoryOf(context, actor, entity, request.reference);
    if (!found.ok) return found;
    inputs.set(key(request), { entity, loaded: found.loaded });
    return { ok: true, id: found.loaded.document.id, document: found.loaded.version.body };
  };
  const run = await context.engine.district(loaded.version.body, { id: loaded.document.id, inventory: find });
  if (!run.ok) throw invalidDocument(run.issues);
  const from = stamp(loaded, ...[...inputs.values()].map((input) => input.loaded));
  const { district, parts, reconciliation, assessments } = run.value;
  const stored = (role: string) => {
    const input = inputs.get(role)!;
    return { entity: { id: input.entity.id, slug: input.entity.slug, kind: input.entity.kind, name: input.entity.name, nameZh: input.entity.nameZh }, document: input.loaded.document.id, name: input.loaded.document.name, version: input.loaded.version.version };
  };
  return {
    value: {
      name: district.name,
      city: stored('city'),
      parts: parts.map((part) => ({ id: part.id, ...(part.kind === undefined ? {} : { kind: part.kind }), ...stored(`part:${part.id}`) })),
      remainder: inputs.has('remainder') ? stored('remainder') : (district.remainder ?? null),
      reconciliation,
      assessments,
      warnings: warningsJson(run.warnings),
    },
    from,
  };
}

type Found<T> = ({ ok: true } & T) | { ok: false; reason: { en: string; zh: string }; field?: 'entity' };

/** The part's entity: named by slug or id, readable by the actor, a district, park or community of `city`. */
async function partEntity(context: AppContext, actor: Actor, city: Entity, id: string, reference: string | undefined): Promise<Found<{ entity: Entity }>> {
  if (reference === undefined) {
    return { ok: false, field: 'entity', reason: { en: `parts.${id}.entity is required in a stored district file: the part's entity (slug or id)`, zh: `已存储的区县园区文件须为组成部分填写 parts.${id}.entity：该部分实体的标识（slug 或 id）` } };
  }
  let entity: Entity | undefined;
  try {
    entity = await context.store.entityBySlug(actor, reference);
  } catch (error) {
    if (!(error instanceof StoreError && (error.code === 'not-found' || error.code === 'forbidden'))) throw error;
  }
  if (entity === undefined && /^[0-9a-f-]{36}$/i.test(reference)) {
    try {
      entity = await context.store.entity(actor, reference);
    } catch (error) {
      if (!(error instanceof StoreError && (error.code === 'not-found' || error.code === 'forbidden'))) throw error;
    }
  }
  if (entity === undefined) {
    return { ok: false, field: 'entity', reason: { en: `no entity "${reference}" that you may read`, zh: `没有您可读取的实体"${reference}"` } };
  }
  if (entity.parentId !== city.id) {
    return { ok: false, field: 'entity', reason: { en: `"${entity.slug}" is not a district, park or community of ${city.slug}`, zh: `"${entity.slug}" 不是 ${city.slug} 的区县、园区或社区` } };
  }
  return { ok: true, entity };
}

/** The entity's inventory document named `name`, at the version the actor may read. */
async function inventoryOf(context: AppContext, actor: Actor, entity: Entity, name: string): Promise<Found<{ loaded: Loaded }>> {
  let cursor: string | undefined;
  do {
    const page = await context.store.documents(actor, entity.id, { limit: 200, cursor });
    const document = page.items.find((candidate) => candidate.kind === 'inventory' && candidate.name === name);
    if (document) {
      try {
        return { ok: true, loaded: { document, version: await context.store.version(actor, document.id) } };
      } catch (error) {
        if (error instanceof StoreError && (error.code === 'not-found' || error.code === 'forbidden')) break;
        throw error;
      }
    }
    cursor = page.next ?? undefined;
  } while (cursor);
  return { ok: false, reason: { en: `${entity.slug} has no inventory named "${name}" that you may read`, zh: `${entity.slug} 没有您可读取的名为"${name}"的清单` } };
}
