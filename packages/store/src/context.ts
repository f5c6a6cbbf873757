import type { Database } from './db.ts';

/** What each part of the store works with: the database and the clock (one place, so tests could pass their own). */
export interface StoreContext {
  readonly db: Database;
  /** The time now, ISO 8601 in milliseconds (what timestamptz keeps exactly, so audit hashes read back). */
  now(): string;
}
