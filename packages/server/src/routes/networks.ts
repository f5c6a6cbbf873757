import { parseTracking, searchPractices, TRACKING_AREAS, type PracticeCase } from '@peakpath/core';
import type { Actor, Entity, StoredDocument } from '@peakpath/store';
import { z } from 'zod';
import type { AppContext, RouteModule } from '../context.ts';
import { allPages, idParams, pageQuery } from './shared.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and hyphens');

/** Networks and programmes (C40, ICLEI, national low-carbon pilot lists) and the entities in them. */
export const networkRoutes: RouteModule = (app, context) => {
  app.get('/api/networks', {
    config: { access: 'public' },
    schema: { tags: ['networks'], summary: 'Networks and programmes / 城市网络与项目', querystring: pageQuery },
  }, async (request) => context.store.listNetworks(request.actor, request.query));

  app.post('/api/networks', {
    config: { access: 'admin' },
    schema: {
      tags: ['networks'],
      summary: 'Create a network or programme (admin) / 创建城市网络或项目（管理员）',
      body: z.object({ slug, kind: z.enum(['network', 'programme']), name: z.string().trim().min(1).max(200), nameZh: z.string().trim().min(1).max(200).nullable().default(null) }).strict(),
    },
  }, async (request, reply) => reply.code(201).send(await context.store.createNetwork(request.actor, request.body)));

  app.get('/api/networks/:id/members', {
    config: { access: 'public' },
    schema: { tags: ['networks'], summary: 'Member entities of a network / 网络成员', params: idParams, querystring: pageQuery },
  }, async (request) => context.store.networkMembers(request.actor, request.params.id, request.query));

  app.post('/api/networks/:id/members', {
    config: { access: 'admin' },
    schema: { tags: ['networks'], summary: 'Add a member entity (admin) / 添加成员（管理员）', params: idParams, body: z.object({ entityId: z.uuid() }).strict() },
  }, async (request, reply) => {
    await context.store.addMember(request.actor, request.params.id, request.body.entityId);
    return reply.code(204).send();
  });
};

const practiceQuery = z.object({
  text: z.string().trim().max(200).optional(),
  area: z.enum(TRACKING_AREAS).optional(),
  measure: z.string().trim().min(1).max(100).optional(),
}).strict();

interface CollectedPractice {
  readonly practice: PracticeCase;
  readonly entity: { readonly id: string; readonly name: string; readonly nameZh: string | null };
  readonly document: { readonly id: string; readonly name: string; readonly version: number };
}

/**
 * The good-practice cases of a network's members: from each member's tracking documents, at the version the
 * caller may read (the public: the published one, so a city publishes its cases by publishing its tracking).
 * A document that does not read is listed in `skipped` with its problem count, never dropped silently.
 */
async function collectPractices(context: AppContext, actor: Actor, networkId: string) {
  const collected: CollectedPractice[] = [];
  const skipped: { entity: string; document: string; version: number; problems: number }[] = [];
  const members: Entity[] = await allPages((cursor) => context.store.networkMembers(actor, networkId, { limit: 200, cursor }));
  for (const entity of members) {
    const documents: StoredDocument[] = await allPages((cursor) => context.store.documents(actor, entity.id, { limit: 200, cursor }));
    for (const document of documents.filter((candidate) => candidate.kind === 'tracking')) {
      const version = await context.store.version(actor, document.id);
      const parsed = parseTracking(version.body);
      if (!parsed.ok) {
        skipped.push({ entity: entity.id, document: document.id, version: version.version, problems: parsed.issues.length });
        continue;
      }
      for (const practice of parsed.tracking.practices) {
        collected.push({ practice, entity: { id: entity.id, name: entity.name, nameZh: entity.nameZh }, document: { id: document.id, name: document.name, version: version.version } });
      }
    }
  }
  return { collected, skipped };
}

export const practiceRoutes: RouteModule = (app, context) => {
  app.get('/api/networks/:id/practices', {
    config: { access: 'public' },
    schema: {
      tags: ['networks'],
      summary: "The good-practice cases of a network's members, searched (text, area, catalogue measure) / 网络成员的优秀实践案例（可检索）",
      params: idParams,
      querystring: practiceQuery,
    },
  }, async (request) => {
    const { collected, skipped } = await collectPractices(context, request.actor, request.params.id);
    const byCase = new Map(collected.map((entry) => [entry.practice, entry]));
    const found = searchPractices(collected.map((entry) => entry.practice), request.query);
    return { items: found.map((practice) => byCase.get(practice)!), total: collected.length, skipped };
  });
};

export { slug };
