import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, firstStart } from '@peakpath/server';
import { openStoreFromEnv } from '@peakpath/store';
import type { CommandOutput } from '../output.ts';

export interface ServeOptions {
  readonly port: string;
  readonly host: string;
  /** The PGlite data folder (ignored when DATABASE_URL is set). */
  readonly data: string;
  /** Seed the illustrative demo network on the first start (default on). */
  readonly seed: boolean;
  /** Mark the session cookie Secure (behind an https proxy). */
  readonly secureCookies: boolean;
  /** Read computed results from the cache by version (default on; off to measure the computation). */
  readonly resultCache: boolean;
}

/** The built web app (packages/web/dist, `npm run build`), from src/commands or dist/commands alike. */
const WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const problem = (text: string): CommandOutput => ({ status: 2, stderr: `${text}\n` });

/**
 * `peakpath serve`: the HTTP API and its docs on one port, over PostgreSQL when DATABASE_URL is set and
 * the embedded database in the data folder otherwise. Runs until SIGINT or SIGTERM, then stops taking
 * requests, lets those in flight finish, and closes the store (releasing the data folder's lock).
 */
export async function serveCommand(options: ServeOptions): Promise<CommandOutput> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return problem(`--port: expected a port number 0–65535, got "${options.port}" / 端口应为 0–65535 的整数`);
  const dataDir = resolve(options.data);
  const store = await openStoreFromEnv(process.env, dataDir);
  let closed = false;
  const closeStore = async () => {
    if (closed) return;
    closed = true;
    await store.close();
  };
  try {
    const first = await firstStart(store, { seed: options.seed });
    const web = existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : undefined;
    const { app } = await createServer({ store, web, config: { secureCookies: options.secureCookies, cacheResults: options.resultCache, logger: false } });
    const address = await app.listen({ port, host: options.host });
    const where = store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${process.env['PEAKPATH_DATA_DIR'] || dataDir}`;
    // One write, so that whoever reads the start (a test, a supervisor) gets the whole block at once.
    const lines = [`peakpath serving on ${address} — database: ${where}`];
    if (first) {
      if (first.seeded) lines.push(`  seeded the illustrative demo network (示例城市网络): ${first.seeded.entities} places, ${first.seeded.documents} documents`);
      lines.push(`  sign in / 登录: ${first.admin.email} with password ${first.password}`);
      lines.push('  (shown once, only its hash is stored; change it with `peakpath admin set-password` / 密码仅显示一次)');
    }
    lines.push(web ? `  web app / 网页: ${address}/` : '  the web app is not built (npm run build): API only / 网页未构建，仅提供接口');
    lines.push(`  API docs / 接口文档: ${address}/docs   OpenAPI: ${address}/openapi.json`);
    process.stdout.write(`${lines.join('\n')}\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    process.stdout.write('peakpath: stopping / 正在停止\n');
    await app.close();
    return { status: 0 };
  } finally {
    await closeStore();
  }
}
