import { z } from 'zod';
import type { RouteModule } from '../context.ts';

const health = z.object({ ok: z.boolean(), database: z.enum(['pglite', 'postgres']), engineVersion: z.string(), error: z.string().optional() });

/** Whether the server can reach its database, which database it is, and the engine's version. */
export const healthRoutes: RouteModule = (app, context) => {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'Database kind, reachability and engine version / 数据库类型、连通性与引擎版本', response: { 200: health, 503: health } },
  }, async (_request, reply) => {
    try {
      await context.store.countUsers();
      return { ok: true, database: context.store.kind, engineVersion: context.engineVersion };
    } catch (error) {
      return reply.code(503).send({ ok: false, database: context.store.kind, engineVersion: context.engineVersion, error: error instanceof Error ? error.message : String(error) });
    }
  });
};
