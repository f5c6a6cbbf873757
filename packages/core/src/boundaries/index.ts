export { reconcileParts, basisValue, DEFAULT_TOLERANCE, REMAINDER_ID } from './reconcile.ts';
export { conventionMismatches } from './conventions.ts';
export { operationalArea, operationalEmissions } from './operational.ts';
export type { OperationalArea, OperationalEmissions } from './operational.ts';
export { assessClimatePositive } from './climate-positive.ts';
export type { Abatement, ClimatePositiveResult, RefusedAbatement } from './climate-positive.ts';
export { assessNearZero } from './near-zero.ts';
export type { NearZeroCriterionResult, NearZeroOptions, NearZeroResult } from './near-zero.ts';
export { climatePositiveCriterion, nearZeroSets, parseNearZeroSet, NEAR_ZERO_INDICATORS } from './criteria.ts';
export type { ClimatePositiveCriterion, NearZeroCriterion, NearZeroIndicator, NearZeroSet } from './criteria.ts';
export { SECTOR_BASES, TOTAL_BASES } from './types.ts';
export { readDistrictFile, CITY_ID, PART_KINDS } from './file.ts';
export type { DistrictAssessment, DistrictFile, DistrictFilePart, DistrictFileRead, DistrictFileRemainder, PartKind } from './file.ts';
export type {
  Basis,
  BasisLine,
  BoundaryInventory,
  BoundaryIssue,
  BoundaryRun,
  ConventionMismatch,
  Difference,
  PartsReconciliation,
  ReconcileOptions,
  RemainderInput,
  RowDifference,
  SectorBasis,
  TotalBasis,
} from './types.ts';
