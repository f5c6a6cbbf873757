import { citation, type Factor } from '../factors/library.ts';
import type { GridChoice } from '../factors/grid-series.ts';
import type { Assumption } from './statements.ts';

/** Statements of the defaults and conventions a result relies on, in both languages. One builder per kind. */
export const assumptions = {
  libraryDefault(what: { en: string; zh: string }, factor: Factor): Assumption {
    return {
      code: 'library-default',
      text: {
        en: `${what.en}: library default ${factor.id} = ${factor.value} ${factor.unit.id} (${citation(factor)}), none given on the line`,
        zh: `${what.zh}：未在该行填写，采用因子库默认值 ${factor.id} = ${factor.value} ${factor.unit.id}（${citation(factor)}）`,
      },
    };
  },
  fuelSubstitute(fuel: string, as: string): Assumption {
    return {
      code: 'fuel-substitute',
      text: {
        en: `GB/T 2589 and the provincial guideline do not list ${fuel} separately; it takes the values of ${as}`,
        zh: `GB/T 2589 与省级清单指南未单列 ${fuel}，按 ${as} 取值`,
      },
    };
  },
  /** 其他能源: the yearbook does not say what it holds, so a line of it counts as fossil energy unless given otherwise. */
  mixedFuelAsFossil(fuel: string): Assumption {
    return {
      code: 'mixed-fuel-fossil',
      text: {
        en: `${fuel} is no single fuel (the yearbook's "other energy"): its energy counts as fossil energy and its CO2 as fossil CO2, with the factors given on the line; enter non-fossil energy otherwise (e.g. its emissions on an emissions line)`,
        zh: `${fuel}（年鉴"其他能源"）不是单一燃料：其能耗按化石能源、CO2 按化石源计，采用该行填写的因子；非化石能源请另行填写（如以排放量行填写其排放）`,
      },
    };
  },
  tceFromEnergy(): Assumption {
    return {
      code: 'tce-from-energy',
      text: {
        en: 'standard coal from the line\'s energy at 29.3076 GJ/tce (GB/T 2589 calorific equivalent), as no GB/T 2589 coefficient applies to this line',
        zh: '该行无适用的 GB/T 2589 折标系数，按其热量以 29.3076 GJ/tce（当量值）折算标准煤',
      },
    };
  },
  gridCo2Only(): Assumption {
    return {
      code: 'grid-co2-only',
      text: {
        en: 'grid and heat factors cover CO2 only; CH4 and N2O of purchased energy are not estimated',
        zh: '电网与热力排放因子仅含 CO2，外购能源的 CH4 与 N2O 未计',
      },
    };
  },
  feedstock(): Assumption {
    return {
      code: 'feedstock',
      text: {
        en: 'feedstock: energy counted, no combustion emissions (carbon stored in products; process emissions belong in IV)',
        zh: '原料用能：计入能源消费，不计燃烧排放（碳留存于产品中；工业过程排放计入 IV）',
      },
    };
  },
  gridFromFile(gridId: string): Assumption {
    return {
      code: 'grid-from-file',
      text: { en: `grid factor ${gridId} from the file's top-level \`grid\``, zh: `电网排放因子取文件顶层 \`grid\`：${gridId}` },
    };
  },
  otherGasGwp(gas: string, gwp: number, source: string): Assumption {
    return {
      code: 'other-gas-gwp-from-line',
      text: {
        en: `${gas} weighted by GWP ${gwp} given on the line (${source}), reported under other gases; the file's GWP set does not change it`,
        zh: `${gas} 按该行填写的 GWP ${gwp}（${source}）折算，计入其他气体；不随文件的 GWP 版本变化`,
      },
    };
  },
  gridYear(gridId: string, gridYear: number, inventoryYear: number): Assumption {
    return {
      code: 'grid-year',
      text: {
        en: `grid factor ${gridId} is of ${gridYear}, not of the inventory year ${inventoryYear}`,
        zh: `电网排放因子 ${gridId} 为 ${gridYear} 年数值，并非清单年份 ${inventoryYear} 年的数值`,
      },
    };
  },
  gridSeriesYear(series: string, gridId: string, year: number): Assumption {
    return {
      code: 'grid-series-year',
      text: {
        en: `grid factor ${gridId} for \`${series}\`: the series' factor of the inventory year ${year}`,
        zh: `\`${series}\` 取该系列清单年份 ${year} 年的电网排放因子 ${gridId}`,
      },
    };
  },
  gridNearestYear(series: string, gridId: string, gridYear: number, inventoryYear: number, published: readonly number[]): Assumption {
    return {
      code: 'grid-nearest-year',
      text: {
        en: `grid factor ${gridId} for \`${series}\`: no factor of the inventory year ${inventoryYear} is published (the series has ${published.join(', ')}), so the nearest year's, ${gridYear}, is used`,
        zh: `\`${series}\` 无清单年份 ${inventoryYear} 年的公布值（该系列有 ${published.join('、')} 年），采用最近年份 ${gridYear} 年的 ${gridId}`,
      },
    };
  },
  ch4OriginFromSector(origin: string, subsector: string): Assumption {
    return {
      code: 'ch4-origin-from-sector',
      text: {
        en: `CH4 counted as ${origin} (AR6 convention for GPC ${subsector})`,
        zh: `CH4 按${origin === 'fossil' ? '化石源' : '非化石源'}计（AR6 约定，GPC ${subsector}）`,
      },
    };
  },
  defaultGwp(): Assumption {
    return {
      code: 'default-gwp',
      text: { en: 'GWP set not given in the file: AR5 (the contract default)', zh: '文件未指定 GWP 版本，采用约定默认值 AR5' },
    };
  },
  defaultFactorSet(factorSet: string, country: string | undefined): Assumption {
    return {
      code: 'default-factor-set',
      text: {
        en: `factor set not given in the file: "${factorSet}" (the contract default for country ${country ?? 'unstated'})`,
        zh: `文件未指定因子集，按国家（${country ?? '未填写'}）采用约定默认值 "${factorSet}"`,
      },
    };
  },
  gwpConvention(): Assumption {
    return {
      code: 'gwp-convention',
      text: {
        en: 'GWP100 convention: AR4 and AR5 apply one CH4 value to all sources (AR5 = 28, UNFCCC reporting); AR6 applies 29.8 to fossil CH4 (combustion, fugitive, IPPU) and 27.0 to the rest (waste, agriculture, land)',
        zh: 'GWP100 约定：AR4、AR5 对所有来源的 CH4 采用同一数值（AR5 = 28，UNFCCC 报告惯例）；AR6 对化石源 CH4（燃烧、逸散、工业过程）取 29.8，其余（废弃物、农业、土地）取 27.0',
      },
    };
  },
  energyBasis(method: string): Assumption {
    return {
      code: 'energy-basis',
      text: {
        en: `energy in tce sums the fuel, electricity and heat lines of BASIC rows (territorial-only and BASIC+ rows excluded to avoid double counting); electricity by the ${method === 'coal-consumption' ? 'coal-consumption' : 'calorific-equivalent'} method`,
        zh: `能源消费（tce）为 BASIC 行的燃料、电力、热力之和（不含仅属地口径与 BASIC+ 行，以免重复计算）；电力按${method === 'coal-consumption' ? '发电煤耗法' : '当量值'}折标`,
      },
    };
  },
} as const;

/** What a line states about the year of its grid factor: chosen by series (exact or nearest year), or named with another year. */
export function gridYearStatements(choice: GridChoice, inventoryYear: number | undefined): Assumption[] {
  const { factor, named, published } = choice;
  if (factor.year === undefined || inventoryYear === undefined) return [];
  if (published !== undefined) {
    return [
      factor.year === inventoryYear
        ? assumptions.gridSeriesYear(named, factor.id, inventoryYear)
        : assumptions.gridNearestYear(named, factor.id, factor.year, inventoryYear, published),
    ];
  }
  return factor.year === inventoryYear ? [] : [assumptions.gridYear(factor.id, factor.year, inventoryYear)];
}
