import { z } from 'zod';
import { API_TOKEN_PREFIX, newToken, tokenHash } from '../auth/tokens.ts';
import type { RouteModule } from '../context.ts';
import { idParams } from './shared.ts';

/**
 * API tokens for scripts (`Authorization: Bearer ppt_…`): created and revoked by their user; the
 * token is shown once, the store keeps its hash.
 */
export const tokenRoutes: RouteModule = (app, context) => {
  app.post('/api/tokens', {
    config: { access: 'user' },
    schema: { tags: ['auth'], summary: 'Create an API token (shown once) / 创建 API 令牌（仅显示一次）', body: z.object({ name: z.string().trim().min(1).max(100) }).strict() },
  }, async (request, reply) => {
    const token = newToken(API_TOKEN_PREFIX);
    const { id } = await context.store.createApiToken(request.actor, request.body.name, tokenHash(token));
    return reply.code(201).send({ id, name: request.body.name, token });
  });

  app.delete('/api/tokens/:id', {
    config: { access: 'user' },
    schema: { tags: ['auth'], summary: 'Revoke one of your API tokens / 撤销 API 令牌', params: idParams },
  }, async (request, reply) => {
    await context.store.revokeApiToken(request.actor, request.params.id);
    return reply.code(204).send();
  });
};
