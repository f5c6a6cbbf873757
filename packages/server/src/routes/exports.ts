import { computeTracking, isIsoDate, parseTracking, type Lang } from '@peakpath/core';
import { cdpOptionsOf, INVENTORY_EXPORTS, standardTableFile, TABLE_MEDIA_TYPES, TRACKING_EXPORTS, trackingTableFile, type InventoryExport, type StandardExport, type TrackingExport } from '@peakpath/node';
import type { StoredDocumentKind } from '@peakpath/store';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteModule } from '../context.ts';
import { ApiError, invalidDocument } from '../errors.ts';
import { etag, idParams, versionNumber } from './shared.ts';

/**
 * The standard exports of a stored document (docs/import-export.md): the GPC reporting table and the
 * CDP-ICLEI emissions table of an inventory; the CDP-ICLEI target table, the indicators and the actions
 * of a tracking document (with the statuses judged at `asOf`, the query's or today's, stated in a header).
 * Each kind names the document kind it fits (`EXPORT_DOCUMENT`); asking another kind's table is a 400
 * with a bilingual body naming the kinds that fit. Whoever may read the version may export it: the store
 * decides, so the public reads published versions only.
 */

export const EXPORT_DOCUMENT: Readonly<Record<StandardExport, StoredDocumentKind>> = {
  gpc: 'inventory',
  'cdp-emissions': 'inventory',
  'cdp-targets': 'tracking',
  'tracking-indicators': 'tracking',
  actions: 'tracking',
};

const EXPORT_KINDS = [...INVENTORY_EXPORTS, ...TRACKING_EXPORTS] as const;

const exportParams = idParams.extend({ kind: z.enum(EXPORT_KINDS).describe('the table: gpc, cdp-emissions (inventories); cdp-targets, tracking-indicators, actions (tracking documents)') });
const exportQuery = z
  .object({
    format: z.enum(['xlsx', 'csv']),
    lang: z.enum(['zh', 'en']).optional().describe('headers\' and names\' language (default zh)'),
    version: versionNumber.optional(),
    boundary: z.string().trim().min(1).max(500).optional().describe('the inventory boundary the CDP emissions table states'),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('the date a tracking document\'s statuses are judged at (default today)'),
  })
  .strict();

const isInventoryExport = (kind: StandardExport): kind is InventoryExport => (INVENTORY_EXPORTS as readonly string[]).includes(kind);
const today = (): string => new Date().toISOString().slice(0, 10);

export const exportRoutes: RouteModule = async (app, context) => {
  app.withTypeProvider<ZodTypeProvider>().get('/api/documents/:id/export/:kind', {
    config: { access: 'public' },
    schema: { tags: ['tables'], summary: 'A standard table of a document as XLSX or CSV: GPC reporting table, CDP-ICLEI emissions or targets, tracking indicators, actions / 标准表格导出', params: exportParams, querystring: exportQuery },
  }, async (request, reply) => {
    const { kind } = request.params;
    const query = request.query;
    const document = await context.store.document(request.actor, request.params.id);
    const version = await context.store.version(request.actor, document.id, query.version);
    const expected = EXPORT_DOCUMENT[kind];
    if (document.kind !== expected) {
      const fitting = EXPORT_KINDS.filter((candidate) => EXPORT_DOCUMENT[candidate] === document.kind);
      const list = fitting.length === 0 ? 'none' : fitting.join(', ');
      throw new ApiError(400, 'bad-request', {
        en: `The ${kind} table is made from a ${expected} document; ${document.id} is a ${document.kind}. Tables of a ${document.kind}: ${list}.`,
        zh: `${kind} 表由${expected}文档生成；${document.id} 是${document.kind}。${document.kind}可导出的表：${fitting.length === 0 ? '无' : fitting.join('、')}。`,
      });
    }
    if (query.boundary !== undefined && kind !== 'cdp-emissions') throw new ApiError(400, 'bad-request', { en: 'boundary applies to the cdp-emissions table.', zh: 'boundary 仅用于 cdp-emissions 表。' });
    if (query.asOf !== undefined && isInventoryExport(kind)) throw new ApiError(400, 'bad-request', { en: 'asOf applies to the tables of a tracking document.', zh: 'asOf 仅用于跟踪文档的表。' });
    const lang: Lang = query.lang ?? 'zh';
    const body = version.body as Record<string, unknown>;
    let bytes: Uint8Array;
    if (isInventoryExport(kind)) {
      const run = context.engine.inventory(body, { id: document.id });
      // The tables are results: an inventory that does not compute is refused with its problems, not exported empty.
      if (!run.ok) throw invalidDocument(run.issues);
      bytes = await standardTableFile(kind, run.value, query.format, lang, cdpOptionsOf(body, query.boundary));
    } else {
      const parsed = parseTracking(body);
      if (!parsed.ok) throw invalidDocument(parsed.issues.map((issue) => ({ ...issue, document: { kind: 'tracking' as const, id: document.id } })));
      const asOf = query.asOf ?? today();
      if (!isIsoDate(asOf)) throw new ApiError(400, 'bad-request', { en: `asOf ${JSON.stringify(asOf)} is not a real date written YYYY-MM-DD.`, zh: `asOf ${JSON.stringify(asOf)} 不是有效日期（YYYY-MM-DD）。` });
      reply.header('x-peakpath-as-of', `${asOf}; ${query.asOf === undefined ? 'today' : 'query'}`);
      bytes = await trackingTableFile(kind as TrackingExport, parsed.tracking, query.format, lang, computeTracking(parsed.tracking, asOf));
    }
    const base = `${kind}-${document.id.slice(0, 8)}-v${version.version}`;
    const disposition = `attachment; filename="${base}.${query.format}"; filename*=UTF-8''${encodeURIComponent(`${document.name}-${kind}-v${version.version}.${query.format}`)}`;
    return reply.header('etag', etag(version.version)).header('content-disposition', disposition).header('content-type', TABLE_MEDIA_TYPES[query.format]).send(Buffer.from(bytes));
  });
};
