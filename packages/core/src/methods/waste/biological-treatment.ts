import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';

const TREATMENTS = ['composting', 'anaerobic-digestion'] as const;
const BASES = ['wet', 'dry'] as const;

/**
 * Biological treatment of solid waste (GPC III.2), IPCC 2006 Vol.5 Ch.4, Eqs 4.1 and 4.2:
 *   CH4 = M × EF_CH4 − R,   N2O = M × EF_N2O
 * with M the mass treated (wet or dry, as the factors), EF from Table 4.1 (g per kg treated), and R the
 * CH4 recovered (flared or used). Anaerobic digestion's N2O is negligible (Table 4.1).
 */
export const biologicalTreatment: MethodCalculator = {
  id: 'biological-treatment',
  name: { en: 'Biological treatment of waste (IPCC 2006 Vol.5 Ch.4)', zh: '废弃物生物处理（IPCC 2006 第5卷第4章）' },
  rows: ['III.2.1', 'III.2.2', 'III.2.3'],
  fields: ['treatment', 'waste', 'basis', 'ch4Factor', 'n2oFactor', 'recovered'],
  compute(input) {
    const work = new MethodWork(input, 'biological-treatment');
    const { reader, fields, path } = input;
    const treatmentName = reader.string(fields, 'treatment', path, true);
    const treatment = treatmentName === undefined ? undefined : work.category(treatmentName, TREATMENTS, [...path, 'treatment']);
    const waste = work.quantity('waste', ['mass']);
    const basisGiven = reader.choice(fields, 'basis', path, BASES, false);
    const basis = basisGiven ?? 'wet';
    if (basisGiven === undefined) {
      work.state({
        code: 'waste-basis-wet',
        text: { en: 'waste mass taken as wet weight (no `basis` given)', zh: '未填写 `basis`，废弃物按湿重计' },
      });
    }
    if (treatment === undefined || waste === undefined) return work.finish({}, 'non-fossil');

    // Factors per tonne treated: the line's (mass/mass) or Table 4.1's for the treatment and basis.
    const factor = (field: 'ch4Factor' | 'n2oFactor', parameter: string, label: { en: string; zh: string }): number | undefined => {
      if (fields[field] !== undefined) {
        const given = work.quantity(field, ['mass/mass']);
        if (given) work.listGiven(field, given.given);
        return given?.value;
      }
      return work.libraryValue(field, { parameter, category: treatment, variant: basis }, label)?.toBase;
    };
    const ch4PerTonne = factor('ch4Factor', 'ef-ch4', { en: `CH4 factor, ${treatment} (${basis} basis)`, zh: `CH4 排放因子（${treatment}，${basis === 'wet' ? '湿基' : '干基'}）` });
    const n2oPerTonne = factor('n2oFactor', 'ef-n2o', { en: `N2O factor, ${treatment} (${basis} basis)`, zh: `N2O 排放因子（${treatment}，${basis === 'wet' ? '湿基' : '干基'}）` });
    if (fields['recovered'] === undefined) {
      work.state({ code: 'no-ch4-recovered', text: { en: 'no CH4 recovered (no `recovered` given): R = 0', zh: '未填写 `recovered`：CH4 回收量 R 取 0' } });
    }
    const recovered = fields['recovered'] === undefined ? 0 : work.quantity('recovered', ['mass'])?.value;
    if (ch4PerTonne === undefined || n2oPerTonne === undefined || recovered === undefined) return work.finish({}, 'non-fossil');
    const generated = waste.value * ch4PerTonne;
    if (recovered > generated) {
      reader.report([...path, 'recovered'], { code: 'out-of-range', min: 0, max: generated, got: recovered });
    }
    return work.finish({ ch4: generated - recovered, n2o: waste.value * n2oPerTonne }, 'non-fossil', { quantity: 'waste', value: waste.value, unit: 't' });
  },
};
