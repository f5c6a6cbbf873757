import { dimensionName, unitName, type Lang } from '@peakpath/core';
// The units module alone: `peakpath units` starts without loading the factor library (BENCHMARKS.md, start-up).
import { listUnits } from '@peakpath/core/units';
import { renderTable } from '../format/table.ts';
import type { CommandOutput } from '../output.ts';
import { jsonText } from '../format/json.ts';

const BASE_UNIT: Record<string, string> = {
  mass: 't',
  volume: 'm3',
  energy: 'GJ',
  carbon: 'tC',
  emissions: 'tCO2e',
  money: 'CNY',
  population: 'person',
  head: 'head',
  area: 'ha',
  distance: 'km',
  time: 'day',
  dimensionless: '1',
};

/** `peakpath units`: every unit spelling the inventory file accepts, with its conversion. */
export function unitsCommand(options: { json: boolean; pretty?: boolean; lang: Lang }): CommandOutput {
  const units = listUnits();
  if (options.json) {
    return { status: 0, stdout: jsonText(units.map((unit) => ({ ...unit, baseUnit: BASE_UNIT[unit.dimension] })), options.pretty) };
  }
  const zh = options.lang === 'zh';
  const header = zh ? ['单位', '其他写法', '量纲', '折合基本单位', '名称'] : ['unit', 'also written', 'dimension', 'in base unit', 'name'];
  const rows = units.map((unit) => [
    unit.id,
    unit.aliases.join(zh ? '、' : ', '),
    zh ? dimensionName(unit.dimension, 'zh') : unit.dimension,
    zh ? `${unit.toBase} ${unitName(BASE_UNIT[unit.dimension] ?? '', 'zh')}`.trimEnd() : `${unit.toBase} ${BASE_UNIT[unit.dimension] ?? ''}`,
    zh ? unit.name.zh : unit.name.en,
  ]);
  const footer = zh
    ? '因子单位可由任意两个单位以 "/" 组合，如 GJ/t、MJ/m3、kg/TJ、tC/TJ、t/MWh、kg/m3、kg/t、gce/kWh。'
    : 'Factor units combine any two units with "/": GJ/t, MJ/m3, kg/TJ, tC/TJ, t/MWh, kg/m3, kg/t, gce/kWh, …';
  return { status: 0, stdout: `${renderTable(header, rows, ['left', 'left', 'left', 'right', 'left'])}\n${footer}\n` };
}
