import { createEngine } from '@peakpath/core';
import type { Store } from '@peakpath/store';
import { buildApp, type BuildOptions } from './app.ts';
import { DEFAULT_CONFIG, type App, type AppContext, type ServerConfig } from './context.ts';
import { engineVersion } from './engine-version.ts';

export interface CreateServerOptions extends BuildOptions {
  readonly store: Store;
  readonly config?: Partial<ServerConfig>;
  readonly now?: () => Date;
}

/** The API over a store, ready for `listen` or `inject`. The caller owns the store and closes it. */
export async function createServer(options: CreateServerOptions): Promise<{ app: App; context: AppContext }> {
  const context: AppContext = {
    store: options.store,
    // Inventories, pathways and MACCs need no solver: plan optimisation runs as a job (jobs/).
    engine: createEngine(),
    engineVersion: engineVersion(),
    config: { ...DEFAULT_CONFIG, ...options.config },
    now: options.now ?? (() => new Date()),
  };
  const app = await buildApp(context, options);
  return { app, context };
}
