import type { FuelId } from '../factors/fuels.ts';

/**
 * The rows of a yearbook energy balance (能源平衡表, China Energy Statistical Yearbook layout) and what the
 * import makes of each (docs/import-energy-balance.md has this table for users). Labels are matched after
 * normalising: spaces, numbering (1. / （1） / 一、), "#", "其中：" and the "(-)/(+)" marks removed.
 */
export type BalanceRowKind =
  /** Final consumption of a sector: fuels on `fuelRow`, electricity and heat on `energyRow`. */
  | 'final'
  /** 工业 of which 用作原料、材料: fuel lines with `use: feedstock`, taken out of 工业's own lines. */
  | 'feedstock'
  /** 火力发电: inputs (−) to I.4.4, electricity and heat output (+) to `supply.*.generation`. */
  | 'thermal-power'
  /** 供热: inputs (−) to I.4.4, heat output (+) to `supply.heat.generation`. */
  | 'heating'
  /** 损失量: electricity losses to I.4.3 (T&D losses); losses of fuels and heat are listed, not imported. */
  | 'losses'
  /** Totals and parts of an imported row (合计, 终端消费量, 城镇/乡村): used as checks, not imported. */
  | 'total'
  | 'part'
  /** Supply rows (production, transfers, stock change): recognised, listed, not imported. */
  | 'supply'
  /** Transformation the import does not map (炼焦, 炼油 …): an unmapped row when it holds numbers. */
  | 'unsupported-transformation';

export interface BalanceRowDefinition {
  readonly id: string;
  readonly kind: BalanceRowKind;
  /** Chinese names first (the first is the one printed), then English ones. */
  readonly labels: readonly string[];
  readonly fuelRow?: string;
  /** Fuels that go to another row than `fuelRow` (transport: fuel oil to ships, kerosene to aircraft). */
  readonly fuelRows?: Readonly<Partial<Record<FuelId, string>>>;
  readonly energyRow?: string;
  /** For `part`: the row it is a part of. */
  readonly partOf?: string;
}

export const BALANCE_ROWS: readonly BalanceRowDefinition[] = [
  { id: 'production', kind: 'supply', labels: ['一次能源生产量', '一次能源生产', 'primary energy production'] },
  { id: 'recovered', kind: 'supply', labels: ['回收能', 'recovered energy'] },
  { id: 'transfers-in', kind: 'supply', labels: ['外省（区、市）调入量', '外省(区、市)调入量', '外省调入量', '调入量', 'transfers in'] },
  { id: 'imports', kind: 'supply', labels: ['进口量', 'imports'] },
  { id: 'bunkers-in', kind: 'supply', labels: ['境内轮船和飞机在境外的加油量'] },
  { id: 'transfers-out', kind: 'supply', labels: ['本省（区、市）调出量', '本省(区、市)调出量', '本省调出量', '调出量', 'transfers out'] },
  { id: 'exports', kind: 'supply', labels: ['出口量', 'exports'] },
  { id: 'bunkers-out', kind: 'supply', labels: ['境外轮船和飞机在境内的加油量'] },
  { id: 'stock-change', kind: 'supply', labels: ['库存增减量', '库存增(-)减(+)量', 'stock change', 'stock changes'] },
  { id: 'available', kind: 'total', labels: ['可供本地区消费的能源量', '可供本地区消费的能源', 'energy available for consumption'] },
  { id: 'transformation', kind: 'total', labels: ['加工转换投入产出量', '加工转换投入(-)产出(+)量', '加工转换', 'transformation input (-) output (+)', 'transformation'] },
  { id: 'thermal-power', kind: 'thermal-power', labels: ['火力发电', 'thermal power', 'thermal power generation'] },
  { id: 'heating', kind: 'heating', labels: ['供热', 'heat supply', 'heating'] },
  { id: 'coal-washing', kind: 'unsupported-transformation', labels: ['洗选煤', 'coal washing'] },
  { id: 'coking', kind: 'unsupported-transformation', labels: ['炼焦', 'coking'] },
  { id: 'refining', kind: 'unsupported-transformation', labels: ['炼油及煤制油', '炼油', 'petroleum refineries'] },
  { id: 'gas-making', kind: 'unsupported-transformation', labels: ['制气', 'gas works'] },
  { id: 'gas-liquefaction', kind: 'unsupported-transformation', labels: ['天然气液化', 'natural gas liquefaction'] },
  { id: 'briquetting', kind: 'unsupported-transformation', labels: ['煤制品加工', 'briquettes'] },
  { id: 'losses', kind: 'losses', labels: ['损失量', '损失', 'losses'] },
  { id: 'final', kind: 'total', labels: ['终端消费量', '终端消费', 'final consumption'] },
  {
    id: 'agriculture',
    kind: 'final',
    labels: ['农、林、牧、渔业', '农林牧渔业', '农、林、牧、渔、水利业', '农林牧渔水利业', 'agriculture, forestry, animal husbandry and fishery', 'agriculture'],
    fuelRow: 'I.5.1',
    energyRow: 'I.5.2',
  },
  { id: 'industry', kind: 'final', labels: ['工业', 'industry'], fuelRow: 'I.3.1', energyRow: 'I.3.2' },
  { id: 'feedstock', kind: 'feedstock', labels: ['用作原料、材料', '用作原料材料', '用作原料', 'non-energy use', 'used as raw materials'], fuelRow: 'I.3.1' },
  { id: 'construction', kind: 'final', labels: ['建筑业', 'construction'], fuelRow: 'I.3.1', energyRow: 'I.3.2' },
  {
    id: 'transport',
    kind: 'final',
    labels: ['交通运输、仓储和邮政业', '交通运输仓储和邮政业', '交通运输、仓储及邮电通讯业', 'transport, storage and post', 'transport'],
    fuelRow: 'II.1.1',
    // The balance does not split transport by mode: fuel oil is taken as ships' fuel, kerosene as aircraft's, the rest as road (stated in the file).
    fuelRows: { fuel_oil: 'II.3.1', kerosene: 'II.4.1', jet_kerosene: 'II.4.1' },
    energyRow: 'II.1.2',
  },
  {
    id: 'trade',
    kind: 'final',
    labels: ['批发和零售业、住宿和餐饮业', '批发、零售业和住宿、餐饮业', '批发和零售贸易业、餐饮业', 'wholesale, retail trade and hotel, restaurants', 'wholesale, retail, accommodation and catering'],
    fuelRow: 'I.2.1',
    energyRow: 'I.2.2',
  },
  { id: 'other', kind: 'final', labels: ['其他', '其他行业', 'others', 'other'], fuelRow: 'I.2.1', energyRow: 'I.2.2' },
  { id: 'residential', kind: 'final', labels: ['居民生活', '生活消费', 'residential consumption', 'household consumption', 'residential'], fuelRow: 'I.1.1', energyRow: 'I.1.2' },
  { id: 'urban', kind: 'part', labels: ['城镇', 'urban'], partOf: 'residential' },
  { id: 'rural', kind: 'part', labels: ['乡村', '农村', 'rural'], partOf: 'residential' },
  { id: 'total', kind: 'total', labels: ['能源消费总量', '消费总量', '合计', '总计', 'total consumption', 'total'] },
  { id: 'statistical-difference', kind: 'supply', labels: ['平衡差额', 'statistical difference'] },
];

/**
 * Gasoline on road rows needs a vehicle technology for its CH4 and N2O (IPCC 2006 Vol.2 Table 3.2.2); the
 * balance has none, so the import writes this one on each such line, with a comment saying it is assumed.
 */
export const ROAD_GASOLINE_TECHNOLOGY = 'gasoline-oxidation-catalyst';

/** Column headings that are the row's total (能源合计), used as a check. */
export const TOTAL_COLUMN_LABELS: readonly string[] = ['合计', '总计', '能源合计', '能源消费总量', '折标准煤合计', 'total'];

/** Columns that are energy lines rather than fuels. */
export const ENERGY_COLUMN_LABELS: Readonly<Record<'electricity' | 'heat', readonly string[]>> = {
  electricity: ['电力', 'electricity'],
  heat: ['热力', 'heat'],
};

/** The source family of `supply.*.generation` for the fuels a plant burns (coal / oil / gas). */
export const FUEL_FAMILY: Readonly<Partial<Record<FuelId, 'coal' | 'oil' | 'gas'>>> = {
  raw_coal: 'coal',
  other_bituminous_coal: 'coal',
  sub_bituminous_coal: 'coal',
  anthracite: 'coal',
  clean_coal: 'coal',
  other_washed_coal: 'coal',
  briquettes: 'coal',
  coke: 'coal',
  coke_oven_gas: 'coal',
  blast_furnace_gas: 'coal',
  converter_gas: 'coal',
  other_gas: 'coal',
  crude_oil: 'oil',
  gasoline: 'oil',
  kerosene: 'oil',
  jet_kerosene: 'oil',
  diesel: 'oil',
  fuel_oil: 'oil',
  lpg: 'oil',
  refinery_gas: 'oil',
  naphtha: 'oil',
  lubricants: 'oil',
  paraffin_wax: 'oil',
  white_spirit: 'oil',
  bitumen: 'oil',
  petroleum_coke: 'oil',
  other_petroleum_products: 'oil',
  natural_gas: 'gas',
  lng: 'gas',
};
