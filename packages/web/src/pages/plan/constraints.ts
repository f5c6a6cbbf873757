/**
 * A plan body's constraints as the optimiser page reads and edits them (docs/plans.md "Constraints"):
 * pure functions, so the edit is a new body with nothing else touched.
 */

export type PerYear = number | Readonly<Record<string, number>>;

export interface Budget {
  readonly unit: string;
  readonly perYear: PerYear;
}

export interface PlanConstraints {
  readonly targets: readonly string[];
  readonly budget: Budget | null;
}

export interface MeasureLimits {
  readonly id: string;
  readonly min: string | number | null;
  readonly max: string | number | null;
  readonly yesNo: boolean;
  readonly requires: readonly string[];
  readonly excludes: readonly string[];
}

type Body = Record<string, unknown>;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readConstraints(body: Body): PlanConstraints {
  const constraints = isRecord(body['constraints']) ? body['constraints'] : {};
  const targets = Array.isArray(constraints['targets']) ? constraints['targets'].filter((id): id is string => typeof id === 'string') : [];
  const budget = isRecord(constraints['budget']) ? constraints['budget'] : null;
  const perYear = budget?.['perYear'];
  const readable = typeof perYear === 'number' || (isRecord(perYear) && Object.values(perYear).every((value) => typeof value === 'number'));
  return {
    targets,
    budget: budget && typeof budget['unit'] === 'string' && readable ? { unit: budget['unit'], perYear: perYear as PerYear } : null,
  };
}

/** Each measure's decision bounds and links, in the file's order. */
export function readMeasureLimits(body: Body): MeasureLimits[] {
  const measures = isRecord(body['measures']) ? body['measures'] : {};
  return Object.entries(measures).map(([id, measure]) => {
    const m = isRecord(measure) ? measure : {};
    const limits = isRecord(m['limits']) ? m['limits'] : {};
    const list = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
    const bound = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? value : null);
    return { id, min: bound(limits['min']), max: bound(limits['max']), yesNo: m['yesNo'] === true || m['lumpy'] === true, requires: list(m['requires']), excludes: list(m['excludes']) };
  });
}

/** The body with these constraints; every other field as it was. A null budget removes the budget. */
export function withConstraints(body: Body, constraints: PlanConstraints): Body {
  const previous = isRecord(body['constraints']) ? body['constraints'] : {};
  const next: Record<string, unknown> = { ...previous, targets: [...constraints.targets] };
  if (constraints.budget) next['budget'] = { ...(isRecord(previous['budget']) ? previous['budget'] : {}), unit: constraints.budget.unit, perYear: constraints.budget.perYear };
  else delete next['budget'];
  return { ...body, constraints: next };
}

/** The budget's yearly steps: [first year or null for "every year", value]. */
export const budgetSteps = (perYear: PerYear): [string | null, number][] =>
  typeof perYear === 'number' ? [[null, perYear]] : Object.entries(perYear).sort(([a], [b]) => Number(a) - Number(b));
