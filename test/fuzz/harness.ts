/**
 * The fuzzer's run: the seed documents of each kind (the demo city's and the tests' small ones), one
 * mutant at a time through the engine in this process (`createEngine`, references by `documentMap`,
 * HiGHS for plans), each checked by properties.ts and timed. Mutant `index` of a kind is rebuilt
 * from (seed, kind, index) alone: `replay` runs just that one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as parseYaml } from 'yaml';
import { createEngine, documentMap, pathwayJson, planJson, type DocumentIssue, type Engine, type LpSolver } from '@peakpath/core';
import { highsSolver, InputFileError, readDocument } from '@peakpath/node';
import { ROOT } from '../support/cli.ts';
import { COAL, GAS, HOME_POWER, INDUSTRY_POWER, inventoryOf, pathwayDoc } from '../support/pathway-documents.ts';
import { base as smallInventory } from '../support/inventory-documents.ts';
import { measure, PLAN_INVENTORY, planDoc, planPathway } from '../support/plan-documents.ts';
import { clone, mutate, type Json } from './mutators.ts';
import { checkEntries, checkFinite, checkIssues, errorText, type Documents, type Violation } from './properties.ts';
import { mutantSeed, random } from './random.ts';
import { mutateText, type TextMutant, type TextOperator } from './text-mutators.ts';

/** A top-level field of a document, if the document is a mapping. */
function field(document: Json | undefined, key: string): Json | undefined {
  return typeof document === 'object' && document !== null && !Array.isArray(document) && Object.hasOwn(document, key) ? document[key] : undefined;
}

export type Kind = 'inventory' | 'pathway' | 'plan';
export const KINDS: readonly Kind[] = ['inventory', 'pathway', 'plan'];

/** The documents a mutant starts from: the mutated kind's and those it names, left as they are. */
interface SeedDocuments {
  readonly name: string;
  readonly documents: Required<Pick<Documents, 'inventory'>> & Documents;
  /** The file's YAML text, for the text-level mutants (the demo files only). */
  readonly yaml?: string;
}

const demoText = (file: string): string => readFileSync(join(ROOT, 'examples', 'demo-city', file), 'utf8');
const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

function seedDocuments(): Record<Kind, SeedDocuments[]> {
  const texts = { inventory: demoText('inventory.yaml'), pathway: demoText('pathway.yaml'), plan: demoText('plan.yaml') };
  const demo = { inventory: asJson(parseYaml(texts.inventory)), pathway: asJson(parseYaml(texts.pathway)), plan: asJson(parseYaml(texts.plan)) };
  const industry = asJson(inventoryOf(COAL, GAS, INDUSTRY_POWER, HOME_POWER));
  const smallPathway = asJson({ inventory: 'inventory.yaml', ...pathwayDoc({ targets: { peak: { type: 'peak', by: 2030 }, cap: { type: 'cap', year: 2035, value: 200_000, unit: 'tCO2e' } } }) });
  const twoSectorPathway = asJson({ inventory: 'inventory.yaml', ...planPathway({ targets: { peak: { type: 'peak', by: 2030 } } }) });
  const smallPlan = asJson({
    version: 2,
    pathway: 'pathway.yaml',
    ...planDoc(
      {
        boilers: measure([{ type: 'efficiency', sector: 'industry', reduction: 0.3 }], 500, { yesNo: true }),
        homes: measure([{ type: 'efficiency', sector: 'homes', reduction: 0.2 }], 200, { adoption: { start: 2024, full: 2030 } }),
      },
      { constraints: { targets: ['peak'] } },
    ),
  });
  return {
    inventory: [
      { name: 'demo inventory', documents: { inventory: demo.inventory }, yaml: texts.inventory },
      { name: 'small inventory', documents: { inventory: asJson(smallInventory()) } },
      { name: 'two-line inventory', documents: { inventory: asJson(PLAN_INVENTORY) } },
    ],
    pathway: [
      { name: 'demo pathway', documents: { pathway: demo.pathway, inventory: demo.inventory }, yaml: texts.pathway },
      { name: 'small pathway', documents: { pathway: smallPathway, inventory: industry } },
      { name: 'two-sector pathway', documents: { pathway: twoSectorPathway, inventory: asJson(PLAN_INVENTORY) } },
    ],
    plan: [
      { name: 'demo plan', documents: { plan: demo.plan, pathway: demo.pathway, inventory: demo.inventory }, yaml: texts.plan },
      { name: 'small plan', documents: { plan: smallPlan, pathway: twoSectorPathway, inventory: asJson(PLAN_INVENTORY) } },
    ],
  };
}

export interface FuzzOptions {
  readonly seed: number;
  /** Share of the mutants made at the text level (hostile YAML/JSON), of the seeds that have a file. */
  readonly textShare: number;
  /** The longest string a mutation writes. */
  readonly longString: number;
  /** The deepest nesting a text mutant writes. */
  readonly depth: number;
  /** Plan optimisation limits: few solves keep plan mutants quick. */
  readonly planLimits: { sequentialSolves: number; relaxationSolves: number; diagnosisSolves: number; solverSeconds: number };
}

export interface Mutant {
  readonly kind: Kind;
  readonly index: number;
  readonly seedName: string;
  /** What was done to the seed document. */
  readonly description: string;
  /** The operator of each step (a text operator is prefixed `text:`). */
  readonly operators: readonly string[];
}

export interface Outcome {
  readonly mutant: Mutant;
  readonly result: 'ok' | 'issues' | 'refused';
  readonly milliseconds: number;
  readonly violations: readonly Violation[];
  /** For text mutants: the file written, to hand to the real CLI. */
  readonly text?: TextMutant;
}

/** The replay line printed with every failure. */
export const replayHint = (seed: number, mutant: Mutant): string => `FUZZ_SEED=${seed} FUZZ_REPLAY=${mutant.kind}:${mutant.index}`;

export class Fuzzer {
  private readonly seeds = seedDocuments();
  private readonly directory = mkdtempSync(join(tmpdir(), 'peakpath-fuzz-'));

  private constructor(
    private readonly options: FuzzOptions,
    private readonly solver: LpSolver,
  ) {}

  static async create(options: FuzzOptions): Promise<Fuzzer> {
    return new Fuzzer(options, await highsSolver());
  }

  close(): void {
    rmSync(this.directory, { recursive: true, force: true });
  }

  /** Mutant `index` of `kind`: built from (seed, kind, index), run, checked and timed. */
  async run(kind: Kind, index: number): Promise<Outcome> {
    const rng = random(mutantSeed(this.options.seed, kind, index));
    const choices = this.seeds[kind];
    const seed = choices[rng.below(choices.length)]!;
    const documents: Documents & { inventory: Json } = { ...seed.documents };
    if (seed.yaml !== undefined && rng.chance(this.options.textShare)) {
      const text = mutateText(rng, seed.yaml, JSON.stringify(seed.documents[kind], null, 1), this.options.depth);
      const mutant: Mutant = { kind, index, seedName: seed.name, description: `${text.operator}: ${text.description}`, operators: [`text:${text.operator}`] };
      const started = performance.now();
      const outcome = await this.runText(kind, documents, text);
      return { mutant, ...outcome, milliseconds: performance.now() - started, text };
    }
    const document = clone(seed.documents[kind]!);
    const steps = rng.chance(0.7) ? 1 : 2 + rng.below(3);
    const done = Array.from({ length: steps }, () => mutate(rng, document, { longString: this.options.longString }));
    documents[kind] = document;
    const mutant: Mutant = { kind, index, seedName: seed.name, description: done.map((step) => step.description).join('; '), operators: done.map((step) => step.operator) };
    const started = performance.now();
    const outcome = await this.runDocuments(kind, documents);
    return { mutant, ...outcome, milliseconds: performance.now() - started };
  }

  /**
   * A text mutant of the demo file of `kind` with the given operator, for the real CLI: the file, and the
   * demo files it names, written to a folder of their own.
   */
  textFile(kind: Kind, index: number, operator: TextOperator): { folder: string; file: string; text: TextMutant } {
    const seed = this.seeds[kind].find((choice) => choice.yaml !== undefined)!;
    const text = mutateText(random(mutantSeed(this.options.seed, `cli-${kind}`, index)), seed.yaml!, JSON.stringify(seed.documents[kind], null, 1), this.options.depth, operator);
    const folder = mkdtempSync(join(this.directory, 'cli-'));
    for (const name of ['inventory.yaml', 'pathway.yaml']) writeFileSync(join(folder, name), demoText(name));
    const file = join(folder, `mutant${text.extension}`);
    writeFileSync(file, text.bytes);
    return { folder, file, text };
  }

  /** The file through the CLI's reader, then the engine: a reader's refusal is the CLI's exit 2. */
  private async runText(kind: Kind, documents: Documents & { inventory: Json }, text: TextMutant): Promise<Pick<Outcome, 'result' | 'violations'>> {
    const file = join(this.directory, `${kind}${text.extension}`);
    writeFileSync(file, text.bytes);
    let parsed: unknown;
    try {
      parsed = await readDocument(file);
    } catch (error) {
      if (error instanceof InputFileError) return { result: 'refused', violations: [] };
      return { result: 'refused', violations: [{ kind: 'throw', detail: `reader: ${errorText(error)}` }] };
    }
    // The issues' paths are checked against the document as the reader gave it (a plain copy of it).
    let document: Json;
    try {
      document = asJson(parsed);
    } catch (error) {
      return { result: 'refused', violations: [{ kind: 'throw', detail: `reader gave a document JSON cannot hold: ${errorText(error)}` }] };
    }
    const outcome = await this.runDocuments(kind, { ...documents, [kind]: parsed }, { ...documents, [kind]: document });
    if (outcome.result === 'ok' && text.mustRefuse) return { ...outcome, violations: [...outcome.violations, { kind: 'accepted-hostile-text', detail: `${text.operator} accepted` }] };
    return outcome;
  }

  private async runDocuments(kind: Kind, documents: Documents & { inventory: Json }, asWritten: Documents = documents): Promise<Pick<Outcome, 'result' | 'violations'>> {
    const engine = createEngine({ resolve: documentMap({ 'inventory.yaml': documents.inventory, 'pathway.yaml': documents.pathway }), solver: this.solver });
    try {
      const found = await this.compute(engine, kind, documents);
      if (found.issues) return { result: 'issues', violations: checkIssues(found.issues, asWritten) };
      return { result: 'ok', violations: found.violations };
    } catch (error) {
      return { result: 'issues', violations: [{ kind: 'throw', detail: errorText(error) }] };
    }
  }

  private async compute(engine: Engine, kind: Kind, documents: Documents & { inventory: Json }): Promise<{ issues?: readonly DocumentIssue[]; violations: Violation[] }> {
    switch (kind) {
      case 'inventory': {
        const run = engine.inventory(documents.inventory, { id: 'inventory.yaml' });
        if (!run.ok) return { issues: run.issues, violations: [] };
        return { violations: checkFinite({ ...run.value.totals }) };
      }
      case 'pathway': {
        const run = await engine.pathway(documents.pathway, { id: 'pathway.yaml' });
        if (!run.ok) return { issues: run.issues, violations: [] };
        const { pathway, result, comparison } = run.value;
        const violations = comparison.flatMap((scenario) => checkFinite({ [`${scenario.scenario.id}.total`]: scenario.total, [`${scenario.scenario.id}.basicPlus`]: scenario.basicPlus }));
        violations.push(...checkEntries('scenario', field(documents.pathway, 'scenarios'), comparison.map((scenario) => scenario.scenario.id)));
        JSON.stringify(pathwayJson(result, comparison));
        if (pathway.uncertainty.length > 0) {
          const mc = await engine.monteCarlo(pathway, { runs: 16, seed: 1 });
          if (!mc.ok) return { issues: mc.issues, violations };
        }
        return { violations };
      }
      case 'plan': {
        const run = await engine.plan(documents.plan, { id: 'plan.yaml', limits: this.options.planLimits });
        if (!run.ok) return { issues: run.issues, violations: [] };
        const result = run.value;
        JSON.stringify(planJson(result));
        return {
          violations: [
            ...checkFinite({ totalCost: result.totalCost, outlays: result.outlays, 'pathway.total': result.pathway.total, 'baselinePathway.total': result.baselinePathway.total }),
            ...checkEntries('measure', field(documents.plan, 'measures'), result.macc.entries.map((entry) => entry.id)),
          ],
        };
      }
    }
  }
}
