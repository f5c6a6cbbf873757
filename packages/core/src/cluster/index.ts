export { aggregateCluster, memberBases } from './aggregate.ts';
export { flowRule, removalOf } from './rules.ts';
export type { FlowRule } from './rules.ts';
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
export { buildClusterPathways, compareClusterScenarios, memberLabel, runClusterScenario, SHARED_PREFIX } from './pathways.ts';
export type { ClusterMemberPathway, ClusterPathwayModel, ClusterPathwayResult, ClusterScenario, Contribution, SharedParameter } from './pathways.ts';
export { ClusterDraws, runClusterMonteCarlo, runClusterMonteCarloChunk, summariseClusterMonteCarlo } from './pathway-mc.ts';
export type { ClusterMonteCarloChunk, ClusterMonteCarloSummary } from './pathway-mc.ts';
export { DEFAULT_CLUSTER_SCENARIO } from './pathway-file.ts';
export type { ClusterPathwaysSpec } from './pathway-file.ts';
