/**
 * One-line inventories for the calculation-method tests: run a single activity line and get its
 * result, or the problems it has, in the shapes the tests compare.
 */
import { formatIssue, runInventory, type InventoryResult, type Issue, type LineResult } from '@peakpath/core';
import { expectSchemaAccepts } from './schema-check.ts';

export type Fields = Record<string, unknown>;
export interface RunOptions {
  readonly gwp?: string;
  readonly year?: number;
}

/**
 * The inventory of a test city holding the given lines. Every file the method tests compute must also
 * be one the inventory schema accepts (core/src/documents/): the method tests check the schema's shapes
 * of the methods' fields too.
 */
export function runLines(lines: readonly Fields[], options: RunOptions = {}): ReturnType<typeof runInventory> {
  const document = { city: 'Test', year: options.year ?? 2022, gwp: options.gwp ?? 'AR5', activities: lines };
  const run = runInventory(document);
  if (run.ok) expectSchemaAccepts('inventory', document);
  return run;
}

/** The result of lines that must compute; their problems, formatted, otherwise. */
export function computeLines(lines: readonly Fields[], options: RunOptions = {}): InventoryResult {
  const run = runLines(lines, options);
  if (!run.ok) throw new Error(run.issues.map((issue) => formatIssue(issue)).join('\n'));
  return run.result;
}

/** The computed result line of one line. */
export const computeLine = (line: Fields, options: RunOptions = {}): LineResult => computeLines([line], options).lines[0]!;

/** The result if the lines compute, and their problems (none when they compute). */
export function outcome(lines: readonly Fields[], options: RunOptions = {}): { result?: InventoryResult; issues: readonly Issue[] } {
  const run = runLines(lines, options);
  return run.ok ? { result: run.result, issues: [] } : { issues: run.issues };
}

/** The problems of lines that must not compute (an empty list when they do). */
export const problemsOf = (lines: readonly Fields[]): readonly Issue[] => outcome(lines).issues;

/** The problems of lines that must not compute; throws when they do. */
export function issuesOf(lines: readonly Fields[]): readonly Issue[] {
  const run = runLines(lines);
  if (run.ok) throw new Error('expected input errors');
  return run.issues;
}

export const pathsAndCodes = (issues: readonly Issue[]): { path: string; code: string }[] =>
  issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }));

export const messages = (issues: readonly Issue[]): string[] => issues.map((issue) => formatIssue(issue));

/** A `{ value, unit }` pair. */
export const quantity = (value: number, unit = 't'): { value: number; unit: string } => ({ value, unit });
