/**
 * GET /api/documents/:id/export/:kind — the standard exports of issue 16 from stored documents: the files equal the
 * reference files of test/fixtures/exports (the GPC table line for line; the tracking tables row for row, the store
 * keeping a body's keys sorted), with a filename and the CSV type; the date a tracking table is judged at is the
 * query's or today's and the answer says which; a kind that does not fit the document, or a bad date, is a 400 in
 * both languages; the public gets the published version only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { readDocument } from '@peakpath/node';
import { DEMO_NAMES } from '@peakpath/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';
import { openFixture, targets, type Fixture } from './fixture.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'exports');
const lines = (text: string): string[] => text.replace(/^\uFEFF/, '').split('\r\n');
const reference = (name: string): string[] => lines(readFileSync(join(FIXTURES, name), 'utf8'));

describe.each(targets)('standard exports on %s', (target) => {
  let f: Fixture;
  let inventoryId: string;
  let trackingId: string;
  let trackingBody: Record<string, unknown>;
  beforeAll(async () => {
    f = await openFixture(target);
    const inventoryBody = await readDocument(join(ROOT, 'examples', 'demo-city', 'inventory.yaml'));
    const inventory = await f.store.createDocument(f.admin, { entityId: f.cities.A.id, kind: 'inventory', name: 'exports-inventory', body: inventoryBody, comment: 'test' });
    await f.store.publish(f.admin, inventory.document.id, inventory.version.version);
    inventoryId = inventory.document.id;
    // Its references name the city's stored documents, as the demo seed's do: the plan's measures are checked.
    trackingBody = { ...((await readDocument(join(ROOT, 'examples', 'demo-city', 'tracking.yaml'))) as Record<string, unknown>), inventory: DEMO_NAMES.inventory, pathway: DEMO_NAMES.pathway, plan: DEMO_NAMES.plan };
    const tracking = await f.store.createDocument(f.admin, { entityId: f.cities.A.id, kind: 'tracking', name: 'exports-tracking', body: trackingBody, comment: 'test' });
    await f.store.publish(f.admin, tracking.document.id, tracking.version.version);
    trackingId = tracking.document.id;
  }, 240_000);
  afterAll(async () => f?.dispose());

  const get = (url: string, role: 'editorA' | 'public' = 'editorA') => f.app.inject({ method: 'GET', url, headers: f.credentials[role].headers });

  it('the GPC table of a stored inventory is the reference file, as CSV with its type and filename', async () => {
    const response = await get(`/api/documents/${inventoryId}/export/gpc?format=csv&lang=en`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="inventory-${inventoryId.slice(0, 8)}-v1-gpc.csv"; filename*=UTF-8''exports-inventory-v1-gpc.csv`);
    expect(lines(response.body)).toEqual(reference('demo-gpc.en.csv'));
  });

  it('the CDP emissions table as XLSX in Chinese states the inventory\'s population, the boundary asked and its BASIC total', async () => {
    const response = await get(`/api/documents/${inventoryId}/export/cdp-emissions?format=xlsx&boundary=${encodeURIComponent('示例市行政区域')}`);
    expect(response.statusCode).toBe(200);
    const book = XLSX.read(response.rawPayload, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['CDP排放']!, { header: 1 });
    expect(rows.find((row) => row[0] === '人口')![1]).toBe(5_200_000);
    expect(rows.find((row) => row[0] === '边界')![1]).toBe('示例市行政区域');
    const basic = (await get(`/api/documents/${inventoryId}/result`)).json() as { result: { totals: { basic: number } } };
    expect(rows.find((row) => row[0] === 'BASIC 合计（吨CO2当量）')![1]).toBe(basic.result.totals.basic);
  });

  it('the tracking tables at ?asOf= hold the reference files\' rows, and say the date came from the query', async () => {
    for (const [kind, name] of [['cdp-targets', 'demo-cdp-targets.en.csv'], ['tracking-indicators', 'demo-tracking-indicators.en.csv'], ['actions', 'demo-actions.en.csv']] as const) {
      const response = await get(`/api/documents/${trackingId}/export/${kind}?format=csv&lang=en&asOf=2025-06-30`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-peakpath-as-of']).toBe('2025-06-30; from=query');
      const expected = reference(name);
      const got = lines(response.body);
      expect(got[0]).toBe(expected[0]);
      // The store keeps a body's keys sorted, so targets, indicators and actions come in id order.
      expect([...got].sort()).toEqual([...expected].sort());
    }
    const today = new Date().toISOString().slice(0, 10);
    expect((await get(`/api/documents/${trackingId}/export/actions?format=csv`)).headers['x-peakpath-as-of']).toBe(`${today}; from=today`);
  });

  it('a kind that does not fit the document, and a bad date, are refused in both languages', async () => {
    const wrong = await get(`/api/documents/${trackingId}/export/gpc?format=csv`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      error: {
        code: 'bad-request',
        message: {
          en: `The gpc table is of an inventory document; ${trackingId} is a tracking (its tables: cdp-targets, tracking-indicators, actions).`,
          zh: `gpc 表属于清单文档；${trackingId} 是跟踪文档（可导出：cdp-targets、tracking-indicators、actions）。`,
        },
      },
    });
    expect((await get(`/api/documents/${inventoryId}/export/actions?format=csv`)).statusCode).toBe(400);
    const badDate = await get(`/api/documents/${trackingId}/export/actions?format=csv&asOf=2025-02-30`);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json()).toMatchObject({ error: { message: { en: 'asOf "2025-02-30" is not a real date written YYYY-MM-DD.' } } });
    expect((await get(`/api/documents/${inventoryId}/export/gpc?format=csv&asOf=2025-06-30`)).statusCode).toBe(400);
    expect((await get(`/api/documents/${inventoryId}/export/lines?format=csv`)).statusCode).toBe(400);
    expect((await get(`/api/documents/${inventoryId}/export/gpc?format=csv&boundary=city`)).statusCode).toBe(400);
  });

  it('the public gets the published version, not a newer draft', async () => {
    const changed = structuredClone(trackingBody) as { indicators: Record<string, { actuals: { year: number; value: number; source: string }[] }> };
    changed.indicators['patents']!.actuals.push({ year: 2025, value: 820, source: 'draft figure' });
    await f.store.saveVersion(f.admin, trackingId, { expectedVersion: 1, body: changed, comment: 'draft' });
    const publicRows = lines((await get(`/api/documents/${trackingId}/export/tracking-indicators?format=csv&lang=en&asOf=2025-06-30`, 'public')).body);
    expect(publicRows.some((row) => row.includes('draft figure'))).toBe(false);
    const editorRows = lines((await get(`/api/documents/${trackingId}/export/tracking-indicators?format=csv&lang=en&asOf=2025-06-30`)).body);
    expect(editorRows.some((row) => row.includes('draft figure'))).toBe(true);
  });
});
