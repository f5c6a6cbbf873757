/**
 * The long fuzz run, `npm run fuzz`: FUZZ_COUNT mutants of the inventory and the pathway (10,000 by
 * default), FUZZ_PLAN_COUNT of the plan (1,000: a plan mutant runs the optimiser), FUZZ_CLUSTER_COUNT of
 * the cluster and the district (3,000: each reads several inventories, a cluster's pathways run their
 * scenarios and a Monte Carlo), seed FUZZ_SEED (2026 by default); FUZZ_KINDS=cluster,district runs only
 * those kinds. It prints each kind's figures — mutants, outcomes, time, the slowest mutant — and
 * every failure class with its count and first examples, and writes them as JSON to FUZZ_REPORT when
 * set. It fails when any failure is not a known class (known.ts), like the in-suite run.
 * FUZZ_REPLAY=kind:index runs that one mutant and prints what it did.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { campaign, failureCounts, failureLine, type CampaignStats } from './campaign.ts';
import { Fuzzer, KINDS, type Kind } from './harness.ts';
import { fuzzSeed } from './random.ts';

const seed = fuzzSeed(2026);
const counts: Record<Kind, number> = {
  inventory: Number(process.env['FUZZ_COUNT'] ?? 10_000),
  pathway: Number(process.env['FUZZ_COUNT'] ?? 10_000),
  plan: Number(process.env['FUZZ_PLAN_COUNT'] ?? 1_000),
  cluster: Number(process.env['FUZZ_CLUSTER_COUNT'] ?? 3_000),
  district: Number(process.env['FUZZ_CLUSTER_COUNT'] ?? 3_000),
};
const kinds = process.env['FUZZ_KINDS'] ? (process.env['FUZZ_KINDS'].split(',') as Kind[]).filter((kind) => KINDS.includes(kind)) : KINDS;
const replay = process.env['FUZZ_REPLAY'];

let fuzzer: Fuzzer;
beforeAll(async () => {
  fuzzer = await Fuzzer.create({ seed, textShare: 0.1, longString: Number(process.env['FUZZ_LONG_STRING'] ?? 20_000), depth: 20_000, planLimits: { sequentialSolves: 10, relaxationSolves: 40, diagnosisSolves: 4, solverSeconds: 10 } });
});
afterAll(() => fuzzer.close());

const results: CampaignStats[] = [];

if (replay) {
  it(`replays ${replay} (seed ${seed})`, async () => {
    const [kind, index] = replay.split(':') as [Kind, string];
    const outcome = await fuzzer.run(kind, Number(index));
    console.log(JSON.stringify({ mutant: outcome.mutant, result: outcome.result, milliseconds: outcome.milliseconds, violations: outcome.violations }, null, 2));
    if (outcome.text) console.log(new TextDecoder().decode(outcome.text.bytes).slice(0, 2000));
  });
} else {
  for (const kind of kinds) {
    it(`${counts[kind]} ${kind} mutants, seed ${seed}`, async () => {
      const started = Date.now();
      // Progress on stderr, so a long run shows where it is.
      const stats = await campaign(fuzzer, kind, counts[kind], (outcome) => {
        if ((outcome.mutant.index + 1) % 250 === 0) process.stderr.write(`[fuzz] ${kind}: ${outcome.mutant.index + 1} of ${counts[kind]} after ${Math.round((Date.now() - started) / 1000)} s\n`);
      });
      results.push(stats);
      const slowest = stats.slowest!;
      console.log(
        [
          `[fuzz] ${kind}: ${stats.mutants} mutants (${stats.textMutants} at the text level) in ${(stats.milliseconds / 1000).toFixed(1)} s; ok ${stats.ok}, issues ${stats.issues}, refused by the reader ${stats.refused}`,
          `  ${stats.overOneSecond} mutants took 1 s or more; median of the ten slowest ${stats.slowestTen[5]?.milliseconds.toFixed(0)} ms`,
          `  slowest ${slowest.milliseconds.toFixed(0)} ms: ${slowest.mutant.seedName}: ${slowest.mutant.description.slice(0, 200)} (FUZZ_SEED=${seed} FUZZ_REPLAY=${kind}:${slowest.mutant.index})`,
          `  operators ${JSON.stringify(stats.operators)}`,
          ...[...failureCounts(stats.failures)].map(([name, count]) => `  ${count} × ${name}`),
        ].join('\n'),
      );
      const shown = new Map<string, number>();
      for (const failure of stats.failures) {
        const name = failure.known?.name ?? `UNKNOWN ${failure.violation.kind} ${failure.violation.detail.slice(0, 60)}`;
        const count = shown.get(name) ?? 0;
        if (count < 3) console.log(`  ${failureLine(seed, failure)}`);
        shown.set(name, count + 1);
      }
      expect(stats.failures.filter((failure) => !failure.known).map((failure) => failureLine(seed, failure))).toEqual([]);
    });
  }
}

afterAll(() => {
  const report = process.env['FUZZ_REPORT'];
  if (!report || results.length === 0) return;
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() };
  writeFileSync(
    report,
    JSON.stringify(
      {
        seed,
        machine,
        kinds: results.map((stats) => ({
          kind: stats.kind,
          mutants: stats.mutants,
          textMutants: stats.textMutants,
          ok: stats.ok,
          issues: stats.issues,
          refused: stats.refused,
          seconds: stats.milliseconds / 1000,
          overOneSecond: stats.overOneSecond,
          slowest: stats.slowestTen.map((outcome) => ({ milliseconds: Math.round(outcome.milliseconds), result: outcome.result, replay: `${outcome.mutant.kind}:${outcome.mutant.index}`, mutant: `${outcome.mutant.seedName}: ${outcome.mutant.description.slice(0, 300)}` })),
          operators: stats.operators,
          failures: Object.fromEntries(failureCounts(stats.failures)),
          examples: stats.failures.slice(0, 400).map((failure) => failureLine(seed, failure)),
        })),
      },
      null,
      2,
    ),
  );
});
