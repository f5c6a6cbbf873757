import { performance } from 'node:perf_hooks';
import { baseInventory, buildMacc, defaultCatalogue, judgeTarget, targetInputs, parsePlan, PlanEvaluator, PortfolioOptimiser, type Plan, type PortfolioSolution } from '@peakpath/core';
import { highsSolver } from '@peakpath/node';
import { generator } from './generate.ts';
import { median, time } from './measure.ts';
import { generateCityInventory, generateCityPathway } from './pathway-generate.ts';

/**
 * A plan of 50 measures for the generated benchmark city (bench/pathway-generate.ts): the 30
 * pathway actions as measures plus 20 variants of them (other levels and start years, so many
 * overlap), costs drawn with a fixed seed, 13 of them yes/no; constraints: peak by 2027, a cap in
 * 2035 and a yearly budget. The same documents every run.
 */
function generatePlan(allYesNo = false): { pathway: Record<string, unknown>; plan: Record<string, unknown> } {
  const pathway = generateCityPathway();
  const actions = pathway['actions'] as Record<string, Record<string, unknown>>;
  const random = generator(50);
  const measures: Record<string, unknown> = {};
  const ids = Object.keys(actions);
  const entry = (id: string, action: Record<string, unknown>, lumpy: boolean) => ({
    ...action,
    quantity: { value: Math.round(1e5 * (0.5 + random())), unit: 'household' },
    costs: {
      capex: { value: Math.round(200 + 4800 * random()), unit: '元/household', source: 'benchmark (generated)' },
      opex: { value: Math.round(50 * random()), unit: '元/household', source: 'benchmark (generated)' },
      savings: { value: Math.round(150 * random()), unit: '元/household', source: 'benchmark (generated)' },
      lifetime: { value: 10 + Math.round(20 * random()), source: 'benchmark (generated)' },
    },
    ...(lumpy ? { yesNo: true } : {}),
  });
  ids.forEach((id, i) => (measures[`m-${id}`] = entry(id, actions[id]!, allYesNo || i % 5 === 0)));
  ids.slice(0, 20).forEach((id, i) => {
    const action = actions[id]!;
    const adoption = { ...(action['adoption'] as Record<string, unknown>) };
    if (typeof adoption['start'] === 'number') adoption['start'] = (adoption['start'] as number) + 2;
    measures[`v-${id}`] = entry(id, { ...action, adoption }, allYesNo || i % 3 === 0);
  });
  const targets = pathway['targets'] as Record<string, unknown>;
  // BAU peaks in 2030 at 4,652 万t and emits 4,450 万t in 2035; every action together peaks in 2025.
  targets['peak-2027'] = { type: 'peak', by: 2027 };
  targets['cap-2035'] = { type: 'cap', year: 2035, value: 3700, unit: '万tCO2e' };
  targets['cap-2045'] = { type: 'cap', year: 2045, value: 2700, unit: '万tCO2e' };
  return {
    pathway: { ...pathway, actions: {}, scenarios: { bau: { actions: [] } }, default: 'bau', uncertainty: {} },
    plan: {
      discountRate: '6%',
      maccYear: 2030,
      baseline: 'bau',
      basis: 'basic',
      priceYear: 2022,
      measures,
      // Yes/no only, with caps (no peak): the relaxation-and-cut method, whose solves grow with the overlaps it must refute.
      constraints: allYesNo ? { targets: ['cap-2035', 'cap-2045'] } : { targets: ['peak-2027', 'cap-2035'], budget: { unit: '亿元', perYear: 60 } },
    },
  };
}

/**
 * The straightforward way a spreadsheet does it: take measures in MACC order, each at its maximum,
 * until the targets are met (no budget, no partial adoption). Its cost is what the optimiser is
 * compared with; its time, what the optimiser's time is compared with.
 */
function greedy(plan: Plan, evaluator: PlanEvaluator, order: readonly string[]): { x: Float64Array; cost: number; met: boolean } {
  const x = new Float64Array(plan.measures.length);
  const meets = (): boolean => {
    const ws = evaluator.evaluate(x);
    const inputs = targetInputs(ws);
    return plan.targets.every((target) => judgeTarget(target, inputs, evaluator.params).met);
  };
  for (const id of order) {
    if (meets()) break;
    const m = plan.measures.findIndex((measure) => measure.id === id);
    x[m] = plan.measures[m]!.max;
  }
  return { x, cost: evaluator.cost(x), met: meets() };
}

export async function benchPlan(repeats = 7): Promise<void> {
  await benchOne(repeats, false);
  await benchOne(repeats, true);
}

async function benchOne(repeats: number, allYesNo: boolean): Promise<void> {
  const { pathway, plan: planDocument } = generatePlan(allYesNo);
  const base = baseInventory(generateCityInventory());
  if (!base.ok) throw new Error('benchmark inventory invalid');
  const parsed = time(() => parsePlan(planDocument, pathway, base.base, defaultCatalogue()));
  if (!parsed.value.ok) throw new Error(`benchmark plan invalid: ${JSON.stringify(parsed.value).slice(0, 2000)}`);
  const plan = parsed.value.plan;
  const loadStart = performance.now();
  const solver = await highsSolver();
  const loadSolver = { ms: performance.now() - loadStart };
  const lumpy = plan.measures.filter((measure) => measure.yesNo).length;
  const constraints = allYesNo ? 'caps in 2035 and 2045' : 'peak by 2027, cap 2035, yearly budget';
  console.log(`plan: ${plan.measures.length} measures (${lumpy} yes/no) on ${plan.pathway.model.lines.count} lines, ${plan.pathway.model.baseYear}–${plan.pathway.model.endYear}; ${constraints}; median of ${repeats}`);

  const evaluatorTimes: number[] = [];
  const maccTimes: number[] = [];
  const solveTimes: number[] = [];
  const greedyTimes: number[] = [];
  let solution: PortfolioSolution | undefined;
  let heuristic: ReturnType<typeof greedy> | undefined;
  let calls = 0;
  for (let r = 0; r < repeats + 1; r++) {
    const built = time(() => new PlanEvaluator(plan));
    const evaluator = built.value;
    const macc = time(() => buildMacc(evaluator));
    const optimiser = new PortfolioOptimiser(evaluator, solver);
    const solveStart = performance.now();
    const solved = { value: await optimiser.solve(), ms: 0 };
    solved.ms = performance.now() - solveStart;
    const order = macc.value.entries.map((entry) => entry.id);
    const baseline = time(() => greedy(plan, evaluator, order));
    if (r === 0) continue; // warm-up
    evaluatorTimes.push(built.ms);
    maccTimes.push(macc.ms);
    solveTimes.push(solved.ms);
    greedyTimes.push(baseline.ms);
    solution = solved.value;
    heuristic = baseline.value;
    calls = optimiser.calls;
  }
  const row = (label: string, ms: number, note = ''): void => console.log(`  ${label.padEnd(52)} ${(ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(9)} ms  ${note}`);
  row('parse the plan (50 measures into the pathway)', parsed.ms);
  row('load HiGHS (once per process)', loadSolver.ms);
  row('costs and adoption curves (PlanEvaluator)', median(evaluatorTimes));
  row('MACC, merit order through the pathway', median(maccTimes), `${(plan.measures.length * (plan.measures.length + 1)) / 2 + 1} evaluations`);
  row('least-cost portfolio (optimise)', median(solveTimes), `${solution!.status}, ${solution!.method}, ${calls} LP/MIP solves; target ≤ 1,000 ms`);
  row('baseline: greedy in MACC order until targets met', median(greedyTimes), heuristic!.met ? 'meets the targets' : 'does not meet the targets');
  if (allYesNo) return void summary(solution!, heuristic!, solveTimes, greedyTimes, false);
  summary(solution!, heuristic!, solveTimes, greedyTimes, true);
}

function summary(solution: PortfolioSolution, heuristic: ReturnType<typeof greedy>, solveTimes: number[], greedyTimes: number[], budget: boolean): void {
  const chosen = Array.from(solution.x).filter((value) => value > 0).length;
  console.log(`  portfolio: ${chosen} measures, net present cost ${(solution.cost / 1e8).toFixed(2)} 亿元; greedy: ${Array.from(heuristic.x).filter((v) => v > 0).length} measures, ${(heuristic.cost / 1e8).toFixed(2)} 亿元${budget ? ' (ignores the budget)' : ''}`);
  console.log(`  ratio: optimiser cost / greedy cost ${(solution.cost / heuristic.cost).toFixed(3)}; optimiser time / greedy time ${(median(solveTimes) / median(greedyTimes)).toFixed(1)}×`);
}
