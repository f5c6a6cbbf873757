/**
 * engine.clusterPathways on the worked example's files (examples/cluster/pathways.yaml and its members): what the
 * members' own compilations cannot check, the cluster's shared values run in every member's pathway, refused at
 * their place when a member's results cannot be computed with them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../../test/support/cli.ts';
import { runClusterMonteCarlo } from '../cluster/pathway-mc.ts';
import { runClusterScenario } from '../cluster/pathway-run.ts';
import { formatIssue } from '../issues/messages.ts';
import { documentMap } from './documents.ts';
import { createEngine } from './engine.ts';

type Doc = Record<string, unknown>;
const read = (file: string): Doc => parse(readFileSync(join(ROOT, 'examples', 'cluster', file), 'utf8')) as Doc;
const FILES = ['alpha.yaml', 'beta.yaml', 'alpha-pathway.yaml', 'beta-pathway.yaml'] as const;

/** The example cluster with its shared parameters as `shared` gives them. */
async function compile(shared: Doc) {
  const cluster = read('pathways.yaml');
  (cluster['pathways'] as Doc)['shared'] = shared;
  const engine = createEngine({ resolve: documentMap(Object.fromEntries(FILES.map((file) => [file, read(file)]))) });
  return engine.clusterPathways(cluster, { id: 'pathways.yaml' });
}

describe('engine.clusterPathways, shared values', () => {
  // Found by the fuzzer (test/fuzz, cluster target): a shared grid factor of 1e308 t/MWh compiled, and running the
  // cluster's scenario threw in the LMDI decomposition ("emissions must be finite, got NaN"): the CLI's exit 1.
  it('refuses a shared value that a member cannot compute with, at that value and from the first year, the other shared one left alone', async () => {
    const run = await compile({ 'grid.points.2030': { value: 0.46 }, 'grid.points.2040': { value: 1e308 } });
    expect(!run.ok && run.issues.map((issue) => [issue.document.id, issue.path.join('.'), issue.code, formatIssue(issue)])).toEqual([
      [
        'pathways.yaml',
        'pathways.shared.grid.points.2040.value',
        'overflow',
        'pathways.shared.grid.points.2040.value: the values here give a result beyond the largest number that can be computed (about 1.8e308) from 2031: check the values and units',
      ],
    ]);
  });

  it("refuses a shared distribution whose draws reach values a member cannot compute with; the example's own runs", async () => {
    const run = await compile({ 'grid.points.2030': { value: 0.46, uncertainty: { triangular: { min: 0.4, max: 1e308 } } } });
    expect(!run.ok && run.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['pathways.shared.grid.points.2030.uncertainty', 'overflow']]);
    const wide = await compile({ 'grid.points.2030': { value: 0.46, uncertainty: { triangular: { min: -1e308, max: 0.52 } } } });
    if (!wide.ok) throw new Error(wide.issues.map((issue) => formatIssue(issue)).join('\n'));
    const mc = runClusterMonteCarlo(wide.value.model, wide.value.model.defaultScenario, 64, 1);
    expect(mc.percentiles.p5.every(Number.isFinite)).toBe(true);
  });

  it('runs a large shared value that stays finite, as the members would alone', async () => {
    const run = await compile({ 'grid.points.2040': { value: 1e200 } });
    if (!run.ok) throw new Error(run.issues.map((issue) => formatIssue(issue)).join('\n'));
    const result = runClusterScenario(run.value.model);
    expect(result.total.every(Number.isFinite)).toBe(true);
    expect(result.total[result.total.length - 1]).toBeGreaterThan(1e200);
  });
});

describe('engine.clusterPathways, every problem at once', () => {
  it("lists a member pathway's own problems and the section's problems with the members that compiled together; nothing about the member that did not", async () => {
    const cluster = read('pathways.yaml');
    const section = cluster['pathways'] as Doc;
    // Beta lacks this parameter; the correlations name a parameter Beta lacks, and one of Alpha's (not checkable).
    section['shared'] = { 'grid.points.2030': { value: 0.46 }, 'drivers.gdp.growth.2099': { value: 0.05 } };
    section['correlations'] = [
      { between: ['alpha/drivers.gdp.growth.2023', 'beta/drivers.gdp.growth.2023'], rank: 0.7 },
      { between: ['beta/drivers.nope', 'beta/drivers.gdp.growth.2023'], rank: 0.5 },
    ];
    const alphaPathway = structuredClone(read('alpha-pathway.yaml'));
    alphaPathway['scenarios'] = { ...(alphaPathway['scenarios'] as Doc), broken: { actions: ['no-such-action'] } };
    const files = Object.fromEntries(FILES.map((file) => [file, file === 'alpha-pathway.yaml' ? alphaPathway : read(file)]));
    const run = await createEngine({ resolve: documentMap(files) }).clusterPathways(cluster, { id: 'pathways.yaml' });
    expect(run.ok).toBe(false);
    const listed = !run.ok ? run.issues.map((issue) => [issue.document.id, issue.path.join('.'), issue.code, 'reason' in issue ? issue.reason : undefined]) : [];
    expect(listed).toEqual([
      ['alpha-pathway.yaml', 'scenarios.broken.actions.0', 'unknown-reference', undefined],
      ['pathways.yaml', 'pathways.shared.drivers.gdp.growth.2099', 'cluster-input', 'shared-unknown'],
      ['pathways.yaml', 'pathways.correlations.1.between.0', 'unknown-reference', undefined],
    ]);
    expect(!run.ok && formatIssue(run.issues[1]!)).toContain("member beta's pathway has no parameter drivers.gdp.growth.2099");
    // The same file with Alpha's pathway mended: the section's problems alone, Alpha's lack of the parameter too.
    const mended = await createEngine({ resolve: documentMap(Object.fromEntries(FILES.map((file) => [file, read(file)]))) }).clusterPathways(cluster, { id: 'pathways.yaml' });
    expect(!mended.ok && mended.issues.map((issue) => [issue.path.join('.'), formatIssue(issue).match(/member (\w+)'s/)?.[1]])).toEqual([
      ['pathways.shared.drivers.gdp.growth.2099', 'alpha'],
      ['pathways.shared.drivers.gdp.growth.2099', 'beta'],
      ['pathways.correlations.1.between.0', undefined],
    ]);
  });
});
