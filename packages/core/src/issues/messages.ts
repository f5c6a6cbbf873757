import { formatPath, type Issue, type MissingFactor, type NotApplicableReason } from './issue.ts';

export type Lang = 'en' | 'zh';

const quote = (value: string): string => JSON.stringify(value);
const list = (values: readonly string[]): string => values.map(quote).join(', ');
const hint = (suggestion: string | undefined, lang: Lang): string =>
  suggestion === undefined ? '' : lang === 'zh' ? `（是否应为 ${quote(suggestion)}？）` : ` (did you mean ${quote(suggestion)}?)`;

/** What to add to the line for each missing value, in both languages. */
const missingFactorText: Record<MissingFactor, { en: string; zh: string }> = {
  ncv: {
    en: 'a net calorific value: add `ncv` { value, unit } in GJ/t (MJ/m3 for an amount in m3), or give the amount in an energy unit (GJ, tce)',
    zh: '低位发热量：请填写 `ncv` { value, unit }，单位 GJ/t（活动量以立方米计时用 MJ/m3），或以能量单位（GJ、tce）填写活动量',
  },
  'ncv-per-volume': {
    en: 'a net calorific value per volume for an amount in m3: add `ncv` in MJ/m3, or give the amount by mass',
    zh: '按体积计的低位发热量（活动量以立方米计）：请填写以 MJ/m3 计的 `ncv`，或改按质量填写活动量',
  },
  'ncv-per-mass': {
    en: 'a net calorific value per mass for an amount by mass: add `ncv` in GJ/t, or give the amount in m3',
    zh: '按质量计的低位发热量（活动量以质量计）：请填写以 GJ/t 计的 `ncv`，或改按体积填写活动量',
  },
  co2: { en: 'a CO2 emission factor: add `ef.CO2` { value, unit } (e.g. in kg/TJ)', zh: ' CO2 排放因子：请填写 `ef.CO2` { value, unit }（如以 kg/TJ 计）' },
  ch4: { en: 'a CH4 emission factor: add `ef.CH4` { value, unit } (e.g. in kg/TJ)', zh: ' CH4 排放因子：请填写 `ef.CH4` { value, unit }（如以 kg/TJ 计）' },
  n2o: { en: 'an N2O emission factor: add `ef.N2O` { value, unit } (e.g. in kg/TJ)', zh: ' N2O 排放因子：请填写 `ef.N2O` { value, unit }（如以 kg/TJ 计）' },
  'carbon-content': {
    en: 'a carbon content for the cn method: add `carbonContent` { value, unit: "tC/TJ" } (or `ef.CO2`)',
    zh: '单位热值含碳量（cn 方法）：请填写 `carbonContent` { value, unit: "tC/TJ" }（或 `ef.CO2`）',
  },
  oxidation: {
    en: 'an oxidation rate for the cn method: add `oxidation` (0–1) (or `ef.CO2`)',
    zh: '碳氧化率（cn 方法）：请填写 `oxidation`（0–1）（或 `ef.CO2`）',
  },
  technology: {
    en: 'a vehicle technology for gasoline on roads: add `technology` ("gasoline-uncontrolled", "gasoline-oxidation-catalyst" or "gasoline-low-mileage-1995"), or `ef.CH4` and `ef.N2O`',
    zh: '道路汽油车的技术类型：请填写 `technology`（"gasoline-uncontrolled"、"gasoline-oxidation-catalyst" 或 "gasoline-low-mileage-1995"），或填写 `ef.CH4` 与 `ef.N2O`',
  },
};

const notApplicableText: Record<NotApplicableReason, { en: string; zh: string }> = {
  technology: { en: 'applies only to gasoline on on-road rows (II.1)', zh: '仅适用于道路交通（II.1）行的汽油' },
  'ch4-origin': { en: 'applies only to CH4 lines', zh: '仅适用于 CH4 排放行' },
  'coal-rate': { en: 'applies only with method "coal-consumption"', zh: '仅在 method 为 "coal-consumption" 时适用' },
  'cn-method': {
    en: 'applies only under factorSet "cn" (under "ipcc2006" CO2 is energy × the Table 1.4 factor: give `ef.CO2` instead)',
    zh: '仅适用于因子集 "cn"（"ipcc2006" 下 CO2 = 能量 × 表1.4 因子；如需自定义请填写 `ef.CO2`）',
  },
};

/** One line per problem: `activities[3].unit: "kWhh" is not a known unit (did you mean "kWh"?)`. */
export function formatIssue(issue: Issue, lang: Lang = 'en'): string {
  return `${formatPath(issue.path)}: ${describeIssue(issue, lang)}`;
}

export function describeIssue(issue: Issue, lang: Lang = 'en'): string {
  const zh = lang === 'zh';
  switch (issue.code) {
    case 'required':
      return zh ? '缺少必填项' : 'is required';
    case 'type':
      return zh ? `应为 ${issue.expected}，实为 ${issue.got}` : `expected ${issue.expected}, got ${issue.got}`;
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
        ? `${quote(issue.got)} 不是可选值，应为 ${list(issue.allowed)} 之一${hint(issue.suggestion, lang)}`
        : `${quote(issue.got)} is not one of ${list(issue.allowed)}${hint(issue.suggestion, lang)}`;
    case 'unknown-field':
      return zh ? `未知字段 ${quote(issue.field)}${hint(issue.suggestion, lang)}` : `${quote(issue.field)} is not a known field${hint(issue.suggestion, lang)}`;
    case 'unknown-unit':
      return zh ? `${quote(issue.got)} 不是已知单位${hint(issue.suggestion, lang)}` : `${quote(issue.got)} is not a known unit${hint(issue.suggestion, lang)}`;
    case 'wrong-dimension':
      return zh
        ? `单位 ${quote(issue.unit)} 的量纲为 ${issue.got}，此处应为 ${issue.expected.join(' 或 ')}`
        : `unit ${quote(issue.unit)} measures ${issue.got}, expected ${issue.expected.join(' or ')}`;
    case 'unknown-fuel':
      return zh ? `${quote(issue.got)} 不是已知燃料${hint(issue.suggestion, lang)}` : `${quote(issue.got)} is not a known fuel${hint(issue.suggestion, lang)}`;
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
      return zh ? `${quote(issue.got)} 不是 ISO 3166-1 两位国家代码（如 "CN"）` : `${quote(issue.got)} is not an ISO 3166-1 alpha-2 country code (such as "CN")`;
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
      return zh ? `同时含有 ${issue.forms.join('、')}，一行只能是一种类型` : `has ${issue.forms.join(', ')}: a line is one form only`;
    case 'form-not-on-row':
      return zh
        ? `GPC ${issue.gpc} 行不接受 ${issue.form} 类型的活动行，可用：${issue.allowed.join('、')}`
        : `${issue.form} lines do not belong on GPC row ${issue.gpc}; that row takes: ${issue.allowed.join(', ')}`;
    case 'missing-factor': {
      const where = [issue.fuel, issue.context].filter((part) => part !== undefined).join(', ');
      const text = missingFactorText[issue.need];
      return zh
        ? `因子库中没有${where ? `（${where}）` : ''}所需的${text.zh}`
        : `the library has no value for this line${where ? ` (${where})` : ''}; the method needs ${text.en}`;
    }
    case 'missing-grid':
      return zh
        ? '未指定电网排放因子：请在文件顶层或该行填写 `grid`（如 "CN-east-2022"），或填写 `ef.CO2`（t/MWh）'
        : 'no grid factor: set `grid` at the top of the file or on the line (e.g. "CN-east-2022"), or give `ef.CO2` in t/MWh';
    case 'missing-coal-rate':
      return zh
        ? '发电煤耗法需要当年火电供电煤耗：请填写 `energyAccounting.coalRate`（如 { value: 300, unit: "gce/kWh" }）'
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
        ? `方法 ${quote(issue.method)} 不适用于 GPC ${issue.gpc} 行，适用：${issue.rows.join('、')}`
        : `method ${quote(issue.method)} does not compute GPC row ${issue.gpc}; it computes ${issue.rows.join(', ')}`;
    case 'missing-parameter':
      return zh
        ? `因子库中没有方法 ${issue.method}${issue.category ? `（${issue.category}）` : ''} 的 \`${issue.field}\` 默认值：请在该行填写`
        : `the library has no default \`${issue.field}\` for method ${issue.method}${issue.category ? ` (${issue.category})` : ''}: give it on the line`;
    case 'unknown-category':
      return zh
        ? `${quote(issue.got)} 不是可选类别，应为 ${list(issue.allowed)} 之一${hint(issue.suggestion, lang)}`
        : `${quote(issue.got)} is not one of ${list(issue.allowed)}${hint(issue.suggestion, lang)}`;
    case 'not-a-document':
      return zh ? `清单文件应为对象（键值映射），实为 ${issue.got}` : `an inventory file must be an object (a mapping), got ${issue.got}`;
    default: {
      const unhandled: never = issue;
      return String(unhandled);
    }
  }
}
