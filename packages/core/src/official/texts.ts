import type { Assumption } from '../accounting/statements.ts';
import type { Deduction } from './types.ts';

type Text = { readonly en: string; readonly zh: string };
const statement = (code: string, en: string, zh: string): Assumption => ({ code, text: { en, zh } });
const number = (value: number): string => Math.round(value).toLocaleString('en-US');

const DEDUCTION_TEXT: Record<Deduction, Text> = {
  feedstock: { en: 'feedstock', zh: '原料用能' },
  'new-renewables': { en: 'new renewable power since the base year', zh: '新增可再生能源电力' },
  'non-fossil': { en: 'non-fossil energy', zh: '非化石能源' },
};

/** The texts of China's official quantities: component labels and the statements a result carries. */
export const officialTexts = {
  boundary: {
    en: 'China official basis (energy-activity CO2): CO2 only, fossil fuels burned in the territory including power and heat plants, feedstock excluded, plus net imported electricity × the grid factor; no CH4/N2O, waste, industrial process or land emissions',
    zh: '国内官方口径（能源活动二氧化碳排放）：仅 CO2，辖区内化石能源燃烧（含火电、供热厂），不含原料用能，加净调入电力 × 电网排放因子；不含 CH4/N2O、废弃物、工业过程与土地排放',
  } satisfies Text,
  combustion: { en: 'fossil fuel combustion in the territory', zh: '辖区内化石能源燃烧' } satisfies Text,
  electricityImports: (mwh: number): Text => ({
    en: `net imported electricity, ${number(mwh)} MWh × grid factor`,
    zh: `净调入电力 ${number(mwh)} 兆瓦时 × 电网排放因子`,
  }),
  heatImports: (gj: number): Text => ({ en: `net imported heat, ${number(gj)} GJ × heat factor`, zh: `净调入热力 ${number(gj)} 吉焦 × 热力排放因子` }),
  fossilFuels: { en: 'fossil fuels (power and heat plants and feedstock included)', zh: '化石能源（含发电供热投入与原料用能）' } satisfies Text,
  nonFossilElectricity: { en: 'local non-fossil electricity (primary electricity)', zh: '本地非化石能源发电（一次电力）' } satisfies Text,
  electricityImportsEnergy: { en: 'net imported electricity', zh: '净调入电力' } satisfies Text,
  heatImportsEnergy: { en: 'net imported heat', zh: '净调入热力' } satisfies Text,
  deductFeedstock: { en: 'feedstock (NDRC notice Fagai Huanzi [2022] No. 803)', zh: '原料用能（发改环资〔2022〕803号）' } satisfies Text,
  deductNonFossil: { en: 'non-fossil energy (green-certificate notice, 2024-02)', zh: '非化石能源（2024年2月绿证通知）' } satisfies Text,
  deductNewRenewables: (year: number): Text => ({
    en: `renewable power consumed above ${year} (NDRC/NBS/NEA notice, 2022-11)`,
    zh: `较 ${year} 年新增的可再生能源电力消费（2022年11月国家发展改革委等通知）`,
  }),
  noRenewableBase: {
    en: 'new renewables not deducted: give official.renewableBase (the year and its renewable power consumption)',
    zh: '未扣除新增可再生能源：请填写 official.renewableBase（基年及其可再生能源电力消费量）',
  } satisfies Text,

  co2LinesWithoutEnergy: (count: number): Assumption =>
    statement(
      'official-co2-lines',
      `${count} CO2 emissions line${count === 1 ? '' : 's'} in energy rows counted as fuel combustion in energyCo2 (they carry no energy for the total)`,
      `能源行中 ${count} 行直接给出的 CO2 排放计为燃料燃烧（不计入能源消费总量）`,
    ),
  noLocalGeneration: (): Assumption =>
    statement(
      'official-no-generation',
      'no local generation given (`supply.electricity.generation`): all electricity consumed counts as imported',
      '未填写本地发电（`supply.electricity.generation`）：全部用电计为调入',
    ),
  wasteNonFossil: (): Assumption =>
    statement(
      'official-waste-non-fossil',
      'waste-to-energy power counted as non-fossil (within biomass power, as China statistics report it; unconfirmed)',
      '垃圾发电计为非化石能源（按统计口径计入生物质发电；未经核实）',
    ),
  fossilGenerationWithoutFuel: (): Assumption =>
    statement(
      'official-generation-without-fuel',
      'fossil generation is given but no fuel line in I.4.4: the plants’ fuel is not in energyCo2 unless it is on other rows',
      '填写了火电发电量但 I.4.4 无燃料行：除非燃料记在其他行，电厂燃料未计入能源活动 CO2',
    ),
  importsFossil: (): Assumption =>
    statement(
      'official-imports-fossil',
      'imported electricity counted as fossil in the non-fossil share: give `supply.electricity.nonFossilImports` (physical flows or green certificates) for its non-fossil part',
      '非化石能源占比中调入电力计为化石能源：请填写 `supply.electricity.nonFossilImports`（物理电量或绿证）以计其非化石部分',
    ),
  importFactor: (id: string, fromTop: boolean): Assumption =>
    statement(
      'official-import-factor',
      `net imported electricity at grid factor ${id}${fromTop ? ' (the file’s top-level `grid`)' : ''}`,
      `净调入电力按电网排放因子 ${id} 计算${fromTop ? '（取文件顶层 `grid`）' : ''}`,
    ),
  noImportFactor: (): Assumption =>
    statement(
      'official-no-import-factor',
      'net imported electricity not counted in energyCo2: no grid factor (give `grid` or `supply.electricity.grid`)',
      '净调入电力未计入能源活动 CO2：缺电网排放因子（请填写 `grid` 或 `supply.electricity.grid`）',
    ),
  heatDefault: (value: number): Assumption =>
    statement('official-heat-default', `net imported heat at ${value} tCO2/GJ (NDRC enterprise guidelines default)`, `净调入热力按 ${value} tCO2/GJ（国家发展改革委企业核算指南缺省值）`),
  heatExcluded: (): Assumption =>
    statement(
      'official-heat-excluded',
      'net heat transfers not counted (the provincial method makes no heat adjustment; `official.heat: net-imports` counts them)',
      '未计净调入热力（省级核算方法不作热力调整；`official.heat: net-imports` 可计入）',
    ),
  noCoalRate: (): Assumption =>
    statement(
      'official-no-coal-rate',
      'total energy by the calorific method only: give `official.coalRate` (the year’s coal rate of thermal power, gce/kWh) for the coal-equivalent method the non-fossil share uses',
      '能源消费总量仅按电热当量法计算：请填写 `official.coalRate`（当年发电煤耗，克标准煤/千瓦时）以按发电煤耗法计算（非化石能源占比采用此法）',
    ),
  importsAtCoalRate: (): Assumption =>
    statement(
      'official-imports-coal-rate',
      'net imported electricity in the coal-equivalent total at the coal rate (the equivalent value; which one provinces use is unconfirmed — `official.importedElectricity: calorific` for the calorific value)',
      '发电煤耗法总量中净调入电力按发电煤耗折算（等价值；各省采用哪种未经核实，可设 `official.importedElectricity: calorific` 按当量值）',
    ),
  importsCalorific: (): Assumption =>
    statement('official-imports-calorific', 'net imported electricity in the coal-equivalent total at 0.1229 kgce/kWh (the calorific value), as the file chose', '按文件设定，发电煤耗法总量中净调入电力按当量值 0.1229 千克标准煤/千瓦时折算'),
  deductions: (list: readonly Deduction[], given: boolean, year: number): Assumption => {
    const names = (lang: 'en' | 'zh'): string => (list.length === 0 ? (lang === 'en' ? 'none' : '无') : list.map((d) => DEDUCTION_TEXT[d][lang]).join(lang === 'en' ? ', ' : '、'));
    return statement(
      'official-deductions',
      given ? `assessed total energy deducts ${names('en')}, as the file chose` : `assessed total energy deducts what is in force for ${year}: ${names('en')} (\`official.deductions\` to choose)`,
      given ? `按文件设定，考核用能源消费总量扣除：${names('zh')}` : `考核用能源消费总量按 ${year} 年适用规则扣除：${names('zh')}（可用 \`official.deductions\` 指定）`,
    );
  },
  gdpPricesUnstated: (): Assumption =>
    statement(
      'official-gdp-prices',
      'GDP price basis not stated: intensity declines need constant prices of the base year (`gdp.prices`)',
      '未注明 GDP 价格基准：强度下降率须按基年不变价计算（`gdp.prices`）',
    ),
};
