import { citation, defaultLibrary, FACTOR_KINDS, type Factor, type FactorKind, type Lang } from '@peakpath/core';
import { renderTable } from '../format/table.ts';
import type { CommandOutput } from '../output.ts';
import { jsonText } from '../format/json.ts';

export interface FactorsOptions {
  readonly json: boolean;
  readonly pretty?: boolean;
  readonly lang: Lang;
  readonly kind?: string | undefined;
}

/** `peakpath factors [QUERY]`: the factor library, searched, with every value's source. */
export function factorsCommand(query: string | undefined, options: FactorsOptions): CommandOutput {
  if (options.kind !== undefined && !(FACTOR_KINDS as readonly string[]).includes(options.kind)) {
    return { status: 2, stderr: `--kind: "${options.kind}" is not one of ${FACTOR_KINDS.join(', ')} / 因子类别不存在\n` };
  }
  const found = defaultLibrary.search(query ?? '').filter((factor) => options.kind === undefined || factor.kind === (options.kind as FactorKind));
  if (options.json) {
    const records = found.map((factor) => ({ ...factor, unit: factor.unit.id, toBase: undefined, source: factor.source, citation: citation(factor) }));
    return { status: 0, stdout: jsonText({ version: defaultLibrary.version, factors: records }, options.pretty) };
  }
  const zh = options.lang === 'zh';
  if (found.length === 0) {
    return { status: 0, stdout: zh ? `没有与 "${query ?? ''}" 匹配的因子。\n` : `No factor matches "${query ?? ''}".\n` };
  }
  const header = zh ? ['编号', '类别', '数值', '单位', '核实程度', '名称', '来源'] : ['id', 'kind', 'value', 'unit', 'verification', 'name', 'source'];
  const rows = found.map((factor: Factor) => [
    factor.id,
    factor.kind,
    String(factor.value),
    factor.unit.id,
    factor.verification,
    zh ? factor.name.zh : factor.name.en,
    citation(factor),
  ]);
  const footer = zh
    ? `共 ${found.length} 项，因子库版本 ${defaultLibrary.version}。核实程度：verified 取自机器可读原文；secondary 取自转录，需与原文核对；unverified 未找到出处或出处未能确认，仅供参考。`
    : `${found.length} factor${found.length === 1 ? '' : 's'}, library ${defaultLibrary.version}. verified: read from a machine-readable copy of the source; secondary: from a transcription, to confirm against the original; unverified: recalled, or its source not confirmed.`;
  return { status: 0, stdout: `${renderTable(header, rows, ['left', 'left', 'right', 'left', 'left', 'left', 'left'])}\n${footer}\n` };
}
