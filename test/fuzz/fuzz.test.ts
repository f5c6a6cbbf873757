/**
 * The fuzzer in `npm test` (issue 11, item 4): a few hundred mutants of each document kind (inventory, pathway,
 * plan, cluster and district files), seeded
 * (FUZZ_SEED overrides the default; every failure prints its replay), through the engine in process,
 * and a handful of hostile files through the real CLI. Failures of a known class (known.ts: bugs of
 * issue 11 being fixed) are printed with their counts and tolerated; any other failure fails the test.
 * No timed assertions: times are the long run's (`npm run fuzz`, BENCHMARKS.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaign, failureCounts, failureLine, type Failure } from './campaign.ts';
import { checkCli } from './cli-check.ts';
import { Fuzzer, KINDS, type Kind } from './harness.ts';
import { classifyCli, KNOWN_FAILURES } from './known.ts';
import { fuzzSeed } from './random.ts';
import type { TextOperator } from './text-mutators.ts';

const seed = fuzzSeed(2026);
/** Plans run the optimiser (with few solves): fewer of them. A cluster's pathways and a district read several inventories each. */
const COUNTS: Record<Kind, number> = { inventory: 300, pathway: 300, plan: 100, cluster: 400, district: 400 };

let fuzzer: Fuzzer;
beforeAll(async () => {
  fuzzer = await Fuzzer.create({ seed, textShare: 0.1, longString: 500, depth: 2_000, planLimits: { sequentialSolves: 4, relaxationSolves: 20, diagnosisSolves: 2, solverSeconds: 10 } });
});
/** Known classes met in this run: the others are printed at the end, candidates for removal once fixed. */
const met = new Set<string>();
afterAll(() => {
  fuzzer.close();
  const unmet = KNOWN_FAILURES.filter((known) => !met.has(known.name)).map((known) => known.name);
  if (unmet.length > 0) console.log(`[fuzz] known classes not met with seed ${seed}: ${unmet.join('; ')}`);
});

/** Prints every failure and the counts per class; returns the unknown ones. */
function report(kind: string, failures: readonly Failure[]): string[] {
  for (const failure of failures) if (failure.known) met.add(failure.known.name);
  for (const [name, count] of failureCounts(failures)) console.log(`[fuzz] ${kind}: ${count} × ${name}`);
  for (const failure of failures) console.log(`[fuzz]   ${failureLine(seed, failure)}`);
  return failures.filter((failure) => !failure.known).map((failure) => failureLine(seed, failure));
}

describe(`fuzzer, seed ${seed} (replay one mutant: FUZZ_SEED=${seed} FUZZ_REPLAY=kind:index npm run fuzz)`, () => {
  for (const kind of KINDS) {
    it(`${COUNTS[kind]} ${kind} mutants: no throw, every issue with its document and path and a clean message, finite totals`, { timeout: 300_000 }, async () => {
      const stats = await campaign(fuzzer, kind, COUNTS[kind]);
      console.log(`[fuzz] ${kind}: ${stats.mutants} mutants (${stats.textMutants} text), ok ${stats.ok}, issues ${stats.issues}, refused by the reader ${stats.refused}`);
      // The run must reach both outcomes, or its properties were never exercised.
      expect(stats.ok).toBeGreaterThan(0);
      expect(stats.issues).toBeGreaterThan(0);
      expect(report(kind, stats.failures)).toEqual([]);
    });
  }

  const CLI_CASES: readonly [Kind, TextOperator][] = [
    ['inventory', 'truncate'],
    ['inventory', 'unresolved-alias'],
    ['inventory', 'json-bom'],
    ['pathway', 'alias-bomb'],
    ['pathway', 'deep-nesting'],
    ['pathway', 'duplicate-key'],
    ['cluster', 'duplicate-line'],
    ['cluster', 'bom'],
    ['district', 'unresolved-alias'],
  ];
  it(`the real CLI on ${CLI_CASES.length} hostile files: exit 0 or 2, no stack trace, every problem line with a path`, { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    for (const [index, [kind, operator]] of CLI_CASES.entries()) {
      const { folder, file, text } = fuzzer.textFile(kind, index, operator);
      const run = checkCli(kind, file, folder);
      console.log(`[fuzz] cli ${kind} ${text.operator}: exit ${run.status}`);
      for (const violation of run.violations) {
        const known = classifyCli(violation);
        if (known) met.add(known.name);
        const line = `${known ? `known [${known.name}]` : 'UNKNOWN'} ${violation.kind}: ${violation.detail} — ${kind} ${text.description}`;
        console.log(`[fuzz]   ${line}`);
        if (!known) failures.push(line);
      }
    }
    expect(failures).toEqual([]);
  });
});
