import type { TargetDefinition } from '../pathway/definitions.ts';
import { gapUnit } from '../pathway/targets.ts';
import { emissionTerms, quantitiesOf, quantityTerms, truthOf, type Request } from './portfolio-model.ts';
import type { Infeasibility, PortfolioOptimiser, Reachable } from './optimise.ts';

/**
 * Why a request has no solution: a smallest conflicting set of its constraints (deletion filter:
 * drop a constraint; if the rest still conflict, it was not needed), and for each, the best the
 * measures reach without the others.
 */
export async function diagnose(opt: PortfolioOptimiser, request: Request): Promise<Infeasibility> {
  const groups: { label: string; targets: TargetDefinition[]; budget: boolean }[] = [
    ...request.targets.map((target) => ({ label: `target:${target.id}`, targets: [target], budget: false })),
    ...(request.budget ? [{ label: 'budget', targets: [], budget: true }] : []),
  ];
  const solves = opt.limits.diagnosisSolves;
  const feasible = async (kept: typeof groups): Promise<boolean> =>
    (await opt.solveRequest({ targets: kept.flatMap((group) => group.targets), budget: kept.some((group) => group.budget) ? request.budget : undefined }, 'cost', solves)).status !== 'infeasible';
  let conflict = [...groups];
  for (const group of groups) {
    const without = conflict.filter((candidate) => candidate !== group);
    if (!(await feasible(without))) conflict = without;
  }
  const reachable: Reachable[] = [];
  for (const group of conflict) {
    if (group.budget) {
      reachable.push({ constraint: group.label, kind: 'budget', factor: await budgetFactor(opt, request) });
      continue;
    }
    const target = group.targets[0]!;
    reachable.push(target.kind === 'peak' ? { constraint: group.label, kind: 'peak', earliestPeakBy: await earliestPeak(opt, target) } : await lowest(opt, target, group.label));
  }
  return { conflicting: conflict.map((group) => group.label), reachable };
}

/** The earliest year a peak target could name and be met with the measures (no other constraint). */
export async function earliestPeak(opt: PortfolioOptimiser, target: Extract<TargetDefinition, { kind: 'peak' }>): Promise<number | null> {
  const ok = async (year: number): Promise<boolean> => (await opt.solveRequest({ targets: [{ ...target, year }], budget: undefined }, 'cost', opt.limits.diagnosisSolves)).status !== 'infeasible';
  let low = opt.baseYear;
  let high = opt.baseYear + opt.years - 2;
  if (!(await ok(high))) return null;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (await ok(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The lowest emissions the measures reach in a target's year (net of removals for neutrality), on the pathway. */
export async function lowest(opt: PortfolioOptimiser, target: Exclude<TargetDefinition, { kind: 'peak' }>, label: string): Promise<Reachable> {
  const k = target.year - opt.baseYear;
  const net = target.kind === 'neutrality';
  const basis = net ? (`net-${target.basis}` as const) : target.basis;
  const columns = opt.evaluator.plan.measures.map((_, m) => `y${m}`);
  const solution = await opt.solveRequest({ targets: [], budget: undefined }, {
    minimise: (lp, lin) => {
      const emissions =
        target.kind === 'nonFossil'
          ? combine(quantityTerms(opt, lin, 'energy', k, columns, opt.evaluator.params[target.share]!), quantityTerms(opt, lin, 'nonFossil', k, columns, -1))
          : target.kind === 'energyCap' || (target.kind === 'decline' && target.of === 'energyPerGdp')
            ? quantityTerms(opt, lin, 'energy', k, columns)
            : emissionTerms(opt, lin, basis, k, columns);
      lp.column('level', -1e9, 1e9, { cost: 1 });
      lp.row({ name: 'objective', terms: [...emissions.terms, ['level', -1]], sense: '<=', rhs: -emissions.constant });
    },
  }, 3);
  // The pathway's own value at the answer (the linear model only chose it).
  const ws = opt.evaluator.evaluate(solution.x);
  const params = opt.evaluator.params;
  const { model } = opt.evaluator.plan.pathway;
  const lowest = target.kind === 'nonFossil' ? params[target.share]! * ws.official.energy[k]! - ws.official.nonFossil[k]! : truthOf(ws, quantitiesOf(target)[0]!)[k]! - (net ? ws.removals[k]! : 0);
  let allowed: number | null = null;
  if (target.kind === 'cap' || target.kind === 'energyCap') allowed = params[target.cap]!;
  else if (target.kind === 'neutrality' || target.kind === 'nonFossil') allowed = 0;
  else if (target.kind === 'decline') {
    if (!('year' in target.reference)) allowed = params[target.reference.value]! * target.periods.reduce((kept, period) => kept * (1 - params[period.reduction]!), 1) * ws.drivers[model.gdp]![k]!;
  } else if (!('year' in target.reference)) {
    const driver = ws.drivers[target.per === 'gdp' ? model.gdp : model.population]!;
    allowed = params[target.reference.value]! * (1 - params[target.reduction]!) * driver[k]!;
  }
  return { constraint: label, kind: target.kind, year: target.year, lowest, allowed, unit: gapUnit(target) };
}

/** How many times the budget would have to be for the targets to be met (null: not even without a budget). */
export async function budgetFactor(opt: PortfolioOptimiser, request: Request): Promise<number | null> {
  const budget = request.budget!;
  const free = await opt.solveRequest({ targets: request.targets, budget: undefined }, 'cost', opt.limits.diagnosisSolves);
  if (free.status === 'infeasible') return null;
  let factor = 0;
  for (let t = 0; t < opt.years; t++) {
    if (!Number.isFinite(budget[t]!)) continue;
    const spent = opt.evaluator.costs.reduce((total, costs, m) => total + free.x[m]! * costs.outlay[t]!, 0);
    factor = Math.max(factor, budget[t]! > 0 ? spent / budget[t]! : spent > 0 ? Infinity : 0);
  }
  return Number.isFinite(factor) ? factor : null;
}

/** The sum of two linear expressions. */
function combine(a: { terms: [string, number][]; constant: number }, b: { terms: [string, number][]; constant: number }): { terms: [string, number][]; constant: number } {
  const terms = new Map<string, number>(a.terms);
  for (const [column, coefficient] of b.terms) terms.set(column, (terms.get(column) ?? 0) + coefficient);
  return { terms: [...terms], constant: a.constant + b.constant };
}
