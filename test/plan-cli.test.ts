/**
 * `peakpath plan` as users run it: a child process on the demo city's plan, and on copies of it in a
 * temporary directory that ask for the impossible or are broken.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peakpath as cli } from './support/cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO = join('examples', 'demo-city', 'plan.yaml');
const DEMO_PATHWAY = join('examples', 'demo-city', 'pathway.yaml');

type Fields = Record<string, unknown>;
type Series = { SO2: number[]; NOx: number[]; 'PM2.5': number[] };
interface PlanJson {
  constraints: { targets: string[] };
  solution: { status: 'optimal' | 'feasible' | 'infeasible' };
  portfolio: { action: string; adoption: number; cost: number; abatement: number; yesNo: boolean }[];
  totalCost: number;
  pathway: Record<string, unknown> & { years: number[]; total: number[]; peak: { year: number | null; value: number | null }; targets: { id: string; met: boolean; gap: (number | null)[] }[]; comparison: Fields[] };
  macc: { entries: { id: string; costPerTonne: number | null; abatement: number; runningAbatement: number; horizonAbatement: number }[]; totalAbatement: number };
  airPollutants: { unit: string; baseline: Series; portfolio: Series; avoided: Series };
  prioritisation: { ranking: { id: string; rank: number; score: number }[] };
  infeasible?: { conflicting: string[]; reachable: Fields[] };
}

let dir: string;
let demo: ReturnType<typeof peakpath>;
let result: PlanJson;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakpath-plan-'));
  copyFileSync(join(ROOT, 'examples', 'demo-city', 'inventory.yaml'), join(dir, 'inventory.yaml'));
  demo = peakpath('plan', DEMO, '--json');
  result = JSON.parse(demo.stdout) as PlanJson;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const demoPlan = (): Fields => parse(readFileSync(join(ROOT, DEMO), 'utf8')) as Fields;

/** A copy of the demo plan in the temporary directory, its `pathway` the demo's (absolute), changed by `change`. */
function planWith(change: (document: Fields) => void, name: string): string {
  const document = demoPlan();
  document['pathway'] = join(ROOT, DEMO_PATHWAY);
  change(document);
  const file = join(dir, name);
  writeFileSync(file, stringify(document));
  return file;
}

const relativeGap = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1);

describe('peakpath plan --json on the demo city', () => {
  it('exits 0 with nothing on stderr', () => {
    expect(demo.status).toBe(0);
    expect(demo.stderr).toBe('');
  });

  it('the portfolio: numbers, adoption within each measure’s limits, its total cost the sum of its costs', () => {
    const measures = demoPlan()['measures'] as Record<string, { limits?: { min?: number; max?: number }; yesNo?: boolean }>;
    expect(result.portfolio.length).toBeGreaterThan(0);
    for (const entry of result.portfolio) {
      const planned = measures[entry.action];
      expect(planned, entry.action).toBeDefined();
      for (const key of ['adoption', 'cost', 'abatement'] as const) expect(Number.isFinite(entry[key]), `${entry.action}.${key}`).toBe(true);
      const min = planned!.limits?.min ?? 0;
      const max = planned!.limits?.max ?? 1;
      expect(entry.adoption, entry.action).toBeGreaterThan(0);
      expect(entry.adoption, entry.action).toBeGreaterThanOrEqual(min - 1e-9);
      expect(entry.adoption, entry.action).toBeLessThanOrEqual(max + 1e-9);
      if (planned!.yesNo) expect(entry.adoption, `${entry.action} is yes/no`).toBeCloseTo(max, 9);
    }
    const sum = result.portfolio.reduce((total, entry) => total + entry.cost, 0);
    expect(relativeGap(result.totalCost, sum), `${result.totalCost} vs ${sum}`).toBeLessThan(1e-9);
  });

  it('the pathway has the keys `peakpath pathway --json` prints for a scenario, and meets the constraint targets', () => {
    const pathwayRun = peakpath('pathway', DEMO_PATHWAY, '--json');
    expect(pathwayRun.status).toBe(0);
    const alone = JSON.parse(pathwayRun.stdout) as Fields & { comparison: Fields[] };
    // `warnings` belong to a run, at the top of each command's JSON (the plan's own are at its top), not to a scenario.
    expect(Object.keys(result.pathway).sort()).toEqual(Object.keys(alone).filter((key) => key !== 'warnings').sort());
    expect(alone['warnings']).toEqual([]);
    expect(result.pathway.comparison.map((entry) => Object.keys(entry).sort())).toEqual([Object.keys(alone.comparison[0]!).sort(), Object.keys(alone.comparison[0]!).sort()]);
    const years = result.pathway.years.length;
    expect(result.pathway.total).toHaveLength(years);
    expect(result.pathway.peak.year === null || result.pathway.total[result.pathway.peak.year - result.pathway.years[0]!] === result.pathway.peak.value).toBe(true);
    expect(result.constraints.targets).toEqual(['peak-2030', 'cap-2035']);
    expect(result.solution.status).not.toBe('infeasible');
    for (const id of result.constraints.targets) expect(result.pathway.targets.find((target) => target.id === id)?.met, id).toBe(true);
    for (const target of result.pathway.targets) expect(target.gap).toHaveLength(years);
  });

  it('the MACC in merit order (cost per tonne ascending, none last), its abatement the sum of its entries', () => {
    const costs = result.macc.entries.map((entry) => entry.costPerTonne);
    const known = costs.filter((cost): cost is number => cost !== null);
    expect(costs.slice(0, known.length)).toEqual(known);
    for (let i = 1; i < known.length; i++) expect(known[i]!).toBeGreaterThanOrEqual(known[i - 1]!);
    expect(result.macc.entries.map((entry) => entry.id).sort()).toEqual(Object.keys(demoPlan()['measures'] as Fields).sort());
    const sum = result.macc.entries.reduce((total, entry) => total + entry.abatement, 0);
    expect(relativeGap(result.macc.totalAbatement, sum)).toBeLessThan(1e-9);
    // runningAbatement: the running total along the merit order; the last is the MACC's total.
    let running = 0;
    for (const entry of result.macc.entries) {
      running += entry.abatement;
      expect(relativeGap(entry.runningAbatement, running), entry.id).toBeLessThan(1e-12);
    }
    expect(relativeGap(result.macc.entries.at(-1)!.runningAbatement, result.macc.totalAbatement)).toBeLessThan(1e-9);
    // horizonAbatement: over the pathway's years, so at least the MACC year's for a measure avoiding tonnes every year.
    for (const entry of result.macc.entries) expect(entry.horizonAbatement, entry.id).toBeGreaterThanOrEqual(entry.abatement);
  });

  it('air pollutants: SO2, NOx and PM2.5 year by year over the pathway, avoided = baseline − portfolio', () => {
    const years = result.pathway.years.length;
    expect(result.airPollutants.unit).toBe('t');
    for (const series of [result.airPollutants.baseline, result.airPollutants.portfolio, result.airPollutants.avoided]) {
      expect(Object.keys(series).sort()).toEqual(['NOx', 'PM2.5', 'SO2']);
      for (const pollutant of ['SO2', 'NOx', 'PM2.5'] as const) {
        expect(series[pollutant]).toHaveLength(years);
        expect(series[pollutant].every(Number.isFinite), pollutant).toBe(true);
      }
    }
    const { baseline, portfolio, avoided } = result.airPollutants;
    expect(avoided.NOx[8]).toBeCloseTo(baseline.NOx[8]! - portfolio.NOx[8]!, 6);
  });

  it('the prioritisation ranks every measure, best first', () => {
    const { ranking } = result.prioritisation;
    expect(ranking.map((entry) => entry.id).sort()).toEqual(Object.keys(demoPlan()['measures'] as Fields).sort());
    expect(ranking[0]!.rank).toBe(1);
    for (const [i, entry] of ranking.entries()) {
      expect(Number.isInteger(entry.rank) && entry.rank >= 1 && entry.rank <= ranking.length, entry.id).toBe(true);
      if (i > 0) {
        expect(entry.rank).toBeGreaterThanOrEqual(ranking[i - 1]!.rank);
        expect(entry.score).toBeLessThanOrEqual(ranking[i - 1]!.score);
      }
    }
  });

  it('has no `infeasible` when a portfolio meets the request', () => {
    expect('infeasible' in result).toBe(false);
  });

  it('gives the same output twice', () => {
    const again = peakpath('plan', DEMO, '--json');
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(demo.stdout);
  });
});

describe('peakpath plan as a table', () => {
  it('prints the portfolio’s measures, the pathway and the MACC', () => {
    const run = peakpath('plan', DEMO);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    // The demo's measures interact (generation and efficiency on the same electricity): not proven the cheapest.
    expect(result.solution.status).toBe('feasible');
    expect(run.stdout).toContain('Least-cost portfolio: meets every constraint, not proven the cheapest');
    expect(run.stdout).toContain('MACC 2030 (merit order; BASIC+ net of removals)');
    expect(run.stdout).toContain('BASIC emissions, 10,000 tCO2e');
    for (const entry of result.portfolio) expect(run.stdout).toContain(`(${entry.action})`);
    const zh = peakpath('plan', DEMO, '--lang', 'zh');
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('2030 年边际减排成本曲线');
    expect(zh.stdout).toContain('最低成本组合：满足全部约束');
    // Chinese units, the method in Chinese, ids in backticks, the total in 亿元 (−4,366,250 万元 in the English table).
    const lines = zh.stdout.split('\n');
    expect(lines[0]).toBe('示例市减排行动方案（示例） — 示例市：措施叠加于“基准情景”（`bau`）；成本以 2022 年人民币计，折现率 8.00%');
    expect(zh.stdout).toContain('（逐次线性化，求解 5 次）');
    expect(zh.stdout).toMatch(/^高效节能货车（`trucks`） +100\.0% +20,364 辆 +-462,375 +325,937$/mu);
    expect(zh.stdout).toMatch(/^陆上风电（中国平原地区，2021年造价）（`onshore-wind`） +100\.0% +800,000 千瓦 /mu);
    expect(lines).toContain('组合净现值成本：-436.63 亿元');
    expect(run.stdout).toContain('Net present cost of the portfolio: -4,366,250 10,000 CNY');
    expect(zh.stdout).toMatch(/^cap-2035（排放总量上限） +✗ +✓$/mu);
    expect(zh.stdout).toMatch(/^co2-per-gdp-fyp（单位GDP强度逐期下降） +✗ +✓$/mu);
    expect(zh.stdout).toContain('电力 0.68 元/千瓦时（来源：“catalogue retail-commercial-industrial: C&I all-in average 2024, 0.60–0.80 (recalled, unverified)”）');
  });
});

describe('a request no portfolio meets', () => {
  it('neutrality by 2060 with these measures: exit 0, the conflicting constraints and what the measures reach', () => {
    const file = planWith((document) => {
      document['constraints'] = { targets: ['neutral-2060'] };
    }, 'neutral.yaml');
    const run = peakpath('plan', file, '--json');
    expect(run.status).toBe(0);
    const infeasible = JSON.parse(run.stdout) as PlanJson;
    expect(infeasible.solution.status).toBe('infeasible');
    expect(infeasible.infeasible?.conflicting).toEqual(['target:neutral-2060']);
    expect(infeasible.infeasible?.reachable).toEqual([expect.objectContaining({ constraint: 'target:neutral-2060', kind: 'neutrality', year: 2060, allowed: 0 })]);
    const table = peakpath('plan', file);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Conflicting constraints: target:neutral-2060');
    expect(table.stdout).toContain('the lowest 2060 emissions the measures reach are');
    const zh = peakpath('plan', file, '--lang', 'zh');
    expect(zh.stdout).toContain('相互冲突的约束：目标 `neutral-2060`');
    expect(zh.stdout).toMatch(/^ {2}目标 `neutral-2060`：措施可使 2060 年排放最低降至 [\d,.]+ 万吨 CO2e（上限 0 吨 CO2e）$/mu);
  });

  it('a budget far too small for the targets: the budget among the conflicting constraints, and the factor it lacks', () => {
    const file = planWith((document) => {
      document['constraints'] = { targets: ['peak-2030', 'cap-2035'], budget: { unit: '亿元', perYear: 1 } };
    }, 'tiny-budget.yaml');
    const run = peakpath('plan', file, '--json');
    expect(run.status).toBe(0);
    const infeasible = (JSON.parse(run.stdout) as PlanJson).infeasible;
    expect(infeasible?.conflicting.length).toBeGreaterThan(0);
    expect(infeasible?.conflicting.every((constraint) => typeof constraint === 'string')).toBe(true);
    expect(infeasible?.conflicting).toContain('budget');
    expect(infeasible?.reachable).toContainEqual(expect.objectContaining({ constraint: 'budget', kind: 'budget' }));
    const table = peakpath('plan', file);
    expect(table.stdout).toContain(`Conflicting constraints: ${infeasible!.conflicting.join(', ')}`);
    expect(table.stdout).toMatch(/budget: the budget would need to be [\d.]+ times as large/);
    const zh = peakpath('plan', file, '--lang', 'zh');
    expect(zh.stdout).toMatch(/^ {2}年度预算：预算需扩大至 [\d.]+ 倍$/mu);
  });
});

describe('bad input: exit 2, every problem on stderr with its path', () => {
  const broken = (): string =>
    planWith((document) => {
      const measures = document['measures'] as Record<string, Fields>;
      measures['trucks']!['catalogue'] = 'efficient-truckz';
      measures['home-insulation']!['sector'] = 'residentail';
      document['maccYear'] = 2070;
      document['discountRatee'] = '8%';
    }, 'broken.yaml');

  it('in English', () => {
    const file = broken();
    const run = peakpath('plan', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}: 4 input problems; nothing computed.`);
    expect(run.stderr).toContain('discountRatee: "discountRatee" is not a known field (did you mean "discountRate"?)');
    expect(run.stderr).toContain('measures.trucks.catalogue: "efficient-truckz" is not a measure of the action catalogue (`peakpath catalogue` lists them) (did you mean "efficient-trucks"?)');
    expect(run.stderr).toContain('measures.home-insulation.sector: "residentail" is not a sector defined in the file (did you mean "residential"?)');
    expect(run.stderr).toContain('maccYear: 2070 is out of range: expected 2023 to 2060');
  });

  it('in Chinese with --lang zh', () => {
    const run = peakpath('plan', broken(), '--lang', 'zh');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('发现 4 处输入问题，未计算。');
    expect(run.stderr).toContain('measures.trucks.catalogue："efficient-truckz" 不是已定义的措施目录中的措施');
    expect(run.stderr).toContain('discountRatee：未知字段 "discountRatee"（是否应为 "discountRate"？）');
  });

  it('a problem of the pathway file is reported against the pathway file', () => {
    const pathway = parse(readFileSync(join(ROOT, DEMO_PATHWAY), 'utf8')) as Fields;
    (pathway['sectors'] as Record<string, Fields>)['road']!['driver'] = 'carz';
    writeFileSync(join(dir, 'pathway.yaml'), stringify(pathway));
    const file = planWith((document) => {
      document['pathway'] = 'pathway.yaml';
    }, 'uses-broken-pathway.yaml');
    const run = peakpath('plan', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${join(dir, 'pathway.yaml')}: 1 input problem; nothing computed.`);
    expect(run.stderr).toContain('sectors.road.driver: "carz" is not a driver defined in the file (did you mean "cars"?)');
    expect(run.stderr).not.toContain(`${file}:`);
  });

  it('a plan without `pathway`: the message in each language', () => {
    const file = planWith((document) => {
      delete document['pathway'];
    }, 'no-pathway.yaml');
    const run = peakpath('plan', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${file}: 1 input problem; nothing computed.\npathway: \`pathway\` is required: the pathway file this one builds on (in a file, its path relative to this file)\n`);
    const zh = peakpath('plan', file, '--lang', 'zh');
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('pathway：缺少 `pathway`：本文件所依据的路径文件');
  });

  it('a pathway that is a folder, or not a path: exit 2 with the file named, not an internal error', () => {
    const folder = planWith((document) => {
      document['pathway'] = dir;
    }, 'folder-pathway.yaml');
    const run = peakpath('plan', folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${dir}: not a file`);
    const number = planWith((document) => {
      document['pathway'] = 5;
    }, 'number-pathway.yaml');
    const typed = peakpath('plan', number);
    expect(typed.status).toBe(2);
    expect(typed.stderr).toContain(`${number}: 1 input problem; nothing computed.\npathway: expected string, got number`);
  });

  it('a file that does not exist', () => {
    const run = peakpath('plan', join(dir, 'nowhere.yaml'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('nowhere.yaml: cannot read the file (ENOENT)');
  });
});

/** `peakpath ARGS` in the repository. */
function peakpath(...args: string[]): ReturnType<typeof cli> {
  return cli(args);
}
