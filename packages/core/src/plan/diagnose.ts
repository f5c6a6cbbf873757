import type { TargetDefinition } from '../pathway/definitions.ts';
import { emissionTerms, type Request } from './portfolio-model.ts';
import type { Infeasibility, PortfolioOptimiser, Reachable } from './optimise.ts';

/**
 * Why a request has no solution: a smallest conflicting set of its constraints (deletion filter:
 * drop a constraint; if the rest still conflict, it was not needed), and for each, the best the
 * measures reach without the others.
 */
export function diagnose(opt: PortfolioOptimiser, request: Request): Infeasibility {
  const groups: { label: string; targets: TargetDefinition[]; budget: boolean }[] = [
    ...request.targets.map((target) => ({ label: `target:${target.id}`, targets: [target], budget: false })),
    ...(request.budget ? [{ label: 'budget', targets: [], budget: true }] : []),
  ];
  const feasible = (kept: typeof groups): boolean =>
    opt.solveRequest({ targets: kept.flatMap((group) => group.targets), budget: kept.some((group) => group.budget) ? request.budget : undefined }, 'cost', 12).status !== 'infeasible';
  let conflict = [...groups];
  for (const group of groups) {
    const without = conflict.filter((candidate) => candidate !== group);
    if (!feasible(without)) conflict = without;
  }
  const reachable = conflict.map((group): Reachable => {
    if (group.budget) return { constraint: group.label, kind: 'budget', factor: budgetFactor(opt, request) };
    const target = group.targets[0]!;
    if (target.kind === 'peak') return { constraint: group.label, kind: 'peak', earliestPeakBy: earliestPeak(opt, target) };
    return lowest(opt, target, group.label);
  });
  return { conflicting: conflict.map((group) => group.label), reachable };
}

/** The earliest year a peak target could name and be met with the measures (no other constraint). */
export function earliestPeak(opt: PortfolioOptimiser, target: Extract<TargetDefinition, { kind: 'peak' }>): number | null {
  const ok = (year: number): boolean => opt.solveRequest({ targets: [{ ...target, year }], budget: undefined }, 'cost', 12).status !== 'infeasible';
  let low = opt.baseYear;
  let high = opt.baseYear + opt.years - 2;
  if (!ok(high)) return null;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (ok(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The lowest emissions the measures reach in a target's year (net of removals for neutrality), on the pathway. */
export function lowest(opt: PortfolioOptimiser, target: Exclude<TargetDefinition, { kind: 'peak' }>, label: string): Reachable {
  const k = target.year - opt.baseYear;
  const net = target.kind === 'neutrality';
  const basis = net ? (`net-${target.basis}` as const) : target.basis;
  const columns = opt.evaluator.plan.measures.map((_, m) => `y${m}`);
  const solution = opt.solveRequest({ targets: [], budget: undefined }, {
    minimise: (lp, lin) => {
      const emissions = emissionTerms(opt, lin, basis, k, columns);
      lp.column('level', -1e9, 1e9, { cost: 1 });
      lp.row({ name: 'objective', terms: [...emissions.terms, ['level', -1]], sense: '<=', rhs: -emissions.constant });
    },
  }, 3);
  // The pathway's own value at the answer (the linear model only chose it).
  const ws = opt.evaluator.evaluate(solution.x);
  const gross = target.basis === 'basic' ? ws.basic : ws.basicPlus;
  const lowest = gross[k]! - (net ? ws.removals[k]! : 0);
  const params = opt.evaluator.params;
  const { model } = opt.evaluator.plan.pathway;
  let allowed: number | null = null;
  if (target.kind === 'cap') allowed = params[target.cap]!;
  else if (target.kind === 'neutrality') allowed = 0;
  else if (!('year' in target.reference)) {
    const driver = ws.drivers[target.per === 'gdp' ? model.gdp : model.population]!;
    allowed = params[target.reference.value]! * (1 - params[target.reduction]!) * driver[k]!;
  }
  return { constraint: label, kind: target.kind, year: target.year, lowest, allowed };
}

/** How many times the budget would have to be for the targets to be met (null: not even without a budget). */
export function budgetFactor(opt: PortfolioOptimiser, request: Request): number | null {
  const budget = request.budget!;
  const free = opt.solveRequest({ targets: request.targets, budget: undefined }, 'cost', 12);
  if (free.status === 'infeasible') return null;
  let factor = 0;
  for (let t = 0; t < opt.years; t++) {
    if (!Number.isFinite(budget[t]!)) continue;
    const spent = opt.evaluator.costs.reduce((total, costs, m) => total + free.x[m]! * costs.outlay[t]!, 0);
    factor = Math.max(factor, budget[t]! > 0 ? spent / budget[t]! : spent > 0 ? Infinity : 0);
  }
  return Number.isFinite(factor) ? factor : null;
}
