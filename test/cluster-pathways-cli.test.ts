/**
 * `peakpath cluster` on a cluster whose members name pathways (examples/cluster/pathways.yaml, docs/clusters.md
 * "Cluster pathways"): the cluster's pathways, peak and contributions in both languages and as JSON — the JSON's
 * figures equal to the core's on the same files, the Monte Carlo's to the core's with the same seed — and bad input
 * refused with its place, exit 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareClusterScenarios, createEngine, runClusterMonteCarlo, runClusterScenario, type ClusterPathwayModel } from '@peakpath/core';
import { fileResolver } from '@peakpath/node';
import { peakpath, ROOT } from './support/cli.ts';

/** A YAML document edited freely by a test. */
type Doc = Record<string, unknown>;
/** The object at `keys` inside `doc` (a test's own document: its shape is known). */
const at = (doc: Doc, ...keys: (string | number)[]): Doc => keys.reduce<Doc>((value, key) => value[key] as Doc, doc);

const EXAMPLE = join('examples', 'cluster', 'pathways.yaml');

async function model(): Promise<ClusterPathwayModel> {
  const file = join(ROOT, EXAMPLE);
  const run = await createEngine({ resolve: fileResolver }).clusterPathways(parse(readFileSync(file, 'utf8')), { id: file });
  if (!run.ok) throw new Error('the example does not compile');
  return run.value.model;
}

describe('peakpath cluster FILE with the members’ pathways', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'peakpath-cluster-pathways-'));
    for (const file of ['alpha.yaml', 'beta.yaml', 'alpha-pathway.yaml', 'beta-pathway.yaml']) copyFileSync(join(ROOT, 'examples', 'cluster', file), join(dir, file));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--json: the aggregation, then the pathways as the core computes them, with Monte Carlo by seed', async () => {
    const run = peakpath(['cluster', EXAMPLE, '--json', '--mc', '300', '--seed', '5']);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as Doc;
    expect(at(json, 'result', 'totals')['basic']).toBeCloseTo(896_160, 6);
    expect((json['members'] as { pathway: string }[]).map((member) => member.pathway.replace(/\\/g, '/').split('/').pop())).toEqual(['alpha-pathway.yaml', 'beta-pathway.yaml']);
    const core = await model();
    const expected = JSON.parse(JSON.stringify({ result: runClusterScenario(core, 'policy'), comparison: compareClusterScenarios(core), mc: runClusterMonteCarlo(core, 'policy', 300, 5) }));
    expect(json['pathways']).toEqual(expected);
    expect(at(json, 'pathways', 'result', 'peak')['year']).toBe(2030);
    expect(at(json, 'pathways', 'mc')['seeds']).toEqual({ members: { alpha: 5, beta: 6 }, shared: 7 });
    expect(at(json, 'pathways', 'mc', 'correlations', 0)['between']).toEqual(['alpha/drivers.gdp.growth.2023', 'beta/drivers.gdp.growth.2023']);
    // On two worker threads (the compiled pool), the same figures.
    const threads = peakpath(['cluster', EXAMPLE, '--json', '--mc', '300', '--seed', '5', '--threads', '2']);
    expect(threads.status, threads.stderr).toBe(0);
    expect((JSON.parse(threads.stdout) as Doc)['pathways']).toEqual(json['pathways']);
  });

  it('in English and Chinese: the scenarios, the cluster and its members, the peak, the contributions, the correlations', () => {
    const en = peakpath(['cluster', EXAMPLE, '--mc', '200']);
    expect(en.status, en.stderr).toBe(0);
    for (const text of ['cluster pathways, scenario Policy (policy)', 'Removed: flows between members', 'Peak: 2030, 952,696 tCO2e.', 'Contributions to the cluster in 2030 (its peak year)', 'alpha (Alpha)  293,453  30.8%', '+87,594', 'Intercity rail (intercity-rail; alpha, beta)', 'grid.points.2030 = 0.46', 'Monte Carlo: 200 runs, seed 1, scenario policy', 'Seeds: alpha 1, beta 2; shared parameters 3', 'alpha/drivers.gdp.growth.2023 ~ beta/drivers.gdp.growth.2023: rank 0.70 (copula 0.717)']) {
      expect(en.stdout).toContain(text);
    }
    const zh = peakpath(['cluster', EXAMPLE, '--lang', 'zh', '--scenario', 'bau']);
    expect(zh.status, zh.stderr).toBe(0);
    for (const text of ['城市群路径，情景：基准情景（bau）', '扣除：成员之间的流量', '达峰：2030 年，984,787 tCO2e。', '2030 年各成员的贡献（城市群达峰年）', '共享参数（各成员同一取值、同一抽样）']) expect(zh.stdout).toContain(text);
    expect(zh.stdout).not.toContain('Monte Carlo');
  });

  it('a cluster file without pathways prints the aggregation only', () => {
    const run = peakpath(['cluster', join('examples', 'cluster', 'cluster.yaml')]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('cluster pathways');
  });

  it('bad input: every problem with its place, in the language asked, exit 2', () => {
    const body = parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as Doc;
    at(body, 'pathways', 'actions', 'intercity-rail', 'effects', 0)['sector'] = 'roads';
    writeFileSync(join(dir, 'bad.yaml'), stringify(body));
    const en = peakpath(['cluster', join(dir, 'bad.yaml')]);
    expect(en.status).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain("pathways.actions.intercity-rail.effects[0].sector: in member alpha's pathway:");
    expect(en.stderr).toContain("in member beta's pathway:");
    expect(en.stderr).toContain('did you mean "road"?');
    const zh = peakpath(['cluster', join(dir, 'bad.yaml'), '--lang', 'zh']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('在成员 alpha 的路径中');
    // Once the members' pathways compile, what the cluster asks of them: a shared parameter one of them lacks.
    const shared = parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as Doc;
    at(shared, 'pathways', 'shared')['grid.points.2031'] = { value: 0.4 };
    writeFileSync(join(dir, 'shared.yaml'), stringify(shared));
    const missing = peakpath(['cluster', join(dir, 'shared.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("pathways.shared.grid.points.2031: member alpha's pathway has no parameter grid.points.2031 (did you mean grid.points.2030?)");
    expect(missing.stderr).toContain("member beta's pathway has no parameter grid.points.2031");
    expect(peakpath(['cluster', join(dir, 'shared.yaml'), '--lang', 'zh']).stderr).toContain('成员 alpha 的路径没有参数 grid.points.2031（是否为 grid.points.2030？）');

    const scenario = peakpath(['cluster', EXAMPLE, '--scenario', 'Bau']);
    expect(scenario.status).toBe(2);
    expect(scenario.stderr).toContain('scenario');
    expect(scenario.stderr).toContain('bau');
    const runs = peakpath(['cluster', EXAMPLE, '--mc', 'many']);
    expect(runs.status).toBe(2);
    expect(runs.stderr).toContain('--mc: expected a whole number');
  });
});
