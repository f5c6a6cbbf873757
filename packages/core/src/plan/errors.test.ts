/**
 * Input errors of a plan file: one document per plan issue code, each asserting the code, its details
 * and the exact path; several problems reported at once; the pathway file's problems reported as the
 * pathway's; the general codes on the plan's own fields; every message in both languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { baseInventory, defaultCatalogue, formatIssue, formatPath, parsePlan, type Catalogue, type Issue, type PlanIssueCode, type PlanParseResult } from '../index.ts';
import { EMPTY_CATALOGUE, measure, PLAN_INVENTORY, planDoc, planPathway } from '../../../../test/support/plan-documents.ts';

type Fields = Record<string, unknown>;

const base = baseInventory(PLAN_INVENTORY);
if (!base.ok) throw new Error(`the test inventory is invalid: ${JSON.stringify(base.issues)}`);
const BASE = base.base;

const ADOPTION = { start: 2023, full: 2025 };
/** A measure with its own effect (10 % less energy in industry) and costs. */
const CUT = measure([{ type: 'efficiency', sector: 'industry', reduction: 0.1 }], 100);
/** Targets of the pathway for `constraints.targets`. */
const TARGETS = { 'peak-2030': { type: 'peak', by: 2030 }, 'cap-2035': { type: 'cap', year: 2035, value: 50, unit: '万tCO2e' } };

/** One entry of the plan's own catalogue: a 10 % efficiency gain per household, its capex `capex`. */
function ownEntry(capex: Fields): Fields {
  const figure = (value: number, unit: string): Fields => ({ value, unit, source: 'own-survey', marker: 'S' });
  return {
    id: 'own-cut',
    name: { en: 'Own efficiency programme', zh: '本市节能项目' },
    category: 'industry',
    unit: 'household',
    levers: [{ type: 'efficiency', reduction: figure(0.1, 'fraction') }],
    capex: { value: 500, currency: 'CNY', priceYear: 2020, per: 'household', source: 'own-survey', marker: 'S', ...capex },
    lifetime: figure(20, 'yr'),
    coBenefits: [],
    feasibility: { en: 'Test entry.', zh: '测试条目。' },
    gaps: [],
  };
}
const ownCatalogue = (entry: Fields): Fields => ({ sources: [{ id: 'own-survey', title: 'The city’s own survey' }], measures: [entry] });
/** A measure taking its levers and costs from the plan's own entry `own-cut`, on industry. */
const USES_OWN = { own: { catalogue: 'own-cut', sector: 'industry', quantity: { value: 1, unit: 'household' }, adoption: ADOPTION } };

function parse(plan: Fields, pathway: Fields = planPathway(), catalogue: Catalogue = defaultCatalogue()): PlanParseResult {
  return parsePlan(plan, pathway, BASE, catalogue);
}

/** The plan file's problems; the pathway file must have none. */
function issuesOf(plan: Fields, pathway: Fields = planPathway(), catalogue: Catalogue = defaultCatalogue()): readonly Issue[] {
  const parsed = parse(plan, pathway, catalogue);
  if (parsed.ok) throw new Error('expected input errors, but the plan is valid');
  expect(parsed.pathwayIssues, 'the pathway file’s problems').toEqual([]);
  return parsed.issues;
}

describe('the documents the cases start from', () => {
  it('a measure with its own effects and costs, and one from the plan’s own catalogue, are valid', () => {
    expect(parse(planDoc({ cut: CUT })).ok).toBe(true);
    expect(parse(planDoc({ cut: CUT }), planPathway(), EMPTY_CATALOGUE).ok).toBe(true);
    expect(parse(planDoc(USES_OWN, { catalogue: ownCatalogue(ownEntry({})) })).ok).toBe(true);
  });

  it('a shipped catalogue measure with the figure it lacks given in the plan is valid', () => {
    const forest = { catalogue: 'afforestation', quantity: { value: 100, unit: 'ha' }, adoption: ADOPTION, costs: { lifetime: { value: 40, source: 'test' } } };
    expect(parse(planDoc({ forest })).ok).toBe(true);
  });
});

// Every plan issue code has a case: a new code without one fails the type check.
const CASES: Record<PlanIssueCode, { what: string; plan: Fields; pathway?: Fields; issue: Issue }> = {
  'catalogue-gap': {
    what: 'a shipped measure with no sourced lifetime (afforestation), and none in the plan',
    plan: planDoc({ forest: { catalogue: 'afforestation', quantity: { value: 100, unit: 'ha' }, adoption: ADOPTION } }),
    issue: { path: ['measures', 'forest', 'costs', 'lifetime'], code: 'catalogue-gap', measure: 'afforestation', field: 'lifetime' },
  },
  'action-exists': {
    what: 'a measure whose id is already an action of the pathway file',
    plan: planDoc({ cut: CUT }),
    pathway: planPathway({ actions: { cut: { adoption: ADOPTION, effects: [{ type: 'efficiency', sector: 'homes', reduction: 0.1 }] } } }),
    issue: { path: ['measures', 'cut'], code: 'action-exists', id: 'cut' },
  },
  'missing-rate': {
    // The catalogue's own rule refuses a USD cost of a year with no USD/CNY rate (invalid-catalogue); a
    // CNY cost of 2005 has no CPI change for 2006 to bring it to 2022. Reported where the plan would give
    // the cost in CNY instead.
    what: 'a cost of the plan’s own catalogue in CNY of 2005: no price index to bring it to 2022',
    plan: planDoc(USES_OWN, { catalogue: ownCatalogue(ownEntry({ priceYear: 2005 })) }),
    issue: { path: ['measures', 'own', 'costs', 'capex'], code: 'missing-rate', currency: 'CNY', year: 2005, priceYear: 2022 },
  },
  'constant-quantity': {
    what: 'afforestation (a removal measure) counted by a driver of land, in hectares',
    plan: planDoc({ forest: { catalogue: 'afforestation', quantity: { driver: 'forestLand' }, adoption: ADOPTION, costs: { lifetime: { value: 40, source: 'test' } } } }),
    pathway: planPathway({ drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: '5%' }, forestLand: { unit: 'ha', base: 1000, growth: '2%' } } }),
    issue: { path: ['measures', 'forest', 'quantity'], code: 'constant-quantity', lever: 'removal' },
  },
  'self-reference': {
    what: 'a measure that requires itself (it is a measure of the plan: the message says it names itself)',
    plan: planDoc({ cut: { ...CUT, requires: ['cut'] } }),
    issue: { path: ['measures', 'cut', 'requires', 0], code: 'self-reference', field: 'requires', id: 'cut' },
  },
  'invalid-catalogue': {
    what: 'an entry of the plan’s own catalogue citing a source it does not define',
    plan: planDoc(USES_OWN, { catalogue: ownCatalogue(ownEntry({ source: 'own-surveyy' })) }),
    issue: { path: ['catalogue', 'measures', 0, 'capex', 'source'], code: 'invalid-catalogue', message: 'measure own-cut: capex cites unknown source own-surveyy' },
  },
};

describe('each plan issue code', () => {
  for (const [code, { what, plan, pathway, issue }] of Object.entries(CASES)) {
    it(`${code}: ${what}`, () => {
      expect(issuesOf(plan, pathway).filter((found) => found.code === code)).toEqual([issue]);
    });
  }

  it('the single-problem documents report that problem alone (no follow-on problems)', () => {
    for (const [code, { plan, pathway }] of Object.entries(CASES)) expect(issuesOf(plan, pathway).map((issue) => issue.code), code).toEqual([code]);
  });

  it('a price year the price index does not reach: every catalogue cost of the measure, at its own path', () => {
    const issues = issuesOf(planDoc({ pv: { catalogue: 'rooftop-pv', quantity: { value: 10, unit: 'MW' }, adoption: ADOPTION } }, { priceYear: 2030 }));
    expect(issues).toEqual([
      { path: ['measures', 'pv', 'costs', 'capex'], code: 'missing-rate', currency: 'USD', year: 2014, priceYear: 2030 },
      { path: ['measures', 'pv', 'costs', 'opex'], code: 'missing-rate', currency: 'USD', year: 2014, priceYear: 2030 },
    ]);
  });

  it('rooftop PV (a generation measure) counted by a driver, here of another dimension: constant-quantity and the dimension', () => {
    const issues = issuesOf(planDoc({ pv: { catalogue: 'rooftop-pv', quantity: { driver: 'population' }, adoption: ADOPTION } }));
    expect(issues).toEqual([
      { path: ['measures', 'pv', 'quantity'], code: 'constant-quantity', lever: 'generation' },
      { path: ['measures', 'pv', 'quantity', 'driver'], code: 'wrong-dimension', unit: '万人', got: 'population', expected: ['power'] },
    ]);
  });

  it('a schema problem of the plan’s own catalogue entry: at the entry’s field, not at the merged list', () => {
    const entry = ownEntry({});
    delete entry['feasibility'];
    const issues = issuesOf(planDoc(USES_OWN, { catalogue: ownCatalogue({ ...entry, category: 'industri' }) }));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid-catalogue', ['catalogue', 'measures', 0, 'category']],
      ['required', ['catalogue', 'measures', 0, 'feasibility']],
    ]);
  });

  it('a catalogue id that does not exist: the nearest as a hint, and nothing it would have given asked for', () => {
    const issues = issuesOf(planDoc({ pv: { catalogue: 'rooftop-pvv', quantity: { value: 10, unit: 'MW' }, adoption: ADOPTION } }));
    expect(issues).toEqual([{ path: ['measures', 'pv', 'catalogue'], code: 'unknown-reference', kind: 'catalogue-measure', got: 'rooftop-pvv', suggestion: 'rooftop-pv' }]);
  });
});

describe('reporting', () => {
  it('several problems at once, each with its path', () => {
    const issues = issuesOf(
      planDoc(
        {
          cut: measure([{ type: 'efficiency', sector: 'industri', reduction: 0.1 }], 100),
          insulation: { catalogue: 'envelope-insulation', sector: 'homez', quantity: { value: 10, unit: '万m2' }, adoption: ADOPTION },
        },
        { maccYaer: 2030, constraints: { targets: ['peak-2030', 'cap-2036'] } },
      ),
      planPathway({ targets: TARGETS }),
    );
    expect(issues).toEqual([
      { path: ['maccYaer'], code: 'unknown-field', field: 'maccYaer', suggestion: 'maccYear' },
      // A measure's own effect: at the effect; the catalogue's levers: at the measure's `sector`.
      { path: ['measures', 'cut', 'effects', 0, 'sector'], code: 'unknown-reference', kind: 'sector', got: 'industri', suggestion: 'industry' },
      { path: ['measures', 'insulation', 'sector'], code: 'unknown-reference', kind: 'sector', got: 'homez', suggestion: 'homes' },
      // Checked against the pathway file, although the measures keep the pathway from compiling.
      { path: ['constraints', 'targets', 1], code: 'unknown-reference', kind: 'target', got: 'cap-2036', suggestion: 'cap-2035' },
    ]);
  });

  it('a measure with neither effects nor a catalogue entry: effects required, once', () => {
    const { effects: _effects, ...bare } = CUT;
    expect(issuesOf(planDoc({ bare }))).toEqual([{ path: ['measures', 'bare', 'effects'], code: 'required' }]);
  });

  it('a problem of the pathway file is the pathway’s, and no plan year is out of range because of it', () => {
    const parsed = parse(planDoc({ cut: CUT }), planPathway({ sectors: { industry: { gpc: ['I.3'], driver: 'gpd' }, homes: { gpc: ['I.1'], driver: 'population' } } }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([]);
    expect(parsed.pathwayIssues).toEqual([{ path: ['sectors', 'industry', 'driver'], code: 'unknown-reference', kind: 'driver', got: 'gpd', suggestion: 'gdp' }]);
  });

  it('a plan of nothing but a pathway: discountRate and maccYear are required, measures too', () => {
    expect(issuesOf({ pathway: 'pathway.yaml' })).toEqual([
      { path: ['measures'], code: 'required' },
      { path: ['discountRate'], code: 'required' },
      { path: ['maccYear'], code: 'required' },
    ]);
  });

  it('a MACC year after the pathway’s horizon or at its base year is out of range', () => {
    expect(issuesOf(planDoc({ cut: CUT }, { maccYear: 2050 }))).toEqual([{ path: ['maccYear'], code: 'out-of-range', min: 2023, max: 2040, got: 2050 }]);
    expect(issuesOf(planDoc({ cut: CUT }, { maccYear: 2022 }))).toEqual([{ path: ['maccYear'], code: 'out-of-range', min: 2023, max: 2040, got: 2022 }]);
  });

  it('percentages are accepted as "8%" strings, checked against the same range', () => {
    const parsed = parse(planDoc({ cut: CUT }, { discountRate: '8%' }));
    expect(parsed.ok && parsed.plan.discountRate).toBeCloseTo(0.08, 12);
    const limited = parse(planDoc({ cut: { ...CUT, limits: { min: '10%', max: '50%' } } }));
    expect(limited.ok && [limited.plan.measures[0]!.min, limited.plan.measures[0]!.max]).toEqual([0.1, 0.5]);
    expect(issuesOf(planDoc({ cut: CUT }, { discountRate: '180%' }))).toEqual([{ path: ['discountRate'], code: 'out-of-range', min: 0, max: 1, got: 1.8 }]);
    expect(issuesOf(planDoc({ cut: CUT }, { discountRate: 'eight' }))).toEqual([{ path: ['discountRate'], code: 'type', expected: 'number', got: 'string' }]);
  });

  it('limits.min above limits.max: out of range at min', () => {
    expect(issuesOf(planDoc({ cut: { ...CUT, limits: { min: 0.8, max: '50%' } } }))).toEqual([{ path: ['measures', 'cut', 'limits', 'min'], code: 'out-of-range', min: 0, max: 0.5, got: 0.8 }]);
  });

  it('yesNo must be a boolean; a yes/no measure has no minimum between 0 and max', () => {
    expect(issuesOf(planDoc({ cut: { ...CUT, yesNo: 'yes' } }, { version: 2 }))).toEqual([{ path: ['measures', 'cut', 'yesNo'], code: 'type', expected: 'boolean', got: 'string' }]);
    expect(issuesOf(planDoc({ cut: { ...CUT, yesNo: true, limits: { min: 0.5 } } }))).toEqual([{ path: ['measures', 'cut', 'limits', 'min'], code: 'not-applicable', field: 'min', reason: 'yes-no-min' }]);
  });

  it('requires and excludes name measures of the plan, not the measure itself', () => {
    const other = measure([{ type: 'efficiency', sector: 'homes', reduction: 0.1 }], 50);
    expect(issuesOf(planDoc({ cut: { ...CUT, requires: ['homes-cutt'] }, 'homes-cut': other }))).toEqual([
      { path: ['measures', 'cut', 'requires', 0], code: 'unknown-reference', kind: 'measure', got: 'homes-cutt', suggestion: 'homes-cut' },
    ]);
    expect(issuesOf(planDoc({ cut: { ...CUT, excludes: ['cut'] }, 'homes-cut': other }))).toEqual([
      { path: ['measures', 'cut', 'excludes', 0], code: 'self-reference', field: 'excludes', id: 'cut' },
    ]);
  });

  it('a user criterion needs a score on every measure; a score of no criterion is refused with the nearest', () => {
    const criteria = { feasibility: { weight: 1, direction: 'benefit' } };
    expect(issuesOf(planDoc({ cut: CUT }, { criteria }))).toEqual([{ path: ['measures', 'cut', 'scores', 'feasibility'], code: 'required' }]);
    expect(issuesOf(planDoc({ cut: { ...CUT, scores: { feasibilty: 3 } } }, { criteria }))).toEqual([
      { path: ['measures', 'cut', 'scores', 'feasibility'], code: 'required' },
      { path: ['measures', 'cut', 'scores', 'feasibilty'], code: 'unknown-reference', kind: 'criterion', got: 'feasibilty', suggestion: 'feasibility' },
    ]);
    // A criterion with a problem of its own: its scores are not also refused.
    expect(issuesOf(planDoc({ cut: { ...CUT, scores: { feasibility: 3 } } }, { criteria: { feasibility: { weight: 1 } } }))).toEqual([
      { path: ['criteria', 'feasibility', 'direction'], code: 'required' },
    ]);
  });

  it('a computed criterion takes no direction', () => {
    expect(issuesOf(planDoc({ cut: CUT }, { criteria: { cost: { weight: 1, direction: 'benefit' } } }))).toEqual([
      { path: ['criteria', 'cost', 'direction'], code: 'not-applicable', field: 'direction', reason: 'computed-criterion' },
    ]);
  });

  it('a budget in a unit that is not money', () => {
    expect(issuesOf(planDoc({ cut: CUT }, { constraints: { budget: { unit: 'tCO2e', perYear: 5 } } }))).toEqual([
      { path: ['constraints', 'budget', 'unit'], code: 'wrong-dimension', unit: 'tCO2e', got: 'emissions', expected: ['money'] },
    ]);
    expect(parse(planDoc({ cut: CUT }, { constraints: { budget: { unit: '亿元', perYear: 5 } } })).ok).toBe(true);
  });

  it('a budget by year with no year in it is required, not silently no limit', () => {
    expect(issuesOf(planDoc({ cut: CUT }, { constraints: { budget: { unit: '亿元', perYear: {} } } }))).toEqual([{ path: ['constraints', 'budget', 'perYear'], code: 'required' }]);
  });

  it('a sector on a measure that gives its own effects has no meaning there', () => {
    expect(issuesOf(planDoc({ cut: { ...CUT, sector: 'industry' } }))).toEqual([{ path: ['measures', 'cut', 'sector'], code: 'not-applicable', field: 'sector', reason: 'own-effects' }]);
  });

  it('a sector on a generation measure (which acts city-wide) has no meaning there', () => {
    const pv = { catalogue: 'rooftop-pv', sector: 'industry', quantity: { value: 10, unit: 'MW' }, adoption: ADOPTION };
    expect(issuesOf(planDoc({ pv }))).toEqual([{ path: ['measures', 'pv', 'sector'], code: 'not-applicable', field: 'sector', reason: 'city-wide-lever' }]);
    const { sector: _sector, ...withoutSector } = pv;
    expect(parse(planDoc({ pv: withoutSector })).ok).toBe(true);
  });

  it('no measure, or criteria whose weights are all 0, are input errors (not faults)', () => {
    expect(issuesOf(planDoc({}))).toEqual([{ path: ['measures'], code: 'required' }]);
    expect(issuesOf(planDoc({ cut: CUT }, { criteria: { abatement: { weight: 0 }, cost: { weight: 0 } } }))).toEqual([{ path: ['criteria'], code: 'not-positive' }]);
  });

  it('a measure with no catalogue entry counted by a driver is counted in the driver\'s unit (costs per 辆 accepted)', () => {
    const pathway = planPathway({ drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: '5%' }, cars: { unit: '万辆', base: 10 } } });
    const cars = { ...CUT, quantity: { driver: 'cars' }, costs: { capex: { value: 1000, unit: '元/辆', source: 'test' }, lifetime: { value: 12, source: 'test' } } };
    const parsed = parse(planDoc({ cars }), pathway);
    expect(parsed.ok && parsed.plan.measures[0]!.unit).toBe('万辆');
  });

  it('a catalogue switch without the carrier it goes to is a gap of the catalogue, reported once', () => {
    const h2 = { catalogue: 'hydrogen-trucks', sector: 'industry', quantity: { value: 1, unit: 'vehicle' }, adoption: ADOPTION };
    const issues = issuesOf(planDoc({ h2 }));
    expect(issues.filter((issue) => issue.code === 'catalogue-gap' && issue.field === 'levers[0].to')).toHaveLength(1);
    expect(issues.filter((issue) => issue.code === 'required' && formatPath(issue.path) === 'measures.h2.catalogue')).toHaveLength(0);
  });

  it('a baseline the pathway does not have', () => {
    expect(issuesOf(planDoc({ cut: CUT }, { baseline: 'bua' }))).toEqual([{ path: ['baseline'], code: 'unknown-reference', kind: 'scenario', got: 'bua', suggestion: 'bau' }]);
  });
});

describe('messages', () => {
  const documents: [string, Fields, Fields | undefined][] = [
    ...Object.entries(CASES).map(([code, { plan, pathway }]): [string, Fields, Fields | undefined] => [code, plan, pathway]),
    ['several', planDoc({ cut: { ...CUT, lumpy: 1, limits: { min: 0.9, max: 0.2 } }, ins: { catalogue: 'envelope-insulation', sector: 'homez', quantity: { value: 1, unit: '万m2' }, adoption: ADOPTION } }, { maccYaer: 1, constraints: { targets: ['peak-2031'], budget: { unit: 't', perYear: 1 } }, criteria: { cost: { weight: 1, direction: 'cost' } } }), planPathway({ targets: TARGETS })],
    ['nothing', { pathway: 'x' }, undefined],
  ];

  it('every problem formats in Chinese and in English, naming its field', () => {
    let count = 0;
    for (const [what, plan, pathway] of documents) {
      for (const issue of issuesOf(plan, pathway)) {
        const where = formatPath(issue.path);
        const zh = formatIssue(issue, 'zh');
        const en = formatIssue(issue, 'en');
        expect(zh.startsWith(`${formatPath(issue.path, 'zh')}：`), `${what}: ${zh}`).toBe(true);
        expect(en.startsWith(`${where}: `), `${what}: ${en}`).toBe(true);
        expect(zh, `${what}: ${zh}`).toMatch(/[\u4e00-\u9fff]/);
        expect(en.slice(where.length + 2).length, `${what}: ${en}`).toBeGreaterThan(5);
        expect(zh).not.toBe(en);
        expect(`${zh}\n${en}`).not.toMatch(/undefined|NaN|\[object/);
        count += 1;
      }
    }
    expect(count).toBeGreaterThanOrEqual(15);
  });

  it('the messages of each plan code say what to do', () => {
    const text = (code: PlanIssueCode, lang: 'zh' | 'en'): string => formatIssue(CASES[code].issue, lang);
    expect(text('catalogue-gap', 'en')).toBe('measures.forest.costs.lifetime: the catalogue has no sourced figure for `lifetime` of "afforestation": give `costs.lifetime` in the plan, with its source');
    expect(text('catalogue-gap', 'zh')).toContain('请在 `costs.lifetime` 中填写');
    expect(text('action-exists', 'en')).toContain('give the measure another id');
    expect(text('missing-rate', 'en')).toBe('measures.own.costs.capex: no exchange rate or price index to restate CNY of 2005 in CNY of 2022: give this cost in CNY in the plan');
    expect(text('missing-rate', 'zh')).toContain('2005 年货币 "CNY"');
    expect(text('constant-quantity', 'en')).toContain('`quantity.value`');
    expect(text('invalid-catalogue', 'zh')).toBe('catalogue.measures[0].capex.source：措施目录条目不符合规则（校验器原文）："measure own-cut: capex cites unknown source own-surveyy"');
  });
});

describe('format versions', () => {
  const OLD = { cut: { ...CUT, lumpy: true }, other: measure([{ type: 'efficiency', sector: 'homes', reduction: 0.1 }], 50, { lumpy: false }) };
  const migration = (parsed: PlanParseResult) => (parsed.ok ? parsed.plan.assumptions.filter((a) => a.code === 'version-migrated').map((a) => a.text.en) : parsed.issues);

  it('a version 1 plan: `lumpy` is read as `yesNo`, stated with the result', () => {
    const parsed = parse(planDoc(OLD, { version: 1 }));
    expect(parsed.ok && parsed.plan.measures.map((m) => [m.id, m.yesNo])).toEqual([['cut', true], ['other', false]]);
    expect(migration(parsed)).toEqual(['plan file version 1: `lumpy` read as `yesNo` (measures.cut, measures.other)']);
    const zh = parsed.ok ? parsed.plan.assumptions.find((a) => a.code === 'version-migrated')!.text.zh : '';
    expect(zh).toBe('行动方案文件第 1 版：`lumpy` 按 `yesNo` 读取（measures.cut, measures.other）');
  });

  it('a plan without version that uses `lumpy` is read as version 1, and says so', () => {
    expect(migration(parse(planDoc(OLD)))).toEqual(['plan file without `version`, read as version 1: `lumpy` read as `yesNo` (measures.cut, measures.other)']);
  });

  it('version 2 (and a plan without version or `lumpy`) states no migration; the same plan as version 1', () => {
    const current = parse(planDoc({ cut: { ...CUT, yesNo: true } }, { version: 2 }));
    expect(migration(current)).toEqual([]);
    expect(migration(parse(planDoc({ cut: CUT })))).toEqual([]);
    const old = parse(planDoc({ cut: { ...CUT, lumpy: true } }, { version: 1 }));
    expect(current.ok && old.ok && old.plan.measures).toEqual(current.ok && current.plan.measures);
  });

  it('in a version 1 plan a problem with `lumpy` is reported at `lumpy`, as the file says it', () => {
    expect(issuesOf(planDoc({ cut: { ...CUT, lumpy: 'yes' } }, { version: 1 }))).toEqual([{ path: ['measures', 'cut', 'lumpy'], code: 'type', expected: 'boolean', got: 'string' }]);
  });

  it('`lumpy` in a version 2 plan is an unknown field; `lumpy` and `yesNo` on one measure conflict', () => {
    expect(issuesOf(planDoc({ cut: { ...CUT, lumpy: true } }, { version: 2 }))).toEqual([{ path: ['measures', 'cut', 'lumpy'], code: 'unknown-field', field: 'lumpy' }]);
    expect(issuesOf(planDoc({ cut: { ...CUT, lumpy: true, yesNo: true } }))).toEqual([{ path: ['measures', 'cut', 'yesNo'], code: 'conflict', fields: ['lumpy', 'yesNo'] }]);
  });

  it('a version newer than this peakpath reads: one problem, in both languages; a version that is not a whole number', () => {
    const issues = issuesOf(planDoc({ cut: { ...CUT, yesNoo: true } }, { version: 3 }));
    expect(issues).toEqual([{ path: ['version'], code: 'unsupported-version', kind: 'plan', got: 3, max: 2 }]);
    expect(formatIssue(issues[0]!, 'en')).toBe('version: this plan file is version 3; this peakpath reads up to version 2: upgrade peakpath');
    expect(formatIssue(issues[0]!, 'zh')).toBe('version：此行动方案文件为第 3 版；本版 peakpath 最高读取第 2 版：请升级 peakpath');
    expect(issuesOf(planDoc({ cut: CUT }, { version: '2' }))).toEqual([{ path: ['version'], code: 'type', expected: 'integer', got: 'string' }]);
    expect(issuesOf(planDoc({ cut: CUT }, { version: 0 }))).toEqual([{ path: ['version'], code: 'out-of-range', min: 1, max: 2, got: 0 }]);
  });
});

describe('the plan’s own catalogue entries: figures read with their units, problems at the entry', () => {
  const reductionOf = (reduction: Fields): number | undefined => {
    const entry = { ...ownEntry({}), levers: [{ type: 'efficiency', reduction: { source: 'own-survey', marker: 'S', ...reduction } }] };
    const parsed = parse(planDoc(USES_OWN, { catalogue: ownCatalogue(entry) }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed.plan.pathway.parameters.find((info) => info.path === 'actions.own.effects[0].reduction')?.nominal;
  };

  it('a reduction of 10 % is 0.1, as 0.1 fraction is', () => {
    expect(reductionOf({ value: 0.1, unit: 'fraction' })).toBe(0.1);
    expect(reductionOf({ value: 10, unit: '%' })).toBeCloseTo(0.1, 15);
  });

  it('a reduction of 85 fraction, or in tonnes: invalid-catalogue at the entry’s figure, not at the measure', () => {
    const issuesWith = (reduction: Fields) =>
      issuesOf(planDoc(USES_OWN, { catalogue: ownCatalogue({ ...ownEntry({}), levers: [{ type: 'efficiency', reduction: { source: 'own-survey', marker: 'S', ...reduction } }] }) }));
    expect(issuesWith({ value: 85, unit: 'fraction' })).toEqual([
      { path: ['catalogue', 'measures', 0, 'levers', 0, 'reduction', 'value'], code: 'invalid-catalogue', message: 'measure own-cut: reduction 85 fraction is not between 0 and 1 (0 % and 100 %)' },
    ]);
    expect(issuesWith({ value: 5, unit: 't' })).toEqual([
      { path: ['catalogue', 'measures', 0, 'levers', 0, 'reduction', 'unit'], code: 'invalid-catalogue', message: 'measure own-cut: reduction in t: expected a dimensionless unit (fraction, %)' },
    ]);
  });
});

describe('ids every object already has', () => {
  it('the demo plan with a measure named __proto__: refused at that measure, not left out of the MACC', () => {
    const demo = (file: string): Fields => parseYaml(readFileSync(new URL(`../../../../examples/demo-city/${file}`, import.meta.url), 'utf8')) as Fields;
    const plan = demo('plan.yaml');
    const measures = plan['measures'] as Fields;
    const [first] = Object.keys(measures);
    // JSON.parse makes "__proto__" an own key, as a YAML or JSON file does (an object literal would set the prototype).
    const renamed = JSON.parse(`{${Object.keys(measures).map((id) => `${JSON.stringify(id === first ? '__proto__' : id)}:${JSON.stringify(measures[id])}`).join(',')}}`) as Fields;
    const inventory = baseInventory(demo('inventory.yaml'));
    if (!inventory.ok) throw new Error('the demo inventory is valid');
    const parsed = parsePlan({ ...plan, measures: renamed }, demo('pathway.yaml'), inventory.base, defaultCatalogue());
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues).toEqual([{ path: ['measures', '__proto__'], code: 'reserved-id', got: '__proto__' }]);
    expect(formatIssue({ path: ['measures', '__proto__'], code: 'reserved-id', got: '__proto__' })).toBe(
      'measures.__proto__: "__proto__" cannot be an id (a name every JavaScript object already has, such as __proto__ or constructor): choose another name',
    );
  });

  it('a criterion named constructor', () => {
    const issues = issuesOf(planDoc({ cut: CUT }, { criteria: { constructor: { weight: 1 } } }));
    expect(issues).toContainEqual({ path: ['criteria', 'constructor'], code: 'reserved-id', got: 'constructor' });
  });
});

describe('the same lever twice in one measure', () => {
  it('two efficiency effects on industry: a duplicate at the measure’s second effect, naming the first', () => {
    const twice = measure([{ type: 'efficiency', sector: 'industry', reduction: 0.1 }, { type: 'efficiency', sector: 'industry', reduction: 0.2 }], 100);
    expect(issuesOf(planDoc({ twice }))).toEqual([
      { path: ['measures', 'twice', 'effects', 1], code: 'duplicate', key: 'efficiency of industry, all carriers', first: ['measures', 'twice', 'effects', 0] },
    ]);
  });
});

describe('a number no file gave is never the one reported', () => {
  it('an own entry removing −50.34 tCO2e per ha: reported at its perUnit, not as "−5034000 is out of range" at the measure', () => {
    const entry = { ...ownEntry({ per: 'ha' }), category: 'sinks', unit: 'ha', levers: [{ type: 'removal', perUnit: { value: -50.34, unit: 'tCO2e/ha/yr', source: 'own-survey', marker: 'S' } }] };
    const plan = planDoc({ own: { catalogue: 'own-cut', quantity: { value: 100_000, unit: 'ha' }, adoption: ADOPTION } }, { catalogue: ownCatalogue(entry) });
    expect(issuesOf(plan)).toEqual([
      { path: ['catalogue', 'measures', 0, 'levers', 0, 'perUnit', 'value'], code: 'invalid-catalogue', message: 'measure own-cut: perUnit -50.34 tCO2e/ha/yr must not be negative' },
    ]);
  });
});
