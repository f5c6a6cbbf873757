/**
 * @peakpath/store — the workspace's persistence behind one interface (`Store`): embedded PGlite in a
 * data folder by default, PostgreSQL when a URL is given; one schema, one migrations folder.
 */
export * from './store.ts';
export { openStore, openStoreFromEnv, type StoreOptions } from './open.ts';
export { SqlStore } from './sql-store.ts';
export { setupPostgres, dropPostgres, appRoleName, withDatabase } from './setup-postgres.ts';
export { backupStore, restoreStore, type BackupSummary } from './backup.ts';
export { diffBodies, type BodyChange } from './diff.ts';
export { runStoredCluster, storedClusterMembers, storedMemberInputs, storedMemberList, type StoredClusterMember, type StoredClusterMembers, type StoredClusterRun, type StoredVersion } from './cluster-members.ts';
export { may, readsDrafts, type AccessAction, type EntityFacts } from './access.ts';
export { canonicalJson, bodyHash } from './canonical.ts';
export { schemaVersion } from './migrate.ts';
export { LOCK_FILE } from './lock.ts';
