import { readFileSync } from 'node:fs';
import { sha256 } from './canonical.ts';
import type { Database, Queryable } from './db.ts';
import { StoreError } from './store.ts';
import { bilingual } from './messages.ts';

/**
 * Applies the migrations drizzle-kit wrote in packages/store/drizzle/ (its journal gives the order),
 * the same SQL files on PGlite and PostgreSQL. Each applied file is recorded with its hash in
 * peakpath_migrations; a file changed after it was applied is refused rather than silently skipped.
 */
const FOLDER = new URL('../drizzle/', import.meta.url);

export interface Migration {
  readonly index: number;
  readonly tag: string;
  readonly hash: string;
  readonly statements: readonly string[];
  /**
   * Whether the migration leaves every table's rows as they were (policies, functions, indexes): a backup written
   * before it restores into a build that has it. Said by a first line `-- peakpath: rows unchanged` in its file.
   */
  readonly rowsUnchanged: boolean;
}

/** The first line of a migration that changes no table's rows (see `Migration.rowsUnchanged`). */
export const ROWS_UNCHANGED = '-- peakpath: rows unchanged';

export function migrations(): readonly Migration[] {
  const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', FOLDER), 'utf8')) as { entries: { idx: number; tag: string }[] };
  return journal.entries.map((entry) => {
    const text = readFileSync(new URL(`${entry.tag}.sql`, FOLDER), 'utf8');
    const statements = text.split('--> statement-breakpoint').map((statement) => statement.trim()).filter((statement) => statement.length > 0);
    return { index: entry.idx, tag: entry.tag, hash: sha256(text), statements, rowsUnchanged: text.split('\n', 1)[0]!.trim() === ROWS_UNCHANGED };
  });
}

/** The schema version a store of this build needs: the number of migrations. */
export const schemaVersion = (): number => migrations().length;

// Any fixed number: two processes migrating one database at once take turns.
const MIGRATION_LOCK = 7_410_114;

export async function migrate(db: Database): Promise<number> {
  return db.transaction('system', async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS peakpath_migrations (idx integer PRIMARY KEY, tag text NOT NULL, hash text NOT NULL, applied_at timestamptz NOT NULL)');
    const applied = await appliedMigrations(tx);
    let count = 0;
    for (const migration of migrations()) {
      const done = applied.get(migration.index);
      if (done !== undefined) {
        if (done !== migration.hash) throw changedMigration(migration.tag);
        continue;
      }
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO peakpath_migrations (idx, tag, hash, applied_at) VALUES ($1, $2, $3, $4)', [migration.index, migration.tag, migration.hash, new Date().toISOString()]);
      count += 1;
    }
    return count;
  });
}

/** For a role that may not migrate: the database must already be at this build's schema. */
export async function checkMigrated(db: Database): Promise<void> {
  const applied = await db.transaction('system', async (tx) => {
    const exists = await tx.query<{ present: boolean }>(`SELECT to_regclass('public.peakpath_migrations') IS NOT NULL AS present`);
    return exists[0]?.present ? appliedMigrations(tx) : new Map<number, string>();
  }, { readOnly: true });
  const missing = migrations().filter((migration) => !applied.has(migration.index));
  for (const migration of migrations()) {
    const done = applied.get(migration.index);
    if (done !== undefined && done !== migration.hash) throw changedMigration(migration.tag);
  }
  if (missing.length > 0) {
    const tags = missing.map((migration) => migration.tag).join(', ');
    throw new StoreError(
      'invalid',
      bilingual(
        `数据库缺少迁移 ${tags}：应用角色无权修改表结构。请用拥有者角色设置 PEAKPATH_MIGRATION_URL（或 openStore 的 migrationUrl）启动一次以应用迁移。`,
        `The database lacks the migrations ${tags}, and the app role may not change the schema. Start once with PEAKPATH_MIGRATION_URL (openStore's migrationUrl) set to the owner role's URL to apply them.`,
      ),
    );
  }
}

async function appliedMigrations(tx: Queryable): Promise<Map<number, string>> {
  const rows = await tx.query<{ idx: number; hash: string }>('SELECT idx, hash FROM peakpath_migrations');
  return new Map(rows.map((row) => [Number(row.idx), row.hash]));
}

function changedMigration(tag: string): StoreError {
  return new StoreError('invalid', bilingual(`迁移 ${tag} 在应用后被修改过：拒绝启动。`, `The migration ${tag} was changed after it was applied: refusing to start.`));
}
