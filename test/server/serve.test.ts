/**
 * `peakpath serve` as users start it: the built CLI in its own process. On an empty data folder it seeds
 * once and prints the sign-in line; a second start does neither. With PEAKPATH_TEST_DATABASE_URL, two
 * processes on one PostgreSQL database share sessions and lose no concurrent update.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropPostgres, setupPostgres } from '@peakpath/store';
import { afterAll, describe, expect, it } from 'vitest';
import { signInLine, startServe, type ServeProcess } from '../../bench/http-servers.ts';
import { adminUrl } from './fixture.ts';

const started: ServeProcess[] = [];
afterAll(async () => {
  for (const server of started) await server.stop();
});
const start = async (args: readonly string[], env: Record<string, string> = {}) => {
  const server = await startServe(args, env);
  started.push(server);
  return server;
};

async function signIn(url: string, credentials: { email: string; password: string }): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const response = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  expect(response.status).toBe(200);
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await response.json()) as { csrfToken: string }).csrfToken };
}

const entitySlugs = async (url: string, headers: Record<string, string>) =>
  ((await (await fetch(`${url}/api/entities`, { headers })).json()) as { items: { slug: string }[] }).items.map((entity) => entity.slug).sort();

describe('peakpath serve on an empty data folder', () => {
  it('seeds once and prints the sign-in line; the second start does not reseed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'peakpath-serve-'));
    try {
      const first = await start(['--data', dataDir]);
      const output = first.output();
      expect(output).toMatch(/seeded the illustrative demo network \(示例城市网络\): 5 places, 18 documents/);
      const credentials = signInLine(output);
      expect(credentials).not.toBeNull();
      const session = await signIn(first.url, credentials!);
      const seeded = await entitySlugs(first.url, session);
      expect(seeded).toEqual(['demo-city', 'demo-city-b', 'demo-city-c', 'demo-cluster', 'demo-district']);
      expect(await first.stop()).toBe(0);

      // The lock was released: the folder opens again.
      const second = await start(['--data', dataDir]);
      expect(second.output()).not.toMatch(/sign in|seeded/);
      expect(await entitySlugs(second.url, await signIn(second.url, credentials!))).toEqual(seeded);
      expect(await second.stop()).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe.skipIf(adminUrl === null)('two peakpath serve processes on one PostgreSQL database', () => {
  it('share sessions and lose no update among 50 concurrent writers spread over both', async () => {
    const dbName = `peakpath_serve_${randomBytes(6).toString('hex')}`;
    const databaseUrl = await setupPostgres(adminUrl!, dbName);
    try {
      const one = await start([], { DATABASE_URL: databaseUrl });
      const two = await start([], { DATABASE_URL: databaseUrl });
      const credentials = signInLine(one.output())!;
      expect(two.output()).not.toMatch(/sign in/);
      const session = await signIn(one.url, credentials);
      // A session made by one process is valid on the other: sessions live in the database.
      const me = await fetch(`${two.url}/api/me`, { headers: session });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { email: string } }).user.email).toBe(credentials.email);

      const city = ((await (await fetch(`${one.url}/api/entities`, { headers: session })).json()) as { items: { id: string; slug: string }[] }).items.find((entity) => entity.slug === 'demo-city')!;
      const created = await fetch(`${one.url}/api/entities/${city.id}/documents`, { method: 'POST', headers: { ...session, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'pathway', name: 'two-servers', body: { writers: [] } }) });
      expect(created.status).toBe(201);
      const id = ((await created.json()) as { document: { id: string } }).document.id;
      let conflicts = 0;
      const writer = async (n: number) => {
        const url = n % 2 === 0 ? one.url : two.url;
        for (;;) {
          const read = (await (await fetch(`${url}/api/documents/${id}`, { headers: session })).json()) as { version: { version: number; body: { writers: number[] } } };
          const put = await fetch(`${url}/api/documents/${id}`, {
            method: 'PUT',
            headers: { ...session, 'content-type': 'application/json', 'if-match': `"${read.version.version}"` },
            body: JSON.stringify({ body: { writers: [...read.version.body.writers, n] } }),
          });
          if (put.status === 200) return;
          expect(put.status).toBe(412);
          conflicts++;
        }
      };
      await Promise.all(Array.from({ length: 50 }, (_, n) => writer(n)));
      const final = (await (await fetch(`${two.url}/api/documents/${id}`, { headers: session })).json()) as { document: { currentVersion: number }; version: { body: { writers: number[] } } };
      expect([...final.version.body.writers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, n) => n));
      expect(final.document.currentVersion).toBe(51);
      console.log(`two processes on PostgreSQL, 50 concurrent writers: ${conflicts} conflicts answered 412 and retried, 0 lost updates`);
      expect(await one.stop()).toBe(0);
      expect(await two.stop()).toBe(0);
    } finally {
      for (const server of started.splice(0)) await server.stop();
      await dropPostgres(adminUrl!, dbName);
    }
  }, 300_000);
});
