import { describe, expect, it } from 'vitest';
import { defaultLibrary, inventoryJsonPieces, inventoryOutput, outputFactorId, runInventory, type InventoryResult, type LineResult } from '../index.ts';

function compute(activities: Record<string, unknown>[]): InventoryResult {
  const run = runInventory({ city: { name: 'Json', country: 'CN' }, year: 2022, grid: 'CN-east-2022', activities });
  if (!run.ok) throw new Error(`unexpected issues: ${JSON.stringify(run.issues)}`);
  return run.result;
}

/** Two plants that measured their coal, each citing its own lab, and a third citing nothing but its line. */
const MEASURED = [
  { gpc: 'I.3.1', fuel: 'raw_coal', amount: 100, unit: 't', ncv: { value: 22.35, unit: 'GJ/t', source: 'Plant A lab report 2022' } },
  { gpc: 'I.3.1', fuel: 'raw_coal', amount: 200, unit: 't', ncv: { value: 22.35, unit: 'GJ/t', source: 'Plant B lab report 2022' } },
  { gpc: 'I.3.1', fuel: 'raw_coal', amount: 300, unit: 't', ncv: { value: 21.1, unit: 'GJ/t' }, source: 'Plant C energy audit' },
  { gpc: 'I.1.2', energy: 'electricity', amount: 1000, unit: 'MWh' },
  { gpc: 'I.1.2', energy: 'electricity', amount: 2000, unit: 'MWh' },
];

describe('inventory output version 2', () => {
  const result = compute(MEASURED);
  const output = inventoryOutput(result);

  it('cites each factor once, under an id that names one citation', () => {
    expect(output.version).toBe(2);
    // The same NCV value from two labs: two ids, two citations; the line's own source where the value has none.
    expect(output.lines.map((line) => line.factors[0]!.id)).toEqual(['line[0].ncv', 'line[1].ncv', 'line[2].ncv', 'CN-east-2022', 'CN-east-2022']);
    expect(output.sources['line[0].ncv']).toEqual({ source: 'Plant A lab report 2022' });
    expect(output.sources['line[1].ncv']).toEqual({ source: 'Plant B lab report 2022' });
    expect(output.sources['line[2].ncv']).toEqual({ source: 'Plant C energy audit' });
    expect(output.lines[0]!.factors[0]).toEqual({ id: 'line[0].ncv', value: 22.35, unit: 'GJ/t' });
    // A library factor: its citation, table and verification, once for both electricity lines.
    expect(output.sources['CN-east-2022']).toMatchObject({ table: 'Annex: regional averages', verification: 'secondary' });
    expect(Object.keys(output.sources).filter((id) => id === 'CN-east-2022')).toHaveLength(1);
  });

  it('loses nothing of version 1: each line factor\'s citation is sources[id]', () => {
    result.lines.forEach((line, at) => {
      line.factors.forEach((ref, k) => {
        const use = output.lines[at]!.factors[k]!;
        expect(use).toEqual({ id: outputFactorId(ref, line.index), value: ref.value, unit: ref.unit });
        expect(output.sources[use.id]).toEqual(JSON.parse(JSON.stringify({ source: ref.source, table: ref.table, verification: ref.verification })));
      });
    });
    const used = new Set(output.lines.flatMap((line) => line.factors.map((factor) => factor.id)));
    expect(Object.keys(output.sources).sort()).toEqual([...used].sort());
  });

  it('writes as JSON.stringify would, compact and pretty (the UTF-8 writer is the CLI\'s: test/json-output.test.ts)', () => {
    const compact = [...inventoryJsonPieces(result)].join('');
    expect(compact).toBe(`${JSON.stringify(output)}\n`);
    expect([...inventoryJsonPieces(result, { pretty: true })].join('')).toBe(`${JSON.stringify(output, null, 2)}\n`);
  });

  it('writes an inventory of notation keys only, with empty lines and sources', () => {
    const keysOnly = compute([{ gpc: 'I.1.1', notation: 'NO', explanation: 'none' }]);
    const plain = inventoryOutput(keysOnly);
    expect(plain.lines).toEqual([]);
    expect(plain.sources).toEqual({});
    for (const pretty of [false, true]) {
      expect([...inventoryJsonPieces(keysOnly, { pretty })].join('')).toBe(`${JSON.stringify(plain, null, pretty ? 2 : undefined)}\n`);
    }
  });

  it('keeps library ids apart from the ids of values given on lines', () => {
    const ids = defaultLibrary.search('').map((factor) => factor.id);
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id) => id.startsWith('line'))).toEqual([]);
  });

  it('refuses one id cited two ways rather than keep one of them', () => {
    const [first] = result.lines as [LineResult];
    const altered: LineResult = { ...first, factors: first.factors.map((ref) => ({ ...ref, id: 'gbt2589.ncv.raw_coal', source: 'another edition' })) };
    const library: LineResult = { ...first, factors: [{ id: 'gbt2589.ncv.raw_coal', value: 20.908, unit: 'GJ/t', source: 'GB/T 2589' }] };
    const conflicting = { ...result, lines: [library, altered] };
    expect(() => inventoryOutput(conflicting)).toThrow(/gbt2589\.ncv\.raw_coal is cited twice/);
    expect(() => [...inventoryJsonPieces(conflicting)]).toThrow(/cited twice/);
  });
});
