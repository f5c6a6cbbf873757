import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { indicatorsTable, LINE_COLUMNS, linesTable, type TableSheet } from '@peakpath/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { propertySettings } from '../../../test/support/fast-check.ts';
import { InputFileError } from './documents.ts';
import { MAX_SPREADSHEET_BYTES } from './spreadsheet.ts';
import { escapeCellText, importTableFile, readTableFile, unescapeCellText, writeCsv, writeXlsx } from './tables.ts';
import { zipBomb } from '../../../test/support/zip-bomb.ts';

const demo = parse(readFileSync(fileURLToPath(new URL('../../../examples/demo-city/inventory.yaml', import.meta.url)), 'utf8')) as Record<string, unknown> & { activities: Record<string, unknown>[] };
const csvBytes = (table: TableSheet): Uint8Array => new TextEncoder().encode(writeCsv(table));
const sourceColumn = LINE_COLUMNS.findIndex((column) => column.key === 'source');
const hostile = ['=1+1', '+SUM(A1:A2)', '-2+3', '@cmd', '\t=x', '\r=x', "'=already quoted", "''+twice"];
const hostileLines = hostile.map((source, index) => ({ gpc: 'I.3.1', fuel: 'coke', amount: index - 3, unit: 't', source }));

async function refused(promise: Promise<unknown>, message: RegExp): Promise<void> {
  await expect(promise).rejects.toThrow(InputFileError);
  await expect(promise).rejects.toThrow(message);
}

describe('tables as files', () => {
  it('XLSX: the demo city\'s lines and indicators, out and back', async () => {
    const bytes = await writeXlsx([linesTable(demo.activities, 'zh'), indicatorsTable(demo, undefined, 'zh')]);
    const back = await importTableFile('demo.xlsx', bytes);
    expect(back.problems).toEqual([]);
    expect(back.lines.lines).toEqual(demo.activities);
    expect(back.indicators?.fields).toEqual({ year: 2022, population: 5200000, gdp: { value: 4800, unit: '亿元', prices: 2022 } });
  });

  it('CSV: the demo city\'s lines, out and back, with a byte-order mark for Excel', async () => {
    const text = writeCsv(linesTable(demo.activities, 'en'));
    expect(text.startsWith('\uFEFFgpc,sector,scope,fuel,')).toBe(true);
    const back = await importTableFile('demo.csv', new TextEncoder().encode(text));
    expect(back.problems).toEqual([]);
    expect(back.lines.lines).toEqual(demo.activities);
  });

  it('text that a spreadsheet would evaluate is written with an apostrophe, never as a formula, and read back as it was', async () => {
    const bytes = await writeXlsx([linesTable(hostileLines)]);
    const sheet = XLSX.read(bytes, { type: 'buffer', cellFormula: true }).Sheets['lines']!;
    for (let r = 1; r <= hostile.length; r++) {
      const source = hostile[r - 1]!;
      // Text with surrounding white space (a tab, a CR) is not held by a text column (it would be trimmed): it goes to the JSON column.
      const cell = sheet[XLSX.utils.encode_cell({ r, c: source.trim() === source ? sourceColumn : LINE_COLUMNS.length - 1 })] as XLSX.CellObject;
      expect(cell.t).toBe('s');
      expect(cell.f).toBeUndefined();
      expect(cell.v).toBe(source.trim() === source ? `'${source}` : JSON.stringify({ source }));
    }
    // Negative amounts stay numbers.
    expect((sheet[XLSX.utils.encode_cell({ r: 1, c: LINE_COLUMNS.findIndex((column) => column.key === 'amount') })] as XLSX.CellObject).v).toBe(-3);
    const csv = writeCsv(linesTable(hostileLines));
    expect(csv).toContain(",'=1+1,");
    expect(csv).toContain(",'''+twice,");
    expect(csv.split('\r\n')[1]!.startsWith('I.3.1,固定能源活动'.replace('固定能源活动', 'Stationary energy'))).toBe(true);
    for (const [name, file] of [['h.xlsx', bytes], ['h.csv', csvBytes(linesTable(hostileLines))]] as const) {
      const back = await importTableFile(name, file);
      expect(back.problems).toEqual([]);
      expect(back.lines.lines.map((line) => line['source'])).toEqual(hostile);
    }
  });

  it('escapes exactly what could start a formula', () => {
    expect(['=a', '+a', '-a', '@a', '\ta', '\ra', "'=a", 'a=b', "'a", '1'].map(escapeCellText)).toEqual(["'=a", "'+a", "'-a", "'@a", "'\ta", "'\ra", "''=a", 'a=b', "'a", '1']);
    for (const text of ['=a', "'=a", "''=a", "'a", '']) expect(unescapeCellText(escapeCellText(text))).toBe(text);
  });

  it('a __proto__ header in an upload is a problem with its cell; nothing is polluted', async () => {
    const file = new TextEncoder().encode('gpc,__proto__,amount\nI.3.1,"{""polluted"":true}",3\n');
    const back = await importTableFile('proto.csv', file);
    expect(back.problems.map((problem) => [problem.code, problem.cell])).toEqual([['unknown-column', 'proto!B1']]);
    expect(back.lines.lines).toEqual([{ gpc: 'I.3.1', amount: 3 }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a file over the size cap and a zip bomb before parsing', async () => {
    await refused(importTableFile('huge.csv', new Uint8Array(MAX_SPREADSHEET_BYTES + 1)), /the limit for a spreadsheet is 10485760 \(10 MiB\)/);
    await refused(importTableFile('bomb.xlsx', zipBomb()), /unzips to more than 67108864 bytes .* zip bomb/);
    await refused(importTableFile('lines.xls', new Uint8Array([1, 2])), /not an \.xlsx or \.csv file/);
  });

  it('a formula cell in an upload is read by its saved value, never evaluated; without one it is refused with its cell', async () => {
    const book = (amount: XLSX.CellObject) => {
      const sheet = XLSX.utils.aoa_to_sheet([['gpc', 'fuel', 'amount', 'unit'], ['I.3.1', 'coke', null, 't']]);
      sheet['C2'] = amount;
      const workbook = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(workbook, sheet, '活动数据');
      return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
    };
    const cached = await importTableFile('f.xlsx', book({ t: 'n', v: 42, f: '6*9' }));
    expect(cached.lines.lines).toEqual([{ gpc: 'I.3.1', fuel: 'coke', amount: 42, unit: 't' }]);
    await refused(importTableFile('f.xlsx', book({ t: 'n', f: 'WEBSERVICE("http://x")' } as XLSX.CellObject)), /活动数据!C2 is a formula \(=WEBSERVICE\("http:\/\/x"\)\) without a saved value/);
  });

  it('takes the lines sheet by its name in either language, else the first sheet', async () => {
    const other: TableSheet = { sheet: 'notes', rows: [['anything']] };
    const lines = linesTable([{ gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: 'MWh' }], 'en');
    const named = await readTableFile('t.xlsx', await writeXlsx([other, lines]));
    expect(named.lines.sheet).toBe('lines');
    expect(named.indicators).toBeUndefined();
    const first = await readTableFile('t.xlsx', await writeXlsx([{ ...lines, sheet: 'Sheet1' }, other]));
    expect(first.lines.sheet).toBe('Sheet1');
  });
});

// Lines as in the core's property test, through real files: what the writers do to text and numbers
// must come back unchanged from both formats.
const text = fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.constantFrom(...hostile, ' padded ', '0012', '1e3', '中文', 'a\nb', 'a,"b"'));
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
const line = fc.record(
  { gpc: fc.constantFrom('I.3.1', 'I.1.2'), fuel: text, amount: number, unit: text, ncv: fc.record({ value: number, unit: fc.constantFrom('GJ/t', '-t', '=x') }), source: text, waste: fc.record({ value: number, unit: text }) },
  { requiredKeys: ['gpc', 'amount'] },
);

describe('tables as files: properties', () => {
  it('lines → XLSX → lines and lines → CSV → lines are the identity', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 4 }), async (lines) => {
        const table = linesTable(lines);
        for (const [name, bytes] of [['p.xlsx', await writeXlsx([table])], ['p.csv', csvBytes(table)]] as const) {
          const back = await importTableFile(name, bytes);
          expect(back.problems).toEqual([]);
          expect(back.lines.lines).toEqual(lines);
        }
      }),
      propertySettings('tables: lines through XLSX and CSV files', 200),
    );
  });
});
