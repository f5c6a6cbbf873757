import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { LineDefaults, optionalMass, readList, weightedMcf, type ListItem } from './wastewater-shared.ts';

/** Industries of IPCC 2006 Vol.5 Table 6.9, and `other` (whose W and COD the line must give). */
export const INDUSTRIES = [
  'alcohol-refining',
  'beer-malt',
  'dairy',
  'meat-poultry',
  'organic-chemicals',
  'petroleum-refineries',
  'plastics-resins',
  'pulp-paper',
  'starch',
  'sugar-refining',
  'vegetable-oils',
  'vegetables-fruits-juices',
  'wine-vinegar',
  'other',
] as const;
type Industry = (typeof INDUSTRIES)[number];

/** Pathways of Table 6.8 (industrial MCFs). Wastewater sent to the city's sewers belongs to the domestic method (I = 1.25). */
export const INDUSTRIAL_SYSTEMS = [
  'untreated-sea-river-lake',
  'aerobic-well-managed',
  'aerobic-overloaded',
  'anaerobic-digester',
  'anaerobic-reactor',
  'anaerobic-lagoon-shallow',
  'anaerobic-lagoon-deep',
] as const;

const INDUSTRY_FIELDS: ReadonlySet<string> = new Set(['industry', 'production', 'wastewater', 'cod', 'organics', 'treatment', 'sludgeRemoved', 'recovered']);
const METHOD = 'wastewater-industrial';

/**
 * Industrial wastewater treatment and discharge (GPC III.4), IPCC 2006 Vol.5 Ch.6, Eqs 6.4–6.6:
 *   TOW_i = P_i × W_i × COD_i                     (t COD/yr: production t × m3/t × kg COD/m3, Table 6.9)
 *   EF_i = B0 × Σ_j T_ij × MCF_j                  (B0 0.25 kg CH4/kg COD, Table 6.2; MCF, Table 6.8)
 *   CH4 = Σ_i (TOW_i − S_i) × EF_i − R_i
 * An industry whose COD load is measured gives `organics` (TOW_i) instead of production, W and COD.
 * IPCC 2006 gives no Tier 1 N2O for industrial wastewater (industrial protein in sewers is counted by
 * F_IND-COM in the domestic method): none is computed, and that is stated.
 */
export const wastewaterIndustrial: MethodCalculator = {
  id: METHOD,
  name: { en: 'Industrial wastewater treatment and discharge (IPCC 2006 Vol.5 Ch.6)', zh: '工业废水处理与排放（IPCC 2006 第5卷第6章）' },
  rows: ['III.4.1', 'III.4.2', 'III.4.3'],
  fields: ['industries', 'b0'],
  compute(input) {
    const work = new MethodWork(input, METHOD);
    const defaults = new LineDefaults(work);
    const { fields, path } = input;
    const b0 = work.number('b0', { parameter: 'b0' }, { min: 0, max: 1, label: { en: 'B0, maximum CH4 producing capacity', zh: 'B0，最大 CH4 产生能力' } });
    const items = readList(work, fields, 'industries', path, INDUSTRY_FIELDS) ?? [];
    let ch4 = 0;
    const noSludge: string[] = [];
    const noRecovery: string[] = [];
    for (const item of items) {
      const result = industryMethane(work, defaults, item, b0);
      if (result === undefined) continue;
      ch4 += result.ch4;
      if (!result.sludgeGiven) noSludge.push(result.label);
      if (!result.recoveryGiven) noRecovery.push(result.label);
    }
    if (noSludge.length > 0) {
      work.state({ code: 'wastewater-no-sludge-removal', text: { en: `no \`sludgeRemoved\` given for ${noSludge.join(', ')}: S = 0 (Eq 6.4)`, zh: `${noSludge.join('、')} 未填写 \`sludgeRemoved\`：S 取 0（式 6.4）` } });
    }
    if (noRecovery.length > 0) {
      work.state({ code: 'wastewater-no-recovery', text: { en: `no \`recovered\` given for ${noRecovery.join(', ')}: R = 0 (Eq 6.4)`, zh: `${noRecovery.join('、')} 未填写 \`recovered\`：R 取 0（式 6.4）` } });
    }
    work.state({
      code: 'wastewater-industrial-no-n2o',
      text: {
        en: 'N2O from industrial wastewater not estimated: IPCC 2006 has no Tier 1 method (co-discharged industrial protein is counted by F_IND-COM in domestic wastewater)',
        zh: '未估算工业废水 N2O：IPCC 2006 无 Tier 1 方法（排入下水道的工业蛋白质已由生活污水的 F_IND-COM 计入）',
      },
    });
    return work.finish({ ch4 }, 'non-fossil');
  },
};

/** One industry's CH4 (t), or undefined after reporting its problems. */
function industryMethane(
  work: MethodWork,
  defaults: LineDefaults,
  item: ListItem,
  b0: number | undefined,
): { ch4: number; label: string; sludgeGiven: boolean; recoveryGiven: boolean } | undefined {
  const { reader } = work.input;
  const name = reader.string(item.fields, 'industry', item.path, true);
  const industry = name === undefined ? undefined : work.category(name, INDUSTRIES, [...item.path, 'industry']);
  const organics = industryOrganics(work, defaults, item, industry);
  const mcf = weightedMcf(work, defaults, item.fields, item.path, INDUSTRIAL_SYSTEMS);
  const sludge = optionalMass(work, item.fields, 'sludgeRemoved', item.path);
  const recovered = optionalMass(work, item.fields, 'recovered', item.path);
  if (industry === undefined || organics === undefined || mcf === undefined || b0 === undefined || !sludge || !recovered) return undefined;

  if (sludge.value > organics) return void reader.report([...item.path, 'sludgeRemoved'], { code: 'out-of-range', min: 0, max: organics, got: sludge.value });
  const generated = (organics - sludge.value) * b0 * mcf;
  if (recovered.value > generated) return void reader.report([...item.path, 'recovered'], { code: 'out-of-range', min: 0, max: generated, got: recovered.value });
  const index = item.path[item.path.length - 1];
  return { ch4: generated - recovered.value, label: `industries[${String(index)}] (${industry})`, sludgeGiven: sludge.given, recoveryGiven: recovered.given };
}

/** TOW_i in t COD: the entry's measured `organics`, or production × W × COD (Eq 6.6). */
function industryOrganics(work: MethodWork, defaults: LineDefaults, item: ListItem, industry: Industry | undefined): number | undefined {
  const { reader } = work.input;
  const { fields, path } = item;
  if (fields['organics'] !== undefined) {
    let clash = false;
    for (const other of ['production', 'wastewater', 'cod'] as const) {
      if (fields[other] === undefined) continue;
      reader.report([...path, other], { code: 'conflict', fields: ['organics', other] });
      clash = true;
    }
    const organics = work.quantity('organics', ['mass'], { fields, path });
    if (organics) work.listGiven('organics', organics.given);
    return clash ? undefined : organics?.value;
  }
  const production = work.quantity('production', ['mass'], { fields, path });
  if (production) work.listGiven('production', production.given);
  const perTonne = (field: 'wastewater' | 'cod', dimension: 'volume/mass' | 'mass/volume', label: { en: string; zh: string }): number | undefined => {
    if (fields[field] !== undefined) {
      const given = work.quantity(field, [dimension], { fields, path });
      if (given) work.listGiven(field, given.given);
      return given?.value;
    }
    return industry === undefined ? undefined : defaults.value(path, field, { parameter: field, category: industry }, label);
  };
  const wastewater = perTonne('wastewater', 'volume/mass', { en: `W, wastewater per tonne of product (${industry ?? ''})`, zh: `W，单位产品废水量（${industry ?? ''}）` });
  const cod = perTonne('cod', 'mass/volume', { en: `COD of the wastewater (${industry ?? ''})`, zh: `废水 COD 浓度（${industry ?? ''}）` });
  if (production === undefined || wastewater === undefined || cod === undefined) return undefined;
  return production.value * wastewater * cod;
}
