/**
 * Input errors of a pathway file: one document per pathway issue code, each asserting the code, its
 * details and the exact path; several problems reported at once; a base-year value that contradicts
 * the inventory however it is written; an inventory's own problems reported as the inventory's.
 */
import { describe, expect, it } from 'vitest';
import type { Issue, PathwayIssueCode } from '../index.ts';
import { createEngine } from '../engine/engine.ts';

const engine = createEngine();
const loadPathway = (pathway: unknown, inventory: unknown) => engine.compilePathway({ pathway, inventory });

type Fields = Record<string, unknown>;

// Industry (I.3): coal and electricity; homes (I.1): electricity.
const INVENTORY = {
  city: { name: 'Testville', country: 'CN' },
  year: 2022,
  grid: 'CN-east-2022',
  population: 1_000_000,
  gdp: { value: 100, unit: '亿元' },
  activities: [
    { gpc: 'I.3.1', fuel: 'raw_coal', amount: 10, unit: '万吨' },
    { gpc: 'I.3.2', energy: 'electricity', amount: 1, unit: '亿千瓦时' },
    { gpc: 'I.1.2', energy: 'electricity', amount: 10, unit: '亿千瓦时' },
  ],
};

const DRIVERS = { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: '5%' } };
const SECTORS = { industry: { gpc: ['I.3'], driver: 'gdp' }, homes: { gpc: ['I.1'], driver: 'population' } };

/** A valid pathway; `top` replaces fields. */
function doc(top: Fields = {}): Fields {
  return { endYear: 2040, drivers: DRIVERS, sectors: SECTORS, scenarios: { bau: { actions: [] } }, ...top };
}

function issuesOf(pathway: Fields, inventory: Fields = INVENTORY): readonly Issue[] {
  const loaded = loadPathway(pathway, inventory);
  if (loaded.ok) throw new Error('expected input errors, but the pathway is valid');
  if (loaded.issues.some((issue) => issue.document.kind !== 'pathway')) throw new Error(`expected pathway errors, got the inventory's: ${JSON.stringify(loaded.issues)}`);
  return loaded.issues.map(({ document: _document, ...issue }) => issue);
}

it('the document the cases start from is valid', () => {
  expect(loadPathway(doc(), INVENTORY).ok).toBe(true);
});

// Every pathway issue code has a case: a new code without one fails the type check.
const CASES: Record<PathwayIssueCode, { what: string; document: Fields; issue: Issue }> = {
  'unknown-reference': {
    what: 'a sector driven by a driver that does not exist (a typo: the nearest is suggested)',
    document: doc({ sectors: { ...SECTORS, industry: { gpc: ['I.3'], driver: 'gpd' } } }),
    issue: { path: ['sectors', 'industry', 'driver'], code: 'unknown-reference', kind: 'driver', got: 'gpd', suggestion: 'gdp' },
  },
  'unmapped-row': {
    what: 'an inventory row with emissions in no sector',
    document: doc({ sectors: { industry: SECTORS.industry } }),
    issue: { path: ['sectors'], code: 'unmapped-row', gpc: 'I.1.2' },
  },
  'overlapping-sectors': {
    what: 'a row in two sectors',
    // coal takes I.3.1; power takes I.3.2 and I.3.1 again (its second pattern).
    document: doc({ sectors: { coal: { gpc: ['I.3.1'], driver: 'gdp' }, power: { gpc: ['I.3.2', 'I.3.1'], driver: 'gdp' }, homes: SECTORS.homes } }),
    issue: { path: ['sectors', 'power', 'gpc', 1], code: 'overlapping-sectors', gpc: 'I.3.1', sectors: ['coal', 'power'] },
  },
  'base-mismatch': {
    what: 'a driver base that contradicts the inventory (99 万人 against 100)',
    document: doc({ drivers: { ...DRIVERS, population: { unit: '万人', base: 99, growth: 0 } } }),
    issue: { path: ['drivers', 'population', 'base'], code: 'base-mismatch', given: 99, inventory: 100, unit: '万人' },
  },
  'driver-cycle': {
    what: 'two drivers defined by each other',
    document: doc({ drivers: { ...DRIVERS, a: { unit: '万吨', base: 1, elasticity: { of: 'b', value: 1 } }, b: { unit: '万吨', base: 1, elasticity: { of: 'a', value: 1 } } } }),
    issue: { path: ['drivers', 'a'], code: 'driver-cycle', drivers: ['a', 'b', 'a'] },
  },
  'series-start': {
    what: 'growth rates that start after the first projected year',
    document: doc({ drivers: { ...DRIVERS, gdp: { unit: '亿元', growth: { 2025: '5%' } } } }),
    issue: { path: ['drivers', 'gdp', 'growth'], code: 'series-start', needed: 2023, got: 2025 },
  },
  'shares-exceed': {
    what: 'fuel shares that sum above 1',
    // Base shares: electricity 12,290 tce, coal 71,430 tce of 83,720 — sum 1. Both rise to 0.6 by 2030,
    // linearly: 2023 is 1/8 of the way to 1.2, so the sum is 1 + 0.2/8 = 1.025.
    document: doc({ sectors: { ...SECTORS, industry: { gpc: ['I.3'], driver: 'gdp', shares: { electricity: { points: { 2030: 0.6 } }, raw_coal: { points: { 2030: '60%' } } } } } }),
    issue: { path: ['sectors', 'industry', 'shares'], code: 'shares-exceed', year: 2023, got: 1.025 },
  },
  'distribution-range': {
    what: 'a distribution that does not contain the file’s value',
    document: doc({ uncertainty: { 'drivers.gdp.growth': { uniform: { min: '1%', max: '2%' } } } }),
    issue: { path: ['uncertainty', 'drivers.gdp.growth', 'uniform'], code: 'distribution-range', nominal: 0.05, min: 0.01, max: 0.02 },
  },
  'not-uncertain': {
    what: 'a correlation with a parameter that has no distribution',
    document: doc({ uncertainty: { 'drivers.gdp.growth': { normal: { sd: '1%' } } }, correlations: [{ between: ['drivers.gdp.growth', 'drivers.population.growth'], rank: 0.5 }] }),
    issue: { path: ['correlations', 0, 'between', 1], code: 'not-uncertain', got: 'drivers.population.growth' },
  },
  'correlation-members': {
    what: 'a `between` of three parameters',
    document: doc({
      uncertainty: { 'drivers.gdp.growth': { normal: { sd: '1%' } }, 'drivers.population.growth': { normal: { sd: '1%' } } },
      correlations: [{ between: ['drivers.gdp.growth', 'drivers.population.growth', 'drivers.gdp.growth'], rank: 0.5 }],
    }),
    issue: { path: ['correlations', 0, 'between'], code: 'correlation-members', min: 2, max: 2, got: 3 },
  },
  'correlation-limit': {
    what: 'more parameters correlated than the engine takes (201, by yearly growth rates of twelve drivers shared)',
    document: (() => {
      const years = Array.from({ length: 17 }, (_, i) => 2023 + i);
      const extra = Array.from({ length: 12 }, (_, d) => `d${d}`);
      const paths = extra.flatMap((id) => years.map((year) => `drivers.${id}.growth.${year}`)).slice(0, 201);
      return doc({
        drivers: { ...DRIVERS, ...Object.fromEntries(extra.map((id) => [id, { unit: '万人', base: 1, growth: Object.fromEntries(years.map((year) => [year, '1%'])) }])) },
        uncertainty: Object.fromEntries(paths.map((path) => [path, { normal: { sd: '1%' } }])),
        correlations: [{ shared: paths }],
      });
    })(),
    issue: { path: ['correlations'], code: 'correlation-limit', max: 200, got: 201 },
  },
  'correlation-not-psd': {
    what: 'three parameters each strongly anti-correlated with the other two: no matrix holds that',
    document: doc({
      uncertainty: {
        'drivers.gdp.growth': { normal: { sd: '1%' } },
        'drivers.population.growth': { normal: { sd: '1%' } },
        'sectors.industry.intensity.growth': { uniform: { min: '-1%', max: '1%' } },
      },
      sectors: { ...SECTORS, industry: { gpc: ['I.3'], driver: 'gdp', intensity: { growth: 0 } } },
      correlations: [
        { between: ['drivers.gdp.growth', 'drivers.population.growth'], rank: -0.8 },
        { between: ['drivers.gdp.growth', 'sectors.industry.intensity.growth'], rank: -0.8 },
        { between: ['drivers.population.growth', 'sectors.industry.intensity.growth'], rank: -0.8 },
      ],
    }),
    issue: {
      path: ['correlations'],
      code: 'correlation-not-psd',
      pairs: [
        { between: ['drivers.gdp.growth', 'drivers.population.growth'], rank: -0.8 },
        { between: ['drivers.gdp.growth', 'sectors.industry.intensity.growth'], rank: -0.8 },
        { between: ['drivers.population.growth', 'sectors.industry.intensity.growth'], rank: -0.8 },
      ],
      unstated: [],
    },
  },
  'empty-sector': {
    what: 'a sector whose rows have nothing in the inventory',
    document: doc({ sectors: { ...SECTORS, road: { gpc: ['II.1', 'II.2'], driver: 'population' } } }),
    issue: { path: ['sectors', 'road', 'gpc'], code: 'empty-sector', gpc: ['II.1', 'II.2'] },
  },
  'missing-carrier': {
    what: 'a switch to a carrier the inventory has nowhere (no factors to take)',
    document: doc({ actions: { h2: { adoption: { start: 2025, full: 2030 }, effects: [{ type: 'switch', sector: 'industry', from: 'raw_coal', to: 'hydrogen' }] } } }),
    issue: { path: ['actions', 'h2', 'effects', 0, 'to'], code: 'missing-carrier', carrier: 'hydrogen', sector: 'industry' },
  },
  'no-plant-fuel': {
    what: 'a new gas plant where the inventory has no gas fuel in I.4.4 (no fuel per MWh to derive)',
    document: doc({ actions: { ccgt: { adoption: { start: 2025, full: 2030 }, effects: [{ type: 'plant', source: 'gas', amount: 10, unit: '亿千瓦时' }] } } }),
    issue: { path: ['actions', 'ccgt', 'effects', 0, 'source'], code: 'no-plant-fuel', source: 'gas' },
  },
  'decline-base-before': {
    what: 'CO2 per GDP −18 % from 2020, before the 2022 inventory, without the 2020 value (baseValue)',
    document: doc({ targets: { fyp14: { type: 'decline', of: 'co2PerGdp', from: 2020, periods: { 2025: '18%' } } } }),
    issue: { path: ['targets', 'fyp14', 'baseValue'], code: 'decline-base-before', from: 2020, baseYear: 2022 },
  },
  'reserved-id': {
    what: 'an action named constructor (a name every JavaScript object has)',
    document: doc({ actions: { constructor: { adoption: { start: 2025, full: 2030 }, effects: [{ type: 'efficiency', sector: 'industry', reduction: '10%' }] } } }),
    issue: { path: ['actions', 'constructor'], code: 'reserved-id', got: 'constructor' },
  },
};

describe('each pathway issue code', () => {
  for (const [code, { what, document, issue }] of Object.entries(CASES)) {
    it(`${code}: ${what}`, () => {
      const issues = issuesOf(document);
      expect(issues.filter((found) => found.code === code)).toEqual([issue]);
    });
  }

  it('the single-problem documents report that problem alone', () => {
    for (const [code, { document }] of Object.entries(CASES)) expect(issuesOf(document).map((issue) => issue.code), code).toEqual([code]);
  });
});

describe('the base year is the inventory’s, however the file writes it', () => {
  it('a point at the base year that contradicts the inventory: base-mismatch at that point', () => {
    // The grid's 2022 value would scale the base year's electricity by 0.3/0.5617; a fuel share's 2022
    // value would move energy between carriers in the base year. Either would break the base year.
    const grid = issuesOf(doc({ grid: { unit: 't/MWh', points: { 2022: 0.3, 2030: 0.2 } } }));
    expect(grid).toEqual([{ path: ['grid', 'points', '2022'], code: 'base-mismatch', given: 0.3, inventory: expect.closeTo(0.5617, 10), unit: 't/MWh' }]);
    const share = issuesOf(doc({ sectors: { ...SECTORS, industry: { gpc: ['I.3'], driver: 'gdp', shares: { electricity: { points: { 2022: 0.5, 2030: 0.5 } } } } } }));
    expect(share).toEqual([{ path: ['sectors', 'industry', 'shares', 'electricity', 'points', '2022'], code: 'base-mismatch', given: 0.5, inventory: expect.closeTo(12290 / 83720, 12), unit: '' }]);
    const population = issuesOf(doc({ drivers: { ...DRIVERS, population: { unit: '万人', points: { 2022: 90, 2030: 100 } } } }));
    expect(population).toEqual([{ path: ['drivers', 'population', 'points', '2022'], code: 'base-mismatch', given: 90, inventory: 100, unit: '万人' }]);
  });

  it('a base-year point equal to the inventory’s value is accepted', () => {
    expect(loadPathway(doc({ drivers: { ...DRIVERS, population: { unit: '万人', points: { 2022: 100, 2030: 110 } } } }), INVENTORY).ok).toBe(true);
  });

  it('a value taken from the inventory is not a number of the file: no scenario or distribution can move it', () => {
    // (`grid.base` would scale the base year's electricity lines.)
    const set = issuesOf(doc({ grid: { unit: 't/MWh', points: { 2030: 0.3 } }, scenarios: { bau: { actions: [], set: { 'grid.base': 0.1 } } } }));
    expect(set).toEqual([expect.objectContaining({ path: ['scenarios', 'bau', 'set', 'grid.base'], code: 'unknown-reference', kind: 'parameter', got: 'grid.base' })]);
    const drawn = issuesOf(doc({ uncertainty: { 'drivers.gdp.base': { normal: { sd: 10 } } } }));
    expect(drawn).toEqual([expect.objectContaining({ path: ['uncertainty', 'drivers.gdp.base'], code: 'unknown-reference', kind: 'parameter', got: 'drivers.gdp.base' })]);
  });

  it('points that start after the base year, with no base: series-start names the first point', () => {
    const issues = issuesOf(doc({ drivers: { ...DRIVERS, cars: { unit: '万辆', points: { 2030: 240, 2025: 200 } } } }));
    expect(issues).toEqual([{ path: ['drivers', 'cars', 'points'], code: 'series-start', needed: 2022, got: 2025 }]);
  });
});

describe('reporting', () => {
  it('several problems at once, each with its path', () => {
    const issues = issuesOf(
      doc({
        drivers: { population: { unit: '万人', base: 99, growth: 0 }, gdp: { unit: '亿元', growth: { 2026: '5%' } } },
        sectors: { industry: { gpc: ['I.3'], driver: 'gpd' }, homes: SECTORS.homes, road: { gpc: ['II.1'], driver: 'population' } },
        actions: { h2: { adoption: { start: 2025, full: 2030 }, effects: [{ type: 'switch', sector: 'industry', from: 'raw_coal', to: 'hydrogen' }] } },
        scenarios: { bau: { actions: ['h3'] } },
      }),
    );
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['base-mismatch', ['drivers', 'population', 'base']],
      ['series-start', ['drivers', 'gdp', 'growth']],
      ['empty-sector', ['sectors', 'road', 'gpc']],
      ['unknown-reference', ['sectors', 'industry', 'driver']],
      ['missing-carrier', ['actions', 'h2', 'effects', 0, 'to']],
      ['unknown-reference', ['scenarios', 'bau', 'actions', 0]],
    ]);
  });

  it('a triangular distribution that misses the file’s value: one problem, not a second on a mode the file does not give', () => {
    // The mode defaults to the file's value (0 % for population growth): outside 1–2 % that is distribution-range alone.
    // A mode the file gives outside the range is out-of-range at the mode.
    const issues = issuesOf(
      doc({
        uncertainty: {
          'drivers.population.growth': { triangular: { min: '1%', max: '2%' } },
          'drivers.gdp.growth': { triangular: { min: '1%', mode: '3%', max: '2%' } },
        },
      }),
    );
    expect(issues).toEqual([
      { path: ['uncertainty', 'drivers.population.growth', 'triangular'], code: 'distribution-range', nominal: 0, min: 0.01, max: 0.02 },
      { path: ['uncertainty', 'drivers.gdp.growth', 'triangular', 'mode'], code: 'out-of-range', min: 0.01, max: 0.02, got: 0.03 },
      { path: ['uncertainty', 'drivers.gdp.growth', 'triangular'], code: 'distribution-range', nominal: 0.05, min: 0.01, max: 0.02 },
    ]);
  });

  it('the inventory’s own problems come back as the inventory’s', () => {
    const loaded = loadPathway(doc(), { ...INVENTORY, year: 'last year' });
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.issues.map((issue) => [issue.document.kind, issue.path])).toEqual([['inventory', ['year']]]);
  });
});

describe('values no computation can use: input errors at their path, never NaN or Infinity in the results', () => {
  it('a growth that overflows: overflow at the growth, from the year it does', () => {
    const issues = issuesOf(doc({ drivers: { ...DRIVERS, gdp: { unit: '亿元', growth: '1e308%' } } }));
    expect(issues).toEqual([{ path: ['drivers', 'gdp', 'growth'], code: 'overflow', year: 2023 }]);
  });

  it('a smaller growth overflows later: named with its year', () => {
    // 1e10 CNY × 1e10^t passes 1.8e308 in the 30th year (2052); the pathway ends in 2060.
    const issues = issuesOf(doc({ endYear: 2060, drivers: { ...DRIVERS, gdp: { unit: '亿元', growth: '1e12%' } } }));
    expect(issues).toEqual([{ path: ['drivers', 'gdp', 'growth'], code: 'overflow', year: 2052 }]);
  });

  it('an intensity index that overflows: at the sector’s intensity', () => {
    // The index starts at 1: 1e306 in 2023, beyond the largest number in 2024.
    const issues = issuesOf(doc({ sectors: { ...SECTORS, industry: { gpc: ['I.3'], driver: 'gdp', intensity: { growth: '1e308%' } } } }));
    expect(issues).toEqual([{ path: ['sectors', 'industry', 'intensity', 'growth'], code: 'overflow', year: 2024 }]);
  });

  it('a driver with a base of 0 or -0 that a sector is divided by: not-positive at its base', () => {
    for (const zero of [0, -0]) {
      const issues = issuesOf(doc({ drivers: { ...DRIVERS, cars: { unit: '万辆', base: zero, growth: '5%' } }, sectors: { ...SECTORS, industry: { gpc: ['I.3'], driver: 'cars' } } }));
      expect(issues).toEqual([{ path: ['drivers', 'cars', 'base'], code: 'not-positive' }]);
    }
    const points = issuesOf(doc({ drivers: { ...DRIVERS, cars: { unit: '万辆', points: { 2022: 0, 2030: 5 } } }, sectors: { ...SECTORS, industry: { gpc: ['I.3'], driver: 'cars' } } }));
    expect(points).toEqual([{ path: ['drivers', 'cars', 'points', '2022'], code: 'not-positive' }]);
  });

  it('a driver of 0 that nothing is divided by is accepted', () => {
    expect(loadPathway(doc({ drivers: { ...DRIVERS, cars: { unit: '万辆', base: 0, growth: '5%' } } }), INVENTORY).ok).toBe(true);
  });

  it('GDP that falls to 0 (intensities per GDP divide by it): not-positive at its points', () => {
    const issues = issuesOf(doc({ drivers: { ...DRIVERS, gdp: { unit: '亿元', points: { 2030: 0 } } } }));
    expect(issues).toEqual([{ path: ['drivers', 'gdp', 'points'], code: 'not-positive' }]);
  });

  it('a scenario whose `set` makes a series overflow: at its `set`', () => {
    const issues = issuesOf(doc({ scenarios: { bau: { actions: [] }, boom: { actions: [], set: { 'drivers.gdp.growth': '1e308%' } } } }));
    expect(issues).toEqual([{ path: ['scenarios', 'boom', 'set'], code: 'overflow', year: 2023 }]);
  });

  it('an action effect’s note must be text; a `from` fuel given twice is a duplicate naming both places', () => {
    const note = issuesOf(doc({ actions: { a: { adoption: { start: 2025, full: 2030 }, effects: [{ type: 'efficiency', sector: 'industry', reduction: '10%', note: -1 }] } } }));
    expect(note).toEqual([{ path: ['actions', 'a', 'effects', 0, 'note'], code: 'type', expected: 'string', got: 'number' }]);
    const from = issuesOf(doc({ actions: { a: { adoption: { start: 2025, full: 2030 }, effects: [{ type: 'switch', sector: 'industry', from: ['raw_coal', 'raw_coal'], to: 'electricity' }] } } }));
    expect(from).toEqual([{ path: ['actions', 'a', 'effects', 0, 'from', 1], code: 'duplicate', key: 'raw_coal', first: ['actions', 'a', 'effects', 0, 'from', 0] }]);
    const carrier = issuesOf(doc({ actions: { a: { adoption: { start: 2025, full: 2030 }, effects: [{ type: 'switch', sector: 'industry', from: ['raw_coal', 'diesel'], to: 'electricity' }] } } }));
    expect(carrier).toEqual([expect.objectContaining({ path: ['actions', 'a', 'effects', 0, 'from', 1], code: 'unknown-reference', got: 'diesel' })]);
  });

  it('null is named null', () => {
    const issues = issuesOf(doc({ sectors: { ...SECTORS, industry: { gpc: null, driver: 'gdp' } } }));
    expect(issues).toContainEqual({ path: ['sectors', 'industry', 'gpc'], code: 'type', expected: 'array', got: 'null' });
  });
});

describe('the same lever twice in one action: a duplicate naming both effects', () => {
  const action = (effects: Fields[]) => doc({ actions: { a: { adoption: { start: 2025, full: 2030 }, effects } } });

  it('two efficiency effects on the same sector and carrier', () => {
    const issues = issuesOf(action([{ type: 'efficiency', sector: 'industry', reduction: '10%' }, { type: 'activity', sector: 'industry', reduction: '5%' }, { type: 'efficiency', sector: 'industry', reduction: '20%' }]));
    expect(issues).toEqual([{ path: ['actions', 'a', 'effects', 2], code: 'duplicate', key: 'efficiency of industry, all carriers', first: ['actions', 'a', 'effects', 0] }]);
  });

  it('two switches away from the same carrier in one sector', () => {
    const issues = issuesOf(action([{ type: 'switch', sector: 'industry', from: 'raw_coal', to: 'electricity' }, { type: 'switch', sector: 'industry', from: ['raw_coal'], to: 'electricity', share: '50%' }]));
    expect(issues).toEqual([{ path: ['actions', 'a', 'effects', 1], code: 'duplicate', key: 'switch from raw_coal in industry', first: ['actions', 'a', 'effects', 0] }]);
  });

  it('different carriers, sectors or gases are different levers', () => {
    const valid = action([
      { type: 'efficiency', sector: 'industry', reduction: '10%' },
      { type: 'efficiency', sector: 'industry', carrier: 'raw_coal', reduction: '10%' },
      { type: 'efficiency', sector: 'homes', reduction: '10%' },
      { type: 'emissions', sector: 'industry', gas: 'CH4', reduction: '10%' },
      { type: 'emissions', sector: 'industry', gas: 'N2O', reduction: '10%' },
    ]);
    expect(loadPathway(valid, INVENTORY).ok).toBe(true);
  });
});

describe('a share of another driver is in that driver’s quantity', () => {
  it('a share of GDP in tonnes: wrong-dimension at its unit', () => {
    const issues = issuesOf(doc({ drivers: { ...DRIVERS, industryVA: { unit: '万吨', share: { of: 'gdp', points: { 2022: 0.4, 2030: 0.36 } } } } }));
    expect(issues).toEqual([{ path: ['drivers', 'industryVA', 'unit'], code: 'wrong-dimension', unit: '万t', got: 'mass', expected: ['money'] }]);
  });

  it('a share of GDP in 亿元 is accepted, in its unit: 0.4 × 100 亿元 = 40 亿元', () => {
    const loaded = loadPathway(doc({ drivers: { ...DRIVERS, industryVA: { unit: '亿元', share: { of: 'gdp', points: { 2022: 0.4, 2030: 0.36 } } } } }), INVENTORY);
    expect(loaded.ok).toBe(true);
    const driver = loaded.ok ? loaded.value.model.drivers.find((d) => d.id === 'industryVA') : undefined;
    expect(driver?.unit).toBe('亿元');
  });
});
