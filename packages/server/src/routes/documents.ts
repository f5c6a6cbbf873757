import { z } from 'zod';
import type { RouteModule } from '../context.ts';
import { clusterResult } from '../results/cluster.ts';
import { districtResult } from '../results/district.ts';
import { inventoryResult, maccResult, pathwayResult, trackingResult } from '../results/compute.ts';
import { etag, expectedVersion, idParams, pageQuery, versionNumber } from './shared.ts';

const documentBody = z.record(z.string(), z.unknown()).describe('the document as the engine reads it (the YAML/JSON file, parsed)');

/**
 * A stored document: read (with its ETag), write a new version (If-Match required: 428 without, 412
 * with the current document when someone else wrote first), publish, comment, and its computed result.
 */
export const documentRoutes: RouteModule = (app, context) => {
  app.get('/api/documents/:id', {
    config: { access: 'public' },
    schema: { tags: ['documents'], summary: 'A document and its current version (the public: the published one); ETag is the version / 文档及当前版本', params: idParams },
  }, async (request, reply) => {
    const document = await context.store.document(request.actor, request.params.id);
    const version = await context.store.version(request.actor, document.id);
    return reply.header('etag', etag(version.version)).send({ document, version });
  });

  app.put('/api/documents/:id', {
    config: { access: 'user' },
    schema: {
      tags: ['documents'],
      summary: 'Save a new version; needs If-Match: "<version>" / 保存新版本（须带 If-Match）',
      params: idParams,
      body: z.object({ body: documentBody, comment: z.string().max(2000).default('') }).strict(),
    },
  }, async (request, reply) => {
    const expected = expectedVersion(request.headers['if-match']);
    const version = await context.store.saveVersion(request.actor, request.params.id, { expectedVersion: expected, body: request.body.body, comment: request.body.comment });
    return reply.header('etag', etag(version.version)).send(version);
  });

  app.post('/api/documents/:id/publish', {
    config: { access: 'user' },
    schema: { tags: ['documents'], summary: 'Publish a version: the public sees it / 发布版本', params: idParams, body: z.object({ version: versionNumber }).strict() },
  }, async (request, reply) => {
    await context.store.publish(request.actor, request.params.id, request.body.version);
    return reply.code(204).send();
  });

  app.get('/api/documents/:id/comments', {
    config: { access: 'public' },
    schema: { tags: ['documents'], summary: 'Comments on a document / 评论', params: idParams, querystring: pageQuery },
  }, async (request) => context.store.comments(request.actor, request.params.id, request.query));

  app.post('/api/documents/:id/comments', {
    config: { access: 'user' },
    schema: { tags: ['documents'], summary: 'Comment on a version / 评论某一版本', params: idParams, body: z.object({ version: versionNumber, text: z.string().trim().min(1).max(10_000) }).strict() },
  }, async (request, reply) => reply.code(201).send(await context.store.addComment(request.actor, request.params.id, request.body.version, request.body.text)));

  app.get('/api/documents/:id/result', {
    config: { access: 'public' },
    schema: {
      tags: ['results'],
      summary: 'The computed result: inventory (GPC JSON), pathway run (scenario), plan MACC (cached by version), tracking statuses at asOf (default today), a cluster’s aggregation of its members’ inventories and, when they name pathways, the cluster’s pathways (scenario), or a district file’s reconciliation of a city with its parts and its assessments / 计算结果',
      params: idParams,
      querystring: z.object({ version: versionNumber.optional(), scenario: z.string().min(1).max(100).optional(), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict(),
    },
  }, async (request, reply) => {
    const document = await context.store.document(request.actor, request.params.id);
    const version = await context.store.version(request.actor, document.id, request.query.version);
    const loaded = { document, version };
    if (document.kind === 'cluster') {
      const cluster = await clusterResult(context, request.actor, loaded, request.query.scenario);
      return reply.header('x-peakpath-computed-from', cluster.from).send({ kind: document.kind, version: version.version, from: cluster.from, result: cluster.value });
    }
    if (document.kind === 'district') {
      const district = await districtResult(context, request.actor, loaded);
      return reply.header('x-peakpath-computed-from', district.from).send({ kind: document.kind, version: version.version, from: district.from, result: district.value });
    }
    if (document.kind === 'tracking') {
      const tracking = await trackingResult(context, request.actor, loaded, request.query.asOf);
      return reply.header('x-peakpath-computed-from', tracking.from).send({ kind: document.kind, version: version.version, from: tracking.from, ...tracking.value });
    }
    const computed = document.kind === 'inventory' ? await inventoryResult(context, loaded) : document.kind === 'pathway' ? await pathwayResult(context, request.actor, loaded, request.query.scenario) : await maccResult(context, request.actor, loaded);
    return reply.header('x-peakpath-computed-from', computed.from).header('x-peakpath-cache', computed.cached ? 'hit' : 'miss').send({ kind: document.kind, version: version.version, from: computed.from, result: computed.value });
  });
};
