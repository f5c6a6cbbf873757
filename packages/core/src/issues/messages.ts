import { FUELS, type FuelId } from '../factors/fuels.ts';
import { PLAUSIBILITY, type PlausibilityBound } from '../plausibility/bounds.ts';
import { formatPath, type DocumentKind, type Issue, type MissingFactor, type NotApplicableReason, type ReferenceKind, type TargetGoalReason } from './issue.ts';

import type { Lang } from '../text/lang.ts';
import { dimensionName, fuelName, unitName } from '../text/names.ts';

export type { Lang };

const quote = (value: string): string => JSON.stringify(value);
const list = (values: readonly string[], lang: Lang = 'en'): string => values.map(quote).join(lang === 'zh' ? '、' : ', ');

/** The JSON types as a Chinese reader names them; what `got` holds besides (a figure, a quoted value) stays as it is. */
const JSON_TYPE_ZH: Readonly<Record<string, string>> = {
  string: '字符串',
  number: '数值',
  integer: '整数',
  object: '对象（键值映射）',
  array: '列表',
  boolean: '布尔值',
  null: '空值（`null`）',
  'an empty string': '空字符串',
  'an empty array': '空列表',
};
const typeText = (type: string, lang: Lang): string => (lang === 'zh' ? (JSON_TYPE_ZH[type] ?? type) : type);

/** The IPCC 2006 combustion contexts (gpc.json `combustion`) a missing factor names: Vol.2 Tables 2.2–2.5, 3.2.2, 3.3.1. */
const CONTEXT_ZH: Readonly<Record<string, string>> = {
  'energy-industries': '能源工业',
  manufacturing: '制造业和建筑业',
  commercial: '商业和机构',
  residential: '居民生活',
  road: '道路交通',
  'off-road': '非道路交通',
};

/** The activity-line forms (a line's key) in Chinese, the key beside it: it is what the file writes. */
const FORM_ZH: Readonly<Record<string, string>> = {
  fuel: '燃料',
  electricity: '电力',
  heat: '热力',
  energy: '电力或热力',
  gas: '气体排放',
  emissions: '排放量',
  notation: '注释键',
};
const formText = (form: string, lang: Lang): string => (lang === 'zh' && FORM_ZH[form] !== undefined ? `${FORM_ZH[form]}（\`${form}\`）` : form);

/** Plan levers that need a fixed quantity (constant-quantity). */
const LEVER_ZH: Readonly<Record<string, string>> = { generation: '本地发电', removal: '碳汇（清除）' };
const hint = (suggestion: string | undefined, lang: Lang): string =>
  suggestion === undefined ? '' : lang === 'zh' ? `（是否应为 ${quote(suggestion)}？）` : ` (did you mean ${quote(suggestion)}?)`;

/** What to add to the line for each missing value, in both languages. */
const missingFactorText: Record<MissingFactor, { en: string; zh: string }> = {
  ncv: {
    en: 'a net calorific value: add `ncv` { value, unit } in GJ/t (MJ/m3 for an amount in m3), or give the amount in an energy unit (GJ, tce)',
    zh: '低位发热量：请填写 `ncv`（`{ value, unit }`），单位 GJ/t（活动量以立方米计时用 MJ/m3），或以能量单位（GJ、tce）填写活动量',
  },
  'ncv-per-volume': {
    en: 'a net calorific value per volume for an amount in m3: add `ncv` in MJ/m3, or give the amount by mass',
    zh: '按体积计的低位发热量（活动量以立方米计）：请填写以 MJ/m3 计的 `ncv`，或改按质量填写活动量',
  },
  'ncv-per-mass': {
    en: 'a net calorific value per mass for an amount by mass: add `ncv` in GJ/t, or give the amount in m3',
    zh: '按质量计的低位发热量（活动量以质量计）：请填写以 GJ/t 计的 `ncv`，或改按体积填写活动量',
  },
  co2: { en: 'a CO2 emission factor: add `ef.CO2` { value, unit } (e.g. in kg/TJ)', zh: ' CO2 排放因子：请填写 `ef.CO2`（`{ value, unit }`，如以 kg/TJ 计）' },
  ch4: { en: 'a CH4 emission factor: add `ef.CH4` { value, unit } (e.g. in kg/TJ)', zh: ' CH4 排放因子：请填写 `ef.CH4`（`{ value, unit }`，如以 kg/TJ 计）' },
  n2o: { en: 'an N2O emission factor: add `ef.N2O` { value, unit } (e.g. in kg/TJ)', zh: ' N2O 排放因子：请填写 `ef.N2O`（`{ value, unit }`，如以 kg/TJ 计）' },
  'carbon-content': {
    en: 'a carbon content for the cn method: add `carbonContent` { value, unit: "tC/TJ" } (or `ef.CO2`)',
    zh: '单位热值含碳量（`cn` 方法）：请填写 `carbonContent`（`{ value, unit: "tC/TJ" }`），或填写 `ef.CO2`',
  },
  oxidation: {
    en: 'an oxidation rate for the cn method: add `oxidation` (0–1, or a percentage such as "98%") (or `ef.CO2`)',
    zh: '碳氧化率（`cn` 方法）：请填写 `oxidation`（0–1，或百分数如 "98%"），或填写 `ef.CO2`',
  },
  technology: {
    en: 'a vehicle technology for gasoline on roads: add `technology` ("gasoline-uncontrolled", "gasoline-oxidation-catalyst" or "gasoline-low-mileage-1995"), or `ef.CH4` and `ef.N2O`',
    zh: '道路汽油车的技术类型：请填写 `technology`（"gasoline-uncontrolled"、"gasoline-oxidation-catalyst" 或 "gasoline-low-mileage-1995"），或填写 `ef.CH4` 与 `ef.N2O`',
  },
};

/** Where GPC puts waste or landfill gas burnt with each kind of energy recovery, and what to do with the line. */
function energyRecoveryText(recovery: 'grid' | 'onsite' | 'none', gpc: string, rows: readonly string[], lang: Lang): string {
  const zh = lang === 'zh';
  const where = rows.join(zh ? '、' : ', ');
  switch (recovery) {
    case 'grid':
      return zh
        ? `\`energyRecovery\` 为 "grid"：焚烧或燃用填埋气发电上网，按 GPC 计入固定源能源的 ${where} 行（仅计入辖区排放，其电量已计入用户的范围二），不属于 GPC ${gpc} 行：请将该行移至 ${where}，原行如无其他数据可填注释键 \`IE\`（已计入其他行）并说明已计入 ${where}`
        : `energyRecovery "grid": waste or landfill gas burnt for energy supplied to the grid is reported under Stationary Energy in ${where} (territorial only; its electricity is already in consumers' scope 2), not in GPC ${gpc}: move the line to ${where}, and mark ${gpc} with notation IE ("included in ${where}") if nothing else is left there`;
    case 'onsite':
      return zh
        ? `\`energyRecovery\` 为 "onsite"：焚烧或燃用填埋气所产能源自用，按 GPC 计入用能部门的范围一行（${where}），不属于 GPC ${gpc} 行：请将该行移至用能部门所在行`
        : `energyRecovery "onsite": waste or landfill gas burnt for energy used on site is reported in the consuming sub-sector's scope-1 row (${where}), not in GPC ${gpc}: move the line to that row`;
    case 'none':
      return zh
        ? `\`energyRecovery\` 为 "none"（或露天焚烧）：未回收能源的焚烧计入废弃物部门（${where}），不属于固定源能源 GPC ${gpc} 行；填埋气火炬燃烧不是能源利用，其回收量在 III.1 的 \`recovered\` 中扣减`
        : `energyRecovery "none" (or open burning): burning without energy recovery is reported under Waste (${where}), not in Stationary Energy row GPC ${gpc}; landfill gas that is flared is not energy use — it is subtracted as \`recovered\` in III.1`;
    default: {
      const unhandled: never = recovery;
      return unhandled;
    }
  }
}

const notApplicableText: Record<NotApplicableReason, { en: string; zh: string }> = {
  technology: { en: 'applies only to gasoline on on-road rows (II.1)', zh: '仅适用于道路交通（II.1）行的汽油' },
  'ch4-origin': { en: 'applies only to CH4 lines', zh: '仅适用于 CH4 排放行' },
  'coal-rate': { en: 'applies only with method "coal-consumption"', zh: '仅在 `method` 为 "coal-consumption" 时适用' },
  'points-only': { en: 'applies only to a series given by `points`', zh: '仅适用于以 `points` 给出的序列' },
  'share-base': { en: 'does not apply to a share of another driver: its base is the share times that driver', zh: '不适用于按其他驱动因素比例给出的序列：其基年值为比例乘以该驱动因素' },
  'stock-only': { en: 'applies only to stock turnover (with `stock`)', zh: '仅适用于存量更新（需 `stock`）' },
  'computed-criterion': { en: 'is fixed for a criterion the plan computes', zh: '对方案自动计算的准则不可设置' },
  'own-effects': { en: 'applies only to effects taken from the catalogue (the measure gives its own `effects`, each with its sector)', zh: '仅适用于取自措施目录的作用（该措施自带 `effects`，各自注明部门）' },
  'city-wide-lever': { en: 'has no meaning for generation and removal levers, which act city-wide (generation displaces grid electricity; removals count against neutrality)', zh: '对发电与碳汇类作用无意义：其作用于全市（发电替代电网电力，碳汇计入中和）' },
  'yes-no-min': { en: 'has no meaning for a yes/no measure (`yesNo: true`): it is adopted at 0 or at `max`', zh: '对整体决策措施（`yesNo: true`）无意义：只取 0 或 `max`' },
  'official-energy': { en: 'cannot be set for an energy target: total energy, energy per GDP and the non-fossil share are official quantities (`energyCo2`)', zh: '能源类目标不可设置：能源消费总量、单位GDP能耗与非化石能源占比均为官方口径（`energyCo2`）' },
  'plant-share': { en: 'does not apply to a share of the source\'s generation (a share has no unit)', zh: '不适用于按电源发电量比例给出的变化（比例无单位）' },
  'feedstock-row': {
    en: 'applies only to fuel lines of stationary scope-1 rows (I.1.1 … I.6.1, I.4.4): feedstock is fuel used as raw material in the territory',
    zh: '仅适用于固定源范围一的燃料行（I.1.1 … I.6.1、I.4.4）：原料用能指辖区内作为原料使用的能源',
  },
  'cn-method': {
    en: 'applies only under factorSet "cn" (under "ipcc2006" CO2 is energy × the Table 1.4 factor: give `ef.CO2` instead)',
    zh: '仅适用于因子集 "cn"（"ipcc2006" 下 CO2 = 能量 × 表1.4 因子；如需自定义请填写 `ef.CO2`）',
  },
};

/** How a message names a document file of each kind (its version, a migration of it). */
export const DOCUMENT_KIND_TEXT: Readonly<Record<DocumentKind, { readonly en: string; readonly zh: string }>> = {
  inventory: { en: 'inventory file', zh: '清单文件' },
  pathway: { en: 'pathway file', zh: '路径文件' },
  plan: { en: 'plan file', zh: '行动方案文件' },
  tracking: { en: 'tracking file', zh: '跟踪评估文件' },
  cluster: { en: 'cluster file', zh: '城市群文件' },
  district: { en: 'district file', zh: '区县园区文件' },
};

/** Why a goal cannot be measured against, and what to change. */
const targetGoalText: Record<TargetGoalReason, { en: string; zh: string }> = {
  'no-change': { en: 'the goal equals the base value: progress towards it cannot be measured; give a goal that differs from `base.value`', zh: '目标值等于基准值，无法衡量进度：请给出不同于 `base.value` 的目标值' },
  direction: { en: 'the goal lies on the wrong side of the base for the indicator\'s `direction` (a decrease indicator needs a goal below its base, an increase indicator one above)', zh: '目标值与指标的 `direction` 方向相反（下降类指标的目标须低于基准值，上升类指标须高于基准值）' },
  'base-year': { en: 'a reduction is taken from its indicator\'s base value: `baseYear` must be the indicator\'s `base.year`', zh: '降幅以所关联指标的基准值为起点：`baseYear` 须等于该指标的 `base.year`' },
  'baseline-required': { en: 'a `baseline-scenario` reduction needs the baseline scenario\'s value in the target year: add `baseline` in the indicator\'s unit', zh: '`baseline-scenario`（基准情景）类降幅目标需要目标年基准情景值：请以指标单位填写 `baseline`' },
  'reduction-of-increase': { en: 'a `reduction` needs an indicator whose `direction` is `decrease`: give a `level` instead', zh: '`reduction`（降幅）仅适用于 `direction` 为 `decrease` 的指标：请改填 `level`（目标水平）' },
  'before-base': { en: 'the target year must be after its indicator\'s base year', zh: '目标年须晚于所关联指标的基准年' },
};

const referenceText: Record<ReferenceKind, { en: string; zh: string }> = {
  driver: { en: 'a driver defined in the file', zh: '驱动因素（`drivers`）' },
  sector: { en: 'a sector defined in the file', zh: '部门（`sectors`）' },
  action: { en: 'an action defined in the file', zh: '行动（`actions`）' },
  scenario: { en: 'a scenario defined in the file', zh: '情景（`scenarios`）' },
  carrier: { en: 'an energy carrier of the sector in the inventory', zh: '该部门的能源品种' },
  parameter: { en: 'the path of a number given in the file', zh: '文件中的数值参数' },
  measure: { en: 'a measure of the plan', zh: '方案中的措施（`measures`）' },
  'catalogue-measure': { en: 'a measure of the action catalogue (`peakpath catalogue` lists them)', zh: '措施目录中的措施（`peakpath catalogue` 可列出）' },
  target: { en: 'a target of the pathway file', zh: '路径文件中的目标（`targets`）' },
  criterion: { en: 'a criterion of the plan', zh: '方案中的评价准则（`criteria`）' },
  indicator: { en: 'an indicator of the tracking file', zh: '跟踪文件中的指标（`indicators`）' },
  hazard: { en: 'a hazard of the tracking file', zh: '跟踪文件中的气候风险（`hazards`）' },
  source: { en: 'a source of local generation (coal, gas, oil, waste, biomass, hydro, wind, solar, nuclear, geothermal)', zh: '本地发电电源（`coal`、`gas`、`oil`、`waste`、`biomass`、`hydro`、`wind`、`solar`、`nuclear`、`geothermal`）' },
};

/** One line per problem: `activities[3].unit: "kWhh" is not a known unit (did you mean "kWh"?)`. */
const documentText: Record<DocumentKind, { en: string; zh: string }> = {
  inventory: { en: 'base-year inventory', zh: '基年清单' },
  pathway: { en: 'pathway file', zh: '路径文件' },
  plan: { en: 'plan file', zh: '行动方案文件' },
  tracking: { en: 'tracking file', zh: '跟踪评估文件' },
  cluster: { en: 'cluster file', zh: '城市群文件' },
  district: { en: 'district file', zh: '区县园区文件' },
};

/** A figure in a plausibility message, in the bound's unit: yearly changes as percentages, others to 4 significant digits. */
function boundFigure(value: number, bound: PlausibilityBound, lang: Lang): string {
  if (bound.unit.en === 'per year') return `${value > 0 ? '+' : ''}${figure(value * 100, lang)} %${lang === 'zh' ? '/年' : '/yr'}`;
  return `${figure(value, lang)} ${bound.unit[lang]}`;
}

const SUPERSCRIPT: Readonly<Record<string, string>> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * Four significant digits; very large and small figures in powers of ten, which Chinese texts write 1.235×10⁸;
 * from 10,000 up, thousands separators (2,297,000), as every table prints them.
 */
function figure(value: number, lang: Lang = 'en'): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && Number.isFinite(value) && (magnitude >= 1e7 || magnitude < 1e-3)) {
    const text = value.toExponential(3).replace(/\.?0+e/, 'e');
    if (lang === 'en') return text;
    const [mantissa, exponent] = text.split('e') as [string, string];
    return `${mantissa}×10${[...String(Number(exponent))].map((char) => SUPERSCRIPT[char] ?? char).join('')}`;
  }
  const rounded = Number(value.toPrecision(4));
  return magnitude >= 1e4 ? rounded.toLocaleString('en-US', { maximumFractionDigits: 20 }) : String(rounded);
}

export function formatIssue(issue: Issue, lang: Lang = 'en'): string {
  return `${formatPath(issue.path, lang)}${lang === 'zh' ? '：' : ': '}${describeIssue(issue, lang)}`;
}

export function describeIssue(issue: Issue, lang: Lang = 'en'): string {
  const zh = lang === 'zh';
  switch (issue.code) {
    case 'required':
      return zh ? '缺少必填项' : 'is required';
    case 'type':
      return zh ? `应为${typeText(issue.expected, lang)}，实为${typeText(issue.got, lang)}` : `expected ${issue.expected}, got ${issue.got}`;
    case 'not-finite':
      return zh ? '应为有限数值' : 'must be a finite number';
    case 'negative':
      return zh ? '不能为负数' : 'must not be negative';
    case 'out-of-range':
      return zh
        ? `${issue.got} 超出范围，应在 ${issue.min} 与 ${issue.max} 之间`
        : `${issue.got} is out of range: expected ${issue.min} to ${issue.max}`;
    case 'enum':
      return zh
        ? `${quote(issue.got)} 不是可选值，应为 ${list(issue.allowed, lang)} 之一${hint(issue.suggestion, lang)}`
        : `${quote(issue.got)} is not one of ${list(issue.allowed)}${hint(issue.suggestion, lang)}`;
    case 'unknown-field':
      return zh ? `未知字段 ${quote(issue.field)}${hint(issue.suggestion, lang)}` : `${quote(issue.field)} is not a known field${hint(issue.suggestion, lang)}`;
    case 'unknown-unit':
      return zh ? `${quote(issue.got)} 不是已知单位${hint(issue.suggestion, lang)}` : `${quote(issue.got)} is not a known unit${hint(issue.suggestion, lang)}`;
    case 'wrong-dimension':
      return zh
        ? `单位 ${quote(issue.unit)} 的量纲为${dimensionName(issue.got, lang)}，此处应为${issue.expected.map((dimension) => dimensionName(dimension, lang)).join('或')}`
        : `unit ${quote(issue.unit)} measures ${issue.got}, expected ${issue.expected.join(' or ')}`;
    case 'unknown-fuel':
      return zh ? `${quote(issue.got)} 不是已知燃料${hint(issue.suggestion, lang)}` : `${quote(issue.got)} is not a known fuel${hint(issue.suggestion, lang)}`;
    case 'not-a-fuel':
      return zh
        ? `${quote(issue.got)} 不是燃料：请写成单独的一行 \`energy: ${issue.energy}\`（也可写 \`energy: ${issue.energy === 'heat' ? '热力' : '电力'}\`），活动量以能量单位计（${issue.energy === 'heat' ? 'GJ、百万千焦' : 'kWh、万千瓦时'}）`
        : `${quote(issue.got)} is not a fuel: write it as a line of its own, \`energy: ${issue.energy}\` (or \`energy: ${issue.energy === 'heat' ? '热力' : '电力'}\`), with the amount in an energy unit (${issue.energy === 'heat' ? 'GJ, `百万千焦`' : 'kWh, `万千瓦时`'})`;
    case 'unknown-gpc':
      return zh
        ? `${quote(issue.got)} 不是 GPC 表中的一行${hint(issue.suggestion, lang)}`
        : `${quote(issue.got)} is not a row of the GPC table${hint(issue.suggestion, lang)}`;
    case 'unknown-grid':
      return zh
        ? `${quote(issue.got)} 不是因子库中的电网排放因子${hint(issue.suggestion, lang)}`
        : `${quote(issue.got)} is not a grid factor in the library${hint(issue.suggestion, lang)}`;
    case 'no-form': {
      const guess = issue.suggestion;
      const hintText = guess === undefined ? '' : zh ? `（"${guess.field}" 是否应为 "${guess.form}"？）` : ` (did you mean "${guess.form}" for "${guess.field}"?)`;
      return zh
        ? `无法识别活动行类型：应含 \`fuel\`、\`energy\`（"electricity" 或 "heat"）、\`gas\` 或 \`notation\` 之一${hintText}`
        : `is not an activity line: expected one of \`fuel\`, \`energy\` ("electricity" or "heat"), \`gas\` or \`notation\`${hintText}`;
    }
    case 'not-positive':
      return zh ? '应为正数' : 'must be greater than zero';
    case 'invalid-country':
      return zh ? `${quote(issue.got)} 不是 ISO 3166-1 两位字母国家代码（如 "CN"）` : `${quote(issue.got)} is not an ISO 3166-1 alpha-2 country code (such as "CN")`;
    case 'not-applicable':
      return zh ? `字段 ${quote(issue.field)} ${notApplicableText[issue.reason].zh}` : `${quote(issue.field)} ${notApplicableText[issue.reason].en}`;
    case 'conflict':
      return zh
        ? `${quote(issue.fields[0])} 与 ${quote(issue.fields[1])} 不能同时填写（二者给出同一数值，或相互矛盾）：请只保留一个`
        : `${quote(issue.fields[0])} and ${quote(issue.fields[1])} cannot go together (they set the same value, or contradict each other): keep one`;
    case 'other-gas-gwp':
      return zh
        ? `${quote(issue.gas)} 不是 CO2、CH4 或 N2O：请在该行填写其 GWP 与出处 \`gwp: { value, source }\`（因子库仅含 CO2、CH4、N2O 的 GWP）`
        : `${quote(issue.gas)} is not CO2, CH4 or N2O: give its GWP on the line as \`gwp: { value, source }\` (the library holds GWPs for CO2, CH4 and N2O only)`;
    case 'shares-sum':
      return zh ? `各项比例之和为 ${issue.got}，应为 1` : `the shares add up to ${issue.got}; they must add up to 1`;
    case 'year-sequence':
      return zh
        ? `年份 ${issue.got} 不连续，此处应为 ${issue.expected}（某年无数据时填 0，不可省略）`
        : `year ${issue.got} breaks the sequence: expected ${issue.expected} (a year with nothing is written with 0, not left out)`;
    case 'many-forms':
      return zh ? `同时含有${issue.forms.map((form) => formText(form, lang)).join('、')}，一行只能是一种类型` : `has ${issue.forms.join(', ')}: a line is one form only`;
    case 'form-not-on-row':
      return zh
        ? `GPC ${issue.gpc} 行不接受${formText(issue.form, lang)}类活动行，可用：${issue.allowed.map((form) => formText(form, lang)).join('、')}`
        : `${issue.form} lines do not belong on GPC row ${issue.gpc}; that row takes: ${issue.allowed.join(', ')}`;
    case 'missing-factor': {
      const where = [issue.fuel, issue.context].filter((part) => part !== undefined).join(', ');
      // In Chinese the fuel by its yearbook name, its id beside it (the id is what a file may also write).
      const fuelZh = issue.fuel === undefined ? undefined : FUELS.has(issue.fuel as FuelId) ? fuelName(issue.fuel, 'zh') : undefined;
      const contextZh = issue.context === undefined ? undefined : (CONTEXT_ZH[issue.context] ?? quote(issue.context));
      const whereZh = [fuelZh === undefined ? (issue.fuel === undefined ? undefined : quote(issue.fuel)) : `${fuelZh} \`${issue.fuel}\``, contextZh].filter((part) => part !== undefined).join('，');
      const text = missingFactorText[issue.need];
      return zh
        ? `因子库中没有${whereZh ? `（${whereZh}）` : ''}所需的${text.zh}`
        : `the library has no value for this line${where ? ` (${where})` : ''}; the method needs ${text.en}`;
    }
    case 'missing-grid':
      return zh
        ? '未指定电网排放因子：请在文件顶层或该行填写 `grid`（如 "CN-east-2022"），或填写 `ef.CO2`（t/MWh）'
        : 'no grid factor: set `grid` at the top of the file or on the line (e.g. "CN-east-2022"), or give `ef.CO2` in t/MWh';
    case 'missing-coal-rate':
      return zh
        ? '发电煤耗法需要当年火电供电煤耗：请填写 `energyAccounting.coalRate`（如 `{ value: 300, unit: "gce/kWh" }`）'
        : 'the coal-consumption method needs the year\'s coal rate of thermal power: add `energyAccounting.coalRate` (e.g. { value: 300, unit: "gce/kWh" })';
    case 'ch4-origin-required':
      return zh
        ? `AR6 对化石源与非化石源 CH4 采用不同 GWP，GPC ${issue.gpc} 无法推定来源：请填写 \`ch4Origin\`（"fossil" 或 "non-fossil"）`
        : `AR6 weighs fossil and non-fossil CH4 differently and GPC ${issue.gpc} does not say which this is: add \`ch4Origin\` ("fossil" or "non-fossil")`;
    case 'unknown-method':
      return zh
        ? `${quote(issue.got)} 不是已知的计算方法${hint(issue.suggestion, lang)}；\`peakpath methods\` 列出全部方法`
        : `${quote(issue.got)} is not a known method${hint(issue.suggestion, lang)}; \`peakpath methods\` lists them`;
    case 'method-not-on-row':
      return zh
        ? `方法 ${quote(issue.method)} 不适用于 GPC ${issue.gpc} 行，适用于：${issue.rows.join('、')}`
        : `method ${quote(issue.method)} does not compute GPC row ${issue.gpc}; it computes ${issue.rows.join(', ')}`;
    case 'energy-recovery-row':
      return energyRecoveryText(issue.recovery, issue.gpc, issue.rows, lang);
    case 'missing-parameter':
      return zh
        ? `因子库中没有方法 ${quote(issue.method)}${issue.category ? `（类别 ${quote(issue.category)}）` : ''}的 \`${issue.field}\` 默认值：请在该行填写`
        : `the library has no default \`${issue.field}\` for method ${issue.method}${issue.category ? ` (${issue.category})` : ''}: give it on the line`;
    case 'unknown-category':
      return zh
        ? `${quote(issue.got)} 不是可选类别，应为 ${list(issue.allowed, lang)} 之一${hint(issue.suggestion, lang)}`
        : `${quote(issue.got)} is not one of ${list(issue.allowed)}${hint(issue.suggestion, lang)}`;
    case 'duplicate':
      return zh
        ? `${quote(issue.key)} 重复出现（首次见于 ${formatPath(issue.first)}），会被计算两次：请只保留一处`
        : `${quote(issue.key)} is given twice (first at ${formatPath(issue.first)}) and would be counted twice: give it once`;
    case 'overflow': {
      const lines = issue.lines === undefined ? '' : issue.lines.map((line) => `activities[${line}]`).join(zh ? '、' : ', ');
      if (issue.lines !== undefined) {
        return zh
          ? `${lines} 的排放合计超出可计算的最大数值（约 1.8e308）：请检查这些行的数量与单位`
          : `the emissions of ${lines} add up beyond the largest number that can be computed (about 1.8e308): check their amounts and units`;
      }
      const from = issue.year === undefined ? '' : zh ? `（自 ${issue.year} 年起）` : ` from ${issue.year}`;
      return zh
        ? `由此处数值算得的结果超出可计算的最大数值（约 1.8e308）${from}：请检查数值与单位`
        : `the values here give a result beyond the largest number that can be computed (about 1.8e308)${from}: check the values and units`;
    }
    case 'after-inventory-year':
      return zh
        ? `年份 ${issue.got} 晚于清单年份 ${issue.year}：清单只能包含当年及以前的数据`
        : `year ${issue.got} is after the inventory's year ${issue.year}: an inventory can only use data up to its own year`;
    case 'missing-reference':
      return zh
        ? `缺少 \`${issue.kind}\`：本文件所依据的${documentText[issue.kind].zh}（文件中填其路径，相对于本文件）`
        : `\`${issue.kind}\` is required: the ${documentText[issue.kind].en} this one builds on (in a file, its path relative to this file)`;
    case 'unresolved-reference':
      return zh
        ? `无法取得${documentText[issue.kind].zh} ${quote(issue.reference)}：${issue.reason.zh}`
        : `cannot get the ${documentText[issue.kind].en} ${quote(issue.reference)}: ${issue.reason.en}`;
    case 'unknown-reference': {
      const kind = referenceText[issue.kind];
      return zh
        ? `${quote(issue.got)} 不是已定义的${kind.zh}${hint(issue.suggestion, lang)}`
        : `${quote(issue.got)} is not ${kind.en}${hint(issue.suggestion, lang)}`;
    }
    case 'unmapped-row':
      return zh
        ? `清单中 GPC ${issue.gpc} 行有排放，但没有任何部门（\`sectors\` 的 \`gpc\`）包含该行：请将其归入一个部门`
        : `the inventory has emissions on GPC row ${issue.gpc} but no sector's \`gpc\` covers it: add it to a sector`;
    case 'overlapping-sectors':
      return zh
        ? `GPC ${issue.gpc} 行同时属于部门 ${quote(issue.sectors[0])} 与 ${quote(issue.sectors[1])}：每行只能归入一个部门`
        : `GPC row ${issue.gpc} is in both sector ${quote(issue.sectors[0])} and sector ${quote(issue.sectors[1])}: a row belongs to one sector`;
    case 'base-mismatch':
      return zh
        ? `基年值 ${issue.given} ${unitName(issue.unit, lang)}与清单的 ${issue.inventory} ${unitName(issue.unit, lang)}不一致：删去此值以采用清单值，或修改清单`
        : `the base-year value ${issue.given} ${issue.unit} differs from the inventory's ${issue.inventory} ${issue.unit}: leave it out to use the inventory's, or correct the inventory`;
    case 'driver-cycle':
      return zh ? `驱动因素相互引用成环：${issue.drivers.map(quote).join(' → ')}` : `drivers refer to each other in a cycle: ${issue.drivers.join(' → ')}`;
    case 'series-start':
      return zh
        ? `序列须从 ${issue.needed} 年起有值，此处最早为 ${issue.got} 年`
        : `the series must have a value from ${issue.needed}; the earliest given is ${issue.got}`;
    case 'shares-exceed':
      return zh
        ? `${issue.year} 年给定的燃料比例之和为 ${issue.got}，超过 1`
        : `the fuel shares given for ${issue.year} add up to ${issue.got}, more than 1`;
    case 'distribution-range':
      return zh
        ? `文件中的取值 ${issue.nominal} 不在分布范围 ${issue.min} – ${issue.max} 之内`
        : `the file's value ${issue.nominal} lies outside the distribution's range ${issue.min} to ${issue.max}`;
    case 'not-uncertain':
      return zh
        ? `${quote(issue.got)} 在 \`uncertainty\` 中没有分布，不能参与相关：请先为它给出分布`
        : `${issue.got} has no distribution under \`uncertainty\`, so it cannot be correlated: give it one there first`;
    case 'correlation-members':
      return issue.max === issue.min
        ? zh
          ? `应列出 ${issue.min} 个参数路径，实为 ${issue.got} 个`
          : `must list ${issue.min} parameter paths, got ${issue.got}`
        : zh
          ? `应列出至少 ${issue.min} 个参数路径，实为 ${issue.got} 个`
          : `must list at least ${issue.min} parameter paths, got ${issue.got}`;
    case 'correlation-limit':
      return zh
        ? `相关性涉及 ${issue.got} 个参数，超过上限 ${issue.max} 个：请用更少的参数表达相关（如多个年份共用一个增长率）`
        : `the correlations name ${issue.got} parameters, more than the ${issue.max} that can be correlated: express them with fewer (one growth rate for several years, say)`;
    case 'correlation-not-psd': {
      const pairs = issue.pairs.map(({ between, rank }) => `${between[0]} ~ ${between[1]} ${rank}`);
      const unstated = issue.unstated.map(([a, b]) => `${a} ~ ${b}`);
      return zh
        ? `这些相关系数不能同时成立（其高斯连接函数的相关矩阵不是半正定的）：${pairs.join('；')}${unstated.length > 0 ? `；未给出的按 0 计：${unstated.join('；')}` : ''}。请减弱其中之一${unstated.length > 0 ? '或给出未给出的一对' : ''}`
        : `these correlations cannot hold together (their Gaussian-copula correlation matrix is not positive semi-definite): ${pairs.join('; ')}${unstated.length > 0 ? `; pairs not given count as 0: ${unstated.join('; ')}` : ''}; weaken one of them${unstated.length > 0 ? ' or give the missing pair' : ''}`;
    }
    case 'empty-sector':
      return zh
        ? `清单在 ${issue.gpc.map(quote).join('、')} 上没有排放或能耗，该部门为空：请删去该部门或检查其 \`gpc\``
        : `the inventory has no emissions or energy on ${issue.gpc.map(quote).join(', ')}: the sector is empty; remove it or check its \`gpc\``;
    case 'decline-base-before':
      return zh
        ? `下降目标的基准年 ${issue.from} 早于路径基年 ${issue.baseYear}，路径无法计算该年强度：请用 \`baseValue\` 给出 ${issue.from} 年的强度（如 \`{ value: 0.85, unit: t/万元 }\`）`
        : `the decline is from ${issue.from}, before the pathway's base year ${issue.baseYear}, so the pathway cannot compute that year's intensity: give it as \`baseValue\` (e.g. \`{ value: 0.85, unit: t/万元 }\`)`;
    case 'no-plant-fuel':
      return zh
        ? `${quote(issue.source)} 电源的发电量会变化，但清单 I.4.4 中没有该类燃料，无法推得单位发电燃料消耗：请在清单 I.4.4 填报该电厂燃料，并在 \`supply\` 中填写其发电量`
        : `the generation of ${quote(issue.source)} changes, but the inventory has no ${issue.source} fuel in I.4.4 to derive the plants' fuel per MWh from: give the plants' fuel in I.4.4 and their generation in \`supply\``;
    case 'missing-carrier':
      return zh
        ? `清单中没有 ${quote(issue.carrier)}（部门 ${quote(issue.sector)} 及其他部门均无），无法推得其排放因子`
        : `the inventory has no ${quote(issue.carrier)} (neither in sector ${quote(issue.sector)} nor elsewhere) to take its emission factors from`;
    case 'reserved-id':
      return zh
        ? `${quote(issue.got)} 不能用作 \`id\`（所有程序对象已有的保留名称，如 \`__proto__\`、\`constructor\`）：请换一个名称`
        : `${quote(issue.got)} cannot be an id (a name every JavaScript object already has, such as __proto__ or constructor): choose another name`;
    case 'catalogue-gap':
      return zh
        ? issue.field.startsWith('levers')
          ? `措施目录中 ${quote(issue.measure)} 的 \`${issue.field}\` 没有有据可查的数值：请为该措施写出自己的 \`effects\`（附来源）`
          : `措施目录中 ${quote(issue.measure)} 的 \`${issue.field}\` 没有有据可查的数值：请在 \`costs.${issue.field}\` 中填写（附来源）`
        : issue.field.startsWith('levers')
          ? `the catalogue has no sourced figure for \`${issue.field}\` of ${quote(issue.measure)}: give the measure its own \`effects\`, with their source`
          : `the catalogue has no sourced figure for \`${issue.field}\` of ${quote(issue.measure)}: give \`costs.${issue.field}\` in the plan, with its source`;
    case 'action-exists':
      return zh
        ? `${quote(issue.id)} 已是路径文件中的行动：请为措施另取一个 \`id\``
        : `${quote(issue.id)} is already an action of the pathway file: give the measure another id`;
    case 'missing-rate':
      return zh
        ? `没有 ${issue.year} 年货币 ${quote(issue.currency)} 的汇率或价格指数，无法折算为 ${issue.priceYear} 年人民币：请在方案中直接以人民币给出该成本`
        : `no exchange rate or price index to restate ${issue.currency} of ${issue.year} in CNY of ${issue.priceYear}: give this cost in CNY in the plan`;
    case 'constant-quantity':
      return zh
        ? `${LEVER_ZH[issue.lever] ?? quote(issue.lever)}类措施需要固定的规模（\`quantity.value\` 与 \`unit\`），不能随驱动因素变化`
        : `a ${issue.lever} measure needs a fixed quantity (\`quantity.value\` and \`unit\`), not a driver`;
    case 'self-reference':
      return zh
        ? `措施 ${quote(issue.id)} 不能在自身的 \`${issue.field}\` 中引用自己：请列出其他措施`
        : `measure ${quote(issue.id)} names itself in its own \`${issue.field}\`: list other measures there`;
    case 'invalid-catalogue':
      return zh ? `措施目录条目不符合规则（校验器原文）：${quote(issue.message)}` : `catalogue entry breaks a rule: ${issue.message}`;
    case 'invalid-date':
      return zh
        ? `${quote(issue.got)} 不是有效日期：请按 \`YYYY-MM-DD\` 填写真实存在的日期（如 "2025-06-30"）`
        : `${quote(issue.got)} is not a real date: write it as \`YYYY-MM-DD\` (e.g. "2025-06-30")`;
    case 'year-order':
      return zh
        ? `年份须逐项递增：${issue.year} 年排在 ${issue.previous} 年之后`
        : `years must increase down the list: ${issue.year} comes after ${issue.previous}`;
    case 'date-order':
      return zh
        ? `日期 ${issue.got} 早于 \`${issue.field}\`（${issue.date}）：请核对两个日期`
        : `date ${issue.got} is before \`${issue.field}\` (${issue.date}): check both dates`;
    case 'target-goal':
      return targetGoalText[issue.reason][lang];
    case 'cluster-input':
    case 'district-input':
      return issue.text[lang];
    case 'unsupported-version': {
      const kind = DOCUMENT_KIND_TEXT[issue.kind];
      return zh
        ? `此${kind.zh}为第 ${issue.got} 版；本版 peakpath 最高读取第 ${issue.max} 版：请升级 peakpath`
        : `this ${kind.en} is version ${issue.got}; this peakpath reads up to version ${issue.max}: upgrade peakpath`;
    }
    case 'implausible': {
      const bound = PLAUSIBILITY[issue.bound];
      const year = issue.year === undefined ? '' : zh ? `（${issue.year} 年）` : ` in ${issue.year}`;
      const range = `${boundFigure(bound.min, bound, lang)} – ${boundFigure(bound.max, bound, lang)}`;
      return zh
        ? `${bound.label.zh}${year}为 ${boundFigure(issue.got, bound, lang)}，远超任何城市（合理范围 ${range}）：${bound.reason.zh}。如确属实，可忽略此警告`
        : `${bound.label.en}${year} is ${boundFigure(issue.got, bound, lang)}, far outside any city (plausible: ${range}): ${bound.reason.en}. If it is right, this warning can stand`;
    }
    case 'landfill-gas-balance': {
      const tonnes = (value: number): string => String(Number(value.toPrecision(6)));
      return zh
        ? `III.1 各行填写用于能源利用的填埋气 CH4（\`recoveredForEnergy\`）共 ${tonnes(issue.recoveredForEnergy)} 吨，而固定源能源中 \`landfill-gas\` 行燃用 ${tonnes(issue.burnt)} 吨：按 GPC，能源利用部分的燃烧排放计入固定源能源（上网 I.4.4，自用计入用能部门范围一行），两者应一致，否则其燃烧排放漏计或多计`
        : `III.1 lines say ${tonnes(issue.recoveredForEnergy)} t of landfill-gas CH4 is burnt for energy (recoveredForEnergy), but landfill-gas lines in stationary energy burn ${tonnes(issue.burnt)} t: GPC counts that combustion in stationary energy (I.4.4 for the grid, else the consuming sub-sector's scope-1 row), so the two should agree, or its emissions are missed or counted without a source`;
    }
    case 'duplicate-line': {
      const same =
        issue.match === 'amount'
          ? { en: 'the same GPC row, fuel, energy or gas, amount and unit', zh: 'GPC 行、燃料（能源、气体）、活动量与单位均' }
          : { en: 'every field but note, source and quality', zh: '除 `note`、`source`、`quality` 外各字段均' };
      return zh
        ? `与 activities[${issue.first}] ${same.zh}相同，两行都将计入：如确为两处（如两座用量相同的电厂），可忽略此警告；否则请删去其一`
        : `repeats activities[${issue.first}] (${same.en}) and both are counted: if both are meant (two plants that used the same amount, say), this warning can stand; otherwise remove one`;
    }
    case 'generation-missing': {
      const lines = issue.lines.map((line) => `activities[${line}]`).join(zh ? '、' : ', ');
      return zh
        ? `I.4.4 有电厂燃料（${lines}），但 \`supply.electricity\` 未填本地发电量或调入调出电量：能源活动 CO2 既计电厂燃料，又把其发电量当作调入电力重复计算。请填写 \`supply.electricity.generation\`（或 \`imports\` 与 \`exports\`）`
        : `power-plant fuel in I.4.4 (${lines}) but no local generation or stated transfers in supply.electricity: the official energyCo2 counts the plants' fuel and their output again as imported electricity. Give supply.electricity.generation (or imports and exports)`;
    }
    case 'not-a-document': {
      const kind = issue.kind ?? 'inventory';
      const text = DOCUMENT_KIND_TEXT[kind];
      return zh ? `${text.zh}应为对象（键值映射），实为${typeText(issue.got, lang)}` : `${kind === 'inventory' ? 'an' : 'a'} ${text.en} must be an object (a mapping), got ${issue.got}`;
    }
    default: {
      const unhandled: never = issue;
      return String(unhandled);
    }
  }
}
