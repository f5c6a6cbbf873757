/**
 * A cluster's result as the network overview reads it (`GET /api/documents/:id/result` on a cluster document,
 * docs/clusters.md "The API", and its Monte Carlo job's result, docs/jobs.md), and the pure choices the block makes
 * from it: which years the scenarios are compared in, which year the probability of peaking is asked for, where the
 * pathways' problems are. Unit-tested in test/web/network-city-logic.test.ts.
 */
import type { ApiIssue, Bilingual } from '../../app/api.ts';

export type Peak = { readonly year: number | null; readonly value: number | null };

/** The part of a cluster's pathways in one scenario (`result.pathways.result`) the block shows. */
export interface ClusterPathwayFigures {
  readonly scenario: { readonly id: string; readonly name: Bilingual };
  readonly years: readonly number[];
  /** BASIC tCO2e per year, flows between members removed. */
  readonly total: readonly number[];
  readonly peak: Peak;
  readonly contributionYear: number;
  readonly contributions: readonly { readonly member: string; readonly atPeak: number; readonly share: number; readonly ownPeak: Peak }[];
  readonly members: readonly { readonly id: string; readonly name: string; readonly nameZh?: string; readonly scenario: string; readonly scenarioName: Bilingual; readonly counted: readonly number[] }[];
}

/** One cluster scenario in `result.pathways.comparison` (core `compareClusterScenarios`): BASIC tCO2e per year over the result's years. */
export interface ClusterScenarioFigures {
  readonly id: string;
  readonly name: Bilingual;
  readonly total: readonly number[];
  readonly peak: Peak;
  /** The peak of energy-activity CO2 (China's official basis), null when the cluster's official basis is not computed. */
  readonly officialPeak: Peak | null;
}

/** The pathways' problems when they cannot run: the body a 422 would carry (the aggregation still answers). */
export interface ClusterPathwaysError {
  readonly code: string;
  readonly message: Bilingual;
  readonly issues: readonly ApiIssue[];
}

export type ClusterPathwaysAnswer = { readonly result: ClusterPathwayFigures; readonly comparison: readonly ClusterScenarioFigures[] } | { readonly error: ClusterPathwaysError };

/** `GET /api/documents/:id/result` of a cluster document, the fields the block reads. */
export interface ClusterAnswer {
  readonly result: {
    readonly result: { readonly totals: { readonly total: number }; readonly reconciliation: { readonly members: { readonly total: number }; readonly removed: { readonly total: number } } };
    /** Present when the cluster's members name their pathways. */
    readonly pathways?: ClusterPathwaysAnswer;
  };
}

type Percentiles = { readonly p5: readonly number[]; readonly p25: readonly number[]; readonly p50: readonly number[]; readonly p75: readonly number[]; readonly p95: readonly number[] };

/** The `result` of a done cluster Monte Carlo job: `mc` is core `ClusterMonteCarloSummary`, the fields the block reads. */
export interface ClusterMonteCarloResult {
  readonly scenario: string;
  readonly runs: number;
  readonly seed: number;
  readonly from: string;
  readonly mc: {
    readonly runs: number;
    readonly seed: number;
    readonly scenario: string;
    /** The cluster's BASIC tCO2e per year. */
    readonly percentiles: Percentiles;
    /** Probability of having peaked by each year (the run's peak in that year or earlier). */
    readonly peakedBy: Readonly<Record<string, number>>;
    /** Share of runs peaking in each year; `none` when still rising at the horizon. */
    readonly peakYear: Readonly<Record<string, number>>;
    readonly members: readonly { readonly id: string; readonly peakedBy: Readonly<Record<string, number>> }[];
  };
}

/** The year China's national target names for the peak (碳达峰, "before 2030"): the year a planner asks about first. */
export const NATIONAL_PEAK_YEAR = 2030;

/** The years the scenarios are compared in: 2030 where the years have it, and the last year (as the pathway page's comparison). */
export function comparisonYears(years: readonly number[]): number[] {
  const last = years[years.length - 1];
  if (last === undefined) return [];
  return [...new Set([NATIONAL_PEAK_YEAR, last].filter((year) => years.includes(year)))];
}

/** The year the probability of peaking is shown for: 2030 within the years, else the last year. */
export function probabilityYear(years: readonly number[]): number | null {
  return years.includes(NATIONAL_PEAK_YEAR) ? NATIONAL_PEAK_YEAR : (years[years.length - 1] ?? null);
}

/** A scenario's emissions in a year of the result's years (null outside them). */
export const emissionsIn = (scenario: ClusterScenarioFigures, years: readonly number[], year: number): number | null => {
  const index = years.indexOf(year);
  return index < 0 ? null : (scenario.total[index] ?? null);
};

/** The peak-year shares in year order, "none" (no peak within the years) last. */
export function peakYearShares(peakYear: Readonly<Record<string, number>>): { readonly year: number | null; readonly share: number }[] {
  const years = Object.keys(peakYear).filter((key) => key !== 'none').map(Number).sort((a, b) => a - b);
  const rows: { year: number | null; share: number }[] = years.map((year) => ({ year, share: peakYear[String(year)]! }));
  if (peakYear['none'] !== undefined) rows.push({ year: null, share: peakYear['none'] });
  return rows;
}

/** A problem's place as the file writes it: `members.city-b.pathway`. */
export const issuePath = (issue: Pick<ApiIssue, 'path'>): string => issue.path.join('.');

/**
 * A problem's message without the place it starts with ("members.b.pathway: cannot get …" → "cannot get …"), for a
 * list that shows the place beside it; a message that does not start with its place is kept whole.
 */
export function issueText(issue: Pick<ApiIssue, 'path' | 'message'>, lang: 'en' | 'zh'): string {
  const message = issue.message[lang];
  const path = issuePath(issue);
  for (const colon of [': ', '：']) if (path !== '' && message.startsWith(`${path}${colon}`)) return message.slice(path.length + colon.length);
  return message;
}
