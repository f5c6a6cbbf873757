import { isIsoDate, MAX_MONTE_CARLO_RUNS, type DocumentIssue, type Engine } from '@peakpath/core';
import type { ReportProblem } from './problems.ts';
import type { AssembleOptions, Provenance, ReportInput, ReportInventory, ReportPathway, ReportPlan, ReportSources, SourceDocument, TrackingInput } from './types.ts';

export const DEFAULT_RUNS = 1_000;
export const DEFAULT_SEED = 1;

export type AssembleResult = { readonly ok: true; readonly value: ReportInput } | { readonly ok: false; readonly problems: readonly ReportProblem[] };

const provenance = ({ kind, id, name, version, hash }: SourceDocument | Provenance): Provenance => ({ kind, id, name, version, hash });
const issues = (list: readonly DocumentIssue[]): ReportProblem[] => list.map((issue) => ({ kind: 'issue', issue }));

/**
 * Runs the engine over a city's documents for the report of `options.year`: every inventory up to that
 * year (BASIC, BASIC+ and China's official quantities, which the inventory result carries), the pathway's
 * scenarios with Monte Carlo (`runs`, `seed`), the plan. Every result keeps the provenance of the
 * document version it was computed from. Bad documents come back as every problem at once, never a throw.
 */
export async function assembleReport(engine: Engine, sources: ReportSources, options: AssembleOptions): Promise<AssembleResult> {
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? DEFAULT_SEED;
  const problems: ReportProblem[] = [];
  if (!Number.isInteger(options.year) || options.year < 1900 || options.year > 2100) problems.push({ kind: 'bad-option', option: 'year', got: options.year });
  if (!Number.isInteger(runs) || runs < 0 || runs > MAX_MONTE_CARLO_RUNS) problems.push({ kind: 'bad-option', option: 'runs', got: runs });
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) problems.push({ kind: 'bad-option', option: 'seed', got: seed });
  if (sources.trackingDocument && (options.asOf === undefined || !isIsoDate(options.asOf))) problems.push({ kind: 'bad-date', option: 'asOf', got: options.asOf });
  if (problems.length > 0) return { ok: false, problems };

  const warnings: DocumentIssue[] = [];
  const inventories: ReportInventory[] = [];
  for (const document of sources.inventories) {
    const run = engine.inventory(document.body, { id: document.id });
    if (!run.ok) problems.push(...issues(run.issues));
    else {
      warnings.push(...run.warnings);
      inventories.push({ source: provenance(document), result: run.value });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const years = [...new Set(inventories.map((inventory) => inventory.result.year))].sort((a, b) => a - b);
  for (const year of years) {
    const same = inventories.filter((inventory) => inventory.result.year === year);
    if (same.length > 1) problems.push({ kind: 'duplicate-year', year, documents: same.map((inventory) => inventory.source.id) });
  }
  const upToYear = inventories.filter((inventory) => inventory.result.year <= options.year).sort((a, b) => a.result.year - b.result.year);
  const latest = upToYear.at(-1);
  if (!latest) problems.push({ kind: 'no-inventory', year: options.year, years });
  if (sources.plan && !sources.pathway) problems.push({ kind: 'plan-without-pathway', plan: sources.plan.id });
  if (problems.length > 0 || !latest) return { ok: false, problems };

  let pathway: ReportPathway | undefined;
  if (sources.pathway) {
    const pathwaySource = sources.pathway;
    const base = sources.inventories.find((inventory) => inventory.id === pathwaySource.inventory);
    if (!base) return { ok: false, problems: [{ kind: 'unknown-base-inventory', pathway: pathwaySource.id, inventory: pathwaySource.inventory }] };
    const compiled = engine.compilePathway({ pathway: pathwaySource.body, inventory: base.body }, { pathway: pathwaySource.id, inventory: base.id });
    if (!compiled.ok) return { ok: false, problems: issues(compiled.issues) };
    warnings.push(...compiled.warnings.filter((warning) => warning.document.kind !== 'inventory'));
    const detail = engine.scenario(compiled.value, options.scenario);
    if (!detail.ok) return { ok: false, problems: issues(detail.issues) };
    const comparison = compiled.value.scenarios.map((scenario) => {
      const result = scenario.id === detail.value.scenario.id ? detail : engine.scenario(compiled.value, scenario.id);
      // Every scenario id comes from the pathway itself, so none is unknown.
      if (!result.ok) throw new Error(`scenario ${scenario.id} of a compiled pathway did not run`);
      return result.value;
    });
    let monteCarlo;
    if (runs > 0) {
      const mc = await engine.monteCarlo(compiled.value, { scenario: detail.value.scenario.id, runs, seed, runner: options.runner });
      if (!mc.ok) return { ok: false, problems: issues(mc.issues) };
      monteCarlo = mc.value;
    }
    pathway = { source: provenance(pathwaySource), baseInventory: provenance(base), result: detail.value, comparison, monteCarlo };
  }

  let plan: ReportPlan | undefined;
  if (sources.plan && sources.pathway) {
    const base = sources.inventories.find((inventory) => inventory.id === sources.pathway?.inventory)!;
    const compiled = engine.compilePlan({ plan: sources.plan.body, pathway: sources.pathway.body, inventory: base.body }, { plan: sources.plan.id, pathway: sources.pathway.id, inventory: base.id });
    if (!compiled.ok) return { ok: false, problems: issues(compiled.issues) };
    const run = await engine.runPlan(compiled.value);
    if (!run.ok) return { ok: false, problems: issues(run.issues) };
    plan = { source: provenance(sources.plan), result: run.value };
  }

  let tracking = sources.tracking;
  if (sources.trackingDocument) {
    const computed = trackingInput(engine, sources.trackingDocument, sources.plan, options.asOf!);
    if (!computed.ok) return { ok: false, problems: issues(computed.issues) };
    warnings.push(...computed.warnings);
    tracking = computed.value;
  }

  const entity = latest.result.entity;
  const sourcesUsed: Provenance[] = [
    ...upToYear.map((inventory) => inventory.source),
    ...(pathway && !upToYear.some((inventory) => inventory.source.id === pathway.baseInventory.id) ? [pathway.baseInventory] : []),
    ...(pathway ? [pathway.source] : []),
    ...(plan ? [plan.source] : []),
    ...(tracking?.source ? [tracking.source] : []),
  ];
  return {
    ok: true,
    value: {
      year: options.year,
      city: { en: entity.name, zh: entity.nameZh ?? entity.name },
      sources: sourcesUsed,
      inventories: upToYear,
      inventory: latest,
      pathway,
      plan,
      tracking,
      warnings: dedupe(warnings),
    },
  };
}

/**
 * A tracking document computed at `asOf` through the engine (`compileTracking`): its actions' measures checked
 * against the plan's measures and the catalogue's, as `peakpath track` checks them.
 */
function trackingInput(engine: Engine, document: SourceDocument, plan: SourceDocument | undefined, asOf: string): { ok: true; value: TrackingInput; warnings: DocumentIssue[] } | { ok: false; issues: DocumentIssue[] } {
  const run = engine.compileTracking({ tracking: document.body, plan: plan?.body }, { id: document.id, planId: plan?.id, asOf });
  if (!run.ok) return { ok: false, issues: [...run.issues] };
  return { ok: true, value: { tracking: run.value.tracking, result: run.value.result, source: provenance(document) }, warnings: [...run.warnings] };
}

/** The same warning reached through two documents (an inventory read for itself and as a pathway's base) is listed once. */
function dedupe(warnings: readonly DocumentIssue[]): DocumentIssue[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = JSON.stringify(warning);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
