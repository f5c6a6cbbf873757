import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { optionalMass, perTonne } from './factor.ts';

const AMMONIA_PROCESSES = ['conventional-reforming', 'excess-air', 'autothermal', 'partial-oxidation'] as const;

/**
 * Ammonia production (GPC IV.1.1), IPCC 2006 Vol.3 Ch.3, §3.2, Eq 3.1 with the Tier 1 factors of
 * Table 3.1 (fuel and feedstock together, modern plants):
 *   CO2 = AP × EF_process − R_CO2
 * with R_CO2 the CO2 recovered for downstream use (urea), which is emitted where the urea is used.
 * Table 3.1's partial-oxidation factor is for modern plants; coal-gasification plants emit more:
 * give their own `factor`.
 */
export const ammonia: MethodCalculator = {
  id: 'ippu-ammonia',
  name: { en: 'Ammonia production, CO2 (IPCC 2006 Vol.3 Ch.3)', zh: '合成氨生产 CO2（IPCC 2006 第3卷第3章）' },
  rows: ['IV.1.1'],
  fields: ['ammonia', 'process', 'factor', 'co2Recovered'],
  compute(input) {
    const work = new MethodWork(input, 'ippu-ammonia');
    const { reader, fields, path } = input;
    const produced = work.quantity('ammonia', ['mass']);
    // The process picks the default; with the line's own factor it only labels the line.
    const processName = reader.string(fields, 'process', path, fields['factor'] === undefined);
    const process = processName === undefined ? undefined : work.category(processName, AMMONIA_PROCESSES, [...path, 'process']);
    const recovered = optionalMass(work, 'co2Recovered');
    const factor =
      fields['factor'] !== undefined || process !== undefined
        ? perTonne(work, 'factor', process === undefined ? undefined : { parameter: 'ef', category: process }, {
            en: `CO2 per tonne of ammonia, ${process ?? ''}`,
            zh: `合成氨 CO2 排放因子（${process ?? ''}）`,
          })
        : undefined;
    if (produced === undefined || recovered === undefined || factor === undefined) return work.finish({}, 'fossil');
    const generated = produced.value * factor;
    if (recovered > generated) {
      reader.report([...path, 'co2Recovered'], { code: 'out-of-range', min: 0, max: generated, got: recovered });
      return work.finish({}, 'fossil');
    }
    if (recovered > 0) {
      work.state({
        code: 'ammonia-co2-recovered',
        text: {
          en: `${recovered} t CO2 recovered for urea subtracted (IPCC Eq 3.1); it is emitted where the urea is used (V.3.1 \`urea\`)`,
          zh: `扣除回收用于生产尿素的 CO2 ${recovered} 吨（IPCC 式 3.1）；该部分在尿素施用处计入（V.3.1 \`urea\`）`,
        },
      });
    }
    return work.finish({ co2: generated - recovered }, 'fossil');
  },
};

const IRON_STEEL_ROUTES = ['bof', 'eaf', 'ohf', 'global-average', 'pig-iron', 'dri', 'sinter', 'pellet', 'coke'] as const;

/**
 * Iron and steel and metallurgical coke production (GPC IV.1.1), IPCC 2006 Vol.3 Ch.4, Tier 1:
 *   CO2 = production × EF_route (Table 4.1),  CH4 = sinter × 0.07 kg/t (Table 4.2)
 * One line per route and product. The crude-steel routes (BOF, EAF, OHF, global average) cover
 * the iron made for them: pig iron and DRI lines are for iron not made into steel in the city;
 * sinter, pellet and coke lines are for those products wherever their iron goes.
 * The library holds a CH4 default for sinter only; for other routes CH4 is counted only when the
 * line gives `ch4Factor`, and the line says so.
 */
export const ironSteel: MethodCalculator = {
  id: 'ippu-iron-steel',
  name: { en: 'Iron, steel and metallurgical coke production (IPCC 2006 Vol.3 Ch.4)', zh: '钢铁与冶金焦生产（IPCC 2006 第3卷第4章）' },
  rows: ['IV.1.1'],
  fields: ['route', 'production', 'factor', 'ch4Factor'],
  compute(input) {
    const work = new MethodWork(input, 'ippu-iron-steel');
    const { reader, fields, path } = input;
    const routeName = reader.string(fields, 'route', path, true);
    const route = routeName === undefined ? undefined : work.category(routeName, IRON_STEEL_ROUTES, [...path, 'route']);
    const produced = work.quantity('production', ['mass']);
    if (route === undefined) {
      // The route decides the defaults; factors given on the line are still checked, so all problems show at once.
      for (const field of ['factor', 'ch4Factor']) if (fields[field] !== undefined) work.quantity(field, ['mass/mass']);
      return work.finish({}, 'fossil');
    }
    const co2Factor = perTonne(work, 'factor', { parameter: 'ef-co2', category: route }, { en: `CO2 per tonne, ${route}`, zh: `CO2 排放因子（${route}）` });
    let ch4Factor: number | undefined = 0;
    if (fields['ch4Factor'] !== undefined || route === 'sinter') {
      ch4Factor = perTonne(work, 'ch4Factor', { parameter: 'ef-ch4', category: route }, { en: `CH4 per tonne, ${route}`, zh: `CH4 排放因子（${route}）` });
    } else {
      work.state({
        code: 'iron-steel-ch4-not-estimated',
        text: {
          en: `no CH4 default for route ${route} in the library: CH4 not estimated (give \`ch4Factor\` to count it)`,
          zh: `因子库无 ${route} 工艺的 CH4 默认值：未计 CH4（如需计入请填写 \`ch4Factor\`）`,
        },
      });
    }
    if (produced === undefined || co2Factor === undefined || ch4Factor === undefined) return work.finish({}, 'fossil');
    return work.finish({ co2: produced.value * co2Factor, ch4: produced.value * ch4Factor }, 'fossil');
  },
};
