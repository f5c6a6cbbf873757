import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.ts';
import type { TableCell } from './columns.ts';
import { cdpEmissionsTable } from './cdp-emissions.ts';

const city = { name: 'X', country: 'CN' };
const grid = { gpc: 'I.1.2', energy: 'electricity', amount: 10, unit: 'MWh', grid: 'CN-east-2022' };
const inventory = (activities: readonly object[]) => {
  const run = createEngine().inventory({ city, year: 2022, activities });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
};
/** Each scope column (3, 5, 7) summed over the sector lines (those with a GPC reference in column 2). */
const scopeSums = (rows: readonly (readonly TableCell[])[]) =>
  [3, 5, 7].map((column) => rows.filter((row) => typeof row[2] === 'string' && /^[IVX]+\./.test(row[2])).reduce((sum, row) => sum + (typeof row[column] === 'number' ? row[column] : 0), 0));

describe('the CDP-ICLEI emissions table', () => {
  it('shows other scope 3 (VI.1) when the inventory reports there, so the scope totals are the sums of the lines shown', () => {
    const result = inventory([grid, { gpc: 'VI.1', gas: 'CO2', amount: 1000, unit: 't' }]);
    const table = cdpEmissionsTable(result, 'en');
    const other = table.rows.find((row) => row[2] === 'VI.1')!;
    expect(other.slice(0, 3)).toEqual(['Other scope 3', 'Other scope 3', 'VI.1']);
    expect(other[7]).toBe(1000);
    const total = table.rows.find((row) => row[0] === 'Total by scope')!;
    expect(scopeSums(table.rows)).toEqual([total[3], total[5], total[7]]);
    expect(total[7]).toBe(result.totals.scope3);
  });

  it('leaves other scope 3 out when the inventory says nothing of it (CDP does not ask it)', () => {
    const table = cdpEmissionsTable(inventory([grid]), 'en');
    expect(table.rows.some((row) => row[2] === 'VI.1')).toBe(false);
  });
});
