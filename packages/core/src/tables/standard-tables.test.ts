import { describe, expect, it } from 'vitest';
import { GPC_ROWS } from '../gpc/structure.ts';
import type { Indicator } from '../tracking/types.ts';
import { cdpRows } from './cdp-emissions.ts';
import type { TableCell } from './columns.ts';
import { actionsTable, readActionsTable } from './tracking-actions.ts';
import { indicatorsTrackingTable, readIndicatorsTable } from './tracking-indicators.ts';

const indicator: Indicator = {
  id: 'share',
  area: 'energy-management',
  name: { zh: '非化石能源占比' },
  unit: '%',
  direction: 'increase',
  base: { year: 2020, value: 20 },
  goals: [{ year: 2025, value: 25 }],
  actuals: [{ year: 2023, value: 22.5, source: 'bulletin' }],
};

describe('the CDP rows', () => {
  it('map every GPC row exactly once', () => {
    const mapped = cdpRows().flatMap((row) => row.rows.map((gpc) => gpc.ref));
    expect(mapped.slice().sort()).toEqual([...GPC_ROWS.keys()].sort());
    expect(new Set(mapped).size).toBe(mapped.length);
  });
});

describe('reading a tracking indicators table', () => {
  const table = indicatorsTrackingTable({ indicators: [indicator] }, 'en');

  it('reads back what it wrote', () => {
    expect(readIndicatorsTable(table)).toEqual({ indicators: [indicator], problems: [] });
  });

  it('refuses a header it does not know (no key comes from a cell), and a missing required column', () => {
    const rows = table.rows.map((row) => [...row]);
    rows[0]![0] = '__proto__';
    const read = readIndicatorsTable({ sheet: 'indicators', rows });
    expect(read.indicators).toEqual([]);
    expect(read.problems.map((problem) => [problem.code, problem.cell])).toEqual([['unknown-column', 'indicators!A1'], ['missing-column', 'indicators!1']]);
  });

  it('needs one base row per indicator and the same particulars on each of its rows', () => {
    const rows: TableCell[][] = table.rows.map((row) => [...row]);
    rows.push([...rows[1]!]);
    rows[2]![4] = 'percent';
    const read = readIndicatorsTable({ sheet: 'indicators', rows });
    expect(read.indicators).toEqual([]);
    expect(read.problems.map((problem) => problem.en)).toEqual([
      'indicators!E3 (unit): unit differs from the indicator\'s row 2 ("%")',
      'indicators!2: the indicator "share" needs exactly one base row, has 2',
    ]);
  });

  it('reads names in either language and ids', () => {
    const zh = indicatorsTrackingTable({ indicators: [indicator] }, 'zh');
    expect(zh.rows[1]!.slice(0, 8)).toEqual(['share', '能源管理', '非化石能源占比', null, '%', '越高越好', '基准值', 2020]);
    const rows = zh.rows.map((row) => [...row]);
    rows[1]![1] = 'energy-management';
    rows[2]![5] = 'Increase';
    expect(readIndicatorsTable({ sheet: '指标', rows }).indicators).toEqual([indicator]);
  });
});

describe('reading an actions table', () => {
  it('refuses a duplicate id, a status without its reason and half a budget, each in its cell', () => {
    const table = actionsTable({ actions: [{ id: 'a', name: { en: 'A' }, kind: 'mitigation', area: 'transportation', hazards: [], lead: 'bureau', collaborators: [], phase: 'planning', tasks: [], updates: [], indicators: [] }] }, 'en');
    const rows = table.rows.map((row) => [...row]);
    rows.push([...rows[1]!]);
    rows[2]![10] = 'late';
    rows[2]![15] = 100;
    const read = readActionsTable({ sheet: 'actions', rows });
    expect(read.actions).toHaveLength(1);
    expect(read.problems.map((problem) => problem.cell)).toEqual(['actions!L3', 'actions!P3', 'actions!A3']);
  });
});
