/**
 * @peakpath/core — the pure domain of peakpath: units, the factor library, the GPC structure and
 * the inventory engine, the pathway engine. No I/O, no clock, no randomness: data comes in as arguments.
 */
export { BASE_DIMENSIONS, convert, DimensionMismatchError, listUnits, parseUnit, suggestUnit, unit } from './units/units.ts';
export type { BaseDimension, Dimension, Unit } from './units/units.ts';
export type { CubicMetres, Gigajoules, Tce, Tonnes, TonnesCO2e } from './units/quantity.ts';
export { citation, FACTOR_KINDS, FactorDataError, FactorLibrary, GASES, GWP_SETS, VERIFICATION_LEVELS } from './factors/library.ts';
export type { Factor, FactorCriteria, FactorFile, FactorKind, Gas, GwpSet, Source, Verification } from './factors/library.ts';
export { defaultLibrary } from './factors/default-library.ts';
export { FUEL_IDS, FUELS } from './factors/fuels.ts';
export type { Fuel, FuelId } from './factors/fuels.ts';
export { GPC_ROWS, GPC_SECTORS, gpcRow, LINE_FORMS, REPORTING_LEVELS } from './gpc/structure.ts';
export type { GpcRow, GpcSector, GpcSubsector, LineForm, ReportingLevel, Scope } from './gpc/structure.ts';
export { formatPath } from './issues/issue.ts';
export type { Issue, IssueCode, IssueDetail, Path, PathwayIssueCode, ReferenceKind } from './issues/issue.ts';
export { describeIssue, formatIssue } from './issues/messages.ts';
export type { Lang } from './issues/messages.ts';
export { parseInventory } from './inventory/parse.ts';
export type { ParseResult } from './inventory/parse.ts';
export { computeInventory } from './inventory/compute.ts';
export { GJ_PER_TCE } from './inventory/resolve.ts';
export type * from './inventory/types.ts';
export { runInventory } from './inventory/run.ts';
export { defaultMethods, METHOD_LIST } from './methods/registry.ts';
export { MethodWork } from './methods/method.ts';
export type { MethodCalculator, MethodInput, MethodOutput } from './methods/method.ts';
export { loadPathway, baseInventory } from './pathway/run.ts';
export { parsePathway, DEFAULT_END_YEAR } from './pathway/parse.ts';
export type { BaseInventory, PathwayParseResult } from './pathway/parse.ts';
export type { Basis, Distribution, Pathway, ScenarioDefinition, TargetDefinition, UncertainParameter } from './pathway/definitions.ts';
export type { PathwayModel } from './pathway/model.ts';
export { PathwayWorkspace } from './pathway/evaluate.ts';
export { findScenario, runScenario, scenarioParameters } from './pathway/results.ts';
export type { ActionResult, PathwayResult, TargetResult } from './pathway/results.ts';
export { findPeak, judgeTarget } from './pathway/targets.ts';
export { percentile, runMonteCarlo, runMonteCarloChunk, summariseMonteCarlo } from './pathway/montecarlo.ts';
export type { MonteCarloChunk, MonteCarloSummary } from './pathway/montecarlo.ts';
export { decompose, LMDI_FACTORS } from './pathway/lmdi.ts';
export type { Decomposition, KayaYear, LmdiFactor } from './pathway/lmdi.ts';
