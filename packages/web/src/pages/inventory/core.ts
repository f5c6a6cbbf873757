import type { loadCore } from '../../app/engine.ts';

/** The core module as the page holds it once loaded (GPC table, units, names). */
export type Core = Awaited<ReturnType<typeof loadCore>>;
