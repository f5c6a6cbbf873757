import { factorRef } from '../../accounting/statements.ts';
import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';

const SEGMENTS = ['production', 'transmission', 'distribution'] as const;
type Segment = (typeof SEGMENTS)[number];
const ENDS = ['low', 'high'] as const;

const SEGMENT_NAMES: Record<Segment, { en: string; zh: string }> = {
  production: { en: 'gas production', zh: '天然气开采' },
  transmission: { en: 'gas transmission', zh: '天然气输送' },
  distribution: { en: 'gas distribution', zh: '天然气配送' },
};

/**
 * Fugitive emissions from natural gas systems (GPC I.8.1), IPCC 2006 Vol.2 Ch.4.2, Tier 1:
 *   CH4 [t] = V × EF_CH4,   CO2 [t] = V × EF_CO2
 * V the segment's gas volume: produced (production), marketable gas transmitted (transmission), or
 * utility sales (distribution). Table 4.2.5 gives developing countries a RANGE of CH4 factors, not a
 * default (Gg per 10⁶ m³, numerically kg/m³): production 3.8E-04–2.4E-02, transmission 1.66E-04–1.1E-03,
 * distribution 1.1E-03–2.5E-03. So the line must pick an end (`estimate: low | high`, stated) or give
 * its own `ch4Factor`. The reference holds no Table 4.2.5 CO2 value: CO2 is counted only from a
 * line's `co2Factor`, otherwise stated as not estimated.
 */
export const oilGasSystems: MethodCalculator = {
  id: 'oil-gas-systems',
  name: { en: 'Fugitive emissions from natural gas systems (IPCC 2006 Vol.2 Ch.4.2, Tier 1)', zh: '天然气系统逸散排放（IPCC 2006 第2卷第4.2章，方法1）' },
  rows: ['I.8.1'],
  fields: ['segment', 'volume', 'estimate', 'ch4Factor', 'co2Factor'],
  compute(input) {
    const work = new MethodWork(input, 'oil-gas-systems');
    const { reader, fields, path, library } = input;
    const segment = reader.choice(fields, 'segment', path, SEGMENTS, true);
    const volume = work.quantity('volume', ['volume']);
    const end = reader.choice(fields, 'estimate', path, ENDS, false);
    if (fields['estimate'] !== undefined && fields['ch4Factor'] !== undefined) {
      reader.report([...path, 'estimate'], { code: 'conflict', fields: ['estimate', 'ch4Factor'] });
    }
    if (segment === undefined || volume === undefined) return work.finish({}, 'fossil');
    const name = SEGMENT_NAMES[segment];

    let ch4PerM3: number | undefined;
    if (fields['ch4Factor'] !== undefined) {
      const given = work.quantity('ch4Factor', ['mass/volume']);
      if (given) work.listGiven('ch4Factor', given.given);
      ch4PerM3 = given?.value;
    } else if (fields['estimate'] === undefined) {
      // A range is not a default: the line has to choose an end of it, or give its own factor.
      reader.report([...path, 'estimate'], { code: 'missing-parameter', field: 'estimate', method: 'oil-gas-systems', category: segment });
    } else if (end !== undefined) {
      const [low, high] = ENDS.map((variant) => library.one({ kind: 'parameter', method: 'oil-gas-systems', parameter: 'ef-ch4', category: segment, variant }));
      const chosen = end === 'low' ? low : high;
      if (!chosen || !low || !high) {
        reader.report([...path, 'estimate'], { code: 'missing-parameter', field: 'estimate', method: 'oil-gas-systems', category: segment });
      } else {
        work.factors.push(factorRef(chosen));
        ch4PerM3 = chosen.toBase;
        const range = `${low.value}–${high.value} ${low.unit.id}`;
        work.state({
          code: 'oil-gas-range-end',
          text: {
            en: `CH4 factor, ${name.en}: ${chosen.id} = ${chosen.value} ${chosen.unit.id}, the ${end} end of the IPCC 2006 Table 4.2.5 range for developing countries (${range}, i.e. Gg per 10⁶ m³), as the line's \`estimate\` chose`,
            zh: `${name.zh} CH4 排放因子：按该行 \`estimate\` 取 IPCC 2006 表4.2.5 发展中国家范围（${range}，即 Gg/10⁶ 立方米）的${end === 'low' ? '低' : '高'}端 ${chosen.id} = ${chosen.value} ${chosen.unit.id}`,
          },
        });
      }
    }

    let co2PerM3 = 0;
    if (fields['co2Factor'] !== undefined) {
      const given = work.quantity('co2Factor', ['mass/volume']);
      if (given) work.listGiven('co2Factor', given.given);
      co2PerM3 = given?.value ?? 0;
    } else {
      work.state({
        code: 'oil-gas-co2-not-estimated',
        text: {
          en: `CO2 of ${name.en} not estimated: the library holds no Table 4.2.5 CO2 factor; give \`co2Factor\` to count it`,
          zh: `${name.zh}的 CO2 未计：因子库没有表4.2.5 的 CO2 因子，如需计入请填写 \`co2Factor\``,
        },
      });
    }
    if (ch4PerM3 === undefined) return work.finish({}, 'fossil');
    return work.finish({ ch4: volume.value * ch4PerM3, co2: volume.value * co2PerM3 }, 'fossil');
  },
};
