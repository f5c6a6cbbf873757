import { closeSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { setIdentity, type Database, type Queryable, type Row, type TxIdentity } from './db.ts';
import { lockFolder, type FolderLock } from './lock.ts';

/**
 * Embedded PGlite in a data folder: `<folder>/peakpath.lock` (lock.ts) and `<folder>/pgdata` (the
 * database cluster). PGlite has one connection, so every transaction waits its turn in one queue.
 *
 * Durability: PGlite runs Postgres with fsync off, so COMMIT writes the WAL record into the files
 * (NODEFS writes go straight to the host files with write(2)) but never asks the disk to keep them.
 * After every COMMIT of a writing transaction the store fsyncs the WAL segments and their folder, so
 * an acknowledged write survives a killed process (it already reached the OS) and an OS crash or power
 * loss (it reached the disk). docs/workspace-storage.md states what remains unpromised.
 */
export interface FlushStats {
  /** Flushes done, and the time they took in all (milliseconds). */
  readonly count: number;
  readonly totalMs: number;
}

export class PgliteDatabase implements Database {
  readonly kind = 'pglite';
  #queue: Promise<unknown> = Promise.resolve();
  #flushCount = 0;
  #flushMs = 0;

  private constructor(
    readonly folder: string,
    private readonly pg: PGlite,
    private readonly lock: FolderLock,
  ) {}

  static async open(folder: string): Promise<PgliteDatabase> {
    const lock = lockFolder(folder);
    try {
      const pg = await PGlite.create(join(folder, 'pgdata'));
      return new PgliteDatabase(folder, pg, lock);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  get flushStats(): FlushStats {
    return { count: this.#flushCount, totalMs: this.#flushMs };
  }

  transaction<T>(identity: TxIdentity, work: (tx: Queryable) => Promise<T>, options?: { readonly isolation?: 'repeatable read'; readonly readOnly?: boolean }): Promise<T> {
    const run = async (): Promise<T> => {
      const modes = [options?.isolation === 'repeatable read' ? 'ISOLATION LEVEL REPEATABLE READ' : '', options?.readOnly ? 'READ ONLY' : ''].filter(Boolean).join(' ');
      await this.pg.query(`BEGIN ${modes}`);
      const tx: Queryable = { query: async <R extends Row>(sql: string, params?: readonly unknown[]) => (await this.pg.query<R>(sql, params === undefined ? undefined : [...params])).rows };
      let result: T;
      try {
        await setIdentity(tx, identity);
        result = await work(tx);
      } catch (error) {
        await this.pg.query('ROLLBACK');
        throw error;
      }
      await this.pg.query('COMMIT');
      if (!options?.readOnly) this.#flushWal();
      return result;
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** fsync every WAL segment and the WAL folder (a new segment's name lives in the folder). */
  #flushWal(): void {
    const started = performance.now();
    const walFolder = join(this.folder, 'pgdata', 'pg_wal');
    for (const name of readdirSync(walFolder)) {
      if (/^[0-9A-F]{24}$/.test(name)) fsyncPath(join(walFolder, name));
    }
    fsyncPath(walFolder);
    this.#flushMs += performance.now() - started;
    this.#flushCount += 1;
  }

  async close(): Promise<void> {
    await this.#queue;
    try {
      // close() ends with a shutdown checkpoint: the data files then hold everything, and are synced.
      await this.pg.close();
      fsyncTree(join(this.folder, 'pgdata'));
    } finally {
      this.lock.release();
    }
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncTree(folder: string): void {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) fsyncTree(path);
    else fsyncPath(path);
  }
  fsyncPath(folder);
}
