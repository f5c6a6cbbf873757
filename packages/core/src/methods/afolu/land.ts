import type { Path } from '../../issues/issue.ts';
import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { CO2_PER_CARBON } from '../../factors/molar-ratios.ts';

const STOCK_FIELDS: ReadonlySet<string> = new Set(['year', 'carbon']);

/**
 * Land (GPC V.2.1), stock-difference method, IPCC 2006 Vol.4 Ch.2, Eq 2.5:
 *   ΔC = (C_t2 − C_t1) / (t2 − t1),   CO2 = −ΔC × 44/12
 * C the carbon stock of the land (tonnes C, the pools the city measures) at two inventories. A stock
 * that grows is a removal: the line's CO2 is negative. No stock has a default: both come from the line.
 */
export const landStockDifference: MethodCalculator = {
  id: 'land-stock-difference',
  name: { en: 'Land: carbon stock change by stock difference (IPCC 2006 Vol.4 Ch.2, Eq 2.5)', zh: '土地：碳储量变化（储量差法，IPCC 2006 第4卷第2章式 2.5）' },
  rows: ['V.2.1'],
  fields: ['stockStart', 'stockEnd'],
  compute(input) {
    const work = new MethodWork(input, 'land-stock-difference');
    const start = readStock(work, 'stockStart');
    const end = readStock(work, 'stockEnd');
    if (!start || !end) return work.finish({}, 'non-fossil');
    if (end.year <= start.year) {
      input.reader.report([...input.path, 'stockEnd', 'year'], { code: 'out-of-range', min: start.year + 1, max: 2100, got: end.year });
      return work.finish({}, 'non-fossil');
    }
    const annualChange = (end.carbon - start.carbon) / (end.year - start.year);
    const year = input.year;
    const outside = year !== undefined && (year < start.year || year > end.year);
    work.state({
      code: 'land-stock-change-averaged',
      text: {
        en: `annual carbon stock change averaged over ${start.year}–${end.year} (Eq 2.5)${outside ? `, applied to inventory year ${year} outside that interval` : ''}; a stock gain is a removal (negative CO2)`,
        zh: `年碳储量变化取 ${start.year}–${end.year} 年平均值（式 2.5）${outside ? `，用于该区间之外的清单年份 ${year}` : ''}；储量增加计为清除（CO2 为负值）`,
      },
    });
    return work.finish({ co2: -annualChange * CO2_PER_CARBON }, 'non-fossil');
  },
};

function readStock(work: MethodWork, field: string): { year: number; carbon: number } | undefined {
  const { reader, fields, path } = work.input;
  const at: Path = [...path, field];
  if (fields[field] === undefined) {
    reader.report(at, { code: 'required' });
    return undefined;
  }
  const holder = reader.object(fields[field], at);
  if (!holder) return undefined;
  reader.onlyFields(holder, STOCK_FIELDS, at);
  const year = reader.dataYear(holder, 'year', at, { required: true, earliest: 1900, inventoryYear: work.input.year });
  const carbon = work.quantity('carbon', ['carbon'], { fields: holder, path: at });
  if (year === undefined || carbon === undefined) return undefined;
  work.listGiven(`${field}.carbon (${year})`, carbon.given);
  return { year, carbon: carbon.value };
}

/**
 * Land (GPC V.2.1), gain-loss method, IPCC 2006 Vol.4 Ch.2, Eq 2.4:
 *   ΔC = ΔC_G − ΔC_L,   CO2 = −ΔC × 44/12
 * the annual carbon gain (growth) and loss (harvest, fuelwood, disturbance) in tonnes C per year,
 * both from the line. A net gain is a removal: the line's CO2 is negative.
 */
export const landGainLoss: MethodCalculator = {
  id: 'land-gain-loss',
  name: { en: 'Land: carbon stock change by gains and losses (IPCC 2006 Vol.4 Ch.2, Eq 2.4)', zh: '土地：碳储量变化（增减法，IPCC 2006 第4卷第2章式 2.4）' },
  rows: ['V.2.1'],
  fields: ['gains', 'losses'],
  compute(input) {
    const work = new MethodWork(input, 'land-gain-loss');
    const gains = work.quantity('gains', ['carbon']);
    const losses = work.quantity('losses', ['carbon']);
    if (gains === undefined || losses === undefined) return work.finish({}, 'non-fossil');
    work.listGiven('gains', gains.given);
    work.listGiven('losses', losses.given);
    work.state({
      code: 'land-gain-loss-annual',
      text: {
        en: 'gains and losses read as tonnes of carbon per year of the inventory (Eq 2.4); a net gain is a removal (negative CO2)',
        zh: '碳增加量与损失量按清单年度每年吨碳计（式 2.4）；净增加计为清除（CO2 为负值）',
      },
    });
    return work.finish({ co2: -(gains.value - losses.value) * CO2_PER_CARBON }, 'non-fossil');
  },
};
