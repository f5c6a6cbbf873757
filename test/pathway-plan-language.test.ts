/**
 * Issue 13 item 3, "done when", for `peakpath pathway` and `peakpath plan`: every label and sentence these commands
 * print, every display name they use and every statement the pathway and plan engines make, walked in both
 * languages and held to the one rule of test/support/language-check.ts. The label samples are keyed by the labels'
 * own keys, so a label added without a sample here does not type-check. Then the commands themselves, run as a user
 * runs them, line by line.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  carrierName,
  FUEL_GROUP_NAMES,
  FUEL_IDS,
  gapText,
  GENERATION_SOURCE_NAMES,
  POLLUTANT_NAMES,
  SOLUTION_METHOD_NAMES,
  TARGET_KIND_NAMES,
  type Assumption,
  type GapDetail,
  type Lang,
  type MonteCarloSummary,
  type Pathway,
  type PathwayResult,
  type PlanResult,
  type TargetResult,
} from '@peakpath/core';
import { createNodeEngine, readDocument } from '@peakpath/node';
import { PATHWAY_LABELS } from '../packages/cli/src/pathway/labels.ts';
import { PLAN_LABELS } from '../packages/cli/src/plan/labels.ts';
import { languageProblems } from './support/language-check.ts';
import { peakpath, ROOT } from './support/cli.ts';
import { COAL, HOME_POWER, inventoryOf, pathwayDoc } from './support/pathway-documents.ts';

const LANGS: readonly Lang[] = ['en', 'zh'];
const DEMO = join(ROOT, 'examples', 'demo-city');

interface Context {
  readonly pathway: Pathway;
  readonly result: PathwayResult;
  readonly mc: MonteCarloSummary;
  readonly plan: PlanResult;
}

let context: Context;
/** Statements of the engines beyond the demo's: a minimal pathway (defaults stated) and a carrier switched in. */
let statements: Assumption[];

beforeAll(async () => {
  const engine = await createNodeEngine();
  const run = await engine.pathway(await readDocument(join(DEMO, 'pathway.yaml')), { id: join(DEMO, 'pathway.yaml') });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  const mc = await engine.monteCarlo(run.value.pathway, { scenario: run.value.result.scenario.id, runs: 50, seed: 3 });
  if (!mc.ok) throw new Error(JSON.stringify(mc.issues));
  const plan = await engine.plan(await readDocument(join(DEMO, 'plan.yaml')), { id: join(DEMO, 'plan.yaml') });
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
  context = { pathway: run.value.pathway, result: run.value.result, mc: mc.value, plan: plan.value };

  statements = [...run.value.comparison.flatMap((result) => result.assumptions), ...plan.value.assumptions, ...plan.value.airPollutants.assumptions];
  const switched = pathwayDoc({
    sectors: { industry: { gpc: ['I.3'], driver: 'gdp' }, homes: { gpc: ['I.1'], driver: 'population' } },
    actions: { coal: { adoption: { start: 2023, full: 2030 }, effects: [{ type: 'switch', sector: 'homes', from: 'electricity', to: 'raw_coal' }] } },
    scenarios: { bau: { actions: [] }, coal: { actions: ['coal'] } },
  });
  for (const [document, inventory] of [[pathwayDoc({ endYear: undefined }), inventoryOf(COAL)], [switched, inventoryOf(COAL, HOME_POWER)]] as const) {
    const compiled = engine.compilePathway({ pathway: document, inventory });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    for (const scenario of compiled.value.scenarios) {
      const result = engine.scenario(compiled.value, scenario.id);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      statements.push(...result.value.assumptions);
    }
  }
}, 120_000);

type PathwayLabels = (typeof PATHWAY_LABELS)[Lang];
type PlanLabels = (typeof PLAN_LABELS)[Lang];

const target = (result: PathwayResult, kind: TargetResult['kind']): TargetResult => {
  const found = result.targets.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`the demo pathway has no ${kind} target`);
  return found;
};

/** One sample call per label, with the branches each label has (met or not, a gap or headroom, prices or none). */
const PATHWAY_SAMPLES: { readonly [K in keyof (typeof PATHWAY_LABELS)['en']]: (labels: PathwayLabels, c: Context, lang: Lang) => readonly string[] } = {
  title: (l, c) => [l.title(c.pathway, c.result)],
  scenarios: (l) => [l.scenarios],
  scenario: (l) => [l.scenario],
  peak: (l) => [l.peak],
  noPeak: (l) => [l.noPeak],
  peakCell: (l) => [l.peakCell(2030, '4,115')],
  peakLine: (l) => [l.peakLine(l.peak, l.peakSummary(2030, 37_931_234, 'tCO2e')), l.peakLine(l.officialPeak, l.peakSummary(2030, 39_781_000, 'tCO2'))],
  peakSummary: (l) => [l.peakSummary(2030, 37_931_234, 'tCO2e'), l.peakSummary(2030, 8_000, 'tce')],
  targets: (l) => [l.targets],
  targetsHeading: (l) => [l.targetsHeading],
  detail: (l, c) => [l.detail(c.result)],
  total: (l) => [l.total],
  basicPlus: (l) => [l.basicPlus],
  plusOnly: (l, c, lang) => [l.plusOnly(c.pathway.model.sectors[0]!.name[lang])],
  removals: (l) => [l.removals],
  energy: (l) => [l.energy],
  perCapita: (l) => [l.perCapita],
  perGdp: (l) => [l.perGdp],
  official: (l, c) => [l.official(c.result)],
  energyCo2: (l) => [l.energyCo2],
  combustion: (l) => [l.combustion],
  plants: (l) => [l.plants],
  electricityImports: (l) => [l.electricityImports],
  heatImports: (l) => [l.heatImports],
  generation: (l) => [l.generation],
  netImports: (l) => [l.netImports],
  officialEnergy: (l) => [l.officialEnergy('coal-equivalent'), l.officialEnergy('calorific')],
  nonFossilShare: (l) => [l.nonFossilShare],
  co2PerGdp: (l) => [l.co2PerGdp(2022), l.co2PerGdp(null)],
  energyPerGdp: (l) => [l.energyPerGdp(2022), l.energyPerGdp(null)],
  officialPeak: (l) => [l.officialPeak],
  officialPeakShort: (l) => [l.officialPeakShort],
  // Every target of the demo (named in the file or not), and a name for every kind a target can have.
  targetName: (l, c) => [
    ...c.result.targets.map((t) => l.targetName(t)),
    ...(Object.keys(TARGET_KIND_NAMES) as TargetResult['kind'][]).map((kind) => l.targetName({ ...target(c.result, 'peak'), id: `a-${kind}`, name: { en: `a-${kind}`, zh: `a-${kind}` }, kind })),
  ],
  target: (l, c) => [l.target(l.targetName(target(c.result, 'cap')), true, ''), l.target(l.targetName(target(c.result, 'cap')), false, l.gapAt(2035, 307_329, 'tCO2e'))],
  gapAt: (l) => [l.gapAt(2030, 2_263_153, 'tCO2e'), l.gapAt(2030, -1_834_915, 'tCO2'), l.gapAt(2025, -478_935, 'tce'), l.gapAt(2030, 12, 'tce')],
  basis: (l) => [l.basis('energyCo2'), l.basis('basicPlus'), l.basis('basic')],
  officialAvoided: (l) => [l.officialAvoided(2030)],
  cumulative: (l) => [l.cumulative('31.94')],
  actions: (l) => [l.actions],
  actionHeader: (l) => l.actionHeader(2030, 2060),
  interaction: (l) => [l.interaction(2_877), l.interaction(-123_456)],
  decomposition: (l) => [l.decomposition(2022, 2030, '2,408,935')],
  decompositionUnit: (l) => [l.decompositionUnit],
  mc: (l, c) => [l.mc(c.mc)],
  percentile: (l) => Object.values(l.percentile),
  peakedBy: (l) => [l.peakedBy([[2025, '37%'], [2030, '95%']])],
  targetOdds: (l, c) => [l.targetOdds(c.result.targets.map((t) => [t.id, '50%'] as const))],
  clamped: (l) => [l.clamped('grid.points.2060', 12)],
  fixed: (l) => [l.fixed('actions.ev-cars.adoption.level')],
  correlatedHeading: (l) => [l.correlatedHeading],
  correlated: (l) => [
    l.correlated({ between: ['drivers.gdp.growth.2026', 'drivers.gdp.growth.2031'], rank: 0.6, copula: 0.6180339887498948 }),
    l.correlated({ between: ['grid.points.2030', 'grid.points.2060'], rank: 1, copula: 1 }),
  ],
  assumed: (l, c, lang) => c.result.assumptions.map((assumption) => l.assumed(assumption.text[lang])),
  json: (l) => [l.json],
  factors: (l) => Object.values(l.factors),
};

const PLAN_SAMPLES: { readonly [K in keyof (typeof PLAN_LABELS)['en']]: (labels: PlanLabels, c: Context, lang: Lang) => readonly string[] } = {
  title: (l, c) => [l.title(c.plan)],
  status: (l) => Object.values(l.status),
  limited: (l) => [l.limited(60, true), l.limited(60, false)],
  solution: (l, c) => [l.solution(c.plan, l.status.feasible), l.solution({ ...c.plan, solution: { ...c.plan.solution, method: 'relaxation' }, constraints: { targets: [], budget: null } }, l.status.optimal)],
  portfolioHeader: (l) => l.portfolioHeader(2030),
  total: (l) => [l.total(-43_662_500_000), l.total(81_000), l.total(5_000)],
  pathwayHeader: (l) => l.pathwayHeader,
  pathwayTitle: (l) => [l.pathwayTitle],
  targetRow: (l, c) => c.plan.pathway.targets.map((t) => l.targetRow(t)),
  peak: (l) => [l.peak],
  none: (l) => [l.none],
  maccTitle: (l, c) => [l.maccTitle(c.plan), l.maccTitle({ ...c.plan, basis: 'basic' })],
  maccHeader: (l) => l.maccHeader,
  constraint: (l) => [l.constraint('budget'), l.constraint('target:neutral-2060')],
  conflict: (l) => [l.conflict([l.constraint('budget'), l.constraint('target:cap-2035')])],
  peakReach: (l) => [l.peakReach(l.constraint('target:peak-2030'), 2032), l.peakReach(l.constraint('target:peak-2030'), null)],
  lowest: (l) => [l.lowest(l.constraint('target:neutral-2060'), 2060, 8_123_456, 0, 'tCO2e'), l.lowest(l.constraint('target:cap'), 2030, 50_000, null, 'tCO2'), l.lowest(l.constraint('target:energy'), 2030, 20_000_000, 19_000_000, 'tce')],
  budget: (l) => [l.budget(l.constraint('budget'), 3.25), l.budget(l.constraint('budget'), null)],
  airTitle: (l) => [l.airTitle(2030)],
  airHeader: (l) => l.airHeader.filter((cell) => cell !== ''),
  airBaseline: (l) => [l.airBaseline],
  airPortfolio: (l) => [l.airPortfolio],
  rankTitle: (l) => [l.rankTitle(0.2, 2000)],
  rankHeader: (l) => l.rankHeader,
  assumed: (l) => [l.assumed],
  measure: (l, c, lang) => c.plan.macc.entries.map((entry) => l.measure(entry.name[lang], entry.id)),
  notCounted: (l) => [l.notCounted(24)],
};

function problemsOf(texts: readonly string[], lang: Lang, what: string): string[] {
  return texts.flatMap((text, i) => languageProblems(text, lang, `${what}[${i}]`));
}

describe('every label of peakpath pathway and peakpath plan, in both languages', () => {
  it.each(LANGS)('pathway labels (%s)', (lang) => {
    const labels = PATHWAY_LABELS[lang];
    expect(Object.keys(labels).sort()).toEqual(Object.keys(PATHWAY_LABELS.en).sort());
    const problems = Object.entries(PATHWAY_SAMPLES).flatMap(([key, sample]) => problemsOf(sample(labels, context, lang), lang, `pathway ${key}`));
    expect(problems).toEqual([]);
  });

  it.each(LANGS)('plan labels (%s)', (lang) => {
    const labels = PLAN_LABELS[lang];
    expect(Object.keys(labels).sort()).toEqual(Object.keys(PLAN_LABELS.en).sort());
    const problems = Object.entries(PLAN_SAMPLES).flatMap(([key, sample]) => problemsOf(sample(labels, context, lang), lang, `plan ${key}`));
    expect(problems).toEqual([]);
  });

  it.each(LANGS)('display names: carriers, sources, target kinds, methods, pollutants, fuel groups (%s)', (lang) => {
    const texts = [
      ...[...FUEL_IDS, 'electricity', 'heat', 'method:road-vkt'].map((carrier) => carrierName(carrier, lang)),
      ...[GENERATION_SOURCE_NAMES, TARGET_KIND_NAMES, SOLUTION_METHOD_NAMES, POLLUTANT_NAMES].flatMap((names) => Object.values(names).map((name) => name[lang])),
      ...(lang === 'zh' ? Object.values(FUEL_GROUP_NAMES) : []),
    ];
    expect(problemsOf(texts, lang, 'name')).toEqual([]);
    // Chinese names are Chinese: a fuel is 原煤, not raw_coal.
    if (lang === 'zh') expect(carrierName('raw_coal', lang)).toBe('原煤');
  });
});

describe('every statement the pathway and plan engines make, in both languages', () => {
  it('covers the demo city, a minimal pathway and a switched-in carrier', () => {
    const codes = new Set(statements.map((statement) => statement.code));
    for (const code of ['base-from-inventory', 'supply-held', 'chp-allocation', 'coal-rate-held', 'carrier-borrowed', 'end-year', 'energy-savings', 'generation-price', 'zero-cost', 'air-road-class', 'air-fuel-group']) {
      expect(codes, code).toContain(code);
    }
  });

  it.each(LANGS)('%s', (lang) => {
    const problems = statements.flatMap((statement) => languageProblems(statement.text[lang], lang, statement.code));
    const gaps = context.plan.airPollutants.notCounted.flatMap((gap) => languageProblems(gap.text[lang], lang, `air gap ${gap.reason}`));
    expect([...problems, ...gaps]).toEqual([]);
  });
});

/** Why a line carries no air pollutants: one sample per reason, so a reason added without one does not type-check. */
const GAP_SAMPLES: { readonly [K in GapDetail['kind']]: Extract<GapDetail, { kind: K }> } = {
  'non-energy': { kind: 'non-energy' },
  'grid-supplied': { kind: 'grid-supplied', carrier: 'electricity' },
  'method-carrier': { kind: 'method-carrier', carrier: 'method:road-vkt' },
  'no-rows': { kind: 'no-rows', carrier: 'natural_gas' },
  'outside-city': { kind: 'outside-city' },
  'no-context': { kind: 'no-context', subsector: 'I.7', name: { en: 'Fugitive emissions from oil and natural gas systems', zh: '石油和天然气系统逸散排放' } },
  'no-fuel-group': { kind: 'no-fuel-group', fuel: 'other_energy' },
  'power-heat-oil': { kind: 'power-heat-oil', fuel: 'gasoline', nfr: '1.A.1.a' },
  'no-factor': { kind: 'no-factor', context: 'road', nfr: '1.A.3.b', group: 'coal' },
  'no-road-factor': { kind: 'no-road-factor', fuel: 'lpg' },
  'road-class': { kind: 'road-class', fuel: 'diesel', classes: ['diesel-heavy-duty', 'diesel-car'] },
  'no-ncv': { kind: 'no-ncv', fuel: 'coke' },
  'road-pollutants': { kind: 'road-pollutants', technology: 'diesel-heavy-duty' },
};

describe('every reason a line carries no air pollutants, in both languages', () => {
  it.each(LANGS)('%s', (lang) => {
    const texts = Object.values(GAP_SAMPLES).flatMap((detail) => [gapText('industry', 'raw_coal', ['I.3.1', 'I.3.2'], ['SO2', 'NOx'], detail)[lang], gapText('waste', undefined, ['III.1.1'], ['PM2.5'], detail)[lang]]);
    expect(problemsOf(texts, lang, 'air gap')).toEqual([]);
  });
});

/** Every line of a command's output: a Chinese line with Latin letters holds only allowed tokens; an English line no Chinese. */
function outputProblems(stdout: string, lang: Lang): string[] {
  return stdout.split('\n').flatMap((line, i) => {
    if (lang === 'zh' && !/[A-Za-z]/u.test(line)) return [];
    return languageProblems(line, lang, `line ${i + 1}`);
  });
}

describe('the commands as a user runs them, line by line', () => {
  const cases: readonly (readonly string[])[] = [
    ['pathway', 'examples/demo-city/pathway.yaml', '--mc', '200', '--threads', '1'],
    ['pathway', 'examples/demo-city/pathway.yaml', '--scenario', 'ambitious'],
    ['plan', 'examples/demo-city/plan.yaml'],
  ];
  it.each(cases.flatMap((args) => LANGS.map((lang) => [lang, args] as const)))('%s: peakpath %s', (lang, args) => {
    const run = peakpath([...args, '--lang', lang]);
    expect(run.status).toBe(0);
    expect(outputProblems(run.stdout, lang)).toEqual([]);
  });
});
