import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authenticate } from './auth/authenticate.ts';
import type { Access, App, AppContext, RouteModule } from './context.ts';
import { ApiError, toApiError, tooManyAttempts } from './errors.ts';
import { ROUTES } from './routes/index.ts';
import { jobRoutes } from './routes/jobs.ts';
import { webRoutes } from './web.ts';
import { requestValidationError } from './validation.ts';

/** Routes the documentation plugins register themselves: open to all, they carry no data. */
const DOCUMENTATION = /^\/docs(?:\/|$)/;

/** Bodies larger than this are refused (413) before they are parsed: a city's document is far smaller. */
const BODY_LIMIT = 16 * 1024 * 1024;

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
}

const REGISTERED = new WeakMap<object, readonly RegisteredRoute[]>();

/** Every route the app serves but the documentation's, with its access level: what the authorisation test walks. */
export const registeredRoutes = (app: App): readonly RegisteredRoute[] => REGISTERED.get(app) ?? [];

/** Any error as the API's one error body; never throws, so a fault in mapping is still a clean 500. */
function describeError(error: FastifyError): ApiError {
  try {
    const known = toApiError(error) ?? requestValidationError(error);
    if (known) return known;
    if (error instanceof ApiError) return error;
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own refusals: unparsable JSON, a body too large, an unsupported content type.
      return new ApiError(error.statusCode, 'bad-request', { en: `Bad request: ${error.message}`, zh: `请求无效：${error.message}` });
    }
  } catch {
    // Fall through to the internal error below.
  }
  return new ApiError(500, 'internal', { en: 'Internal error: the server logged it.', zh: '服务器内部错误，已记录日志。' });
}

export interface BuildOptions {
  /** More route modules after the built-in ones. */
  readonly extraRoutes?: readonly RouteModule[];
  /** The jobs routes with their own runner (tests: one thread, every progress written); `jobRoutes` by default. */
  readonly jobs?: RouteModule;
  /** The built web app's folder (packages/web/dist), served at `/` with every page path; no web app without it. */
  readonly web?: string | undefined;
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

  const routes: RegisteredRoute[] = [];
  REGISTERED.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (DOCUMENTATION.test(route.url)) return;
    const access = (route.config as { access?: unknown } | undefined)?.access;
    if (access !== 'public' && access !== 'user' && access !== 'admin') {
      throw new Error(`route ${String(route.method)} ${route.url} states no access level (config.access: public, user or admin)`);
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, limit) => tooManyAttempts(limit.ttl),
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
    const answer = describeError(error);
    if (answer.status >= 500) request.log.error(error);
    return reply.code(answer.status).send(answer.body());
  });
  app.setNotFoundHandler((request, reply) => {
    const missing = new ApiError(404, 'not-found', { en: `No such endpoint: ${request.method} ${request.url}`, zh: `没有此接口：${request.method} ${request.url}` });
    return reply.code(404).send(missing.body());
  });

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  for (const register of [...ROUTES, options.jobs ?? jobRoutes, ...(options.extraRoutes ?? [])]) await register(app, context);
  if (options.web !== undefined) await webRoutes(options.web)(app, context);
  await app.ready();
  return app;
}
