import { z } from 'zod';
import type { RouteModule } from '../context.ts';
import { citySummary } from '../results/summary.ts';
import { slug } from './networks.ts';
import { idParams, pageQuery } from './shared.ts';

/** Cities, districts, industrial parks, communities and clusters (with their members). */
export const entityRoutes: RouteModule = (app, context) => {
  app.get('/api/entities', {
    config: { access: 'public' },
    schema: { tags: ['entities'], summary: 'Entities you may read / 可查看的城市与区域', querystring: pageQuery },
  }, async (request) => context.store.listEntities(request.actor, request.query));

  app.post('/api/entities', {
    config: { access: 'admin' },
    schema: {
      tags: ['entities'],
      summary: 'Create a city, district, park, community or cluster (admin) / 创建城市、区县、园区、社区或城市群（管理员）',
      body: z.object({
        slug,
        kind: z.enum(['city', 'district', 'park', 'community', 'cluster']),
        name: z.string().trim().min(1).max(200),
        nameZh: z.string().trim().min(1).max(200).nullable().default(null),
        country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. CN'),
        parentId: z.uuid().nullable().default(null),
      }).strict(),
    },
  }, async (request, reply) => reply.code(201).send(await context.store.createEntity(request.actor, request.body)));

  app.get('/api/entities/:id', {
    config: { access: 'public' },
    schema: { tags: ['entities'], summary: 'One entity / 单个实体', params: idParams },
  }, async (request) => context.store.entity(request.actor, request.params.id));

  app.get('/api/entities/:id/members', {
    config: { access: 'public' },
    schema: { tags: ['entities'], summary: 'The members of a cluster / 城市群成员', params: idParams },
  }, async (request) => ({ items: await context.store.clusterMembers(request.actor, request.params.id) }));

  app.put('/api/entities/:id/members', {
    config: { access: 'admin' },
    schema: { tags: ['entities'], summary: 'Set the members of a cluster (admin) / 设置城市群成员（管理员）', params: idParams, body: z.object({ memberIds: z.array(z.uuid()).max(500) }).strict() },
  }, async (request, reply) => {
    await context.store.setClusterMembers(request.actor, request.params.id, request.body.memberIds);
    return reply.code(204).send();
  });

  app.get('/api/entities/:id/summary', {
    config: { access: 'public' },
    schema: { tags: ['entities'], summary: 'A city summary: latest inventory totals, BASIC, per capita, official energy CO2 / 城市概况', params: idParams },
  }, async (request) => citySummary(context, request.actor, request.params.id));

  app.get('/api/entities/:id/documents', {
    config: { access: 'public' },
    schema: { tags: ['documents'], summary: 'The documents of an entity / 实体的文档', params: idParams, querystring: pageQuery },
  }, async (request) => context.store.documents(request.actor, request.params.id, request.query));

  app.post('/api/entities/:id/documents', {
    config: { access: 'user' },
    schema: {
      tags: ['documents'],
      summary: 'Create a document (editors of the entity) / 新建文档（该实体的编辑）',
      params: idParams,
      body: z.object({ kind: z.enum(['inventory', 'pathway', 'plan', 'tracking', 'cluster', 'district']), name: z.string().trim().min(1).max(100), body: z.record(z.string(), z.unknown()), comment: z.string().max(2000).default('') }).strict(),
    },
  }, async (request, reply) => {
    const created = await context.store.createDocument(request.actor, { entityId: request.params.id, ...request.body });
    return reply.code(201).header('etag', `"${created.version.version}"`).send(created);
  });
};
