/**
 * GET /api/documents/:id/result for a district document (docs/districts.md): held by a city, it reads the city's
 * inventory (and a stated remainder) among the city's documents and each part's among its entity's — a district,
 * park or community whose parent is the city — at the versions the caller may read (the public: published), and
 * reconciles and assesses them as the core does. The demo district document; the worked mismatch of
 * docs/districts.md stored; parts that are not the city's and inventories the caller may not read refused with
 * their field, in both languages. And a district's own inventory and pathway with targets computed by the API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { assessClimatePositive, createEngine, reconcileParts, type ClimatePositiveResult, type InventoryResult, type PartsReconciliation } from '@peakpath/core';
import { DEMO_NAMES } from '@peakpath/server';
import type { Entity } from '@peakpath/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, targets, type Fixture } from './fixture.ts';

interface DistrictAnswer {
  kind: string;
  from: string;
  result: {
    city: { entity: { slug: string }; document: string; version: number };
    parts: { id: string; kind?: string; entity: { slug: string }; document: string; version: number }[];
    remainder: unknown;
    reconciliation: PartsReconciliation;
    assessments: { part: string; climatePositive?: ClimatePositiveResult }[];
  };
}
interface Refusal {
  error: { issues: { path: (string | number)[]; code: string; message: { en: string; zh: string } }[] };
}

const example = (file: string): Record<string, unknown> => parse(readFileSync(join(process.cwd(), 'examples', 'district', file), 'utf8')) as Record<string, unknown>;
const line = (value: PartsReconciliation, basis: string) => value.bases.find((entry) => entry.basis === basis)!;

function computed(body: unknown): InventoryResult {
  const run = createEngine().inventory(body);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}

describe.each(targets)('district results on %s', (target) => {
  let f: Fixture;
  let demoDistrictDocument: string;
  let gamma: Entity;
  const get = (url: string, role: keyof Fixture['credentials'] = 'public') => f.app.inject({ method: 'GET', url, headers: f.credentials[role].headers });

  /** A published document of `kind` on `entity`. */
  async function stored(entity: Entity, kind: 'inventory' | 'district', name: string, body: unknown, publish = true): Promise<string> {
    const { document, version } = await f.store.createDocument(f.admin, { entityId: entity.id, kind, name, body, comment: 'test' });
    if (publish) await f.store.publish(f.admin, document.id, version.version);
    return document.id;
  }

  beforeAll(async () => {
    f = await openFixture(target);
    demoDistrictDocument = (await f.store.documents(f.admin, f.cities.A.id, { limit: 200 })).items.find((document) => document.kind === 'district' && document.name === DEMO_NAMES.district)!.id;
    // The worked example of docs/districts.md as a workspace: Gamma, its districts North and South, the rest on Gamma.
    gamma = await f.store.createEntity(f.admin, { slug: 'gamma', kind: 'city', name: 'Gamma', nameZh: '伽马市', country: 'CN', parentId: null });
    const north = await f.store.createEntity(f.admin, { slug: 'gamma-north', kind: 'district', name: 'North', nameZh: '北区', country: 'CN', parentId: gamma.id });
    const south = await f.store.createEntity(f.admin, { slug: 'gamma-south', kind: 'district', name: 'South', nameZh: '南区', country: 'CN', parentId: gamma.id });
    await stored(gamma, 'inventory', '2022', example('gamma.yaml'));
    await stored(gamma, 'inventory', 'rest-2022', example('rest.yaml'));
    await stored(north, 'inventory', '2022', example('north.yaml'));
    await stored(south, 'inventory', '2022-national-grid', example('south-national.yaml'));
    // A draft of South, never published: its own people and the city's read it, the public does not.
    await stored(south, 'inventory', 'draft', example('south.yaml'), false);
  }, 240_000);
  afterAll(async () => f?.dispose());

  it('the demo district document, as the public sees it: Demo City against Demo District as reconcileParts gives it', async () => {
    const response = await get(`/api/documents/${demoDistrictDocument}/result`);
    expect(response.statusCode).toBe(200);
    const answer = response.json() as DistrictAnswer;
    expect(answer.kind).toBe('district');
    expect(answer.result.city.entity.slug).toBe('demo-city');
    expect(answer.result.parts.map((part) => [part.id, part.kind, part.entity.slug, part.version])).toEqual([['demo-district', 'district', 'demo-district', 1]]);
    expect(answer.from.split(',')).toHaveLength(3);
    const cityResult = computed((await f.store.version(f.admin, answer.result.city.document)).body);
    const districtResult = computed((await f.store.version(f.admin, answer.result.parts[0]!.document)).body);
    const core = reconcileParts({ id: 'city', result: cityResult }, [{ id: 'demo-district', result: districtResult }]);
    if (!core.ok) throw new Error('the demo does not reconcile');
    expect(answer.result.reconciliation).toEqual(JSON.parse(JSON.stringify(core.value)));
    // The remainder computed is what Demo City has beyond Demo District (its activity × 0.1).
    const basic = line(answer.result.reconciliation, 'basic');
    expect(basic.city).toBeCloseTo(cityResult.totals.basic, 6);
    expect(basic.remainderKind).toBe('computed');
    expect(basic.remainder).toBeCloseTo(cityResult.totals.basic - districtResult.totals.basic, 6);
    expect(basic.remainder).toBeGreaterThan(0.8 * basic.city);
    // The figures docs/districts.md quotes, tCO2e.
    expect([basic.city, basic.parts, basic.remainder].map(Math.round)).toEqual([35_522_460, 4_554_357, 30_968_103]);
    expect(answer.result.reconciliation.mismatches).toEqual([]);
    const climate = answer.result.assessments[0]!.climatePositive!;
    const coreClimate = assessClimatePositive({ id: 'demo-district', result: districtResult }, []);
    if (!coreClimate.ok) throw new Error('the demo does not assess');
    expect(climate).toEqual(JSON.parse(JSON.stringify(coreClimate.value)));
    expect(climate.operational.total).toBeGreaterThan(0);
    expect(climate.pass).toBe(false);
    expect([climate.operational.total, climate.operational.energy, climate.operational.transport, climate.operational.waste].map(Math.round)).toEqual([4_554_357, 3_025_478, 486_263, 1_042_617]);
  });

  it('the worked mismatch stored: South on the national grid factor, the rest a document of the city — 1,757 on BASIC, row I.1.2', async () => {
    const body = {
      name: 'Gamma',
      city: { inventory: '2022' },
      parts: { north: { entity: 'gamma-north', inventory: '2022', kind: 'district' }, south: { entity: 'gamma-south', inventory: '2022-national-grid', kind: 'district' } },
      remainder: { inventory: 'rest-2022' },
    };
    const id = await stored(gamma, 'district', 'worked', body);
    const response = await get(`/api/documents/${id}/result`);
    expect(response.statusCode).toBe(200);
    const { result } = (response.json() as DistrictAnswer);
    expect(result.reconciliation.differences.map((difference) => difference.basis)).toEqual(['basic', 'basicPlus', 'scope2', 'I.basic', 'I.basicPlus', 'I.scope2']);
    expect(result.reconciliation.differences[0]!.difference).toBeCloseTo(1_757, 6);
    expect(result.reconciliation.differences[0]!.rows.map((row) => row.gpc)).toEqual(['I.1.2']);
    expect(result.reconciliation.mismatches).toEqual([expect.objectContaining({ part: 'south', code: 'grid-factor', partValue: 'CN-national-2022' })]);
    expect(line(result.reconciliation, 'basic').remainder).toBeCloseTo(94_285, 6);
    expect(result.remainder).toMatchObject({ entity: { slug: 'gamma' }, version: 1 });
  });

  it('a part that is not the city’s, one without its entity, an inventory that is not there: 422 naming each field, in both languages', async () => {
    const body = {
      name: 'Gamma',
      city: { inventory: '2022' },
      parts: {
        north: { entity: 'gamma-north', inventory: '2022' },
        elsewhere: { entity: 'demo-district', inventory: '2022' },
        city2: { entity: 'demo-city-b', inventory: '2022' },
        nameless: { inventory: '2022' },
        south: { entity: 'gamma-south', inventory: '2021' },
      },
    };
    const id = await stored(gamma, 'district', 'foreign', body);
    const response = await get(`/api/documents/${id}/result`, 'admin');
    expect(response.statusCode).toBe(422);
    const issues = (response.json() as Refusal).error.issues;
    // In the stored body's key order (the database's), so compared sorted.
    expect(issues.map((issue) => [issue.path.join('.'), issue.code]).sort()).toEqual([
      ['parts.city2.entity', 'unresolved-reference'],
      ['parts.elsewhere.entity', 'unresolved-reference'],
      ['parts.nameless.entity', 'unresolved-reference'],
      ['parts.south.inventory', 'unresolved-reference'],
    ]);
    const at = (path: string) => issues.find((issue) => issue.path.join('.') === path)!.message;
    expect(at('parts.elsewhere.entity').en).toContain('"demo-district" is not a district, park or community of gamma');
    expect(at('parts.elsewhere.entity').zh).toContain('"demo-district" 不是 gamma 的区县、园区或社区');
    expect(at('parts.city2.entity').en).toContain('"demo-city-b" is not a district, park or community of gamma');
    expect(at('parts.nameless.entity').en).toContain('parts.nameless.entity is required in a stored district file');
    expect(at('parts.south.inventory').en).toContain('gamma-south has no inventory named "2021" that you may read');
  });

  it('an inventory the caller may not read: the draft is the city’s people’s, not the public’s', async () => {
    const body = { name: 'Gamma, South in draft', city: { inventory: '2022' }, parts: { north: { entity: 'gamma-north', inventory: '2022' }, south: { entity: 'gamma-south', inventory: 'draft' } } };
    const id = await stored(gamma, 'district', 'draft-part', body);
    expect((await get(`/api/documents/${id}/result`, 'admin')).statusCode).toBe(200);
    const hidden = await get(`/api/documents/${id}/result`, 'public');
    expect(hidden.statusCode).toBe(422);
    const issues = (hidden.json() as Refusal).error.issues;
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['parts.south.inventory']);
    expect(issues[0]!.message.zh).toContain('gamma-south 没有您可读取的名为"draft"的清单');
  });

  it('a bad district document: 422 with every problem at its path', async () => {
    const id = await stored(gamma, 'district', 'bad', { name: 'x', city: { inventroy: '2022' }, parts: { north: { entity: 'gamma-north', inventory: '2022', kind: 'zone' } }, tolerance: -1 });
    const bad = await get(`/api/documents/${id}/result`, 'admin');
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as Refusal).error.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['city.inventroy', 'unknown-field'],
      ['city.inventory', 'required'],
      ['parts.north.kind', 'enum'],
      ['tolerance', 'out-of-range'],
    ]);
  });

  it('POST /api/entities/:id/documents takes the kind district on a city, and refuses it on a district with the field named', async () => {
    const payload = { kind: 'district', name: 'posted', body: { name: 'Posted', city: { inventory: DEMO_NAMES.inventory }, parts: { d: { entity: 'demo-district', inventory: DEMO_NAMES.inventory } } } };
    const created = await f.app.inject({ method: 'POST', url: `/api/entities/${f.cities.A.id}/documents`, headers: f.credentials.editorA.headers, payload });
    expect(created.statusCode).toBe(201);
    const district = await f.store.entityBySlug(f.admin, 'demo-district');
    const refused = await f.app.inject({ method: 'POST', url: `/api/entities/${district.id}/documents`, headers: f.credentials.editorA.headers, payload });
    expect(refused.statusCode).toBe(400);
    const said = refused.json() as { error: { message: { en: string; zh: string } } };
    expect(said.error.message.en).toContain('kind: a district document belongs to a city (kind: city); this entity is a district');
    expect(said.error.message.zh).toContain('kind：区县园区文档只能属于城市');
  });

  it('a district holds its own inventory and pathway with targets, and the API computes both', async () => {
    const district = await f.store.entityBySlug(f.admin, 'demo-district');
    const documents = (await f.store.documents({ kind: 'public' }, district.id, { limit: 200 })).items;
    const inventory = documents.find((document) => document.kind === 'inventory')!;
    const pathway = documents.find((document) => document.kind === 'pathway')!;
    const inventoryAnswer = await get(`/api/documents/${inventory.id}/result`);
    expect(inventoryAnswer.statusCode).toBe(200);
    const pathwayAnswer = await get(`/api/documents/${pathway.id}/result`);
    expect(pathwayAnswer.statusCode).toBe(200);
    const run = pathwayAnswer.json() as { from: string; result: { targets: { id: string; kind: string }[]; baseYear?: number } };
    // Computed from the district's own inventory, not the city's.
    expect(run.from).toBe(`${pathway.id}@1,${inventory.id}@1`);
    expect(run.result.targets.map((entry) => entry.id)).toEqual(expect.arrayContaining(['peak-2030', 'cap-2035', 'neutral-2060']));
  });
});
