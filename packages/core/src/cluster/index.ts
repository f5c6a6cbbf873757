export { aggregateCluster, memberBases } from './aggregate.ts';
export { flowRule } from '../gpc/flows.ts';
export type { FlowRule } from '../gpc/flows.ts';
export { removalOf } from './rules.ts';
export { BASES } from './types.ts';
export { readClusterFile } from './file.ts';
export type { ClusterFile, ClusterFileMember, ClusterFileRead } from './file.ts';
export type {
  Bases,
  ClusterIssue,
  ClusterMember,
  ClusterOfficial,
  ClusterProblem,
  ClusterResult,
  ClusterRun,
  FlowKind,
  Pairing,
  ReconciliationRow,
  Removal,
  RemovalReason,
  UnpairedLine,
} from './types.ts';
export { buildClusterPathways, memberLabel, SHARED_PREFIX } from './pathway-model.ts';
export { compareClusterScenarios, runClusterScenario } from './pathway-run.ts';
export type { ClusterPathwayModel, ClusterScenario, SharedParameter } from './pathway-model.ts';
export type { ClusterMemberPathway, ClusterPathwayResult, Contribution } from './pathway-run.ts';
export { ClusterDraws, runClusterMonteCarlo, runClusterMonteCarloChunk, summariseClusterMonteCarlo } from './pathway-mc.ts';
export type { ClusterMonteCarloChunk, ClusterMonteCarloSummary } from './pathway-mc.ts';
export { DEFAULT_CLUSTER_SCENARIO } from './pathway-file.ts';
export type { ClusterPathwaysSpec } from './pathway-file.ts';
