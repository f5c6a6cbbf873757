import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { dropPostgres, setupPostgres } from '@peakpath/store';
import { startServe, type ServeProcess } from './http-servers.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env['BENCH_HTTP_SECONDS'] ?? 5);
const CONNECTIONS = 10;

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
}

/**
 * One load on one or more servers at once, `CONNECTIONS` connections shared between them: requests/s
 * summed, latency percentiles the worse of the servers' (autocannon measures each server on its own).
 */
async function load(urls: readonly string[], path: string): Promise<Figures> {
  const results = await Promise.all(urls.map((url) => autocannon({ url: `${url}${path}`, connections: Math.max(1, Math.round(CONNECTIONS / urls.length)), duration: SECONDS })));
  return {
    requestsPerSecond: results.reduce((sum, result) => sum + result.requests.average, 0),
    p50: Math.max(...results.map((result) => result.latency.p50)),
    p99: Math.max(...results.map((result) => result.latency.p99)),
    failed: results.reduce((sum, result) => sum + result.non2xx + result.errors, 0),
  };
}

/** The demo city and its published inventory, as the public reads them. */
async function demoIds(url: string): Promise<{ city: string; inventory: string }> {
  const entities = (await (await fetch(`${url}/api/entities`)).json()) as { items: { id: string; slug: string }[] };
  const city = entities.items.find((entity) => entity.slug === 'demo-city')!.id;
  const documents = (await (await fetch(`${url}/api/entities/${city}/documents`)).json()) as { items: { id: string; kind: string }[] };
  return { city, inventory: documents.items.find((document) => document.kind === 'inventory')!.id };
}

const line = (label: string, figures: Figures, baseline: Figures) =>
  `  ${label.padEnd(44)} ${figures.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${String(figures.p50).padStart(4)} ms  p99 ${String(figures.p99).padStart(5)} ms  ${(baseline.requestsPerSecond / figures.requestsPerSecond).toFixed(1).padStart(6)}× the health check's time${figures.failed > 0 ? `  (${figures.failed} failed)` : ''}`;

/**
 * Starts `processes` servers on the database `env` names (the first seeds it when it is empty), runs
 * the health check (the baseline: a request that touches the database once) and the measured request
 * alternately, and stops them.
 */
async function measure(label: string, processes: number, args: readonly string[], env: Record<string, string>): Promise<void> {
  const servers: ServeProcess[] = [];
  try {
    for (let n = 0; n < processes; n++) servers.push(await startServe(args, env));
    const urls = servers.map((server) => server.url);
    const ids = await demoIds(urls[0]!);
    const cached = !args.includes('--no-result-cache');
    const path = cached ? `/api/entities/${ids.city}/summary` : `/api/documents/${ids.inventory}/result`;
    for (const url of urls) await fetch(`${url}${path}`); // warm: the first summary computes and caches the inventory
    const health = await load(urls, '/api/health');
    const measured = await load(urls, path);
    console.log(line(`${label}: health (baseline)`, health, health));
    console.log(line(`${label}: ${cached ? 'city summary (cached by version)' : 'inventory computed (cache off)'}`, measured, health));
  } finally {
    for (const server of servers) await server.stop();
  }
}

/**
 * HTTP load on loopback with autocannon: reading a city summary (its inventory's result read from the
 * cache by version) and computing the demo inventory (the server started with --no-result-cache, so every
 * request parses and computes the 40-line inventory), each beside `/api/health` in the same run. On
 * PGlite, and on PostgreSQL with one and with two server processes when PEAKPATH_BENCH_DATABASE_URL (or
 * PEAKPATH_TEST_DATABASE_URL) names an admin connection. The servers and autocannon share the machine's cores.
 */
export async function benchHttp(): Promise<void> {
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  console.log(`HTTP on loopback: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per figure; servers started with peakpath serve (built)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'peakpath-bench-'));
  try {
    await measure('PGlite, 1 process', 1, ['--data', dataDir], {});
    await measure('PGlite, 1 process', 1, ['--data', dataDir, '--no-result-cache'], {});
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const adminUrl = process.env['PEAKPATH_BENCH_DATABASE_URL'] || process.env['PEAKPATH_TEST_DATABASE_URL'];
  if (!adminUrl) {
    console.log('  PostgreSQL: skipped (set PEAKPATH_BENCH_DATABASE_URL to an admin connection, e.g. postgres://postgres@127.0.0.1:5432/postgres)');
    return;
  }
  const dbName = `peakpath_bench_${randomBytes(6).toString('hex')}`;
  const env = { DATABASE_URL: await setupPostgres(adminUrl, dbName) };
  try {
    for (const processes of [1, 2]) {
      await measure(`PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''}`, processes, [], env);
      await measure(`PostgreSQL, ${processes} process${processes > 1 ? 'es' : ''}`, processes, ['--no-result-cache'], env);
    }
  } finally {
    await dropPostgres(adminUrl, dbName);
  }
}
