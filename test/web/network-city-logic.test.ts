/**
 * The pure logic behind the network overview and the city dashboard: the CSV export's escaping, the
 * table's sort (no data always last), and the dashboard's views of a real inventory result (the demo
 * city's, computed by the core) checked against the result's own totals.
 */
import { fileURLToPath } from 'node:url';
import { createEngine, inventoryOutput, warningsJson, type InventoryJson } from '@peakpath/core';
import { readDocument } from '@peakpath/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCsv, csvCell } from '../../packages/web/src/pages/network/csv.ts';
import { compareValues, sortRows } from '../../packages/web/src/pages/network/sort.ts';
import { peakStatus, type PathwaySummary } from '../../packages/web/src/pages/network/summary.ts';
import { comparisonYears, emissionsIn, issuePath, issueText, peakYearShares, probabilityYear } from '../../packages/web/src/pages/network/cluster-model.ts';
import { gasBreakdown, sankeyData, sectorRows, trendPoints } from '../../packages/web/src/pages/city/build.ts';

describe('the benchmarking CSV', () => {
  it('escapes a cell a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('示例市')).toBe('示例市');
  });

  it('writes numbers as numbers (a negative figure is not a formula), missing as empty, never 0', () => {
    expect(csvCell(-286391.5)).toBe('-286391.5');
    expect(csvCell(35522459.94)).toBe('35522459.94');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('starts with a byte-order mark, ends rows with CRLF and quotes commas, quotes and line breaks', () => {
    const text = buildCsv(['成员', 'BASIC'], [['A, "B"', 1], ['=cmd', null]]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('成员,BASIC\r\n"A, ""B""",1\r\n\'=cmd,\r\n');
  });
});

describe('sorting the table', () => {
  const rows = [{ v: 3 as number | null }, { v: null }, { v: 1 }, { v: 2 }];
  it('orders either way and keeps "no data yet" last in both', () => {
    expect(sortRows(rows, (row) => row.v, 'ascending', 'en').map((row) => row.v)).toEqual([1, 2, 3, null]);
    expect(sortRows(rows, (row) => row.v, 'descending', 'en').map((row) => row.v)).toEqual([3, 2, 1, null]);
  });
  it('compares names in the user’s language', () => {
    expect(compareValues('b', 'a', 'ascending', 'en')).toBeGreaterThan(0);
    expect(compareValues('b', 'a', 'descending', 'en')).toBeLessThan(0);
  });
});

describe('peak status', () => {
  const computed = (basis: string): PathwaySummary => ({
    documentId: 'p', name: 'pathways', version: 1, computed: true,
    scenario: { id: 'policy', name: { en: 'Policy', zh: '政策' } },
    peak: { year: 2030, value: 1 },
    officialPeak: { year: 2028, value: 2 },
    peakTargets: [{ id: 'peak', name: { en: 'Peak', zh: '达峰' }, year: 2030, basis, met: true }],
  });
  it('reads the peak on the basis the target is judged on', () => {
    expect(peakStatus(computed('energyCo2'))).toMatchObject({ computed: true, basis: 'energyCo2', peak: { year: 2028 } });
    expect(peakStatus(computed('basic'))).toMatchObject({ computed: true, basis: 'basic', peak: { year: 2030 } });
    expect(peakStatus(null)).toBeNull();
    expect(peakStatus({ documentId: 'p', name: 'x', version: 1, computed: false, problem: { en: 'no', zh: '否' } })).toEqual({ computed: false, problem: { en: 'no', zh: '否' } });
  });
});

describe('the dashboard’s views of the demo city’s inventory', () => {
  let result: InventoryJson;
  let body: { activities: { fuel?: string }[] };
  beforeAll(async () => {
    body = (await readDocument(fileURLToPath(new URL('../../examples/demo-city/inventory.yaml', import.meta.url)))) as typeof body;
    const run = createEngine().inventory(body, { id: 'demo' });
    if (!run.ok) throw new Error('the demo inventory does not compute');
    result = inventoryOutput(run.value, warningsJson(run.warnings));
  });

  it('splits sectors by scope so that they add up to the scope totals', () => {
    const rows = sectorRows(result);
    expect(rows.length).toBeGreaterThan(2);
    for (const scope of ['scope1', 'scope2', 'scope3'] as const) expect(rows.reduce((sum, row) => sum + row[scope], 0)).toBeCloseTo(result.totals[scope], 3);
  });

  it('attributes BASIC to gases by each line’s GWP, adding up to the BASIC total', () => {
    const gases = gasBreakdown(result);
    expect(gases.co2e).not.toBeNull();
    const co2e = gases.co2e!;
    expect(co2e.CO2 + co2e.CH4 + co2e.N2O + co2e.other + co2e.unattributed).toBeCloseTo(result.totals.basic, 3);
    expect(co2e.CH4).toBeGreaterThan(gases.mass.CH4);
  });

  it('draws a Sankey whose flows into the scopes add up to the positive BASIC lines', () => {
    const fuels = new Map(body.activities.flatMap((activity, index) => (activity.fuel ? [[index, activity.fuel] as const] : [])));
    const data = sankeyData(result, fuels, { carrier: (line, fuel) => fuel ?? line.form, sector: (sector) => `S${sector}`, scope: (scope) => `scope ${scope}` });
    const positive = result.lines.filter((line) => line.level === 'BASIC' && line.co2e > 0).reduce((sum, line) => sum + line.co2e, 0);
    const intoScopes = data.links.filter((link) => link.target.startsWith('scope ')).reduce((sum, link) => sum + link.value, 0);
    expect(intoScopes).toBeCloseTo(positive, 3);
    expect(data.nodes.find((node) => node.name === 'raw_coal')).toEqual({ name: 'raw_coal', depth: 0 });
    expect(data.links.some((link) => link.source === 'electricity' && link.target === 'SI')).toBe(true);
  });

  it('keeps one point per year, the last updated', () => {
    expect(trendPoints([{ year: 2022, updatedAt: '2026-01-01', v: 1 }, { year: 2020, updatedAt: '2026-01-01', v: 2 }, { year: 2022, updatedAt: '2026-02-01', v: 3 }]).map((point) => point.v)).toEqual([2, 3]);
  });
});

describe('the city-cluster block’s choices', () => {
  const years = Array.from({ length: 39 }, (_, y) => 2022 + y);

  it('compares the scenarios in 2030 and the last year, and asks the probability of peaking by 2030', () => {
    expect(comparisonYears(years)).toEqual([2030, 2060]);
    expect(comparisonYears([2022, 2023, 2024, 2025])).toEqual([2025]);
    expect(comparisonYears([2025, 2026, 2027, 2028, 2029, 2030])).toEqual([2030]);
    expect(comparisonYears([])).toEqual([]);
    expect(probabilityYear(years)).toBe(2030);
    expect(probabilityYear([2022, 2023, 2024, 2025])).toBe(2025);
    expect(probabilityYear([])).toBeNull();
  });

  it('reads a scenario’s emissions in a year of the result’s years, none outside them', () => {
    const scenario = { id: 'bau', name: { en: 'BAU', zh: '基准' }, total: years.map((year) => (year - 2000) * 1e6), peak: { year: 2060, value: 60e6 }, officialPeak: null };
    expect(emissionsIn(scenario, years, 2030)).toBe(30e6);
    expect(emissionsIn(scenario, years, 2061)).toBeNull();
  });

  it('lists the peak-year shares in year order, no peak last, and they add to 1', () => {
    const rows = peakYearShares({ '2035': 0.013, none: 0.01, '2025': 0.183, '2030': 0.794 });
    expect(rows.map((row) => row.year)).toEqual([2025, 2030, 2035, null]);
    expect(rows.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1, 12);
  });

  it('shows a problem’s message without the place it starts with, in either language', () => {
    const issue = { path: ['members', 'b', 'pathway'], message: { en: 'members.b.pathway: cannot get the pathway file "nope"', zh: 'members.b.pathway：无法取得路径文件 "nope"' } };
    expect(issuePath(issue)).toBe('members.b.pathway');
    expect(issueText(issue, 'en')).toBe('cannot get the pathway file "nope"');
    expect(issueText(issue, 'zh')).toBe('无法取得路径文件 "nope"');
    expect(issueText({ path: ['pathways', 'default'], message: { en: 'no such scenario', zh: '没有该情景' } }, 'en')).toBe('no such scenario');
  });
});
