import { GPC_ROWS, GPC_SECTORS, type GpcRow } from '../gpc/structure.ts';
import { assumptions } from '../accounting/assumptions.ts';
import type { FactorLibrary } from '../factors/library.ts';
import { computeOfficial } from '../official/compute.ts';
import type { Assumption, ComputingLine, Inventory, InventoryResult, LineResult, ScopeTotals } from './types.ts';

const emptyTotals = (): ScopeTotals => ({ basic: 0, basicPlus: 0, territorial: 0, scope1: 0, scope2: 0, scope3: 0 });

/**
 * Computes an inventory: every line's gases, CO2e and energy from its resolved recipe, and the
 * totals by scope, reporting level, sector and gas (GPC reporting rules, spec/inventory-file.md).
 * Pure arithmetic: no rounding anywhere, so totals equal the sums of their lines.
 *
 * Per-line figures are kept in columns (typed arrays) while the totals are summed; the `lines`
 * objects of the result are built from them on first access, so computing a million lines does not
 * allocate two million objects that a caller wanting only totals never reads.
 */
export function computeInventory(inventory: Inventory, library: FactorLibrary): InventoryResult {
  const totals = { basic: 0, basicPlus: 0, scope1: 0, scope2: 0, scope3: 0, other: 0 };
  const gases = { CO2: 0, CH4: 0, N2O: 0 };
  const otherGases = { co2e: 0 };
  const bySector: Record<string, ScopeTotals> = {};
  for (const sector of GPC_SECTORS) bySector[sector.id] = emptyTotals();
  const quality = { high: 0, medium: 0, low: 0, unstated: 0 };
  let energyTce = 0;
  let calorificTce = 0;
  const covered = new Set<string>();
  const computing: ComputingLine[] = [];
  const count = inventory.lines.length;
  const columns = {
    co2: new Float64Array(count),
    ch4: new Float64Array(count),
    n2o: new Float64Array(count),
    co2e: new Float64Array(count),
    tce: new Float64Array(count),
  };
  const notationKeys: InventoryResult['notationKeys'][number][] = [];

  for (const line of inventory.lines) {
    const row = line.row;
    covered.add(row.ref);
    if (line.form === 'notation') {
      notationKeys.push({ gpc: row.ref, key: line.key, explanation: line.explanation });
      continue;
    }
    const { amount, recipe } = line;
    const co2 = amount * recipe.co2;
    const ch4 = amount * recipe.ch4;
    const n2o = amount * recipe.n2o;
    const co2e = amount * recipe.co2e;
    const tce = amount * recipe.tce;
    const at = computing.length;
    computing.push(line);
    columns.co2[at] = co2;
    columns.ch4[at] = ch4;
    columns.n2o[at] = n2o;
    columns.co2e[at] = co2e;
    columns.tce[at] = tce;

    const sector = bySector[row.sector]!;
    addByRow(totals, sector, row, co2e);
    const inBasicPlus = row.level === 'BASIC' || row.level === 'BASIC+';
    if (inBasicPlus) {
      gases.CO2 += co2;
      gases.CH4 += ch4;
      gases.N2O += n2o;
      otherGases.co2e += amount * recipe.otherCo2e;
    }
    if (row.level === 'BASIC') {
      energyTce += tce;
      calorificTce += amount * recipe.tceCalorific;
      quality[line.quality ?? 'unstated'] += Math.abs(co2e);
    }
  }

  const qualityTotal = quality.high + quality.medium + quality.low + quality.unstated;
  for (const key of ['high', 'medium', 'low', 'unstated'] as const) quality[key] = qualityTotal === 0 ? 0 : quality[key] / qualityTotal;

  const missingBasicRows = [...GPC_ROWS.values()].filter((row) => row.level === 'BASIC' && !covered.has(row.ref)).map((row) => row.ref);
  // The BASIC+ total is printed beside BASIC: its own rows' gaps are stated too (a file cut off after the waste
  // rows loses IPPU and AFOLU, all BASIC+, and its BASIC completeness still reads "none").
  const missingBasicPlusRows = [...GPC_ROWS.values()].filter((row) => row.level === 'BASIC+' && !covered.has(row.ref)).map((row) => row.ref);
  const { population, gdpWanYuan } = inventory;
  const method = inventory.energyAccounting.method;
  const head = {
    city: inventory.entity.name,
    entity: inventory.entity,
    year: inventory.year,
    gwp: inventory.gwp,
    factorSet: inventory.factorSet,
    factorLibrary: { version: library.version },
    totals,
    gases,
    otherGases,
    energy: {
      tce: energyTce,
      method,
      calorificTce,
      coalConsumptionTce: method === 'coal-consumption' ? energyTce : undefined,
    },
    intensity: {
      perCapita: population ? totals.basic / population : undefined,
      perGdp: gdpWanYuan ? totals.basic / gdpWanYuan : undefined,
      energyPerCapita: population ? energyTce / population : undefined,
      energyPerGdp: gdpWanYuan ? energyTce / gdpWanYuan : undefined,
    },
    bySector,
  };
  let lines: LineResult[] | undefined;
  Object.defineProperty(head, 'lines', {
    enumerable: true,
    get: (): LineResult[] => (lines ??= lineResults(computing, columns)),
  });
  return Object.assign(head as typeof head & { readonly lines: readonly LineResult[] }, {
    notationKeys,
    completeness: { missingBasicRows, missingBasicPlusRows },
    quality,
    conventions: [assumptions.gwpConvention(), assumptions.energyBasis(method)],
    assumptions: fileAssumptions(inventory),
    official: computeOfficial(inventory, library),
  });
}

function lineResults(computing: readonly ComputingLine[], columns: Record<'co2' | 'ch4' | 'n2o' | 'co2e' | 'tce', Float64Array>): LineResult[] {
  return computing.map((line, at) => ({
    index: line.index,
    gpc: line.row.ref,
    scope: line.row.scope,
    level: line.row.level,
    form: line.form,
    method: line.method,
    gases: { CO2: columns.co2[at]!, CH4: columns.ch4[at]!, N2O: columns.n2o[at]! },
    co2e: columns.co2e[at]!,
    otherGasesCo2e: line.recipe.otherCo2e === 0 ? undefined : line.amount * line.recipe.otherCo2e,
    energyTce: columns.tce[at]!,
    quality: line.quality,
    factors: line.recipe.factors,
    assumptions: line.recipe.assumptions,
    activity: line.activity,
    counterpart: line.counterpart,
  }));
}

function addByRow(totals: InventoryResult['totals'], sector: ScopeTotals, row: GpcRow, co2e: number): void {
  if (row.scope === 1) {
    totals.scope1 += co2e;
    sector.scope1 += co2e;
  } else if (row.scope === 2) {
    totals.scope2 += co2e;
    sector.scope2 += co2e;
  } else {
    totals.scope3 += co2e;
    sector.scope3 += co2e;
  }
  switch (row.level) {
    case 'BASIC':
      totals.basic += co2e;
      totals.basicPlus += co2e;
      sector.basic += co2e;
      sector.basicPlus += co2e;
      break;
    case 'BASIC+':
      totals.basicPlus += co2e;
      sector.basicPlus += co2e;
      break;
    case 'territorial':
      sector.territorial += co2e;
      break;
    case 'other':
      totals.other += co2e;
      break;
    default: {
      const unhandled: never = row.level;
      throw new Error(`unhandled reporting level ${String(unhandled)}`);
    }
  }
}

function fileAssumptions(inventory: Inventory): Assumption[] {
  const stated: Assumption[] = [];
  if (inventory.defaultsApplied.includes('gwp')) stated.push(assumptions.defaultGwp());
  if (inventory.defaultsApplied.includes('factorSet')) stated.push(assumptions.defaultFactorSet(inventory.factorSet, inventory.entity.country));
  // A grid factor chosen by its series' year (grid-series.ts) is stated for the file too, once, so the table shows it.
  for (const line of inventory.lines) {
    if (line.form === 'notation') continue;
    for (const assumption of line.recipe.assumptions) {
      if (GRID_CHOICE_CODES.has(assumption.code) && !stated.some((known) => known.text.en === assumption.text.en)) stated.push(assumption);
    }
  }
  return stated;
}

const GRID_CHOICE_CODES: ReadonlySet<string> = new Set(['grid-series-year', 'grid-nearest-year']);
