import type { Issue } from '../issues/issue.ts';
import { describeIssue, formatIssue } from '../issues/messages.ts';
import { indicatorsFromTable, type IndicatorsImport } from './indicators.ts';
import { linesFromTable, placeOfPath, type LinesImport } from './lines-import.ts';
import type { TableSheet } from './columns.ts';
import type { TableProblem } from './problems.ts';

/** A lines table and, when given, an indicators table, read together. */
export interface TablesImport {
  readonly lines: LinesImport;
  readonly indicators: IndicatorsImport | undefined;
  /** Every problem of both sheets. */
  readonly problems: readonly TableProblem[];
}

export function importTables(lines: TableSheet, indicators?: TableSheet): TablesImport {
  const linesImport = linesFromTable(lines);
  const indicatorsImport = indicators === undefined ? undefined : indicatorsFromTable(indicators);
  return { lines: linesImport, indicators: indicatorsImport, problems: [...linesImport.problems, ...(indicatorsImport?.problems ?? [])] };
}

/**
 * The inventory document with the table's lines as its `activities` (all of them: the table is the
 * lines, not an addition) and the indicators' year, population and GDP; every other field is kept, in
 * its place.
 */
export function documentWithTables(document: Readonly<Record<string, unknown>>, imported: TablesImport): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...imported.indicators?.fields, activities: imported.lines.lines };
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) next[key] = Object.hasOwn(fields, key) ? fields[key] : value;
  for (const [key, value] of Object.entries(fields)) if (!Object.hasOwn(next, key)) next[key] = value;
  return next;
}

/** An inventory issue of the imported document, told by its cell where it has one (`lines!E5 (unit): …`). */
export function tableIssueText(imported: TablesImport, issue: Issue, lang: 'en' | 'zh'): { cell: string | undefined; text: string } {
  const place = placeOfPath(imported.lines, issue.path);
  if (place === undefined) return { cell: undefined, text: formatIssue(issue, lang) };
  const field = issue.path.slice(2).join('.');
  return { cell: place.cell, text: `${place.cell}${place.header === undefined ? '' : ` (${place.header})`}${field === '' ? '' : ` ${field}`}: ${describeIssue(issue, lang)}` };
}
