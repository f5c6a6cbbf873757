import { PlanEvaluator } from './evaluator.ts';
import { formatPath, type Issue } from '../issues/issue.ts';
import { Reader, typeName, type Fields } from '../reading/reader.ts';
import { migrate } from '../reading/versions.ts';
import type { Assumption } from '../inventory/types.ts';
import type { Basis } from '../pathway/definitions.ts';
import { DEFAULT_END_YEAR, parsePathway, type BaseInventory } from '../pathway/parse.ts';
import { bilingualName, entries, known } from '../pathway/read-fields.ts';
import { closest } from '../text/closest.ts';
import type { Catalogue, CatalogueMeasure } from './catalogue.ts';
import type { Plan, PlanCriterion, PlanMeasure } from './definitions.ts';
import { COST_FIELDS, MEASURE_FIELDS, measureCost, measureGenerationPrice, measureLifetime, measurePath, measureQuantity, readMeasure, type MeasureDraft } from './read-measures.ts';
import { ownCatalogue, percentNumber, readBudget, readEnergyPrices } from './read-settings.ts';

export type PlanParseResult =
  | { ok: true; plan: Plan }
  /** `issues` are the plan file's; `pathwayIssues` the pathway file's own. */
  | { ok: false; issues: readonly Issue[]; pathwayIssues: readonly Issue[] };

const TOP_FIELDS = new Set(['$schema', 'version', 'name', 'pathway', 'baseline', 'priceYear', 'discountRate', 'maccYear', 'basis', 'measures', 'constraints', 'criteria', 'prioritisation', 'airPollutants', 'catalogue', 'energyPrices']);
/** Criteria the plan computes: abatement and cost per tonne in the MACC year, air pollutants avoided then. */
export const COMPUTED_CRITERIA: Readonly<Record<string, { name: { en: string; zh: string }; direction: 'benefit' | 'cost' }>> = {
  abatement: { name: { en: 'Abatement in the MACC year (tCO2e)', zh: '评估年减排量（tCO2e）' }, direction: 'benefit' },
  cost: { name: { en: 'Cost per tCO2e in the MACC year', zh: '评估年单位减排成本' }, direction: 'cost' },
  so2: { name: { en: 'SO2 avoided in the MACC year (t)', zh: '评估年 SO2 减排量（t）' }, direction: 'benefit' },
  nox: { name: { en: 'NOx avoided in the MACC year (t)', zh: '评估年 NOx 减排量（t）' }, direction: 'benefit' },
  pm25: { name: { en: 'PM2.5 avoided in the MACC year (t)', zh: '评估年 PM2.5 减排量（t）' }, direction: 'benefit' },
};
/** The latest end year a pathway file may give (pathway/parse.ts). */
const MAX_END_YEAR = 2100;

/**
 * Validates a plan file with its pathway document and base inventory: every problem with its path,
 * the plan's and the pathway's apart. The plan's measures become actions of the pathway (the same
 * adoption and effect syntax, checked by the pathway engine; their problems are reported at the
 * measure), with their costs restated in CNY of the plan's price year.
 */
export function parsePlan(document: unknown, pathwayDocument: unknown, base: BaseInventory, shipped: Catalogue): PlanParseResult {
  // An older plan (version 1: `lumpy`) is read as the current version; problems point at the file's own names.
  const migrated = migrate('plan', document);
  if (migrated.unreadable) return { ok: false, issues: migrated.issues, pathwayIssues: [] };
  const result = readPlan(migrated.document, pathwayDocument, base, shipped);
  if (result.ok && migrated.issues.length > 0) return { ok: false, issues: migrated.issues, pathwayIssues: [] };
  if (result.ok) {
    if (migrated.statements.length === 0) return result;
    return { ok: true, plan: { ...result.plan, assumptions: [...migrated.statements, ...result.plan.assumptions] } };
  }
  const issues = [...migrated.issues, ...result.issues.map((issue) => ({ ...issue, path: migrated.filePath(issue.path) }))];
  return { ok: false, issues, pathwayIssues: result.pathwayIssues };
}

function readPlan(document: unknown, pathwayDocument: unknown, base: BaseInventory, shipped: Catalogue): PlanParseResult {
  const reader = new Reader();
  const statements: Assumption[] = [];
  const top = reader.object(document, []);
  if (!top) return { ok: false, issues: reader.issues, pathwayIssues: [] };
  reader.onlyFields(top, TOP_FIELDS, []);
  reader.string(top, 'pathway', [], false);
  reader.string(top, '$schema', [], false);
  const { catalogue, rejected } = ownCatalogue(reader, top['catalogue'], shipped);
  const baseYear = base.inventory.year;

  // The measures as pathway actions, added to the pathway document.
  const measureEntries = entries(reader, top['measures'], ['measures'], true);
  if (top['measures'] !== undefined && measureEntries.length === 0 && typeof top['measures'] === 'object' && top['measures'] !== null) reader.report(['measures'], { code: 'required' });
  const pathwayTop = typeof pathwayDocument === 'object' && pathwayDocument !== null && !Array.isArray(pathwayDocument) ? (pathwayDocument as Fields) : undefined;
  const pathwayActions = pathwayTop && typeof pathwayTop['actions'] === 'object' && pathwayTop['actions'] !== null ? (pathwayTop['actions'] as Fields) : {};
  const drafts: MeasureDraft[] = [];
  const addedActions: Fields = {};
  for (const [id, raw] of measureEntries) {
    const path = ['measures', id];
    const fields = reader.object(raw, path);
    if (!fields) continue;
    reader.onlyFields(fields, MEASURE_FIELDS, path);
    if (Object.hasOwn(pathwayActions, id)) reader.report(path, { code: 'action-exists', id });
    const catalogueId = reader.string(fields, 'catalogue', path, false);
    let entry: CatalogueMeasure | undefined;
    if (catalogueId !== undefined) {
      entry = catalogue.measure(catalogueId);
      // An entry of the plan's own catalogue when that catalogue breaks a rule: reported at `catalogue` (invalid-catalogue).
      if (!entry && !rejected.has(catalogueId)) reader.report([...path, 'catalogue'], { code: 'unknown-reference', kind: 'catalogue-measure', got: catalogueId, suggestion: closest(catalogueId, catalogue.measures.map((m) => m.id)) });
    }
    const draft = readMeasure(reader, id, fields, entry, path, pathwayTop);
    if (!draft) continue;
    drafts.push(draft);
    addedActions[id] = draft.action;
  }

  // The pathway with the measures: its own problems stay the pathway file's, the measures' are the plan's.
  const augmented = pathwayTop ? { ...pathwayTop, actions: { ...pathwayActions, ...addedActions } } : pathwayDocument;
  const parsed = parsePathway(augmented, base);
  const measureIds = new Set(drafts.map((draft) => draft.id));
  const pathwayIssues: Issue[] = [];
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      const [first, second, ...rest] = issue.path;
      if (first !== 'actions' || typeof second !== 'string' || !measureIds.has(second)) {
        pathwayIssues.push(issue);
        continue;
      }
      const draft = drafts.find((d) => d.id === second)!;
      // A measure with neither effects nor a known catalogue entry: the plan has said so (effects required, or the unknown entry).
      if (draft.fromLevers && !draft.entry && rest.length === 1 && rest[0] === 'effects') continue;
      const mapped: Issue = issue.code === 'duplicate' && issue.first[0] === 'actions' && issue.first[1] === second ? { ...issue, path: measurePath(draft, rest), first: measurePath(draft, issue.first.slice(2)) } : { ...issue, path: measurePath(draft, rest) };
      // A lever problem the plan already reported (a sector it requires, a figure the catalogue lacks) is not reported twice.
      const at = formatPath(mapped.path);
      if (reader.issues.some((known) => formatPath(known.path) === at && (known.code === mapped.code || known.code === 'catalogue-gap'))) continue;
      reader.issues.push(mapped);
    }
  }
  const pathway = parsed.ok ? parsed.pathway : undefined;
  // When only the measures keep the pathway from compiling, the pathway file alone gives the scenarios,
  // targets and drivers the rest of the plan is checked against, so that every problem is reported at once.
  const alone = pathway || pathwayIssues.length > 0 ? undefined : parsePathway(pathwayDocument, base);
  const reference = pathway ?? (alone?.ok ? alone.pathway : undefined);
  // The horizon: the pathway's; when the pathway file has problems, the end year it gives (else the latest
  // allowed), so that no year of the plan is reported out of range because of the pathway's problems.
  const endYear = reference?.model.endYear ?? fileEndYear(pathwayTop, baseYear);

  // Plan-wide settings.
  const priceYear = reader.number(top, 'priceYear', [], { required: false, integer: true, min: 1990, max: 2100 }) ?? baseYear;
  if (top['priceYear'] === undefined) statements.push({ code: 'price-year', text: { en: `costs in CNY of ${baseYear}, the base year (no priceYear given)`, zh: `未给出 \`priceYear\`，成本以基年（${baseYear} 年）人民币计` } });
  const discountRate = percentNumber(reader, top, 'discountRate', [], { required: true, min: 0, max: 1 });
  const maccYear = reader.number(top, 'maccYear', [], { required: true, integer: true, min: baseYear + 1, max: endYear });
  let basis: Basis = 'basic';
  if (top['basis'] === undefined) statements.push({ code: 'plan-basis', text: { en: 'abatement counted on BASIC emissions net of removals (no basis given)', zh: '未给出 `basis`，减排量按 BASIC 口径扣除清除量计' } });
  else basis = reader.choice(top, 'basis', [], ['basic', 'basicPlus'] as const, true) ?? 'basic';

  const baselineId = reader.string(top, 'baseline', [], false);
  const scenarioIds = reference?.scenarios.map((scenario) => scenario.id) ?? [];
  let baseline = pathway?.scenarios.find((scenario) => scenario.id === (baselineId ?? pathway.defaultScenario));
  if (baselineId === undefined && pathway) statements.push({ code: 'plan-baseline', text: { en: `measures added to the pathway's default scenario "${pathway.defaultScenario}" (no baseline given)`, zh: `未给出 \`baseline\`，措施叠加于路径默认情景“${pathway.defaultScenario}”` } });
  if (baselineId !== undefined && reference && !known(reader, 'scenario', baselineId, scenarioIds, ['baseline'])) baseline = undefined;

  // Constraints.
  const constraints = top['constraints'] === undefined ? {} : reader.object(top['constraints'], ['constraints']);
  if (constraints) reader.onlyFields(constraints, new Set(['targets', 'budget']), ['constraints']);
  const targetIds: string[] = [];
  const listedTargets = constraints?.['targets'];
  if (listedTargets !== undefined) {
    if (!Array.isArray(listedTargets)) reader.report(['constraints', 'targets'], { code: 'type', expected: 'array', got: typeName(listedTargets) });
    else
      listedTargets.forEach((value: unknown, i) => {
        if (typeof value !== 'string') return void reader.report(['constraints', 'targets', i], { code: 'type', expected: 'string', got: typeName(value) });
        if (reference && known(reader, 'target', value, reference.targets.map((t) => t.id), ['constraints', 'targets', i])) targetIds.push(value);
      });
  }
  const budget = constraints?.['budget'] === undefined ? undefined : readBudget(reader, constraints['budget'], baseYear, endYear);

  // Criteria for the prioritisation.
  const criteria: PlanCriterion[] = [];
  const criteriaEntries = entries(reader, top['criteria'], ['criteria'], false);
  const criteriaIds = criteriaEntries.map(([id]) => id);
  for (const [id, raw] of criteriaEntries) {
    const path = ['criteria', id];
    const fields = reader.object(raw, path);
    if (!fields) continue;
    reader.onlyFields(fields, new Set(['weight', 'direction', 'name']), path);
    const weight = reader.number(fields, 'weight', path, { required: true, min: 0, max: 1e6 });
    const computed = Object.hasOwn(COMPUTED_CRITERIA, id) ? COMPUTED_CRITERIA[id] : undefined;
    const direction = computed ? computed.direction : reader.choice(fields, 'direction', path, ['benefit', 'cost'] as const, true);
    if (computed && fields['direction'] !== undefined) reader.report([...path, 'direction'], { code: 'not-applicable', field: 'direction', reason: 'computed-criterion' });
    if (weight === undefined || direction === undefined) continue;
    criteria.push({ id, name: bilingualName(reader, fields['name'], [...path, 'name'], id), direction, weight, computed: computed !== undefined, ...(computed && fields['name'] === undefined ? { name: computed.name } : {}) });
  }
  // Weights count only by their ratios: all at 0 says nothing (the sum is what they are divided by).
  if (criteria.length > 0 && criteria.every((criterion) => criterion.weight === 0)) reader.report(['criteria'], { code: 'not-positive' });
  const priorFields = top['prioritisation'] === undefined ? {} : reader.object(top['prioritisation'], ['prioritisation']);
  if (priorFields) reader.onlyFields(priorFields, new Set(['perturbation', 'samples', 'seed']), ['prioritisation']);
  const prioritisation = {
    perturbation: (priorFields && percentNumber(reader, priorFields, 'perturbation', ['prioritisation'], { required: false, min: 0, max: 0.99 })) ?? 0.2,
    samples: (priorFields && reader.number(priorFields, 'samples', ['prioritisation'], { required: false, integer: true, min: 1, max: 1_000_000 })) ?? 1000,
    seed: (priorFields && reader.number(priorFields, 'seed', ['prioritisation'], { required: false, integer: true, min: 0, max: 2 ** 31 - 1 })) ?? 1,
  };
  const air = top['airPollutants'] === undefined ? {} : reader.object(top['airPollutants'], ['airPollutants']);
  const road: Plan['road'] = {};
  if (air) {
    reader.onlyFields(air, new Set(['road']), ['airPollutants']);
    const roadFields = air['road'] === undefined ? undefined : reader.object(air['road'], ['airPollutants', 'road']);
    if (roadFields) {
      reader.onlyFields(roadFields, new Set(['diesel', 'gasoline']), ['airPollutants', 'road']);
      const diesel = reader.choice(roadFields, 'diesel', ['airPollutants', 'road'], ['diesel-heavy-duty', 'diesel-car'] as const, false);
      const gasoline = reader.choice(roadFields, 'gasoline', ['airPollutants', 'road'], ['petrol-car'] as const, false);
      Object.assign(road, diesel ? { diesel } : {}, gasoline ? { gasoline } : {});
    }
  }

  // Energy prices: what the energy a measure saves is worth (CNY of the price year per GJ).
  const energyPrices = readEnergyPrices(reader, top['energyPrices'], pathway, statements);

  // Measures: quantities against the drivers, costs restated, dependencies and scores.
  const measures: PlanMeasure[] = [];
  const ids = drafts.map((draft) => draft.id);
  const scored = criteriaIds.filter((id) => !Object.hasOwn(COMPUTED_CRITERIA, id));
  const zeroCosts = new Map<string, string[]>([['opex', []], ['savings', []]]);
  for (const draft of drafts) {
    const path = ['measures', draft.id];
    const costs = COST_FIELDS.map((field) => measureCost(reader, draft, field, priceYear, catalogue, zeroCosts, energyPrices !== undefined));
    const lifetime = measureLifetime(reader, draft);
    const generationPrice = measureGenerationPrice(reader, draft, energyPrices);
    const indices = (field: 'requires' | 'excludes'): number[] => {
      const value = draft.fields[field];
      if (value === undefined) return [];
      if (!Array.isArray(value)) {
        reader.report([...path, field], { code: 'type', expected: 'array', got: typeName(value) });
        return [];
      }
      return value.flatMap((other: unknown, i) => {
        if (typeof other !== 'string') {
          reader.report([...path, field, i], { code: 'type', expected: 'string', got: typeName(other) });
          return [];
        }
        if (other === draft.id) {
          reader.report([...path, field, i], { code: 'self-reference', field, id: other });
          return [];
        }
        return known(reader, 'measure', other, ids.filter((candidate) => candidate !== draft.id), [...path, field, i]) ? [ids.indexOf(other)] : [];
      });
    };
    const requires = indices('requires');
    const excludes = indices('excludes');
    const scores: Record<string, number> = {};
    const scoreFields = draft.fields['scores'] === undefined ? {} : reader.object(draft.fields['scores'], [...path, 'scores']);
    for (const criterion of criteria) {
      if (criterion.computed || !scoreFields) continue;
      const score = reader.number(scoreFields, criterion.id, [...path, 'scores'], { required: true, allowNegative: true, min: -1e12, max: 1e12 });
      if (score !== undefined) scores[criterion.id] = score;
    }
    // Scores name the plan's own criteria (a criterion with a problem of its own included: it is reported there).
    if (scoreFields) for (const key of Object.keys(scoreFields)) known(reader, 'criterion', key, scored, [...path, 'scores', key]);
    const quantity = reference ? measureQuantity(reader, draft, reference.model.drivers) : undefined;
    const action = pathway?.model.actions.findIndex((candidate) => candidate.id === draft.id) ?? -1;
    if (!quantity || !costs[0] || !costs[1] || !costs[2] || !lifetime || action < 0) continue;
    measures.push({
      id: draft.id,
      name: pathway!.model.actions[action]!.name,
      catalogue: draft.entry?.id,
      category: draft.entry?.category,
      action,
      unit: draft.unit.id,
      quantity,
      capex: costs[0],
      opex: costs[1],
      savings: costs[2],
      lifetime,
      min: draft.limits.min,
      max: draft.limits.max,
      yesNo: draft.yesNo,
      requires,
      excludes,
      scores,
      coBenefits: draft.entry?.coBenefits ?? [],
      ...(generationPrice ? { generationPrice } : {}),
    });
  }
  const sold = measures.filter((measure) => measure.generationPrice);
  if (sold.length > 0) {
    const list = (lang: 'en' | 'zh'): string[] => sold.map((measure) => `${measure.id} ${measure.generationPrice!.text[lang]}`);
    statements.push({
      code: 'generation-price',
      text: {
        en: `electricity generated and sold to the grid valued at its own price, not the electricity price: ${list('en').join('; ')}`,
        zh: `以下措施的上网电量按其上网电价计价，不按用电价格：${list('zh').join('；')}`,
      },
    });
  }
  const zeroText = { opex: { en: 'operating cost', zh: '运维成本' }, savings: { en: 'savings (energy or other)', zh: '节省费用（能源等）' } } as const;
  for (const [field, list] of zeroCosts) {
    if (list.length === 0) continue;
    const label = zeroText[field as 'opex' | 'savings'];
    statements.push({ code: 'zero-cost', text: { en: `no ${label.en} figure, counted as 0, for: ${list.join(', ')}`, zh: `以下措施无${label.zh}数据，按 0 计：${list.map((id) => `\`${id}\``).join('、')}` } });
  }
  if (reader.issues.length > 0 || pathwayIssues.length > 0 || !pathway || !baseline || discountRate === undefined || maccYear === undefined) {
    return { ok: false, issues: reader.issues, pathwayIssues };
  }
  const targets = targetIds.map((id) => pathway.targets.find((target) => target.id === id)!);
  statements.push({
    code: 'plan-costing',
    text: {
      en: `costs discounted at ${(discountRate * 100).toFixed(2)} % a year to ${baseYear}; units replaced at the end of their life; value left in units at ${endYear} credited (straight line); budgets count capex + opex`,
      zh: `成本按年 ${(discountRate * 100).toFixed(2)}% 折现至 ${baseYear} 年；设备寿命期满即更新；${endYear} 年末剩余价值按直线法扣回；预算约束计入投资与运维支出`,
    },
  });
  const plan: Plan = {
      name: top['name'] === undefined ? pathway.name : bilingualName(reader, top['name'], ['name'], pathway.name.en),
      library: base.library,
      pathway,
      baseline,
      measures,
      priceYear,
      discountRate,
      maccYear,
      basis,
      targets,
      budget,
      criteria,
      prioritisation,
      road,
      energyPrices: energyPrices ?? [],
      assumptions: statements,
  };
  const overflows = unboundedMeasures(plan);
  for (const id of overflows) reader.report(['measures', id], { code: 'overflow' });
  return overflows.length > 0 ? { ok: false, issues: reader.issues, pathwayIssues } : { ok: true, plan };
}

/**
 * Measures whose figures, each valid alone, give the pathway or the costs a value beyond the largest
 * number (a catalogue ratio of 1e308, say): each measure alone at its maximum, and all of them, must
 * leave every year's emissions and every cost finite, or the optimiser would compute with Infinity.
 */
function unboundedMeasures(plan: Plan): string[] {
  const evaluator = new PlanEvaluator(plan);
  const finitePathway = (x: Float64Array): boolean => {
    const ws = evaluator.evaluate(x);
    return [ws.basic, ws.basicPlus, ws.removals].every((series) => series.every(Number.isFinite));
  };
  const maxima = Float64Array.from(plan.measures, (measure) => measure.max);
  const alone = plan.measures.filter((_, m) => {
    const costs = evaluator.costs[m]!;
    if (!Number.isFinite(costs.presentCost) || !costs.outlay.every(Number.isFinite)) return true;
    const x = new Float64Array(plan.measures.length);
    x[m] = maxima[m]!;
    return !finitePathway(x);
  });
  if (alone.length > 0) return alone.map((measure) => measure.id);
  return finitePathway(maxima) && Number.isFinite(evaluator.cost(maxima)) ? [] : plan.measures.map((measure) => measure.id);
}

/** The end year a pathway file gives when it is a valid one; the default when it gives none; else the latest a pathway may have. */
function fileEndYear(pathwayTop: Fields | undefined, baseYear: number): number {
  const raw = pathwayTop?.['endYear'];
  if (raw === undefined) return DEFAULT_END_YEAR;
  return typeof raw === 'number' && Number.isInteger(raw) && raw > baseYear && raw <= MAX_END_YEAR ? raw : MAX_END_YEAR;
}

