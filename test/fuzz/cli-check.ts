/**
 * The real CLI on a text mutant: exit 0 or 2, never 1; no stack trace; every problem line with a
 * path (`activities[3].unit: …`) or, for a file that cannot be read, the file and where in it.
 */
import { peakpath } from '../support/cli.ts';
import type { Kind } from './harness.ts';
import type { Violation } from './properties.ts';

const HEADING = /: \d+ input problems?; nothing computed\.$/;
/** An issue line: a path (`(document)`, `activities[3].unit`, `--scenario`) then `: `. */
const ISSUE_LINE = /^(?:\(document\)|--?[\w-]+|[^\s:]+(?:\[\d+\])*(?:\.[^\s:]+)*): \S/;

export function checkCli(kind: Kind, file: string, cwd: string): { status: number | null; violations: Violation[]; stderr: string } {
  const run = peakpath([kind, file, ...(kind === 'plan' ? ['--json'] : [])], { cwd, timeout: 120_000 });
  const violations: Violation[] = [];
  const firstLine = run.stderr.split('\n')[0] ?? '';
  if (run.status !== 0 && run.status !== 2) violations.push({ kind: 'cli', detail: `exit ${run.status}: ${firstLine.slice(0, 200)}` });
  if (/^ {4}at /m.test(run.stderr) || /^ {4}at /m.test(run.stdout)) violations.push({ kind: 'cli', detail: `stack trace: ${firstLine.slice(0, 200)}` });
  if (run.status === 2) {
    const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
    const readerLine = lines.length === 1 && lines[0]!.startsWith(file) && /line \d+|bytes|byte|UTF-8|BOM|limit|cannot read/.test(lines[0]!);
    if (!readerLine) {
      for (const line of lines) {
        if (HEADING.test(line) || ISSUE_LINE.test(line)) continue;
        violations.push({ kind: 'cli', detail: `problem line without a path: ${line.slice(0, 200)}` });
      }
    }
  }
  return { status: run.status, violations, stderr: run.stderr };
}
