import { fileURLToPath } from 'node:url';
import { createEngine } from '@peakpath/core';
import { readDocument } from '@peakpath/node';
import { describe, expect, it } from 'vitest';
import { scaleInventory } from './scale.ts';

const demo = async () => (await readDocument(fileURLToPath(new URL('../../../../examples/demo-city/inventory.yaml', import.meta.url)))) as Record<string, unknown>;

describe('scaleInventory', () => {
  it('scales activity amounts, supply, population and GDP; keeps method lines and rates; renames the city', async () => {
    const body = await demo();
    const scaled = scaleInventory(body, 0.6, { name: 'B', nameZh: '乙' });
    expect(scaled['city']).toMatchObject({ name: 'B', nameZh: '乙', country: 'CN' });
    expect(scaled['population']).toBe(Math.round((body['population'] as number) * 0.6));
    expect((scaled['gdp'] as { value: number }).value).toBeCloseTo((body['gdp'] as { value: number }).value * 0.6, 9);
    const before = body['activities'] as Record<string, unknown>[];
    const after = scaled['activities'] as Record<string, unknown>[];
    for (const [index, line] of before.entries()) {
      if (line['method'] !== undefined || typeof line['amount'] !== 'number') expect(after[index]).toEqual(line);
      else expect(after[index]!['amount']).toBeCloseTo((line['amount'] as number) * 0.6, 9);
    }
    expect((scaled['official'] as { coalRate: unknown }).coalRate).toEqual((body['official'] as { coalRate: unknown }).coalRate);
    // The original is untouched.
    expect((await demo())['activities']).toEqual(before);
  });

  it('gives an inventory the engine computes, whose fuel and electricity lines scale exactly', async () => {
    const engine = createEngine();
    const body = await demo();
    const one = engine.inventory(body);
    const scaled = engine.inventory(scaleInventory(body, 1.4, { name: 'C', nameZh: '丙' }));
    expect(one.ok && scaled.ok).toBe(true);
    if (!one.ok || !scaled.ok) return;
    const lines = body['activities'] as Record<string, unknown>[];
    for (const line of one.value.lines) {
      const source = lines[line.index]!;
      const other = scaled.value.lines.find((candidate) => candidate.index === line.index)!;
      if (source['method'] === undefined) expect(other.co2e).toBeCloseTo(line.co2e * 1.4, 3);
      else expect(other.co2e).toBe(line.co2e);
    }
  });
});
