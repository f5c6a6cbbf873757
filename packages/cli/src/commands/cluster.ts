import { createEngine, warningsJson, type Lang } from '@peakpath/core';
import { fileResolver, readDocument } from '@peakpath/node';
import { renderCluster } from '../cluster/render.ts';
import { jsonText } from '../format/json.ts';
import type { CommandOutput } from '../output.ts';
import { issueReport } from './inventory.ts';
import { warningBlock } from './warnings.ts';

export interface ClusterOptions {
  readonly json: boolean;
  readonly pretty?: boolean;
  readonly lang: Lang;
}

/**
 * `peakpath cluster FILE`: the members' inventories (files relative to the cluster file) computed and added with
 * each internal flow counted once (docs/clusters.md): totals on each basis, the reconciliation, unpaired lines.
 */
export async function clusterCommand(file: string, options: ClusterOptions): Promise<CommandOutput> {
  const document = await readDocument(file, { notice: (text) => process.stderr.write(`${text}\n`) });
  // No solver: a cluster needs none, so HiGHS is not loaded.
  const engine = createEngine({ resolve: fileResolver });
  const run = await engine.cluster(document, { id: file });
  if (!run.ok) return { status: 2, stderr: issueReport(run.issues, options.lang) };
  const { cluster, members, result } = run.value;
  if (options.json) {
    const json = { name: cluster.name, members: members.map(({ id, document: inventory }) => ({ id, inventory })), pairings: cluster.pairings, result, warnings: warningsJson(run.warnings) };
    return { status: 0, stdout: jsonText(json, options.pretty) };
  }
  return { status: 0, stdout: `${renderCluster(run.value, options.lang)}${warningBlock(run.warnings, options.lang)}` };
}
