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
