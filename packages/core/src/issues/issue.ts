import type { BoundaryIssue } from '../boundaries/types.ts';
import type { ClusterIssue } from '../cluster/types.ts';
import type { ClusterPathwayIssueCode } from '../cluster/pathway-model.ts';
import type { PlausibilityBoundId } from '../plausibility/bounds.ts';

/** A place in an input document: `["activities", 3, "unit"]` is shown as `activities[3].unit`. */
export type Path = readonly (string | number)[];

export type JsonType = 'string' | 'number' | 'integer' | 'object' | 'array' | 'boolean';

/**
 * A problem with input, as a machine-readable code with its parameters. Human messages, in
 * Chinese and English, are made from these in one place: `formatIssue` (messages.ts).
 */
export type Issue = { readonly path: Path } & IssueDetail;

export type IssueDetail =
  | { code: 'required' }
  | { code: 'type'; expected: JsonType; got: string }
  | { code: 'not-finite' }
  | { code: 'negative' }
  | { code: 'out-of-range'; min: number; max: number; got: number }
  | { code: 'enum'; got: string; allowed: readonly string[]; suggestion?: string | undefined }
  | { code: 'unknown-field'; field: string; suggestion?: string | undefined }
  | { code: 'unknown-unit'; got: string; suggestion?: string | undefined }
  | { code: 'wrong-dimension'; unit: string; got: string; expected: readonly string[] }
  | { code: 'unknown-fuel'; got: string; suggestion?: string | undefined }
  /** 热力 or 电力 (heat, electricity) on a `fuel:` line: they are lines of their own, `energy: heat|electricity`. */
  | { code: 'not-a-fuel'; got: string; energy: 'heat' | 'electricity' }
  | { code: 'unknown-gpc'; got: string; suggestion?: string | undefined }
  | { code: 'unknown-grid'; got: string; suggestion?: string | undefined }
  | { code: 'not-positive' }
  | { code: 'invalid-country'; got: string }
  | { code: 'not-applicable'; field: string; reason: NotApplicableReason }
  | { code: 'conflict'; fields: readonly [string, string] }
  | { code: 'shares-sum'; got: number }
  | { code: 'other-gas-gwp'; gas: string }
  | { code: 'year-sequence'; expected: number; got: number }
  | { code: 'no-form'; suggestion?: { field: string; form: string } | undefined }
  | { code: 'many-forms'; forms: readonly string[] }
  | { code: 'form-not-on-row'; form: string; gpc: string; allowed: readonly string[] }
  | { code: 'missing-factor'; need: MissingFactor; fuel?: string | undefined; context?: string | undefined }
  | { code: 'missing-grid' }
  | { code: 'missing-coal-rate' }
  | { code: 'ch4-origin-required'; gpc: string }
  /** The document is a list or a scalar; `kind` where it is not an inventory (the inventory reader leaves it out). */
  | { code: 'not-a-document'; got: string; kind?: DocumentKind | undefined }
  | { code: 'unknown-method'; got: string; suggestion?: string | undefined }
  | { code: 'method-not-on-row'; method: string; gpc: string; rows: readonly string[] }
  /** Waste or landfill gas burnt with `energyRecovery` of a kind that row `gpc` does not hold: it belongs in `rows` (GPC: energy recovered → Stationary Energy). */
  | { code: 'energy-recovery-row'; recovery: 'grid' | 'onsite' | 'none'; gpc: string; rows: readonly string[] }
  | { code: 'missing-parameter'; field: string; method: string; category?: string | undefined }
  | { code: 'unknown-category'; got: string; allowed: readonly string[]; suggestion?: string | undefined }
  /** The same key twice within one line, measure or effect list (`key`), which would be counted twice; `first` is where it is first given. */
  | { code: 'duplicate'; key: string; first: Path }
  /** A result computed from the values here is beyond the largest finite number: from `year` on (a series), or the sum of `lines` (their indices). */
  | { code: 'overflow'; year?: number | undefined; lines?: readonly number[] | undefined }
  /** A year of data after the inventory's year, which the inventory cannot include. */
  | { code: 'after-inventory-year'; got: number; year: number }
  | DocumentIssueDetail
  /** A `version` newer than this peakpath reads (reading/versions.ts). */
  | { code: 'unsupported-version'; kind: DocumentKind; got: number; max: number }
  | PathwayIssueDetail
  | PlanIssueDetail
  | TrackingIssueDetail
  | ClusterIssueDetail
  | DistrictIssueDetail
  | WarningDetail;

/**
 * What the engines warn about: values that compute but that no city has, and lines that may be
 * counted twice. A warning comes with the result (`EngineResult.warnings`), the same `Issue` shape as
 * an error; `--strict` makes warnings errors.
 */
export type WarningDetail =
  /** A value outside its plausibility bound (data/plausibility.json), in the bound's unit; `year` for a series. */
  | { code: 'implausible'; bound: PlausibilityBoundId; got: number; year?: number | undefined }
  /**
   * An activity line that repeats the line at index `first` — the same row, fuel (energy, gas), amount
   * and unit (`amount`), or a method line the same in every field but note, source and quality
   * (`fields`) — and is counted twice if both were meant once.
   */
  | { code: 'duplicate-line'; first: number; match: 'amount' | 'fields' }
  /**
   * Fuel of grid-supplied plants (I.4.4, lines `lines`) with no local generation and no stated transfers in
   * `supply`: China's official quantity counts the plants' fuel and, again, their output as imported electricity.
   */
  | { code: 'generation-missing'; lines: readonly number[] }
  /** Landfill gas III.1 lines say is burnt for energy (`recoveredForEnergy`, t CH4) ≠ what `landfill-gas` lines burn (`burnt`, t CH4). */
  | { code: 'landfill-gas-balance'; recoveredForEnergy: number; burnt: number };
export type WarningCode = WarningDetail['code'];

/** The kinds of document the engines read; a pathway builds on an inventory, a plan on a pathway. */
export type DocumentKind = 'inventory' | 'pathway' | 'plan' | 'tracking' | 'cluster' | 'district';

/** Problems with the references between documents (engine/). */
export type DocumentIssueDetail =
  /** The document names no `kind` document to build on (`inventory` of a pathway, `pathway` of a plan). */
  | { code: 'missing-reference'; kind: DocumentKind }
  /** The resolver could not give the document a reference names, and says why. */
  | {
      code: 'unresolved-reference';
      kind: DocumentKind;
      reference: string;
      reason: { readonly en: string; readonly zh: string };
      /** `member`: a cluster member's inventory (any year), not a pathway's base-year inventory; the message says which. */
      role?: 'member' | undefined;
    };

/** Problems only a pathway file can have (docs/pathways.md). */
export type PathwayIssueDetail =
  | { code: 'unknown-reference'; kind: ReferenceKind; got: string; suggestion?: string | undefined }
  | { code: 'unmapped-row'; gpc: string }
  | { code: 'overlapping-sectors'; gpc: string; sectors: readonly [string, string] }
  | { code: 'base-mismatch'; given: number; inventory: number; unit: string }
  | { code: 'driver-cycle'; drivers: readonly string[] }
  | { code: 'series-start'; needed: number; got: number }
  | { code: 'shares-exceed'; year: number; got: number }
  | { code: 'distribution-range'; nominal: number; min: number; max: number }
  /** A parameter named in `correlations` that `uncertainty` gives no distribution. */
  | { code: 'not-uncertain'; got: string }
  /** A `between` (two paths) or `shared` (two or more) list of `correlations` with the wrong number of paths. */
  | { code: 'correlation-members'; min: number; max?: number | undefined; got: number }
  /** More parameters named in `correlations` than the engine correlates (`max`). */
  | { code: 'correlation-limit'; max: number; got: number }
  /**
   * Correlations that cannot hold together: the pairs given among a smallest set of parameters whose copula
   * correlation matrix is not positive semi-definite, and the pairs of that set not given (correlation 0).
   */
  | { code: 'correlation-not-psd'; pairs: readonly { readonly between: readonly [string, string]; readonly rank: number }[]; unstated: readonly (readonly [string, string])[] }
  | { code: 'empty-sector'; gpc: readonly string[] }
  | { code: 'missing-carrier'; carrier: string; sector: string }
  /** A fossil source's generation changes, but the inventory has no plant fuel of its family in I.4.4 to derive fuel per MWh from. */
  | { code: 'no-plant-fuel'; source: string }
  /** A decline target from a year before the pathway's base year: the reference intensity must be given (`baseValue`). */
  | { code: 'decline-base-before'; from: number; baseYear: number }
  /** An id that every JavaScript object already has as a name (`__proto__`, `constructor` …). */
  | { code: 'reserved-id'; got: string };

/** What a name in a pathway file refers to. */
export type ReferenceKind = 'driver' | 'sector' | 'action' | 'scenario' | 'carrier' | 'parameter' | 'measure' | 'catalogue-measure' | 'target' | 'criterion' | 'source' | 'indicator' | 'hazard';

/** Problems only a plan file can have (docs/plans.md). */
export type PlanIssueDetail =
  /** The catalogue has no sourced figure for `field` of `measure`: the plan must give it. */
  | { code: 'catalogue-gap'; measure: string; field: string }
  /** A plan measure's id is already an action of the pathway file. */
  | { code: 'action-exists'; id: string }
  /** No exchange rate or price index to restate a cost of `year` in `currency` in the plan's price year. */
  | { code: 'missing-rate'; currency: string; year: number; priceYear: number }
  /** A generation or removal measure needs a fixed quantity (`quantity.value`), not a driver. */
  | { code: 'constant-quantity'; lever: string }
  /** A measure that names itself in its own `requires` or `excludes`. */
  | { code: 'self-reference'; field: 'requires' | 'excludes'; id: string }
  /** The plan's own catalogue entries break a rule of the catalogue. */
  | { code: 'invalid-catalogue'; message: string };
export type PlanIssueCode = PlanIssueDetail['code'];

/** Why a goal cannot be measured against (tracking `target-goal`). */
export type TargetGoalReason =
  /** The goal's value equals the base value: (latest − base)/(goal − base) has no meaning. */
  | 'no-change'
  /** The goal lies on the wrong side of the base for the indicator's direction (a `decrease` indicator with a goal above its base). */
  | 'direction'
  /** A reduction target's `baseYear` is not its indicator's base year, the value the reduction is taken from. */
  | 'base-year'
  /** A `baseline-scenario` reduction needs the baseline's value in the target year (`baseline`). */
  | 'baseline-required'
  /** A reduction of an indicator whose direction is `increase`. */
  | 'reduction-of-increase'
  /** The target year is not after its indicator's base year. */
  | 'before-base';

/** Problems only a tracking file can have (docs/tracking.md). */
export type TrackingIssueDetail =
  /** Not a real calendar date written `YYYY-MM-DD`. */
  | { code: 'invalid-date'; got: string }
  /** Years of a list (goals, actuals) must increase: `year` comes after `previous`. */
  | { code: 'year-order'; year: number; previous: number }
  /** A date before the one it must follow (`end` before `start`, a task done before the action starts). */
  | { code: 'date-order'; field: string; date: string; got: string }
  /** A goal or target that progress cannot be measured against, and why. */
  | { code: 'target-goal'; reason: TargetGoalReason };
export type TrackingIssueCode = TrackingIssueDetail['code'];

/**
 * A cluster's members and pairings that cannot be aggregated as given (`aggregateCluster`'s issues: an unknown
 * line, a share above the whole line …): its own code as `reason`, its text from cluster/texts.ts.
 */
export type ClusterIssueDetail = { code: 'cluster-input'; reason: ClusterIssue['code'] | ClusterPathwayIssueCode; text: { readonly en: string; readonly zh: string } };
export type ClusterIssueCode = ClusterIssueDetail['code'];

/**
 * A district file's city, parts and assessments that cannot be reconciled or assessed as given (`reconcileParts`,
 * `assessClimatePositive`, `assessNearZero` issues: a remainder figure on a basis no inventory has, a criterion
 * that needs the population …), or a near-zero criteria set its schema refuses: the code as `reason`, its text from
 * boundaries/texts.ts (or the criteria schema).
 */
export type DistrictIssueDetail = { code: 'district-input'; reason: BoundaryIssue['code'] | 'near-zero-set'; text: { readonly en: string; readonly zh: string } };
export type DistrictIssueCode = DistrictIssueDetail['code'];
export type PathwayIssueCode = PathwayIssueDetail['code'];
export type DocumentIssueCode = DocumentIssueDetail['code'];

/** What a method needs and could not find, with the field that would supply it. */
export type MissingFactor =
  | 'ncv'
  | 'ncv-per-volume'
  | 'ncv-per-mass'
  | 'co2'
  | 'ch4'
  | 'n2o'
  | 'carbon-content'
  | 'oxidation'
  | 'technology';

/** Why a field given on a line has no meaning there. */
export type NotApplicableReason = 'technology' | 'ch4-origin' | 'coal-rate' | 'cn-method' | 'points-only' | 'share-base' | 'stock-only' | 'computed-criterion' | 'own-effects' | 'yes-no-min' | 'city-wide-lever' | 'feedstock-row' | 'plant-share' | 'official-energy' | 'counterpart-row' | 'counterpart-amount';

export type IssueCode = IssueDetail['code'];

/** `activities[3].ef.CO2`; the whole document is `(document)`, in Chinese `（整个文件）`. */
export function formatPath(path: Path, lang: 'en' | 'zh' = 'en'): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return text === '' ? (lang === 'zh' ? '（整个文件）' : '(document)') : text;
}
