import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, linesTable } from '@peakpath/core';
import { importTableFile, MAX_SPREADSHEET_BYTES, readDocument, readTableFile, TABLE_MEDIA_TYPES, writeCsv } from '@peakpath/node';
import type { DocumentVersion, StoredDocument } from '@peakpath/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, openWorkspace, targets, type Workspace } from '../test/workspace.ts';
import { zipBomb } from '../../../../test/support/zip-bomb.ts';

/** Spreadsheet import and export through the API, on a real PGlite store and the real engine. */
let workspace: Workspace;

const exportOf = (token: string | undefined, id: string, query: string) => workspace.app.inject({ method: 'GET', url: `/api/documents/${id}/export?${query}`, headers: token === undefined ? {} : bearer(token) });
const upload = (token: string, query: string, body: Uint8Array | string, type: string, headers: Record<string, string> = {}) =>
  workspace.app.inject({ method: 'POST', url: `/api/entities/${workspace.city.id}/import?${query}`, headers: { ...bearer(token), 'content-type': type, ...headers }, payload: typeof body === 'string' ? body : Buffer.from(body) });
const stored = async (id: string) => (await workspace.store.version(workspace.actors.editor, id)).body as Record<string, unknown> & { activities: Record<string, unknown>[] };

describe.each(targets)('tables on %s', (target) => {
  beforeAll(async () => {
    workspace = await openWorkspace(undefined, target);
  }, 120_000);
  afterAll(async () => workspace?.close());

  describe('export', () => {
    it('an inventory as XLSX: its lines, and its indicators with the totals the engine computes', async () => {
      const response = await exportOf(workspace.tokens.viewer, workspace.documents.inventory, 'format=xlsx&lang=en');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(TABLE_MEDIA_TYPES.xlsx);
      expect(response.headers['content-disposition']).toContain("filename*=UTF-8''inventory.yaml-v1.xlsx");
      expect(response.headers['x-peakpath-results']).toBe('included');
      const file = await importTableFile('e.xlsx', response.rawPayload);
      const body = await stored(workspace.documents.inventory);
      expect(file.problems).toEqual([]);
      expect(file.lines.lines).toEqual(body.activities);
      const run = createEngine().inventory(body);
      if (!run.ok) throw new Error('the demo inventory computes');
      const tables = await readTableFile('e.xlsx', response.rawPayload);
      const basic = tables.indicators!.rows.find((row) => row[0] === 'total.basic');
      expect(basic?.[2]).toBe(run.value.totals.basic);
    });

    it('CSV in Chinese, JSON of any document; XLSX of a pathway and unreadable documents refused', async () => {
      const csv = await exportOf(workspace.tokens.editor, workspace.documents.inventory, 'format=csv');
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.payload.startsWith('\uFEFFGPC 行,部门,范围,燃料,')).toBe(true);
      const json = await exportOf(workspace.tokens.editor, workspace.documents.pathway, 'format=json');
      expect(JSON.parse(json.payload)).toEqual((await workspace.store.version(workspace.actors.editor, workspace.documents.pathway)).body);
      expect((await exportOf(workspace.tokens.editor, workspace.documents.pathway, 'format=xlsx')).statusCode).toBe(400);
      // Unpublished: the public and another city's editor do not see it.
      expect((await exportOf(undefined, workspace.documents.inventory, 'format=csv')).statusCode).toBeGreaterThanOrEqual(403);
      expect((await exportOf(workspace.tokens.stranger, workspace.documents.inventory, 'format=csv')).statusCode).toBeGreaterThanOrEqual(403);
    });
  });

  describe('import', () => {
    it('a dry run reads and computes the upload, answers the mapping, the changes and the totals before and after, and writes nothing', async () => {
      const body = await stored(workspace.documents.inventory);
      const edited = body.activities.map((line, index) => (index === 0 ? { ...line, amount: (line['amount'] as number) * 2 } : line));
      const csv = writeCsv(linesTable(edited, 'zh'));
      const before = (await workspace.store.document(workspace.actors.editor, workspace.documents.inventory)).currentVersion;
      // No If-Match needed: nothing is written.
      const dry = await upload(workspace.tokens.editor, 'name=inventory.yaml&dryRun=true', csv, 'text/csv');
      expect(dry.statusCode).toBe(200);
      expect(dry.headers.etag).toBe(`"${before}"`);
      const answer = dry.json<{ dryRun: boolean; version: number; linesRead: number; mapping: { column: string; header: string; field: string | null }[]; lines: { kind: string; path: string; old: unknown; new: unknown }[]; totals: { basic: number }; result: { totals: { basic: { before: number; after: number } } } }>();
      expect(answer).toMatchObject({ dryRun: true, version: before, linesRead: edited.length });
      expect(answer.mapping[0]).toEqual({ column: 'A', header: 'GPC 行', field: 'gpc', en: 'gpc', zh: 'GPC 行' });
      expect(answer.mapping.find((entry) => entry.header === '活动量')?.field).toBe('amount');
      expect(answer.lines).toEqual([{ kind: 'changed', path: 'activities[0].amount', old: body.activities[0]!['amount'], new: edited[0]!['amount'] }]);
      const engine = createEngine();
      const was = engine.inventory(body);
      const will = engine.inventory({ ...body, activities: edited });
      if (!was.ok || !will.ok) throw new Error('both compute');
      expect(answer.result.totals.basic).toMatchObject({ before: was.value.totals.basic, after: will.value.totals.basic });
      expect(answer.totals.basic).toBe(will.value.totals.basic);
      expect(will.value.totals.basic).not.toBe(was.value.totals.basic);
      expect((await workspace.store.document(workspace.actors.editor, workspace.documents.inventory)).currentVersion).toBe(before);
      expect((await stored(workspace.documents.inventory)).activities).toEqual(body.activities);
      // A bad table is refused in a dry run as in the real import.
      expect((await upload(workspace.tokens.editor, 'name=inventory.yaml&dryRun=true', 'gpc,amount\nI.3.1,"1,5"\n', 'text/csv')).statusCode).toBe(422);
      // A new inventory's dry run: its lines all added, no totals before, nothing created.
      const fresh = await upload(workspace.tokens.editor, 'name=2030&year=2023&dryRun=true', writeCsv(linesTable(edited.slice(0, 3), 'en')), 'text/csv');
      expect(fresh.statusCode).toBe(200);
      expect(fresh.json()).toMatchObject({ dryRun: true, document: null, version: null, result: null });
      const names = (await workspace.store.documents(workspace.actors.editor, workspace.city.id, { limit: 200 })).items.map((document) => document.name);
      expect(names).not.toContain('2030');
    });

    it('an edited CSV becomes version 2 of the inventory (If-Match), and a new inventory with its year', async () => {
      const body = await stored(workspace.documents.inventory);
      const edited = body.activities.slice(0, 3).map((line, index) => (index === 0 ? { ...line, amount: (line['amount'] as number) * 2 } : line));
      const csv = writeCsv(linesTable(edited, 'en'));
      expect((await upload(workspace.tokens.editor, 'name=inventory.yaml', csv, 'text/csv')).statusCode).toBe(428);
      const saved = await upload(workspace.tokens.editor, 'name=inventory.yaml', csv, 'text/csv; charset=utf-8', { 'if-match': '"1"' });
      expect(saved.statusCode).toBe(200);
      expect(saved.json<{ version: DocumentVersion }>().version.version).toBe(2);
      const now = await stored(workspace.documents.inventory);
      expect(now.activities).toEqual(edited);
      expect(now['population']).toBe(body['population']);
      // A stale If-Match: someone wrote first.
      expect((await upload(workspace.tokens.editor, 'name=inventory.yaml', csv, 'text/csv', { 'if-match': '"1"' })).statusCode).toBe(412);

      const fresh = await upload(workspace.tokens.editor, 'name=2023&year=2023&format=csv', csv, 'application/octet-stream');
      expect(fresh.statusCode).toBe(201);
      const created = fresh.json<{ document: StoredDocument; version: DocumentVersion }>();
      expect(created.document).toMatchObject({ kind: 'inventory', name: '2023', currentVersion: 1 });
      expect(created.version.body).toEqual({ city: { name: 'Demo City', nameZh: '示例市', country: 'CN' }, year: 2023, activities: edited });
    });

    it('bad cells are a 422 naming each cell; an inventory problem too, by its cell; nothing is saved', async () => {
      const before = (await workspace.store.document(workspace.actors.editor, workspace.documents.inventory)).currentVersion;
      const bad = await upload(workspace.tokens.editor, 'name=x&year=2022', 'gpc,__proto__,amount,unit\nI.3.1,1,"1,5",t\n', 'text/csv');
      expect(bad.statusCode).toBe(422);
      const issues = bad.json<{ error: { issues: { cell: string; code: string; message: { en: string; zh: string } }[] } }>().error.issues;
      expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([['unknown-column', 'upload!B1'], ['not-a-number', 'upload!C2']]);
      expect(issues[1]!.message.zh).toContain('应为数值');
      const unit = await upload(workspace.tokens.editor, 'name=inventory.yaml', 'gpc,fuel,amount,unit\nI.3.1,coke,3,kWhh\n', 'text/csv', { 'if-match': `"${before}"` });
      expect(unit.statusCode).toBe(422);
      const unitIssue = unit.json<{ error: { issues: { cell: string; message: { en: string } }[] } }>().error.issues[0]!;
      expect(unitIssue.cell).toBe('upload!D2');
      expect(unitIssue.message.en).toContain('upload!D2 (unit) unit: "kWhh" is not a known unit');
      expect((await workspace.store.document(workspace.actors.editor, workspace.documents.inventory)).currentVersion).toBe(before);
    });

    it('viewers may not import; too large an upload is a 413, a zip bomb a 400, before anything is read', async () => {
      // A table that reads and computes: the store then refuses the viewer's write.
      const refused = await upload(workspace.tokens.viewer, 'name=inventory.yaml', 'gpc,fuel,amount,unit\nI.3.1,coke,3,t\n', 'text/csv', { 'if-match': '"2"' });
      expect(refused.statusCode).toBe(403);
      expect((await upload(workspace.tokens.editor, 'name=big&year=2022', new Uint8Array(MAX_SPREADSHEET_BYTES + 1), 'text/csv')).statusCode).toBe(413);
      const bomb = await upload(workspace.tokens.editor, 'name=bomb&year=2022', zipBomb(), TABLE_MEDIA_TYPES.xlsx);
      expect(bomb.statusCode).toBe(400);
      expect(bomb.json()).toMatchObject({ error: { message: { en: expect.stringContaining('zip bomb'), zh: expect.stringContaining('压缩炸弹') } } });
    });

    it('an energy balance table becomes an inventory of the city that computes', async () => {
      const example = readFileSync(fileURLToPath(new URL('../../../../examples/energy-balance/example.xlsx', import.meta.url)));
      const response = await workspace.app.inject({ method: 'POST', url: `/api/entities/${workspace.city.id}/import/energy-balance?name=balance-2023&year=2023&grid=CN-east-2023`, headers: { ...bearer(workspace.tokens.editor), 'content-type': TABLE_MEDIA_TYPES.xlsx }, payload: example });
      expect(response.statusCode).toBe(201);
      const created = response.json<{ version: DocumentVersion; notes: string[] }>();
      const body = created.version.body as { city: unknown; year: number; activities: unknown[] };
      expect(body.city).toEqual({ name: 'Demo City', nameZh: '示例市', country: 'CN' });
      expect(body.year).toBe(2023);
      expect(created.notes.some((note) => note.includes('20 total cells agree with their parts'))).toBe(true);
      // The same lines as the CLI's import of the same file (examples/energy-balance/inventory.yaml).
      const shipped = (await readDocument(fileURLToPath(new URL('../../../../examples/energy-balance/inventory.yaml', import.meta.url)))) as { activities: unknown[] };
      expect(body.activities).toEqual(shipped.activities);
    });
  });
});
