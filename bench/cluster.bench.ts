import { createEngine, documentMap, runClusterMonteCarlo, runClusterScenario, runMonteCarlo, type ClusterPathwayModel } from '@peakpath/core';
import { fileResolver, readDocument } from '@peakpath/node';
import { median, time } from './measure.ts';

/**
 * Cluster pathways (docs/clusters.md, "Cluster pathways"): a cluster scenario and 1,000 Monte Carlo runs across its
 * members, against the baseline of the members' own Monte Carlo analyses (1,000 runs each, at the seeds the cluster
 * gives them) in the same process. The worked example (two small members, a shared uncertain grid point, a
 * correlation across members) and three copies of the demo city's pathway (its actions and uncertainty, one grid).
 */
export async function benchCluster(): Promise<void> {
  const runs = 1_000;
  const engine = createEngine({ resolve: fileResolver });
  const example = await engine.clusterPathways(await readDocument('examples/cluster/pathways.yaml'), { id: 'examples/cluster/pathways.yaml' });
  if (!example.ok) throw new Error('the example cluster does not compile');
  const inventory = await readDocument('examples/demo-city/inventory.yaml');
  const pathway = { ...(await readDocument('examples/demo-city/pathway.yaml') as Record<string, unknown>), inventory: 'inventory' };
  const demo = await createEngine({ resolve: documentMap({ inventory, pathway }) }).clusterPathways(
    {
      name: 'three demo cities',
      members: { a: { inventory: 'inventory', pathway: 'pathway' }, b: { inventory: 'inventory', pathway: 'pathway' }, c: { inventory: 'inventory', pathway: 'pathway' } },
      pathways: { shared: { 'grid.points.2030': { value: 0.5, uncertainty: { triangular: { min: 0.45, max: 0.55 } } } } },
    },
    { id: 'demo-cluster' },
  );
  if (!demo.ok) throw new Error('the demo cluster does not compile');
  console.log(`\ncluster pathways (${runs.toLocaleString('en-US')} Monte Carlo runs; baseline: the members' own analyses, same runs and seeds)`);
  for (const [label, model] of [['worked example, 2 members', example.value.model], ['3 × the demo city', demo.value.model]] as const) measure(label, model, runs);
}

function measure(label: string, model: ClusterPathwayModel, runs: number): void {
  const scenario = model.defaultScenario;
  const repeat = (work: () => unknown, times: number): number => median(Array.from({ length: times }, () => time(work).ms));
  const baseline = repeat(() => model.members.forEach((member, k) => runMonteCarlo(member.pathway, member.pathway.defaultScenario, runs, 7 + k)), 3);
  const deterministic = repeat(() => runClusterScenario(model, scenario), 3);
  const mc = repeat(() => runClusterMonteCarlo(model, scenario, runs, 7), 3);
  console.log(`  ${label}`);
  console.log(`    members' own Monte Carlo (baseline)  ${baseline.toFixed(0)} ms`);
  console.log(`    one cluster scenario                  ${deterministic.toFixed(1)} ms  (${(deterministic / baseline).toFixed(3)}× baseline)`);
  console.log(`    cluster Monte Carlo                   ${mc.toFixed(0)} ms  (${(mc / baseline).toFixed(2)}× baseline)`);
}
