/**
 * Illustrative energy balances (能源平衡表) in three layouts, invented for the examples and the tests of
 * `peakpath import energy-balance`: they are not the statistics of any real city or province. Each layout
 * is a grid of cells (and merged ranges) as a spreadsheet would hold it; scripts/energy-balance-examples.ts
 * writes them as files.
 */
export type Cell = string | number | null;
export interface Merge {
  readonly s: { r: number; c: number };
  readonly e: { r: number; c: number };
}
export interface Layout {
  readonly rows: Cell[][];
  readonly merges: Merge[];
  /** The table's 能源消费总量 in 万吨标准煤 (its 合计 cell). */
  readonly total: number;
}

/** The fuels of the example: heading (zh, en), unit, and 万吨标准煤 per unit (the yearbook's 折标准煤系数, GB/T 2589: kgce per kg, per m³, per kWh). */
export const FUELS = [
  { zh: '原煤', en: 'Raw coal', unit: '万吨', tce: 0.7143 },
  { zh: '煤油', en: 'Kerosene', unit: '万吨', tce: 1.4714 },
  { zh: '焦炭', en: 'Coke', unit: '万吨', tce: 0.9714 },
  { zh: '天然气', en: 'Natural gas', unit: '亿立方米', tce: 13.3 },
  { zh: '液化石油气', en: 'LPG', unit: '万吨', tce: 1.7143 },
  { zh: '汽油', en: 'Gasoline', unit: '万吨', tce: 1.4714 },
  { zh: '柴油', en: 'Diesel oil', unit: '万吨', tce: 1.4571 },
  { zh: '燃料油', en: 'Fuel oil', unit: '万吨', tce: 1.4286 },
  { zh: '热力', en: 'Heat', unit: '万百万千焦', tce: 0.0341 },
  { zh: '电力', en: 'Electricity', unit: '亿千瓦时', tce: 1.229 },
] as const;

type Figures = readonly (number | null)[];
interface BalanceRow {
  readonly zh: string;
  readonly en: string;
  /** Indent level in the label (sub-rows are written "其中：…" or indented). */
  readonly level: number;
  readonly figures: Figures | 'sum';
  readonly of?: readonly string[];
}

const n = null;
// Columns:          原煤   煤油    焦炭   天然气  液化气  汽油  柴油  燃料油  热力   电力
const AGRICULTURE = [12, n, n, n, n, 1.2, 8.5, n, n, 6.8];
const INDUSTRY = [520, n, 210, 9.5, 2, n, 6, 4, 1800, 260];
const FEEDSTOCK = [n, n, n, 2, n, n, n, 1.5, n, n];
const CONSTRUCTION = [n, n, n, n, n, 1.8, 5.2, n, n, 4.5];
const TRANSPORT = [n, n, n, 1.6, 0.8, 45, 68, n, n, 9];
const TRADE = [3, n, n, 2.2, 3.5, n, n, n, 150, 42];
const OTHER = [2, 1.5, n, 1.1, n, 6, 4, n, 250, 48];
const URBAN = [6, n, n, 6, 6, 26, n, n, 800, 70];
const RURAL = [12, n, n, 0.4, 1.2, 4, n, n, n, 28];
const THERMAL = [-620, n, n, -8, n, n, n, n, 2200, 155];
const HEATING = [-45, n, n, -3.2, n, n, n, n, 800, n];
const LOSSES = [n, n, n, n, n, n, n, n, n, 28];

const add = (...rows: Figures[]): Figures => rows[0]!.map((_, i) => (rows.some((row) => row[i] !== null) ? round(rows.reduce((sum: number, row) => sum + (row[i] ?? 0), 0)) : null));
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
const RESIDENTIAL = add(URBAN, RURAL);
const FINAL = add(AGRICULTURE, INDUSTRY, CONSTRUCTION, TRANSPORT, TRADE, OTHER, RESIDENTIAL);
const TRANSFORMATION = add(THERMAL, HEATING);

export const BALANCE: readonly BalanceRow[] = [
  { zh: '一次能源生产量', en: 'Primary energy production', level: 0, figures: [n, n, n, n, n, n, n, n, n, 20] },
  { zh: '外省（区、市）调入量', en: 'Transfers in', level: 0, figures: [1250, 1.5, 210, 24, 15, 90, 95, 10, n, 160] },
  { zh: '本省（区、市）调出量', en: 'Transfers out', level: 0, figures: [-30, n, n, n, n, -6, -3, -1.5, n, -20] },
  { zh: '加工转换投入(-)产出(+)量', en: 'Transformation input (-) output (+)', level: 0, figures: TRANSFORMATION },
  { zh: '火力发电', en: 'Thermal power', level: 1, figures: THERMAL },
  { zh: '供热', en: 'Heat supply', level: 1, figures: HEATING },
  { zh: '损失量', en: 'Losses', level: 0, figures: LOSSES },
  { zh: '终端消费量', en: 'Final consumption', level: 0, figures: FINAL },
  { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery', level: 1, figures: AGRICULTURE },
  { zh: '工业', en: 'Industry', level: 1, figures: INDUSTRY },
  { zh: '#用作原料、材料', en: 'Non-energy use', level: 2, figures: FEEDSTOCK },
  { zh: '建筑业', en: 'Construction', level: 1, figures: CONSTRUCTION },
  { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post', level: 1, figures: TRANSPORT },
  { zh: '批发和零售业、住宿和餐饮业', en: 'Wholesale, retail trade and hotel, restaurants', level: 1, figures: TRADE },
  { zh: '其他', en: 'Others', level: 1, figures: OTHER },
  { zh: '居民生活', en: 'Residential consumption', level: 1, figures: RESIDENTIAL },
  { zh: '城镇', en: 'Urban', level: 2, figures: URBAN },
  { zh: '乡村', en: 'Rural', level: 2, figures: RURAL },
];

const tceOf = (figures: Figures): number => figures.reduce((sum: number, value, i) => sum + (value ?? 0) * FUELS[i]!.tce, 0);
/** 能源消费总量 = final consumption + transformation input − output (the 加工转换 row is output − input) + losses, in 万吨标准煤. */
export const TOTAL_TCE = round(tceOf(FINAL) - tceOf(TRANSFORMATION) + tceOf(LOSSES));

const figuresOf = (row: BalanceRow): Figures => (row.figures === 'sum' ? [] : row.figures);

/** Layout 1: physical units; a title row and a unit note above; merged group headings (煤炭 / 石油 / 天然气); units in a row below; a 合计 column in 万吨标准煤; "-" for empty cells. */
export function physicalLayout(): Layout {
  const rows: Cell[][] = [
    ['示例市能源平衡表（实物量）2023 — illustrative / 仅为示例'],
    [],
    ['项目', '煤炭', '石油', '煤炭', '天然气', '石油', null, null, null, '热力', '电力', '合计'],
    [null, '原煤', '煤油', '焦炭', '天然气', '液化石油气', '汽油', '柴油', '燃料油', '热力', '电力', '合计'],
    ['单位', '万吨', '万吨', '万吨', '亿立方米', '万吨', '万吨', '万吨', '万吨', '万百万千焦', '亿千瓦时', '万吨标准煤'],
  ];
  const order = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  for (const row of BALANCE) {
    const figures = figuresOf(row);
    rows.push([`${'  '.repeat(row.level)}${row.zh}`, ...order.map((i) => figures[i] ?? '-'), round(tceOf(figures))]);
  }
  rows.push(['能源消费总量', ...order.map(() => null), TOTAL_TCE]);
  const merges: Merge[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 11 } },
    { s: { r: 2, c: 5 }, e: { r: 2, c: 8 } },
    { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } },
  ];
  return { rows, merges, total: TOTAL_TCE };
}

/** Layout 2: everything in 万吨标准煤 ("单位：万吨标准煤" above), fuels in another order, sectors with sub-rows in a second label column. */
export function standardCoalLayout(): Layout {
  const order = [9, 8, 3, 0, 1, 2, 6, 5, 4, 7];
  const rows: Cell[][] = [['表 3-1 示例市能源平衡表（标准量） illustrative'], [null, null, null, null, null, null, null, null, null, null, '单位：万吨标准煤'], ['项目', null, ...order.map((i) => FUELS[i]!.zh), '能源合计']];
  for (const row of BALANCE) {
    const figures = figuresOf(row);
    const label: Cell[] = row.level === 0 ? [row.zh, null] : [null, row.zh];
    rows.push([...label, ...order.map((i) => (figures[i] === null || figures[i] === undefined ? null : round(figures[i]! * FUELS[i]!.tce, 4))), round(tceOf(figures))]);
  }
  rows.push(['能源消费总量', null, ...order.map(() => null), TOTAL_TCE]);
  return { rows, merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 12 } }], total: TOTAL_TCE };
}

/** Layout 3 (CSV): bilingual headings "原煤 Raw coal", units in the second heading row, English-and-Chinese row labels, blank cells. */
export function csvLayout(): Layout {
  const rows: Cell[][] = [
    ['项目 Item', ...FUELS.map((fuel) => `${fuel.zh} ${fuel.en}`)],
    ['单位 Unit', ...FUELS.map((fuel) => fuel.unit)],
  ];
  for (const row of BALANCE) {
    const figures = figuresOf(row);
    rows.push([`${row.zh} ${row.en}`, ...figures.map((value) => value ?? '')]);
  }
  return { rows, merges: [], total: TOTAL_TCE };
}

/** The template: Chinese and English headings and row labels, units in a row below, no figures. */
export function templateLayout(): Layout {
  const rows: Cell[][] = [
    ['能源平衡表（实物量）Energy balance (physical units) — 年份 Year: ____  地区 Region: ____'],
    ['项目 Item', ...FUELS.map((fuel) => `${fuel.zh} ${fuel.en}`), '合计 Total'],
    ['单位 Unit', ...FUELS.map((fuel) => fuel.unit), '万吨标准煤'],
    ...BALANCE.map((row): Cell[] => [`${'  '.repeat(row.level)}${row.zh} ${row.en}`]),
    ['能源消费总量 Total consumption'],
  ];
  return { rows, merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: FUELS.length + 1 } }], total: 0 };
}

/** A grid as CSV text (RFC 4180 quoting). */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  const field = (cell: Cell): string => {
    const value = cell === null ? '' : String(cell);
    return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
