/**
 * The failures the fuzzer finds today, each a named class of issue 11 that is being fixed (or, marked
 * "new", one the fuzzer found beyond the list). The in-suite run prints them with their counts
 * and tolerates them; any failure outside these classes fails the test. A class matches by the kind of
 * failure and the exact error message or issue code — narrow enough that a new bug does not hide in it.
 * Remove a class when its fix is merged: the test then fails if the fix did not hold.
 */
import type { Outcome } from './harness.ts';
import type { FailureKind, Violation } from './properties.ts';

export interface KnownClass {
  /** The issue-11 item and what fails. */
  readonly name: string;
  readonly kind: FailureKind;
  readonly matches: (violation: Violation, outcome: Outcome | undefined) => boolean;
}


export const KNOWN_FAILURES: readonly KnownClass[] = [
];

export function classify(outcome: Outcome, violation: Violation): KnownClass | undefined {
  return KNOWN_FAILURES.find((known) => known.kind === violation.kind && known.matches(violation, outcome));
}

export function classifyCli(violation: Violation): KnownClass | undefined {
  return KNOWN_FAILURES.find((known) => known.kind === violation.kind && known.matches(violation, undefined));
}
