import { defaultLibrary } from '../factors/default-library.ts';
import type { FactorLibrary } from '../factors/library.ts';
import type { Issue } from '../issues/issue.ts';
import type { Assumption } from '../inventory/types.ts';
import type { Pathway, ScenarioDefinition } from '../pathway/definitions.ts';
import { runScenario, type PathwayResult } from '../pathway/results.ts';
import { baseInventory } from '../pathway/run.ts';
import { defaultCatalogue, type Catalogue } from './catalogue.ts';
import type { UnitCost } from './costs.ts';
import type { Name, Plan } from './definitions.ts';
import { PlanEvaluator } from './evaluator.ts';
import type { LpSolver } from './lp.ts';
import { buildMacc, netEmissions, type Macc } from './macc.ts';
import { PortfolioOptimiser, type Infeasibility, type PortfolioSolution } from './optimise.ts';
import { parsePlan, type PlanParseResult } from './parse.ts';

/** Validates a plan with its pathway and inventory documents; problems come back by file. */
export function loadPlan(
  planDocument: unknown,
  pathwayDocument: unknown,
  inventoryDocument: unknown,
  options: { catalogue?: Catalogue; library?: FactorLibrary } = {},
): PlanParseResult | { ok: false; inventoryIssues: readonly Issue[] } {
  const base = baseInventory(inventoryDocument, options.library ?? defaultLibrary);
  if (!base.ok) return { ok: false, inventoryIssues: base.issues };
  return parsePlan(planDocument, pathwayDocument, base.base, options.catalogue ?? defaultCatalogue());
}

export interface PortfolioEntry {
  readonly action: string;
  readonly name: Name;
  /** Adoption scale chosen: the share of the measure's adoption curve taken up (0–1). */
  readonly adoption: number;
  readonly lumpy: boolean;
  /** Net present cost at this adoption, CNY of the price year. */
  readonly cost: number;
  /** tCO2e (net, on the plan's basis) the portfolio emits more in the MACC year without this measure. */
  readonly abatement: number;
  /** The same over the horizon. */
  readonly cumulativeAbatement: number;
  /** Units in place in the MACC year (in `unit`). */
  readonly units: number;
  readonly unit: string;
  readonly costs: { readonly capex: UnitCost; readonly opex: UnitCost; readonly savings: UnitCost; readonly lifetime: { readonly value: number; readonly source: string } };
}

export interface PlanResult {
  readonly name: Name;
  readonly city: string;
  readonly baseline: { readonly id: string; readonly name: Name };
  readonly priceYear: number;
  readonly discountRate: number;
  readonly maccYear: number;
  readonly basis: Plan['basis'];
  readonly constraints: { readonly targets: readonly string[]; readonly budget: (number | null)[] | null };
  readonly solution: Omit<PortfolioSolution, 'x' | 'infeasible'>;
  /** Measures chosen (adoption above 0), in the plan's order. */
  readonly portfolio: readonly PortfolioEntry[];
  /** Net present cost of the portfolio, CNY. */
  readonly totalCost: number;
  /** capex + opex of the portfolio per year, CNY. */
  readonly outlays: number[];
  /** The pathway with the portfolio: the baseline scenario plus the chosen measures at their adoption. */
  readonly pathway: PathwayResult;
  /** The baseline scenario's pathway (no measure). */
  readonly baselinePathway: PathwayResult;
  readonly macc: Macc;
  readonly infeasible?: Infeasibility;
  readonly assumptions: readonly Assumption[];
}

/** Runs a plan: the MACC, the least-cost portfolio (with a diagnosis if there is none) and its pathway. */
export function runPlan(plan: Plan, solver: LpSolver): PlanResult {
  const evaluator = new PlanEvaluator(plan);
  const macc = buildMacc(evaluator);
  const optimiser = new PortfolioOptimiser(evaluator, solver);
  const solution = optimiser.solve();
  const { x, infeasible, ...summary } = solution;
  const { model } = plan.pathway;
  const years = model.years;
  const y = plan.maccYear - model.baseYear;

  const portfolioWs = evaluator.evaluate(x);
  const net = netEmissions(portfolioWs, plan.basis, new Float64Array(years));
  const without = new Float64Array(years);
  const portfolio: PortfolioEntry[] = [];
  plan.measures.forEach((measure, m) => {
    if (x[m]! <= 0) return;
    const others = Float64Array.from(x);
    others[m] = 0;
    netEmissions(evaluator.evaluate(others), plan.basis, without);
    let cumulative = 0;
    for (let t = 0; t < years; t++) cumulative += without[t]! - net[t]!;
    portfolio.push({
      action: measure.id,
      name: measure.name,
      adoption: x[m]!,
      lumpy: measure.lumpy,
      cost: x[m]! * evaluator.costs[m]!.presentCost,
      abatement: without[y]! - net[y]!,
      cumulativeAbatement: cumulative,
      units: x[m]! * evaluator.costs[m]!.streams.units[y]!,
      unit: measure.unit,
      costs: { capex: measure.capex, opex: measure.opex, savings: measure.savings, lifetime: measure.lifetime },
    });
  });
  const outlays = Array.from({ length: years }, (_, t) => plan.measures.reduce((total, _measure, m) => total + x[m]! * evaluator.costs[m]!.outlay[t]!, 0));

  const scale = new Float64Array(model.actions.length).fill(1);
  const active = Uint8Array.from(plan.baseline.active);
  plan.measures.forEach((measure, m) => {
    scale[measure.action] = x[m]!;
    if (x[m]! > 0) active[measure.action] = 1;
  });
  const portfolioScenario: ScenarioDefinition = { id: 'portfolio', name: { en: 'Least-cost portfolio', zh: '最低成本组合' }, active, overrides: plan.baseline.overrides };
  const withPortfolio: Pathway = { ...plan.pathway, scenarios: [...plan.pathway.scenarios, portfolioScenario] };
  const pathway = runScenario(withPortfolio, 'portfolio', evaluator.workspace, scale);
  const baselinePathway = runScenario(plan.pathway, plan.baseline.id, evaluator.workspace);

  return {
    name: plan.name,
    city: plan.pathway.city,
    baseline: { id: plan.baseline.id, name: plan.baseline.name },
    priceYear: plan.priceYear,
    discountRate: plan.discountRate,
    maccYear: plan.maccYear,
    basis: plan.basis,
    constraints: { targets: plan.targets.map((target) => target.id), budget: plan.budget ? Array.from(plan.budget, (value) => (Number.isFinite(value) ? value : null)) : null },
    solution: summary,
    portfolio,
    totalCost: solution.cost,
    outlays,
    pathway,
    baselinePathway,
    macc,
    ...(infeasible ? { infeasible } : {}),
    assumptions: [...plan.assumptions, ...pathway.assumptions.filter((a) => !plan.assumptions.includes(a))],
  };
}
