import { describe, expect, it } from 'vitest';
import { amountOf, issuePlace, lineForm, newLine, placeId, withField } from '../../packages/web/src/pages/inventory/model.ts';

/** The inventory editor's pure logic: line forms, where an engine issue shows, amounts as typed. */
describe('inventory editor model', () => {
  const lines = [
    { gpc: 'I.3.1', fuel: 'raw_coal', amount: 180, unit: '万吨' },
    { gpc: 'I.1.3', notation: 'IE', explanation: 'in I.4.3' },
    { gpc: 'III.1.1', method: 'solid-waste-fod', waste: { value: 6, unit: '万吨' } },
    { gpc: 'I.3.2', energy: 'heat', amount: 1, unit: 'GJ' },
    { gpc: 'I.2.2', energy: '电力', amount: 1, unit: '亿千瓦时' },
  ];

  it('tells a line’s form by its key, as the engine does', () => {
    expect(lines.map(lineForm)).toEqual(['fuel', 'notation', 'method', 'heat', 'electricity']);
    expect(lineForm({ gpc: 'I.1.1' })).toBeNull();
  });

  it('puts an issue on its field when the editor shows one, else on its line, else in the summary only', () => {
    expect(issuePlace(['activities', 0, 'amount'], lines)).toEqual({ kind: 'field', index: 0, field: 'amount' });
    expect(issuePlace(['activities', 1, 'explanation'], lines)).toEqual({ kind: 'field', index: 1, field: 'explanation' });
    // A method line's own inputs have no field here: the issue shows on the line.
    expect(issuePlace(['activities', 2, 'waste', 'value'], lines)).toEqual({ kind: 'line', index: 2 });
    expect(issuePlace(['activities', 0, 'ncv'], lines)).toEqual({ kind: 'line', index: 0 });
    expect(issuePlace(['grid'], lines)).toEqual({ kind: 'document' });
    expect(placeId({ kind: 'field', index: 3, field: 'unit' })).toBe('line-3-unit');
    expect(placeId({ kind: 'line', index: 3 })).toBe('line-3');
    expect(placeId({ kind: 'document' })).toBeNull();
  });

  it('keeps an amount that is not a number as typed, so the engine reports it', () => {
    expect(amountOf(' 3.5 ')).toBe(3.5);
    expect(amountOf('2e3')).toBe(2000);
    expect(amountOf('1,5')).toBe('1,5');
    expect(amountOf('')).toBe('');
  });

  it('removes an emptied optional field instead of storing "", and starts new lines in yearbook units', () => {
    expect(withField({ gpc: 'I.1.1', source: 'x' }, 'source', '')).toEqual({ gpc: 'I.1.1' });
    expect(withField({ gpc: 'I.1.3', notation: 'IE', explanation: 'x' }, 'explanation', '')).toEqual({ gpc: 'I.1.3', notation: 'IE', explanation: '' });
    expect(newLine('I.1.2', 'electricity')).toEqual({ gpc: 'I.1.2', energy: 'electricity', amount: '', unit: '亿千瓦时' });
    expect(lineForm(newLine('II.4.2', 'notation'))).toBe('notation');
  });
});
