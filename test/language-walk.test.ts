/**
 * Issue 13 item 3, "done when": every message code, in both languages, is walked with representative parameters and
 * held to the one language rule (test/support/language-check.ts). The samples are keyed by code, reason, need and
 * kind, so a new one that has no sample here does not type-check.
 */
import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  PLAUSIBILITY_BOUNDS,
  type DocumentKind,
  type Issue,
  type IssueCode,
  type IssueDetail,
  type MissingFactor,
  type NotApplicableReason,
  type ReferenceKind,
} from '@peakpath/core';
import { languageProblems } from './support/language-check.ts';

type Samples = { readonly [C in IssueCode]: readonly Extract<IssueDetail, { code: C }>[] };

const NEEDS: Record<MissingFactor, true> = {
  ncv: true,
  'ncv-per-volume': true,
  'ncv-per-mass': true,
  co2: true,
  ch4: true,
  n2o: true,
  'carbon-content': true,
  oxidation: true,
  technology: true,
};
const REASONS: Record<NotApplicableReason, true> = {
  technology: true,
  'ch4-origin': true,
  'coal-rate': true,
  'cn-method': true,
  'points-only': true,
  'share-base': true,
  'stock-only': true,
  'computed-criterion': true,
  'own-effects': true,
  'yes-no-min': true,
  'city-wide-lever': true,
  'feedstock-row': true,
  'plant-share': true,
  'official-energy': true,
};
const REFERENCE_KINDS: Record<ReferenceKind, true> = {
  driver: true,
  sector: true,
  action: true,
  scenario: true,
  carrier: true,
  parameter: true,
  measure: true,
  'catalogue-measure': true,
  target: true,
  criterion: true,
  source: true,
  indicator: true,
  hazard: true,
};
const DOCUMENT_KINDS: Record<DocumentKind, true> = { inventory: true, pathway: true, plan: true, tracking: true, cluster: true, district: true };
const keys = <K extends string>(record: Record<K, true>): K[] => Object.keys(record) as K[];
const kinds = keys(DOCUMENT_KINDS);

const SAMPLES: Samples = {
  required: [{ code: 'required' }],
  type: (['string', 'number', 'integer', 'object', 'array', 'boolean'] as const).flatMap((expected) =>
    ['string', 'number', 'object', 'array', 'boolean', 'null', 'an empty string', 'an empty array', '2.5', '"abc"'].map((got) => ({ code: 'type' as const, expected, got })),
  ),
  'not-finite': [{ code: 'not-finite' }],
  negative: [{ code: 'negative' }],
  'out-of-range': [{ code: 'out-of-range', min: 0, max: 1, got: 1.5 }],
  enum: [
    { code: 'enum', got: 'basic', allowed: ['BASIC', 'BASIC+'], suggestion: 'BASIC' },
    { code: 'enum', got: '煤', allowed: ['ipcc2006', 'cn'] },
  ],
  'unknown-field': [{ code: 'unknown-field', field: 'amont', suggestion: 'amount' }],
  'unknown-unit': [{ code: 'unknown-unit', got: 'kWhh', suggestion: 'kWh' }, { code: 'unknown-unit', got: '吨吨' }],
  'wrong-dimension': [
    { code: 'wrong-dimension', unit: 't', got: 'mass', expected: ['energy'] },
    { code: 'wrong-dimension', unit: 'GJ/t', got: 'energy/mass', expected: ['energy/volume', 'energy/mass'] },
    { code: 'wrong-dimension', unit: 'vehicle', got: 'count', expected: ['dimensionless', 'population', 'money', 'area', 'distance', 'time', 'power', 'head', 'carbon', 'emissions', 'volume'] },
  ],
  'unknown-fuel': [{ code: 'unknown-fuel', got: 'diesl', suggestion: 'diesel' }],
  'not-a-fuel': [
    { code: 'not-a-fuel', got: '热力', energy: 'heat' },
    { code: 'not-a-fuel', got: 'electricity', energy: 'electricity' },
  ],
  'unknown-gpc': [{ code: 'unknown-gpc', got: 'I.1.9', suggestion: 'I.1.1' }],
  'unknown-grid': [{ code: 'unknown-grid', got: 'CN-est-2022', suggestion: 'CN-east-2022' }],
  'not-positive': [{ code: 'not-positive' }],
  'invalid-country': [{ code: 'invalid-country', got: 'China' }],
  'not-applicable': keys(REASONS).map((reason) => ({ code: 'not-applicable' as const, field: 'technology', reason })),
  conflict: [{ code: 'conflict', fields: ['ef', 'carbonContent'] }],
  'shares-sum': [{ code: 'shares-sum', got: 1.2 }],
  'other-gas-gwp': [{ code: 'other-gas-gwp', gas: 'SF6' }],
  'year-sequence': [{ code: 'year-sequence', expected: 2021, got: 2023 }],
  'no-form': [{ code: 'no-form' }, { code: 'no-form', suggestion: { field: 'energy', form: 'electricity' } }],
  'many-forms': [{ code: 'many-forms', forms: ['fuel', 'energy'] }],
  'form-not-on-row': [{ code: 'form-not-on-row', form: 'electricity', gpc: 'I.1.1', allowed: ['fuel', 'emissions', 'notation'] }],
  'missing-factor': keys(NEEDS).flatMap((need) => [
    { code: 'missing-factor' as const, need },
    { code: 'missing-factor' as const, need, fuel: 'coke_oven_gas', context: 'manufacturing' },
    { code: 'missing-factor' as const, need, fuel: 'other_energy', context: 'road' },
  ]),
  'missing-grid': [{ code: 'missing-grid' }],
  'missing-coal-rate': [{ code: 'missing-coal-rate' }],
  'ch4-origin-required': [{ code: 'ch4-origin-required', gpc: 'III.4.1' }],
  'not-a-document': ['string', 'array', 'number', 'null'].flatMap((got) => [{ code: 'not-a-document' as const, got }, ...kinds.map((kind) => ({ code: 'not-a-document' as const, got, kind }))]),
  'unknown-method': [{ code: 'unknown-method', got: 'landfil', suggestion: 'landfill' }],
  'method-not-on-row': [{ code: 'method-not-on-row', method: 'landfill', gpc: 'I.1.1', rows: ['III.1.1', 'III.1.2'] }],
  'energy-recovery-row': (['grid', 'onsite', 'none'] as const).map((recovery) => ({ code: 'energy-recovery-row' as const, recovery, gpc: 'III.3.1', rows: ['I.4.4'] })),
  'missing-parameter': [
    { code: 'missing-parameter', field: 'doc', method: 'landfill' },
    { code: 'missing-parameter', field: 'doc', method: 'landfill', category: 'food' },
  ],
  'unknown-category': [{ code: 'unknown-category', got: 'fod', allowed: ['food', 'paper'], suggestion: 'food' }],
  duplicate: [{ code: 'duplicate', key: 'CO2', first: ['activities', 2, 'ef', 'CO2'] }],
  overflow: [{ code: 'overflow' }, { code: 'overflow', year: 2040 }, { code: 'overflow', lines: [1, 4] }],
  'after-inventory-year': [{ code: 'after-inventory-year', got: 2024, year: 2022 }],
  'missing-reference': kinds.map((kind) => ({ code: 'missing-reference' as const, kind })),
  'unresolved-reference': kinds.map((kind) => ({
    code: 'unresolved-reference' as const,
    kind,
    reference: 'base.yaml',
    reason: { en: 'no such document', zh: '没有该文件' },
  })),
  'unsupported-version': kinds.map((kind) => ({ code: 'unsupported-version' as const, kind, got: 3, max: 2 })),
  'unknown-reference': keys(REFERENCE_KINDS).map((kind) => ({ code: 'unknown-reference' as const, kind, got: 'trnsport', suggestion: 'transport' })),
  'unmapped-row': [{ code: 'unmapped-row', gpc: 'II.1.1' }],
  'overlapping-sectors': [{ code: 'overlapping-sectors', gpc: 'I.1.1', sectors: ['buildings', 'homes'] }],
  'base-mismatch': [
    { code: 'base-mismatch', given: 120, inventory: 100, unit: 'tce' },
    { code: 'base-mismatch', given: 120, inventory: 100, unit: 'person' },
  ],
  'driver-cycle': [{ code: 'driver-cycle', drivers: ['gdp', 'population', 'gdp'] }],
  'series-start': [{ code: 'series-start', needed: 2020, got: 2025 }],
  'shares-exceed': [{ code: 'shares-exceed', year: 2030, got: 1.1 }],
  'distribution-range': [{ code: 'distribution-range', nominal: 5, min: 1, max: 3 }],
  'not-uncertain': [{ code: 'not-uncertain', got: 'drivers.gdp.growth.2031' }],
  'correlation-members': [
    { code: 'correlation-members', min: 2, max: 2, got: 3 },
    { code: 'correlation-members', min: 2, got: 1 },
  ],
  'correlation-limit': [{ code: 'correlation-limit', max: 200, got: 250 }],
  'correlation-not-psd': [
    {
      code: 'correlation-not-psd',
      pairs: [
        { between: ['drivers.gdp.growth.2026', 'drivers.gdp.growth.2031'], rank: 0.9 },
        { between: ['drivers.gdp.growth.2031', 'grid.points.2030'], rank: 0.9 },
        { between: ['drivers.gdp.growth.2026', 'grid.points.2030'], rank: -0.9 },
      ],
      unstated: [],
    },
    {
      code: 'correlation-not-psd',
      pairs: [
        { between: ['drivers.gdp.growth.2026', 'drivers.gdp.growth.2031'], rank: 1 },
        { between: ['drivers.gdp.growth.2026', 'grid.points.2030'], rank: 0.5 },
      ],
      unstated: [['drivers.gdp.growth.2031', 'grid.points.2030']],
    },
  ],
  'empty-sector': [{ code: 'empty-sector', gpc: ['I.1', 'I.2'] }],
  'missing-carrier': [
    { code: 'missing-carrier', carrier: 'electricity', sector: 'industry' },
    { code: 'missing-carrier', carrier: 'natural_gas', sector: 'industry' },
  ],
  'no-plant-fuel': [{ code: 'no-plant-fuel', source: 'coal' }],
  'decline-base-before': [{ code: 'decline-base-before', from: 2005, baseYear: 2020 }],
  'reserved-id': [{ code: 'reserved-id', got: '__proto__' }],
  'invalid-date': [{ code: 'invalid-date', got: '2025-02-30' }],
  'year-order': [{ code: 'year-order', year: 2022, previous: 2023 }],
  'date-order': [{ code: 'date-order', field: 'start', date: '2025-03-01', got: '2025-01-15' }],
  'cluster-input': [{ code: 'cluster-input', reason: 'unknown-line', text: { en: 'the member has no line 9', zh: '该成员没有第 9 行' } }],
  'district-input': [{ code: 'district-input', reason: 'population-missing', text: { en: 'a criterion per person needs the population', zh: '人均指标需要给出人口' } }],
  'target-goal': (['no-change', 'direction', 'base-year', 'baseline-required', 'reduction-of-increase', 'before-base'] as const).map((reason) => ({ code: 'target-goal' as const, reason })),
  'catalogue-gap': [
    { code: 'catalogue-gap', measure: 'led-streetlights', field: 'capex' },
    { code: 'catalogue-gap', measure: 'led-streetlights', field: 'levers[0].reduction' },
  ],
  'action-exists': [{ code: 'action-exists', id: 'solar' }],
  'missing-rate': [{ code: 'missing-rate', currency: 'EUR', year: 2015, priceYear: 2023 }],
  'constant-quantity': [
    { code: 'constant-quantity', lever: 'generation' },
    { code: 'constant-quantity', lever: 'removal' },
  ],
  'self-reference': [
    { code: 'self-reference', field: 'requires', id: 'solar' },
    { code: 'self-reference', field: 'excludes', id: 'solar' },
  ],
  'invalid-catalogue': [{ code: 'invalid-catalogue', message: 'Too small: expected number to be >=0' }],
  implausible: PLAUSIBILITY_BOUNDS.flatMap((bound) => [
    { code: 'implausible' as const, bound, got: 123_456_789 },
    { code: 'implausible' as const, bound, got: 0.5, year: 2030 },
  ]),
  'duplicate-line': [
    { code: 'duplicate-line', first: 2, match: 'amount' },
    { code: 'duplicate-line', first: 2, match: 'fields' },
  ],
  'generation-missing': [{ code: 'generation-missing', lines: [3, 4] }],
  'landfill-gas-balance': [{ code: 'landfill-gas-balance', recoveredForEnergy: 1200.5, burnt: 800 }],
};

const issues: Issue[] = Object.values(SAMPLES)
  .flat()
  .map((detail): Issue => ({ path: ['activities', 3, 'unit'], ...(detail as IssueDetail) }))
  // The whole document, which has no path of its own.
  .concat([{ path: [], code: 'not-a-document', got: 'array' }]);

describe('every message code in both languages', () => {
  it('has a sample of every code', () => {
    expect(Object.values(SAMPLES).every((samples) => samples.length > 0)).toBe(true);
    expect(issues.length).toBeGreaterThan(150);
  });

  it.each(['zh', 'en'] as const)('every %s message is in that language only', (lang) => {
    const problems = issues.flatMap((issue) => languageProblems(formatIssue(issue, lang), lang, issue.code));
    expect(problems).toEqual([]);
  });
});
