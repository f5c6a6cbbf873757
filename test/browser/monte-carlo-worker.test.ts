/**
 * Monte Carlo in a browser: the core's code, bundled for the browser (esbuild refuses any Node
 * built-in on that platform), runs a block of runs inside a bare JavaScript realm that has a web
 * worker's messaging and none of Node (no `process`, `require`, `Buffer`, `setImmediate`), and gives
 * the same numbers as Node does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createEngine, documentMap, runMonteCarloChunk, type MonteCarloChunk, type MonteCarloTask } from '@peakpath/core';
import { ROOT } from '../support/cli.ts';

const demo = (name: string): unknown => parse(readFileSync(join(ROOT, 'examples', 'demo-city', name), 'utf8'));

/** The worker script bundled as a browser would load it: one file, no imports left. */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'test', 'browser', 'mc-web-worker.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    conditions: ['source'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** A realm with a worker's `self`, `onmessage` and `postMessage`, and no Node globals. */
function webWorker(script: string): { realm: Record<string, unknown>; post: (task: MonteCarloTask) => Promise<MonteCarloChunk> } {
  const replies: ((chunk: MonteCarloChunk) => void)[] = [];
  const realm: Record<string, unknown> = {
    postMessage: (message: MonteCarloChunk) => replies.shift()?.(structuredClone(message)),
    onmessage: null,
  };
  realm['self'] = realm;
  createContext(realm);
  runInContext(script, realm);
  return {
    realm,
    post: (task) =>
      new Promise((resolve) => {
        replies.push(resolve);
        (realm['onmessage'] as (event: { data: MonteCarloTask }) => void)({ data: structuredClone(task) });
      }),
  };
}

describe('Monte Carlo with the same core code in a web worker', () => {
  it('bundles for the browser and runs a block without Node, giving the numbers Node gives', async () => {
    const engine = createEngine({ resolve: documentMap({ 'inventory.yaml': demo('inventory.yaml') }) });
    const loaded = await engine.loadPathway(demo('pathway.yaml'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const worker = webWorker(await bundle());
    expect(runInContext('[typeof process, typeof require, typeof Buffer, typeof setImmediate, typeof module]', worker.realm as object)).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);

    const task: MonteCarloTask = { pathway: loaded.value, scenario: 'policy', seed: 7, from: 300, runs: 200 };
    const inBrowser = await worker.post(task);
    const inNode = runMonteCarloChunk(task.pathway, task.scenario, task.seed, task.from, task.runs);
    expect(inBrowser.runs).toBe(200);
    expect(Array.from(inBrowser.totals)).toEqual(Array.from(inNode.totals));
    expect(Array.from(inBrowser.peakYears)).toEqual(Array.from(inNode.peakYears));
    expect(Array.from(inBrowser.targetsMet)).toEqual(Array.from(inNode.targetsMet));
  });
});
