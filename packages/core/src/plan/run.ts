import type { Assumption } from '../inventory/types.ts';
import type { Pathway, ScenarioDefinition } from '../pathway/definitions.ts';
import { runScenario, scenarioParameters, type PathwayResult } from '../pathway/results.ts';
import type { UnitCost } from './costs.ts';
import type { Name, Plan } from './definitions.ts';
import { PlanEvaluator } from './evaluator.ts';
import type { LpSolver } from './lp.ts';
import { buildMacc, netEmissions, type Macc } from './macc.ts';
import { PortfolioOptimiser, type Infeasibility, type OptimiseOptions, type PortfolioSolution } from './optimise.ts';
import { airEmissions, compileAirFactors, type AirEmissions, type AirFactors, type AirGap } from './air.ts';
import { prioritise, type Alternative, type Prioritisation } from './mcda.ts';
import type { PathwayWorkspace } from '../pathway/evaluate.ts';

export interface PortfolioEntry {
  readonly action: string;
  readonly name: Name;
  /** Adoption scale chosen: the share of the measure's adoption curve taken up (0–1). */
  readonly adoption: number;
  /** A yes/no measure: adopted whole or not at all (plan field `yesNo`). */
  readonly yesNo: boolean;
  /** Net present cost at this adoption, CNY of the price year (energy savings at the plan's prices deducted). */
  readonly cost: number;
  /** Present value of the energy it saves at the plan's prices (0 without `energyPrices`), CNY. */
  readonly energySavings: number;
  /** tCO2e (net, on the plan's basis) the portfolio emits more in the MACC year without this measure. */
  readonly abatement: number;
  /** The same summed over the horizon (the pathway's years, base year to end year), tCO2e. */
  readonly horizonAbatement: number;
  /** Units in place in the MACC year (in `unit`). */
  readonly units: number;
  readonly unit: string;
  readonly costs: { readonly capex: UnitCost; readonly opex: UnitCost; readonly savings: UnitCost; readonly lifetime: { readonly value: number; readonly source: string } };
}

export interface PlanResult {
  readonly name: Name;
  readonly city: string;
  /** The city's Chinese name (the inventory's `city.nameZh`), for Chinese headers; absent when the inventory gives none. */
  readonly cityZh?: string | undefined;
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
  /** Ranking of the measures on the plan's criteria, with its robustness to the weights (when the plan has criteria). */
  readonly prioritisation?: Prioritisation;
  readonly airPollutants: AirPollutantResult;
  readonly assumptions: readonly Assumption[];
}

/** Air pollutants in tonnes per year (SO2: the Guidebook's SOx, expressed as SO2). */
export interface PollutantSeries {
  readonly SO2: number[];
  readonly NOx: number[];
  readonly 'PM2.5': number[];
}

export interface AirPollutantResult {
  readonly unit: 't';
  readonly baseline: PollutantSeries;
  readonly portfolio: PollutantSeries;
  /** Baseline minus portfolio, per year. */
  readonly avoided: PollutantSeries;
  /** Each pathway scenario as the pathway file defines it. */
  readonly byScenario: readonly ({ readonly id: string } & PollutantSeries)[];
  /** What each measure avoids alone on the baseline (at its maximum) in the MACC year, t. */
  readonly byMeasure: readonly { readonly id: string; readonly year: number; readonly SO2: number; readonly NOx: number; readonly 'PM2.5': number }[];
  readonly factors: AirFactors['factors'];
  /** Lines (or parts) whose pollutants are not counted, and why. */
  readonly notCounted: readonly Pick<AirGap, 'reason' | 'sector' | 'carrier' | 'rows' | 'share' | 'pollutants' | 'text'>[];
  readonly assumptions: readonly Assumption[];
}

const series = (emissions: AirEmissions): PollutantSeries => ({ SO2: Array.from(emissions.SO2), NOx: Array.from(emissions.NOx), 'PM2.5': Array.from(emissions['PM2.5']) });
const air = (factors: AirFactors, ws: PathwayWorkspace): PollutantSeries => series(airEmissions(factors, ws));

/**
 * Runs a plan: the MACC, the least-cost portfolio (with a diagnosis if there is none) and its
 * pathway, the air pollutants of the baseline, the portfolio, each scenario and each measure, and
 * the prioritisation of the measures on the plan's criteria. The optimisation takes its limits, a
 * cancel signal and a progress callback from `options`.
 */
export async function runPlan(plan: Plan, solver: LpSolver, options: OptimiseOptions = {}): Promise<PlanResult> {
  const evaluator = new PlanEvaluator(plan);
  const airFactors = compileAirFactors(plan.pathway.model, plan.library, { road: plan.road });
  const macc = buildMacc(evaluator);
  const optimiser = new PortfolioOptimiser(evaluator, solver, options);
  const solution = await optimiser.solve();
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
    let overHorizon = 0;
    for (let t = 0; t < years; t++) overHorizon += without[t]! - net[t]!;
    portfolio.push({
      action: measure.id,
      name: measure.name,
      adoption: x[m]!,
      yesNo: measure.yesNo,
      cost: x[m]! * evaluator.costs[m]!.presentCost,
      energySavings: x[m]! * evaluator.costs[m]!.energySavings.reduce((total, value, t) => total + value * evaluator.discount[t]!, 0),
      abatement: without[y]! - net[y]!,
      horizonAbatement: overHorizon,
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
  const portfolioAir = air(airFactors, evaluator.evaluate(x, true));
  const zero = new Float64Array(plan.measures.length);
  const baselineAir = air(airFactors, evaluator.evaluate(zero, true));
  const byMeasure = plan.measures.map((measure, m) => {
    const alone = Float64Array.from(zero);
    alone[m] = measure.max;
    const withMeasure = air(airFactors, evaluator.evaluate(alone, true));
    return { id: measure.id, year: plan.maccYear, SO2: baselineAir.SO2[y]! - withMeasure.SO2[y]!, NOx: baselineAir.NOx[y]! - withMeasure.NOx[y]!, 'PM2.5': baselineAir['PM2.5'][y]! - withMeasure['PM2.5'][y]! };
  });
  const byScenario = plan.pathway.scenarios.map((scenario) => {
    evaluator.workspace.evaluate(scenarioParameters(plan.pathway, scenario), scenario.active, true);
    return { id: scenario.id, ...air(airFactors, evaluator.workspace) };
  });
  const minus = (a: number[], b: number[]): number[] => a.map((value, t) => value - b[t]!);
  const airPollutants: AirPollutantResult = {
    unit: 't',
    baseline: baselineAir,
    portfolio: portfolioAir,
    avoided: { SO2: minus(baselineAir.SO2, portfolioAir.SO2), NOx: minus(baselineAir.NOx, portfolioAir.NOx), 'PM2.5': minus(baselineAir['PM2.5'], portfolioAir['PM2.5']) },
    byScenario,
    byMeasure,
    factors: airFactors.factors,
    notCounted: airFactors.gaps.map(({ reason, sector, carrier, rows, share, pollutants, text }) => ({ reason, sector, carrier, rows, share, pollutants, text })),
    assumptions: airFactors.assumptions,
  };
  const prioritisation = plan.criteria.length === 0 ? undefined : rank(plan, macc, byMeasure);
  const rankStatements: Assumption[] =
    prioritisation && plan.criteria.some((c) => c.id === 'cost') && macc.entries.some((entry) => entry.standaloneAbatement <= 0)
      ? [{ code: 'rank-no-abatement', text: { en: `measures that avoid nothing in ${plan.maccYear} are ranked at the worst cost per tonne of the others`, zh: `${plan.maccYear} 年无减排量的措施，单位减排成本按其他措施中最差者计` } }]
      : [];

  const portfolioScenario: ScenarioDefinition = { id: 'portfolio', name: { en: 'Least-cost portfolio', zh: '最低成本组合' }, active, overrides: plan.baseline.overrides };
  const withPortfolio: Pathway = { ...plan.pathway, scenarios: [...plan.pathway.scenarios, portfolioScenario] };
  const pathway = runScenario(withPortfolio, 'portfolio', evaluator.workspace, scale);
  const baselinePathway = runScenario(plan.pathway, plan.baseline.id, evaluator.workspace);

  return {
    name: plan.name,
    city: plan.pathway.city,
    ...(plan.pathway.cityZh === undefined ? {} : { cityZh: plan.pathway.cityZh }),
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
    ...(prioritisation ? { prioritisation } : {}),
    airPollutants,
    assumptions: [...plan.assumptions, solutionStatement(solution), ...solverErrorStatements(optimiser.solverErrors), ...rankStatements, ...pathway.assumptions.filter((a) => !plan.assumptions.includes(a))],
  };
}

/**
 * The measures ranked on the plan's criteria: computed ones — what each measure avoids alone on the
 * baseline in the MACC year (tCO2e, and its cost per tonne then; SO2, NOx, PM2.5) — and the others as
 * the plan scores them. Each is judged alone, so the ranking does not depend on an order. A measure
 * that avoids nothing that year has no cost per tonne: it takes the worst of the others (stated).
 */
function rank(plan: Plan, macc: Macc, air: PlanResult['airPollutants']['byMeasure']): Prioritisation {
  const entries = new Map(macc.entries.map((entry) => [entry.id, entry]));
  const perTonne = (entry: Macc['entries'][number]): number | null => (entry.standaloneAbatement > 0 ? entry.annualCost / entry.standaloneAbatement : null);
  const costs = macc.entries.flatMap((entry) => {
    const value = perTonne(entry);
    return value === null ? [] : [value];
  });
  const worst = costs.length > 0 ? Math.max(...costs) : 0;
  const alternatives: Alternative[] = plan.measures.map((measure, m) => {
    const entry = entries.get(measure.id)!;
    const computed: Record<string, number> = {
      abatement: entry.standaloneAbatement,
      cost: perTonne(entry) ?? worst,
      so2: air[m]!.SO2,
      nox: air[m]!.NOx,
      pm25: air[m]!['PM2.5'],
    };
    const scores: Record<string, number> = {};
    for (const criterion of plan.criteria) scores[criterion.id] = criterion.computed ? computed[criterion.id]! : measure.scores[criterion.id]!;
    return { id: measure.id, scores };
  });
  return prioritise(
    plan.criteria.map(({ id, name, direction, weight }) => ({ id, name, direction, weight })),
    alternatives,
    plan.prioritisation,
  );
}

/** Models the solver could not solve: the search went on without them, so its answer is stated as possibly wrong. */
function solverErrorStatements(errors: readonly string[]): Assumption[] {
  if (errors.length === 0) return [];
  return [
    {
      code: 'solver-error',
      text: {
        en: `the solver could not solve ${errors.length} of the models (${errors[0]}): the portfolio may not be the cheapest, or one may exist where none was found; check the plan for figures far outside any city`,
        zh: `求解器有 ${errors.length} 个模型未能求解（${errors[0]}）：所得组合未必成本最低，或实际存在可行组合而未找到；请检查方案中是否有远超常理的数值`,
      },
    },
  ];
}

/** What the solver's answer rests on, for people: proven, and under which premise, or the best found. */
function solutionStatement(solution: PortfolioSolution): Assumption {
  if (solution.limit) return limitStatement(solution, solution.limit.seconds);
  const code = `solution-${solution.method}-${solution.status}`;
  if (solution.method === 'relaxation') {
    return solution.status === 'optimal'
      ? { code, text: { en: 'the portfolio is proven the cheapest, assuming the measures overlap rather than reinforce each other (checked for all measures together and for all but one)', zh: '已证明该组合成本最低，前提是措施之间相互重叠而非相互增强（已对全部措施及逐一去掉一项的组合检验）' } }
      : { code, text: { en: 'no portfolio meets the request: proven assuming the measures overlap rather than reinforce each other', zh: '没有满足要求的组合：在措施相互重叠而非相互增强的前提下得到证明' } };
  }
  if (solution.status === 'optimal') return { code, text: { en: 'the portfolio is proven the cheapest: the measures do not interact and each acts in proportion to its adoption, so the pathway is linear in the adoption levels', zh: '已证明该组合成本最低：措施之间无相互作用且作用与实施程度成正比，路径对实施程度为线性' } };
  if (solution.status === 'feasible') return { code, text: { en: 'the portfolio meets every constraint but is not proven the cheapest: the measures interact, and it is the best found by sequential linearisation from no measure and from every measure at its maximum', zh: '该组合满足全部约束，但未能证明成本最低：措施之间存在相互作用，结果为从“无措施”与“全部措施取上限”两处出发的逐次线性化搜索所得最佳解' } };
  return { code, text: { en: 'no portfolio meeting the request was found by sequential linearisation (a local search: not a proof that none exists)', zh: '逐次线性化搜索未找到满足要求的组合（局部搜索，并非不存在的证明）' } };
}

/** A search a time limit stopped: the best portfolio the pathway confirmed by then, and how far from the cheapest it is proven. */
function limitStatement(solution: PortfolioSolution, seconds: number): Assumption {
  const code = `solution-time-limit-${solution.status}`;
  if (solution.status === 'infeasible') {
    return { code, text: { en: `no portfolio meeting the request was found within the ${seconds} s limit (not a proof that none exists)`, zh: `在 ${seconds} 秒时限内未找到满足要求的组合（并非不存在的证明）` } };
  }
  if (solution.gap === null) {
    return { code, text: { en: `best portfolio found within the ${seconds} s limit; not proven how far it is from the cheapest`, zh: `${seconds} 秒时限内找到的最佳组合；未能证明其与最低成本的差距` } };
  }
  const percent = formatGap(solution.gap);
  return { code, text: { en: `best portfolio found within the ${seconds} s limit; proven within ${percent} % of the cheapest`, zh: `${seconds} 秒时限内找到的最佳组合；已证明与最低成本相差不超过 ${percent}%` } };
}

/** A relative gap as a percentage with two significant digits, never rounded down ("3.2", "0.011"). */
function formatGap(gap: number): string {
  const percent = gap * 100;
  if (percent === 0) return '0';
  const digits = Math.max(0, 1 - Math.floor(Math.log10(Math.abs(percent))));
  const factor = 10 ** digits;
  return (Math.ceil(percent * factor) / factor).toFixed(digits);
}
