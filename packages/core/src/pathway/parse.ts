import type { FactorLibrary } from '../factors/library.ts';
import type { GwpSet } from '../factors/library.ts';
import type { Issue, Path } from '../issues/issue.ts';
import { Reader, typeName, type Fields } from '../reading/reader.ts';
import { migrate } from '../reading/versions.ts';
import type { Assumption, Inventory } from '../inventory/types.ts';
import { parseUnit } from '../units/units.ts';
import { readActions } from './actions.ts';
import { calibrate, GJ_PER_MWH, type SectorRows } from './calibrate.ts';
import { basePath, checkDrawRanges, checkValues, seriesPath, type DriverAt, type SeriesAt } from './check-values.ts';
import type { Pathway, ScenarioDefinition } from './definitions.ts';
import { buildLines } from './lines.ts';
import type { DriverModel, PathwayModel, SectorModel } from './model.ts';
import { ParameterTable } from './params.ts';
import { compileSeries, PathwayReader, referencesOf, type SeriesDraft } from './read-series.ts';
import { evaluateSeries } from './series.ts';
import { bilingualName, entries, isReservedId, known } from './read-fields.ts';
import { readTargets } from './targets.ts';
import { buildSupply, hasPlantFuel, readSupply } from './supply.ts';
import { computeOfficial, isChinese } from '../official/compute.ts';
import { GENERATION_SOURCES } from '../official/types.ts';
import { readUncertainty } from './uncertainty.ts';
import { readCorrelations } from './correlation.ts';
import { carrierName, grouped } from '../text/names-plan.ts';

export type PathwayParseResult = { ok: true; pathway: Pathway; warnings: readonly Issue[] } | { ok: false; issues: readonly Issue[] };

const TOP_FIELDS = new Set(['$schema', 'version', 'name', 'inventory', 'endYear', 'drivers', 'sectors', 'grid', 'removals', 'actions', 'scenarios', 'default', 'targets', 'uncertainty', 'correlations', 'decomposition', 'supply']);
const SECTOR_FIELDS = new Set(['name', 'gpc', 'driver', 'intensity', 'shares']);
const DRIVER_DIMENSIONS = ['population', 'money', 'area', 'distance', 'mass', 'energy', 'head', 'count', 'dimensionless', 'volume'];
export const DEFAULT_END_YEAR = 2060;

/** The inventory a pathway starts from, as the inventory engine validated and computed it. */
export interface BaseInventory {
  readonly inventory: Inventory;
  /** The factor library the inventory was read with: what builds on it (a plan's air factors) uses the same. */
  readonly library: FactorLibrary;
  /** GWP weight of N2O in the inventory's set. */
  readonly n2oWeight: number;
  readonly gwp: GwpSet;
}

/**
 * Validates and compiles a pathway file against its base inventory: every problem with its path, all
 * at once; on success a model ready to evaluate, its parameters, scenarios, targets and uncertainty.
 */
export function parsePathway(document: unknown, base: BaseInventory): PathwayParseResult {
  const reader = new Reader();
  // Version 1 is the only pathway format so far: `version` is checked, nothing is renamed.
  const migrated = migrate('pathway', document);
  reader.issues.push(...migrated.issues);
  if (migrated.unreadable) return { ok: false, issues: reader.issues };
  const top = reader.object(migrated.document, []);
  if (!top) return { ok: false, issues: reader.issues };
  reader.onlyFields(top, TOP_FIELDS, []);
  const { inventory } = base;
  const baseYear = inventory.year;
  const statements: Assumption[] = [...migrated.statements];
  reader.string(top, 'inventory', [], false);
  reader.string(top, '$schema', [], false);
  const name = bilingualName(reader, top['name'], ['name'], inventory.entity.name);
  let endYear = DEFAULT_END_YEAR;
  if (top['endYear'] === undefined) {
    statements.push({ code: 'end-year', text: { en: `horizon to ${DEFAULT_END_YEAR} (no endYear given)`, zh: `未给出 \`endYear\`，展望至 ${DEFAULT_END_YEAR} 年` } });
  } else {
    endYear = reader.number(top, 'endYear', [], { required: true, integer: true, min: baseYear + 1, max: 2100 }) ?? DEFAULT_END_YEAR;
  }
  const years = endYear - baseYear + 1;
  const params = new ParameterTable();
  const values = new PathwayReader(reader, params, baseYear, endYear);

  // Drivers: read, then order so that each comes after the drivers it refers to.
  const driverDrafts = new Map<string, { draft: SeriesDraft; unit: string; scale: number; path: Path }>();
  for (const [id, raw] of entries(reader, top['drivers'], ['drivers'], true)) {
    const path = ['drivers', id];
    const inventoryBase =
      id === 'population' && inventory.population !== undefined
        ? { value: inventory.population, label: { en: `population ${grouped(inventory.population)} persons`, zh: `常住人口 ${grouped(inventory.population / 1e4)} 万人` } }
        : id === 'gdp' && inventory.gdpWanYuan !== undefined
          ? { value: inventory.gdpWanYuan * 1e4, label: { en: `GDP ${grouped(inventory.gdpWanYuan * 1e4)} CNY`, zh: `GDP ${grouped(inventory.gdpWanYuan / 1e4)} 亿元` } }
          : undefined;
    const dimensions = id === 'population' ? ['population'] : id === 'gdp' ? ['money'] : DRIVER_DIMENSIONS;
    const draft = values.series(raw, path, { dimensions, inventoryBase, min: 0, max: Infinity, forms: ['growth', 'points', 'elasticity', 'share'] }, statements);
    const unit = typeof raw === 'object' && raw !== null ? parseUnit(String((raw as Fields)['unit'] ?? '')) : undefined;
    if (draft && unit) driverDrafts.set(id, { draft, unit: unit.id, scale: unit.toBase, path });
  }
  for (const required of ['population', 'gdp']) {
    if (top['drivers'] !== undefined && !Object.hasOwn((top['drivers'] as Fields | null) ?? {}, required)) reader.report(['drivers', required], { code: 'required' });
  }
  const driverIds = Object.keys(typeof top['drivers'] === 'object' && top['drivers'] !== null ? top['drivers'] : {}).filter((id) => !isReservedId(id));
  const order = orderDrivers(reader, driverDrafts, driverIds);
  // A share of another driver is in that driver's quantity: its unit must measure the same (a share of GDP is money).
  for (const [id, { draft, unit, path }] of driverDrafts) {
    if (draft.kind !== 'share') continue;
    const of = driverDrafts.get(draft.of.id);
    const dimension = parseUnit(unit)?.dimension;
    const expected = of && parseUnit(of.unit)?.dimension;
    if (expected !== undefined && dimension !== undefined && dimension !== expected) {
      reader.report([...path, 'unit'], { code: 'wrong-dimension', unit, got: dimension, expected: [expected] });
      driverDrafts.delete(id);
    }
  }
  const driverIndex = (id: string): number => order.indexOf(id);

  // Sectors: first the rows each takes, so the inventory's lines can be split among them; then their
  // series, whose base-year values (fuel shares) come from those lines.
  const sectorRows: SectorRows[] = [];
  const sectorFields: [string, Fields][] = [];
  for (const [id, raw] of entries(reader, top['sectors'], ['sectors'], true)) {
    const path = ['sectors', id];
    const fields = reader.object(raw, path);
    if (!fields) continue;
    reader.onlyFields(fields, SECTOR_FIELDS, path);
    const gpc = fields['gpc'];
    const patterns = typeof gpc === 'string' ? [gpc] : Array.isArray(gpc) && gpc.every((ref) => typeof ref === 'string') ? (gpc as string[]) : undefined;
    if (patterns === undefined) reader.report([...path, 'gpc'], gpc === undefined ? { code: 'required' } : { code: 'type', expected: 'array', got: typeName(gpc) });
    sectorRows.push({ id, patterns: patterns ?? [], path, single: typeof gpc === 'string' });
    sectorFields.push([id, fields]);
  }
  const calibration = calibrate(inventory, sectorRows, base.n2oWeight, reader);
  const sectorParts = sectorFields.map(([id, fields], s) => {
    const path = ['sectors', id];
    const driver = reader.string(fields, 'driver', path, true);
    if (driver !== undefined) known(reader, 'driver', driver, driverIds, [...path, 'driver']);
    const intensity = fields['intensity'] === undefined ? undefined : values.series(fields['intensity'], [...path, 'intensity'], { fixedBase: 1, min: 0, max: Infinity, forms: ['growth', 'points'] }, statements);
    const carriers = calibration.carriers[s]!;
    const sectorEnergy = carriers.energy.reduce((sum, tce) => sum + tce, 0);
    const shares: [string, SeriesDraft][] = [];
    for (const [carrier, share] of entries(reader, fields['shares'], [...path, 'shares'], false)) {
      const at = [...path, 'shares', carrier];
      if (!known(reader, 'carrier', carrier, carriers.names, at)) continue;
      const baseShare = carriers.energy[carriers.names.indexOf(carrier)]! / sectorEnergy;
      const label = { en: `${carrier} ${(baseShare * 100).toFixed(1)}% of the sector's energy`, zh: `${carrierName(carrier, 'zh')}占该部门能耗 ${(baseShare * 100).toFixed(1)}%` };
      const draft = values.series(share, at, { inventoryBase: { value: baseShare, label }, min: 0, max: 1, forms: ['growth', 'points'] }, statements);
      if (draft) shares.push([carrier, draft]);
    }
    return { id, name: bilingualName(reader, fields['name'], [...path, 'name'], id), driver, intensity, shares };
  });
  const sectorIds = sectorParts.map((part) => part.id);

  // Grid factor and removals.
  const gridStatements: Assumption[] = [];
  const grid =
    top['grid'] === undefined
      ? undefined
      : values.series(top['grid'], ['grid'], {
          dimensions: ['mass/energy', 'emissions/energy'],
          inventoryBase: calibration.gridBase > 0 ? { value: calibration.gridBase / GJ_PER_MWH, label: { en: `${calibration.gridBase.toPrecision(4)} tCO2/MWh over its electricity lines`, zh: `电力行平均 ${calibration.gridBase.toPrecision(4)} 吨CO2/兆瓦时` } } : undefined,
          min: 0,
          max: Infinity,
          forms: ['growth', 'points'],
        }, gridStatements);
  statements.push(...gridStatements);
  if (top['grid'] === undefined && calibration.gridBase > 0) {
    statements.push({ code: 'grid-constant', text: { en: `grid factor held at the base year's ${calibration.gridBase.toPrecision(4)} tCO2/MWh (no grid trajectory given)`, zh: `未给出电网因子轨迹（\`grid\`），保持基年 ${calibration.gridBase.toPrecision(4)} 吨CO2/兆瓦时` } });
  }
  const removals = top['removals'] === undefined ? undefined : values.series(top['removals'], ['removals'], { dimensions: ['emissions', 'mass'], min: 0, max: Infinity, forms: ['growth', 'points'] }, statements);

  const supplyDrafts = readSupply(values, top['supply'], inventory, statements);
  const actions = readActions(values, top['actions'], { sectorIds, driverIds, carriers: calibration.carriers, lines: calibration.lines, statements });
  // A fossil source whose generation moves needs base-year plant fuel of its family (I.4.4) to move its fuel with it.
  for (const kind of ['electricity', 'heat'] as const) {
    for (const [s] of supplyDrafts[kind]) {
      const source = GENERATION_SOURCES[s]!;
      if (!hasPlantFuel(calibration.outside, inventory, source, kind)) reader.report(['supply', kind, source], { code: 'no-plant-fuel', source });
    }
  }
  actions.forEach(({ id, model: action }) =>
    action.effects.forEach((effect, e) => {
      if (effect.kind !== 'plant') return;
      const source = GENERATION_SOURCES[effect.source]!;
      if (!hasPlantFuel(calibration.outside, inventory, source, 'electricity')) reader.report(['actions', id, 'effects', e, 'source'], { code: 'no-plant-fuel', source });
    }),
  );
  const actionIds = actions.map((action) => action.id);
  const scenarios = readScenarios(values, top, actionIds);
  const targets = readTargets(values, top['targets'], baseYear, isChinese(inventory));

  const uncertainty = readUncertainty(values, top['uncertainty']);
  const uncertainFields = top['uncertainty'];
  const declared = new Set(typeof uncertainFields === 'object' && uncertainFields !== null && !Array.isArray(uncertainFields) ? Object.keys(uncertainFields) : []);
  const { correlations, copula } = readCorrelations(values, top['correlations'], uncertainty, declared);
  const decomposition = readDecomposition(values, top['decomposition'], baseYear, endYear, statements);
  if (reader.issues.length > 0) return { ok: false, issues: reader.issues };

  // Everything is valid: compile.
  const compile = (draft: SeriesDraft) => compileSeries(draft, baseYear, years, driverIndex);
  const drivers: DriverModel[] = order.map((id) => {
    const { unit, scale, draft } = driverDrafts.get(id)!;
    return { id, unit, scale, program: compile(draft) };
  });
  const gridProgram = grid ? compile(grid) : { kind: 'constant' as const, base: params.constant('grid (base year)', calibration.gridBase / GJ_PER_MWH) };
  const lines = buildLines(calibration, actions);
  const sectors: SectorModel[] = sectorParts.map((part, s) => ({
    id: part.id,
    name: part.name,
    driver: driverIndex(part.driver!),
    intensity: part.intensity ? compile(part.intensity) : { kind: 'constant', base: params.constant(`sectors.${part.id}.intensity (base)`, 1) },
    carriers: calibration.carriers[s]!.names,
    baseEnergy: Float64Array.from(calibration.carriers[s]!.energy),
    shares: part.shares.map(([carrier, draft]) => ({ carrier: calibration.carriers[s]!.names.indexOf(carrier), program: compile(draft) })),
  }));
  if (inventory.gdpPrices === undefined && isChinese(inventory)) {
    statements.push({ code: 'gdp-prices-unstated', text: { en: 'the inventory does not say at which constant prices its GDP is (`gdp.prices`): the intensities per GDP and decline targets assume the GDP driver continues them', zh: '清单未注明 GDP 的不变价基年（`gdp.prices`）：单位 GDP 强度与下降率目标假定 GDP 驱动因素沿用该价格' } });
  }
  if (calibration.excludedRows.length > 0) {
    const rows = calibration.excludedRows;
    statements.push({ code: 'rows-outside', text: { en: `rows outside BASIC and BASIC+ are in no sector (nor in the GPC totals): ${rows.join(', ')}; plant fuel (I.4.4) follows the supply model on the official basis`, zh: `BASIC 与 BASIC+ 以外的行不计入部门（亦不计入 GPC 合计）：${rows.join('、')}；电厂燃料（I.4.4）在官方口径中随供应模型变化` } });
  }
  const model: PathwayModel = {
    baseYear,
    endYear,
    years,
    drivers,
    population: driverIndex('population'),
    gdp: driverIndex('gdp'),
    sectors,
    lines,
    grid: gridProgram,
    // Grid programs are in t/GJ (base units of mass/energy); lines scale by the ratio, so the unit cancels.
    gridBase: calibration.gridBase > 0 ? calibration.gridBase / GJ_PER_MWH : 1,
    removals: removals ? compile(removals) : undefined,
    actions: actions.map(({ model: action, stockDriver }) =>
      action.adoption.kind === 'stock' && stockDriver !== undefined ? { ...action, adoption: { ...action.adoption, stock: driverIndex(stockDriver) } } : action,
    ),
    supply: buildSupply({
      inventory,
      official: computeOfficial(inventory, base.library),
      library: base.library,
      outside: calibration.outside,
      programs: { electricity: new Map([...supplyDrafts.electricity].map(([s, draft]) => [s, compile(draft)])), heat: new Map([...supplyDrafts.heat].map(([s, draft]) => [s, compile(draft)])) },
      constant: (label, value) => params.constant(label, value),
      statements,
    }),
    n2oWeight: base.n2oWeight,
    assumptions: statements,
  };
  const pathway: Pathway = {
    name,
    city: inventory.entity.name,
    ...(inventory.entity.nameZh === undefined ? {} : { cityZh: inventory.entity.nameZh }),
    gdpPrices: inventory.gdpPrices,
    chinese: isChinese(inventory),
    model,
    parameters: params.infos,
    scenarios: scenarios.list,
    defaultScenario: scenarios.defaultId,
    targets,
    uncertainty: [],
    correlations: [],
    copula: [],
    decomposition: [],
    assumptions: statements,
  };
  // Fuel shares are checked once everything else is valid: with the file's values and with each scenario's.
  let checked = checkShares(reader, pathway, params.nominal(), sectorIds, ['sectors']);
  for (const scenario of scenarios.list) {
    if (scenario.overrides.length === 0 || !checked) continue;
    const values = params.nominal();
    for (const { slot, value } of scenario.overrides) values[slot] = value;
    checked = checkShares(reader, pathway, values, sectorIds, ['scenarios', scenario.id, 'set']);
  }
  if (!checked) return { ok: false, issues: reader.issues };
  // Divided by: a sector's driver, an elasticity's or a stock's driver, population and GDP.
  const divisors = new Set<number>([model.population, model.gdp, ...sectors.map((sector) => sector.driver)]);
  for (const driver of drivers) if (driver.program.kind === 'elasticity') divisors.add(driver.program.of);
  for (const action of model.actions) if (action.adoption.kind === 'stock') divisors.add(action.adoption.stock);
  const driverChecks: DriverAt[] = drivers.map((driver, d) => {
    const { draft, path } = driverDrafts.get(driver.id)!;
    const givesBase = (top['drivers'] as Fields)[driver.id] !== undefined && ((top['drivers'] as Fields)[driver.id] as Fields)['base'] !== undefined;
    return { program: driver.program, path: seriesPath(path, draft), basePath: basePath(path, draft, baseYear, givesBase), divides: divisors.has(d), everyYear: d === model.population || d === model.gdp };
  });
  const otherChecks: SeriesAt[] = [
    ...(grid ? [{ program: gridProgram, path: seriesPath(['grid'], grid) }] : []),
    ...(removals && model.removals ? [{ program: model.removals, path: seriesPath(['removals'], removals) }] : []),
    ...sectorParts.flatMap((part, s) => [
      ...(part.intensity ? [{ program: sectors[s]!.intensity, path: seriesPath(['sectors', part.id, 'intensity'], part.intensity) }] : []),
      ...part.shares.map(([carrier, draft], k) => ({ program: sectors[s]!.shares[k]!.program, path: seriesPath(['sectors', part.id, 'shares', carrier], draft) })),
    ]),
  ];
  checked = checkValues(reader, pathway, params.nominal(), driverChecks, otherChecks);
  for (const scenario of scenarios.list) {
    if (scenario.overrides.length === 0 || !checked) continue;
    const values = params.nominal();
    for (const { slot, value } of scenario.overrides) values[slot] = value;
    checked = checkValues(reader, pathway, values, driverChecks, otherChecks, scenario);
  }
  if (checked) checked = checkDrawRanges(reader, { ...pathway, uncertainty }, params.nominal());
  if (!checked) return { ok: false, issues: reader.issues };
  return { ok: true, pathway: { ...pathway, uncertainty, correlations, copula, decomposition }, warnings: reader.warnings };
}

/** Orders drivers so that each follows the ones it refers to; reports unknown references and cycles. */
function orderDrivers(reader: Reader, drafts: ReadonlyMap<string, { draft: SeriesDraft; path: Path }>, ids: readonly string[]): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      reader.report(['drivers', id], { code: 'driver-cycle', drivers: [...trail.slice(trail.indexOf(id)), id] });
      return;
    }
    state.set(id, 'visiting');
    const entry = drafts.get(id);
    for (const reference of entry ? referencesOf(entry.draft) : []) {
      if (known(reader, 'driver', reference.id, ids, reference.path)) visit(reference.id, [...trail, id]);
    }
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of ids) visit(id, []);
  return order;
}

function readScenarios(values: PathwayReader, top: Fields, actionIds: readonly string[]): { list: ScenarioDefinition[]; defaultId: string } {
  const { reader, params } = values;
  const list: ScenarioDefinition[] = [];
  const clean = reader.issues.length === 0;
  for (const [id, raw] of entries(reader, top['scenarios'], ['scenarios'], true)) {
    const path = ['scenarios', id];
    const fields = reader.object(raw, path);
    if (!fields) continue;
    reader.onlyFields(fields, new Set(['name', 'actions', 'set']), path);
    const active = new Uint8Array(actionIds.length);
    const listed = fields['actions'] ?? [];
    if (!Array.isArray(listed)) reader.report([...path, 'actions'], { code: 'type', expected: 'array', got: typeName(listed) });
    else {
      listed.forEach((action: unknown, i) => {
        if (typeof action !== 'string') reader.report([...path, 'actions', i], { code: 'type', expected: 'string', got: typeName(action) });
        else if (known(reader, 'action', action, actionIds, [...path, 'actions', i])) active[actionIds.indexOf(action)] = 1;
      });
    }
    const overrides: { slot: number; value: number }[] = [];
    for (const [target, value] of entries(reader, fields['set'], [...path, 'set'], false)) {
      const at = [...path, 'set', target];
      if (!params.paths().includes(target)) {
        // A path into a series that failed to read is unknown only because of that failure: report it once the rest is valid.
        if (clean) known(reader, 'parameter', target, params.paths(), at);
        continue;
      }
      const slot = params.slotOf(target)!;
      const info = params.infos[slot]!;
      const number = values.value(value, at, { percent: true, min: info.min / info.scale, max: info.max / info.scale });
      if (number !== undefined) overrides.push({ slot, value: number * info.scale });
    }
    list.push({ id, name: bilingualName(reader, fields['name'], [...path, 'name'], id), active, overrides });
  }
  const ids = list.map((scenario) => scenario.id);
  if (top['scenarios'] !== undefined && ids.length === 0 && reader.issues.length === 0) reader.report(['scenarios'], { code: 'required' });
  let defaultId = ids[0] ?? '';
  const chosen = reader.string(top, 'default', [], false);
  if (chosen !== undefined && known(reader, 'scenario', chosen, ids, ['default'])) defaultId = chosen;
  return { list, defaultId };
}

function readDecomposition(values: PathwayReader, raw: unknown, baseYear: number, endYear: number, statements: Assumption[]): [number, number][] {
  if (raw === undefined) {
    statements.push({ code: 'decomposition-default', text: { en: `decomposition from ${baseYear} to ${endYear} (none asked for)`, zh: `未指定分解区间，分解 ${baseYear}–${endYear} 年` } });
    return [[baseYear, endYear]];
  }
  const { reader } = values;
  if (!Array.isArray(raw)) {
    reader.report(['decomposition'], { code: 'type', expected: 'array', got: typeName(raw) });
    return [];
  }
  const pairs: [number, number][] = [];
  raw.forEach((pair: unknown, i) => {
    const at = ['decomposition', i];
    if (!Array.isArray(pair) || pair.length !== 2) return void reader.report(at, { code: 'type', expected: 'array', got: Array.isArray(pair) ? `${pair.length} items (expected [from, to])` : typeof pair });
    const from = values.year(pair[0], [...at, 0]);
    const to = values.year(pair[1], [...at, 1]);
    if (from !== undefined && to !== undefined) pairs.push([from, to]);
  });
  return pairs;
}

/** A nominal share trajectory that sums above 1 is an input error (Monte Carlo draws are scaled, and counted). */
function checkShares(reader: Reader, pathway: Pathway, params: Float64Array, sectorIds: readonly string[], where: Path): boolean {
  const { model } = pathway;
  const scratch = new Float64Array(model.years);
  let ok = true;
  // Shares reference no drivers (growth or points only), so no driver values are needed.
  model.sectors.forEach((sector, s) => {
    if (sector.shares.length === 0) return;
    const sums = new Float64Array(model.years);
    for (const share of sector.shares) {
      evaluateSeries(share.program, params, scratch, []);
      for (let y = 0; y < model.years; y++) sums[y]! += scratch[y]!;
    }
    const year = sums.findIndex((sum) => sum > 1 + 1e-9);
    if (year >= 0) {
      reader.report(where[0] === 'sectors' ? ['sectors', sectorIds[s]!, 'shares'] : where, { code: 'shares-exceed', year: model.baseYear + year, got: Number(sums[year]!.toPrecision(6)) });
      ok = false;
    }
  });
  return ok;
}
