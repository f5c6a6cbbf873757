import { N2O_PER_NITROGEN } from '../../factors/molar-ratios.ts';
import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { LineDefaults, optionalMass, perPersonRate, weightedMcf } from './wastewater-shared.ts';

/** Treatment and discharge pathways of IPCC 2006 Vol.5 Table 6.3, each with its MCF in the library. */
export const DOMESTIC_SYSTEMS = [
  'untreated-sea-river-lake',
  'stagnant-sewer',
  'flowing-sewer',
  'aerobic-well-managed',
  'aerobic-overloaded',
  'anaerobic-digester',
  'anaerobic-reactor',
  'anaerobic-lagoon-shallow',
  'anaerobic-lagoon-deep',
  'septic',
  'latrine-dry-family',
  'latrine-dry-communal',
  'latrine-wet',
  'latrine-sediment-removal',
] as const;

/** Selects F_NON-CON (Table 6.11): 1.1 for developing, 1.4 for developed countries. */
const ECONOMIES = ['developing', 'developed'] as const;
const DAYS_PER_YEAR = 365;
const METHOD = 'wastewater-domestic';

/**
 * Domestic wastewater treatment and discharge (GPC III.4), IPCC 2006 Vol.5 Ch.6, Tier 1.
 *
 * CH4, Eqs 6.1–6.3, for the city's population as one income group:
 *   TOW = P × BOD × I × 365                      (t BOD/yr; BOD per person per day, Table 6.4;
 *                                                 I = 1.25 collected, 1.0 uncollected, Eq 6.3)
 *   EF_j = B0 × MCF_j                            (B0 0.6 kg CH4/kg BOD, Table 6.2; MCF, Table 6.3)
 *   CH4 = Σ_j (T_j × EF_j) × (TOW − S) − R       (T_j the share of each pathway, summing to 1;
 *                                                 S organics removed as sludge; R CH4 recovered)
 * N2O, Eqs 6.7–6.8, with the defaults of Table 6.11:
 *   N_EFFLUENT = P × Protein × F_NPR × F_NON-CON × F_IND-COM − N_SLUDGE − N_WWT
 *   N2O = N_EFFLUENT × EF_EFFLUENT × 44/28 + N2O_PLANTS
 * and, when the line gives the share of people served by advanced centralised plants, Box 6.1:
 *   N2O_PLANTS = P × T_PLANT × F_IND-COM × EF_PLANT (3.2 g N2O/person/yr), whose nitrogen
 *   N_WWT = N2O_PLANTS × 28/44 leaves the effluent.
 * The national U·T split of Table 6.5 is no proxy for a city and is not offered: the line gives its own mix.
 */
export const wastewaterDomestic: MethodCalculator = {
  id: METHOD,
  name: { en: 'Domestic wastewater treatment and discharge (IPCC 2006 Vol.5 Ch.6)', zh: '生活污水处理与排放（IPCC 2006 第5卷第6章）' },
  rows: ['III.4.1', 'III.4.2', 'III.4.3'],
  fields: [
    'population',
    'bod',
    'collected',
    'treatment',
    'b0',
    'sludgeRemoved',
    'recovered',
    'protein',
    'economy',
    'proteinNitrogen',
    'nonConsumedProtein',
    'industrialProtein',
    'effluentFactor',
    'sludgeNitrogen',
    'centralisedPlants',
  ],
  compute(input) {
    const work = new MethodWork(input, METHOD);
    const defaults = new LineDefaults(work);
    const population = work.quantity('population', ['population'])?.value;
    const ch4 = methane(work, defaults, population);
    const n2o = nitrousOxide(work, defaults, population);
    if (ch4 === undefined || n2o === undefined) return work.finish({}, 'non-fossil');
    return work.finish({ ch4, n2o }, 'non-fossil');
  },
};

/** Eqs 6.1–6.3: tonnes of CH4, or undefined after reporting a problem. */
function methane(work: MethodWork, defaults: LineDefaults, population: number | undefined): number | undefined {
  const { fields, path, reader } = work.input;
  const bodPerDay =
    fields['bod'] !== undefined
      ? perPersonRate(work, 'bod', true)
      : defaults.value(path, 'bod', { parameter: 'bod', category: 'asia' }, {
          en: 'BOD5 per person per day (regional default for Asia, the Middle East and Latin America: Table 6.4 has no China row)',
          zh: '人均每日 BOD5（亚洲、中东、拉丁美洲区域默认值：表 6.4 无中国数据）',
        });
  const industrialFactor = industrialBodFactor(work, defaults);
  const mcf = weightedMcf(work, defaults, fields, path, DOMESTIC_SYSTEMS);
  const b0 = work.number('b0', { parameter: 'b0' }, { min: 0, max: 1, label: { en: 'B0, maximum CH4 producing capacity', zh: 'B0，最大 CH4 产生能力' } });
  const sludge = optionalMass(work, fields, 'sludgeRemoved', path);
  const recovered = optionalMass(work, fields, 'recovered', path);
  if (sludge && !sludge.given) {
    work.state({ code: 'wastewater-no-sludge-removal', text: { en: 'no `sludgeRemoved` given: organics removed as sludge S = 0 (Eq 6.1)', zh: '未填写 `sludgeRemoved`：随污泥去除的有机物 S 取 0（式 6.1）' } });
  }
  if (recovered && !recovered.given) {
    work.state({ code: 'wastewater-no-recovery', text: { en: 'no `recovered` given: CH4 recovered R = 0 (Eq 6.1)', zh: '未填写 `recovered`：CH4 回收量 R 取 0（式 6.1）' } });
  }
  if (population === undefined || bodPerDay === undefined || industrialFactor === undefined || mcf === undefined || b0 === undefined || !sludge || !recovered) return undefined;

  const organics = population * bodPerDay * industrialFactor * DAYS_PER_YEAR;
  if (sludge.value > organics) return void reader.report([...path, 'sludgeRemoved'], { code: 'out-of-range', min: 0, max: organics, got: sludge.value });
  const generated = b0 * mcf * (organics - sludge.value);
  if (recovered.value > generated) return void reader.report([...path, 'recovered'], { code: 'out-of-range', min: 0, max: generated, got: recovered.value });
  return generated - recovered.value;
}

/**
 * I of Eq 6.3 from `collected`: true (1.25), false (1.0), or the share c of wastewater collected in
 * sewers, giving c × 1.25 + (1 − c) × 1.0. Only the factors the share needs are taken.
 */
function industrialBodFactor(work: MethodWork, defaults: LineDefaults): number | undefined {
  const { fields, path, reader } = work.input;
  const given = fields['collected'];
  let collected: number | undefined;
  if (typeof given === 'boolean') collected = given ? 1 : 0;
  else if (given === undefined || typeof given === 'number') collected = reader.number(fields, 'collected', path, { required: true, min: 0, max: 1 });
  else return void reader.report([...path, 'collected'], { code: 'type', expected: 'boolean', got: Array.isArray(given) ? 'array' : given === null ? 'null' : typeof given });
  if (collected === undefined) return undefined;
  const factor = (category: 'collected' | 'uncollected'): number | undefined =>
    defaults.value(path, 'collected', { parameter: 'industrial-bod', category }, {
      en: `I, industrial BOD co-discharged into sewers (${category} wastewater)`,
      zh: `I，共同排入下水道的工业 BOD（${category === 'collected' ? '收集的' : '未收集的'}污水）`,
    });
  const collectedFactor = collected > 0 ? factor('collected') : 0;
  const uncollectedFactor = collected < 1 ? factor('uncollected') : 0;
  if (collectedFactor === undefined || uncollectedFactor === undefined) return undefined;
  return collected * collectedFactor + (1 - collected) * uncollectedFactor;
}

/** Eqs 6.7–6.8 and Box 6.1: tonnes of N2O, or undefined after reporting a problem. */
function nitrousOxide(work: MethodWork, defaults: LineDefaults, population: number | undefined): number | undefined {
  const { fields, path, reader } = work.input;
  const proteinPerDay = perPersonRate(work, 'protein', true);
  const proteinNitrogen = work.number('proteinNitrogen', { parameter: 'protein-nitrogen' }, { min: 0, max: 1, label: { en: 'F_NPR, fraction of nitrogen in protein', zh: 'F_NPR，蛋白质含氮比例' } });
  const nonConsumed = nonConsumedProtein(work);
  const industrialProtein = work.number('industrialProtein', { parameter: 'industrial-protein' }, { label: { en: 'F_IND-COM, industrial and commercial co-discharged protein', zh: 'F_IND-COM，工业和商业共同排放的蛋白质' } });
  const effluentFactor = work.number('effluentFactor', { parameter: 'effluent-factor' }, { min: 0, max: 1, label: { en: 'EF_EFFLUENT, N2O-N per N discharged', zh: 'EF_EFFLUENT，单位排放氮的 N2O-N' } });
  let sludgeNitrogen: number | undefined;
  if (fields['sludgeNitrogen'] !== undefined) {
    const given = work.quantity('sludgeNitrogen', ['mass']);
    if (given) work.listGiven('sludgeNitrogen', given.given);
    sludgeNitrogen = given?.value;
  } else {
    sludgeNitrogen = defaults.value(path, 'sludgeNitrogen', { parameter: 'sludge-nitrogen' }, { en: 'N_SLUDGE, nitrogen removed with sludge', zh: 'N_SLUDGE，随污泥去除的氮' });
  }
  const plantShare = fields['centralisedPlants'] === undefined ? 0 : reader.number(fields, 'centralisedPlants', path, { required: true, min: 0, max: 1 });
  const plantFactor =
    plantShare !== undefined && plantShare > 0
      ? defaults.value(path, 'centralisedPlants', { parameter: 'plant-factor' }, { en: 'EF_PLANT, N2O per person per year from advanced centralised plants', zh: 'EF_PLANT，先进集中式污水处理厂人均年 N2O' })
      : 0;
  if (fields['centralisedPlants'] === undefined) {
    work.state({
      code: 'wastewater-no-plant-n2o',
      text: {
        en: 'no `centralisedPlants` given: direct N2O from advanced centralised plants (Box 6.1) not estimated; all nitrogen counted in effluent',
        zh: '未填写 `centralisedPlants`：未估算先进集中式污水处理厂的直接 N2O（专栏 6.1），全部氮按排放计',
      },
    });
  }
  if (
    population === undefined ||
    proteinPerDay === undefined ||
    proteinNitrogen === undefined ||
    nonConsumed === undefined ||
    industrialProtein === undefined ||
    effluentFactor === undefined ||
    sludgeNitrogen === undefined ||
    plantShare === undefined ||
    plantFactor === undefined
  ) {
    return undefined;
  }

  // Rates are in tonnes per person per day (time's base unit): EF_PLANT's g/yr and Protein alike.
  const plantN2o = population * plantShare * industrialProtein * plantFactor * DAYS_PER_YEAR;
  const nitrogenInWastewater = population * proteinPerDay * DAYS_PER_YEAR * proteinNitrogen * nonConsumed * industrialProtein;
  const effluentNitrogen = nitrogenInWastewater - sludgeNitrogen - plantN2o / N2O_PER_NITROGEN;
  if (effluentNitrogen < 0) {
    return void reader.report([...path, 'sludgeNitrogen'], { code: 'out-of-range', min: 0, max: Math.max(0, nitrogenInWastewater - plantN2o / N2O_PER_NITROGEN), got: sludgeNitrogen });
  }
  return effluentNitrogen * effluentFactor * N2O_PER_NITROGEN + plantN2o;
}

/** F_NON-CON: the line's own factor, or Table 6.11's for the line's `economy` (which is then required). */
function nonConsumedProtein(work: MethodWork): number | undefined {
  const { fields, path, reader } = work.input;
  if (fields['nonConsumedProtein'] !== undefined) {
    if (fields['economy'] !== undefined) return void reader.report([...path, 'nonConsumedProtein'], { code: 'conflict', fields: ['economy', 'nonConsumedProtein'] });
    return work.number('nonConsumedProtein', undefined);
  }
  const economy = reader.choice(fields, 'economy', path, ECONOMIES, true);
  if (economy === undefined) return undefined;
  return work.number('nonConsumedProtein', { parameter: 'non-consumed-protein', category: economy }, {
    label: { en: `F_NON-CON, non-consumed protein added to wastewater (${economy} countries)`, zh: `F_NON-CON，未消费蛋白质进入污水（${economy === 'developing' ? '发展中国家' : '发达国家'}）` },
  });
}
