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

const detail = (pattern: RegExp) => (violation: Violation): boolean => pattern.test(violation.detail);
const textOperator = (operator: string) => (_: Violation, outcome: Outcome | undefined): boolean => outcome?.text?.operator === operator;

export const KNOWN_FAILURES: readonly KnownClass[] = [
  // Crashes: exit 1 "internal error" on bad input.
  { name: 'crash: unresolved YAML alias (x: *nope) thrown by the reader', kind: 'throw', matches: detail(/^reader: ReferenceError: Unresolved alias \(the anchor must be set before the alias\): nope$/) },
  { name: 'crash: YAML alias bomb re-thrown by the reader', kind: 'throw', matches: detail(/^reader: ReferenceError: Excessive alias count indicates a resource exhaustion attack$/) },
  { name: 'crash: growth of 1e308 — LMDI receives Infinity', kind: 'throw', matches: detail(/^Error: decompose: .* must be a finite number (> 0|≥ 0), got -?Infinity$/) },
  { name: 'crash: driver base 0 / -0 / 1e308 — LMDI receives NaN', kind: 'throw', matches: detail(/^Error: decompose: .* must be a finite number (> 0|≥ 0), got NaN$/) },
  { name: 'crash (CLI): unresolved YAML alias, exit 1', kind: 'cli', matches: detail(/^exit 1: peakpath: internal error: Unresolved alias/) },
  { name: 'crash (CLI): YAML alias bomb, exit 1', kind: 'cli', matches: detail(/^exit 1: peakpath: internal error: Excessive alias count/) },
  // Accepted silently.
  { name: 'S1 sums that overflow: inventory totals Infinity', kind: 'non-finite', matches: detail(/^(basic|basicPlus|scope1|scope2|scope3|other) = -?Infinity$/) },
  { name: 'S4 a plan measure named __proto__ vanishes from the MACC', kind: 'dropped-entry', matches: detail(/^measure "__proto__" is neither refused nor in the result$/) },
  { name: 'S2 duplicate keys in JSON, last one wins', kind: 'accepted-hostile-text', matches: textOperator('json-duplicate-key') },
  { name: 'S3 a file that is not UTF-8 decoded into replacement characters', kind: 'accepted-hostile-text', matches: textOperator('invalid-utf8') },
  // Unclear messages.
  { name: 'unclear: a JSON BOM as JSON.parse\'s "Unexpected token", the quoted file text breaking the line (CLI)', kind: 'cli', matches: detail(/^problem line without a path: .*(\.\.\.|") is not valid JSON \/ 不是有效的 JSON$/) },
  // Unclear messages (beyond the list: found by this fuzzer).
  { name: 'new: a missing `adoption` reported as "expected object, got undefined"', kind: 'bad-message', matches: detail(/^type \((en|zh)\): \S+\.adoption: (expected object, got undefined|应为 object，实为 undefined)$/) },
  { name: "new: a plan's own catalogue entry: zod's English text \"… received undefined\" in both languages", kind: 'bad-message', matches: detail(/^invalid-catalogue \((en|zh)\): catalogue\.measures\[\d+\]\S*: .*Invalid input: expected \w+, received undefined$/) },
  { name: 'new: a sector `gpc` written as a string is read as a list, its problem reported at gpc[0]', kind: 'path-not-in-document', matches: detail(/^pathway unknown-gpc at sectors\.[^.]+\.gpc\[0\]$/) },
];

export function classify(outcome: Outcome, violation: Violation): KnownClass | undefined {
  return KNOWN_FAILURES.find((known) => known.kind === violation.kind && known.matches(violation, outcome));
}

export function classifyCli(violation: Violation): KnownClass | undefined {
  return KNOWN_FAILURES.find((known) => known.kind === violation.kind && known.matches(violation, undefined));
}
