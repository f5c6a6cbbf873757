/** `npm run bench`: every benchmark of the project; figures are recorded in BENCHMARKS.md. */
import { cpus } from 'node:os';
import { benchInventory } from './inventory.bench.ts';

console.log(`peakpath benchmarks — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${new Date().toISOString().slice(0, 10)}`);
const lines = Number(process.env['BENCH_LINES'] ?? 1_000_000);
benchInventory(lines);
