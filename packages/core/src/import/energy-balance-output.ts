import type { BalanceGeneration, BalanceGrid, BalanceImportOptions, BalanceLine } from './energy-balance.ts';

/** The imported balance as an inventory document (for the engine) and as its commented YAML (for people). */

export function inventoryDocument(lines: readonly BalanceLine[], electricity: readonly BalanceGeneration[], heat: readonly BalanceGeneration[], options: BalanceImportOptions): Record<string, unknown> {
  const supply: Record<string, unknown> = {};
  if (electricity.length > 0) supply['electricity'] = { generation: electricity.map(({ source, amount, unit }) => ({ source, amount, unit })) };
  if (heat.length > 0) supply['heat'] = { generation: heat.map(({ source, amount, unit }) => ({ source, amount, unit })) };
  return {
    city: { name: options.city ?? 'City', country: 'CN' },
    year: options.year,
    ...(options.grid === undefined ? {} : { grid: options.grid }),
    ...(Object.keys(supply).length > 0 ? { supply } : {}),
    activities: lines.map(({ source, ...line }) => ({ ...line, source })),
  };
}

const quote = (value: string): string => JSON.stringify(value);
/** A unit as a YAML scalar: plain when it is letters and digits (万吨, 亿kWh), quoted otherwise. */
const unitScalar = (unit: string): string => (/^[\p{L}\p{N}_.³²]+$/u.test(unit) ? unit : quote(unit));

function lineYaml(line: BalanceLine): string {
  const what = line.fuel !== undefined ? `fuel: ${line.fuel}` : `energy: ${line.energy ?? ''}`;
  const use = line.use ? `, use: ${line.use}` : '';
  const technology = line.technology ? `, technology: ${line.technology}` : '';
  const assumed = line.technology ? '  # technology assumed: the balance gives none; change it if the fleet is known' : '';
  return `  - { gpc: ${line.gpc}, ${what}, amount: ${line.amount}, unit: ${unitScalar(line.unit)}${use}${technology}, source: ${quote(line.source)} }${assumed}`;
}

export function inventoryYaml(lines: readonly BalanceLine[], electricity: readonly BalanceGeneration[], heat: readonly BalanceGeneration[], notes: readonly string[], grid: BalanceGrid, options: BalanceImportOptions): string {
  const out: string[] = [
    `# Imported from the energy balance ${options.file ?? grid.sheet}, sheet ${grid.sheet}, by \`peakpath import energy-balance\``,
    '# 由能源平衡表导入；每行的 source 注明其单元格（工作表!单元格（行 × 列））。',
    '# Mapping (docs/import-energy-balance.md): 居民生活 → I.1.1/I.1.2; 批发零售住宿餐饮, 其他 → I.2.1/I.2.2;',
    '# 工业, 建筑业 → I.3.1/I.3.2 (用作原料、材料 → I.3.1 use: feedstock); 农林牧渔 → I.5.1/I.5.2;',
    '# 交通运输、仓储和邮政业 → II.1.1/II.1.2 (the balance has no split by mode: the sector is taken as road, its fuel oil',
    '#   as ships\' (II.3.1) and its kerosene as aircraft\'s (II.4.1); gasoline on roads with an assumed vehicle technology);',
    '# 火力发电, 供热 inputs → I.4.4, outputs → supply (by fuel family, in proportion to input energy); 电力损失量 → I.4.3.',
    ...notes.map((note) => `# ${note}`),
    `# To add by hand: ${options.grid === undefined ? 'the grid factor (grid: CN-east-2023 …), ' : ''}${options.city === undefined ? 'the city\'s name, ' : ''}population and GDP. 请补充${options.grid === undefined ? '电网因子（grid）、' : ''}${options.city === undefined ? '城市名称、' : ''}人口和 GDP。`,
    `city: { name: ${quote(options.city ?? 'City')}, country: CN }`,
    `year: ${options.year}`,
    ...(options.grid === undefined ? [] : [`grid: ${quote(options.grid)}`]),
  ];
  if (electricity.length > 0 || heat.length > 0) {
    out.push('supply:');
    for (const [name, list] of [['electricity', electricity], ['heat', heat]] as const) {
      if (list.length === 0) continue;
      out.push(`  ${name}:`, '    generation:');
      for (const entry of list) out.push(`      - { source: ${entry.source}, amount: ${entry.amount}, unit: ${unitScalar(entry.unit)} }  # ${entry.from}`);
    }
  }
  out.push('activities:');
  for (const line of lines) out.push(lineYaml(line));
  return `${out.join('\n')}\n`;
}
