import { runStoredCluster, type Actor } from '@peakpath/store';
import type { AppContext } from '../context.ts';
import { ApiError, invalidDocument } from '../errors.ts';
import { stamp, type Loaded } from './references.ts';

/**
 * A cluster document's aggregation (docs/clusters.md): each member names its entity (`entity`: slug or id, one of
 * the cluster entity's members) and its inventory document by name; the inventories are read at the versions the
 * actor may read (the public: the published ones), computed, and added with each internal flow counted once —
 * `runStoredCluster` of the store, which `peakpath cluster SLUG` runs too. Not cached: the members' versions are known only once they are found, and the aggregation takes milliseconds.
 */
export async function clusterResult(context: AppContext, actor: Actor, loaded: Loaded): Promise<{ value: object; from: string }> {
  if (loaded.document.kind !== 'cluster') {
    throw new ApiError(400, 'bad-request', { en: `Document ${loaded.document.id} is a ${loaded.document.kind}, not a cluster.`, zh: `文档 ${loaded.document.id} 是${loaded.document.kind}，不是城市群文档。` });
  }
  const run = await runStoredCluster(context.store, actor, loaded, context.engine);
  if (!run.ok) throw invalidDocument(run.issues);
  return { value: run.value.json, from: stamp(loaded, ...run.value.members) };
}
