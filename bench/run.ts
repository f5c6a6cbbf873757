/**
 * `npm run bench`: every benchmark of the project; figures are recorded in BENCHMARKS.md.
 * BENCH_ONLY=inventory, BENCH_ONLY=json, BENCH_ONLY=pathway, BENCH_ONLY=plan, BENCH_ONLY=http, BENCH_ONLY=web, BENCH_ONLY=report or BENCH_ONLY=cluster runs one of them.
 */
import { cpus } from 'node:os';
import { benchCluster } from './cluster.bench.ts';
import { benchHttp } from './http.bench.ts';
import { benchInventory } from './inventory.bench.ts';
import { benchJson } from './json.bench.ts';
import { benchLimits } from './limits.bench.ts';
import { benchPathway } from './pathway.bench.ts';
import { benchPlan } from './plan.bench.ts';
import { benchReport } from './report.bench.ts';
import { benchStartup } from './startup.bench.ts';
import { benchWeb } from './web.bench.ts';

console.log(`peakpath benchmarks — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${new Date().toISOString().slice(0, 10)}`);
const only = process.env['BENCH_ONLY'];
if (only === undefined || only === 'inventory') {
  const lines = Number(process.env['BENCH_LINES'] ?? 1_000_000);
  benchInventory(lines);
}
if (only === undefined || only === 'json') benchJson();
if (only === undefined || only === 'pathway') await benchPathway();
if (only === undefined || only === 'plan') await benchPlan();
if (only === undefined || only === 'cluster') await benchCluster(); // the members' pathways run together, with Monte Carlo across them
if (only === undefined || only === 'limits') await benchLimits(); // BENCH_LIMITS=plan or memory: one half (memory takes minutes)
if (only === undefined || only === 'startup') benchStartup(); // BENCH_ONLY=startup: the CLI's start-up against node -e 0
if (only === undefined || only === 'http') await benchHttp(); // PostgreSQL too with PEAKPATH_BENCH_DATABASE_URL
if (only === undefined || only === 'web') await benchWeb(); // Debian chromium: the explorer's slider → redraw and Monte Carlo in web workers
if (only === undefined || only === 'report') await benchReport(); // Debian chromium: the demo city's annual report, HTML and PDF
