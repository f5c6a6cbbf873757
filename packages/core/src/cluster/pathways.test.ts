/**
 * Cluster pathways (docs/clusters.md, "Cluster pathways") on the worked example's members (examples/cluster/):
 * the cluster's figures against each member's own pathway run alone — with the same parameter values, actions and
 * seeds —, the flows removed, the peak and the contributions, every refusal with its place, and the Monte Carlo's
 * properties: with no correlation each member's runs are its own analysis's bit for bit, any split of the runs gives
 * the same figures, and with rank correlation 1 the spread of a sum is the sum of the spreads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../../test/support/cli.ts';
import { createEngine, documentMap, formatIssue, runMonteCarlo, runMonteCarloChunk, type DocumentIssue, type Pathway } from '../index.ts';
import { percentile } from '../pathway/montecarlo.ts';
import { runScenario } from '../pathway/results.ts';
import { ClusterDraws, runClusterMonteCarlo, runClusterMonteCarloChunk } from './pathway-mc.ts';
import type { ClusterPathwayModel } from './pathway-model.ts';
import { compareClusterScenarios, runClusterScenario } from './pathway-run.ts';

/** A YAML document edited freely by a test. */
type Doc = Record<string, unknown>;
/** The object at `keys` inside `doc` (a test's own document: its shape is known). */
const at = (doc: Doc, ...keys: (string | number)[]): Doc => keys.reduce<Doc>((value, key) => value[key] as Doc, doc);
const list = (doc: Doc, ...keys: (string | number)[]): unknown[] => at(doc, ...keys.slice(0, -1))[keys[keys.length - 1]!] as unknown[];
const read = (file: string): Doc => parse(readFileSync(join(ROOT, 'examples', 'cluster', file), 'utf8')) as Doc;
const FILES = ['alpha.yaml', 'beta.yaml', 'alpha-pathway.yaml', 'beta-pathway.yaml'] as const;

/** The example cluster file, changed by `edit`; the members' files, changed by `files`. */
async function compile(edit: (cluster: Doc) => void = () => {}, files: (documents: Record<string, Doc>) => void = () => {}) {
  const documents: Record<string, Doc> = Object.fromEntries(FILES.map((file) => [file, read(file)]));
  files(documents);
  const cluster = read('pathways.yaml');
  edit(cluster);
  const engine = createEngine({ resolve: documentMap(documents) });
  return engine.clusterPathways(cluster, { id: 'pathways.yaml' });
}

async function model(edit?: (cluster: Doc) => void, files?: (documents: Record<string, Doc>) => void): Promise<ClusterPathwayModel> {
  const run = await compile(edit, files);
  if (!run.ok) throw new Error(run.issues.map((issue) => formatIssue(issue)).join('\n'));
  return run.value.model;
}

async function issues(edit: (cluster: Doc) => void, files?: (documents: Record<string, Doc>) => void): Promise<DocumentIssue[]> {
  const run = await compile(edit, files);
  if (run.ok) throw new Error('expected the cluster to be refused');
  return [...run.issues];
}

/** A member's pathway compiled alone, its file changed by `edit`. */
function alone(file: 'alpha-pathway.yaml' | 'beta-pathway.yaml', edit: (pathway: Doc) => void = () => {}): Pathway {
  const pathway = read(file);
  edit(pathway);
  const compiled = createEngine().compilePathway({ pathway, inventory: read(file.replace('-pathway', '')) });
  if (!compiled.ok) throw new Error(compiled.issues.map((issue) => formatIssue(issue)).join('\n'));
  return compiled.value;
}

/** The worked example without what links the members: no shared parameters, actions or correlations. */
const unlinked = (cluster: Doc): void => {
  delete cluster['pathways'];
};

describe('the cluster pathway adds the members’ own pathways, each flow between them once', () => {
  it('starts from the base-year cluster inventory: BASIC 896,160 and BASIC+ 900,160 (the worked example)', async () => {
    const run = runClusterScenario(await model());
    expect(run.years[0]).toBe(2022);
    expect(run.total[0]).toBeCloseTo(896_160, 6);
    expect(run.basicPlus[0]).toBeCloseTo(900_160, 6);
    // Only the trips (5,000 t, BASIC+) are removed from a pathway basis: grid energy is removed from scope 2, the waste from scope 3.
    expect(run.removed.basic.every((value) => value === 0)).toBe(true);
    expect(run.removed.basicPlus[0]).toBeCloseTo(5_000, 9);
  });

  it('without shared parameters or actions, the cluster is the members run alone, added year by year', async () => {
    const run = runClusterScenario(await model(unlinked));
    const alpha = runScenario(alone('alpha-pathway.yaml'));
    const beta = runScenario(alone('beta-pathway.yaml'));
    expect(run.scenario.id).toBe('default');
    expect(run.assumptions.map((assumption) => assumption.code)).toContain('cluster-scenario');
    run.years.forEach((_, y) => {
      expect(run.membersSum.basic[y]).toBe(alpha.total[y]! + beta.total[y]!);
      expect(run.total[y]).toBe(alpha.total[y]! + beta.total[y]!);
    });
    expect(run.members.map((member) => member.peak)).toEqual([alpha.peak, beta.peak]);
  });

  it('removes the trips flow in proportion to Beta’s road sector, year by year', async () => {
    const run = runClusterScenario(await model(unlinked));
    const beta = runScenario(alone('beta-pathway.yaml'));
    const road = beta.bySectorBasicPlus['road']!;
    run.years.forEach((_, y) => {
      expect(run.removed.basicPlus[y]).toBeCloseTo((5_000 * road[y]!) / road[0]!, 6);
      expect(run.basicPlus[y]).toBeCloseTo(run.membersSum.basicPlus[y]! - run.removed.basicPlus[y]!, 6);
    });
    expect(run.assumptions.find((assumption) => assumption.code === 'cluster-flow-projected')?.text.en).toContain("beta's sector road");
  });

  it('a shared value is set in every member, as a scenario of the member’s own that sets it', async () => {
    const run = runClusterScenario(await model());
    const withGrid = (pathway: Doc): void => {
      at(pathway, 'scenarios', 'policy')['set'] = { 'grid.points.2030': 0.46, 'grid.points.2040': 0.3 };
    };
    const alpha = runScenario(alone('alpha-pathway.yaml', withGrid), 'policy');
    expect(run.members[0]!.scenario).toBe('policy');
    // The cluster's policy adds intercity rail: compare Alpha without it through the bau-less route — its BAU with the grid set.
    const alphaBau = runScenario(alone('alpha-pathway.yaml', (pathway) => (at(pathway, 'scenarios', 'bau')['set'] = { 'grid.points.2030': 0.46, 'grid.points.2040': 0.3 })), 'bau');
    const bau = runClusterScenario(await model(), 'bau');
    bau.years.forEach((_, y) => expect(bau.members[0]!.total[y]).toBe(alphaBau.total[y]));
    expect(alpha.total[0]).toBe(run.members[0]!.total[0]);
    expect(run.shared).toEqual([
      { path: 'grid.points.2030', members: ['alpha', 'beta'], value: 0.46, from: 'cluster', uncertain: true },
      { path: 'grid.points.2040', members: ['alpha', 'beta'], value: 0.3, from: 'cluster', uncertain: false },
    ]);
    // One grid in both members: their energy-activity CO2 adds up.
    expect(run.official.computed).toBe(true);
  });

  it('a cluster action is the member’s own action added to its file: its impact is the members’ impacts added', async () => {
    const run = runClusterScenario(await model(), 'policy');
    const rail = { name: 'rail', adoption: { start: 2026, full: 2032 }, effects: [{ type: 'activity', sector: 'road', reduction: 0.08 }] };
    const withRail = (pathway: Doc): void => {
      at(pathway, 'actions')['intercity-rail'] = rail;
      list(pathway, 'scenarios', 'policy', 'actions').push('intercity-rail');
      at(pathway, 'scenarios', 'policy')['set'] = { 'grid.points.2030': 0.46, 'grid.points.2040': 0.3 };
    };
    const alpha = runScenario(alone('alpha-pathway.yaml', withRail), 'policy');
    const beta = runScenario(alone('beta-pathway.yaml', withRail), 'policy');
    run.years.forEach((_, y) => {
      expect(run.members[0]!.total[y]).toBe(alpha.total[y]);
      expect(run.members[1]!.total[y]).toBe(beta.total[y]);
    });
    const impact = (result: typeof alpha): number[] => result.actions.find((action) => action.id === 'intercity-rail')!.impact;
    expect(run.actions).toHaveLength(1);
    expect(run.actions[0]!.members).toEqual(['alpha', 'beta']);
    run.years.forEach((_, y) => expect(run.actions[0]!.impact[y]).toBeCloseTo(impact(alpha)[y]! + impact(beta)[y]!, 6));
    expect(run.actions[0]!.impact[0]).toBe(0);
    expect(run.actions[0]!.cumulative).toBeGreaterThan(0);
  });

  it('the peak is the cluster’s, not the members’ peaks added; the contributions add up to it', async () => {
    const run = runClusterScenario(await model(), 'policy');
    expect(run.peak.year).toBe(2030);
    const y = run.peak.year! - run.baseYear;
    expect(run.peak.value).toBe(run.total[y]);
    // Alpha peaks in its base year, Beta in 2030: the sum of their peaks is not the cluster's.
    expect(run.members.map((member) => member.peak.year)).toEqual([2022, 2030]);
    expect(run.members[0]!.peak.value! + run.members[1]!.peak.value!).toBeGreaterThan(run.peak.value!);
    expect(run.contributionYear).toBe(2030);
    const contributions = run.contributions;
    expect(contributions.reduce((sum, c) => sum + c.atPeak, 0)).toBeCloseTo(run.peak.value!, 6);
    expect(contributions.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1, 12);
    expect(contributions.reduce((sum, c) => sum + c.change, 0)).toBeCloseTo(run.total[y]! - run.total[0]!, 6);
    expect(contributions[0]!.change).toBeLessThan(0);
    expect(contributions[1]!.change).toBeGreaterThan(0);
  });

  it('compares every cluster scenario', async () => {
    const comparison = compareClusterScenarios(await model());
    expect(comparison.map((scenario) => scenario.id)).toEqual(['bau', 'policy']);
    const [bau, policy] = comparison;
    expect(policy!.total.every((value, y) => value <= bau!.total[y]! + 1e-6)).toBe(true);
  });

  it('a shared absolute effect is split among its members', async () => {
    const run = await compile((cluster) => {
      at(cluster, 'pathways', 'actions')['regional-pv'] = { members: ['alpha', 'beta'], split: { alpha: '60%', beta: 0.4 }, adoption: { start: 2025, full: 2030 }, effects: [{ type: 'generation', value: 10, unit: 亿千瓦时 }] };
      list(cluster, 'pathways', 'scenarios', 'policy', 'actions').push('regional-pv');
    });
    if (!run.ok) throw new Error(run.issues.map((issue) => formatIssue(issue)).join('\n'));
    const generation = (m: number): number => {
      const action = run.value.model.members[m]!.pathway.model.actions.find((candidate) => candidate.id === 'regional-pv')!;
      const effect = action.effects.find((candidate) => candidate.kind === 'generation')!;
      return run.value.model.members[m]!.pathway.parameters[(effect as { amount: number }).amount]!.nominal;
    };
    // 10 亿千瓦时 = 1,000,000 MWh: 600,000 in Alpha, 400,000 in Beta.
    expect(generation(0)).toBeCloseTo(600_000, 6);
    expect(generation(1)).toBeCloseTo(400_000, 6);
  });
});

const 亿千瓦时 = '亿千瓦时';

describe('what cannot run is refused, every problem at once with its place', () => {
  const text = (found: DocumentIssue[]): string[] => found.map((issue) => `${issue.document.id} ${formatIssue(issue)}`);

  it('references the file makes to nothing', async () => {
    const found = text(
      await issues((cluster) => {
        const pathways = at(cluster, 'pathways');
        at(pathways, 'scenarios', 'policy', 'members')['beta'] = 'polcy';
        at(pathways, 'scenarios', 'bau', 'members')['gamma'] = 'bau';
        at(pathways, 'shared')['grid.point.2030'] = { value: 0.4 };
        at(pathways, 'actions', 'intercity-rail')['members'] = ['alpha', 'alpha'];
        pathways['default'] = 'ambitious';
        list(pathways, 'correlations').push({ between: ['alpha/drivers.gdp.growth.2031', 'beta/drivers.gdp.growth.2023'], rank: 0.5 });
      }),
    );
    expect(found.some((line) => line.includes('pathways.scenarios.bau.members.gamma') && line.includes('not a member'))).toBe(true);
    expect(found.some((line) => line.includes('pathways.actions.intercity-rail.members[1]'))).toBe(true);
    expect(found.some((line) => line.includes('pathways.default') && line.includes('ambitious'))).toBe(true);
    expect(found.join('\n')).not.toContain('polcy'); // the shape is refused first: the members' files are not compiled yet
  });

  it('names that only the members’ compiled pathways can check', async () => {
    const found = text(
      await issues((cluster) => {
        const pathways = at(cluster, 'pathways');
        at(pathways, 'scenarios', 'policy', 'members')['beta'] = 'polcy';
        at(pathways, 'shared')['grid.point.2030'] = { value: 0.4 };
        list(pathways, 'correlations').push({ between: ['alpha/drivers.gdp.growth.2031', 'beta/drivers.gdp.growth.2023'], rank: 0.5 });
      }),
    );
    expect(found.some((line) => line.includes('pathways.scenarios.policy.members.beta') && line.includes('policy'))).toBe(true);
    expect(found.some((line) => line.includes('pathways.shared.grid.point.2030') && line.includes('did you mean grid.points.2030'))).toBe(true);
    // Alpha's 2031 GDP growth is not uncertain in its file.
    expect(found.some((line) => line.includes('pathways.correlations[1].between[0]'))).toBe(true);
  });

  it('a shared parameter without a value the members disagree on; a distribution outside the parameter', async () => {
    const found = text(
      await issues((cluster) => {
        at(cluster, 'pathways', 'shared')['grid.points.2040'] = {};
        at(cluster, 'pathways', 'shared')['grid.points.2030'] = { value: 0.46, uncertainty: { triangular: { min: 0.47, max: 0.52 } } };
      }),
    );
    expect(found.some((line) => line.includes('pathways.shared.grid.points.2040.value') && line.includes('alpha 0.3') && line.includes('beta 0.32'))).toBe(true);
    expect(found.some((line) => line.includes('pathways.shared.grid.points.2030.uncertainty.triangular'))).toBe(true);
  });

  it('a cluster action a member cannot take, or whose id a member uses', async () => {
    const found = text(
      await issues(
        (cluster) => {
          at(cluster, 'pathways', 'actions', 'intercity-rail', 'effects', 0)['sector'] = 'roads';
          at(cluster, 'pathways', 'actions')['landfill-gas'] = { members: ['alpha'], adoption: { start: 2025, full: 2030 }, effects: [{ type: 'activity', sector: 'waste', reduction: 0.1 }] };
          at(cluster, 'pathways', 'actions')['pv'] = { members: ['alpha', 'beta'], adoption: { start: 2025, full: 2030 }, effects: [{ type: 'generation', value: 1, unit: 亿千瓦时 }] };
        },
      ),
    );
    expect(found.some((line) => line.includes('pathways.actions.landfill-gas') && line.includes('an action "landfill-gas" of its own'))).toBe(true);
    expect(found.some((line) => line.includes('pathways.actions.pv.split') && line.includes('split'))).toBe(true);
    expect(found.some((line) => line.startsWith('pathways.yaml') && line.includes('pathways.actions.intercity-rail.effects[0].sector') && line.includes("member alpha's pathway"))).toBe(true);
    expect(found.some((line) => line.includes("member beta's pathway") && line.includes('roads'))).toBe(true);
  });

  it('correlations across members that cannot hold together (not positive semi-definite)', async () => {
    const found = await issues((cluster) => {
      at(cluster, 'pathways')['correlations'] = [
        { between: ['alpha/drivers.gdp.growth.2023', 'beta/drivers.gdp.growth.2023'], rank: 0.9 },
        { between: ['beta/drivers.gdp.growth.2023', 'alpha/sectors.buildings.intensity.growth'], rank: 0.9 },
        { between: ['alpha/drivers.gdp.growth.2023', 'alpha/sectors.buildings.intensity.growth'], rank: -0.9 },
      ];
    });
    expect(found.map((issue) => issue.code)).toEqual(['correlation-not-psd']);
    expect(found[0]!.path).toEqual(['pathways', 'correlations']);
  });

  it('a member without a pathway, a pathway that starts from another inventory', async () => {
    const missing = await issues((cluster) => {
      unlinked(cluster);
      delete at(cluster, 'members', 'beta')['pathway'];
    });
    expect(missing.map((issue) => issue.path.join('.'))).toEqual(['members.beta.pathway']);
    // The pathways section naming a member without one: each place says so.
    const named = await issues((cluster) => delete at(cluster, 'members', 'beta')['pathway']);
    expect(named.map((issue) => issue.path.join('.'))).toEqual(['pathways.actions.intercity-rail.members.1', 'pathways.scenarios.bau.members.beta', 'pathways.scenarios.policy.members.beta']);
    expect(formatIssue(named[0]!)).toContain('member beta names no pathway (members.beta.pathway)');
    const other = text(await issues(() => {}, (documents) => (documents['beta-pathway.yaml']!['inventory'] = 'alpha.yaml')));
    expect(other.some((line) => line.includes('members.beta.pathway') && line.includes('starts from alpha.yaml'))).toBe(true);
  });
});

describe('Monte Carlo across members', () => {
  it('with no correlation across members, each member’s runs are its own analysis’s at seed + its place, bit for bit', async () => {
    const cluster = await model(unlinked);
    const chunk = runClusterMonteCarloChunk(cluster, 'default', 7, 0, 200);
    const years = cluster.years;
    ['alpha-pathway.yaml', 'beta-pathway.yaml'].forEach((file, m) => {
      const own = runMonteCarloChunk(alone(file as 'alpha-pathway.yaml'), 'policy', 7 + m, 0, 200);
      expect(Array.from(chunk.memberTotals.subarray(m * 200 * years, (m + 1) * 200 * years))).toEqual(Array.from(own.totals));
    });
    for (let r = 0; r < 200; r++) {
      for (let y = 0; y < years; y++) expect(chunk.totals[r * years + y]).toBe(chunk.memberTotals[r * years + y]! + chunk.memberTotals[(200 + r) * years + y]!);
    }
  });

  it('gives the same figures however the runs are split into blocks (threads)', async () => {
    const cluster = await model();
    expect(runClusterMonteCarlo(cluster, 'policy', 300, 11, 37)).toEqual(runClusterMonteCarlo(cluster, 'policy', 300, 11, 300));
  });

  it('a cluster of one member is that member: its pathway and its own Monte Carlo at the same seed', async () => {
    const one = await model((cluster) => {
      delete at(cluster, 'pathways')['correlations'];
      delete at(cluster, 'pathways')['shared'];
      delete at(cluster, 'pathways')['actions'];
      delete at(cluster, 'pathways')['scenarios'];
      delete at(cluster, 'pathways')['default'];
      delete at(cluster, 'members')['alpha'];
      cluster['pairings'] = [];
    });
    const run = runClusterScenario(one);
    expect(run.total).toEqual(runScenario(alone('beta-pathway.yaml')).total);
    const summary = runClusterMonteCarlo(one, 'default', 300, 13);
    const own = runMonteCarlo(alone('beta-pathway.yaml'), 'policy', 300, 13);
    expect(summary.percentiles).toEqual(own.percentiles);
    expect(summary.peakedBy).toEqual(own.peakedBy);
  });

  it('the order the file lists the members in changes nothing (a stored file keeps no key order)', async () => {
    const reversed = await model((cluster) => {
      const members = at(cluster, 'members');
      cluster['members'] = { beta: members['beta'], alpha: members['alpha'] };
    });
    expect(reversed.members.map((member) => member.id)).toEqual(['alpha', 'beta']);
    expect(runClusterMonteCarlo(reversed, 'policy', 200, 3)).toEqual(runClusterMonteCarlo(await model(), 'policy', 200, 3));
  });

  it('states the correlations and shared parameters it drew with, and the seeds', async () => {
    const summary = runClusterMonteCarlo(await model(), 'policy', 50, 3);
    expect(summary.correlations).toEqual([{ between: ['alpha/drivers.gdp.growth.2023', 'beta/drivers.gdp.growth.2023'], rank: 0.7, copula: 2 * Math.sin((Math.PI * 0.7) / 6) }]);
    expect(summary.shared).toEqual(['shared/grid.points.2030']);
    expect(summary.seeds).toEqual({ members: { alpha: 3, beta: 4 }, shared: 5 });
    expect(summary.members.map((member) => member.id)).toEqual(['alpha', 'beta']);
  });

  it('a shared parameter takes one draw in every member', async () => {
    // Only the shared grid point is uncertain: each member's total rises with it, so the members' totals are ranked
    // alike and the cluster's percentiles are the members' added.
    const cluster = await model(
      (file) => (at(file, 'pathways')['correlations'] = []),
      (documents) => {
        delete documents['alpha-pathway.yaml']!['uncertainty'];
        delete documents['beta-pathway.yaml']!['uncertainty'];
      },
    );
    const summary = runClusterMonteCarlo(cluster, 'policy', 400, 5);
    const y = 2030 - 2022;
    for (const p of ['p5', 'p50', 'p95'] as const) {
      expect(summary.percentiles[p][y]).toBeCloseTo(summary.members[0]!.percentiles[p][y]! + summary.members[1]!.percentiles[p][y]!, 4);
    }
    expect(summary.percentiles.p95[y]! - summary.percentiles.p5[y]!).toBeGreaterThan(1000);
  });

  it('with rank correlation 1 between two members’ parameters, the spread of their sum is the sum of their spreads', async () => {
    const linked = (rank: number | 'shared') => (file: Doc): void => {
      delete at(file, 'pathways')['shared'];
      const pair = ['alpha/drivers.gdp.growth.2023', 'beta/drivers.gdp.growth.2023'];
      at(file, 'pathways')['correlations'] = rank === 'shared' ? [{ shared: pair }] : [{ between: pair, rank }];
    };
    const onlyGdp = (documents: Record<string, Doc>): void => {
      documents['alpha-pathway.yaml']!['uncertainty'] = { 'drivers.gdp.growth.2023': { normal: { sd: '1%' } } };
      documents['beta-pathway.yaml']!['uncertainty'] = { 'drivers.gdp.growth.2023': { triangular: { min: '3%', max: '8%' } } };
    };
    const spread = (values: number[]): number => {
      const sorted = Float64Array.from(values).sort();
      return percentile(sorted, 0.95) - percentile(sorted, 0.05);
    };
    const runs = 2000;
    for (const rank of [1, 'shared'] as const) {
      const cluster = await model(linked(rank), onlyGdp);
      // The two parameters' draws: the sum's spread is the spreads added.
      const draws = new ClusterDraws(cluster);
      const a: number[] = [];
      const b: number[] = [];
      for (let r = 0; r < runs; r++) {
        const values = draws.draw(9, r);
        a.push(values[0]!);
        b.push(values[1]!);
      }
      expect(spread(a.map((value, r) => value + b[r]!))).toBeCloseTo(spread(a) + spread(b), 12);
      // And the emissions: each member's total rises with its GDP growth, so the cluster's spread is the members' added.
      const summary = runClusterMonteCarlo(cluster, 'policy', runs, 9);
      const y = 2030 - 2022;
      const spreadOf = (p: { p5: number[]; p95: number[] }): number => p.p95[y]! - p.p5[y]!;
      expect(spreadOf(summary.percentiles)).toBeCloseTo(spreadOf(summary.members[0]!.percentiles) + spreadOf(summary.members[1]!.percentiles), 4);
    }
    // Independent, the spread of the sum is less than the spreads added.
    const independent = runClusterMonteCarlo(await model(linked(0), onlyGdp), 'policy', runs, 9);
    const y = 2030 - 2022;
    const spreadOf = (p: { p5: number[]; p95: number[] }): number => p.p95[y]! - p.p5[y]!;
    expect(spreadOf(independent.percentiles)).toBeLessThan(0.9 * (spreadOf(independent.members[0]!.percentiles) + spreadOf(independent.members[1]!.percentiles)));
  });
});
