import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RouteModule } from './context.ts';
import { ApiError } from './errors.ts';

/** The content types of what a Vite build writes. */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

interface WebFile {
  readonly bytes: Buffer;
  readonly gzip: Buffer | null;
  readonly type: string;
  readonly etag: string;
  /** Vite's hashed assets never change under their name. */
  readonly immutable: boolean;
}

/**
 * The app's own policy: everything from this origin, nothing from anywhere else (no CDN, no remote
 * calls); inline styles for the charts; workers for Monte Carlo; never framed by another site.
 */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
} as const;

function walk(root: string, folder: string, files: Map<string, WebFile>): void {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      walk(root, path, files);
      continue;
    }
    const url = `/${relative(root, path).split(sep).join('/')}`;
    const bytes = readFileSync(path);
    const type = TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
    const compressible = /^(text\/|application\/(json|wasm)|image\/svg)/.test(type) && bytes.length > 1024;
    files.set(url, {
      bytes,
      gzip: compressible ? gzipSync(bytes, { level: 9 }) : null,
      type,
      etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
      immutable: url.startsWith('/assets/'),
    });
  }
}

/**
 * Serves the built web app (packages/web/dist) from memory: its files, and `index.html` for every other
 * page path, so that a shared link (`/cities/…/pathway/…?s=…`) opens the app. Unknown `/api/…` paths
 * keep the API's 404 body. Read once at start: the build does not change under a running server.
 */
export function webRoutes(root: string): RouteModule {
  return (app) => {
    if (!existsSync(join(root, 'index.html'))) throw new Error(`the web app is not built: ${join(root, 'index.html')} is missing (npm run build)`);
    const files = new Map<string, WebFile>();
    walk(root, root, files);
    const index = files.get('/index.html')!;

    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0]!;
      if (path.startsWith('/api/') || path === '/api') {
        throw new ApiError(404, 'not-found', { en: `No such endpoint: ${request.method} ${path}`, zh: `没有此接口：${request.method} ${path}` });
      }
      let file = files.get(path);
      if (!file) {
        // A page of the app (no extension): the app itself, which routes it. A missing asset is a 404.
        if (extname(path) !== '') {
          throw new ApiError(404, 'not-found', { en: `No such file: ${path}`, zh: `没有此文件：${path}` });
        }
        file = index;
      }
      reply.headers(SECURITY_HEADERS);
      reply.header('content-type', file.type).header('etag', file.etag).header('vary', 'accept-encoding');
      reply.header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
      const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (file.gzip && acceptsGzip) return reply.header('content-encoding', 'gzip').send(file.gzip);
      return reply.send(file.bytes);
    });
  };
}
