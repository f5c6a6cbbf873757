/**
 * The planner's pure logic (no DOM, no React): the shapes of the API's plan results, the catalogue
 * filter, the MACC's bar geometry, and the criteria scores read back from a computed ranking so the
 * core's MCDA can rank again with other weights. Unit-tested in test/web/plan-model.test.ts.
 */
import type { Job as StoredJob } from '../../app/jobs.ts';
import type { Alternative, CatalogueMeasure, Criterion, Infeasibility, Macc, MaccEntry, Prioritisation } from '@peakpath/core';

export type Name = { readonly en: string; readonly zh: string } | string;

/** `GET /api/documents/:id/result` for a plan: its MACC (the optimisation is a job). */
export interface MaccAnswer {
  readonly kind: 'plan';
  readonly version: number;
  readonly from: string;
  readonly result: { readonly macc: Macc };
}

export interface PathwaySummary {
  readonly id: string;
  readonly name: Name;
  /** BASIC tCO2e per year. */
  readonly total: readonly number[];
  readonly peak: { readonly year: number | null; readonly value: number | null };
}

export interface PortfolioRow {
  readonly action: string;
  readonly name: Name;
  readonly unit: string;
  readonly units: number;
  readonly adoption: number;
  readonly yesNo: boolean;
  readonly cost: number;
  readonly abatement: number;
}

export interface TargetRow {
  readonly id: string;
  readonly name: Name;
  readonly kind: string;
  readonly year: number;
  readonly met: boolean;
}

/** The `result` of a done plan job: `peakpath plan --json` (core `planJson`), the fields the page reads. */
export interface PlanJobResult {
  readonly from: string;
  readonly maccYear: number;
  readonly priceYear: number;
  readonly totalCost: number;
  readonly solution: { readonly status: string; readonly method: string; readonly cost: number | null };
  readonly constraints: { readonly targets: readonly string[]; readonly budget: readonly (number | null)[] | null };
  readonly portfolio: readonly PortfolioRow[];
  readonly pathway: PathwaySummary & { readonly years: readonly number[]; readonly targets: readonly TargetRow[] };
  readonly baselinePathway: PathwaySummary;
  readonly macc: Macc;
  readonly infeasible?: Infeasibility;
  readonly prioritisation?: Prioritisation & { readonly robustness: { readonly perturbation: number; readonly samples: number; readonly seed: number } };
  readonly assumptions: readonly { readonly code: string; readonly text: { readonly en: string; readonly zh: string } }[];
}

/** A plan job (docs/jobs.md): its result is the portfolio. */
export type Job = StoredJob<PlanJobResult>;

export const nameIn = (name: Name, lang: 'zh' | 'en'): string => (typeof name === 'string' ? name : name[lang] || name.en || name.zh);

// ---------------------------------------------------------------------------------------------
// The catalogue filter: what the officer picks, applied to the core's catalogue.

export interface CatalogueFilter {
  readonly category: string;
  readonly lever: string;
  readonly theme: string;
  readonly text: string;
  readonly usedOnly: boolean;
}

export const NO_FILTER: CatalogueFilter = { category: '', lever: '', theme: '', text: '', usedOnly: false };

/** The measures that pass every filter ('' = any); text matches the id and both names, case-insensitively. */
export function filterCatalogue(measures: readonly CatalogueMeasure[], filter: CatalogueFilter, used: ReadonlySet<string>): CatalogueMeasure[] {
  const needle = filter.text.trim().toLowerCase();
  return measures.filter((measure) => {
    if (filter.category && measure.category !== filter.category) return false;
    if (filter.lever && !measure.levers.some((lever) => lever.type === filter.lever)) return false;
    if (filter.theme && measure.theme !== filter.theme) return false;
    if (filter.usedOnly && !used.has(measure.id)) return false;
    if (needle && ![measure.id, measure.name.en, measure.name.zh].some((text) => text.toLowerCase().includes(needle))) return false;
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// The MACC: each bar as wide as its abatement, as high as its cost per tonne, in merit order.

export interface MaccBar {
  readonly id: string;
  readonly name: Name;
  readonly order: number;
  /** Left and right edge on the abatement axis, tCO2e in the MACC year. */
  readonly start: number;
  readonly end: number;
  readonly costPerTonne: number;
}

/**
 * The bars of a MACC, left to right. Entries that avoid nothing in the year (no cost per tonne) have no
 * width and no height: they are listed in the table, not drawn.
 */
export function maccBars(entries: readonly MaccEntry[]): MaccBar[] {
  const bars: MaccBar[] = [];
  let start = 0;
  for (const entry of entries) {
    if (entry.costPerTonne === null || !(entry.abatement > 0)) continue;
    bars.push({ id: entry.id, name: entry.name, order: entry.order, start, end: start + entry.abatement, costPerTonne: entry.costPerTonne });
    start += entry.abatement;
  }
  return bars;
}

// ---------------------------------------------------------------------------------------------
// The ranking again with other weights: the scores read back from a computed prioritisation.

export interface RankingInput {
  readonly criteria: Criterion[];
  readonly alternatives: Alternative[];
}

/**
 * The criteria and each measure's raw score, read back from a prioritisation the core computed: a
 * contribution is weight × the min–max normalised score, so the normalised score is contribution ÷
 * normalised weight and the raw score follows from the criterion's min and max. This is exact (to
 * rounding) when every weight is above 0; a criterion with weight 0 has lost its scores, and then the
 * answer is null — the page says so rather than guess them.
 */
export function rankingInput(prioritisation: Prioritisation): RankingInput | null {
  const criteria: Criterion[] = prioritisation.criteria.map(({ id, name, direction, weight }) => ({ id, name, direction, weight }));
  if (prioritisation.criteria.some((criterion) => !(criterion.normalisedWeight > 0))) return null;
  const alternatives: Alternative[] = prioritisation.ranking.map((ranked) => {
    const scores: Record<string, number> = {};
    for (const criterion of prioritisation.criteria) {
      const normalised = ranked.contributions[criterion.id]! / criterion.normalisedWeight;
      const span = criterion.max - criterion.min;
      // All alternatives equal on this criterion: the core gives each 0.5; any value in the range reproduces it.
      scores[criterion.id] = span === 0 ? criterion.min : criterion.direction === 'benefit' ? criterion.min + normalised * span : criterion.max - normalised * span;
    }
    return { id: ranked.id, scores };
  });
  return { criteria, alternatives };
}

/** The criteria with the user's weights in place of the plan's. */
export const withWeights = (criteria: readonly Criterion[], weights: Readonly<Record<string, number>>): Criterion[] =>
  criteria.map((criterion) => ({ ...criterion, weight: weights[criterion.id] ?? criterion.weight }));

/** True when the weights can be ranked: each finite and ≥ 0, at least one above 0 (the core's own rule). */
export const weightsValid = (weights: Readonly<Record<string, number>>): boolean => {
  const values = Object.values(weights);
  return values.every((value) => Number.isFinite(value) && value >= 0) && values.some((value) => value > 0);
};
