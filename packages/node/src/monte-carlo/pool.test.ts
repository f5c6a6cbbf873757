/**
 * The worker pool run from the TypeScript sources, as vitest and the benchmarks run it: the workers
 * register tsx and resolve `@peakpath/core` to its sources (worker-source.mjs). The built pool is run
 * by the CLI's end-to-end tests (test/golden.test.ts: `--mc 2000 --threads 2`).
 */
import { createEngine, documentMap, inThisThread, runClusterMonteCarlo } from '@peakpath/core';
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

  it('draws correlated parameters alike on this thread, on one worker and on two (issue 17)', async () => {
    const engine = createEngine();
    const demo = (await readDocument(new URL('pathway.yaml', DEMO).pathname)) as Record<string, unknown>;
    const correlations = [
      { between: ['drivers.gdp.growth.2026', 'drivers.gdp.growth.2031'], rank: 0.6 },
      { between: ['drivers.gdp.growth.2026', 'sectors.industry.intensity.growth.2023'], rank: -0.4 },
      { shared: ['grid.points.2030', 'grid.points.2060'] },
    ];
    const loaded = engine.compilePathway({ pathway: { ...demo, correlations }, inventory: await readDocument(new URL('inventory.yaml', DEMO).pathname) });
    if (!loaded.ok) throw new Error(`the demo pathway with correlations should load: ${JSON.stringify(loaded.issues)}`);
    const pathway = loaded.value;
    expect(pathway.copula.map((group) => group.members.length)).toEqual([3, 2]);
    const options = { runs: 300, seed: 5 };
    const inThread = await engine.monteCarlo(pathway, { ...options, runner: inThisThread });
    expect(inThread.ok && inThread.value.correlations.length).toBe(3);
    for (const threads of [1, 2]) {
      const pool = new MonteCarloPool(threads);
      try {
        expect(await engine.monteCarlo(pathway, { ...options, runner: pool })).toEqual(inThread);
      } finally {
        await pool.close();
      }
    }
  });

  it('gives a cluster’s Monte Carlo (members correlated, a shared parameter) on two threads as on this one', async () => {
    const CLUSTER = new URL('../../../../examples/cluster/', import.meta.url);
    const files = ['alpha.yaml', 'beta.yaml', 'alpha-pathway.yaml', 'beta-pathway.yaml'];
    const documents = Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readDocument(new URL(file, CLUSTER).pathname)] as const)));
    const run = await createEngine({ resolve: documentMap(documents) }).clusterPathways(await readDocument(new URL('pathways.yaml', CLUSTER).pathname), { id: 'pathways.yaml' });
    if (!run.ok) throw new Error('the example cluster should compile');
    const model = run.value.model;
    const inThread = runClusterMonteCarlo(model, 'policy', 500, 9, 1000);
    expect(inThread.correlations).toHaveLength(1);
    const pool = new MonteCarloPool(2);
    try {
      expect(await pool.cluster(model, 'policy', 500, 9, 120)).toEqual(inThread);
    } finally {
      await pool.close();
    }
  });
});
