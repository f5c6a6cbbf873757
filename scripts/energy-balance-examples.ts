/**
 * Writes examples/energy-balance/: the template (XLSX, Chinese and English headings, no figures), the
 * illustrative filled example (physical units, a title row, merged headings, units in a row) and the
 * inventory `peakpath import energy-balance` makes of it. Run: npx tsx --conditions=source scripts/energy-balance-examples.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importEnergyBalance } from '@peakpath/core';
import { readSpreadsheet } from '@peakpath/node';
import { physicalLayout, templateLayout } from './energy-balance/tables.ts';
import { xlsxBytes } from './energy-balance/xlsx.ts';

const DIR = fileURLToPath(new URL('../examples/energy-balance/', import.meta.url));

writeFileSync(join(DIR, 'template.xlsx'), xlsxBytes(templateLayout(), '能源平衡表'));
writeFileSync(join(DIR, 'example.xlsx'), xlsxBytes(physicalLayout(), '能源平衡表'));
const file = 'examples/energy-balance/example.xlsx';
// The same as: peakpath import energy-balance examples/energy-balance/example.xlsx --year 2023 --city 示例市 --grid CN-east-2023
const result = importEnergyBalance(await readSpreadsheet(join(DIR, 'example.xlsx')), { year: 2023, file, city: '示例市', grid: 'CN-east-2023' });
if (result.problems.length > 0) throw new Error(`the example does not import: ${JSON.stringify(result.problems)}`);
writeFileSync(join(DIR, 'inventory.yaml'), result.yaml);
console.log(`wrote ${DIR}: template.xlsx, example.xlsx, inventory.yaml (${result.lines.length} lines)`);
