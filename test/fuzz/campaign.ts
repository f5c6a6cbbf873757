/**
 * A run of many mutants of one kind: counts, times, the slowest mutant, and every failure sorted into
 * the known classes (known.ts) or left unknown — the in-suite test fails on unknown ones only.
 */
import { classify, type KnownClass } from './known.ts';
import { replayHint, type Fuzzer, type Kind, type Outcome } from './harness.ts';
import type { Violation } from './properties.ts';

export interface Failure {
  readonly outcome: Outcome;
  readonly violation: Violation;
  readonly known: KnownClass | undefined;
}

export interface CampaignStats {
  readonly kind: Kind;
  readonly mutants: number;
  readonly ok: number;
  readonly issues: number;
  readonly refused: number;
  readonly textMutants: number;
  readonly milliseconds: number;
  readonly slowest: Outcome | undefined;
  /** The ten slowest mutants, slowest first. */
  readonly slowestTen: readonly Outcome[];
  /** Mutants that took a second or more. */
  readonly overOneSecond: number;
  readonly failures: readonly Failure[];
  /** Mutants per operator, to show what the run covered. */
  readonly operators: Readonly<Record<string, number>>;
}

export async function campaign(fuzzer: Fuzzer, kind: Kind, count: number, onOutcome?: (outcome: Outcome) => void, first = 0): Promise<CampaignStats> {
  let ok = 0;
  let issues = 0;
  let refused = 0;
  let textMutants = 0;
  let milliseconds = 0;
  let slowest: Outcome | undefined;
  let slowestTen: Outcome[] = [];
  let overOneSecond = 0;
  const failures: Failure[] = [];
  const operators: Record<string, number> = {};
  for (let index = first; index < first + count; index++) {
    const outcome = await fuzzer.run(kind, index);
    onOutcome?.(outcome);
    if (outcome.result === 'ok') ok++;
    else if (outcome.result === 'issues') issues++;
    else refused++;
    if (outcome.text) textMutants++;
    milliseconds += outcome.milliseconds;
    if (!slowest || outcome.milliseconds > slowest.milliseconds) slowest = outcome;
    if (outcome.milliseconds >= 1000) overOneSecond++;
    if (slowestTen.length < 10 || outcome.milliseconds > slowestTen[slowestTen.length - 1]!.milliseconds) {
      slowestTen = [...slowestTen, outcome].sort((a, b) => b.milliseconds - a.milliseconds).slice(0, 10);
    }
    for (const operator of outcome.mutant.operators) operators[operator] = (operators[operator] ?? 0) + 1;
    for (const violation of outcome.violations) failures.push({ outcome, violation, known: classify(outcome, violation) });
  }
  return { kind, mutants: count, ok, issues, refused, textMutants, milliseconds, slowest, slowestTen, overOneSecond, failures, operators };
}

/** One line per failure: its class, what was done, what happened, and how to replay it. */
export const failureLine = (seed: number, failure: Failure): string =>
  `${failure.known ? `known [${failure.known.name}]` : 'UNKNOWN'} ${failure.violation.kind}: ${failure.violation.detail} — ${failure.outcome.mutant.seedName}: ${failure.outcome.mutant.description.slice(0, 300)} — replay: ${replayHint(seed, failure.outcome.mutant)}`;

/** Counts of the failures by known class, and the unknown ones. */
export function failureCounts(failures: readonly Failure[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const failure of failures) {
    const name = failure.known ? failure.known.name : `UNKNOWN ${failure.violation.kind}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
