import pg from 'pg';
import { setIdentity, type Database, type Queryable, type Row, type TxIdentity } from './db.ts';

/** A node-postgres pool; every transaction takes one client, and sets its identity for row-level security. */
export class PostgresDatabase implements Database {
  readonly kind = 'postgres';
  readonly pool: pg.Pool;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client's error (the server restarted) must not crash the process: the next query reports it.
    this.pool.on('error', () => undefined);
  }

  async transaction<T>(identity: TxIdentity, work: (tx: Queryable) => Promise<T>, options?: { readonly isolation?: 'repeatable read'; readonly readOnly?: boolean }): Promise<T> {
    const client = await this.pool.connect();
    const modes = [options?.isolation === 'repeatable read' ? 'ISOLATION LEVEL REPEATABLE READ' : '', options?.readOnly ? 'READ ONLY' : ''].filter(Boolean).join(' ');
    const tx: Queryable = { query: async <R extends Row>(sql: string, params?: readonly unknown[]) => (await client.query<R>(sql, params === undefined ? undefined : [...params])).rows };
    let broken = false;
    try {
      await client.query(`BEGIN ${modes}`);
      await setIdentity(tx, identity);
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Plain queries outside the store's transactions: start-up checks and migrations. */
  async query<R extends Row>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    return (await this.pool.query<R>(sql, params === undefined ? undefined : [...params])).rows;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
