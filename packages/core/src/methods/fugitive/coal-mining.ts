import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';

const MINING = ['underground', 'surface'] as const;
const ESTIMATES = ['low', 'average', 'high'] as const;
type Estimate = (typeof ESTIMATES)[number];

const STAGES = {
  miningFactor: { parameter: 'ef-mining', en: 'mining', zh: '开采' },
  postMiningFactor: { parameter: 'ef-post-mining', en: 'post-mining', zh: '矿后活动' },
} as const;
type StageField = keyof typeof STAGES;

const ESTIMATE_ZH: Record<Estimate, string> = { low: '低值', average: '平均值', high: '高值' };

/**
 * Fugitive CH4 from coal mining (GPC I.7.1), IPCC 2006 Vol.2 Ch.4, Tier 1, post-mining included:
 *   CH4 [t] = P × (EF_mining + EF_post-mining) × ρ
 * P raw coal production (t); EF in m³ CH4 per tonne, low / average / high:
 *   underground: mining 10 / 18 / 25 (Eq 4.1.3), post-mining 0.9 / 2.5 / 4.0 (Eq 4.1.4);
 *   surface:     mining 0.3 / 1.2 / 2.0 (Eq 4.1.7), post-mining 0 / 0.1 / 0.2 (Eq 4.1.8);
 * ρ the CH4 density, 0.67 × 10⁻⁶ Gg/m³ (0.67 kg/m³). A line's factor, in m³/t (× ρ) or in a mass per
 * mass (kg/t, used as is), replaces the default of its stage. CH4 recovered and used or flared is not
 * handled (a Tier 3, mine-specific figure: enter such mines as emissions lines).
 */
export const coalMining: MethodCalculator = {
  id: 'coal-mining',
  name: { en: 'Fugitive CH4 from coal mining (IPCC 2006 Vol.2 Ch.4.1, Tier 1)', zh: '煤炭开采逸散 CH4（IPCC 2006 第2卷第4.1章，方法1）' },
  rows: ['I.7.1'],
  fields: ['mining', 'production', 'estimate', 'miningFactor', 'postMiningFactor'],
  compute(input) {
    const work = new MethodWork(input, 'coal-mining');
    const { reader, fields, path } = input;
    const mining = reader.choice(fields, 'mining', path, MINING, true);
    const production = work.quantity('production', ['mass']);
    const estimateGiven = reader.choice(fields, 'estimate', path, ESTIMATES, false);
    const bothGiven = fields['miningFactor'] !== undefined && fields['postMiningFactor'] !== undefined;
    if (fields['estimate'] !== undefined && bothGiven) {
      // Both stages have their own factor: an estimate would select nothing.
      reader.report([...path, 'estimate'], { code: 'conflict', fields: ['estimate', 'miningFactor'] });
    }
    const estimate: Estimate = estimateGiven ?? 'average';
    if (fields['estimate'] === undefined && !bothGiven) {
      work.state({
        code: 'coal-mining-estimate-average',
        text: {
          en: 'coal-mining factors: the average of the IPCC Tier 1 range (no `estimate` given; `low` or `high` selects the ends)',
          zh: '煤炭开采排放因子：未填写 `estimate`，取 IPCC 方法1 范围的平均值（`low`、`high` 取两端）',
        },
      });
    }
    if (mining === undefined || production === undefined) return work.finish({}, 'fossil');

    let density: number | undefined;
    const densityOnce = (): number | undefined => {
      density ??= work.libraryValue('density', { parameter: 'ch4-density' }, { en: 'CH4 density', zh: 'CH4 密度' })?.toBase;
      return density;
    };
    const ch4PerTonne = (field: StageField): number | undefined => {
      const stage = STAGES[field];
      if (fields[field] !== undefined) {
        const given = work.quantity(field, ['volume/mass', 'mass/mass']);
        if (!given) return undefined;
        work.listGiven(field, given.given);
        if (given.given.unit.dimension === 'mass/mass') return given.value;
        const rho = densityOnce();
        return rho === undefined ? undefined : given.value * rho;
      }
      const label = { en: `CH4 factor, ${mining} coal ${stage.en}, ${estimate}`, zh: `${mining === 'underground' ? '井工' : '露天'}煤矿${stage.zh} CH4 排放因子（${ESTIMATE_ZH[estimate]}）` };
      const factor = work.libraryValue(field, { parameter: stage.parameter, category: mining, variant: estimate }, label);
      const rho = factor && densityOnce();
      return factor === undefined || rho === undefined ? undefined : factor.toBase * rho;
    };
    const miningCh4 = ch4PerTonne('miningFactor');
    const postMiningCh4 = ch4PerTonne('postMiningFactor');
    if (miningCh4 === undefined || postMiningCh4 === undefined) return work.finish({}, 'fossil');
    return work.finish({ ch4: production.value * (miningCh4 + postMiningCh4) }, 'fossil');
  },
};
