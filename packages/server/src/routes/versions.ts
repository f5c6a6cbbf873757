import { z } from 'zod';
import type { RouteModule } from '../context.ts';
import { diffVersions } from '../results/diff.ts';
import { etag, expectedVersion, idParams, pageQuery, versionNumber } from './shared.ts';

/** The history of a document: every version is kept; restoring writes a new version with an old body. */
export const versionRoutes: RouteModule = (app, context) => {
  app.get('/api/documents/:id/versions', {
    config: { access: 'public' },
    schema: { tags: ['versions'], summary: 'Versions, newest first (paginated) / 版本列表', params: idParams, querystring: pageQuery },
  }, async (request) => context.store.versions(request.actor, request.params.id, request.query));

  app.get('/api/documents/:id/versions/:version', {
    config: { access: 'public' },
    schema: { tags: ['versions'], summary: 'One version with its body / 某一版本', params: z.object({ id: z.uuid(), version: versionNumber }).strict() },
  }, async (request, reply) => {
    const version = await context.store.version(request.actor, request.params.id, request.params.version);
    return reply.header('etag', etag(version.version)).send(version);
  });

  app.post('/api/documents/:id/restore', {
    config: { access: 'user' },
    schema: { tags: ['versions'], summary: 'Restore an old version as a new one; needs If-Match / 恢复旧版本（须带 If-Match）', params: idParams, body: z.object({ version: versionNumber, comment: z.string().max(2000).default('') }).strict() },
  }, async (request, reply) => {
    const expected = expectedVersion(request.headers['if-match']);
    const version = await context.store.restoreVersion(request.actor, request.params.id, { expectedVersion: expected, version: request.body.version, comment: request.body.comment });
    return reply.code(201).header('etag', etag(version.version)).send(version);
  });

  app.get('/api/documents/:id/diff', {
    config: { access: 'public' },
    schema: {
      tags: ['versions'],
      summary: 'What changed between two versions: by line, and in the totals and why / 两个版本的差异：逐行与总量',
      params: idParams,
      querystring: z.object({ from: versionNumber, to: versionNumber, top: z.coerce.number().int().min(1).max(100).default(10) }).strict(),
    },
  }, async (request) => diffVersions(context, request.actor, request.params.id, request.query.from, request.query.to, request.query.top));
};
