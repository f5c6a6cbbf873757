/**
 * The databases every store test runs on: PGlite always; PostgreSQL too when PEAKPATH_TEST_DATABASE_URL
 * names an admin connection (e.g. postgres://postgres@127.0.0.1:5432/postgres). Each test file gets its
 * own fresh database and app role, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../open.ts';
import { dropPostgres, setupPostgres, withDatabase } from '../setup-postgres.ts';
import type { SqlStore } from '../sql-store.ts';

export interface TestDatabase {
  readonly store: SqlStore;
  /** How to open the same database again (another store, a child process). */
  readonly reopen: () => Promise<SqlStore>;
  /** PostgreSQL only: the owner's and the app role's URLs, for SQL issued directly. */
  readonly ownerUrl: string | null;
  readonly appUrl: string | null;
  /** PGlite only: the data folder. */
  readonly dataDir: string | null;
  readonly dispose: () => Promise<void>;
}

export type TargetName = 'pglite' | 'postgres';

export const adminUrl = process.env['PEAKPATH_TEST_DATABASE_URL'] || null;

export const targets: readonly TargetName[] = adminUrl === null ? ['pglite'] : ['pglite', 'postgres'];

export async function openTestDatabase(target: TargetName): Promise<TestDatabase> {
  if (target === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'peakpath-store-'));
    const store = await openStore({ dataDir });
    return {
      store,
      reopen: () => openStore({ dataDir }),
      ownerUrl: null,
      appUrl: null,
      dataDir,
      dispose: async () => {
        await store.close().catch(() => undefined);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const admin = adminUrl!;
  const dbName = `peakpath_test_${randomBytes(6).toString('hex')}`;
  const appUrl = await setupPostgres(admin, dbName);
  const store = await openStore({ url: appUrl });
  return {
    store,
    reopen: () => openStore({ url: appUrl }),
    ownerUrl: withDatabase(admin, dbName),
    appUrl,
    dataDir: null,
    dispose: async () => {
      await store.close().catch(() => undefined);
      await dropPostgres(admin, dbName);
    },
  };
}
