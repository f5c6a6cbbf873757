import { ZodError } from 'zod';
import { formatPath, type Issue, type Path } from '../issues/issue.ts';
import { Reader, typeName, type Fields } from '../inventory/reader.ts';
import type { Assumption } from '../inventory/types.ts';
import type { Basis, Pathway } from '../pathway/definitions.ts';
import { DEFAULT_END_YEAR, parsePathway, type BaseInventory } from '../pathway/parse.ts';
import { bilingualName, entries, known } from '../pathway/read-fields.ts';
import { closest } from '../text/closest.ts';
import { parseUnit, type Unit } from '../units/units.ts';
import { loadCatalogue, type Catalogue, type CatalogueMeasure } from './catalogue.ts';
import { restateCost, type UnitCost } from './costs.ts';
import type { EnergyPrice, Plan, PlanCriterion, PlanMeasure, Quantity } from './definitions.ts';

export type PlanParseResult =
  | { ok: true; plan: Plan }
  /** `issues` are the plan file's; `pathwayIssues` the pathway file's own. */
  | { ok: false; issues: readonly Issue[]; pathwayIssues: readonly Issue[] };

const TOP_FIELDS = new Set(['name', 'pathway', 'baseline', 'priceYear', 'discountRate', 'maccYear', 'basis', 'measures', 'constraints', 'criteria', 'prioritisation', 'airPollutants', 'catalogue', 'energyPrices']);
const MEASURE_FIELDS = new Set(['catalogue', 'name', 'adoption', 'quantity', 'sector', 'effects', 'costs', 'limits', 'lumpy', 'requires', 'excludes', 'scores', 'note', 'source']);
const COST_FIELDS = ['capex', 'opex', 'savings'] as const;
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
const PERCENT = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/;

/**
 * Validates a plan file with its pathway document and base inventory: every problem with its path,
 * the plan's and the pathway's apart. The plan's measures become actions of the pathway (the same
 * adoption and effect syntax, checked by the pathway engine; their problems are reported at the
 * measure), with their costs restated in CNY of the plan's price year.
 */
export function parsePlan(document: unknown, pathwayDocument: unknown, base: BaseInventory, shipped: Catalogue): PlanParseResult {
  const reader = new Reader();
  const statements: Assumption[] = [];
  const top = reader.object(document, []);
  if (!top) return { ok: false, issues: reader.issues, pathwayIssues: [] };
  reader.onlyFields(top, TOP_FIELDS, []);
  reader.string(top, 'pathway', [], false);
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
      const mapped = { ...issue, path: measurePath(draft, rest) };
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
  if (top['priceYear'] === undefined) statements.push({ code: 'price-year', text: { en: `costs in CNY of ${baseYear}, the base year (no priceYear given)`, zh: `未给出 priceYear，成本以基年（${baseYear} 年）人民币计` } });
  const discountRate = percentNumber(reader, top, 'discountRate', [], { required: true, min: 0, max: 1 });
  const maccYear = reader.number(top, 'maccYear', [], { required: true, integer: true, min: baseYear + 1, max: endYear });
  let basis: Basis = 'basic';
  if (top['basis'] === undefined) statements.push({ code: 'plan-basis', text: { en: 'abatement counted on BASIC emissions net of removals (no basis given)', zh: '未给出 basis，减排量按 BASIC 口径扣除清除量计' } });
  else basis = reader.choice(top, 'basis', [], ['basic', 'basicPlus'] as const, true) ?? 'basic';

  const baselineId = reader.string(top, 'baseline', [], false);
  const scenarioIds = reference?.scenarios.map((scenario) => scenario.id) ?? [];
  let baseline = pathway?.scenarios.find((scenario) => scenario.id === (baselineId ?? pathway.defaultScenario));
  if (baselineId === undefined && pathway) statements.push({ code: 'plan-baseline', text: { en: `measures added to the pathway's default scenario "${pathway.defaultScenario}" (no baseline given)`, zh: `未给出 baseline，措施叠加于路径默认情景"${pathway.defaultScenario}"` } });
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
      lumpy: draft.lumpy,
      requires,
      excludes,
      scores,
      coBenefits: draft.entry?.coBenefits ?? [],
    });
  }
  const zeroText = { opex: { en: 'operating cost', zh: '运维成本' }, savings: { en: 'savings (energy or other)', zh: '节省费用（能源等）' } } as const;
  for (const [field, list] of zeroCosts) {
    if (list.length === 0) continue;
    const label = zeroText[field as 'opex' | 'savings'];
    statements.push({ code: 'zero-cost', text: { en: `no ${label.en} figure, counted as 0, for: ${list.join(', ')}`, zh: `以下措施无${label.zh}数据，按 0 计：${list.join('、')}` } });
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
  return {
    ok: true,
    plan: {
      name: top['name'] === undefined ? pathway.name : bilingualName(reader, top['name'], ['name'], pathway.name.en),
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
    },
  };
}

interface MeasureDraft {
  readonly id: string;
  readonly fields: Fields;
  readonly entry: CatalogueMeasure | undefined;
  readonly unit: Unit;
  /** The pathway action the measure becomes. */
  readonly action: Fields;
  /** True when the effects come from the catalogue's levers (their problems point at `sector` or `catalogue`). */
  readonly fromLevers: boolean;
  readonly limits: { readonly min: number; readonly max: number };
  readonly lumpy: boolean;
}

/** The end year a pathway file gives when it is a valid one; the default when it gives none; else the latest a pathway may have. */
function fileEndYear(pathwayTop: Fields | undefined, baseYear: number): number {
  const raw = pathwayTop?.['endYear'];
  if (raw === undefined) return DEFAULT_END_YEAR;
  return typeof raw === 'number' && Number.isInteger(raw) && raw > baseYear && raw <= MAX_END_YEAR ? raw : MAX_END_YEAR;
}

function measurePath(draft: MeasureDraft, rest: Path): Path {
  const base = ['measures', draft.id];
  if (!draft.fromLevers || rest[0] !== 'effects') return [...base, ...rest];
  return rest[2] === 'sector' ? [...base, 'sector'] : [...base, 'catalogue'];
}

function readMeasure(reader: Reader, id: string, fields: Fields, entry: CatalogueMeasure | undefined, path: Path, pathwayTop: Fields | undefined): MeasureDraft | undefined {
  const quantity = fields['quantity'] === undefined ? undefined : reader.object(fields['quantity'], [...path, 'quantity']);
  if (fields['quantity'] === undefined) reader.report([...path, 'quantity'], { code: 'required' });
  let unit = entry ? parseUnit(entry.unit) : undefined;
  if (quantity) {
    reader.onlyFields(quantity, new Set(['value', 'unit', 'driver', 'share']), [...path, 'quantity']);
    if (quantity['value'] !== undefined && quantity['driver'] !== undefined) reader.report([...path, 'quantity'], { code: 'conflict', fields: ['value', 'driver'] });
    if (quantity['value'] === undefined && quantity['driver'] === undefined) reader.report([...path, 'quantity', 'value'], { code: 'required' });
    const given = quantity['unit'] === undefined ? undefined : reader.unit(quantity, 'unit', [...path, 'quantity'], false);
    if (quantity['value'] !== undefined && quantity['unit'] === undefined) reader.report([...path, 'quantity', 'unit'], { code: 'required' });
    if (given && unit && given.dimension !== unit.dimension) reader.report([...path, 'quantity', 'unit'], { code: 'wrong-dimension', unit: given.id, got: given.dimension, expected: [unit.dimension] });
    if (!entry && given) unit = given;
  }
  if (!entry && quantity && quantity['unit'] === undefined && quantity['driver'] !== undefined) {
    // Without a catalogue entry, a measure counted by a driver is counted in the driver's unit (万m2, 万辆 …).
    const drivers = pathwayTop?.['drivers'];
    const driver = typeof drivers === 'object' && drivers !== null ? (drivers as Fields)[String(quantity['driver'])] : undefined;
    const spelling = typeof driver === 'object' && driver !== null ? (driver as Fields)['unit'] : undefined;
    unit = (typeof spelling === 'string' ? parseUnit(spelling) : undefined) ?? parseUnit('1');
  }
  const limitsFields = fields['limits'] === undefined ? {} : reader.object(fields['limits'], [...path, 'limits']);
  if (limitsFields) reader.onlyFields(limitsFields, new Set(['min', 'max']), [...path, 'limits']);
  const min = (limitsFields && percentNumber(reader, limitsFields, 'min', [...path, 'limits'], { required: false, min: 0, max: 1 })) ?? 0;
  const max = (limitsFields && percentNumber(reader, limitsFields, 'max', [...path, 'limits'], { required: false, min: 0, max: 1 })) ?? 1;
  if (min > max) reader.report([...path, 'limits', 'min'], { code: 'out-of-range', min: 0, max, got: min });
  const lumpyValue = fields['lumpy'];
  if (lumpyValue !== undefined && typeof lumpyValue !== 'boolean') reader.report([...path, 'lumpy'], { code: 'type', expected: 'boolean', got: typeName(lumpyValue) });
  const lumpy = lumpyValue === true;
  if (lumpy && min > 0 && min < max) reader.report([...path, 'limits', 'min'], { code: 'not-applicable', field: 'min', reason: 'lumpy-min' });

  // Effects: the plan's own (pathway syntax), or the catalogue's levers on the plan's sector.
  let effects: unknown = fields['effects'];
  const fromLevers = effects === undefined;
  if (fromLevers) {
    if (!entry) {
      if (fields['catalogue'] === undefined) reader.report([...path, 'effects'], { code: 'required' });
      effects = undefined;
    } else {
      effects = leverEffects(reader, entry, fields, quantity, path);
    }
  } else if (fields['sector'] !== undefined) {
    reader.report([...path, 'sector'], { code: 'not-applicable', field: 'sector', reason: 'own-effects' });
  }
  if (!unit) {
    if (!entry && quantity?.['unit'] === undefined && quantity?.['driver'] === undefined) return undefined;
    if (entry) return undefined;
  }
  const action: Fields = { adoption: fields['adoption'], effects };
  if (fields['name'] !== undefined) action['name'] = fields['name'];
  else if (entry) action['name'] = entry.name;
  if (fields['adoption'] === undefined) reader.report([...path, 'adoption'], { code: 'required' });
  reader.string(fields, 'note', path, false);
  reader.string(fields, 'source', path, false);
  return { id, fields, entry, unit: unit ?? parseUnit('1')!, action, fromLevers, limits: { min, max }, lumpy };
}

/** The catalogue's levers as pathway effects on the plan's sector; a lever number the catalogue lacks is a gap. */
function leverEffects(reader: Reader, entry: CatalogueMeasure, fields: Fields, quantity: Fields | undefined, path: Path): Fields[] {
  const sector = fields['sector'];
  const needsSector = entry.levers.some((lever) => lever.type !== 'generation' && lever.type !== 'removal');
  if (needsSector && sector === undefined) reader.report([...path, 'sector'], { code: 'required' });
  if (!needsSector && sector !== undefined) reader.report([...path, 'sector'], { code: 'not-applicable', field: 'sector', reason: 'city-wide-lever' });
  if (entry.levers.length === 0) reader.report([...path, 'catalogue'], { code: 'catalogue-gap', measure: entry.id, field: 'levers' });
  return entry.levers.map((lever, i) => {
    const gap = (field: string): void => reader.report([...path, 'catalogue'], { code: 'catalogue-gap', measure: entry.id, field: `levers[${i}].${field}` });
    switch (lever.type) {
      case 'efficiency':
      case 'activity':
      case 'emissions': {
        if (!lever.reduction) gap('reduction');
        const effect: Fields = { type: lever.type, sector, reduction: lever.reduction?.value ?? 0 };
        if (lever.carrier && lever.type !== 'activity') effect['carrier'] = lever.carrier;
        if (lever.gas && lever.type === 'emissions') effect['gas'] = lever.gas;
        return effect;
      }
      case 'switch': {
        if (!lever.to) gap('to');
        if (!lever.from) gap('from');
        if (!lever.ratio && entry.gaps.includes(`levers[${i}].ratio`)) gap('ratio');
        if (!lever.share && entry.gaps.includes(`levers[${i}].share`)) gap('share');
        const effect: Fields = { type: 'switch', sector, from: lever.from, to: lever.to };
        if (lever.share) effect['share'] = lever.share.value;
        if (lever.ratio) effect['ratio'] = lever.ratio.value;
        return effect;
      }
      case 'generation':
      case 'removal': {
        if (!lever.perUnit) gap('perUnit');
        const amount = quantity?.['value'];
        if (quantity?.['driver'] !== undefined) reader.report([...path, 'quantity'], { code: 'constant-quantity', lever: lever.type });
        const units = typeof amount === 'number' ? amountInUnits(amount, quantity?.['unit'], entry.unit) : 0;
        return { type: lever.type, value: (lever.perUnit?.value ?? 0) * units, unit: lever.type === 'generation' ? 'MWh' : 'tCO2e' };
      }
      default: {
        const unhandled: never = lever.type;
        throw new Error(`unknown lever ${String(unhandled)}`);
      }
    }
  });
}

function amountInUnits(amount: number, spelling: unknown, measureUnit: string): number {
  const from = typeof spelling === 'string' ? parseUnit(spelling) : undefined;
  const to = parseUnit(measureUnit);
  if (!from || !to || from.dimension !== to.dimension) return amount;
  return (amount * from.toBase) / to.toBase;
}

function measureQuantity(reader: Reader, draft: MeasureDraft, drivers: readonly { id: string; unit: string; scale: number }[]): Quantity | undefined {
  const path = ['measures', draft.id, 'quantity'];
  const fields = draft.fields['quantity'] as Fields | undefined;
  if (!fields || typeof fields !== 'object') return undefined;
  if (fields['value'] !== undefined) {
    const value = reader.number(fields, 'value', path, { required: true, min: 0, max: 1e15 });
    if (value === undefined) return undefined;
    return { kind: 'amount', units: amountInUnits(value, fields['unit'], draft.unit.id) };
  }
  const driverId = reader.string(fields, 'driver', path, true);
  if (driverId === undefined || !known(reader, 'driver', driverId, drivers.map((d) => d.id), [...path, 'driver'])) return undefined;
  const share = fields['share'] === undefined ? 1 : percentNumber(reader, fields, 'share', path, { required: true, min: 0, max: 1 });
  const d = drivers.findIndex((candidate) => candidate.id === driverId);
  const driverUnit = parseUnit(drivers[d]!.unit)!;
  const unit = draft.entry || fields['unit'] !== undefined ? draft.unit : driverUnit;
  if (driverUnit.dimension !== unit.dimension) {
    reader.report([...path, 'driver'], { code: 'wrong-dimension', unit: driverUnit.id, got: driverUnit.dimension, expected: [unit.dimension] });
    return undefined;
  }
  if (share === undefined) return undefined;
  // Driver values are computed in base units; one measure unit is `unit.toBase` of them.
  return { kind: 'driver', driver: d, perBase: 1 / unit.toBase, share };
}

/** A cost of the measure: the plan's own (`costs.<field>`), else the catalogue's, restated; opex and savings default to 0, stated. */
function measureCost(reader: Reader, draft: MeasureDraft, field: (typeof COST_FIELDS)[number], priceYear: number, catalogue: Catalogue, zeroCosts: Map<string, string[]>, pricedEnergy: boolean): UnitCost | undefined {
  const path = ['measures', draft.id, 'costs'];
  const costs = draft.fields['costs'] === undefined ? undefined : reader.object(draft.fields['costs'], path);
  if (costs && field === 'capex') reader.onlyFields(costs, new Set([...COST_FIELDS, 'lifetime']), path);
  if (costs?.[field] !== undefined) {
    const at = [...path, field];
    const given = reader.object(costs[field], at);
    if (!given) return undefined;
    reader.onlyFields(given, new Set(['value', 'unit', 'source']), at);
    const value = reader.number(given, 'value', at, { required: true, allowNegative: true, min: -1e12, max: 1e12 });
    const unit = reader.unit(given, 'unit', at, true);
    const source = reader.string(given, 'source', at, true);
    if (value === undefined || !unit || source === undefined) return undefined;
    const [money, per] = unit.dimension.split('/');
    if (money !== 'money' || per !== draft.unit.dimension) {
      reader.report([...at, 'unit'], { code: 'wrong-dimension', unit: unit.id, got: unit.dimension, expected: [`money/${draft.unit.dimension}`] });
      return undefined;
    }
    const perUnit = value * unit.toBase * draft.unit.toBase;
    return { value: perUnit, basis: `${value} ${unit.id} (plan) = ${Number(perUnit.toPrecision(6))} CNY${priceYear}/${draft.unit.id}`, source };
  }
  // A catalogue entry that does not exist is reported at `catalogue`: its figures are not also required.
  if (!draft.entry && draft.fields['catalogue'] !== undefined) return undefined;
  const figure = draft.entry?.[field];
  // With energy prices the energy a measure saves is valued through the pathway; the catalogue's savings
  // figures (energy at the source's prices) would count it twice.
  if (figure && field === 'savings' && pricedEnergy) return { value: 0, basis: 'catalogue savings replaced by energy savings at the plan\'s prices', source: 'energyPrices' };
  if (figure) {
    const restated = restateCost(figure, draft.unit, priceYear, catalogue.money);
    if (restated.ok) return restated.cost;
    reader.report([...path, field], { code: 'missing-rate', currency: restated.currency, year: restated.year, priceYear });
    return undefined;
  }
  if (field === 'capex') {
    reader.report([...path, field], draft.entry ? { code: 'catalogue-gap', measure: draft.entry.id, field } : { code: 'required' });
    return undefined;
  }
  if (!(field === 'savings' && pricedEnergy)) zeroCosts.get(field)!.push(draft.id);
  return { value: 0, basis: `no ${field} figure: 0`, source: 'none' };
}

function measureLifetime(reader: Reader, draft: MeasureDraft): { value: number; source: string } | undefined {
  const path = ['measures', draft.id, 'costs'];
  const costs = typeof draft.fields['costs'] === 'object' && draft.fields['costs'] !== null ? (draft.fields['costs'] as Fields) : undefined;
  if (costs?.['lifetime'] !== undefined) {
    const at = [...path, 'lifetime'];
    const given = reader.object(costs['lifetime'], at);
    if (!given) return undefined;
    reader.onlyFields(given, new Set(['value', 'source']), at);
    const value = reader.number(given, 'value', at, { required: true, min: 1, max: 200 });
    const source = reader.string(given, 'source', at, true);
    return value === undefined || source === undefined ? undefined : { value, source };
  }
  if (!draft.entry && draft.fields['catalogue'] !== undefined) return undefined;
  if (draft.entry?.lifetime) return { value: draft.entry.lifetime.value, source: draft.entry.lifetime.source };
  reader.report([...path, 'lifetime'], draft.entry ? { code: 'catalogue-gap', measure: draft.entry.id, field: 'lifetime' } : { code: 'required' });
  return undefined;
}

function readBudget(reader: Reader, raw: unknown, baseYear: number, endYear: number): Float64Array | undefined {
  const path = ['constraints', 'budget'];
  const fields = reader.object(raw, path);
  if (!fields) return undefined;
  reader.onlyFields(fields, new Set(['unit', 'perYear']), path);
  const unit = reader.unit(fields, 'unit', path, true);
  if (unit && unit.dimension !== 'money') reader.report([...path, 'unit'], { code: 'wrong-dimension', unit: unit.id, got: unit.dimension, expected: ['money'] });
  const years = endYear - baseYear + 1;
  const budget = new Float64Array(years).fill(Number.NaN);
  const perYear = fields['perYear'];
  if (perYear === undefined) return void reader.report([...path, 'perYear'], { code: 'required' });
  const scale = unit?.toBase ?? 1;
  if (typeof perYear === 'number') {
    const value = reader.number(fields, 'perYear', path, { required: true, min: 0, max: 1e15 });
    if (value !== undefined) budget.fill(value * scale, 1);
    return budget;
  }
  const map = reader.object(perYear, [...path, 'perYear']);
  if (!map) return undefined;
  const periods: [number, number][] = [];
  for (const key of Object.keys(map)) {
    const year = Number(key);
    if (!/^\d{4}$/.test(key) || year <= baseYear || year > endYear) {
      reader.report([...path, 'perYear', key], { code: 'out-of-range', min: baseYear + 1, max: endYear, got: Number.isFinite(year) ? year : Number.NaN });
      continue;
    }
    const value = reader.number(map, key, [...path, 'perYear'], { required: true, min: 0, max: 1e15 });
    if (value !== undefined) periods.push([year, value * scale]);
  }
  if (Object.keys(map).length === 0) reader.report([...path, 'perYear'], { code: 'required' });
  periods.sort((a, b) => a[0] - b[0]);
  for (const [from, value] of periods) budget.fill(value, from - baseYear);
  return budget;
}

/**
 * `energyPrices`: carrier → `{ value, unit, source }` in money per energy (元/kWh, 元/GJ, 元/tce), restated
 * per GJ. Each carrier must be one of the pathway's (a fuel id, electricity, heat). Carriers of the pathway
 * without a price are stated: the energy a measure saves of them is not valued.
 */
function readEnergyPrices(reader: Reader, raw: unknown, pathway: Pathway | undefined, statements: Assumption[]): EnergyPrice[] | undefined {
  if (raw === undefined) return undefined;
  const carriers = pathway ? [...new Set(pathway.model.sectors.flatMap((sector) => sector.carriers))].filter((carrier) => !carrier.includes(':')) : undefined;
  const prices: EnergyPrice[] = [];
  for (const [carrier, value] of entries(reader, raw, ['energyPrices'], false)) {
    const at = ['energyPrices', carrier];
    if (carriers && !known(reader, 'carrier', carrier, carriers, at)) continue;
    const fields = reader.object(value, at);
    if (!fields) continue;
    reader.onlyFields(fields, new Set(['value', 'unit', 'source']), at);
    const price = reader.number(fields, 'value', at, { required: true, min: 0, max: 1e9 });
    const unit = reader.unit(fields, 'unit', at, true);
    const source = reader.string(fields, 'source', at, true);
    if (unit && unit.dimension !== 'money/energy') reader.report([...at, 'unit'], { code: 'wrong-dimension', unit: unit.id, got: unit.dimension, expected: ['money/energy'] });
    else if (price !== undefined && unit && source !== undefined) prices.push({ carrier, perGj: price * unit.toBase, text: `${carrier} ${price} ${unit.id} (${source})` });
  }
  if (carriers) {
    const unpriced = carriers.filter((carrier) => !prices.some((price) => price.carrier === carrier));
    statements.push({
      code: 'energy-savings',
      text: {
        en: `energy saved valued at ${prices.map((price) => price.text).join('; ')}, each measure's savings taken alone on the baseline; the catalogue's own savings figures are not used${unpriced.length > 0 ? `; energy saved of ${unpriced.join(', ')} is not valued (no price)` : ''}`,
        zh: `节约的能源按以下价格计价：${prices.map((price) => price.text).join('；')}；各措施的节能收益按其单独叠加于基准情景计算；不采用措施目录中的节省费用${unpriced.length > 0 ? `；${unpriced.join('、')} 无价格，其节约量不计价` : ''}`,
      },
    });
  }
  return prices;
}

/** A number that may be written as a percentage string ("8%"). */
function percentNumber(reader: Reader, fields: Fields, key: string, path: Path, options: { required: boolean; min: number; max: number }): number | undefined {
  const raw = fields[key];
  if (typeof raw === 'string' && PERCENT.test(raw)) {
    const value = Number(PERCENT.exec(raw)![1]) / 100;
    if (value < options.min || value > options.max) return void reader.report([...path, key], { code: 'out-of-range', min: options.min, max: options.max, got: value });
    return value;
  }
  return reader.number(fields, key, path, { required: options.required, min: options.min, max: options.max });
}

/**
 * The shipped catalogue with the plan's own entries (Shenzhen-style promotion catalogue): same id replaces, new ids add.
 * When the own entries break a rule, the shipped catalogue alone, and the ids of the own entries (`rejected`).
 */
function ownCatalogue(reader: Reader, raw: unknown, shipped: Catalogue): { catalogue: Catalogue; rejected: ReadonlySet<unknown> } {
  const none = new Set<unknown>();
  if (raw === undefined) return { catalogue: shipped, rejected: none };
  const fields = reader.object(raw, ['catalogue']);
  if (!fields) return { catalogue: shipped, rejected: none };
  reader.onlyFields(fields, new Set(['sources', 'measures']), ['catalogue']);
  const own = Array.isArray(fields['measures']) ? (fields['measures'] as { id?: unknown }[]) : [];
  if (!Array.isArray(fields['measures'])) reader.report(['catalogue', 'measures'], { code: 'type', expected: 'array', got: typeName(fields['measures']) });
  const ownSources = Array.isArray(fields['sources']) ? (fields['sources'] as unknown[]) : [];
  if (fields['sources'] !== undefined && !Array.isArray(fields['sources'])) reader.report(['catalogue', 'sources'], { code: 'type', expected: 'array', got: typeName(fields['sources']) });
  const replaced = new Set(own.map((measure) => measure?.id));
  const sources = [...shipped.sources.values()].filter((s) => !shipped.money.sources.some((m) => m.id === s.id));
  const measures = shipped.measures.filter((m) => !replaced.has(m.id));
  try {
    const catalogue = loadCatalogue({ version: `${shipped.version}+plan`, sources: [...sources, ...ownSources], measures: [...measures, ...own] }, shipped.money);
    return { catalogue, rejected: none };
  } catch (error) {
    if (error instanceof ZodError) {
      // A schema problem at the plan's own entry: `measures[i]` of the merged list is the plan's `measures[i - shipped]`.
      const before = { measures: measures.length, sources: sources.length };
      for (const problem of error.issues) {
        const [list, index, ...rest] = problem.path;
        const at: Path =
          (list === 'measures' || list === 'sources') && typeof index === 'number' && index >= before[list]
            ? ['catalogue', list, index - before[list], ...rest.map((part) => (typeof part === 'symbol' ? String(part) : part))]
            : ['catalogue'];
        reader.report(at, { code: 'invalid-catalogue', message: problem.message.slice(0, 500) });
      }
    } else {
      const message = error instanceof Error ? error.message : String(error);
      for (const line of message.split('\n').slice(message.includes('problems:') ? 1 : 0)) reader.report(['catalogue'], { code: 'invalid-catalogue', message: line.slice(0, 500) });
    }
    return { catalogue: shipped, rejected: replaced };
  }
}
