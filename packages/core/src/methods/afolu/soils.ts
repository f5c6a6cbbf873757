import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { CO2_PER_CARBON, N2O_PER_NITROGEN } from '../../factors/molar-ratios.ts';
import { factorOrDefault, optionalQuantity } from './values.ts';

/**
 * Synthetic fertiliser N2O (GPC V.3.1), IPCC 2006 Vol.4 Ch.11, Tier 1:
 *   direct (Eq 11.1):            N2O–N = F_SN × EF1 + F_SN,FR × EF1FR
 *   volatilisation (Eq 11.9):    N2O–N = (F_SN + F_SN,FR) × FracGASF × EF4
 *   leaching/runoff (Eq 11.10):  N2O–N = (F_SN + F_SN,FR) × FracLEACH × EF5
 *   N2O = N2O–N × 44/28
 * F_SN the synthetic N applied to soils other than flooded rice, F_SN,FR to flooded rice (tonnes of N,
 * not of fertiliser product). EF1 0.01, EF1FR 0.003 (Table 11.1); FracGASF 0.10, EF4 0.010, EF5 0.0075
 * (Table 11.3); FracLEACH 0.30 (Table 11.3, wet regions or irrigated land; 0 elsewhere, which the line
 * then gives as `fracLeach: 0`), stated when defaulted.
 */
export const fertiliserN2o: MethodCalculator = {
  id: 'fertiliser-n2o',
  name: { en: 'Synthetic fertiliser N2O, direct and indirect (IPCC 2006 Vol.4 Ch.11)', zh: '化肥氮 N2O 直接与间接排放（IPCC 2006 第4卷第11章）' },
  rows: ['V.3.1'],
  fields: ['syntheticN', 'floodedRiceN', 'ef1', 'ef1FloodedRice', 'fracGasf', 'ef4', 'fracLeach', 'ef5'],
  compute(input) {
    const work = new MethodWork(input, 'fertiliser-n2o');
    const { fields, path, reader } = input;
    if (fields['syntheticN'] === undefined && fields['floodedRiceN'] === undefined) {
      reader.report([...path, 'syntheticN'], { code: 'required' });
      return undefined;
    }
    // A factor for N the line does not apply has nothing to multiply.
    if (fields['syntheticN'] === undefined && fields['ef1'] !== undefined) reader.report([...path, 'syntheticN'], { code: 'required' });
    if (fields['floodedRiceN'] === undefined && fields['ef1FloodedRice'] !== undefined) reader.report([...path, 'floodedRiceN'], { code: 'required' });
    const ratio = { min: 0, max: 1 };
    const upland = optionalQuantity(work, 'syntheticN', 'mass');
    const rice = optionalQuantity(work, 'floodedRiceN', 'mass');
    const ef1 = fields['syntheticN'] === undefined ? 0 : work.number('ef1', { parameter: 'ef1' }, { ...ratio, label: { en: 'EF1 (direct N2O)', zh: 'EF1（直接 N2O）' } });
    const ef1Rice = fields['floodedRiceN'] === undefined ? 0 : work.number('ef1FloodedRice', { parameter: 'ef1-flooded-rice' }, { ...ratio, label: { en: 'EF1FR (flooded rice)', zh: 'EF1FR（淹水稻田）' } });
    const fracGasf = work.number('fracGasf', { parameter: 'frac-gasf' }, { ...ratio, label: { en: 'FracGASF', zh: 'FracGASF' } });
    const ef4 = work.number('ef4', { parameter: 'ef4' }, { ...ratio, label: { en: 'EF4 (volatilisation)', zh: 'EF4（挥发沉降）' } });
    const leaching = leachingFactor(work);
    if (upland === undefined || rice === undefined || ef1 === undefined || ef1Rice === undefined || fracGasf === undefined || ef4 === undefined || leaching === undefined) {
      return work.finish({}, 'non-fossil');
    }
    const applied = upland + rice;
    const n2oN = upland * ef1 + rice * ef1Rice + applied * fracGasf * ef4 + applied * leaching;
    return work.finish({ n2o: n2oN * N2O_PER_NITROGEN }, 'non-fossil');
  },
};

/**
 * FracLEACH × EF5: the line's FracLEACH, else the Table 11.3 default for wet or irrigated land (0.30), stated with
 * its condition; a dry region without irrigation gives `fracLeach: 0`.
 */
function leachingFactor(work: MethodWork): number | undefined {
  const defaulted = work.input.fields['fracLeach'] === undefined;
  const fracLeach = work.number('fracLeach', { parameter: 'frac-leach' }, { min: 0, max: 1, label: { en: 'FracLEACH (leaching and runoff)', zh: 'FracLEACH（淋溶和径流）' } });
  if (defaulted && fracLeach !== undefined) {
    work.state({
      code: 'frac-leach-wet-default',
      text: {
        en: 'FracLEACH 0.30 is the IPCC default for wet regions or irrigated land (Table 11.3); where evapotranspiration exceeds rainfall and there is no irrigation, give `fracLeach: 0`',
        zh: 'FracLEACH 0.30 为 IPCC 对湿润地区或灌溉农田的默认值（表 11.3）；蒸散量大于降水量且无灌溉的地区应填写 `fracLeach: 0`',
      },
    });
  }
  const ef5 = work.number('ef5', { parameter: 'ef5' }, { min: 0, max: 1, label: { en: 'EF5 (leaching and runoff)', zh: 'EF5（淋溶和径流）' } });
  return fracLeach === undefined || ef5 === undefined ? undefined : fracLeach * ef5;
}

const CARBONATES = [
  { field: 'limestone', factorField: 'limestoneFactor', category: 'limestone', label: { en: 'carbon per tonne of limestone', zh: '石灰石碳排放因子' } },
  { field: 'dolomite', factorField: 'dolomiteFactor', category: 'dolomite', label: { en: 'carbon per tonne of dolomite', zh: '白云石碳排放因子' } },
] as const;

/**
 * Liming (GPC V.3.1), IPCC 2006 Vol.4 Ch.11, Eq 11.12:
 *   CO2 = (M_limestone × 0.12 + M_dolomite × 0.13) × 44/12
 * M the tonnes of limestone (CaCO3) and dolomite (CaMg(CO3)2) applied to soils; factors in t C/t.
 */
export const liming: MethodCalculator = {
  id: 'liming',
  name: { en: 'Liming of soils, CO2 (IPCC 2006 Vol.4 Ch.11, Eq 11.12)', zh: '土壤施用石灰 CO2（IPCC 2006 第4卷第11章式 11.12）' },
  rows: ['V.3.1'],
  fields: ['limestone', 'dolomite', 'limestoneFactor', 'dolomiteFactor'],
  compute(input) {
    const work = new MethodWork(input, 'liming');
    const { fields, path, reader } = input;
    if (fields['limestone'] === undefined && fields['dolomite'] === undefined) {
      reader.report([...path, 'limestone'], { code: 'required' });
      return undefined;
    }
    let carbon = 0;
    for (const carbonate of CARBONATES) {
      if (fields[carbonate.field] === undefined) {
        // A factor for a carbonate the line does not apply has nothing to multiply.
        if (fields[carbonate.factorField] !== undefined) reader.report([...path, carbonate.field], { code: 'required' });
        continue;
      }
      const applied = work.quantity(carbonate.field, ['mass']);
      const factor = factorOrDefault(work, { field: carbonate.factorField, dimension: 'carbon/mass', criteria: { parameter: 'ef', category: carbonate.category }, label: carbonate.label });
      if (applied !== undefined && factor !== undefined) carbon += applied.value * factor;
    }
    return work.finish({ co2: carbon * CO2_PER_CARBON }, 'non-fossil');
  },
};

/**
 * Urea fertilisation (GPC V.3.1), IPCC 2006 Vol.4 Ch.11, Eq 11.13:
 *   CO2 = M_urea × 0.20 × 44/12
 * M the tonnes of urea applied (the product, not its N); the factor is the carbon content of urea.
 */
export const urea: MethodCalculator = {
  id: 'urea',
  name: { en: 'Urea fertilisation, CO2 (IPCC 2006 Vol.4 Ch.11, Eq 11.13)', zh: '尿素施用 CO2（IPCC 2006 第4卷第11章式 11.13）' },
  rows: ['V.3.1'],
  fields: ['urea', 'factor'],
  compute(input) {
    const work = new MethodWork(input, 'urea');
    const applied = work.quantity('urea', ['mass']);
    const factor = factorOrDefault(work, { field: 'factor', dimension: 'carbon/mass', criteria: { parameter: 'ef' }, label: { en: 'carbon per tonne of urea', zh: '尿素碳排放因子' } });
    if (applied === undefined || factor === undefined) return work.finish({}, 'non-fossil');
    return work.finish({ co2: applied.value * factor * CO2_PER_CARBON }, 'non-fossil');
  },
};
