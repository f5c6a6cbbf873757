import type { Abatement, ClimatePositiveResult } from './climate-positive.ts';
import type { NearZeroCriterion, NearZeroSet } from './criteria.ts';
import { boundaryIssue, t } from './texts.ts';
import type { BoundaryIssue, BoundaryRun, Text } from './types.ts';

export interface NearZeroCriterionResult {
  readonly id: string;
  readonly label: Text;
  readonly indicator: NearZeroCriterion['indicator'];
  readonly basis: NearZeroCriterion['basis'];
  readonly comparison: NearZeroCriterion['comparison'];
  readonly threshold: number;
  readonly unit: NearZeroCriterion['unit'];
  /** The indicator's value, and the figures it is computed from. */
  readonly value: number;
  readonly figures: { readonly emissions: number; readonly population?: number | undefined; readonly gdpWanYuan?: number | undefined; readonly baseline?: number | undefined };
  /** The reductions and credits in `emissions` (basis `net`); none for `gross`. */
  readonly creditsUsed: readonly Abatement[];
  readonly pass: boolean;
  readonly text: Text;
}

/** The district's figures a criterion may need, as the user states them (the inventory result keeps neither). */
export interface NearZeroOptions {
  /** Residents, for criteria per person. */
  readonly population?: number | undefined;
  /** GDP in 万元 (10^4 CNY), for criteria per GDP. */
  readonly gdpWanYuan?: number | undefined;
  /** Operational emissions of the baseline, tCO2e, for criteria on the reduction from it. */
  readonly baseline?: number | undefined;
}

export interface NearZeroResult {
  readonly district: string;
  readonly set: { readonly id: string; readonly name: Text; readonly source: NearZeroSet['source'] };
  readonly criteria: readonly NearZeroCriterionResult[];
  /** Every criterion passes. */
  readonly pass: boolean;
}

/**
 * A district against a near-zero-carbon demonstration-zone criteria set (criteria.ts: shipped, or the user's own
 * parsed by `parseNearZeroSet`): each criterion on the operational emissions of `assessClimatePositive`, gross or net
 * of its counted reductions and credits, per resident, per 万元 of GDP, or as the reduction from a baseline, each
 * figure stated in the options. A figure a criterion needs and the input lacks is an issue, never assumed.
 */
export function assessNearZero(
  climate: ClimatePositiveResult,
  set: NearZeroSet,
  options: NearZeroOptions = {},
): BoundaryRun<NearZeroResult> {
  const issues: BoundaryIssue[] = [];
  const { population, gdpWanYuan } = options;
  set.criteria.forEach((criterion, at) => {
    if (criterion.indicator === 'per-capita' && !(population !== undefined && Number.isFinite(population) && population > 0)) issues.push(boundaryIssue(['set', 'criteria', at], 'population-missing'));
    if (criterion.indicator === 'per-gdp' && !(gdpWanYuan !== undefined && Number.isFinite(gdpWanYuan) && gdpWanYuan > 0)) issues.push(boundaryIssue(['set', 'criteria', at], 'gdp-missing'));
    if (criterion.indicator === 'reduction-from-baseline' && (options.baseline === undefined || !Number.isFinite(options.baseline) || options.baseline <= 0)) {
      issues.push(boundaryIssue(['baseline'], 'baseline-missing', options.baseline === undefined ? undefined : String(options.baseline)));
    }
  });
  if (issues.length > 0) return { ok: false, issues };

  const criteria: NearZeroCriterionResult[] = set.criteria.map((criterion): NearZeroCriterionResult => {
    const emissions = criterion.basis === 'net' ? climate.net : climate.operational.total;
    let value: number;
    const figures: { emissions: number; population?: number; gdpWanYuan?: number; baseline?: number } = { emissions };
    switch (criterion.indicator) {
      case 'total':
        value = emissions;
        break;
      case 'per-capita':
        figures.population = population!;
        value = emissions / population!;
        break;
      case 'per-gdp':
        figures.gdpWanYuan = gdpWanYuan!;
        value = emissions / gdpWanYuan!;
        break;
      case 'reduction-from-baseline':
        figures.baseline = options.baseline!;
        value = (options.baseline! - emissions) / options.baseline!;
        break;
      default: {
        const unhandled: never = criterion.indicator;
        throw new Error(`unhandled indicator ${String(unhandled)}`);
      }
    }
    const pass = criterion.comparison === 'at-most' ? value <= criterion.threshold : value >= criterion.threshold;
    const sign = criterion.comparison === 'at-most' ? '≤' : '≥';
    return {
      id: criterion.id,
      label: criterion.label,
      indicator: criterion.indicator,
      basis: criterion.basis,
      comparison: criterion.comparison,
      threshold: criterion.threshold,
      unit: criterion.unit,
      value,
      figures,
      creditsUsed: criterion.basis === 'net' ? climate.counted : [],
      pass,
      text: {
        en: `${criterion.label.en}: ${t(value)} ${criterion.unit}, required ${sign} ${t(criterion.threshold)}: ${pass ? 'pass' : 'fail'}`,
        zh: `${criterion.label.zh}：${t(value)} ${criterion.unit}，要求 ${sign} ${t(criterion.threshold)}：${pass ? '达标' : '未达标'}`,
      },
    };
  });
  const beyond = outOfRange(criteria, options);
  if (beyond.length > 0) return { ok: false, issues: beyond };
  return {
    ok: true,
    value: { district: climate.district, set: { id: set.id, name: set.name, source: set.source }, criteria, pass: criteria.every((criterion) => criterion.pass) },
  };
}

/** The figure a criterion divides the emissions by, named as the options name it. */
const DIVISOR: Partial<Record<NearZeroCriterion['indicator'], keyof NearZeroOptions>> = { 'per-capita': 'population', 'per-gdp': 'gdpWanYuan', 'reduction-from-baseline': 'baseline' };

/**
 * A criterion's value beyond the doubles (a population of 1e-320 residents: emissions ÷ it is Infinity) is not a
 * verdict: the figure it divides by is refused, at its own path (`population`), as a figure that is missing is.
 */
function outOfRange(criteria: readonly NearZeroCriterionResult[], options: NearZeroOptions): BoundaryIssue[] {
  const figures = new Set(criteria.filter((criterion) => !Number.isFinite(criterion.value)).map((criterion) => DIVISOR[criterion.indicator]));
  return [...figures].filter((figure) => figure !== undefined).map((figure) => boundaryIssue([figure], 'figure-out-of-range', String(options[figure])));
}

