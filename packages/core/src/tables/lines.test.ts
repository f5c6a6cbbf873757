import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { propertySettings } from '../../../../test/support/fast-check.ts';
import { LINE_COLUMNS, type TableCell, type TableSheet } from './columns.ts';
import { linesTable } from './lines-export.ts';
import { linesFromTable, placeOfPath } from './lines-import.ts';

const demo = parse(readFileSync(fileURLToPath(new URL('../../../../examples/demo-city/inventory.yaml', import.meta.url)), 'utf8')) as { activities: Record<string, unknown>[] };
const header = (key: string, lang: 'en' | 'zh' = 'en'): string => LINE_COLUMNS.find((column) => column.key === key)![lang];
const sheet = (rows: TableCell[][]): TableSheet => ({ sheet: 'S', rows });

describe('lines table', () => {
  it('writes a fuel line into its columns, with sector and scope from the GPC row', () => {
    const table = linesTable([{ gpc: 'I.3.1', fuel: 'raw_coal', amount: 180, unit: '万吨', ncv: { value: 20.908, unit: 'GJ/t' }, source: '=HYPERLINK("x")' }], 'zh');
    expect(table.sheet).toBe('活动数据');
    const [head, row] = table.rows as TableCell[][];
    const cell = (key: string) => row![head!.indexOf(header(key, 'zh'))];
    expect(cell('gpc')).toBe('I.3.1');
    expect(cell('scope')).toBe(1);
    expect(cell('sector')).toBe('固定能源活动');
    expect(cell('amount')).toBe(180);
    expect(cell('ncv')).toBe('20.908 GJ/t');
    // The table keeps the text; escaping for spreadsheets is the writer's (node/tables.ts).
    expect(cell('source')).toBe('=HYPERLINK("x")');
    expect(cell('other')).toBeNull();
  });

  it('writes a method line\'s own fields as JSON, and reads them back', () => {
    const line = { gpc: 'III.2.1', method: 'biological-treatment', treatment: 'composting', waste: { value: 6, unit: '万吨' }, basis: 'wet', quality: 'medium', note: 'garden waste' };
    const table = linesTable([line]);
    const row = table.rows[1]!;
    expect(row[LINE_COLUMNS.findIndex((column) => column.key === 'method')]).toBe('biological-treatment');
    expect(JSON.parse(row[LINE_COLUMNS.length - 1] as string)).toEqual({ treatment: 'composting', waste: { value: 6, unit: '万吨' }, basis: 'wet' });
    expect(linesFromTable(table)).toMatchObject({ lines: [line], problems: [] });
  });

  it('puts a factor with its source into the JSON column, whole', () => {
    const line = { gpc: 'I.1.1', fuel: 'lpg', amount: 2, unit: 't', ef: { CO2: { value: 3, unit: 't/t', source: 'plant' } } };
    const row = linesTable([line]).rows[1]!;
    expect(row[LINE_COLUMNS.findIndex((column) => column.key === 'ef.CO2')]).toBeNull();
    expect(JSON.parse(row[LINE_COLUMNS.length - 1] as string)).toEqual({ ef: line.ef });
  });

  it('round-trips every line of the demo city', () => {
    const table = linesTable(demo.activities, 'zh');
    const back = linesFromTable(table);
    expect(back.problems).toEqual([]);
    expect(back.lines).toEqual(demo.activities);
    expect(linesTable(back.lines, 'zh')).toEqual(table);
  });

  it('reads English, Chinese and alias headers, in any order and case, and text numbers (CSV)', () => {
    const result = linesFromTable(sheet([
      ['单位', 'AMOUNT', 'GPC row', ' 燃料 ', 'ef co2', '碳氧化率'],
      ['万吨', '1.5e2', 'I.3.1', 'raw_coal', '94600 kg/TJ', '98%'],
      [null, '', '', null, null, null],
      ['t', -2, 'I.3.1', 'coke', null, '0.93'],
    ]));
    expect(result.problems).toEqual([]);
    expect(result.lines).toEqual([
      { unit: '万吨', amount: 150, gpc: 'I.3.1', fuel: 'raw_coal', ef: { CO2: { value: 94600, unit: 'kg/TJ' } }, oxidation: '98%' },
      { unit: 't', amount: -2, gpc: 'I.3.1', fuel: 'coke', oxidation: 0.93 },
    ]);
    expect(result.places.map((place) => place.rowIndex)).toEqual([1, 3]);
  });

  it('reports every bad cell at once, with sheet, row, column letter, header and what is expected, in both languages', () => {
    const result = linesFromTable(sheet([
      ['gpc', 'amount', 'ncv', 'other', 'colour', 'scope', '部门', '活动量'],
      ['I.3.1', '1,234', '20.9', '{"method": ', 'x', 2, '交通', 5],
      ['I.1.2', 'ten', 'GJ/t 20', '[1]', null, 2, 'Stationary Energy', null],
    ]));
    expect(result.problems.map((problem) => [problem.code, problem.cell, problem.header])).toEqual([
      ['unknown-column', 'S!E1', 'colour'],
      ['duplicate-column', 'S!H1', '活动量'],
      ['not-a-number', 'S!B2', 'amount'],
      ['not-a-value-with-unit', 'S!C2', 'ncv'],
      ['bad-json', 'S!D2', 'other'],
      ['scope-mismatch', 'S!F2', 'scope'],
      ['sector-mismatch', 'S!G2', '部门'],
      ['not-a-number', 'S!B3', 'amount'],
      ['not-a-value-with-unit', 'S!C3', 'ncv'],
      ['bad-json', 'S!D3', 'other'],
    ]);
    const amount = result.problems[2]!;
    expect(amount.row).toBe(2);
    expect(amount.column).toBe('B');
    expect(amount.en).toBe('S!B2 (amount): expected a number such as 1234.5 (no thousands separators, no unit), got "1,234"');
    expect(amount.zh).toContain('应为数值');
    expect(result.problems[5]!.en).toContain('GPC row I.3.1, which is scope 1');
  });

  it('refuses a field given in its column and in the JSON, and keys every object has', () => {
    const result = linesFromTable(sheet([
      ['gpc', 'fuel', 'amount', 'unit', 'other fields (JSON)'],
      ['I.3.1', 'coke', 1, 't', '{"fuel": "lpg"}'],
      ['I.3.1', 'coke', 1, 't', '{"__proto__": {"polluted": true}}'],
      ['I.3.1', 'coke', 1, 't', '{"constructor": 1}'],
    ]));
    expect(result.problems.map((problem) => [problem.code, problem.cell])).toEqual([
      ['given-twice', 'S!E2'],
      ['bad-json', 'S!E3'],
      ['bad-json', 'S!E4'],
    ]);
    expect(result.problems[1]!.en).toContain('"__proto__" is not a field of a line');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('treats a __proto__ header as an unknown column and builds no key from it', () => {
    const result = linesFromTable(sheet([['gpc', '__proto__', 'constructor'], ['I.3.1', '{"x":1}', 'y']]));
    expect(result.problems.map((problem) => [problem.code, problem.cell])).toEqual([['unknown-column', 'S!B1'], ['unknown-column', 'S!C1']]);
    expect(Object.keys(result.lines[0]!)).toEqual(['gpc']);
    expect(Object.getPrototypeOf(result.lines[0])).toBe(Object.prototype);
  });

  it('asks for the gpc column, a header over every used column, and at least one line', () => {
    expect(linesFromTable(sheet([['fuel', null], ['coke', 3]])).problems.map((problem) => [problem.code, problem.cell])).toEqual([['unknown-column', 'S!B1'], ['missing-column', 'S!1']]);
    expect(linesFromTable(sheet([['gpc', 'fuel']])).problems.map((problem) => problem.code)).toEqual(['no-lines']);
    expect(linesFromTable(sheet([[null], ['']])).problems.map((problem) => problem.code)).toEqual(['no-header']);
  });

  it('turns an inventory issue path back into its cell', () => {
    const result = linesFromTable(sheet([
      ['gpc', 'unit', 'ef CH4', 'amount', 'other'],
      ['I.3.1', 'kWhh', '1 kg/TJ', 3, '{"technology": "x"}'],
    ]));
    expect(placeOfPath(result, ['activities', 0, 'unit'])).toEqual({ cell: 'S!B2', header: 'unit' });
    expect(placeOfPath(result, ['activities', 0, 'ef', 'CH4'])).toEqual({ cell: 'S!C2', header: 'ef CH4' });
    expect(placeOfPath(result, ['activities', 0, 'technology'])).toEqual({ cell: 'S!E2', header: 'other' });
    expect(placeOfPath(result, ['activities', 0, 'fuel'])).toEqual({ cell: 'S!2', header: undefined });
    expect(placeOfPath(result, ['year'])).toBeUndefined();
  });
});

// Lines of every form, with text that a spreadsheet would read as a formula, numbers of any size and
// fields only the JSON column holds.
const text = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('=1+1', '+cmd', '-2', '@SUM(A1)', '\tx', '\rx', ' padded ', '0012', '1e3', '35%', '', '中文 燃料'));
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
const givenValue = fc.record({ value: number, unit: fc.constantFrom('GJ/t', 'kg/TJ', ' t', '万吨', '1e3t') }, { requiredKeys: ['value', 'unit'] });
const common = { gpc: fc.constantFrom('I.3.1', 'I.1.2', 'II.1.1', 'III.1.1', 'X.9'), quality: fc.constantFrom('high', 'low'), source: text, note: text };
const fuelLine = fc.record(
  { ...common, fuel: text, amount: number, unit: text, ncv: givenValue, ef: fc.dictionary(fc.constantFrom('CO2', 'CH4', 'N2O', 'HFC'), givenValue, { maxKeys: 3 }), oxidation: fc.oneof(number, fc.constantFrom('98%', '0.5')), technology: text },
  { requiredKeys: ['gpc', 'fuel', 'amount', 'unit'] },
);
const methodLine = fc.record({ ...common, method: text, waste: givenValue, basis: text, shares: fc.array(number, { maxLength: 3 }) }, { requiredKeys: ['gpc', 'method'] });
const notationLine = fc.record({ ...common, notation: fc.constantFrom('NO', 'IE'), explanation: text }, { requiredKeys: ['gpc', 'notation', 'explanation'] });
const emissionsLine = fc.record({ ...common, gas: text, amount: number, unit: text, gwp: fc.record({ value: number, source: text }) }, { requiredKeys: ['gpc', 'gas', 'amount', 'unit'] });

describe('lines table properties', () => {
  it('import → export → import gives the same lines, and export → import → export the same table', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fuelLine, methodLine, notationLine, emissionsLine), { minLength: 1, maxLength: 6 }), fc.constantFrom('en' as const, 'zh' as const), (lines, lang) => {
        const table = linesTable(lines, lang);
        const back = linesFromTable(table);
        // A generated scope matches its row, so the only problems could come from the writer losing something.
        expect(back.problems).toEqual([]);
        expect(back.lines).toEqual(lines);
        expect(linesTable(back.lines, lang)).toEqual(table);
        // Cells written as text come back as CSV text too: numbers and all.
        const asCsv: TableSheet = { sheet: table.sheet, rows: table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))) };
        expect(linesFromTable(asCsv).lines).toEqual(lines);
      }),
      propertySettings('tables: lines round trip'),
    );
  });
});
