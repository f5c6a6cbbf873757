/**
 * The fuzzer's run: the seed documents of each kind (the demo city's, the cluster and district examples'
 * and the tests' small ones), one mutant at a time through the engine in this process (`createEngine`,
 * references by `documentMap`, HiGHS for plans), each checked by properties.ts and timed. Mutant `index`
 * of a kind is rebuilt from (seed, kind, index) alone: `replay` runs just that one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as parseYaml } from 'yaml';
import { compareClusterScenarios, createEngine, documentMap, pathwayJson, planJson, runClusterMonteCarlo, runClusterScenario, type DocumentIssue, type Engine, type LpSolver } from '@peakpath/core';
import { highsSolver, InputFileError, readDocument } from '@peakpath/node';
import { renderCluster } from '../../packages/cli/src/cluster/render.ts';
import { renderClusterPathways } from '../../packages/cli/src/cluster/render-pathways.ts';
import { warningBlock } from '../../packages/cli/src/commands/warnings.ts';
import { renderDistrict } from '../../packages/cli/src/district/render.ts';
import { ROOT } from '../support/cli.ts';
import { COAL, GAS, HOME_POWER, INDUSTRY_POWER, inventoryOf, pathwayDoc } from '../support/pathway-documents.ts';
import { base as smallInventory } from '../support/inventory-documents.ts';
import { measure, PLAN_INVENTORY, planDoc, planPathway } from '../support/plan-documents.ts';
import { clone, mutate, places, placeText, valueAt, type Json, type Place } from './mutators.ts';
import { checkEntries, checkFinite, checkFiniteDeep, checkIssues, checkPrinted, errorText, type Documents, type Files, type Violation } from './properties.ts';
import { mutantSeed, random } from './random.ts';
import { mutateText, type TextMutant, type TextOperator } from './text-mutators.ts';

/** A top-level field of a document, if the document is a mapping. */
function field(document: Json | undefined, key: string): Json | undefined {
  return typeof document === 'object' && document !== null && !Array.isArray(document) && Object.hasOwn(document, key) ? document[key] : undefined;
}

export type Kind = 'inventory' | 'pathway' | 'plan' | 'cluster' | 'district';
export const KINDS: readonly Kind[] = ['inventory', 'pathway', 'plan', 'cluster', 'district'];

/** The documents a mutant starts from: the mutated kind's and those it names, left as they are. */
interface SeedDocuments {
  readonly name: string;
  /** The mutated kind's document and those it names by kind (a plan's pathway, `pathway.yaml`, and inventory, `inventory.yaml`). */
  readonly documents: Documents;
  /** The documents it names by their file names (a cluster's members, a district's inventories), as the resolver finds them. */
  readonly files?: Files;
  /**
   * Places in `files` that belong to the mutated kind (a member's line's `counterpart:`, which pairs it in the
   * cluster): a share of the mutants change one of them instead of the document itself.
   */
  readonly alsoMutate?: readonly { readonly file: string; readonly place: Place }[];
  /** The file's YAML text, for the text-level mutants (the example files only). */
  readonly yaml?: string;
  /** For the real CLI: the examples folder the file is from, and the files of it the file names. */
  readonly folder?: { readonly name: string; readonly companions: readonly string[] };
}

const exampleText = (folder: string, file: string): string => readFileSync(join(ROOT, 'examples', folder, file), 'utf8');
const demoText = (file: string): string => exampleText('demo-city', file);
const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;
const exampleJson = (folder: string, file: string): Json => asJson(parseYaml(exampleText(folder, file)));

/** The files of an examples folder, parsed, by name: what the folder's cluster or district files name. */
const exampleFiles = (folder: string, names: readonly string[]): Files => Object.fromEntries(names.map((name) => [name, exampleJson(folder, name)]));

/** A seed of an examples folder's file: the file, its text, and the files it names. */
function exampleSeed(kind: 'cluster' | 'district', folder: string, file: string, companions: readonly string[], alsoMutate?: SeedDocuments['alsoMutate']): SeedDocuments {
  const yaml = exampleText(folder, file);
  return { name: `${folder}/${file}`, documents: { [kind]: asJson(parseYaml(yaml)) }, files: exampleFiles(folder, companions), yaml, folder: { name: folder, companions }, ...(alsoMutate ? { alsoMutate } : {}) };
}

/**
 * The cluster's pathways with what the example leaves out: an action of fixed amounts split between the
 * members, a shared parameter that names its members, a second correlation.
 */
function splitClusterSeed(): SeedDocuments {
  const seed = exampleSeed('cluster', 'cluster', 'pathways.yaml', CLUSTER_PATHWAY_FILES);
  const cluster = clone(seed.documents.cluster!) as { [key: string]: Json };
  const pathways = cluster['pathways'] as { [key: string]: Json };
  (pathways['actions'] as { [key: string]: Json })['regional-pv'] = {
    name: { en: 'Regional PV', zh: '区域光伏' },
    members: ['alpha', 'beta'],
    split: { alpha: '60%', beta: 0.4 },
    adoption: { start: 2025, full: 2030 },
    effects: [{ type: 'generation', value: 10, unit: '亿千瓦时' }],
  };
  (pathways['shared'] as { [key: string]: Json })['drivers.gdp.growth.2031'] = { members: ['alpha', 'beta'], uncertainty: { normal: { sd: '0.5%' } } };
  const policy = (pathways['scenarios'] as { [key: string]: { [key: string]: Json } })['policy']!;
  policy['actions'] = ['intercity-rail', 'regional-pv'];
  (pathways['correlations'] as Json[]).push({ between: ['alpha/sectors.buildings.intensity.growth', 'beta/sectors.industry.intensity.growth.2031'], rank: -0.3 });
  const { yaml: _yaml, folder: _folder, ...rest } = seed;
  return { ...rest, name: 'cluster pathways with a split action', documents: { cluster } };
}

/** District Delta with Eco Park, its remainder stated as figures and its near-zero criteria set written in the file. */
function writtenSetDistrictSeed(): SeedDocuments {
  const seed = exampleSeed('district', 'district', 'district-eco-park.yaml', ['delta.yaml', 'eco-park.yaml']);
  const district = clone(seed.documents.district!) as { [key: string]: Json };
  district['remainder'] = { figures: { basic: 28000, 'I.scope2': 22468 } };
  district['tolerance'] = 1;
  const nearZero = ((district['assessments'] as { [key: string]: Json })['eco-park'] as { [key: string]: { [key: string]: Json } })['nearZero']!;
  nearZero['set'] = asJson((JSON.parse(readFileSync(join(ROOT, 'packages', 'core', 'data', 'districts', 'criteria.json'), 'utf8')) as { nearZeroSets: Json[] }).nearZeroSets[0]);
  const { yaml: _yaml, folder: _folder, ...rest } = seed;
  return { ...rest, name: 'district with a remainder of figures and a near-zero set written out', documents: { district } };
}

const CLUSTER_PATHWAY_FILES = ['alpha.yaml', 'beta.yaml', 'alpha-pathway.yaml', 'beta-pathway.yaml'];

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
  const counterpartOfBeta = [{ file: 'beta-counterparts.yaml', place: ['activities', 0, 'counterpart'] }];
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
    // The seed with a file first: it is the one the real CLI gets (`textFile`).
    cluster: [
      exampleSeed('cluster', 'cluster', 'pathways.yaml', CLUSTER_PATHWAY_FILES),
      exampleSeed('cluster', 'cluster', 'cluster.yaml', ['alpha.yaml', 'beta.yaml']),
      exampleSeed('cluster', 'cluster', 'cluster-counterparts.yaml', ['alpha.yaml', 'beta-counterparts.yaml'], counterpartOfBeta),
      splitClusterSeed(),
    ],
    district: [
      exampleSeed('district', 'district', 'district-eco-park.yaml', ['delta.yaml', 'eco-park.yaml']),
      exampleSeed('district', 'district', 'district.yaml', ['gamma.yaml', 'north.yaml', 'south.yaml']),
      exampleSeed('district', 'district', 'district-mismatch.yaml', ['gamma.yaml', 'north.yaml', 'south-national.yaml', 'rest.yaml']),
      writtenSetDistrictSeed(),
    ],
  };
}

/**
 * The cluster file as its issues' paths read it: an issue of a pairing stated on a member's line is in the cluster
 * file at the line's place, `members.beta.activities[0].counterpart.city` (docs/clusters.md), so each member is
 * given its inventory's `activities` (when its inventory is one of `files`) for the paths to be checked against.
 */
function withMemberLines(documents: Documents, files: Files): Documents {
  const members = field(documents.cluster, 'members');
  if (typeof members !== 'object' || members === null || Array.isArray(members)) return documents;
  const lined: { [key: string]: Json } = {};
  for (const id of Object.keys(members)) {
    const member = members[id]!;
    const reference = field(member, 'inventory');
    const activities = typeof reference === 'string' && Object.hasOwn(files, reference) ? field(files[reference], 'activities') : undefined;
    const value = activities !== undefined && typeof member === 'object' && member !== null && !Array.isArray(member) ? { ...member, activities } : member;
    Object.defineProperty(lined, id, { value, enumerable: true, writable: true, configurable: true });
  }
  return { ...documents, cluster: { ...(documents.cluster as { [key: string]: Json }), members: lined } };
}

const LANGS = ['en', 'zh'] as const;

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
    const documents: Documents = { ...seed.documents };
    const files: Files = seed.files ?? {};
    if (seed.yaml !== undefined && rng.chance(this.options.textShare)) {
      const text = mutateText(rng, seed.yaml, JSON.stringify(seed.documents[kind], null, 1), this.options.depth);
      const mutant: Mutant = { kind, index, seedName: seed.name, description: `${text.operator}: ${text.description}`, operators: [`text:${text.operator}`] };
      const started = performance.now();
      const outcome = await this.runText(kind, documents, files, text);
      return { mutant, ...outcome, milliseconds: performance.now() - started, text };
    }
    const steps = rng.chance(0.7) ? 1 : 2 + rng.below(3);
    const also = seed.alsoMutate && rng.chance(0.25) ? rng.pick(seed.alsoMutate) : undefined;
    let mutated = files;
    let done;
    if (also) {
      // One of the named files' places that the kind reads: mutated below that place, the rest left as it is.
      const file = clone(files[also.file]!);
      const within = valueAt(file, also.place)!;
      // A small place can be emptied by its first steps (every field deleted): the steps stop there.
      done = Array.from({ length: steps }, () => (places(within).length > 0 ? mutate(rng, within, { longString: this.options.longString }) : undefined))
        .filter((step) => step !== undefined)
        .map((step) => ({ ...step, description: `${also.file} ${placeText(also.place)}: ${step.description}` }));
      mutated = { ...files, [also.file]: file };
    } else {
      const document = clone(seed.documents[kind]!);
      done = Array.from({ length: steps }, () => mutate(rng, document, { longString: this.options.longString }));
      documents[kind] = document;
    }
    const mutant: Mutant = { kind, index, seedName: seed.name, description: done.map((step) => step.description).join('; '), operators: done.map((step) => step.operator) };
    const started = performance.now();
    const outcome = await this.runDocuments(kind, documents, mutated);
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
    const from = seed.folder ?? { name: 'demo-city', companions: ['inventory.yaml', 'pathway.yaml'] };
    for (const name of from.companions) writeFileSync(join(folder, name), exampleText(from.name, name));
    const file = join(folder, `mutant${text.extension}`);
    writeFileSync(file, text.bytes);
    return { folder, file, text };
  }

  /** The file through the CLI's reader, then the engine: a reader's refusal is the CLI's exit 2. */
  private async runText(kind: Kind, documents: Documents, files: Files, text: TextMutant): Promise<Pick<Outcome, 'result' | 'violations'>> {
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
    const outcome = await this.runDocuments(kind, { ...documents, [kind]: parsed }, files, { ...documents, [kind]: document });
    if (outcome.result === 'ok' && text.mustRefuse) return { ...outcome, violations: [...outcome.violations, { kind: 'accepted-hostile-text', detail: `${text.operator} accepted` }] };
    return outcome;
  }

  private async runDocuments(kind: Kind, documents: Documents, files: Files, asWritten: Documents = documents): Promise<Pick<Outcome, 'result' | 'violations'>> {
    const byKind = { ...(documents.inventory === undefined ? {} : { 'inventory.yaml': documents.inventory }), ...(documents.pathway === undefined ? {} : { 'pathway.yaml': documents.pathway }) };
    const engine = createEngine({ resolve: documentMap({ ...byKind, ...files }), solver: this.solver });
    try {
      const found = await this.compute(engine, kind, documents);
      if (found.issues) return { result: 'issues', violations: checkIssues(found.issues, kind === 'cluster' ? withMemberLines(asWritten, files) : asWritten, files) };
      return { result: 'ok', violations: found.violations };
    } catch (error) {
      return { result: 'issues', violations: [{ kind: 'throw', detail: errorText(error) }] };
    }
  }

  private async compute(engine: Engine, kind: Kind, documents: Documents): Promise<{ issues?: readonly DocumentIssue[]; violations: Violation[] }> {
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
          violations.push(...checkFiniteDeep('mc', mc.value));
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
      case 'cluster':
        return this.cluster(engine, documents.cluster);
      case 'district': {
        const run = await engine.district(documents.district, { id: 'district.yaml' });
        if (!run.ok) return { issues: run.issues, violations: [] };
        const { parts, reconciliation, assessments } = run.value;
        JSON.stringify(run.value);
        // What `peakpath district` prints, in both languages: a throw there is the CLI's exit 1.
        return {
          violations: [
            ...LANGS.flatMap((lang) => checkPrinted(`district (${lang})`, renderDistrict(run.value, lang) + warningBlock(run.warnings, lang))),
            ...checkFiniteDeep('reconciliation', reconciliation),
            ...checkFiniteDeep('assessments', assessments),
            ...checkEntries('part', field(documents.district, 'parts'), parts.map((part) => part.id)),
            ...checkEntries('assessment', field(documents.district, 'assessments'), assessments.map((assessment) => assessment.part)),
          ],
        };
      }
    }
  }

  /**
   * A cluster as `peakpath cluster` runs it: the members' inventories aggregated, then, when a member names its
   * pathway, the pathways compiled, the default scenario run, every scenario compared and a short Monte Carlo.
   */
  private async cluster(engine: Engine, document: Json | undefined): Promise<{ issues?: readonly DocumentIssue[]; violations: Violation[] }> {
    const run = await engine.cluster(document, { id: 'cluster.yaml' });
    if (!run.ok) return { issues: run.issues, violations: [] };
    JSON.stringify(run.value);
    const violations = [
      ...checkFiniteDeep('result', run.value.result),
      ...checkEntries('member', field(document, 'members'), run.value.members.map((member) => member.id)),
      // What `peakpath cluster` prints, in both languages: a throw there is the CLI's exit 1.
      ...LANGS.flatMap((lang) => checkPrinted(`cluster (${lang})`, renderCluster(run.value, lang) + warningBlock(run.warnings, lang))),
    ];
    if (!run.value.cluster.members.some((member) => member.pathway !== undefined)) return { violations };
    const compiled = await engine.clusterPathways(document, { id: 'cluster.yaml' });
    if (!compiled.ok) return { issues: compiled.issues, violations };
    const { model } = compiled.value;
    const result = runClusterScenario(model, model.defaultScenario);
    const comparison = compareClusterScenarios(model);
    JSON.stringify({ result, comparison });
    violations.push(
      ...checkFiniteDeep('pathways.result', result),
      ...checkFiniteDeep('pathways.comparison', comparison),
      ...checkEntries('cluster scenario', field(field(document, 'pathways'), 'scenarios'), model.scenarios.map((scenario) => scenario.id)),
    );
    const mc = model.uncertainty.length > 0 ? runClusterMonteCarlo(model, model.defaultScenario, 16, 1) : undefined;
    if (mc) violations.push(...checkFiniteDeep('pathways.mc', mc));
    violations.push(...LANGS.flatMap((lang) => checkPrinted(`cluster pathways (${lang})`, renderClusterPathways(result, comparison, mc, lang) + warningBlock(compiled.warnings, lang))));
    return { violations };
  }
}
