import type { RouteModule } from '../context.ts';
import { authRoutes } from './auth.ts';
import { documentRoutes } from './documents.ts';
import { entityRoutes } from './entities.ts';
import { healthRoutes } from './health.ts';
import { networkRoutes, practiceRoutes } from './networks.ts';
import { reportRoutes } from './report.ts';
import { tableRoutes } from './tables.ts';
import { tokenRoutes } from './tokens.ts';
import { userRoutes } from './users.ts';
import { versionRoutes } from './versions.ts';

/**
 * Every group of routes the API serves, in one list. A new group is a `RouteModule` added here; every
 * route in it must state its `config.access`, and gets an expected row in
 * test/server/authorisation.test.ts, or that test fails.
 */
export const ROUTES: readonly RouteModule[] = [healthRoutes, authRoutes, tokenRoutes, userRoutes, networkRoutes, practiceRoutes, entityRoutes, documentRoutes, versionRoutes, tableRoutes, reportRoutes];
// The jobs routes follow these (app.ts), with the default runner or one a test gives (`BuildOptions.jobs`).
