import { z } from 'zod';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import type { RouteModule } from '../context.ts';
import { idParams } from './shared.ts';

const grantBody = z.object({
  userId: z.uuid(),
  role: z.enum(['editor', 'viewer', 'coordinator']),
  entityId: z.uuid().nullable().default(null),
  networkId: z.uuid().nullable().default(null),
}).strict().refine((grant) => (grant.entityId === null) !== (grant.networkId === null), { message: 'give exactly one of entityId and networkId', path: ['entityId'] });

/** People and their roles: administrators create accounts and grant editor, viewer and coordinator roles. */
export const userRoutes: RouteModule = (app, context) => {
  app.post('/api/users', {
    config: { access: 'admin' },
    schema: {
      tags: ['users'],
      summary: 'Create a user (admin) / 创建用户（管理员）',
      body: z.object({ email: z.email().max(320), name: z.string().trim().min(1).max(200), password: z.string().min(MIN_PASSWORD_LENGTH).max(1024), admin: z.boolean().default(false) }).strict(),
    },
  }, async (request, reply) => {
    const { email, name, password, admin } = request.body;
    const user = await context.store.createUser(request.actor, { email: email.toLowerCase(), name, passwordHash: await hashPassword(password), admin });
    return reply.code(201).send(user);
  });

  app.get('/api/users/:id/grants', {
    config: { access: 'user' },
    schema: { tags: ['users'], summary: 'The roles of a user / 用户的角色', params: idParams },
  }, async (request) => ({ items: await context.store.grantsOf(request.actor, request.params.id) }));

  app.post('/api/grants', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'Grant a role on an entity or a network (admin) / 授予角色（管理员）', body: grantBody },
  }, async (request, reply) => {
    await context.store.grant(request.actor, request.body);
    return reply.code(204).send();
  });

  app.delete('/api/grants', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'Revoke a role (admin) / 撤销角色（管理员）', body: grantBody },
  }, async (request, reply) => {
    await context.store.revoke(request.actor, request.body);
    return reply.code(204).send();
  });

  app.get('/api/audit', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'The audit chain, newest first (admin) / 审计记录（管理员）', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().min(1).max(512).optional() }).strict() },
  }, async (request) => context.store.audit(request.actor, request.query));
};
