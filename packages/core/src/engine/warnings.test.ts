/**
 * Warnings, one kind at a time: every plausibility bound (data/plausibility.json) and every duplicate
 * a file can hold, each with its exact path and document; the demo files have none. The case tables
 * are typed `Record<PlausibilityBoundId, …>` and `Record<WarningCode, …>`, so a bound or a warning
 * code added without a case here fails the type check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import plausibilityData from '../../data/plausibility.json' with { type: 'json' };
import { highsSolver } from '../../../../test/support/highs.ts';
import { ROOT } from '../../../../test/support/cli.ts';
import { COAL, inventoryOf, pathwayDoc, type Fields } from '../../../../test/support/pathway-documents.ts';
import type { Issue, WarningCode } from '../issues/issue.ts';
import { formatIssue } from '../issues/messages.ts';
import type { LpSolver } from '../plan/lp.ts';
import { loadPlausibility, PLAUSIBILITY, PLAUSIBILITY_BOUNDS, type PlausibilityBoundId } from '../plausibility/bounds.ts';
import { documentMap, warningsJson, type DocumentIssue } from './documents.ts';
import { createEngine } from './engine.ts';

const engine = createEngine();

function inventoryWarnings(document: Fields): readonly DocumentIssue[] {
  const run = engine.inventory(document, { id: 'city.yaml' });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.warnings;
}

function pathwayWarnings(pathway: Fields, inventory: Fields = inventoryOf(COAL)): readonly DocumentIssue[] {
  const run = engine.compilePathway({ pathway, inventory }, { pathway: 'pathway.yaml', inventory: 'inventory.yaml' });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.warnings;
}

const implausible = (bound: PlausibilityBoundId, path: Issue['path'], year?: number) =>
  expect.objectContaining({ code: 'implausible', bound, path, ...(year === undefined ? {} : { year }) });

interface BoundCase {
  readonly what: string;
  readonly warnings: () => readonly DocumentIssue[];
  readonly path: Issue['path'];
  readonly year?: number;
}

// CITY: 1 million people, GDP 100 亿元 (10^6 万元); COAL: 10 万吨 of raw coal (about 190,000 tCO2e, 71,000 tce).
const CASES: Record<PlausibilityBoundId, BoundCase> = {
  population: { what: 'population 1e-300', warnings: () => inventoryWarnings({ ...inventoryOf(COAL), population: 1e-300 }), path: ['population'] },
  gdp: { what: 'GDP of 10^12 万元', warnings: () => inventoryWarnings({ ...inventoryOf(COAL), gdp: { value: 1e12, unit: '万元' } }), path: ['gdp', 'value'] },
  'gdp-per-capita': { what: 'GDP of 60 亿元 per person', warnings: () => inventoryWarnings({ ...inventoryOf(COAL), gdp: { value: 6e9, unit: '万元' } }), path: ['population'] },
  'emissions-per-capita': { what: '0.002 t per person', warnings: () => inventoryWarnings(inventoryOf({ ...COAL, amount: 1, unit: 't' })), path: ['population'] },
  'energy-per-capita': { what: '0.0007 tce per person', warnings: () => inventoryWarnings(inventoryOf({ ...COAL, amount: 1, unit: 't' })), path: ['population'] },
  'emissions-per-gdp': { what: '0.000002 t per 万元', warnings: () => inventoryWarnings(inventoryOf({ ...COAL, amount: 1, unit: 't' })), path: ['gdp', 'value'] },
  'energy-per-gdp': { what: '0.0000007 tce per 万元', warnings: () => inventoryWarnings(inventoryOf({ ...COAL, amount: 1, unit: 't' })), path: ['gdp', 'value'] },
  'line-emissions': { what: 'a line of 1e30 万吨 of coal', warnings: () => inventoryWarnings(inventoryOf(COAL, { ...COAL, amount: 1e30 })), path: ['activities', 1, 'amount'] },
  'line-energy': { what: 'a line of 1e30 万吨 of coal', warnings: () => inventoryWarnings(inventoryOf(COAL, { ...COAL, amount: 1e30 })), path: ['activities', 1, 'amount'] },
  'line-emissions-per-capita': { what: '100 万吨 of coal for 1,000 people', warnings: () => inventoryWarnings({ ...inventoryOf({ ...COAL, amount: 100 }), population: 1000 }), path: ['activities', 0, 'amount'] },
  'line-energy-per-capita': { what: '100 万吨 of coal for 1,000 people', warnings: () => inventoryWarnings({ ...inventoryOf({ ...COAL, amount: 100 }), population: 1000 }), path: ['activities', 0, 'amount'] },
  'driver-growth': {
    what: 'GDP growing 500 %/yr from 2030',
    warnings: () => pathwayWarnings(pathwayDoc({ drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: { 2023: '5%', 2030: 5 } } } })),
    path: ['drivers', 'gdp', 'growth', '2030'],
    year: 2030,
  },
  'intensity-growth': {
    what: 'an intensity falling to a tenth by points',
    warnings: () => pathwayWarnings(pathwayDoc({ sectors: { industry: { gpc: ['I.3'], driver: 'gdp', intensity: { points: { 2030: 1, 2031: 0.1 } } } } })),
    path: ['sectors', 'industry', 'intensity'],
    year: 2031,
  },
};

describe('every plausibility bound, with its path', () => {
  it.each(PLAUSIBILITY_BOUNDS.map((bound) => ({ bound, ...CASES[bound] })))('$bound: $what', ({ bound, warnings, path, year }) => {
    const found = warnings();
    expect(found).toContainEqual(implausible(bound, path, year));
    for (const warning of found) expect(warning.document.id).toBe(bound.endsWith('growth') ? 'pathway.yaml' : 'city.yaml');
  });

  it('a value already warned about is the only warning: no per-person figure of an implausible population', () => {
    expect(inventoryWarnings({ ...inventoryOf(COAL), population: 1e-300 })).toEqual([
      { document: { kind: 'inventory', id: 'city.yaml' }, path: ['population'], code: 'implausible', bound: 'population', got: 1e-300 },
    ]);
  });

  it('a file with no warnings has none, and an inventory of ordinary figures none either', () => {
    expect(inventoryWarnings(inventoryOf(COAL))).toEqual([]);
    expect(pathwayWarnings(pathwayDoc())).toEqual([]);
  });

  it('a growth rate is reported once at its own path, with the rate itself; a driver following it is not warned about again', () => {
    const warnings = pathwayWarnings(
      pathwayDoc({
        drivers: {
          population: { unit: '万人', growth: 0 },
          gdp: { unit: '亿元', growth: { 2023: '5%', 2030: '80%' } },
          industry: { unit: '亿元', share: { of: 'gdp', points: { 2022: 0.4 } } },
        },
        sectors: { industry: { gpc: ['I.3'], driver: 'industry' } },
      }),
    );
    expect(warnings).toEqual([{ document: { kind: 'pathway', id: 'pathway.yaml' }, path: ['drivers', 'gdp', 'growth', '2030'], code: 'implausible', bound: 'driver-growth', got: 0.8, year: 2030 }]);
  });

  it("a scenario's `set` is checked too", () => {
    const warnings = pathwayWarnings(pathwayDoc({ scenarios: { bau: { actions: [] }, boom: { actions: [], set: { 'drivers.gdp.growth': '60%' } } } }));
    expect(warnings).toEqual([expect.objectContaining({ path: ['drivers', 'gdp', 'growth'], bound: 'driver-growth', got: 0.6, year: 2023 })]);
  });

  it('a warning of the base inventory names the inventory, in a pathway as in the inventory alone', () => {
    const warnings = pathwayWarnings(pathwayDoc(), { ...inventoryOf(COAL), population: 1e9 });
    expect(warnings).toEqual([{ document: { kind: 'inventory', id: 'inventory.yaml' }, path: ['population'], code: 'implausible', bound: 'population', got: 1e9 }]);
  });
});

/** 1,000 t landfilled in 2021 (7.6 t CH4 generated in 2022), 5 t recovered, 3 t of it burnt for energy. */
const LANDFILL = {
  gpc: 'III.1.1',
  method: 'solid-waste-fod',
  history: [{ year: 2021, waste: { value: 1000, unit: 't' } }],
  doc: 0.2,
  mcf: 1,
  k: 0.1,
  recovered: { value: 5, unit: 't' },
  recoveredForEnergy: { value: 3, unit: 't' },
};
const FERTILISER = { gpc: 'V.3.1', method: 'urea', urea: { value: 1, unit: '万吨' }, quality: 'medium' };

const DUPLICATES: Record<WarningCode, readonly { readonly what: string; readonly document: Fields; readonly warnings: readonly Issue[] }[]> = {
  implausible: [], // every bound has its case above
  'duplicate-line': [
    { what: 'the same line twice', document: inventoryOf(COAL, COAL), warnings: [{ path: ['activities', 1], code: 'duplicate-line', first: 0, match: 'amount' }] },
    {
      what: 'the same row, fuel, amount and unit with another note, source and quality',
      document: inventoryOf({ ...COAL, note: 'plant A', quality: 'high' }, { ...COAL, source: 'yearbook', quality: 'low' }),
      warnings: [{ path: ['activities', 1], code: 'duplicate-line', first: 0, match: 'amount' }],
    },
    {
      what: 'three copies: each later one names the first',
      document: inventoryOf(COAL, { ...COAL, fuel: 'natural_gas', amount: 1, unit: '亿立方米' }, COAL, COAL),
      warnings: [
        { path: ['activities', 2], code: 'duplicate-line', first: 0, match: 'amount' },
        { path: ['activities', 3], code: 'duplicate-line', first: 0, match: 'amount' },
      ],
    },
    {
      what: 'a method line the same in every field but note, in another key order',
      document: inventoryOf(COAL, FERTILISER, { urea: { unit: '万吨', value: 1 }, method: 'urea', gpc: 'V.3.1', note: 'copy' }),
      warnings: [{ path: ['activities', 2], code: 'duplicate-line', first: 1, match: 'fields' }],
    },
    {
      what: 'many lines of one amount: only the one measuring the same thing again',
      document: inventoryOf({ ...COAL, amount: 1 }, { ...COAL, fuel: 'coke', amount: 1 }, { ...COAL, amount: 1, unit: 't' }, { ...COAL, gpc: 'I.2.1', amount: 1 }, { ...COAL, fuel: 'coke', amount: 1 }),
      warnings: [{ path: ['activities', 4], code: 'duplicate-line', first: 1, match: 'amount' }],
    },
    { what: '0 and -0 are one amount', document: inventoryOf(COAL, { ...COAL, amount: 0 }, { ...COAL, amount: -0 }), warnings: [{ path: ['activities', 2], code: 'duplicate-line', first: 1, match: 'amount' }] },
    { what: 'not: another amount', document: inventoryOf(COAL, { ...COAL, amount: 11 }), warnings: [] },
    { what: 'not: the same number in another unit', document: inventoryOf(COAL, { ...COAL, unit: 't' }), warnings: [] },
    { what: 'not: the same amount on another row', document: inventoryOf(COAL, { ...COAL, gpc: 'I.2.1' }), warnings: [] },
    { what: 'not: a method line with another value', document: inventoryOf(COAL, FERTILISER, { ...FERTILISER, urea: { value: 2, unit: '万吨' } }), warnings: [] },
    {
      what: 'not: a notation key given twice (it counts nothing)',
      document: inventoryOf(COAL, { gpc: 'V.1.1', notation: 'NE', explanation: 'x' }, { gpc: 'V.1.1', notation: 'NE', explanation: 'x' }),
      warnings: [],
    },
  ],
  'generation-missing': [
    {
      what: "power-plant fuel in I.4.4 and nothing in supply: the official quantity would count the plants' output again as imports",
      document: inventoryOf({ ...COAL, gpc: 'I.4.4' }, COAL),
      warnings: [{ path: ['supply'], code: 'generation-missing', lines: [0] }],
    },
    {
      what: 'not: the local generation given',
      document: { ...inventoryOf({ ...COAL, gpc: 'I.4.4' }), supply: { electricity: { generation: [{ source: 'coal', amount: 1, unit: '亿千瓦时' }] } } },
      warnings: [],
    },
    {
      what: 'not: the transfers stated',
      document: { ...inventoryOf({ ...COAL, gpc: 'I.4.4' }), supply: { electricity: { imports: { value: 1, unit: '亿千瓦时' }, exports: { value: 0, unit: '亿千瓦时' } } } },
      warnings: [],
    },
  ],
  'landfill-gas-balance': [
    {
      what: 'landfill gas said to be burnt for energy in III.1 (3 t) but no landfill-gas line burning it',
      document: inventoryOf(COAL, LANDFILL),
      warnings: [{ path: ['activities', 1], code: 'landfill-gas-balance', recoveredForEnergy: 3, burnt: 0 }],
    },
    {
      what: 'a landfill-gas line burning more (3,000 kg + 0.5 t) than III.1 recovers for energy',
      document: inventoryOf(COAL, LANDFILL, { gpc: 'I.4.4', method: 'landfill-gas', ch4: { value: 3000, unit: 'kg' } }, { gpc: 'I.3.1', method: 'landfill-gas', ch4: { value: 0.5, unit: 't' } }),
      warnings: [{ path: ['activities', 1], code: 'landfill-gas-balance', recoveredForEnergy: 3, burnt: 3.5 }],
    },
    { what: 'not: the two agree, in other units', document: inventoryOf(COAL, LANDFILL, { gpc: 'I.4.4', method: 'landfill-gas', ch4: { value: 3000, unit: 'kg' } }), warnings: [] },
    { what: 'not: gas recovered but all flared', document: inventoryOf(COAL, { ...LANDFILL, recoveredForEnergy: undefined }), warnings: [] },
  ],
};

describe('duplicated activity lines: a warning naming both lines, both counted', () => {
  for (const [code, cases] of Object.entries(DUPLICATES)) {
    if (cases.length === 0) continue;
    it.each(cases)(`${code}: $what`, ({ document, warnings }) => {
      expect(inventoryWarnings(document).map(({ document: _document, ...issue }) => issue)).toEqual(warnings);
    });
  }

  it('both copies are counted: the warning states it, the totals do not hide it', () => {
    const once = engine.inventory(inventoryOf(COAL));
    const twice = engine.inventory(inventoryOf(COAL, COAL));
    expect(once.ok && twice.ok && twice.value.totals.basic / once.value.totals.basic).toBeCloseTo(2, 12);
  });
});

describe('messages and JSON of warnings', () => {
  const all = PLAUSIBILITY_BOUNDS.flatMap((bound) => CASES[bound].warnings());

  it.each(['en', 'zh'] as const)('every warning reads in %s with its path, its figure and the bound, nothing undefined', (lang) => {
    for (const warning of [...all, { document: { kind: 'inventory' as const, id: 'x' }, path: ['activities', 3], code: 'duplicate-line' as const, first: 1, match: 'amount' as const }]) {
      const text = formatIssue(warning, lang);
      expect(text).not.toMatch(/undefined|NaN/);
      if (warning.code === 'implausible') {
        expect(text).toContain(PLAUSIBILITY[warning.bound].label[lang]);
        expect(text).toContain(PLAUSIBILITY[warning.bound].reason[lang]);
      } else {
        expect(text).toContain('activities[1]');
      }
    }
  });

  it('growth figures are percentages; large and small figures are written in powers of ten', () => {
    expect(formatIssue({ path: ['drivers', 'gdp', 'growth', '2030'], code: 'implausible', bound: 'driver-growth', got: 5, year: 2030 }, 'en')).toMatch(
      /^drivers\.gdp\.growth\.2030: yearly change of a driver in 2030 is \+500 %\/yr, far outside any city \(plausible: -50 %\/yr – \+50 %\/yr\)/,
    );
    expect(formatIssue({ path: ['population'], code: 'implausible', bound: 'population', got: 1e-300 }, 'zh')).toMatch(/^population：人口为 1×10⁻³⁰⁰ 人，远超任何城市（合理范围 1 人 – 1×10⁸ 人）/);
  });

  it('figures from 10,000 up have thousands separators in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = formatIssue({ path: ['activities', 0], code: 'implausible', bound: 'emissions-per-capita', got: 2_297_123 }, lang);
      expect(text).toContain('2,297,000');
      expect(text).not.toMatch(/\d{5}/);
    }
  });

  it('the JSON of a warning is the issue with its text in both languages', () => {
    const [warning] = warningsJson(CASES.population.warnings());
    expect(warning).toEqual({
      document: { kind: 'inventory', id: 'city.yaml' },
      path: ['population'],
      code: 'implausible',
      bound: 'population',
      got: 1e-300,
      text: { en: expect.stringMatching(/^population: population is 1e-300 persons/), zh: expect.stringMatching(/^population：人口为 1×10⁻³⁰⁰ 人/) },
    });
  });
});

describe('the bounds are data, checked when loaded', () => {
  const data = plausibilityData as { $comment: string; bounds: Record<string, Record<string, unknown>> };
  const changed = (id: string, bound: Record<string, unknown> | undefined) => {
    const bounds = Object.fromEntries(Object.entries(data.bounds).filter(([key]) => key !== id));
    return { ...data, bounds: bound === undefined ? bounds : { ...bounds, [id]: bound } };
  };

  it('the shipped bounds load, each with a reason in both languages', () => {
    expect(Object.keys(loadPlausibility(data))).toEqual([...PLAUSIBILITY_BOUNDS]);
  });

  it.each([
    { what: 'a bound missing', value: changed('population', undefined), message: /population/ },
    { what: 'min not below max', value: changed('gdp', { ...data.bounds['gdp'], min: 5, max: 5 }), message: /gdp: min must be below max/ },
    { what: 'no reason', value: changed('gdp', { ...data.bounds['gdp'], reason: undefined }), message: /gdp\.reason/ },
    { what: 'an unknown bound', value: changed('speed', data.bounds['gdp']), message: /speed/ },
  ])('refused: $what', ({ value, message }) => {
    expect(() => loadPlausibility(value)).toThrow(message);
  });
});

describe('the demo files have no warnings', () => {
  const demo = (name: string): unknown => parse(readFileSync(join(ROOT, 'examples', 'demo-city', name), 'utf8'));
  let solver: LpSolver;
  beforeAll(async () => {
    solver = await highsSolver();
  });

  it('inventory, pathway and plan', async () => {
    const withDemo = createEngine({ resolve: documentMap({ 'inventory.yaml': demo('inventory.yaml'), 'pathway.yaml': demo('pathway.yaml') }), solver });
    const inventory = withDemo.inventory(demo('inventory.yaml'));
    const pathway = await withDemo.pathway(demo('pathway.yaml'), { id: 'pathway.yaml' });
    const plan = await withDemo.plan(demo('plan.yaml'), { id: 'plan.yaml', limits: { sequentialSolves: 2, relaxationSolves: 4 } });
    expect([inventory, pathway, plan].map((run) => (run.ok ? run.warnings : run.issues))).toEqual([[], [], []]);
    const worked = withDemo.inventory(parse(readFileSync(join(ROOT, 'examples', 'worked-example', 'inventory.yaml'), 'utf8')));
    expect(worked.ok && worked.warnings).toEqual([]);
  });

  it('a plan carries the warnings of its pathway and inventory, each naming its document', async () => {
    const inventory = { ...(demo('inventory.yaml') as Fields), population: 2e8 };
    const pathway = demo('pathway.yaml') as Fields;
    const plan = engine.compilePlan({ plan: demo('plan.yaml'), pathway: { ...pathway, drivers: { ...(pathway['drivers'] as Fields), cars: { unit: '万辆', base: 180, points: { 2030: 2400 } } } }, inventory }, { plan: 'p', pathway: 'w', inventory: 'i' });
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    expect(plan.warnings.map((warning) => [warning.document.id, warning.path.join('.'), warning.code])).toEqual([
      ['i', 'population', 'implausible'],
      ['w', 'drivers.cars', 'implausible'],
    ]);
  });
});

