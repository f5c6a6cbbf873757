/**
 * The long SIGKILL test: ≥ 100 kills per database (PGlite always; PostgreSQL when
 * PEAKPATH_TEST_DATABASE_URL names an admin connection), then the figures, and the cost of flushing
 * PGlite's WAL after each write. The figures go into docs/workspace-storage.md.
 *
 *   node --conditions=source --import tsx scripts/kill-soak.ts [kills=100]
 *   PEAKPATH_KILL_SEED=<n> replays a run's kill moments.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../packages/store/src/open.ts';
import type { PgliteDatabase } from '../packages/store/src/pglite-db.ts';
import { openTestDatabase, targets } from '../packages/store/src/test/databases.ts';
import { runKills, seeded } from '../packages/store/src/test/kill-run.ts';

const kills = Number(process.argv[2] ?? 100);
const seed = Number(process.env['PEAKPATH_KILL_SEED'] ?? Date.now() % 1_000_000);
console.log(`kill soak: ${kills} kills per database, seed ${seed}, node ${process.version}`);

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

for (const target of targets) {
  const db = await openTestDatabase(target);
  const started = performance.now();
  try {
    const figures = await runKills(db, kills, seeded(seed), {
      onKill: (index, so) => {
        if ((index + 1) % 10 === 0) console.log(`  ${target}: ${index + 1} kills, ${so.acknowledged} acknowledged, lost ${so.lost}, half-written ${so.halfWritten}, audit failures ${so.auditFailures}`);
      },
    });
    const minutes = (performance.now() - started) / 60_000;
    console.log(`${target}: ${figures.kills} kills in ${minutes.toFixed(1)} min; ${figures.acknowledged} acknowledged writes, all found; ${figures.unacknowledgedFound} committed but unacknowledged; lost ${figures.lost}; half-written ${figures.halfWritten}; audit failures ${figures.auditFailures} (chain of ${figures.auditRecords} records verifies); reopen after a kill: median ${median(figures.reopenMs).toFixed(0)} ms, max ${Math.max(...figures.reopenMs).toFixed(0)} ms`);
    for (const problem of figures.problems) console.log(`  problem: ${problem}`);
  } finally {
    await db.dispose();
  }
}

// The cost of durability on PGlite: 300 saves, and the part of their time spent in the WAL fsync.
const dataDir = mkdtempSync(join(tmpdir(), 'peakpath-flush-'));
try {
  const store = await openStore({ dataDir });
  const admin = await store.createUser({ kind: 'public' }, { email: 'flush@example.org', name: 'Admin', passwordHash: 'x', admin: true });
  const actor = { kind: 'user', userId: admin.id, admin: true } as const;
  const city = await store.createEntity(actor, { slug: 'flush', kind: 'city', name: 'Flush', nameZh: null, country: 'CN', parentId: null });
  const { document } = await store.createDocument(actor, { entityId: city.id, kind: 'inventory', name: 'flush', body: {}, comment: '' });
  const database = store.database as PgliteDatabase;
  const before = database.flushStats;
  const t0 = performance.now();
  const saves = 300;
  for (let index = 1; index <= saves; index++) {
    const body = { index, lines: Array.from({ length: 40 }, (_, line) => ({ line, amount: index * 1000 + line })) };
    await store.saveVersion(actor, document.id, { expectedVersion: index, body, comment: '' });
  }
  const elapsed = performance.now() - t0;
  const after = database.flushStats;
  const flushMs = after.totalMs - before.totalMs;
  console.log(`pglite flush: ${saves} saves in ${elapsed.toFixed(0)} ms (${(elapsed / saves).toFixed(1)} ms each); WAL fsync ${(flushMs / (after.count - before.count)).toFixed(2)} ms per write, ${((100 * flushMs) / elapsed).toFixed(0)}% of the time`);
  await store.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
