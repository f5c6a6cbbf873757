import { checkMigrated, migrate } from './migrate.ts';
import { PgliteDatabase } from './pglite-db.ts';
import { checkAppRole } from './postgres-checks.ts';
import { PostgresDatabase } from './postgres-db.ts';
import { SqlStore } from './sql-store.ts';

export type StoreOptions =
  /** Embedded PGlite in this folder (created if missing), locked for this process. */
  | { readonly dataDir: string }
  /**
   * PostgreSQL: `url` connects as the app role (not superuser, not BYPASSRLS, not the tables' owner);
   * `migrationUrl`, when given, as the owner role that applies the migrations first. Without it the
   * database must already be migrated.
   */
  | { readonly url: string; readonly migrationUrl?: string | undefined };

export async function openStore(options: StoreOptions): Promise<SqlStore> {
  if ('dataDir' in options) {
    const db = await PgliteDatabase.open(options.dataDir);
    try {
      await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    return new SqlStore(db);
  }
  if (options.migrationUrl !== undefined) {
    const owner = new PostgresDatabase(options.migrationUrl);
    try {
      await migrate(owner);
    } finally {
      await owner.close();
    }
  }
  const db = new PostgresDatabase(options.url);
  try {
    await checkAppRole(db);
    await checkMigrated(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return new SqlStore(db);
}

/**
 * DATABASE_URL (with PEAKPATH_MIGRATION_URL for the owner role) wins; otherwise PEAKPATH_DATA_DIR, or
 * the caller's default folder.
 */
export function openStoreFromEnv(env: Readonly<Record<string, string | undefined>>, defaultDataDir: string): Promise<SqlStore> {
  const url = env['DATABASE_URL'];
  if (url !== undefined && url !== '') return openStore({ url, migrationUrl: env['PEAKPATH_MIGRATION_URL'] || undefined });
  return openStore({ dataDir: env['PEAKPATH_DATA_DIR'] || defaultDataDir });
}
