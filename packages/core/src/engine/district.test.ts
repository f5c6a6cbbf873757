/**
 * engine.district on documents held in memory: the worked split of docs/districts.md through the resolver, every
 * inventory that cannot be found reported at once at its field, and a resolver's refusal of a part's entity at
 * `parts.<id>.entity` (the API's: a part that is not a child of the city).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.ts';
import { documentMap } from './documents.ts';

const inventory = (name: string, activities: Record<string, unknown>[]) => ({ city: { name, country: 'CN' }, year: 2022, gwp: 'AR5', grid: 'CN-east-2022', activities });
const DOCUMENTS = {
  'gamma.yaml': inventory('Gamma', [
    { gpc: 'I.1.2', energy: 'electricity', amount: 200_000, unit: 'MWh' },
    { gpc: 'I.3.1', gas: 'CO2', amount: 150_000, unit: 't' },
    { gpc: 'II.1.1', gas: 'CO2', amount: 50_000, unit: 't' },
    { gpc: 'III.1.1', gas: 'CH4', amount: 1_000, unit: 't' },
  ]),
  'north.yaml': inventory('North', [
    { gpc: 'I.1.2', energy: 'electricity', amount: 80_000, unit: 'MWh' },
    { gpc: 'I.3.1', gas: 'CO2', amount: 100_000, unit: 't' },
    { gpc: 'II.1.1', gas: 'CO2', amount: 20_000, unit: 't' },
  ]),
  'south.yaml': inventory('South', [
    { gpc: 'I.1.2', energy: 'electricity', amount: 70_000, unit: 'MWh' },
    { gpc: 'II.1.1', gas: 'CO2', amount: 25_000, unit: 't' },
    { gpc: 'III.1.1', gas: 'CH4', amount: 600, unit: 't' },
  ]),
};
const FILE = { name: 'Gamma', city: { inventory: 'gamma.yaml' }, parts: { north: { inventory: 'north.yaml', kind: 'district' }, south: { inventory: 'south.yaml' } } };

describe('engine.district', () => {
  it('finds the inventories through the resolver and reconciles them: the remainder 94,285 computed on BASIC', async () => {
    const run = await createEngine({ resolve: documentMap(DOCUMENTS) }).district(FILE, { id: 'gamma-district.yaml' });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.value.city.document).toBe('gamma.yaml');
    expect(run.value.parts.map((part) => [part.id, part.kind, part.document])).toEqual([
      ['north', 'district', 'north.yaml'],
      ['south', undefined, 'south.yaml'],
    ]);
    const basic = run.value.reconciliation.bases.find((line) => line.basis === 'basic')!;
    expect(basic.remainder).toBeCloseTo(94_285, 6);
    expect(basic.remainderKind).toBe('computed');
    expect(run.value.assessments).toEqual([]);
  });

  it('reports every inventory it cannot find at once, each at its field, in the district file', async () => {
    const file = { ...FILE, city: { inventory: 'gama.yaml' }, remainder: { inventory: 'rest.yaml' }, parts: { ...FILE.parts, south: { inventory: 'sout.yaml' } } };
    const run = await createEngine({ resolve: documentMap(DOCUMENTS) }).district(file, { id: 'gamma-district.yaml' });
    expect(!run.ok && run.issues.map((issue) => [issue.document.id, issue.path.join('.'), issue.code])).toEqual([
      ['gamma-district.yaml', 'city.inventory', 'unresolved-reference'],
      ['gamma-district.yaml', 'parts.south.inventory', 'unresolved-reference'],
      ['gamma-district.yaml', 'remainder.inventory', 'unresolved-reference'],
    ]);
  });

  it('a resolver that refuses a part’s entity: the issue is at parts.<id>.entity', async () => {
    const found = documentMap(DOCUMENTS);
    const run = await createEngine().district(
      { ...FILE, parts: { ...FILE.parts, south: { inventory: 'south.yaml', entity: 'elsewhere' } } },
      {
        id: 'stored',
        inventory: async (request, from) =>
          request.role === 'part' && request.part.entity === 'elsewhere'
            ? { ok: false, field: 'entity', reason: { en: 'not a part of the city', zh: '不是该城市的组成部分' } }
            : found({ kind: 'inventory', reference: request.reference, from }),
      },
    );
    expect(!run.ok && run.issues.map((issue) => issue.path.join('.'))).toEqual(['parts.south.entity']);
  });

  it('a near-zero figure that puts a criterion beyond the doubles: the issue is at that figure of the file', async () => {
    const file = { ...FILE, assessments: { north: { nearZero: { set: 'user-input-example', population: 5e-324, gdpWanYuan: 1, baseline: 1 } } } };
    const run = await createEngine({ resolve: documentMap(DOCUMENTS) }).district(file, { id: 'gamma-district.yaml' });
    expect(!run.ok && run.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['assessments.north.nearZero.population', 'district-input']]);
  });
});
