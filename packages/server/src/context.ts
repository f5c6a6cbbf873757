import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '@peakpath/core';
import type { Actor, Store, User } from '@peakpath/store';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/**
 * Who may call a route, checked before its handler runs (auth/authenticate.ts): `public` lets everyone
 * through to the store, which decides record by record; `user` needs a sign-in; `admin` the admin flag.
 * Every route states one: a route without it does not register (app.ts), so none is left open by omission.
 */
export type Access = 'public' | 'user' | 'admin';

/** How the request was authenticated; `session` requests must carry the CSRF token on unsafe methods. */
export type Authentication =
  | { readonly via: 'none' }
  | { readonly via: 'session'; readonly sessionToken: string; readonly user: User }
  | { readonly via: 'token'; readonly tokenId: string; readonly user: User };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor;
    authentication: Authentication;
  }
}

export interface ServerConfig {
  /** Sets `Secure` on the session cookie even when the request did not arrive over https (behind a proxy). */
  readonly secureCookies: boolean;
  /** Hours a session lasts. */
  readonly sessionHours: number;
  /** Sign-in attempts allowed per IP and per email within `signInWindowMs`. */
  readonly signInLimit: number;
  readonly signInWindowMs: number;
  /** Serve cached results (the default); off in benchmarks that measure the computation itself. */
  readonly cacheResults: boolean;
  /** Fastify's logger (off in tests). */
  readonly logger: boolean;
}

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: false,
  sessionHours: 12,
  signInLimit: 10,
  signInWindowMs: 15 * 60_000,
  cacheResults: true,
  logger: false,
};

/** What every route module receives: the store, the engine and its version (the key of cached results). */
export interface AppContext {
  readonly store: Store;
  readonly engine: Engine;
  readonly engineVersion: string;
  readonly config: ServerConfig;
  /** The clock, as ISO 8601 (sessions expire by it). */
  readonly now: () => Date;
}

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** A group of routes; `registerRoutes` (routes/index.ts) lists them all. */
export type RouteModule = (app: App, context: AppContext) => void | Promise<void>;
