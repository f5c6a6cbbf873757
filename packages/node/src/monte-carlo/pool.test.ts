/**
 * The worker pool run from the TypeScript sources, as vitest and the benchmarks run it: the workers
 * register tsx and resolve `@peakpath/core` to its sources (worker-source.mjs). The built pool is run
 * by the CLI's end-to-end tests (test/golden.test.ts: `--mc 2000 --threads 2`).
 */
import { createEngine, inThisThread } from '@peakpath/core';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../documents.ts';
import { MonteCarloPool } from './pool.ts';

const DEMO = new URL('../../../../examples/demo-city/', import.meta.url);

describe('the Monte Carlo pool from the sources', () => {
  it('gives on two worker threads the summary it gives on this thread', async () => {
    expect(import.meta.url.endsWith('.ts')).toBe(true);
    const engine = createEngine();
    const loaded = engine.compilePathway({ pathway: await readDocument(new URL('pathway.yaml', DEMO).pathname), inventory: await readDocument(new URL('inventory.yaml', DEMO).pathname) });
    if (!loaded.ok) throw new Error('the demo pathway should load');
    const pathway = loaded.value;
    const options = { runs: 400, seed: 5 };
    const inThread = await engine.monteCarlo(pathway, { ...options, runner: inThisThread });
    const pool = new MonteCarloPool(2);
    try {
      const workers = await engine.monteCarlo(pathway, { ...options, runner: pool });
      expect(workers).toEqual(inThread);
      expect(workers.ok && workers.value.runs).toBe(400);
    } finally {
      await pool.close();
    }
  });
});
