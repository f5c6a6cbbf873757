/**
 * What the store needs of a database connection, met by PGlite (pglite-db.ts) and by a node-postgres
 * pool (postgres-db.ts): parameterised queries, and transactions that carry who is asking, so that
 * row-level security (PostgreSQL) sees the same actor as the store's own checks.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** Whose rights a transaction runs with: a user, the public, or the store's own bookkeeping. */
export type TxIdentity = { readonly userId: string } | 'public' | 'system';

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction (isolation as given, READ COMMITTED by default), with
   * peakpath.user_id / peakpath.system set for its length. Resolves after COMMIT; on PGlite, after the
   * write-ahead log reached the disk too.
   */
  transaction<T>(identity: TxIdentity, work: (tx: Queryable) => Promise<T>, options?: { readonly isolation?: 'repeatable read'; readonly readOnly?: boolean }): Promise<T>;
  close(): Promise<void>;
}

/** The statements that open every transaction: the identity RLS reads, local to the transaction. */
export async function setIdentity(tx: Queryable, identity: TxIdentity): Promise<void> {
  const userId = typeof identity === 'object' ? identity.userId : '';
  const system = identity === 'system' ? 'on' : '';
  await tx.query(`SELECT set_config('peakpath.user_id', $1, true), set_config('peakpath.system', $2, true)`, [userId, system]);
}

/** pg returns bigint as a string, PGlite as a number: both become numbers (seq and counts stay far below 2^53). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' || typeof value === 'bigint') return Number(value);
  throw new Error(`expected a number from the database, got ${typeof value}`);
}

/** Times come back as Date objects from both drivers; the store hands out ISO 8601 strings (UTC). */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  throw new Error(`expected a time from the database, got ${typeof value}`);
}

export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value);
}
