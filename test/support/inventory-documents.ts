/**
 * Inventory documents for the input-error tests: a small valid document, the same with one line
 * under test at `activities[3]`, and the problems a document gives.
 */
import { parseInventory, type Issue, type IssueDetail } from '@peakpath/core';

export type Fields = Record<string, unknown>;
export type MissingNeed = Extract<IssueDetail, { code: 'missing-factor' }>['need'];

/** Three lines that are valid under either factor set and any GWP set. */
export const VALID_LINES: readonly Fields[] = [
  { gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't' },
  { gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: '万kWh', grid: 'CN-east-2022' },
  { gpc: 'V.1.1', notation: 'NE', explanation: 'not estimated' },
];

/** A small valid document; `top` replaces or adds top-level fields. */
export function base(top: Fields = {}, lines: readonly Fields[] = VALID_LINES): Fields {
  return { city: { name: 'Test', country: 'CN' }, year: 2022, grid: 'CN-east-2022', activities: [...lines], ...top };
}

/** The base document with the line under test as `activities[3]`, after the three valid lines. */
export const withLine = (line: Fields, top: Fields = {}): Fields => base(top, [...VALID_LINES, line]);

/** The base document without some of its top-level fields. */
export function without(document: Fields, ...keys: string[]): Fields {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !keys.includes(key)));
}

/** Path of the line under test. */
export const LINE = ['activities', 3] as const;

export function issuesOf(document: unknown): readonly Issue[] {
  const result = parseInventory(document);
  if (result.ok) throw new Error('expected input errors, but the document is valid');
  return result.issues;
}

/** The missing-factor issue of the line under test. */
export const missing = (need: MissingNeed, fuel: string | undefined, context: string, ...path: string[]): Issue => ({
  path: [...LINE, ...path],
  code: 'missing-factor',
  need,
  fuel,
  context,
});
