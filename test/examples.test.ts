/** The shipped example inventories compute, cover every BASIC row, and stay traceable line by line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { aggregateCluster, runInventory, type InventoryResult } from '@peakpath/core';

function load(path: string): InventoryResult {
  const run = runInventory(parse(readFileSync(join(process.cwd(), path), 'utf8')) as unknown);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.result;
}

describe('examples/demo-city', () => {
  const result = load('examples/demo-city/inventory.yaml');

  it('covers every BASIC row with data or a notation key', () => {
    expect(result.completeness.missingBasicRows).toEqual([]);
  });

  it('computes waste, IPPU, AFOLU and fugitive rows from activity data by IPCC methods', () => {
    const methods = new Set(result.lines.filter((line) => line.form === 'method').map((line) => `${line.gpc.split('.').slice(0, 2).join('.')} ${line.method}`));
    for (const expected of ['I.8 oil-gas-systems', 'III.1 solid-waste-fod', 'III.2 biological-treatment', 'I.4 incineration', 'III.4 wastewater-domestic', 'IV.1 ippu-cement', 'V.1 livestock', 'V.2 land-stock-difference', 'V.3 fertiliser-n2o']) {
      expect(methods).toContain(expected);
    }
  });

  it('reports its waste-to-energy plant in I.4.4 (territorial only), with III.3.1 IE pointing there', () => {
    const plant = result.lines.find((line) => line.method === 'incineration')!;
    expect([plant.gpc, plant.level]).toEqual(['I.4.4', 'territorial']);
    expect(result.notationKeys).toContainEqual(expect.objectContaining({ gpc: 'III.3.1', key: 'IE' }));
    expect(result.notationKeys.find((key) => key.gpc === 'III.3.1')!.explanation).toContain('I.4.4');
  });

  it('traces every computing line to at least one factor or a measured gas', () => {
    for (const line of result.lines) {
      if (line.form !== 'emissions') expect(line.factors.length, `line ${line.index}`).toBeGreaterThan(0);
    }
  });

  it('keeps its sector totals consistent: BASIC+ = BASIC + IPPU + AFOLU + the .3 rows', () => {
    const s = result.bySector;
    expect(result.totals.basicPlus).toBeCloseTo(result.totals.basic + s['IV']!.basicPlus + s['V']!.basicPlus + s['I']!.scope3 + s['II']!.scope3, 3);
  });
});

describe('examples/worked-example', () => {
  it('computes', () => {
    expect(load('examples/worked-example/inventory.yaml').totals.basic).toBeGreaterThan(0);
  });
});

describe('examples/cluster', () => {
  it('computes both members and adds them as a cluster (the figures are checked in core/src/cluster/worked-example.test.ts)', () => {
    const members = [
      { id: 'alpha', result: load('examples/cluster/alpha.yaml') },
      { id: 'beta', result: load('examples/cluster/beta.yaml') },
    ];
    const run = aggregateCluster(members, [{ line: { member: 'beta', index: 0 }, counterpart: { member: 'alpha' }, share: 0.8, mwh: 400_000 }]);
    expect(run.ok && run.value.totals.scope2).toBe(449_360 - 224_680);
  });
});
