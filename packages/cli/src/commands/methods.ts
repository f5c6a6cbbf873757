import { METHOD_LIST, type Lang } from '@peakpath/core';
import { renderTable } from '../format/table.ts';
import type { CommandOutput } from '../output.ts';
import { jsonText } from '../format/json.ts';

/** `peakpath methods`: the calculation methods a `method` line can name, with their rows and fields. */
export function methodsCommand(options: { json: boolean; pretty?: boolean; lang: Lang }): CommandOutput {
  if (options.json) {
    const methods = METHOD_LIST.map((method) => ({ id: method.id, name: method.name, rows: method.rows, fields: method.fields }));
    return { status: 0, stdout: jsonText(methods, options.pretty) };
  }
  const zh = options.lang === 'zh';
  const header = zh ? ['方法', '名称', 'GPC 行', '字段'] : ['method', 'name', 'GPC rows', 'fields'];
  const rows = METHOD_LIST.map((method) => [method.id, zh ? method.name.zh : method.name.en, method.rows.join(' '), method.fields.join(zh ? '、' : ', ')]);
  const footer = zh
    ? '用法：在活动行中写 `method: <方法>` 及其字段，如 `{ gpc: III.2.1, method: biological-treatment, treatment: composting, waste: { value: 1, unit: 万吨 } }`。详见 `docs/methods.md`。'
    : 'Use: a line with `method: <id>` and its fields, e.g. `{ gpc: III.2.1, method: biological-treatment, treatment: composting, waste: { value: 1, unit: 万吨 } }`. See `docs/methods.md`.';
  return { status: 0, stdout: `${renderTable(header, rows, ['left', 'left', 'left', 'left'])}\n${footer}\n` };
}
