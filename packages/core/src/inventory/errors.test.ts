/**
 * Input errors, one class at a time: every issue code of issues/issue.ts, and every value a method
 * can find missing (`missing-factor` by `need`). Each case states the complete list of issues its
 * input gives, with codes, parameters and exact paths.
 *
 * The case tables are typed `Record<IssueCode, …>` and `Record<MissingNeed, …>`, so a code added
 * to the Issue type without a case here fails the type check.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentIssueCode, Issue, IssueCode, PathwayIssueCode, PlanIssueCode, TrackingIssueCode, ClusterIssueCode, DistrictIssueCode, WarningCode } from '../index.ts';
import { base, issuesOf, LINE, missing, withLine, without, type Fields, type MissingNeed } from '../../../../test/support/inventory-documents.ts';

interface Case {
  readonly name: string;
  readonly document: unknown;
  /** Every issue the document gives, in order. */
  readonly issues: readonly Issue[];
  /** Only check that these issues are among those reported. */
  readonly partial?: true;
}

function check(testCase: Case): void {
  const issues = issuesOf(testCase.document);
  if (testCase.partial) {
    for (const issue of testCase.issues) expect(issues).toContainEqual(issue);
  } else {
    expect(issues).toEqual(testCase.issues);
  }
}

// The codes of references between documents have their cases in engine/engine.test.ts; warnings, in engine/warnings.test.ts;
// the tracking file's own codes, in tracking/parse.test.ts.
const cases: Record<Exclude<IssueCode, 'missing-factor' | PathwayIssueCode | PlanIssueCode | DocumentIssueCode | TrackingIssueCode | ClusterIssueCode | DistrictIssueCode | WarningCode>, readonly Case[]> = {
  required: [
    { name: 'no city', document: without(base(), 'city'), issues: [{ path: ['city'], code: 'required' }] },
    { name: 'no year', document: without(base(), 'year'), issues: [{ path: ['year'], code: 'required' }] },
    { name: 'no activities', document: without(base(), 'activities'), issues: [{ path: ['activities'], code: 'required' }] },
    { name: 'no city.name', document: base({ city: { country: 'CN' } }), issues: [{ path: ['city', 'name'], code: 'required' }] },
    {
      name: 'a fuel line without amount',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', unit: 't' }),
      issues: [{ path: [...LINE, 'amount'], code: 'required' }],
    },
    {
      name: 'a notation line without explanation',
      document: withLine({ gpc: 'I.8.1', notation: 'NO' }),
      issues: [{ path: [...LINE, 'explanation'], code: 'required' }],
    },
  ],
  type: [
    { name: 'year as a string', document: base({ year: '2022' }), issues: [{ path: ['year'], code: 'type', expected: 'integer', got: 'string' }] },
    { name: 'year with a fraction', document: base({ year: 2022.5 }), issues: [{ path: ['year'], code: 'type', expected: 'integer', got: '2022.5' }] },
    { name: 'an empty city', document: base({ city: '' }), issues: [{ path: ['city'], code: 'type', expected: 'string', got: 'an empty string' }] },
    { name: 'activities as an object', document: base({ activities: {} }), issues: [{ path: ['activities'], code: 'type', expected: 'array', got: 'object' }] },
    { name: 'activities: null (named null, not object)', document: base({ activities: null }), issues: [{ path: ['activities'], code: 'type', expected: 'array', got: 'null' }] },
    { name: 'a line that is a string', document: withLine('I.3.1' as unknown as Fields), issues: [{ path: LINE, code: 'type', expected: 'object', got: 'string' }] },
    {
      name: 'amount as a string',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: '1', unit: 't' }),
      issues: [{ path: [...LINE, 'amount'], code: 'type', expected: 'number', got: 'string' }],
    },
    {
      name: 'ncv as a number',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't', ncv: 43 }),
      issues: [{ path: [...LINE, 'ncv'], code: 'type', expected: 'object', got: 'number' }],
    },
  ],
  'not-finite': [
    // NaN and Infinity come from JS objects, and from YAML's `.nan` and `.inf` (see test/cli.test.ts).
    {
      name: 'amount NaN',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: Number.NaN, unit: 't' }),
      issues: [{ path: [...LINE, 'amount'], code: 'not-finite' }],
    },
    {
      name: 'amount Infinity',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: Number.POSITIVE_INFINITY, unit: 't' }),
      issues: [{ path: [...LINE, 'amount'], code: 'not-finite' }],
    },
    { name: 'population -Infinity', document: base({ population: Number.NEGATIVE_INFINITY }), issues: [{ path: ['population'], code: 'not-finite' }] },
  ],
  negative: [
    {
      name: 'a negative fuel amount',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: -5, unit: 't' }),
      issues: [{ path: [...LINE, 'amount'], code: 'negative' }],
    },
    {
      name: 'negative emissions outside sector V',
      document: withLine({ gpc: 'IV.1.1', gas: 'CO2', amount: -5, unit: 't' }),
      issues: [{ path: [...LINE, 'amount'], code: 'negative' }],
    },
    { name: 'a negative population', document: base({ population: -1 }), issues: [{ path: ['population'], code: 'negative' }] },
    { name: 'a negative GDP', document: base({ gdp: { value: -3, unit: '亿元' } }), issues: [{ path: ['gdp', 'value'], code: 'negative' }] },
  ],
  'out-of-range': [
    { name: 'year 1800', document: base({ year: 1800 }), issues: [{ path: ['year'], code: 'out-of-range', min: 1900, max: 2100, got: 1800 }] },
    { name: 'year 2101', document: base({ year: 2101 }), issues: [{ path: ['year'], code: 'out-of-range', min: 1900, max: 2100, got: 2101 }] },
    {
      name: 'oxidation 1.5',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't', oxidation: 1.5 }),
      issues: [{ path: [...LINE, 'oxidation'], code: 'out-of-range', min: 0, max: 1, got: 1.5 }],
    },
  ],
  'not-positive': [
    { name: 'a population of 0', document: base({ population: 0 }), issues: [{ path: ['population'], code: 'not-positive' }] },
    { name: 'a GDP of 0', document: base({ gdp: { value: 0, unit: '亿元' } }), issues: [{ path: ['gdp', 'value'], code: 'not-positive' }] },
  ],
  'invalid-country': [
    { name: 'a three-letter country code', document: base({ city: { name: 'Test', country: 'CHN' } }), issues: [{ path: ['city', 'country'], code: 'invalid-country', got: 'CHN' }] },
  ],
  'not-applicable': [
    {
      name: 'technology on a diesel line',
      document: withLine({ gpc: 'II.1.1', fuel: 'diesel', amount: 1, unit: 't', technology: 'gasoline-uncontrolled' }),
      issues: [{ path: [...LINE, 'technology'], code: 'not-applicable', field: 'technology', reason: 'technology' }],
    },
    {
      name: 'technology on a stationary gasoline line',
      document: withLine({ gpc: 'I.3.1', fuel: 'gasoline', amount: 1, unit: 't', technology: 'gasoline-uncontrolled' }),
      issues: [{ path: [...LINE, 'technology'], code: 'not-applicable', field: 'technology', reason: 'technology' }],
    },
    {
      name: 'ch4Origin on a CO2 line',
      document: withLine({ gpc: 'VI.1', gas: 'CO2', amount: 1, unit: 't', ch4Origin: 'fossil' }),
      issues: [{ path: [...LINE, 'ch4Origin'], code: 'not-applicable', field: 'ch4Origin', reason: 'ch4-origin' }],
    },
    {
      name: 'an oxidation rate under factorSet ipcc2006',
      document: withLine({ gpc: 'I.3.1', fuel: 'natural_gas', amount: 1000, unit: 't', oxidation: 0.5 }, { factorSet: 'ipcc2006' }),
      issues: [{ path: [...LINE, 'oxidation'], code: 'not-applicable', field: 'oxidation', reason: 'cn-method' }],
    },
    {
      name: 'a coal rate with the calorific method',
      document: base({ energyAccounting: { method: 'calorific', coalRate: { value: 300, unit: 'gce/kWh' } } }),
      issues: [{ path: ['energyAccounting', 'coalRate'], code: 'not-applicable', field: 'coalRate', reason: 'coal-rate' }],
    },
  ],
  conflict: [
    {
      name: 'ef.CO2 and carbonContent on one fuel line',
      document: withLine({ gpc: 'I.3.1', fuel: 'raw_coal', amount: 1, unit: 't', ef: { CO2: { value: 1.9, unit: 't/t' } }, carbonContent: { value: 26, unit: 'tC/TJ' } }),
      issues: [{ path: [...LINE, 'carbonContent'], code: 'conflict', fields: ['ef.CO2', 'carbonContent'] }],
    },
    {
      name: 'ef.CO2 and grid on one electricity line',
      document: withLine({ gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: 'MWh', grid: 'CN-east-2022', ef: { CO2: { value: 0.5, unit: 't/MWh' } } }),
      issues: [{ path: [...LINE, 'grid'], code: 'conflict', fields: ['ef.CO2', 'grid'] }],
    },
  ],
  'unknown-method': [
    {
      name: 'a misspelt method',
      document: withLine({ gpc: 'III.2.1', method: 'biological-treatmnt', treatment: 'composting', waste: { value: 1, unit: 't' } }),
      issues: [{ path: [...LINE, 'method'], code: 'unknown-method', got: 'biological-treatmnt', suggestion: 'biological-treatment' }],
    },
  ],
  'method-not-on-row': [
    {
      name: 'a waste method on an energy row',
      document: withLine({ gpc: 'I.3.1', method: 'biological-treatment', treatment: 'composting', waste: { value: 1, unit: 't' } }),
      issues: [{ path: [...LINE, 'gpc'], code: 'method-not-on-row', method: 'biological-treatment', gpc: 'I.3.1', rows: ['III.2.1', 'III.2.2', 'III.2.3'] }],
    },
  ],
  'energy-recovery-row': [
    {
      name: 'incineration with energy supplied to the grid written in Waste',
      document: withLine({ gpc: 'III.3.1', method: 'incineration', energyRecovery: 'grid', practice: 'incineration', stream: 'industrial', waste: { value: 1, unit: 't' } }),
      issues: [{ path: [...LINE, 'energyRecovery'], code: 'energy-recovery-row', recovery: 'grid', gpc: 'III.3.1', rows: ['I.4.4'] }],
    },
  ],
  'missing-parameter': [
    {
      name: 'a required method field with no default',
      document: withLine({ gpc: 'III.2.1', method: 'biological-treatment', waste: { value: 1, unit: 't' } }),
      issues: [{ path: [...LINE, 'treatment'], code: 'required' }],
      partial: true,
    },
  ],
  'unknown-category': [
    {
      name: 'a treatment the method does not know',
      document: withLine({ gpc: 'III.2.1', method: 'biological-treatment', treatment: 'compostng', waste: { value: 1, unit: 't' } }),
      issues: [{ path: [...LINE, 'treatment'], code: 'unknown-category', got: 'compostng', allowed: ['composting', 'anaerobic-digestion'], suggestion: 'composting' }],
    },
  ],
  'shares-sum': [
    {
      name: 'a treatment mix that does not add up to 1',
      document: withLine({
        gpc: 'III.4.1',
        method: 'wastewater-domestic',
        population: { value: 1, unit: '万人' },
        collected: true,
        treatment: [{ system: 'septic', share: 0.5 }, { system: 'aerobic-well-managed', share: 0.3 }],
        protein: { value: 94, unit: 'g/person/day' },
        economy: 'developing',
      }),
      issues: [{ path: [...LINE, 'treatment'], code: 'shares-sum', got: 0.8 }],
      partial: true,
    },
  ],
  'year-sequence': [
    {
      name: 'a disposal history with a gap',
      document: withLine({
        gpc: 'III.1.1',
        method: 'solid-waste-fod',
        doc: 0.15,
        site: 'managed-anaerobic',
        climate: 'boreal-temperate-wet',
        history: [
          { year: 2019, waste: { value: 1, unit: '万吨' } },
          { year: 2021, waste: { value: 1, unit: '万吨' } },
          { year: 2022, waste: { value: 1, unit: '万吨' } },
        ],
      }),
      issues: [{ path: [...LINE, 'history', 1, 'year'], code: 'year-sequence', expected: 2020, got: 2021 }],
      partial: true,
    },
  ],
  'other-gas-gwp': [
    {
      name: 'an HFC without its GWP',
      document: withLine({ gpc: 'IV.2.1', gas: 'HFC-134a', amount: 2, unit: 't' }),
      issues: [{ path: [...LINE, 'gwp'], code: 'other-gas-gwp', gas: 'HFC-134a' }],
    },
  ],
  enum: [
    { name: 'gwp "AR3"', document: base({ gwp: 'AR3' }), issues: [{ path: ['gwp'], code: 'enum', got: 'AR3', allowed: ['AR4', 'AR5', 'AR6'], suggestion: 'AR4' }] },
    {
      name: 'factorSet "IPCC"',
      document: base({ factorSet: 'IPCC' }),
      issues: [{ path: ['factorSet'], code: 'enum', got: 'IPCC', allowed: ['cn', 'ipcc2006'] }],
    },
    {
      name: 'quality "great"',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't', quality: 'great' }),
      issues: [{ path: [...LINE, 'quality'], code: 'enum', got: 'great', allowed: ['high', 'medium', 'low'] }],
    },
    {
      name: 'notation "XX"',
      document: withLine({ gpc: 'I.8.1', notation: 'XX', explanation: 'x' }),
      issues: [{ path: [...LINE, 'notation'], code: 'enum', got: 'XX', allowed: ['NO', 'IE', 'NE', 'C'] }],
    },
    {
      name: 'energy "steam"',
      document: withLine({ gpc: 'I.1.2', energy: 'steam', amount: 1, unit: 'GJ' }),
      issues: [{ path: [...LINE, 'energy'], code: 'enum', got: 'steam', allowed: ['electricity', 'heat'] }],
    },
    {
      // Also reported, on the same path: the missing technology that the bad value left unset.
      name: 'technology "diesel-euro6"',
      document: withLine({ gpc: 'II.1.1', fuel: 'gasoline', amount: 1, unit: 't', technology: 'diesel-euro6' }),
      issues: [
        {
          path: [...LINE, 'technology'],
          code: 'enum',
          got: 'diesel-euro6',
          allowed: ['gasoline-uncontrolled', 'gasoline-oxidation-catalyst', 'gasoline-low-mileage-1995'],
        },
      ],
      partial: true,
    },
    { name: 'gdp unit "yuan"', document: base({ gdp: { value: 1, unit: 'yuan' } }), issues: [{ path: ['gdp', 'unit'], code: 'enum', got: 'yuan', allowed: ['CNY', '万元', '亿元'] }] },
  ],
  'unknown-field': [
    {
      name: '"amout" on a line',
      document: withLine({ gpc: 'I.1.2', energy: 'electricity', amout: 1, unit: 'kWh', grid: 'CN-east-2022' }),
      issues: [
        { path: [...LINE, 'amout'], code: 'unknown-field', field: 'amout', suggestion: 'amount' },
        { path: [...LINE, 'amount'], code: 'required' },
      ],
    },
    {
      name: '"populaton" at the top',
      document: base({ populaton: 1000 }),
      issues: [{ path: ['populaton'], code: 'unknown-field', field: 'populaton', suggestion: 'population' }],
    },
    {
      name: '"CO3" in ef',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't', ef: { CO3: { value: 1, unit: 'kg/TJ' } } }),
      issues: [{ path: [...LINE, 'ef', 'CO3'], code: 'unknown-field', field: 'CO3', suggestion: 'CO2' }],
    },
    {
      name: 'a field of another form ("grid" on a heat line)',
      document: withLine({ gpc: 'I.1.2', energy: 'heat', amount: 1, unit: 'GJ', grid: 'CN-east-2022', ef: { CO2: { value: 0.11, unit: 't/GJ' } } }),
      issues: [{ path: [...LINE, 'grid'], code: 'unknown-field', field: 'grid' }],
    },
  ],
  'unknown-unit': [
    {
      name: '"kWhh"',
      document: withLine({ gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: 'kWhh', grid: 'CN-east-2022' }),
      issues: [{ path: [...LINE, 'unit'], code: 'unknown-unit', got: 'kWhh', suggestion: 'kWh' }],
    },
    {
      name: '"GJ/tt" in ncv',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't', ncv: { value: 43, unit: 'GJ/tt' } }),
      issues: [{ path: [...LINE, 'ncv', 'unit'], code: 'unknown-unit', got: 'GJ/tt', suggestion: 'GJ/t' }],
    },
  ],
  'wrong-dimension': [
    {
      name: 'electricity in "t"',
      document: withLine({ gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: 't', grid: 'CN-east-2022' }),
      issues: [{ path: [...LINE, 'unit'], code: 'wrong-dimension', unit: 't', got: 'mass', expected: ['energy'] }],
    },
    {
      name: 'ncv in "kg/TJ"',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't', ncv: { value: 43, unit: 'kg/TJ' } }),
      issues: [{ path: [...LINE, 'ncv', 'unit'], code: 'wrong-dimension', unit: 'kg/TJ', got: 'mass/energy', expected: ['energy/mass'] }],
    },
    {
      name: 'an ncv per mass for an amount by volume',
      document: withLine({ gpc: 'I.1.1', fuel: 'natural_gas', amount: 1, unit: '万m3', ncv: { value: 48, unit: 'GJ/t' } }),
      issues: [{ path: [...LINE, 'ncv', 'unit'], code: 'wrong-dimension', unit: 'GJ/t', got: 'energy/mass', expected: ['energy/volume'] }],
    },
    {
      name: 'an emissions line in "tCO2e"',
      document: withLine({ gpc: 'IV.1.1', gas: 'CO2', amount: 1, unit: 'tCO2e' }),
      issues: [{ path: [...LINE, 'unit'], code: 'wrong-dimension', unit: 'tCO2e', got: 'emissions', expected: ['mass'] }],
    },
    {
      name: 'a fuel in "person"',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 'person' }),
      issues: [{ path: [...LINE, 'unit'], code: 'wrong-dimension', unit: 'person', got: 'population', expected: ['mass', 'volume', 'energy'] }],
    },
    {
      name: 'ef.CO2 in "GJ/t"',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't', ef: { CO2: { value: 3, unit: 'GJ/t' } } }),
      issues: [{ path: [...LINE, 'ef', 'CO2', 'unit'], code: 'wrong-dimension', unit: 'GJ/t', got: 'energy/mass', expected: ['mass/energy', 'mass/mass'] }],
    },
    {
      name: 'coalRate in "kg"',
      document: base({ energyAccounting: { method: 'coal-consumption', coalRate: { value: 300, unit: 'kg' } } }),
      issues: [{ path: ['energyAccounting', 'coalRate', 'unit'], code: 'wrong-dimension', unit: 'kg', got: 'mass', expected: ['energy/energy'] }],
    },
  ],
  'unknown-fuel': [
    {
      name: '"natual_gas"',
      document: withLine({ gpc: 'I.3.1', fuel: 'natual_gas', amount: 1, unit: '万m3' }),
      issues: [{ path: [...LINE, 'fuel'], code: 'unknown-fuel', got: 'natual_gas', suggestion: 'natural_gas' }],
    },
    {
      name: '"wood" (no near fuel)',
      document: withLine({ gpc: 'I.3.1', fuel: 'wood', amount: 1, unit: 't' }),
      issues: [{ path: [...LINE, 'fuel'], code: 'unknown-fuel', got: 'wood' }],
    },
    {
      name: '"液化石油" (the Chinese name, one character short)',
      document: withLine({ gpc: 'I.3.1', fuel: '液化石油', amount: 1, unit: 't' }),
      issues: [{ path: [...LINE, 'fuel'], code: 'unknown-fuel', got: '液化石油', suggestion: '液化石油气' }],
    },
  ],
  'not-a-fuel': [
    {
      name: '"热力" on a fuel line',
      document: withLine({ gpc: 'I.3.1', fuel: '热力', amount: 1, unit: '百万千焦' }),
      issues: [{ path: [...LINE, 'fuel'], code: 'not-a-fuel', got: '热力', energy: 'heat' }],
    },
    {
      name: '"电力" on a fuel line',
      document: withLine({ gpc: 'I.3.1', fuel: '电力', amount: 1, unit: '万千瓦时' }),
      issues: [{ path: [...LINE, 'fuel'], code: 'not-a-fuel', got: '电力', energy: 'electricity' }],
    },
  ],
  'unknown-gpc': [
    {
      name: '"I.3.9"',
      document: withLine({ gpc: 'I.3.9', fuel: 'diesel', amount: 1, unit: 't' }),
      issues: [{ path: [...LINE, 'gpc'], code: 'unknown-gpc', got: 'I.3.9', suggestion: 'I.3.1' }],
    },
  ],
  'unknown-grid': [
    {
      name: '"CN-esat-2022" at the top',
      document: base({ grid: 'CN-esat-2022' }),
      issues: [{ path: ['grid'], code: 'unknown-grid', got: 'CN-esat-2022', suggestion: 'CN-east-2022' }],
    },
    {
      name: '"CN-east-2020" on a line (a year the library does not hold)',
      document: withLine({ gpc: 'I.3.2', energy: 'electricity', amount: 1, unit: 'MWh', grid: 'CN-east-2020' }),
      issues: [{ path: [...LINE, 'grid'], code: 'unknown-grid', got: 'CN-east-2020', suggestion: 'CN-east-2021' }],
    },
  ],
  'no-form': [
    {
      name: 'a line with neither fuel, energy, gas nor notation',
      document: withLine({ gpc: 'I.3.1', amount: 1, unit: 't' }),
      issues: [{ path: LINE, code: 'no-form' }],
    },
  ],
  'many-forms': [
    {
      name: 'fuel and gas on one line',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', gas: 'CO2', amount: 1, unit: 't' }),
      issues: [{ path: LINE, code: 'many-forms', forms: ['fuel', 'gas'] }],
    },
    {
      name: 'energy and notation on one line',
      document: withLine({ gpc: 'I.1.2', energy: 'electricity', notation: 'NO', explanation: 'x' }),
      issues: [{ path: LINE, code: 'many-forms', forms: ['energy', 'notation'] }],
    },
  ],
  'form-not-on-row': [
    {
      name: 'electricity on I.3.1',
      document: withLine({ gpc: 'I.3.1', energy: 'electricity', amount: 1, unit: 'MWh' }),
      issues: [{ path: [...LINE, 'gpc'], code: 'form-not-on-row', form: 'electricity', gpc: 'I.3.1', allowed: ['fuel', 'emissions', 'notation'] }],
    },
    {
      // Also reported: missing CH4/N2O factors for I.7, which are noise on a line that belongs elsewhere.
      name: 'fuel on I.7.1',
      document: withLine({ gpc: 'I.7.1', fuel: 'diesel', amount: 1, unit: 't' }),
      issues: [{ path: [...LINE, 'gpc'], code: 'form-not-on-row', form: 'fuel', gpc: 'I.7.1', allowed: ['emissions', 'notation'] }],
      partial: true,
    },
    {
      name: 'heat on II.1.2',
      document: withLine({ gpc: 'II.1.2', energy: 'heat', amount: 1, unit: 'GJ', ef: { CO2: { value: 62.33, unit: 'kg/GJ' } } }),
      issues: [{ path: [...LINE, 'gpc'], code: 'form-not-on-row', form: 'heat', gpc: 'II.1.2', allowed: ['electricity', 'emissions', 'notation'] }],
    },
  ],
  'missing-grid': [
    {
      name: 'an electricity line with no grid on the line or at the top',
      document: without(withLine({ gpc: 'I.3.2', energy: 'electricity', amount: 1, unit: 'MWh' }), 'grid'),
      issues: [{ path: [...LINE, 'grid'], code: 'missing-grid' }],
    },
  ],
  'missing-coal-rate': [
    {
      name: 'coal-consumption without coalRate',
      document: base({ energyAccounting: { method: 'coal-consumption' } }),
      issues: [{ path: ['energyAccounting'], code: 'missing-coal-rate' }],
    },
  ],
  'ch4-origin-required': [
    {
      name: 'AR6, CH4 emissions on VI.1',
      document: withLine({ gpc: 'VI.1', gas: 'CH4', amount: 1, unit: 't' }, { gwp: 'AR6' }),
      issues: [{ path: [...LINE, 'ch4Origin'], code: 'ch4-origin-required', gpc: 'VI.1' }],
    },
  ],
  duplicate: [
    {
      name: 'a livestock type twice in one line (its head would be counted twice)',
      document: withLine({ gpc: 'V.1.1', method: 'livestock', temperature: 16.4, animals: [{ type: 'swine', head: { value: 10, unit: '头' } }, { type: 'sheep', head: { value: 5, unit: '头' } }, { type: 'swine', head: { value: 10, unit: '头' } }] }),
      issues: [{ path: [...LINE, 'animals', 2, 'type'], code: 'duplicate', key: 'swine', first: [...LINE, 'animals', 0, 'type'] }],
    },
  ],
  overflow: [
    {
      // 1e308 t of diesel × 3.2 tCO2/t is beyond 1.8e308: the line, not an ∞ in its table.
      name: 'a line whose emissions are not a finite number',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1e308, unit: 't' }),
      issues: [{ path: LINE, code: 'overflow' }],
    },
    {
      // Each line is finite (5e307 t of diesel, about 1.6e308 tCO2); their sum is not: both are named.
      name: 'lines whose sum is not a finite number',
      document: base({}, [{ gpc: 'I.3.1', fuel: 'diesel', amount: 5e307, unit: 't' }, { gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't' }, { gpc: 'I.1.1', fuel: 'diesel', amount: 5e307, unit: 't' }]),
      issues: [{ path: ['activities'], code: 'overflow', lines: [0, 2] }],
    },
  ],
  'after-inventory-year': [
    {
      name: 'a land stock measured after the inventory year (2022)',
      document: withLine({ gpc: 'V.2.1', method: 'land-stock-difference', stockStart: { year: 2015, carbon: { value: 1_000_000, unit: 'tC' } }, stockEnd: { year: 2030, carbon: { value: 1_050_000, unit: 'tC' } } }),
      issues: [{ path: [...LINE, 'stockEnd', 'year'], code: 'after-inventory-year', got: 2030, year: 2022 }],
    },
  ],
  'not-a-document': [
    { name: 'an array', document: [base()], issues: [{ path: [], code: 'not-a-document', got: 'array' }] },
    { name: 'a string', document: 'city: Test', issues: [{ path: [], code: 'not-a-document', got: 'string' }] },
    { name: 'null (an empty YAML file)', document: null, issues: [{ path: [], code: 'not-a-document', got: 'null' }] },
    { name: 'a number', document: 2022, issues: [{ path: [], code: 'not-a-document', got: 'number' }] },
  ],
  'unsupported-version': [
    // A newer format is not guessed at: nothing else of the file is read.
    { name: 'version 2 (this peakpath reads version 1)', document: base({ version: 2, yearr: 2022 }), issues: [{ path: ['version'], code: 'unsupported-version', kind: 'inventory', got: 2, max: 1 }] },
  ],
};

const missingFactorCases: Record<MissingNeed, readonly Case[]> = {
  ncv: [
    {
      // Raw coal is not an IPCC fuel category: neither NCV nor CO2 factor.
      name: 'raw_coal under ipcc2006',
      document: withLine({ gpc: 'I.3.1', fuel: 'raw_coal', amount: 1, unit: 't' }, { factorSet: 'ipcc2006' }),
      issues: [missing('ncv', 'raw_coal', 'ipcc2006', 'ncv'), missing('co2', 'raw_coal', 'ipcc2006', 'ef', 'CO2')],
    },
    {
      name: 'anthracite under cn (no GB/T 2589 value)',
      document: withLine({ gpc: 'I.3.1', fuel: 'anthracite', amount: 1, unit: 't' }),
      issues: [
        missing('ncv', 'anthracite', 'cn', 'ncv'),
        missing('carbon-content', 'anthracite', 'cn', 'carbonContent'),
        missing('oxidation', 'anthracite', 'cn', 'oxidation'),
      ],
    },
  ],
  'ncv-per-mass': [
    {
      name: 'natural_gas in t under cn (GB/T 2589 gives it per m3)',
      document: withLine({ gpc: 'I.1.1', fuel: 'natural_gas', amount: 1, unit: 't' }),
      issues: [missing('ncv-per-mass', 'natural_gas', 'cn', 'ncv')],
    },
  ],
  'ncv-per-volume': [
    {
      name: 'diesel in m3 under cn',
      document: withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 'm3' }),
      issues: [missing('ncv-per-volume', 'diesel', 'cn', 'ncv')],
    },
    {
      name: 'natural_gas in 万m3 under ipcc2006 (Table 1.2 gives it per mass)',
      document: withLine({ gpc: 'I.1.1', fuel: 'natural_gas', amount: 1, unit: '万m3' }, { factorSet: 'ipcc2006' }),
      issues: [missing('ncv-per-volume', 'natural_gas', 'ipcc2006', 'ncv')],
    },
  ],
  co2: [
    {
      // The library holds no IPCC value for kerosene (only jet kerosene); an amount in energy units needs no NCV.
      name: 'kerosene in TJ under ipcc2006',
      document: withLine({ gpc: 'I.3.1', fuel: 'kerosene', amount: 1, unit: 'TJ' }, { factorSet: 'ipcc2006' }),
      issues: [missing('co2', 'kerosene', 'ipcc2006', 'ef', 'CO2')],
    },
    {
      name: 'raw_coal under ipcc2006 with its own ncv',
      document: withLine({ gpc: 'I.3.1', fuel: 'raw_coal', amount: 1, unit: 't', ncv: { value: 20.908, unit: 'GJ/t' } }, { factorSet: 'ipcc2006' }),
      issues: [missing('co2', 'raw_coal', 'ipcc2006', 'ef', 'CO2')],
    },
    {
      name: 'a heat line without ef.CO2 under ipcc2006 (factor set cn has a heat default)',
      document: withLine({ gpc: 'I.1.2', energy: 'heat', amount: 1, unit: 'GJ' }, { factorSet: 'ipcc2006' }),
      issues: [{ path: [...LINE, 'ef', 'CO2'], code: 'missing-factor', need: 'co2', context: 'heat' }],
    },
  ],
  ch4: [
    {
      name: 'gasoline off-road on II.5.1 (Table 3.3.1 is read for diesel only)',
      document: withLine({ gpc: 'II.5.1', fuel: 'gasoline', amount: 1, unit: 't' }),
      issues: [missing('ch4', 'gasoline', 'GPC II.5', 'ef', 'CH4'), missing('n2o', 'gasoline', 'GPC II.5', 'ef', 'N2O')],
    },
  ],
  n2o: [
    {
      name: 'diesel on I.6.1 (no combustion context)',
      document: withLine({ gpc: 'I.6.1', fuel: 'diesel', amount: 1, unit: 't' }),
      issues: [missing('ch4', 'diesel', 'GPC I.6', 'ef', 'CH4'), missing('n2o', 'diesel', 'GPC I.6', 'ef', 'N2O')],
    },
    {
      name: 'gasoline off-road on II.5.1 with ef.CH4 only',
      document: withLine({ gpc: 'II.5.1', fuel: 'gasoline', amount: 1, unit: 't', ef: { CH4: { value: 1, unit: 'kg/TJ' } } }),
      issues: [missing('n2o', 'gasoline', 'GPC II.5', 'ef', 'N2O')],
    },
  ],
  'carbon-content': [
    {
      name: 'anthracite under cn with its own ncv',
      document: withLine({ gpc: 'I.3.1', fuel: 'anthracite', amount: 1, unit: 't', ncv: { value: 24.515, unit: 'GJ/t' } }),
      issues: [missing('carbon-content', 'anthracite', 'cn', 'carbonContent'), missing('oxidation', 'anthracite', 'cn', 'oxidation')],
    },
  ],
  oxidation: [
    {
      name: 'anthracite under cn with its own ncv and carbonContent',
      document: withLine({
        gpc: 'I.3.1',
        fuel: 'anthracite',
        amount: 1,
        unit: 't',
        ncv: { value: 24.515, unit: 'GJ/t' },
        carbonContent: { value: 27.4, unit: 'tC/TJ' },
      }),
      issues: [missing('oxidation', 'anthracite', 'cn', 'oxidation')],
    },
  ],
  technology: [
    {
      name: 'gasoline on II.1.1 without technology',
      document: withLine({ gpc: 'II.1.1', fuel: 'gasoline', amount: 1, unit: 't' }),
      issues: [missing('technology', 'gasoline', 'road', 'technology')],
    },
  ],
};

describe('every class of input error, with its exact path', () => {
  for (const [code, list] of Object.entries(cases)) {
    describe(code, () => {
      it.each(list)('$name', check);
    });
  }
  describe('missing-factor', () => {
    for (const [need, list] of Object.entries(missingFactorCases)) {
      describe(`need: ${need}`, () => {
        it.each(list)('$name', check);
      });
    }
  });
});
