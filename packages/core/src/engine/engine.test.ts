/**
 * The engine surface on documents held in memory (no file system): each entry point's result, every
 * document's bad input named with its document and path, resolvers that fail, cancellation, progress.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { highsSolver } from '../../../../test/support/highs.ts';
import { ROOT } from '../../../../test/support/cli.ts';
import type { LpSolver } from '../plan/lp.ts';
import type { OptimiseProgress } from '../plan/optimise.ts';
import { Cancelled } from '../control/cancel.ts';
import { documentMap, type DocumentIssue, type DocumentResolver } from './documents.ts';
import { formatIssue } from '../issues/messages.ts';
import { createEngine, inThisThread, type MonteCarloRunner } from './engine.ts';

const demo = (name: string): Record<string, unknown> => parse(readFileSync(join(ROOT, 'examples', 'demo-city', name), 'utf8')) as Record<string, unknown>;
const INVENTORY = demo('inventory.yaml');
const PATHWAY = demo('pathway.yaml');
const PLAN = demo('plan.yaml');
/** The demo's documents under the names its files use for each other. */
const DOCUMENTS = { 'inventory.yaml': INVENTORY, 'pathway.yaml': PATHWAY };

let solver: LpSolver;
beforeAll(async () => {
  solver = await highsSolver();
});

const engineWith = (resolve: DocumentResolver = documentMap(DOCUMENTS)) => createEngine({ resolve, solver });
/** Each issue as [document kind, document id, path, code]: what a caller needs to point at the problem. */
const where = (issues: readonly DocumentIssue[]) => issues.map((issue) => [issue.document.kind, issue.document.id, issue.path.join('.'), issue.code]);

describe('results on in-memory documents', () => {
  it('inventory: the totals of the demo city', () => {
    const run = createEngine().inventory(INVENTORY, { id: 'demo' });
    expect(run.ok && run.value.totals.basic).toBeCloseTo(35_522_460, 0);
  });

  it('pathway: the default scenario in detail and every scenario for comparison, the inventory found through the resolver', async () => {
    const run = await engineWith().pathway(PATHWAY, { id: 'pathway.yaml' });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.value.result.scenario.id).toBe(PATHWAY['default']);
    expect(run.value.comparison.map((result) => result.scenario.id)).toEqual(Object.keys(PATHWAY['scenarios'] as object));
    expect(run.value.result.total[0]).toBeCloseTo(35_522_460, 0);
  });

  it('the resolver is asked for the reference as written, from the document that names it', async () => {
    const asked: unknown[] = [];
    const resolve: DocumentResolver = async (request) => {
      asked.push(request);
      return documentMap(DOCUMENTS)(request);
    };
    const loaded = await engineWith(resolve).loadPlan(PLAN, { id: 'plan.yaml' });
    expect(loaded.ok).toBe(true);
    expect(asked).toEqual([
      { kind: 'pathway', reference: 'pathway.yaml', from: { kind: 'plan', id: 'plan.yaml' } },
      { kind: 'inventory', reference: 'inventory.yaml', from: { kind: 'pathway', id: 'pathway.yaml' } },
    ]);
  });

  it('plan: the same portfolio as the CLI prints (test/golden/plan.json), with the MACC', async () => {
    const run = await engineWith().plan(PLAN, { id: 'plan.yaml' });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    const recorded = JSON.parse(readFileSync(join(ROOT, 'test', 'golden', 'plan.json'), 'utf8')) as { totalCost: number; portfolio: { action: string }[] };
    expect(run.value.totalCost).toBeCloseTo(recorded.totalCost, 0);
    expect(run.value.portfolio.map((entry) => entry.action)).toEqual(recorded.portfolio.map((entry) => entry.action));
    const loaded = await engineWith().loadPlan(PLAN);
    if (!loaded.ok) throw new Error('demo plan');
    const macc = engineWith().macc(loaded.value);
    expect(macc.ok && macc.value.entries.map((entry) => entry.id).sort()).toEqual(Object.keys(PLAN['measures'] as object).sort());
    expect(macc.ok && macc.value.entries).toEqual(run.value.macc.entries);
  });

  it('Monte Carlo: the same summary in this thread and on a runner of 3 lanes, and with any block order', async () => {
    const engine = engineWith();
    const loaded = await engine.loadPathway(PATHWAY, { id: 'pathway.yaml' });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const here = await engine.monteCarlo(loaded.value, { scenario: 'policy', runs: 1500, seed: 7, runner: inThisThread });
    // A runner that answers its blocks out of order, three at a time.
    let delay = 3;
    const shuffled: MonteCarloRunner = { concurrency: 3, run: async (task) => { for (let i = 0; i < (delay = (delay * 7) % 11); i++) await Promise.resolve(); return inThisThread.run(task); } };
    const lanes = await engine.monteCarlo(loaded.value, { scenario: 'policy', runs: 1500, seed: 7, runner: shuffled });
    expect(here.ok && lanes.ok).toBe(true);
    expect(lanes).toEqual(here);
    expect(here.ok && here.value.runs).toBe(1500);
  });
});

describe('bad input: issues that name their document and path, never a throw', () => {
  // Found by the fuzzer (test/fuzz): each said in words a city officer reads, at a place that is in the file.
  it('a missing object is required, not "expected object, got undefined"', () => {
    const actions = PATHWAY['actions'] as Record<string, Record<string, unknown>>;
    const { adoption: _dropped, ...action } = actions['coal-to-gas']!;
    const run = createEngine().compilePathway({ pathway: { ...PATHWAY, actions: { ...actions, 'coal-to-gas': action } }, inventory: INVENTORY });
    expect(!run.ok && run.issues.filter((issue) => issue.path[0] === 'actions').map(({ path, code }) => [path.join('.'), code])).toEqual([['actions.coal-to-gas.adoption', 'required']]);
  });

  it('a sector whose `gpc` is one string: its problem at `gpc`, not at gpc[0], which is not in the file', () => {
    const sectors = PATHWAY['sectors'] as Record<string, Record<string, unknown>>;
    const [id, sector] = Object.entries(sectors)[0]!;
    const run = createEngine().compilePathway({ pathway: { ...PATHWAY, sectors: { ...sectors, [id]: { ...sector, gpc: 'IX.9' } } }, inventory: INVENTORY });
    expect(!run.ok && run.issues.filter((issue) => issue.code === 'unknown-gpc').map((issue) => issue.path.join('.'))).toEqual([`sectors.${id}.gpc`]);
  });

  it('a measure whose figures, each valid, overflow the pathway is an overflow at the measure, not an LP of NaN (fuzz seed 2027, plan:183)', () => {
    const catalogue = PLAN['catalogue'] as { sources: unknown[]; measures: Record<string, unknown>[] };
    const entry = catalogue.measures[0]!;
    const [lever, ...others] = entry['levers'] as Record<string, Record<string, unknown>>[];
    const huge = { ...lever!, ratio: { ...lever!['ratio'], value: 1.7976931348623157e308 } };
    const plan = { ...PLAN, catalogue: { ...catalogue, measures: [{ ...entry, levers: [huge, ...others] }] } };
    const run = createEngine().compilePlan({ plan, pathway: PATHWAY, inventory: INVENTORY });
    const users = Object.entries(PLAN['measures'] as Record<string, { catalogue?: string }>).filter(([, measure]) => measure.catalogue === entry['id']).map(([id]) => `measures.${id}`);
    expect(users.length).toBeGreaterThan(0);
    expect(!run.ok && run.issues.map(({ path, code }) => [path.join('.'), code])).toEqual(users.map((path) => [path, 'overflow']));
  });

  it('a model HiGHS cannot read (a ratio of 2^53) is an answer stated as possibly wrong, not a crash (fuzz seed 2026, plan:835)', async () => {
    const catalogue = PLAN['catalogue'] as { sources: unknown[]; measures: Record<string, unknown>[] };
    const entry = catalogue.measures[0]!;
    const [lever, ...others] = entry['levers'] as Record<string, Record<string, unknown>>[];
    const huge = { ...lever!, ratio: { ...lever!['ratio'], value: 2 ** 53 } };
    const plan = { ...PLAN, catalogue: { ...catalogue, measures: [{ ...entry, levers: [huge, ...others] }] } };
    const run = await engineWith().plan(plan, { id: 'plan.yaml' });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    const statement = run.value.assumptions.find((assumption) => assumption.code === 'solver-error');
    expect(statement?.text.en).toMatch(/^the solver could not solve \d+ of the models \(the solver could not read the model: /);
    expect(statement?.text.zh).toMatch(/^求解器有 \d+ 个模型未能求解/);
  });

  it("a plan's own catalogue entry missing a field: `required` at the field, not zod's English text", () => {
    const catalogue = PLAN['catalogue'] as { sources: unknown[]; measures: Record<string, Record<string, unknown>>[] };
    const entry = catalogue.measures[0]!;
    const { source: _dropped, ...capex } = entry['capex']!;
    const plan = { ...PLAN, catalogue: { ...catalogue, measures: [{ ...entry, capex }] } };
    const run = createEngine().compilePlan({ plan, pathway: PATHWAY, inventory: INVENTORY });
    expect(!run.ok && run.issues.map(({ path, code }) => [path.join('.'), code])).toEqual([['catalogue.measures.0.capex.source', 'required']]);
  });

  it('an inventory document with problems', () => {
    const run = createEngine().inventory({ ...INVENTORY, year: 'last year' }, { id: 'city.yaml' });
    expect(run.ok).toBe(false);
    expect(!run.ok && where(run.issues)).toEqual([['inventory', 'city.yaml', 'year', 'type']]);
  });

  it("the inventory a pathway names has problems: they are the inventory's, under its id", async () => {
    const run = await engineWith(documentMap({ 'inventory.yaml': { ...INVENTORY, populaton: 1 } })).pathway(PATHWAY, { id: 'pathway.yaml' });
    expect(!run.ok && where(run.issues)).toEqual([['inventory', 'inventory.yaml', 'populaton', 'unknown-field']]);
  });

  it("a pathway document's problems are the pathway's", async () => {
    const run = await engineWith().pathway({ ...PATHWAY, endYaer: 2050 }, { id: 'pathway.yaml' });
    expect(!run.ok && where(run.issues)).toEqual([['pathway', 'pathway.yaml', 'endYaer', 'unknown-field']]);
  });

  it("a plan's problems and its pathway's come back together, each under its document", async () => {
    const pathway = { ...PATHWAY, endYaer: 2050 };
    const run = await engineWith(documentMap({ ...DOCUMENTS, 'pathway.yaml': pathway })).plan({ ...PLAN, discountRatee: 0.08 }, { id: 'plan.yaml' });
    expect(!run.ok && where(run.issues)).toEqual([
      ['plan', 'plan.yaml', 'discountRatee', 'unknown-field'],
      ['pathway', 'pathway.yaml', 'endYaer', 'unknown-field'],
    ]);
  });

  it('a document that is not an object', async () => {
    const inventory = createEngine().inventory([1, 2]);
    expect(!inventory.ok && where(inventory.issues)).toEqual([['inventory', 'inventory', '', 'not-a-document']]);
    const pathway = await engineWith().pathway('hello', { id: 'p' });
    expect(!pathway.ok && pathway.issues).toEqual([{ document: { kind: 'pathway', id: 'p' }, path: [], code: 'not-a-document', kind: 'pathway', got: 'string' }]);
    const plan = await engineWith().plan([PLAN], { id: 'q' });
    expect(!plan.ok && plan.issues).toEqual([{ document: { kind: 'plan', id: 'q' }, path: [], code: 'not-a-document', kind: 'plan', got: 'array' }]);
    const planOfList = await engineWith(documentMap({ 'pathway.yaml': null })).plan(PLAN, { id: 'q' });
    expect(!planOfList.ok && where(planOfList.issues)).toEqual([['pathway', 'pathway.yaml', '', 'not-a-document']]);
  });

  it('an unknown scenario, with the nearest id', async () => {
    const run = await engineWith().pathway(PATHWAY, { scenario: 'polcy' });
    expect(!run.ok && run.issues).toEqual([{ document: { kind: 'request', id: 'scenario' }, path: ['scenario'], code: 'unknown-reference', kind: 'scenario', got: 'polcy', suggestion: 'policy' }]);
  });

  it('Monte Carlo runs and seed out of range, all at once', async () => {
    const engine = engineWith();
    const loaded = await engine.loadPathway(PATHWAY);
    if (!loaded.ok) throw new Error('demo pathway');
    const run = await engine.monteCarlo(loaded.value, { runs: 0, seed: -1, scenario: 'nope' });
    expect(!run.ok && where(run.issues)).toEqual([
      ['request', 'scenario', 'scenario', 'unknown-reference'],
      ['request', 'monteCarlo', 'runs', 'out-of-range'],
      ['request', 'monteCarlo', 'seed', 'out-of-range'],
    ]);
  });

  it('a plan without a solver is a request problem, not a crash', async () => {
    const run = await createEngine({ resolve: documentMap(DOCUMENTS) }).plan(PLAN);
    expect(!run.ok && where(run.issues)).toEqual([['request', 'plan', 'solver', 'required']]);
  });
});

describe('references between documents', () => {
  it('a missing reference: the document names none', async () => {
    const { inventory: _none, ...pathway } = PATHWAY;
    const run = await engineWith().pathway(pathway, { id: 'p.yaml' });
    expect(!run.ok && run.issues).toEqual([{ document: { kind: 'pathway', id: 'p.yaml' }, path: ['inventory'], code: 'missing-reference', kind: 'inventory' }]);
  });

  it('a reference that is not a string', async () => {
    const run = await engineWith().plan({ ...PLAN, pathway: 42 }, { id: 'plan.yaml' });
    expect(!run.ok && run.issues).toEqual([{ document: { kind: 'plan', id: 'plan.yaml' }, path: ['pathway'], code: 'type', expected: 'string', got: 'number' }]);
  });

  it('a resolver that fails: the reference, the document that names it and the reason', async () => {
    const run = await engineWith(documentMap({})).pathway(PATHWAY, { id: 'pathway.yaml' });
    expect(!run.ok && run.issues).toEqual([
      { document: { kind: 'pathway', id: 'pathway.yaml' }, path: ['inventory'], code: 'unresolved-reference', kind: 'inventory', reference: 'inventory.yaml', reason: { en: 'no such document', zh: '没有该文件' } },
    ]);
  });

  it("names a pathway's missing inventory as its base-year inventory, a cluster member's as the member's inventory", async () => {
    const pathway = await engineWith(documentMap({})).pathway(PATHWAY, { id: 'pathway.yaml' });
    expect(!pathway.ok && pathway.issues.map((issue) => [formatIssue(issue, 'en'), formatIssue(issue, 'zh')])).toEqual([
      ['inventory: cannot get the base-year inventory "inventory.yaml": no such document', 'inventory：无法取得基年清单 "inventory.yaml"：没有该文件'],
    ]);
    const cluster = await engineWith(documentMap({})).cluster({ name: 'C', members: { a: { inventory: 'a.yaml' } } }, { id: 'cluster.yaml' });
    expect(!cluster.ok && cluster.issues.map((issue) => [formatIssue(issue, 'en'), formatIssue(issue, 'zh')])).toEqual([
      ['members.a.inventory: cannot get the member\'s inventory "a.yaml": no such document', 'members.a.inventory：无法取得成员清单 "a.yaml"：没有该文件'],
    ]);
  });

  it('a resolver that throws is a failed resolution with its message, not a crash', async () => {
    const run = await engineWith(async () => {
      throw new Error('the store is offline');
    }).plan(PLAN, { id: 'plan.yaml' });
    expect(!run.ok && run.issues.map((issue) => issue.code === 'unresolved-reference' && issue.reason.en)).toEqual(['the store is offline']);
  });

  it('an engine created without a resolver says so', async () => {
    const run = await createEngine().loadPathway(PATHWAY);
    expect(!run.ok && run.issues.map((issue) => issue.code === 'unresolved-reference' && issue.reason.en)).toEqual(['this engine was created without a document resolver']);
  });
});

describe('a running optimisation: progress, limits, cancellation', () => {
  it('reports progress after every solve, counting up', async () => {
    const seen: OptimiseProgress[] = [];
    const run = await engineWith().plan(PLAN, { progress: (progress) => seen.push(progress) });
    if (!run.ok) throw new Error('demo plan');
    expect(seen.length).toBe(run.value.solution.iterations);
    expect(seen.map((progress) => progress.solves)).toEqual(seen.map((_, i) => i + 1));
    expect(new Set(seen.map((progress) => progress.phase))).toEqual(new Set(['portfolio']));
  });

  it('takes its limits as options: one solve per search', async () => {
    const run = await engineWith().plan(PLAN, { limits: { sequentialSolves: 1 } });
    if (!run.ok) throw new Error('demo plan');
    expect(run.value.solution.iterations).toBeLessThanOrEqual(2);
  });

  it('the solver receives the time limit', async () => {
    const limits: (number | undefined)[] = [];
    const recording: LpSolver = (model, options) => {
      limits.push(options?.timeLimit);
      return solver(model, options);
    };
    const engine = createEngine({ resolve: documentMap(DOCUMENTS), solver: recording });
    await engine.plan(PLAN, { limits: { solverSeconds: 5 } });
    expect(limits.length).toBeGreaterThan(0);
    expect(new Set(limits)).toEqual(new Set([5]));
  });

  it('stops when its signal is aborted: the promise rejects, and no solve follows', async () => {
    const controller = new AbortController();
    let solves = 0;
    const run = engineWith().plan(PLAN, {
      signal: controller.signal,
      progress: (progress) => {
        solves = progress.solves;
        if (progress.solves === 2) controller.abort('the user closed the page');
      },
    });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    await expect(run).rejects.toMatchObject({ name: 'AbortError', reason: 'the user closed the page' });
    expect(solves).toBe(2);
  });

  it('an infeasible request reports its diagnosis phase', async () => {
    const phases = new Set<string>();
    const plan = { ...PLAN, constraints: { ...(PLAN['constraints'] as object), budget: { unit: '万元', perYear: 1 } } };
    const run = await engineWith().plan(plan, { progress: (progress) => phases.add(progress.phase) });
    expect(run.ok && run.value.solution.status).toBe('infeasible');
    expect(phases).toEqual(new Set(['portfolio', 'diagnosis']));
  });

  it('a Monte Carlo analysis stops between blocks when its signal is aborted', async () => {
    const engine = engineWith();
    const loaded = await engine.loadPathway(PATHWAY);
    if (!loaded.ok) throw new Error('demo pathway');
    const controller = new AbortController();
    const done: number[] = [];
    const run = engine.monteCarlo(loaded.value, {
      runs: 5000,
      seed: 1,
      signal: controller.signal,
      progress: (count) => {
        done.push(count);
        controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(done).toEqual([625]);
  });
});
