import { citation, defaultLibrary, FACTOR_KINDS, unitName, type Factor, type FactorKind, type Lang } from '@peakpath/core';
import { renderTable } from '../format/table.ts';
import type { CommandOutput } from '../output.ts';
import { jsonText } from '../format/json.ts';

export interface FactorsOptions {
  readonly json: boolean;
  readonly pretty?: boolean;
  readonly lang: Lang;
  readonly kind?: string | undefined;
}

/** The factor kinds and verification levels in Chinese; `--kind` still takes the id. */
const KIND_ZH: Readonly<Record<FactorKind, string>> = {
  ncv: '低位发热量',
  'co2-ef': 'CO2 排放因子',
  'ch4-ef': 'CH4 排放因子',
  'n2o-ef': 'N2O 排放因子',
  'carbon-content': '单位热值含碳量',
  oxidation: '碳氧化率',
  gwp: '全球变暖潜势',
  grid: '电网排放因子',
  'tce-coefficient': '折标准煤系数',
  'air-pollutant': '大气污染物排放因子',
  parameter: '方法参数',
};
const VERIFICATION_ZH: Readonly<Record<Factor['verification'], string>> = { verified: '已核实', secondary: '转录', unverified: '未核实' };

/** Units whose id is an English word (day, yr, fraction …); the SI symbols (t, GJ, kg/TJ) stay as a file writes them. */
const WORD_UNITS: ReadonlySet<string> = new Set(['day', 'yr', 'head', 'person', 'household', 'vehicle', 'unit', 'fraction', '1']);
const unitZh = (id: string): string => id.split('/').map((part) => (WORD_UNITS.has(part) ? unitName(part, 'zh') : part)).join('/') || '—';

/** `peakpath factors [QUERY]`: the factor library, searched, with every value's source. */
export function factorsCommand(query: string | undefined, options: FactorsOptions): CommandOutput {
  const zh = options.lang === 'zh';
  if (options.kind !== undefined && !(FACTOR_KINDS as readonly string[]).includes(options.kind)) {
    return { status: 2, stderr: zh ? `--kind："${options.kind}" 不是因子类别，应为 ${FACTOR_KINDS.join('、')} 之一\n` : `--kind: "${options.kind}" is not one of ${FACTOR_KINDS.join(', ')}\n` };
  }
  const found = defaultLibrary.search(query ?? '').filter((factor) => options.kind === undefined || factor.kind === (options.kind as FactorKind));
  if (options.json) {
    const records = found.map((factor) => ({ ...factor, unit: factor.unit.id, toBase: undefined, source: factor.source, citation: citation(factor) }));
    return { status: 0, stdout: jsonText({ version: defaultLibrary.version, factors: records }, options.pretty) };
  }
  if (found.length === 0) {
    return { status: 0, stdout: zh ? `没有与 "${query ?? ''}" 匹配的因子。\n` : `No factor matches "${query ?? ''}".\n` };
  }
  const header = zh ? ['编号', '类别', '数值', '单位', '核实程度', '名称', '来源'] : ['id', 'kind', 'value', 'unit', 'verification', 'name', 'source'];
  const rows = found.map((factor: Factor) => [
    factor.id,
    zh ? KIND_ZH[factor.kind] : factor.kind,
    String(factor.value),
    zh ? unitZh(factor.unit.id) : factor.unit.id,
    zh ? VERIFICATION_ZH[factor.verification] : factor.verification,
    zh ? factor.name.zh : factor.name.en,
    citation(factor),
  ]);
  const footer = zh
    ? `共 ${found.length} 项，因子库版本 ${defaultLibrary.version}。核实程度：已核实，取自机器可读原文；转录，取自转录本，需与原文核对；未核实，未找到出处或出处未能确认，仅供参考。`
    : `${found.length} factor${found.length === 1 ? '' : 's'}, library ${defaultLibrary.version}. verified: read from a machine-readable copy of the source; secondary: from a transcription, to confirm against the original; unverified: recalled, or its source not confirmed.`;
  return { status: 0, stdout: `${renderTable(header, rows, ['left', 'left', 'right', 'left', 'left', 'left', 'left'])}\n${footer}\n` };
}
