import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { optionalMass, perTonne } from './factor.ts';

/** Fields that only the cement-based route (Eq 2.1) uses: with `clinker` given they would set it twice. */
const CEMENT_ROUTE_FIELDS = ['cement', 'clinkerFraction', 'clinkerImported', 'clinkerExported'] as const;

/**
 * Cement production (GPC IV.1.1), IPCC 2006 Vol.3 Ch.2, §2.2:
 *   Tier 1 (Eq 2.1): CO2 = [Σ(M_c × C_cl) − Im + Ex] × EF_clc,  EF_clc = 0.52 t CO2/t clinker
 *   Tier 2 (Eq 2.2): CO2 = M_cl × EF_cl × CF_ckd,  defaults EF_cl = 0.51, CF_ckd = 1.02 (§2.2.1.2)
 * The clinker is given (`clinker`), or derived from cement production with its clinker fraction
 * (`cement`, `clinkerFraction`: no default — the fraction varies from 0.5 to 0.95 by cement type)
 * less clinker imported plus clinker exported. With neither `clinkerFactor` nor `ckdCorrection`
 * the Tier 1 factor 0.52 applies; with either, Eq 2.2 with the other taken from the library.
 */
export const cement: MethodCalculator = {
  id: 'ippu-cement',
  name: { en: 'Cement production, process CO2 (IPCC 2006 Vol.3 Ch.2)', zh: '水泥生产过程 CO2（IPCC 2006 第3卷第2章）' },
  rows: ['IV.1.1'],
  fields: ['clinker', ...CEMENT_ROUTE_FIELDS, 'clinkerFactor', 'ckdCorrection'],
  compute(input) {
    const work = new MethodWork(input, 'ippu-cement');
    const clinker = clinkerProduced(work);
    const factor = clinkerFactor(work);
    if (clinker === undefined || factor === undefined) return work.finish({}, 'fossil');
    return work.finish({ co2: clinker * factor }, 'fossil');
  },
};

/** Tonnes of clinker: given, or by Eq 2.1 from cement, its clinker fraction, imports and exports. */
function clinkerProduced(work: MethodWork): number | undefined {
  const { fields, path, reader } = work.input;
  if (fields['clinker'] !== undefined) {
    for (const other of CEMENT_ROUTE_FIELDS) {
      if (fields[other] !== undefined) reader.report([...path, other], { code: 'conflict', fields: ['clinker', other] });
    }
    return work.quantity('clinker', ['mass'])?.value;
  }
  if (fields['cement'] === undefined) {
    reader.report([...path, 'clinker'], { code: 'required' });
    return undefined;
  }
  const cementMade = work.quantity('cement', ['mass'])?.value;
  const fraction = work.number('clinkerFraction', undefined, { min: 0, max: 1 });
  const imported = optionalMass(work, 'clinkerImported');
  const exported = optionalMass(work, 'clinkerExported');
  if (fields['clinkerImported'] === undefined || fields['clinkerExported'] === undefined) {
    work.state({
      code: 'no-clinker-trade',
      text: {
        en: 'clinker imported and exported taken as 0 where not given (Tier 1, Eq 2.2)',
        zh: '未填写的熟料进口量与出口量取 0（Tier 1，式 2.2）',
      },
    });
  }
  if (cementMade === undefined || fraction === undefined || imported === undefined || exported === undefined) return undefined;
  const clinkerInCement = cementMade * fraction;
  if (imported > clinkerInCement + exported) {
    reader.report([...path, 'clinkerImported'], { code: 'out-of-range', min: 0, max: clinkerInCement + exported, got: imported });
    return undefined;
  }
  return clinkerInCement - imported + exported;
}

function clinkerFactor(work: MethodWork): number | undefined {
  const { fields } = work.input;
  if (fields['clinkerFactor'] === undefined && fields['ckdCorrection'] === undefined) {
    return work.libraryValue('clinkerFactor', { parameter: 'ef-clinker-tier1' }, { en: 'CO2 per tonne of clinker (Tier 1, CKD included)', zh: '熟料 CO2 排放因子（第 1 层，含窑灰修正）' })?.toBase;
  }
  const perClinker = perTonne(work, 'clinkerFactor', { parameter: 'ef-clinker' }, { en: 'CO2 per tonne of clinker (EF_cl)', zh: '熟料 CO2 排放因子（EF_cl）' });
  const ckd = work.number('ckdCorrection', { parameter: 'ckd-correction' }, { min: 1, max: 2, label: { en: 'CKD correction factor', zh: '窑灰修正系数' } });
  return perClinker === undefined || ckd === undefined ? undefined : perClinker * ckd;
}

const LIME_TYPES = ['high-calcium', 'dolomitic-95', 'dolomitic-85'] as const;

/**
 * Lime production (GPC IV.1.1), IPCC 2006 Vol.3 Ch.2, §2.3: CO2 = M_lime × EF_lime, with EF by lime
 * type from Table 2.4 (high-calcium 0.75; dolomitic 0.86 or 0.77 by CaO·MgO content 0.95 or 0.85);
 * without a type, the Tier 1 default 0.75 for a blend of high-calcium and dolomitic lime (stated).
 * Hydrated lime and lime kiln dust corrections (Tier 2) are left to a line's `factor`.
 */
export const lime: MethodCalculator = {
  id: 'ippu-lime',
  name: { en: 'Lime production, process CO2 (IPCC 2006 Vol.3 Ch.2)', zh: '石灰生产过程 CO2（IPCC 2006 第3卷第2章）' },
  rows: ['IV.1.1'],
  fields: ['lime', 'limeType', 'factor'],
  compute(input) {
    const work = new MethodWork(input, 'ippu-lime');
    const { reader, fields, path } = input;
    const produced = work.quantity('lime', ['mass']);
    const typeName = reader.string(fields, 'limeType', path, false);
    const type = typeName === undefined ? 'unspecified' : work.category(typeName, LIME_TYPES, [...path, 'limeType']);
    if (type === undefined) return work.finish({}, 'fossil');
    const label = type === 'unspecified'
      ? { en: 'CO2 per tonne of lime, type not given (Tier 1 blend)', zh: '石灰 CO2 排放因子，未填写石灰类型（第 1 层混合默认值）' }
      : { en: `CO2 per tonne of lime, ${type}`, zh: `石灰 CO2 排放因子（${type}）` };
    const factor = perTonne(work, 'factor', { parameter: 'ef', category: type }, label);
    if (produced === undefined || factor === undefined) return work.finish({}, 'fossil');
    return work.finish({ co2: produced.value * factor }, 'fossil');
  },
};

/**
 * Glass production (GPC IV.1.1), IPCC 2006 Vol.3 Ch.2, §2.4, Tier 1 (Eq 2.10):
 *   CO2 = M_g × EF × (1 − CR)
 * with EF = 0.20 t CO2/t glass and CR the cullet ratio (recycled glass in the charge), default 0.5
 * (§2.4.1.2), so 0.10 t CO2 per tonne of glass with both defaults.
 */
export const glass: MethodCalculator = {
  id: 'ippu-glass',
  name: { en: 'Glass production, process CO2 (IPCC 2006 Vol.3 Ch.2)', zh: '玻璃生产过程 CO2（IPCC 2006 第3卷第2章）' },
  rows: ['IV.1.1'],
  fields: ['glass', 'culletRatio', 'factor'],
  compute(input) {
    const work = new MethodWork(input, 'ippu-glass');
    const produced = work.quantity('glass', ['mass']);
    const factor = perTonne(work, 'factor', { parameter: 'ef' }, { en: 'CO2 per tonne of glass (before cullet)', zh: '玻璃 CO2 排放因子（未扣除碎玻璃）' });
    const cullet = work.number('culletRatio', { parameter: 'cullet-ratio' }, { min: 0, max: 1, label: { en: 'cullet ratio', zh: '碎玻璃比例' } });
    if (produced === undefined || factor === undefined || cullet === undefined) return work.finish({}, 'fossil');
    return work.finish({ co2: produced.value * factor * (1 - cullet) }, 'fossil');
  },
};
