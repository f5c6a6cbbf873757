import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from './store.ts';
import { bilingual } from './messages.ts';

/**
 * One process per data folder. PGlite takes no lock of its own, and two processes on one folder corrupt
 * it, so the store holds `peakpath.lock` (created exclusively, holding the pid) while it is open. A lock
 * whose pid is no longer alive is stale (the holder was killed) and is taken over.
 */
export interface FolderLock {
  readonly file: string;
  release(): void;
}

export const LOCK_FILE = 'peakpath.lock';

export function lockFolder(folder: string): FolderLock {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, LOCK_FILE);
  // Two rounds: a stale lock is removed once, then created again; a rival that wins the race holds it.
  for (let round = 0; round < 2; round++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      fsyncSync(fd);
      closeSync(fd);
      return { file, release: () => releaseLock(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = lockHolder(file);
    if (holder !== null && processAlive(holder)) {
      throw new StoreError(
        'locked',
        bilingual(
          `数据文件夹 ${folder} 正被另一个进程（pid ${holder}）使用：一个文件夹同一时间只能由一个进程打开。请先停止该进程，或改用 PostgreSQL（DATABASE_URL）让多个进程共享数据。`,
          `The data folder ${folder} is in use by another process (pid ${holder}): one process at a time may open a folder. Stop that process first, or use PostgreSQL (DATABASE_URL) to share the data between processes.`,
        ),
      );
    }
    // The holder is dead (or the file is unreadable, half-written by a killed process): stale.
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new StoreError('locked', bilingual(`无法锁定数据文件夹 ${folder}：另一个进程刚刚锁定了它。`, `Could not lock the data folder ${folder}: another process has just locked it.`));
}

function lockHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Signal 0 tests for the process without touching it; EPERM means it exists under another user. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(file: string): void {
  try {
    if (lockHolder(file) === process.pid) unlinkSync(file);
  } catch {
    // Already gone: nothing to release.
  }
}
