/**
 * @peakpath/store — the workspace's persistence behind one interface (`Store`): embedded PGlite in a
 * data folder by default, PostgreSQL when a URL is given; one schema, one migrations folder.
 */
export * from './store.ts';
