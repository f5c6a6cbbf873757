import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './lock.ts';
import { openStore } from './open.ts';
import { StoreError } from './store.ts';
import { spawnChild } from './test/child.ts';

describe('one process per PGlite data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'peakpath-lock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second process with a message naming the folder and the holder’s pid, in Chinese and English', { timeout: 300_000 }, async () => {
    const holder = spawnChild([`dir:${dataDir}`, 'hold']);
    try {
      const ready = await holder.waitFor('ready');
      const pid = Number(ready.split(' ')[1]);
      expect(pid).toBe(holder.process.pid);
      const refused = await openStore({ dataDir }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(StoreError);
      expect((refused as StoreError).code).toBe('locked');
      const message = (refused as StoreError).message;
      expect(message).toContain(dataDir);
      expect(message).toContain(`pid ${pid}`);
      expect(message).toContain('正被另一个进程');
      expect(message).toContain('in use by another process');
    } finally {
      holder.process.kill('SIGKILL');
      await holder.exited;
    }
  });

  it('takes over the stale lock of a dead pid (the holder above was killed), and of a made-up dead pid', { timeout: 300_000 }, async () => {
    const store = await openStore({ dataDir });
    expect(await store.countUsers()).toBe(0);
    await store.close();
    // A pid that is certainly dead: a child that has exited.
    const short = spawnSync(process.execPath, ['-e', '0']);
    expect(short.status).toBe(0);
    writeFileSync(join(dataDir, LOCK_FILE), `${short.pid}\n`);
    const again = await openStore({ dataDir });
    expect(await again.countUsers()).toBe(0);
    await again.close();
  });
});
