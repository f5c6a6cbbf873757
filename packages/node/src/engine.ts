import { setImmediate } from 'node:timers';
import { createEngine, type Engine, type EngineOptions } from '@peakpath/core';
import { highsSolver } from './highs.ts';
import { fileResolver } from './resolver.ts';

/**
 * The engine as Node runs it: documents from files (relative to the file that names them), HiGHS for
 * plans, and the event loop let through between long steps. Pass a store's resolver, a Monte Carlo
 * pool or another solver to replace any of them.
 */
export async function createNodeEngine(options: EngineOptions = {}): Promise<Engine> {
  return createEngine({
    resolve: fileResolver,
    solver: await highsSolver(),
    yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)),
    ...options,
  });
}
