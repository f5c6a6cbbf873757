/**
 * GET /api/networks/:id/practices: the good-practice library of a network, collected from its members'
 * tracking documents at the version each caller may read, searched as the core searches.
 */
import { parseTracking, searchPractices, type Tracking } from '@peakpath/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, targets, type Fixture } from './fixture.ts';

interface Answer {
  items: { practice: { id: string; title: { zh?: string; en?: string } }; entity: { id: string }; document: { id: string; version: number } }[];
  total: number;
  skipped: { document: string; problems: number }[];
}

describe.each(targets)('the network practice library on %s', (target) => {
  let f: Fixture;
  let tracking: Tracking;
  let published: string;
  beforeAll(async () => {
    f = await openFixture(target);
    const page = await f.store.documents(f.admin, f.cities.A.id, { limit: 200 });
    published = page.items.find((document) => document.kind === 'tracking')!.id;
    const parsed = parseTracking((await f.store.version(f.admin, published)).body);
    if (!parsed.ok) throw new Error('the seeded tracking does not parse');
    tracking = parsed.tracking;
  }, 240_000);
  afterAll(async () => f?.dispose());

  const get = async (query: string, headers: Record<string, string> = {}) => {
    const response = await f.app.inject({ method: 'GET', url: `/api/networks/${f.network.id}/practices${query}`, headers });
    expect(response.statusCode).toBe(200);
    return response.json() as Answer;
  };

  it("lists every member's published cases, each with its city and document version, and searches as the core", async () => {
    const everything = await get('');
    expect(tracking.practices.length).toBeGreaterThan(0);
    expect(everything.total).toBe(tracking.practices.length);
    expect(everything.items.map((item) => item.practice.id)).toEqual(searchPractices(tracking.practices, {}).map((practice) => practice.id));
    for (const item of everything.items) expect(item).toMatchObject({ entity: { id: f.cities.A.id }, document: { id: published, version: 1 } });
    const word = tracking.practices[0]!.title.en!.split(' ')[0]!;
    const found = await get(`?text=${encodeURIComponent(word)}`);
    expect(found.items.map((item) => item.practice.id)).toEqual(searchPractices(tracking.practices, { text: word }).map((practice) => practice.id));
    const area = tracking.practices[0]!.area;
    expect((await get(`?area=${area}`)).items.map((item) => item.practice.id)).toEqual(searchPractices(tracking.practices, { area }).map((practice) => practice.id));
    expect((await get('?text=zzzz-nothing')).items).toEqual([]);
  });

  it("collects a city's unpublished cases for its own people only, and lists a document that does not read", async () => {
    const body = { ...(await f.store.version(f.admin, published)).body as Record<string, unknown> };
    const practices = body['practices'] as Record<string, Record<string, unknown>>;
    const [id, first] = Object.entries(practices)[0]!;
    const draft = await f.store.createDocument(f.admin, { entityId: f.cities.A.id, kind: 'tracking', name: 'tracking-draft', body: { ...body, practices: { [`${id}-draft`]: first } }, comment: 'never published' });
    const broken = await f.store.createDocument(f.admin, { entityId: f.cities.A.id, kind: 'tracking', name: 'tracking-broken', body: { version: 1, city: 'x', indicators: { bad: { area: 'nowhere' } } }, comment: 'does not read' });
    await f.store.publish(f.admin, broken.document.id, 1);
    const publicly = await get('');
    expect(publicly.items.map((item) => item.practice.id)).not.toContain(`${id}-draft`);
    expect(publicly.skipped).toEqual([expect.objectContaining({ document: broken.document.id })]);
    expect(publicly.skipped[0]!.problems).toBeGreaterThan(0);
    const editor = await get('', f.credentials.editorA.headers);
    expect(editor.items.map((item) => item.practice.id)).toContain(`${id}-draft`);
    expect(editor.items.find((item) => item.practice.id === `${id}-draft`)!.document.id).toBe(draft.document.id);
  });

  it('refuses an unknown area with a structured 400', async () => {
    const response = await f.app.inject({ method: 'GET', url: `/api/networks/${f.network.id}/practices?area=moon` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'bad-request' } });
  });
});
