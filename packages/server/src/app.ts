import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authenticate } from './auth/authenticate.ts';
import type { App, AppContext, RouteModule } from './context.ts';
import { ApiError, toApiError } from './errors.ts';
import { ROUTES } from './routes/index.ts';
import { requestValidationError } from './validation.ts';

/** Routes the documentation plugins register themselves: open to all, they carry no data. */
const DOCUMENTATION = /^\/docs(?:\/|$)/;

/** Bodies larger than this are refused (413) before they are parsed: a city's document is far smaller. */
const BODY_LIMIT = 16 * 1024 * 1024;

export interface BuildOptions {
  /** More route modules after the built-in ones (the jobs and tables routes, tests). */
  readonly extraRoutes?: readonly RouteModule[];
}

/**
 * The HTTP API as a Fastify instance (not listening: `app.listen` or `app.inject`). Every route states
 * who may call it (`config.access`); a route that does not is refused at registration, so the
 * authorisation test, which walks the registered routes, can never miss one.
 */
export async function buildApp(context: AppContext, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({ logger: context.config.logger, bodyLimit: BODY_LIMIT }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRoute', (route) => {
    if (DOCUMENTATION.test(route.url)) return;
    const access = (route.config as { access?: unknown } | undefined)?.access;
    if (access !== 'public' && access !== 'user' && access !== 'admin') {
      throw new Error(`route ${String(route.method)} ${route.url} states no access level (config.access: public, user or admin)`);
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, limit) =>
      new ApiError(429, 'rate-limited', {
        en: `Too many attempts: try again in ${Math.ceil(limit.ttl / 1000)} s.`,
        zh: `尝试次数过多，请 ${Math.ceil(limit.ttl / 1000)} 秒后再试。`,
      }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'peakpath API', description: 'City GHG inventories (GPC), pathways and action plans over a shared workspace. docs/server.md describes sign-in, roles and errors.', version: context.engineVersion },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'peakpath_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // The UI's scripts and styles ship inside @fastify/swagger-ui and are served from here: no CDN.
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  app.addHook('onRequest', authenticate(context));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toApiError(error) ?? requestValidationError(error) ?? (error.statusCode === 429 && error instanceof ApiError ? error : undefined);
    if (known) return reply.code(known.status).send(known.body());
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own refusals: unparsable JSON, a body too large, an unsupported content type.
      const refused = new ApiError(error.statusCode, 'bad-request', { en: `Bad request: ${error.message}`, zh: `请求无效：${error.message}` });
      return reply.code(refused.status).send(refused.body());
    }
    request.log.error(error);
    const internal = new ApiError(500, 'internal', { en: 'Internal error: the server logged it.', zh: '服务器内部错误，已记录日志。' });
    return reply.code(500).send(internal.body());
  });
  app.setNotFoundHandler((request, reply) => {
    const missing = new ApiError(404, 'not-found', { en: `No such endpoint: ${request.method} ${request.url}`, zh: `没有此接口：${request.method} ${request.url}` });
    return reply.code(404).send(missing.body());
  });

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  for (const register of [...ROUTES, ...(options.extraRoutes ?? [])]) await register(app, context);
  await app.ready();
  return app;
}
