/**
 * What surrounds the API: the docs served offline, sign-in rate limits, and the first start (a generated
 * admin password, no default). PGlite; these do not depend on the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, firstStart, type App } from '@peakpath/server';
import { openStore, type Store } from '@peakpath/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let store: Store;
let dataDir: string;
let admin: { email: string; password: string };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'peakpath-surface-'));
  store = await openStore({ dataDir });
  const first = await firstStart(store, { seed: false });
  admin = { email: first!.admin.email, password: first!.password };
}, 120_000);
afterAll(async () => {
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const app = async (config = {}): Promise<App> => (await createServer({ store, config })).app;

describe('first start', () => {
  it('creates one admin with a generated password that signs in, and nothing on a later start', async () => {
    expect(admin.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await firstStart(store, { seed: true })).toBeNull();
    expect(await store.countUsers()).toBe(1);
    const api = await app();
    const signIn = await api.inject({ method: 'POST', url: '/api/auth/sign-in', payload: admin });
    expect(signIn.statusCode).toBe(200);
    expect((signIn.json() as { user: { admin: boolean } }).user.admin).toBe(true);
    await api.close();
  });
});

describe('documentation', () => {
  it('serves /docs and its scripts from this server, with no remote URL', async () => {
    const api = await app();
    let page = await api.inject({ method: 'GET', url: '/docs' });
    if (page.statusCode === 302) page = await api.inject({ method: 'GET', url: String(page.headers['location']) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets.filter((asset) => asset.endsWith('.js'))).toHaveLength(3);
    for (const asset of assets) {
      expect(asset, 'no other origin').not.toMatch(/^(?:[a-z]+:)?\/\//i);
      const url = asset.startsWith('/') ? asset : `/docs/${asset.replace(/^\.\//, '')}`;
      const response = await api.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      if (asset.endsWith('.js')) expect(response.headers['content-type'], url).toMatch(/javascript/);
    }
    const initializer = await api.inject({ method: 'GET', url: assets.find((asset) => asset.includes('swagger-initializer'))!.replace(/^\.\//, '/docs/') });
    // The spec from this server, and no call to the public validator.
    expect(initializer.body).toMatch(/validatorUrl: null/);
    // Inline images (data: URIs) carry XML namespace names and comments cite pages: neither is fetched. Nothing else names a host.
    const code = initializer.body.replace(/data:[^'"]*/g, '').replace(/^\s*\/\/.*$/gm, '');
    expect(code).not.toMatch(/https?:\/\//);
    const spec = await api.inject({ method: 'GET', url: '/openapi.json' });
    const paths = (spec.json() as { paths: Record<string, unknown> }).paths;
    expect(Object.keys(paths)).toContain('/api/documents/{id}/result');
    await api.close();
  });
});

describe('sign-in rate limits', () => {
  const attempt = (api: App, email: string, ip: string) => api.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: 'not the password' }, remoteAddress: ip });

  it('refuses a fourth attempt from one IP with 429 and a message in both languages', async () => {
    const api = await app({ signInLimit: 3 });
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await attempt(api, `someone${n}@example.org`, '10.0.0.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt(api, 'other@example.org', '10.0.0.1');
    expect(limited.json()).toMatchObject({ error: { code: 'rate-limited', message: { en: expect.stringMatching(/Too many attempts/), zh: expect.stringMatching(/尝试次数过多/) } } });
    // Another machine is not held back by this one.
    expect((await attempt(api, 'other@example.org', '10.0.0.2')).statusCode).toBe(401);
    await api.close();
  });

  it('refuses a fourth attempt on one email from different IPs', async () => {
    const api = await app({ signInLimit: 3 });
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await attempt(api, admin.email.toUpperCase(), `10.0.1.${n}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Even the right password waits: the address is being guessed at.
    const right = await api.inject({ method: 'POST', url: '/api/auth/sign-in', payload: admin, remoteAddress: '10.0.2.1' });
    expect(right.statusCode).toBe(429);
    await api.close();
  });
});
