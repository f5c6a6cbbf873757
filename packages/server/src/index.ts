/**
 * @peakpath/server — the HTTP API over @peakpath/store and the engines: accounts and roles, documents
 * and versions, computed results, jobs, spreadsheet import and export, OpenAPI.
 */
export { buildApp, registeredRoutes, type BuildOptions, type RegisteredRoute } from './app.ts';
export { createServer, type CreateServerOptions } from './create.ts';
export { DEFAULT_CONFIG, type Access, type App, type AppContext, type RouteModule, type ServerConfig } from './context.ts';
export { ApiError, type ApiIssue, type Bilingual, type ErrorBody, type ErrorCode } from './errors.ts';
export { ROUTES } from './routes/index.ts';
export { firstStart, FIRST_ADMIN_EMAIL, type FirstStart } from './bootstrap.ts';
export { DEMO_CLUSTER, DEMO_DISTRICT, DEMO_NAMES, DEMO_NETWORK, DEMO_PLACES, seedDemo } from './seed/demo.ts';
export { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './auth/passwords.ts';
export { CSRF_HEADER } from './auth/authenticate.ts';
export { SESSION_COOKIE } from './auth/cookie.ts';
export { tableRoutes } from './routes/tables.ts';
export { jobRoutes, jobRoutesWith } from './routes/jobs.ts';
export { JobRunner, type JobEvent, type JobRunnerOptions } from './jobs/runner.ts';
