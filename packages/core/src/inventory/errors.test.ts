/**
 * Input errors, one class at a time: every issue code of issues/issue.ts, and every value a method
 * can find missing (`missing-factor` by `need`). Each case states the complete list of issues its
 * input gives, with codes, parameters and exact paths.
 *
 * The case tables are typed `Record<IssueCode, …>` and `Record<MissingNeed, …>`, so a code added
 * to the Issue type without a case here fails the type check.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, parseInventory, type Issue, type IssueCode, type IssueDetail } from '../index.ts';

type Fields = Record<string, unknown>;
type MissingNeed = Extract<IssueDetail, { code: 'missing-factor' }>['need'];

/** Three lines that are valid under either factor set and any GWP set. */
const VALID_LINES: readonly Fields[] = [
  { gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't' },
  { gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: '万kWh', grid: 'CN-east-2022' },
  { gpc: 'V.1.1', notation: 'NE', explanation: 'not estimated' },
];

/** A small valid document; `top` replaces or adds top-level fields. */
function base(top: Fields = {}, lines: readonly Fields[] = VALID_LINES): Fields {
  return { city: { name: 'Test', country: 'CN' }, year: 2022, grid: 'CN-east-2022', activities: [...lines], ...top };
}

/** The base document with the line under test as `activities[3]`, after the three valid lines. */
const withLine = (line: Fields, top: Fields = {}): Fields => base(top, [...VALID_LINES, line]);

/** The base document without some of its top-level fields. */
function without(document: Fields, ...keys: string[]): Fields {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !keys.includes(key)));
}

/** Path of the line under test. */
const LINE = ['activities', 3] as const;

function issuesOf(document: unknown): readonly Issue[] {
  const result = parseInventory(document);
  if (result.ok) throw new Error('expected input errors, but the document is valid');
  return result.issues;
}

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

const cases: Record<Exclude<IssueCode, 'missing-factor'>, readonly Case[]> = {
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
      name: '"CN-east-2021" on a line (a year the library does not hold)',
      document: withLine({ gpc: 'I.3.2', energy: 'electricity', amount: 1, unit: 'MWh', grid: 'CN-east-2021' }),
      issues: [{ path: [...LINE, 'grid'], code: 'unknown-grid', got: 'CN-east-2021', suggestion: 'CN-east-2022' }],
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
  'not-a-document': [
    { name: 'an array', document: [base()], issues: [{ path: [], code: 'not-a-document', got: 'array' }] },
    { name: 'a string', document: 'city: Test', issues: [{ path: [], code: 'not-a-document', got: 'string' }] },
    { name: 'null (an empty YAML file)', document: null, issues: [{ path: [], code: 'not-a-document', got: 'null' }] },
    { name: 'a number', document: 2022, issues: [{ path: [], code: 'not-a-document', got: 'number' }] },
  ],
};

const missing = (need: MissingNeed, fuel: string | undefined, context: string, ...path: string[]): Issue => ({
  path: [...LINE, ...path],
  code: 'missing-factor',
  need,
  fuel,
  context,
});

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
      name: 'a heat line without ef.CO2',
      document: withLine({ gpc: 'I.1.2', energy: 'heat', amount: 1, unit: 'GJ' }),
      issues: [{ path: [...LINE, 'ef', 'CO2'], code: 'missing-factor', need: 'co2', context: 'heat' }],
    },
  ],
  ch4: [
    {
      name: 'refinery_gas on I.3.1 (no stationary fuel group)',
      document: withLine({ gpc: 'I.3.1', fuel: 'refinery_gas', amount: 1, unit: 't' }),
      issues: [missing('ch4', 'refinery_gas', 'GPC I.3', 'ef', 'CH4'), missing('n2o', 'refinery_gas', 'GPC I.3', 'ef', 'N2O')],
    },
  ],
  n2o: [
    {
      name: 'diesel on I.6.1 (no combustion context)',
      document: withLine({ gpc: 'I.6.1', fuel: 'diesel', amount: 1, unit: 't' }),
      issues: [missing('ch4', 'diesel', 'GPC I.6', 'ef', 'CH4'), missing('n2o', 'diesel', 'GPC I.6', 'ef', 'N2O')],
    },
    {
      name: 'refinery_gas on I.3.1 with ef.CH4 only',
      document: withLine({ gpc: 'I.3.1', fuel: 'refinery_gas', amount: 1, unit: 't', ef: { CH4: { value: 1, unit: 'kg/TJ' } } }),
      issues: [missing('n2o', 'refinery_gas', 'GPC I.3', 'ef', 'N2O')],
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

describe('what is not an error', () => {
  it('a valid file has no issues', () => {
    const result = parseInventory(base());
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.inventory.lines.length).toBe(3);
  });

  it('a file with every form, every optional top-level field and line-given factors has no issues', () => {
    const document = base({
      gwp: 'AR6',
      factorSet: 'cn',
      population: 1_000_000,
      gdp: { value: 1000, unit: '亿元' },
      energyAccounting: { method: 'coal-consumption', coalRate: { value: 300, unit: 'gce/kWh' } },
      description: 'all forms',
      activities: [
        ...VALID_LINES,
        { gpc: 'I.1.1', fuel: 'natural_gas', amount: 3.2, unit: '亿立方米', quality: 'high', source: 'yearbook' },
        { gpc: 'I.2.2', energy: 'electricity', amount: 95, unit: '亿千瓦时' },
        { gpc: 'I.1.2', energy: 'heat', amount: 5000, unit: 'GJ', ef: { CO2: { value: 0.11, unit: 't/GJ' } } },
        { gpc: 'II.1.1', fuel: 'gasoline', amount: 68, unit: '万吨', technology: 'gasoline-oxidation-catalyst' },
        { gpc: 'I.3.1', fuel: 'anthracite', amount: 1, unit: '万t', ncv: { value: 24.515, unit: 'GJ/t' }, carbonContent: { value: 27.4, unit: 'tC/TJ' }, oxidation: 0.94 },
        { gpc: 'I.3.1', fuel: 'refinery_gas', amount: 1, unit: 't', ef: { CH4: { value: 1, unit: 'kg/TJ' }, N2O: { value: 0.1, unit: 'kg/TJ' } } },
        { gpc: 'VI.1', gas: 'CH4', amount: 1, unit: 't', ch4Origin: 'non-fossil' },
        { gpc: 'III.1.1', gas: 'CH4', amount: 2, unit: 'kt' },
      ],
    });
    const result = parseInventory(document);
    expect(result.ok ? [] : result.issues.map((issue) => formatIssue(issue))).toEqual([]);
  });

  it('a negative amount in sector V (removals) is allowed', () => {
    const result = parseInventory(withLine({ gpc: 'V.1.1', gas: 'CO2', amount: -120, unit: 't' }));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('CH4 on VI.1 needs no ch4Origin under AR5, which weighs all CH4 alike', () => {
    const result = parseInventory(withLine({ gpc: 'VI.1', gas: 'CH4', amount: 1, unit: 't' }, { gwp: 'AR5' }));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});

describe('all problems of a file at once', () => {
  it('reports every problem in top-level fields and in different lines, in file order', () => {
    const document = {
      city: { name: 'Test', country: 'CN' },
      year: 1800,
      gwp: 'AR3',
      grid: 'CN-esat-2022',
      populaton: 5000,
      activities: [
        { gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't' },
        { gpc: 'I.2.2', energy: 'electricity', amount: 95, unit: 'kWhh', grid: 'CN-east-2022' },
        { gpc: 'I.1.1', fuel: 'natual_gas', amount: 3.2, unit: '亿立方米' },
        { gpc: 'V.1.1', notation: 'NE', explanation: 'not estimated' },
        { gpc: 'I.3.9', fuel: 'diesel', amount: 1, unit: 't' },
        { gpc: 'I.3.1', fuel: 'diesel', amount: -5, unit: 't' },
        { gpc: 'I.3.1', amount: 1, unit: 't' },
        { gpc: 'II.1.1', fuel: 'gasoline', amount: 68, unit: '万吨' },
      ],
    };
    const issues = issuesOf(document);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unknown-field', ['populaton']],
      ['out-of-range', ['year']],
      ['enum', ['gwp']],
      ['unknown-grid', ['grid']],
      ['unknown-unit', ['activities', 1, 'unit']],
      ['unknown-fuel', ['activities', 2, 'fuel']],
      ['unknown-gpc', ['activities', 4, 'gpc']],
      ['negative', ['activities', 5, 'amount']],
      ['no-form', ['activities', 6]],
      ['missing-factor', ['activities', 7, 'technology']],
    ]);
    expect(issues).toHaveLength(10);
  });

  it("checks a line's own factors even after a plain line of the same fuel, row and unit", () => {
    // Lines share resolved recipes; a line's own `ncv` or `ef` (with or without `source`) must not be
    // replaced by the recipe of an earlier plain line, nor escape its checks.
    const plain = { gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't' };
    const issues = issuesOf(
      base({}, [
        plain,
        { ...plain, ncv: { value: 43, unit: 'kg/TJ' } },
        { ...plain, ef: { CO2: { value: 3, unit: 'GJ/t' } } },
        { ...plain, ncv: { value: 43, unit: 'MJ/m3' }, source: 'plant survey' },
      ]),
    );
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['wrong-dimension', ['activities', 1, 'ncv', 'unit']],
      ['wrong-dimension', ['activities', 2, 'ef', 'CO2', 'unit']],
      ['wrong-dimension', ['activities', 3, 'ncv', 'unit']],
    ]);
  });

  it('reports the same problem on each line that has it, each with its own path', () => {
    const line = { gpc: 'II.1.1', fuel: 'gasoline', amount: 1, unit: 't' };
    const issues = issuesOf(base({}, [line, VALID_LINES[0]!, line, line]));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['missing-factor', ['activities', 0, 'technology']],
      ['missing-factor', ['activities', 2, 'technology']],
      ['missing-factor', ['activities', 3, 'technology']],
    ]);
  });
});

describe('messages, in English and Chinese', () => {
  const first = (document: unknown): Issue => issuesOf(document)[0]!;

  it('an unknown unit, with the nearest spelling', () => {
    const issue = first(base({}, [{ gpc: 'I.2.2', energy: 'electricity', amount: 95, unit: 'kWhh' }]));
    expect(formatIssue(issue, 'en')).toBe('activities[0].unit: "kWhh" is not a known unit (did you mean "kWh"?)');
    expect(formatIssue(issue, 'zh')).toBe('activities[0].unit: "kWhh" 不是已知单位（是否应为 "kWh"？）');
  });

  it('an unknown field, with the nearest field', () => {
    const issue = first(withLine({ gpc: 'I.3.1', fuel: 'diesel', amout: 1, unit: 't' }));
    expect(formatIssue(issue, 'en')).toBe('activities[3].amout: "amout" is not a known field (did you mean "amount"?)');
    expect(formatIssue(issue, 'zh')).toBe('activities[3].amout: 未知字段 "amout"（是否应为 "amount"？）');
  });

  it('an unknown fuel, GPC row and grid', () => {
    expect(formatIssue(first(withLine({ gpc: 'I.3.1', fuel: 'natual_gas', amount: 1, unit: 'm3' })))).toBe(
      'activities[3].fuel: "natual_gas" is not a known fuel (did you mean "natural_gas"?)',
    );
    expect(formatIssue(first(withLine({ gpc: 'I.3.9', fuel: 'diesel', amount: 1, unit: 't' })), 'zh')).toBe(
      'activities[3].gpc: "I.3.9" 不是 GPC 表中的一行（是否应为 "I.3.1"？）',
    );
    expect(formatIssue(first(base({ grid: 'CN-esat-2022' })))).toBe('grid: "CN-esat-2022" is not a grid factor in the library (did you mean "CN-east-2022"?)');
  });

  it('a value out of range and a wrong dimension', () => {
    expect(formatIssue(first(base({ year: 1800 })), 'en')).toBe('year: 1800 is out of range: expected 1900 to 2100');
    expect(formatIssue(first(base({ year: 1800 })), 'zh')).toBe('year: 1800 超出范围，应在 1900 与 2100 之间');
    const dimension = first(withLine({ gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: 't' }));
    expect(formatIssue(dimension, 'en')).toBe('activities[3].unit: unit "t" measures mass, expected energy');
    expect(formatIssue(dimension, 'zh')).toBe('activities[3].unit: 单位 "t" 的量纲为 mass，此处应为 energy');
  });

  it('a missing factor says what to add', () => {
    const issue = first(withLine({ gpc: 'II.1.1', fuel: 'gasoline', amount: 1, unit: 't' }));
    expect(formatIssue(issue, 'en')).toBe(
      'activities[3].technology: the library has no value for this line (gasoline, road); the method needs a vehicle technology for gasoline on roads: add `technology` ("gasoline-uncontrolled", "gasoline-oxidation-catalyst" or "gasoline-low-mileage-1995"), or `ef.CH4` and `ef.N2O`',
    );
    expect(formatIssue(issue, 'zh')).toBe(
      'activities[3].technology: 因子库中没有（gasoline, road）所需的道路汽油车的技术类型：请填写 `technology`（"gasoline-uncontrolled"、"gasoline-oxidation-catalyst" 或 "gasoline-low-mileage-1995"），或填写 `ef.CH4` 与 `ef.N2O`',
    );
  });

  it('a document that is not a mapping is placed at "(document)"', () => {
    expect(formatIssue(first([]), 'en')).toBe('(document): an inventory file must be an object (a mapping), got array');
    expect(formatIssue(first(null), 'zh')).toBe('(document): 清单文件应为对象（键值映射），实为 null');
  });

  it('a missing grid names both places to set it', () => {
    const issue = first(without(withLine({ gpc: 'I.3.2', energy: 'electricity', amount: 1, unit: 'MWh' }), 'grid'));
    expect(formatIssue(issue, 'en')).toBe(
      'activities[3].grid: no grid factor: set `grid` at the top of the file or on the line (e.g. "CN-east-2022"), or give `ef.CO2` in t/MWh',
    );
  });
});

describe('one problem is reported once', () => {
  // Once a bug: an `ef.CO2` per energy on a line whose NCV is missing was also reported as a
  // self-contradicting wrong dimension ("kg/TJ measures mass/energy, expected mass/energy …").
  it('an ef.CO2 per energy on a line whose NCV is missing is not a wrong dimension', () => {
    const document = withLine({ gpc: 'I.3.1', fuel: 'kerosene', amount: 1, unit: 't', ef: { CO2: { value: 71900, unit: 'kg/TJ' } } }, { factorSet: 'ipcc2006' });
    expect(issuesOf(document)).toEqual([missing('ncv', 'kerosene', 'ipcc2006', 'ncv')]);
  });

  // Once a bug: an unknown top-level `grid` also gave a `missing-grid` on every electricity line.
  it('an unknown top-level grid is one problem, not also a missing grid on every electricity line', () => {
    const document = base({ grid: 'CN-esat-2022' }, [
      { gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: 'MWh' },
      { gpc: 'I.3.2', energy: 'electricity', amount: 2, unit: 'MWh' },
    ]);
    expect(issuesOf(document)).toEqual([{ path: ['grid'], code: 'unknown-grid', got: 'CN-esat-2022', suggestion: 'CN-east-2022' }]);
  });

  it('a fuel on a row that takes no fuel is one problem, not also missing factors', () => {
    const issues = issuesOf(withLine({ gpc: 'I.7.1', fuel: 'diesel', amount: 1, unit: 't' }));
    expect(issues.map((issue) => issue.code)).toEqual(['form-not-on-row']);
  });

  it('an invalid factorSet is one problem, not also a missing factor on every fuel line', () => {
    const issues = issuesOf(withLine({ gpc: 'I.3.1', fuel: 'raw_coal', amount: 1, unit: 't' }, { factorSet: 'CN' }));
    expect(issues.map((issue) => issue.code)).toEqual(['enum']);
  });

  it('an invalid technology is one problem, not also a missing technology', () => {
    const issues = issuesOf(withLine({ gpc: 'II.1.1', fuel: 'gasoline', amount: 1, unit: 't', technology: 'euro-6' }));
    expect(issues.map((issue) => `${issue.code} ${issue.path.join('.')}`)).toEqual(['enum activities.3.technology']);
  });
});

describe('stated, not silent', () => {
  it('a grid factor of another year than the inventory is stated on the line', () => {
    const result = parseInventory(base({ year: 2015 }, [{ gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: 'MWh' }]));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const line = result.inventory.lines[0]!;
    if (line.form === 'notation') throw new Error('expected a computing line');
    expect(line.recipe.assumptions.map((a) => a.code)).toContain('grid-year');
  });
});

describe('gasoline on roads without a technology', () => {
  it('is an error even when the line gives its own CH4 factor (N2O still needs the technology)', () => {
    const issues = issuesOf(withLine({ gpc: 'II.1.1', fuel: 'gasoline', amount: 1000, unit: 't', ef: { CH4: { value: 20, unit: 'kg/TJ' } } }));
    expect(issues.map((issue) => `${issue.code} ${issue.path.join('.')}`)).toEqual(['missing-factor activities.3.technology']);
  });
  it('is no error when the line gives both CH4 and N2O', () => {
    const result = parseInventory(withLine({ gpc: 'II.1.1', fuel: 'gasoline', amount: 1000, unit: 't', ef: { CH4: { value: 20, unit: 'kg/TJ' }, N2O: { value: 8, unit: 'kg/TJ' } } }));
    expect(result.ok).toBe(true);
  });
});

describe('gases other than CO2, CH4 and N2O on emissions lines', () => {
  it('take the GWP the line gives, apart from the CO2 mass', () => {
    // SF6: 0.1 t × 23,500 (AR5 value given on the line) = 2,350 tCO2e.
    const result = parseInventory(withLine({ gpc: 'IV.2.1', gas: 'SF6', amount: 100, unit: 'kg', gwp: { value: 23500, source: 'IPCC AR5 WG1 Table 8.A.1' } }));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const line = result.inventory.lines[3]!;
    if (line.form === 'notation') throw new Error('expected a computing line');
    expect(line.recipe.co2).toBe(0);
    expect(line.amount * line.recipe.otherCo2e).toBeCloseTo(2350, 9);
    expect(line.recipe.assumptions.map((a) => a.code)).toEqual(['other-gas-gwp-from-line']);
  });
  it('a near miss of CO2 gets a hint, not a request for a GWP', () => {
    expect(issuesOf(withLine({ gpc: 'IV.1.1', gas: 'C02', amount: 1, unit: 't' }))).toEqual([
      { path: [...LINE, 'gas'], code: 'enum', got: 'C02', allowed: ['CO2', 'CH4', 'N2O'], suggestion: 'CO2' },
    ]);
  });
  it('a GWP beside CO2, CH4 or N2O is refused: their GWP is the file\'s set', () => {
    expect(issuesOf(withLine({ gpc: 'IV.1.1', gas: 'CH4', amount: 1, unit: 't', gwp: { value: 30, source: 'x' } })).map((issue) => issue.code)).toEqual(['conflict']);
  });
});

describe('an invalid country', () => {
  it('is one problem, not also missing factors under a fallback factor set', () => {
    const issues = issuesOf(withLine({ gpc: 'I.3.1', fuel: 'raw_coal', amount: 1, unit: 't' }, { city: { name: 'Test', country: 'CHN' } }));
    expect(issues.map((issue) => issue.code)).toEqual(['invalid-country']);
  });
});
