import { GJ_PER_TCE } from '../accounting/statements.ts';
import type { FactorLibrary } from '../factors/library.ts';
import type { Path } from '../issues/issue.ts';
import type { Assumption, Inventory } from '../inventory/types.ts';
import { tPerMwh } from '../official/compute.ts';
import { FOSSIL_SOURCES, GENERATION_SOURCES, NON_FOSSIL_SOURCES, type GenerationSource, type OfficialResult } from '../official/types.ts';
import { GJ_PER_MWH, type OutsideRows } from './calibrate.ts';
import type { PlantModel, SupplyModel } from './model.ts';
import { entries, known } from './read-fields.ts';
import type { PathwayReader, SeriesDraft } from './read-series.ts';
import type { SeriesProgram } from './series.ts';
import { grouped, sourceName } from '../text/names-plan.ts';

/** Reference efficiencies of the efficiency method (GHG Protocol CHP allocation tool, 2006; china-accounting.md §6). */
export const CHP_EFFICIENCY = { power: 0.35, heat: 0.8 } as const;

/** The file's `supply` section as read: per source, a series of electricity (and of heat) generation, or none (held). */
export interface SupplyDrafts {
  readonly electricity: Map<number, SeriesDraft>;
  readonly heat: Map<number, SeriesDraft>;
}

/** Base-year generation by source from the inventory's `supply`: MWh of electricity, GJ of heat. */
export function baseGeneration(inventory: Inventory): { electricity: Float64Array; heat: Float64Array } {
  const electricity = new Float64Array(GENERATION_SOURCES.length);
  const heat = new Float64Array(GENERATION_SOURCES.length);
  for (const plant of inventory.supply.electricity.generation) electricity[GENERATION_SOURCES.indexOf(plant.source)]! += plant.amount;
  for (const plant of inventory.supply.heat.generation) heat[GENERATION_SOURCES.indexOf(plant.source)]! += plant.amount;
  return { electricity, heat };
}

/**
 * Reads `supply`: `{ electricity: { <source>: series }, heat: { <source>: series } }`, each series like
 * a driver's with an energy unit, starting from the inventory's generation of that source. A source the
 * file does not name is held at its base-year generation (stated).
 */
export function readSupply(values: PathwayReader, raw: unknown, inventory: Inventory, statements: Assumption[]): SupplyDrafts {
  const { reader } = values;
  const drafts: SupplyDrafts = { electricity: new Map(), heat: new Map() };
  const base = baseGeneration(inventory);
  if (raw === undefined) {
    statements.push({ code: 'supply-held', text: { en: 'local power and heat generation held at the base year by source (no supply section)', zh: '未给出 `supply`：本地发电、供热按电源保持基年水平' } });
    return drafts;
  }
  const fields = reader.object(raw, ['supply']);
  if (!fields) return drafts;
  reader.onlyFields(fields, new Set(['electricity', 'heat']), ['supply']);
  for (const kind of ['electricity', 'heat'] as const) {
    for (const [source, series] of entries(reader, fields[kind], ['supply', kind], false)) {
      const path: Path = ['supply', kind, source];
      if (!known(reader, 'source', source, GENERATION_SOURCES, path)) continue;
      const s = GENERATION_SOURCES.indexOf(source as GenerationSource);
      const gj = kind === 'electricity' ? base.electricity[s]! * GJ_PER_MWH : base.heat[s]!;
      const amount = kind === 'electricity' ? base.electricity[s]! : base.heat[s]!;
      const label = { en: `${source} ${grouped(amount)} ${kind === 'electricity' ? 'MWh' : 'GJ'}`, zh: `${sourceName(source, 'zh')} ${grouped(amount)} ${kind === 'electricity' ? '兆瓦时' : '吉焦'}` };
      const draft = values.series(series, path, { dimensions: ['energy'], inventoryBase: { value: gj, label }, min: 0, max: Infinity, forms: ['growth', 'points'] }, statements);
      if (draft) drafts[kind].set(s, draft);
    }
  }
  const named = [...drafts.electricity.keys(), ...drafts.heat.keys()];
  const held = GENERATION_SOURCES.filter((_, s) => (base.electricity[s]! > 0 || base.heat[s]! > 0) && !named.includes(s));
  if (held.length > 0) statements.push({ code: 'supply-held', text: { en: `local generation held at the base year: ${held.join(', ')}`, zh: `本地发电、供热保持基年水平：${held.map((source) => sourceName(source, 'zh')).join('、')}` } });
  return drafts;
}

/**
 * The supply model: each source's generation program, the fossil plants whose fuel (I.4.4, by fuel
 * family) follows their output, and the constants that make the base year equal the inventory's
 * official quantities — the stated transfers' difference from the balance, the import factor, net
 * imported heat, non-fossil imports.
 */
export function buildSupply(args: {
  inventory: Inventory;
  official: OfficialResult;
  library: FactorLibrary;
  outside: OutsideRows;
  programs: { electricity: Map<number, SeriesProgram>; heat: Map<number, SeriesProgram> };
  constant: (label: string, value: number) => number;
  statements: Assumption[];
}): SupplyModel {
  const { inventory, official, library, outside, programs, constant, statements } = args;
  const base = baseGeneration(inventory);
  const electricity = GENERATION_SOURCES.map((source, s) => programs.electricity.get(s) ?? { kind: 'constant' as const, base: constant(`supply.electricity.${source} (base year)`, base.electricity[s]! * GJ_PER_MWH) });
  const heat = GENERATION_SOURCES.map((source, s) => programs.heat.get(s) ?? { kind: 'constant' as const, base: constant(`supply.heat.${source} (base year)`, base.heat[s]!) });
  const plants: PlantModel[] = [];
  const shares: { en: string; zh: string }[] = [];
  for (const family of ['coal', 'gas', 'oil'] as const) {
    const fuel = outside.plants[family];
    if (fuel.co2 === 0 && fuel.fossilTce === 0) continue;
    const s = GENERATION_SOURCES.indexOf(family);
    const power = base.electricity[s]!;
    const heatOut = base.heat[s]!;
    // Efficiency method: fuel for each output ∝ output / reference efficiency (both in GJ).
    const forPower = (power * GJ_PER_MWH) / CHP_EFFICIENCY.power;
    const forHeat = heatOut / CHP_EFFICIENCY.heat;
    const powerShare = forPower + forHeat > 0 ? forPower / (forPower + forHeat) : 1;
    if (forPower > 0 && forHeat > 0) {
      const power = (powerShare * 100).toFixed(1);
      const heat = ((1 - powerShare) * 100).toFixed(1);
      shares.push({ en: `${family} ${power}% power / ${heat}% heat`, zh: `${sourceName(family, 'zh')}：发电 ${power}%，供热 ${heat}%` });
    }
    plants.push({ source: s, co2: fuel.co2, fossilTce: fuel.fossilTce, powerShare, electricity: power, heat: heatOut });
  }
  statements.push({
    code: 'plant-fuel',
    text: {
      en: 'power and heat plants (I.4.4, territorial only, not in the sectors): fuel by family — coal fuels → coal, natural gas → gas, oil products → oil — follows the source\'s generation at the base year\'s fuel per MWh (and per GJ of heat)',
      zh: '电厂和热力厂燃料（I.4.4，仅属地口径，不计入部门模型）按燃料类别（煤类→煤电，天然气→气电，油品→油电）随该电源发电量变化，单位发电（供热）燃料取基年值',
    },
  });
  if (shares.length > 0) {
    statements.push({
      code: 'chp-allocation',
      text: { en: `CHP fuel split by the efficiency method (reference efficiencies 0.35 power, 0.80 heat): ${shares.map((share) => share.en).join('; ')}`, zh: `热电联产燃料按效率法分摊（参考效率：发电 0.35，供热 0.80）：${shares.map((share) => share.zh).join('；')}` },
    });
  }
  if (outside.held.rows.size > 0) {
    const rows = [...outside.held.rows].sort();
    statements.push({ code: 'official-held', text: { en: `official quantities of rows outside the sectors and plants held at the base year: ${rows.join(', ')}`, zh: `部门与电厂以外各行的官方口径数量保持基年值：${rows.join('、')}` } });
  }

  // The balance the pathway projects (consumption − generation) and the base year's figure, stated or balance.
  const generation = base.electricity.reduce((sum, value) => sum + value, 0);
  const netImportOffset = official.electricity.netImportsBasis === 'stated' ? official.electricity.netImports - (official.electricity.consumption - generation) : 0;
  if (netImportOffset !== 0) {
    statements.push({ code: 'net-import-offset', text: { en: `stated electricity transfers differ from consumption − generation by ${Math.round(netImportOffset)} MWh in the base year: the difference is kept in every year`, zh: `基年调入调出净值与“消费−本地发电”相差 ${grouped(Math.round(netImportOffset))} 兆瓦时，各年保持该差值` } });
  }
  const importFactor = official.electricity.factor ? tPerMwh(library, official.electricity.factor) : 0;
  const heatPart = official.energyCo2.components.find((part) => part.id === 'heat-net-imports');
  const basis = official.energy.coalEquivalent ?? official.energy.calorific;
  const heatTce = basis.components.find((part) => part.id === 'heat-net-imports')?.value ?? 0;
  if (heatPart) statements.push({ code: 'heat-imports-held', text: { en: 'net imported heat held at the base year', zh: '净调入热力保持基年值' } });
  if (official.electricity.nonFossilImports > 0) {
    statements.push({ code: 'non-fossil-imports-held', text: { en: `non-fossil electricity imports held at the base year's ${Math.round(official.electricity.nonFossilImports)} MWh`, zh: `非化石电力调入保持基年 ${grouped(Math.round(official.electricity.nonFossilImports))} 兆瓦时` } });
  }
  const nonFossilMwh = GENERATION_SOURCES.reduce((sum, source, s) => sum + (NON_FOSSIL_SOURCES.has(source) ? base.electricity[s]! : 0), 0);
  const coalRate = inventory.official.coalRate ? inventory.official.coalRate.gcePerKwh / 1000 : undefined;
  const calorific = official.energy.calorific.components.find((part) => part.id === 'non-fossil-electricity')!;
  const calorificRate = nonFossilMwh > 0 ? calorific.value / nonFossilMwh : calorificRatePerMwh(library);
  const primaryRate = coalRate ?? calorificRate;
  const importRate = coalRate !== undefined && inventory.official.importedElectricity === 'coal-equivalent' ? coalRate : calorificRate;
  if (coalRate !== undefined) statements.push({ code: 'coal-rate-held', text: { en: `total energy by the coal-equivalent method at the base year's coal rate ${inventory.official.coalRate!.gcePerKwh} gce/kWh in every year`, zh: `能源消费总量按发电煤耗法，各年采用基年发电煤耗 ${inventory.official.coalRate!.gcePerKwh} 克标准煤/千瓦时` } });
  else statements.push({ code: 'energy-calorific', text: { en: 'total energy by the calorific method (the inventory gives no coal rate)', zh: '清单未给出发电煤耗：能源消费总量按电热当量法' } });
  return {
    electricity,
    heat,
    nonFossil: Uint8Array.from(GENERATION_SOURCES, (source) => (NON_FOSSIL_SOURCES.has(source) ? 1 : 0)),
    plants,
    held: { co2: outside.held.co2, fossilTce: outside.held.fossilTce, mwh: outside.held.mwh },
    netImportOffset,
    importFactor,
    heatImports: { co2: heatPart?.value ?? 0, tce: heatTce },
    nonFossilImports: official.electricity.nonFossilImports,
    primaryRate,
    importRate,
    method: basis.method,
  };
}

function calorificRatePerMwh(library: FactorLibrary): number {
  const factor = library.get('gbt2589.tce.electricity-calorific');
  if (!factor) throw new Error('factor library has no GB/T 2589 calorific coefficient for electricity');
  return (factor.value * factor.unit.toBase * GJ_PER_MWH) / GJ_PER_TCE;
}

/**
 * Whether a fossil source's output of this kind can move: the inventory has I.4.4 fuel of its family and a
 * base-year output of that kind to take the fuel per MWh (or per GJ) from. A heat-only boiler cannot tell
 * what a new power plant of its fuel would burn.
 */
export function hasPlantFuel(outside: OutsideRows, inventory: Inventory, source: GenerationSource, kind: 'electricity' | 'heat'): boolean {
  if (!FOSSIL_SOURCES.has(source)) return true;
  const fuel = outside.plants[source as 'coal' | 'gas' | 'oil'];
  const base = baseGeneration(inventory)[kind][GENERATION_SOURCES.indexOf(source)]!;
  return (fuel.co2 !== 0 || fuel.fossilTce !== 0) && base > 0;
}
