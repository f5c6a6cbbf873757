import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openStore, type Store } from '@peakpath/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './context.ts';
import { createServer } from './create.ts';

let folder: string;
let store: Store;
let app: App;
const script = `console.log(${JSON.stringify('peakpath '.repeat(400))});`;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'peakpath-web-serve-'));
  const root = join(folder, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), script);
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  store = await openStore({ dataDir: join(folder, 'data') });
  ({ app } = await createServer({ store, web: root, config: { logger: false } }));
}, 60_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('serving the built web app', () => {
  it('answers every page path with the app and its security policy', async () => {
    for (const url of ['/', '/cities/abc', '/cities/abc/pathway/def?s=x']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("connect-src 'self'");
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('serves hashed assets gzipped when asked, immutable, with an ETag that answers 304', async () => {
    const plain = await app.inject({ url: '/assets/index-abc.js' });
    expect(plain.body).toBe(script);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toContain('immutable');
    const zipped = await app.inject({ url: '/assets/index-abc.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(script);
    expect(zipped.rawPayload.length).toBeLessThan(script.length / 5);
    const again = await app.inject({ url: '/assets/index-abc.js', headers: { 'if-none-match': String(plain.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await app.inject({ url: '/favicon.svg' })).headers['content-type']).toBe('image/svg+xml');
  });

  it('keeps the API’s 404 body for unknown API paths and answers 404 for a missing file', async () => {
    for (const [method, url] of [['GET', '/api/nothing'], ['POST', '/api/nothing'], ['GET', '/assets/missing.js']] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'not-found' } });
    }
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses to start on a folder with no built app, naming the file', async () => {
    await expect(createServer({ store, web: join(folder, 'nowhere'), config: { logger: false } })).rejects.toThrow(/index\.html is missing/);
  });
});
