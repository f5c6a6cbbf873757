import { documentWithTables, headerKey, importEnergyBalance, isIsoDate, parseInventory, inventoryOutput, LINE_COLUMNS, tableIssueText, warningsJson, type DocumentIssue, type InventoryJson, type Lang, type TablesImport } from '@peakpath/core';
import {
  importTableFile,
  InputFileError,
  inventoryTableFile,
  MAX_SPREADSHEET_BYTES,
  spreadsheetFromBytes,
  standardTableFile,
  STANDARD_TABLE_KINDS,
  TABLE_MEDIA_TYPES,
  trackingTableFile,
  TRACKING_TABLE_KINDS,
  type StandardTableKind,
  type TableFormat,
  type TrackingTableKind,
} from '@peakpath/node';
import { diffBodies, type Actor, type Entity, type StoredDocument } from '@peakpath/store';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext, RouteModule } from '../context.ts';
import { ApiError, invalidDocument, type ApiIssue } from '../errors.ts';
import { trackingRun } from '../results/compute.ts';
import { inventoryChanges } from '../results/diff.ts';
import { etag, expectedVersion, idParams, versionNumber } from './shared.ts';

/**
 * Spreadsheets in and out (docs/import-export.md): an upload of the lines table (XLSX or CSV, the raw body)
 * becomes a new version of an inventory document, or a new inventory; an energy balance table likewise; a
 * document goes out as XLSX, CSV or JSON. Uploads are capped at the spreadsheet limit (10 MiB) before they
 * are read, and read through @peakpath/node's caps (unzipped size, sheet range), formula cells by their
 * saved values. Problems of cells and of the resulting inventory are 422, each with its cell.
 */

const UPLOAD_TYPES: Readonly<Record<string, TableFormat | undefined>> = {
  [TABLE_MEDIA_TYPES.xlsx]: 'xlsx',
  'text/csv': 'csv',
  'application/octet-stream': undefined,
};

const importQuery = z
  .object({
    name: z.string().trim().min(1).max(200).describe('the inventory document to write: a new version of it, or a new document of that name'),
    format: z.enum(['xlsx', 'csv']).optional().describe('the upload\'s format; taken from Content-Type when absent'),
    year: z.coerce.number().int().min(1900).max(2100).optional().describe('a new document\'s year, when the upload has no indicators sheet giving it'),
    comment: z.string().max(2000).optional(),
    dryRun: z.enum(['true', 'false']).optional().describe('true: read and compute, answer what would change (mapping, lines, totals before and after), write nothing'),
  })
  .strict();

const balanceQuery = z
  .object({
    name: z.string().trim().min(1).max(200).describe('the inventory document to write'),
    year: z.coerce.number().int().min(1900).max(2100).describe('the year of the balance'),
    format: z.enum(['xlsx', 'csv']).optional(),
    sheet: z.string().min(1).max(200).optional().describe('the sheet to read (XLSX; default the first)'),
    grid: z.string().min(1).max(100).optional().describe('grid factor id written into a new inventory (e.g. CN-east-2023)'),
    allowUnmapped: z.enum(['true', 'false']).optional().describe('import the rest when rows or columns cannot be mapped (they are listed)'),
    comment: z.string().max(2000).optional(),
  })
  .strict();

const exportQuery = z
  .object({
    format: z.enum(['xlsx', 'csv', 'json']),
    lang: z.enum(['zh', 'en']).optional().describe('headers\' language (default zh)'),
    table: z.enum(['lines', 'indicators']).optional().describe('the table a CSV holds (default lines)'),
    version: versionNumber.optional(),
  })
  .strict();

const standardExportParams = idParams.extend({ kind: z.enum([...STANDARD_TABLE_KINDS, ...TRACKING_TABLE_KINDS]).describe('gpc, cdp-emissions (inventory); cdp-targets, tracking-indicators, actions (tracking)') }).strict();
const standardExportQuery = z
  .object({
    format: z.enum(['xlsx', 'csv']),
    lang: z.enum(['zh', 'en']).optional().describe('headers\' language (default zh)'),
    boundary: z.string().trim().min(1).max(500).optional().describe('the inventory boundary as the CDP emissions table states it (cdp-emissions only)'),
    asOf: z.string().max(40).optional().describe('a tracking table\'s date, YYYY-MM-DD: statuses and progress judged then (default today, said in x-peakpath-as-of)'),
    version: versionNumber.optional(),
  })
  .strict();

/** Which document kind each standard export is of. */
const EXPORT_DOCUMENT_KIND: Readonly<Record<StandardTableKind | TrackingTableKind, 'inventory' | 'tracking'>> = {
  gpc: 'inventory',
  'cdp-emissions': 'inventory',
  'cdp-targets': 'tracking',
  'tracking-indicators': 'tracking',
  actions: 'tracking',
};

const KIND_ZH: Readonly<Record<string, string>> = { inventory: '清单', tracking: '跟踪', pathway: '路径', plan: '行动方案' };

function uploadFormat(contentType: string | undefined, format: TableFormat | undefined): TableFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const given = format ?? UPLOAD_TYPES[type];
  if (given === undefined) {
    throw new ApiError(400, 'bad-request', { en: 'Say the upload\'s format: ?format=xlsx|csv, or Content-Type text/csv or the XLSX type.', zh: '请说明上传文件的格式：?format=xlsx|csv，或 Content-Type 为 text/csv 或 XLSX 类型。' });
  }
  return given;
}

/** A file-level refusal of @peakpath/node ("name: English / 中文") as a 400 in both languages. */
function fileError(error: unknown): never {
  if (error instanceof InputFileError) {
    const [en = error.message, zh = en] = error.message.split(' / ');
    throw new ApiError(400, 'bad-request', { en, zh });
  }
  throw error;
}

const bytesOf = (body: unknown): Uint8Array => {
  if (!(body instanceof Uint8Array) || body.length === 0) throw new ApiError(400, 'bad-request', { en: 'The request body is the file: send the XLSX or CSV bytes.', zh: '请求体应为文件本身：请发送 XLSX 或 CSV 文件内容。' });
  return body;
};

/** The cells' problems as a 422: each with its sheet, row, column letter and header. */
function tableProblems(imported: TablesImport): ApiError {
  const issues: ApiIssue[] = imported.problems.map((problem) => ({ path: [problem.sheet, problem.cell], code: problem.code, cell: problem.cell, row: problem.row, column: problem.column, header: problem.header, message: { en: problem.en, zh: problem.zh } }));
  return new ApiError(422, 'invalid-document', { en: `The table has ${issues.length} problem(s); each is listed with its cell.`, zh: `表格有 ${issues.length} 处问题，逐条列出并注明单元格。` }, issues);
}

/** The inventory's problems after the import, told by their cells where the table gave the field. */
function inventoryProblems(imported: TablesImport, issues: readonly DocumentIssue[]): ApiError {
  const error = invalidDocument(issues);
  const located = issues.map((issue, index) => {
    const en = tableIssueText(imported, issue, 'en');
    return { ...error.issues![index]!, cell: en.cell, message: { en: en.text, zh: tableIssueText(imported, issue, 'zh').text } };
  });
  return new ApiError(422, 'invalid-document', error.bilingual, located);
}

async function inventoryNamed(context: AppContext, actor: Actor, entity: Entity, name: string): Promise<StoredDocument | undefined> {
  let cursor: string | undefined;
  do {
    const page = await context.store.documents(actor, entity.id, { limit: 200, cursor });
    const found = page.items.find((candidate) => candidate.kind === 'inventory' && candidate.name === name);
    if (found) return found;
    cursor = page.next ?? undefined;
  } while (cursor);
  return undefined;
}

/** How each header of the upload was read: its column letter, the header, and the field it fills (null: unknown). */
function headerMapping(imported: TablesImport) {
  const byHeader = new Map(LINE_COLUMNS.flatMap((column) => [column.en, column.zh, ...(column.aliases ?? [])].map((spelling) => [headerKey(spelling), column] as const)));
  return imported.lines.headers.map((header, index) => {
    const column = header === '' ? undefined : byHeader.get(headerKey(header));
    return { column: columnLetter(index), header, field: column?.key ?? null, en: column?.en ?? null, zh: column?.zh ?? null };
  });
}

const columnLetter = (index: number): string => (index < 26 ? String.fromCharCode(65 + index) : columnLetter(Math.floor(index / 26) - 1) + String.fromCharCode(65 + (index % 26)));

/**
 * A dry run's answer: what the import would write, and nothing written. For an existing inventory the
 * changes are told as the diff of two versions is (docs/server.md): by field and in the totals; a
 * current version that does not compute (a draft with problems) has no totals before (`result: null`).
 */
function dryRunAnswer(context: AppContext, imported: TablesImport, target: { document: StoredDocument; version: number; body: unknown } | null, body: Record<string, unknown>, after: InventoryJson) {
  const common = { dryRun: true as const, mapping: headerMapping(imported), linesRead: imported.lines.lines.length, body, totals: after.totals, bySector: after.bySector };
  if (target === null) return { ...common, document: null, version: null, lines: diffBodies({}, body), result: null };
  const run = context.engine.inventory(target.body, { id: target.document.id });
  const before = run.ok ? inventoryOutput(run.value, warningsJson(run.warnings)) : null;
  return { ...common, document: target.document, version: target.version, lines: diffBodies(target.body, body), result: before === null ? null : inventoryChanges(before, target.body, after, body, 20) };
}

/** A new inventory's top of file, from the entity the upload is for. */
const cityOf = (entity: Entity): Record<string, unknown> => ({ name: entity.name, ...(entity.nameZh === null ? {} : { nameZh: entity.nameZh }), country: entity.country });

export const tableRoutes: RouteModule = async (app, context) => {
  await app.register(async (scope) => {
    const uploads = scope.withTypeProvider<ZodTypeProvider>();
    // Raw uploads in this scope only: XLSX and CSV bytes, capped before they are read.
    uploads.addContentTypeParser(Object.keys(UPLOAD_TYPES), { parseAs: 'buffer', bodyLimit: MAX_SPREADSHEET_BYTES }, (_request, body, done) => done(null, body));

    uploads.post('/api/entities/:id/import', {
      config: { access: 'user' },
      schema: { tags: ['tables'], summary: 'Import a lines table (XLSX/CSV body) as a new version of an inventory, or a new inventory (If-Match for an existing one) / 导入活动数据表', params: idParams, querystring: importQuery },
    }, async (request, reply) => {
      const entity = await context.store.entity(request.actor, request.params.id);
      const format = uploadFormat(request.headers['content-type'], request.query.format);
      const imported = await importTableFile(`upload.${format}`, bytesOf(request.body)).catch(fileError);
      if (imported.problems.length > 0) throw tableProblems(imported);
      const comment = request.query.comment ?? `imported from a ${format.toUpperCase()} table (${imported.lines.lines.length} lines) / 由 ${format.toUpperCase()} 表导入（${imported.lines.lines.length} 行）`;
      const existing = await inventoryNamed(context, request.actor, entity, request.query.name);
      const dryRun = request.query.dryRun === 'true';
      if (existing) {
        const current = await context.store.version(request.actor, existing.id);
        const body = documentWithTables(current.body as Record<string, unknown>, imported);
        const run = context.engine.inventory(body, { id: existing.id });
        if (!run.ok) throw inventoryProblems(imported, run.issues);
        // Nothing written: no If-Match needed, the current version is in the answer for the real import's.
        if (dryRun) return reply.header('etag', etag(current.version)).send(dryRunAnswer(context, imported, { document: existing, version: current.version, body: current.body }, body, inventoryOutput(run.value, warningsJson(run.warnings))));
        const expected = expectedVersion(request.headers['if-match']);
        const version = await context.store.saveVersion(request.actor, existing.id, { expectedVersion: expected, body, comment });
        return reply.header('etag', etag(version.version)).send({ document: await context.store.document(request.actor, existing.id), version });
      }
      const year = imported.indicators?.fields.year ?? request.query.year;
      if (year === undefined) {
        throw new ApiError(400, 'bad-request', { en: `No inventory named "${request.query.name}" yet: a new one needs its year (?year=, or an indicators sheet with year).`, zh: `尚无名为"${request.query.name}"的清单：新建清单需要年份（?year= 或指标表中的 year）。` });
      }
      const body = documentWithTables({ city: cityOf(entity), year }, imported);
      const run = context.engine.inventory(body, { id: request.query.name });
      if (!run.ok) throw inventoryProblems(imported, run.issues);
      if (dryRun) return reply.send(dryRunAnswer(context, imported, null, body, inventoryOutput(run.value, warningsJson(run.warnings))));
      const created = await context.store.createDocument(request.actor, { entityId: entity.id, kind: 'inventory', name: request.query.name, body, comment });
      return reply.code(201).header('etag', etag(created.version.version)).send(created);
    });

    uploads.post('/api/entities/:id/import/energy-balance', {
      config: { access: 'user' },
      schema: { tags: ['tables'], summary: 'Import an energy balance table (能源平衡表, XLSX/CSV body) as an inventory or a new version of one / 导入能源平衡表', params: idParams, querystring: balanceQuery },
    }, async (request, reply) => {
      const entity = await context.store.entity(request.actor, request.params.id);
      const format = uploadFormat(request.headers['content-type'], request.query.format);
      const grid = await spreadsheetFromBytes(`upload.${format}`, bytesOf(request.body), { sheet: request.query.sheet }).catch(fileError);
      const result = importEnergyBalance(grid, { year: request.query.year, city: entity.nameZh ?? entity.name, grid: request.query.grid });
      const unmapped = (code: string) => code === 'unmapped-row' || code === 'unmapped-column';
      const refused = result.problems.filter((problem) => request.query.allowUnmapped !== 'true' || !unmapped(problem.code));
      if (refused.length > 0) {
        throw new ApiError(422, 'invalid-document', { en: `The table has ${refused.length} problem(s); each is listed with its cell${refused.every((problem) => unmapped(problem.code)) ? ' (allowUnmapped=true imports the rest)' : ''}.`, zh: `表格有 ${refused.length} 处问题，逐条列出并注明单元格。` },
          refused.map((problem) => ({ path: [problem.cell], code: problem.code, cell: problem.cell, message: { en: `${problem.cell}: ${problem.en}`, zh: `${problem.cell}：${problem.zh}` } })));
      }
      const body = { ...result.document, city: cityOf(entity) };
      const run = context.engine.inventory(body, { id: request.query.name });
      if (!run.ok) throw invalidDocument(run.issues);
      const comment = request.query.comment ?? `imported from an energy balance table (${result.lines.length} lines) / 由能源平衡表导入（${result.lines.length} 行）`;
      const notes = { notes: result.notes, skipped: result.problems.map((problem) => ({ cell: problem.cell, message: { en: problem.en, zh: problem.zh } })) };
      const existing = await inventoryNamed(context, request.actor, entity, request.query.name);
      if (existing) {
        const version = await context.store.saveVersion(request.actor, existing.id, { expectedVersion: expectedVersion(request.headers['if-match']), body, comment });
        return reply.header('etag', etag(version.version)).send({ document: await context.store.document(request.actor, existing.id), version, ...notes });
      }
      const created = await context.store.createDocument(request.actor, { entityId: entity.id, kind: 'inventory', name: request.query.name, body, comment });
      return reply.code(201).header('etag', etag(created.version.version)).send({ ...created, ...notes });
    });
  });

  app.get('/api/documents/:id/export', {
    config: { access: 'public' },
    schema: { tags: ['tables'], summary: 'A document as a file: XLSX (lines and indicators) or CSV for an inventory, JSON for any / 导出文档（XLSX、CSV、JSON）', params: idParams, querystring: exportQuery },
  }, async (request, reply) => {
    const document = await context.store.document(request.actor, request.params.id);
    const version = await context.store.version(request.actor, document.id, request.query.version);
    const base = `${document.kind}-${document.id.slice(0, 8)}-v${version.version}`;
    const disposition = (extension: string) => `attachment; filename="${base}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${document.name}-v${version.version}.${extension}`)}`;
    reply.header('etag', etag(version.version));
    if (request.query.format === 'json') return reply.header('content-disposition', disposition('json')).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(version.body, null, 2));
    if (document.kind !== 'inventory') {
      throw new ApiError(400, 'bad-request', { en: `XLSX and CSV hold an inventory's lines; ${document.id} is a ${document.kind} (format=json exports it).`, zh: `XLSX 和 CSV 仅用于清单活动数据；${document.id} 是${document.kind}（可用 format=json 导出）。` });
    }
    const lang: Lang = request.query.lang ?? 'zh';
    const body = version.body as Record<string, unknown>;
    const run = context.engine.inventory(body, { id: document.id });
    const bytes = await inventoryTableFile(body, run.ok ? run.value : undefined, request.query.format, lang, request.query.table ?? 'lines');
    // Said in a header, not silently: the indicators lack results when the inventory does not compute.
    reply.header('x-peakpath-results', run.ok ? 'included' : `omitted: ${run.issues.length} problems`);
    return reply.header('content-disposition', disposition(request.query.format)).header('content-type', TABLE_MEDIA_TYPES[request.query.format]).send(Buffer.from(bytes));
  });

  app.get('/api/documents/:id/export/:kind', {
    config: { access: 'public' },
    schema: {
      tags: ['tables'],
      summary: 'A standard table as XLSX or CSV: gpc, cdp-emissions of an inventory; cdp-targets, tracking-indicators, actions of a tracking document (at asOf) / 标准表导出',
      params: standardExportParams,
      querystring: standardExportQuery,
    },
  }, async (request, reply) => {
    const { kind } = request.params;
    const { format, asOf } = request.query;
    const document = await context.store.document(request.actor, request.params.id);
    const expected = EXPORT_DOCUMENT_KIND[kind];
    if (document.kind !== expected) {
      const fits = (Object.keys(EXPORT_DOCUMENT_KIND) as (keyof typeof EXPORT_DOCUMENT_KIND)[]).filter((candidate) => EXPORT_DOCUMENT_KIND[candidate] === document.kind);
      throw new ApiError(400, 'bad-request', {
        en: `The ${kind} table is of ${expected === 'inventory' ? 'an inventory' : 'a tracking'} document; ${document.id} is ${document.kind === 'inventory' ? 'an inventory' : `a ${document.kind}`}${fits.length > 0 ? ` (its tables: ${fits.join(', ')})` : ''}.`,
        zh: `${kind} 表属于${KIND_ZH[expected]}文档；${document.id} 是${KIND_ZH[document.kind] ?? document.kind}文档${fits.length > 0 ? `（可导出：${fits.join('、')}）` : ''}。`,
      });
    }
    if (expected === 'inventory' && asOf !== undefined) {
      throw new ApiError(400, 'bad-request', { en: `asOf applies to the tables of a tracking document, not to ${kind}.`, zh: `asOf 仅适用于跟踪文档的表，不适用于 ${kind}。` });
    }
    if (request.query.boundary !== undefined && kind !== 'cdp-emissions') {
      throw new ApiError(400, 'bad-request', { en: `boundary applies to the cdp-emissions table, not to ${kind}.`, zh: `boundary 仅适用于 cdp-emissions 表，不适用于 ${kind}。` });
    }
    if (asOf !== undefined && !isIsoDate(asOf)) throw new ApiError(400, 'bad-request', { en: `asOf ${JSON.stringify(asOf)} is not a real date written YYYY-MM-DD.`, zh: `asOf ${JSON.stringify(asOf)} 不是有效日期（YYYY-MM-DD）。` });
    const version = await context.store.version(request.actor, document.id, request.query.version);
    const lang: Lang = request.query.lang ?? 'zh';
    let bytes: Uint8Array;
    if (expected === 'inventory') {
      const run = context.engine.inventory(version.body, { id: document.id });
      if (!run.ok) throw invalidDocument(run.issues);
      const parsed = parseInventory(version.body);
      bytes = await standardTableFile(kind as StandardTableKind, run.value, format, lang, { population: parsed.ok ? parsed.inventory.population : undefined, boundary: request.query.boundary });
    } else {
      // As the result route computes it: at the date asked (or today), measures checked against the plan it names.
      const { date, asOfFrom, run } = await trackingRun(context, request.actor, { document, version }, asOf);
      reply.header('x-peakpath-as-of', `${date}; from=${asOfFrom}`);
      bytes = await trackingTableFile(kind as TrackingTableKind, run.value.tracking, format, lang, run.value.result);
    }
    const base = `${document.kind}-${document.id.slice(0, 8)}-v${version.version}-${kind}`;
    const disposition = `attachment; filename="${base}.${format}"; filename*=UTF-8''${encodeURIComponent(`${document.name}-v${version.version}-${kind}.${format}`)}`;
    return reply.header('etag', etag(version.version)).header('content-disposition', disposition).header('content-type', TABLE_MEDIA_TYPES[format]).send(Buffer.from(bytes));
  });
};
