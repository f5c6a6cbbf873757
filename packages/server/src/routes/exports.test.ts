import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTracking } from '@peakpath/core';
import { importActionsFile, importTrackingIndicatorsFile, readDocument, spreadsheetFromBytes, TABLE_MEDIA_TYPES } from '@peakpath/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences } from '../../../../test/support/table-compare.ts';
import { bearer, openWorkspace, targets, type Workspace } from '../test/workspace.ts';

/** The standard exports through the API (routes/exports.ts), on a real PGlite store and the real engine. */
let workspace: Workspace;
let tracking: string;

const fixtures = (name: string) => fileURLToPath(new URL(`../../../../test/fixtures/exports/${name}`, import.meta.url));
const exportOf = (token: string | undefined, id: string, kind: string, query: string) => workspace.app.inject({ method: 'GET', url: `/api/documents/${id}/export/${kind}?${query}`, headers: token === undefined ? {} : bearer(token) });
const rows = async (file: string, bytes: Uint8Array) => (await spreadsheetFromBytes(file, bytes, { maxRows: 20_000 })).rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : cell)));

describe.each(targets)('standard exports on %s', (target) => {
  beforeAll(async () => {
    workspace = await openWorkspace(undefined, target);
    const body = await readDocument(fileURLToPath(new URL('../../../../examples/demo-city/tracking.yaml', import.meta.url)));
    tracking = (await workspace.store.createDocument(workspace.actors.editor, { entityId: workspace.city.id, kind: 'tracking', name: 'tracking', body, comment: 'demo' })).document.id;
  }, 120_000);
  afterAll(async () => workspace?.close());

  it('the GPC reporting table (CSV) and the CDP-ICLEI emissions table (XLSX, zh, with a boundary) equal their reference files', async () => {
    const gpc = await exportOf(workspace.tokens.viewer, workspace.documents.inventory, 'gpc', 'format=csv&lang=en');
    expect(gpc.statusCode).toBe(200);
    expect(gpc.headers['content-type']).toBe(TABLE_MEDIA_TYPES.csv);
    expect(gpc.headers['content-disposition']).toBe(`attachment; filename="gpc-${workspace.documents.inventory.slice(0, 8)}-v1.csv"; filename*=UTF-8''inventory.yaml-gpc-v1.csv`);
    expect(differences(await rows('gpc.csv', gpc.rawPayload), await rows('ref.csv', readFileSync(fixtures('demo-gpc.en.csv'))))).toEqual([]);
    const cdp = await exportOf(workspace.tokens.viewer, workspace.documents.inventory, 'cdp-emissions', `format=xlsx&boundary=${encodeURIComponent('示例市行政区域（示意）')}`);
    expect(cdp.statusCode).toBe(200);
    expect(cdp.headers['content-type']).toBe(TABLE_MEDIA_TYPES.xlsx);
    expect(differences(await rows('cdp.xlsx', cdp.rawPayload), await rows('ref.csv', readFileSync(fixtures('demo-cdp-emissions.zh.csv'))))).toEqual([]);
  });

  it('a tracking document\'s indicators and actions, judged at asOf, read back to the document\'s own', async () => {
    const body = (await workspace.store.version(workspace.actors.editor, tracking)).body;
    const parsed = parseTracking(body);
    if (!parsed.ok) throw new Error('the demo tracking document reads');
    const indicators = await exportOf(workspace.tokens.editor, tracking, 'tracking-indicators', 'format=xlsx&asOf=2025-12-01');
    expect(indicators.statusCode).toBe(200);
    expect(indicators.headers['x-peakpath-as-of']).toBe('2025-12-01; query');
    expect((await importTrackingIndicatorsFile('i.xlsx', indicators.rawPayload)).indicators).toEqual(parsed.tracking.indicators);
    const actions = await exportOf(workspace.tokens.editor, tracking, 'actions', 'format=csv&lang=en');
    expect(actions.headers['x-peakpath-as-of']).toMatch(/^\d{4}-\d{2}-\d{2}; today$/);
    const back = await importActionsFile('a.csv', actions.rawPayload);
    expect(back.problems).toEqual([]);
    expect(back.actions).toEqual(parsed.tracking.actions);
    expect((await exportOf(workspace.tokens.editor, tracking, 'cdp-targets', 'format=csv&lang=en')).payload.startsWith('\uFEFFtarget id,target,CDP target type,')).toBe(true);
  });

  it('a table that does not fit the document is a 400 with a bilingual body naming the tables that fit', async () => {
    const wrong = await exportOf(workspace.tokens.editor, workspace.documents.inventory, 'cdp-targets', 'format=csv');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({ error: { code: 'bad-request', message: {
      en: `The cdp-targets table is made from a tracking document; ${workspace.documents.inventory} is a inventory. Tables of a inventory: gpc, cdp-emissions.`,
      zh: `cdp-targets 表由tracking文档生成；${workspace.documents.inventory} 是inventory。inventory可导出的表：gpc、cdp-emissions。`,
    } } });
    const pathway = await exportOf(workspace.tokens.editor, workspace.documents.pathway, 'gpc', 'format=csv');
    expect(pathway.statusCode).toBe(400);
    expect((pathway.json() as { error: { message: { en: string } } }).error.message.en).toContain('Tables of a pathway: none.');
    expect((await exportOf(workspace.tokens.editor, workspace.documents.inventory, 'lines', 'format=csv')).statusCode).toBe(400);
    expect((await exportOf(workspace.tokens.editor, workspace.documents.inventory, 'gpc', 'format=csv&boundary=x')).statusCode).toBe(400);
  });

  it('an inventory version that does not compute is refused with its problems (422)', async () => {
    const version = await workspace.store.saveVersion(workspace.actors.editor, workspace.documents.inventory, { expectedVersion: 1, body: { city: { name: 'X', country: 'CN' }, year: 2022, activities: [{ gpc: 'I.3.1', fuel: 'coke', amount: 3, unit: 'kWhh' }] }, comment: 'broken' });
    const response = await exportOf(workspace.tokens.editor, workspace.documents.inventory, 'gpc', `format=csv&version=${version.version}`);
    expect(response.statusCode).toBe(422);
    const error = (response.json() as { error: { code: string; issues: { path: (string | number)[]; message: { en: string; zh: string } }[] } }).error;
    expect(error.code).toBe('invalid-document');
    expect(error.issues[0]!.path).toEqual(['activities', 0, 'unit']);
    expect(error.issues[0]!.message.en).toContain('"kWhh" is not a known unit');
  });

  it('the public reads published versions only', async () => {
    expect((await exportOf(undefined, workspace.documents.inventory, 'gpc', 'format=csv&version=1')).statusCode).toBeGreaterThanOrEqual(401);
    expect((await exportOf(workspace.tokens.stranger, workspace.documents.inventory, 'gpc', 'format=csv&version=1')).statusCode).toBeGreaterThanOrEqual(403);
    await workspace.store.publish(workspace.actors.admin, workspace.documents.inventory, 1);
    const published = await exportOf(undefined, workspace.documents.inventory, 'gpc', 'format=csv&version=1');
    expect(published.statusCode).toBe(200);
  });
});
