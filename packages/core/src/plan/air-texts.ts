import type { Factor } from '../factors/library.ts';
import { FUELS, type FuelGroup, type FuelId } from '../factors/fuels.ts';
import { citation } from '../factors/library.ts';
import type { Assumption } from '../inventory/types.ts';
import type { RowShare } from '../pathway/model.ts';
import type { AirContext, AirRowContext } from './air-contexts.ts';
import { carrierName, FUEL_GROUP_NAMES } from '../text/names-plan.ts';
import { unitName } from '../text/names.ts';

/** The bilingual texts of the air-pollutant co-benefits: why a line is not covered, and what is assumed. */

export interface AirText {
  readonly en: string;
  readonly zh: string;
}

/** Why a line (or some of its rows) is not covered: plain data, so equal details compare equal as JSON. */
export type GapDetail =
  | { readonly kind: 'non-energy' }
  | { readonly kind: 'grid-supplied'; readonly carrier: string }
  | { readonly kind: 'method-carrier'; readonly carrier: string }
  | { readonly kind: 'no-rows'; readonly carrier: string }
  | { readonly kind: 'outside-city' }
  | { readonly kind: 'no-context'; readonly subsector: string; readonly name: AirText }
  | { readonly kind: 'no-fuel-group'; readonly fuel: FuelId }
  | { readonly kind: 'power-heat-oil'; readonly fuel: FuelId; readonly nfr: string }
  | { readonly kind: 'no-factor'; readonly context: AirContext; readonly nfr: string; readonly group: FuelGroup }
  | { readonly kind: 'no-road-factor'; readonly fuel: FuelId }
  | { readonly kind: 'road-class'; readonly fuel: FuelId; readonly classes: readonly string[] }
  | { readonly kind: 'no-ncv'; readonly fuel: FuelId }
  | { readonly kind: 'road-pollutants'; readonly technology: string };

const CONTEXT_NAMES: Record<AirContext, AirText> = {
  'power-heat': { en: 'public electricity and heat production', zh: '公用电力和热力生产' },
  manufacturing: { en: 'manufacturing industries and construction', zh: '制造业和建筑业' },
  residential: { en: 'residential', zh: '居民生活' },
  commercial: { en: 'commercial/institutional', zh: '商业/机构' },
  road: { en: 'road transport', zh: '道路交通' },
};

function reason(detail: GapDetail): AirText {
  switch (detail.kind) {
    case 'non-energy':
      return { en: 'not a fuel-combustion line (process, waste, agriculture, land or fugitive emissions)', zh: '非燃料燃烧行（工业过程、废弃物、农业、土地或逸散排放）' };
    case 'grid-supplied':
      return {
        en: `${detail.carrier} is generated outside the city's lines (scope 2; T&D losses scope 3): its combustion pollutants are not in-city emissions of this sector`,
        zh: `${carrierName(detail.carrier, 'zh')}在本行之外生产（范围二；输配损失为范围三）：其燃烧污染物不计为本部门的城市内排放`,
      };
    case 'method-carrier':
      return { en: `${detail.carrier} is the energy of a method line: the pathway does not separate its fuels, so no fuel factor applies`, zh: `${carrierName(detail.carrier, 'zh')}为方法行的能源：路径未区分其燃料，无法套用燃料因子` };
    case 'no-rows':
      return { en: `${detail.carrier} is switched into a sector with no fuel rows whose combustion context it could take`, zh: `${carrierName(detail.carrier, 'zh')}替代进入的部门没有可沿用燃烧类别的燃料行` };
    case 'outside-city':
      return { en: 'scope 3 (transboundary journeys): the fuel is burnt largely outside the city', zh: '范围三（跨边界出行）：燃料主要在城市外燃烧' };
    case 'no-context':
      return {
        en: `the library has no EMEP/EEA Tier 1 factors for GPC ${detail.subsector} ${detail.name.en}`,
        zh: `因子库中无适用于 GPC ${detail.subsector} ${detail.name.zh} 的 EMEP/EEA 第一层级因子`,
      };
    case 'no-fuel-group':
      return { en: `${detail.fuel} has no fuel group (coal, oil, gas) in fuels.json`, zh: `${carrierName(detail.fuel, 'zh')}（\`${detail.fuel}\`）在 fuels.json 中没有燃料类别（煤、油、气）` };
    case 'power-heat-oil':
      return {
        en: `the Guidebook's power and heat factors (${detail.nfr}) cover gas oil (diesel) and heavy fuel oil (fuel_oil) only, not ${detail.fuel}`,
        zh: `指南的电力和热力生产因子（${detail.nfr}）仅含柴油（\`diesel\`）和重油（\`fuel_oil\`），不含${carrierName(detail.fuel, 'zh')}`,
      };
    case 'no-factor':
      return {
        en: `the library has no EMEP/EEA Tier 1 ${CONTEXT_NAMES[detail.context].en} (${detail.nfr}) factor for ${detail.group}`,
        zh: `因子库中无 ${CONTEXT_NAMES[detail.context].zh}（${detail.nfr}）${FUEL_GROUP_NAMES[detail.group]}类燃料的 EMEP/EEA 第一层级因子`,
      };
    case 'no-road-factor':
      return { en: `the library has no road-transport factor for ${detail.fuel}`, zh: `因子库中无${carrierName(detail.fuel, 'zh')}的道路交通因子` };
    case 'road-class':
      return {
        en: `road ${detail.fuel} is not counted until its vehicle class is chosen (airPollutants.road.${detail.fuel}: ${detail.classes.join(' or ')})`,
        zh: `未选择道路${carrierName(detail.fuel, 'zh')}的车型（airPollutants.road.${detail.fuel}：${detail.classes.join(' 或 ')}），不计`,
      };
    case 'no-ncv':
      return { en: `the library has no IPCC 2006 net calorific value of ${detail.fuel} to turn its energy into mass`, zh: `因子库中无${carrierName(detail.fuel, 'zh')}的 IPCC 2006 低位发热量，无法由能量折算质量` };
    case 'road-pollutants':
      return { en: `the library's road-transport factors (${detail.technology}) give NOx only`, zh: `因子库的道路交通因子（${detail.technology}）仅含 NOx` };
    default: {
      const unhandled: never = detail;
      throw new Error(`unknown gap ${String(unhandled)}`);
    }
  }
}

export function gapText(sector: string, carrier: string | undefined, rows: readonly string[], pollutants: readonly string[], detail: GapDetail): AirText {
  const why = reason(detail);
  const what = carrier === undefined ? '' : ` ${carrier}`;
  const whatZh = carrier === undefined ? '' : ` ${carrierName(carrier, 'zh')}`;
  return {
    en: `${sector}${what} (${rows.join(', ')}): ${pollutants.join(', ')} not counted — ${why.en}`,
    zh: `部门 \`${sector}\`${whatZh}（${rows.join('、')}）：未计 ${pollutants.join('、')}——${why.zh}`,
  };
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** What every air result relies on, and what this model's lines add (fuel groups, road classes, switched-in carriers). */
export function airStatements(input: {
  readonly gjPerTce: number;
  readonly factors: readonly Factor[];
  readonly places: readonly AirRowContext[];
  readonly stationaryFuels: readonly FuelId[];
  /** Oil products burnt in power and heat, with the Guidebook fuel row each takes. */
  readonly powerHeatOils: readonly { readonly fuel: FuelId; readonly technology: string }[];
  readonly switchedIn: readonly { readonly sector: string; readonly carrier: string; readonly rows: readonly RowShare[] }[];
}): Assumption[] {
  const statements: Assumption[] = [
    {
      code: 'air-tier1',
      text: {
        en: 'air pollutants (SOx as SO2, NOx as NO2, PM2.5) use EMEP/EEA Guidebook Tier 1 defaults: average technology, without the city\'s own abatement (desulphurisation, denitrification, dust removal), so absolute values are indicative; the differences between scenarios and actions are the co-benefit',
        zh: '大气污染物（SOx 以二氧化硫计、NOx 以二氧化氮计、PM2.5）采用 EMEP/EEA 指南第一层级（方法 1）缺省因子：代表平均技术水平，未计城市自身的脱硫、脱硝、除尘等治理措施，绝对值仅供参考；情景与行动之间的差值即为协同效益',
      },
    },
    {
      code: 'air-energy-basis',
      text: {
        en: `the g/GJ factors apply to each fuel's calorific energy as the inventory counted it: tce × ${input.gjPerTce} GJ/tce (GB/T 2589)`,
        zh: `按热量计的因子（克/吉焦）作用于清单所计燃料的热量：吨标准煤 × ${input.gjPerTce} 吉焦/吨标准煤（GB/T 2589）`,
      },
    },
    {
      code: 'air-factors-held',
      text: {
        en: 'pollutant factors per tce are held over the horizon: pollutants follow the pathway\'s energy and fuel mix, not tighter emission standards',
        zh: '单位标煤污染物因子在整个时段保持不变：污染物随路径的能耗与能源结构变化，不反映排放标准的收紧',
      },
    },
  ];
  if (input.stationaryFuels.length > 0) {
    const list = input.stationaryFuels.map((fuel) => `${fuel} → ${FUELS.get(fuel)!.stationaryGroup}`).join(', ');
    const oils = input.powerHeatOils.map(({ fuel, technology }) => `${fuel} → ${technology}`).join(', ');
    const listZh = input.stationaryFuels.map((fuel) => `${carrierName(fuel, 'zh')}→${FUEL_GROUP_NAMES[FUELS.get(fuel)!.stationaryGroup!]}`).join('，');
    const oilsZh = input.powerHeatOils.map(({ fuel, technology }) => `${carrierName(fuel, 'zh')}→\`${technology}\``).join('，');
    statements.push({
      code: 'air-fuel-group',
      text: {
        en: `each fuel takes the Guidebook factors of its fuel group (fuels.json stationaryGroup): ${list}${oils === '' ? '' : `; in power and heat, oil by product: ${oils}`}`,
        zh: `各燃料采用其燃料类别（fuels.json 的 \`stationaryGroup\`）的指南因子：${listZh}${oilsZh === '' ? '' : `；电力和热力生产中油品分别取：${oilsZh}`}`,
      },
    });
  }
  for (const place of input.places) {
    if (place.note === undefined) continue;
    statements.push({ code: 'air-context', text: { en: `GPC ${place.gpc} takes the Guidebook ${place.nfr} factors: ${place.note.en}`, zh: `GPC ${place.gpc} 采用指南 ${place.nfr} 因子：${place.note.zh}` } });
  }
  for (const factor of input.factors) {
    if (factor.context !== 'road') continue;
    const ncv = input.factors.find((candidate) => candidate.kind === 'ncv' && candidate.fuel === factor.fuel)!;
    statements.push({
      code: 'air-road-class',
      text: {
        en: `all road ${factor.fuel} counts as ${factor.technology} for ${factor.pollutant} (${factor.value} ${factor.unit.id} of fuel, airPollutants.road); mass of fuel = GJ ÷ ${ncv.toBase} GJ/t, the net calorific value of ${citation(ncv)}, which may differ from the one the inventory used`,
        zh: `道路${carrierName(factor.fuel ?? '', 'zh')}的 ${factor.pollutant} 全部按 \`${factor.technology}\` 计（${factor.value} ${unitName(factor.unit.id, 'zh')}燃料，airPollutants.road）；燃料质量 = 吉焦 ÷ ${ncv.toBase} 吉焦/吨（“${citation(ncv)}”的低位发热量），可能与清单所用热值不同`,
      },
    });
  }
  for (const { sector, carrier, rows } of input.switchedIn) {
    const list = rows.map(({ row, share }) => `${row} ${percent(share)}`).join(', ');
    statements.push({
      code: 'air-switched-in',
      text: {
        en: `${sector} has no ${carrier} in the base year: switched-in ${carrier} burns on the sector's fuel rows in proportion to their base-year energy (${list})`,
        zh: `部门 \`${sector}\` 基年无${carrierName(carrier, 'zh')}：替代进入的${carrierName(carrier, 'zh')}按该部门各燃料行的基年能耗比例燃烧（${rows.map(({ row, share }) => `${row} ${percent(share)}`).join('，')}）`,
      },
    });
  }
  return statements;
}
