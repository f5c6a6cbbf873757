import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, targets, type TestDatabase } from './test/databases.ts';
import { runKills, seeded } from './test/kill-run.ts';

// SIGKILL during a stream of writes: every acknowledged write is found again, nothing is half-written,
// the audit chain verifies. PEAKPATH_KILLS kills per database (8 by default, so CI stays quick);
// scripts/kill-soak.ts runs the long version. PEAKPATH_KILL_SEED replays a run's kill moments.
const kills = Number(process.env['PEAKPATH_KILLS'] ?? 8);
const seed = Number(process.env['PEAKPATH_KILL_SEED'] ?? Date.now() % 1_000_000);

describe.each(targets)('SIGKILL while writing, on %s', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(target);
  }, 120_000);
  afterAll(async () => db?.dispose());

  it(`loses no acknowledged write and half-writes nothing over ${kills} kills`, async () => {
    console.log(`${target}: kill seed ${seed} (replay with PEAKPATH_KILL_SEED=${seed})`);
    const figures = await runKills(db, kills, seeded(seed));
    console.log(`${target}: ${figures.kills} kills, ${figures.acknowledged} acknowledged writes, ${figures.unacknowledgedFound} committed but unacknowledged`);
    expect(figures.problems).toEqual([]);
    expect(figures.kills).toBe(kills);
    expect(figures.lost).toBe(0);
    expect(figures.halfWritten).toBe(0);
    expect(figures.auditFailures).toBe(0);
    // The children did write: a test where nothing was acknowledged would prove nothing.
    expect(figures.acknowledged).toBeGreaterThan(0);
    expect(figures.auditRecords).toBeGreaterThan(figures.acknowledged);
  }, 900_000);
});
