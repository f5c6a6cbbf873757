import { z } from 'zod';
import type { RouteModule } from '../context.ts';
import { idParams, pageQuery } from './shared.ts';

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

export { slug };
