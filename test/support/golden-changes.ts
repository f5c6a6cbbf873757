/**
 * The documented changes of the JSON output since the outputs recorded in test/golden (issue 10),
 * each as the step that turns today's JSON back into the recorded one. A change not undone here
 * makes test/golden.test.ts fail.
 */
type Undo = (now: unknown) => unknown;

type Json = Record<string, unknown>;
const record = (value: unknown): Json => value as Json;
const list = (value: unknown): Json[] => value as Json[];

/**
 * Plan: the horizon sums named for what they are (docs/plans.md). `portfolio[].horizonAbatement` and
 * `macc.entries[].horizonAbatement` were `cumulativeAbatement`; `macc.entries[].runningAbatement`
 * (the running total along the merit order) is new.
 */
function undoPlanAbatementNames(now: unknown): unknown {
  const plan = record(now);
  const back = (entry: Json): Json => {
    const { horizonAbatement, ...rest } = entry;
    delete rest.runningAbatement;
    return { ...rest, cumulativeAbatement: horizonAbatement };
  };
  const macc = record(plan.macc);
  return { ...plan, portfolio: list(plan.portfolio).map(back), macc: { ...macc, entries: list(macc.entries).map(back) } };
}

/**
 * Plan: one spelling per pollutant. `airPollutants.notCounted[].pollutants` and their texts named SO2
 * "SOx" (the Guidebook's term); they now spell it SO2, as the series always did.
 */
function undoPlanPollutantSpelling(now: unknown): unknown {
  const plan = record(now);
  const air = record(plan.airPollutants);
  const back = (gap: Json): Json => {
    const pollutants = gap.pollutants as string[];
    const recorded = pollutants.map((pollutant) => (pollutant === 'SO2' ? 'SOx' : pollutant));
    const text = gap.text as { en: string; zh: string };
    return {
      ...gap,
      pollutants: recorded,
      text: {
        en: text.en.replace(`${pollutants.join(', ')} not counted`, `${recorded.join(', ')} not counted`),
        zh: text.zh.replace(`未计 ${pollutants.join('、')}`, `未计 ${recorded.join('、')}`),
      },
    };
  };
  return { ...plan, airPollutants: { ...air, notCounted: list(air.notCounted).map(back) } };
}

interface Citation {
  readonly source: string;
  readonly table?: string;
  readonly verification?: string;
}

interface InventoryVersion2 {
  readonly version: number;
  readonly sources: Readonly<Record<string, Citation>>;
  readonly lines: readonly { readonly index: number; readonly factors: readonly { readonly id: string; readonly value: number; readonly unit: string }[] }[];
}

/**
 * Inventory output version 2 (docs/inventory-file.md, "Reading version 1 fields"): each factor's
 * citation back on the line from `sources`, a value given on a line back to its version-1 id
 * (`line[3].ncv` → `line:ncv`), `version` and `sources` dropped. Every entry of `sources` must be
 * used by a line, and every id found there, so nothing is dropped unseen.
 */
function inventoryVersion1(now: unknown): unknown {
  const { version, sources, lines, ...rest } = now as InventoryVersion2;
  if (version !== 2) throw new Error(`expected inventory output version 2, got ${String(version)}`);
  const unused = new Set(Object.keys(sources));
  const version1Lines = lines.map((line) => ({
    ...line,
    factors: line.factors.map(({ id, value, unit }) => {
      const cited = sources[id];
      if (cited === undefined) throw new Error(`line ${line.index}: factor ${id} is not in sources`);
      unused.delete(id);
      const given = /^line\[(\d+)\]\.(.+)$/.exec(id);
      if (given && Number(given[1]) !== line.index) throw new Error(`line ${line.index}: factor ${id} names another line`);
      return { id: given ? `line:${given[2]!}` : id, value, unit, ...cited };
    }),
  }));
  if (unused.size > 0) throw new Error(`sources no line uses: ${[...unused].join(', ')}`);
  return { ...rest, lines: version1Lines };
}

/** Plan file version 2 and its JSON (docs/plans.md): a portfolio entry's `lumpy` is `yesNo`. */
function yesNoBackToLumpy(plan: unknown): unknown {
  const { portfolio, ...rest } = plan as { portfolio: Record<string, unknown>[] };
  return { ...rest, portfolio: portfolio.map(({ yesNo, ...entry }) => ({ ...entry, lumpy: yesNo })) };
}

/**
 * Plan (issue 11, limits): `solution.gap` is new — the proven relative gap to the cheapest, null when nothing
 * is proven (the demo's sequential search) — and `solution.limit` appears when a time limit stopped the search.
 */
function undoSolutionGap(plan: unknown): unknown {
  const { solution, ...rest } = plan as { solution: Record<string, unknown> };
  const { gap: _gap, limit: _limit, ...before } = solution;
  return { ...rest, solution: before };
}

/**
 * Every JSON output lists the run's `warnings` (docs/engine.md): values far outside any city and
 * duplicated lines. The demo files have none, so the array must be there and empty; it is dropped.
 */
function dropEmptyWarnings(now: unknown): unknown {
  const { warnings, ...rest } = record(now);
  if (!Array.isArray(warnings) || warnings.length > 0) throw new Error(`expected an empty warnings array, got ${JSON.stringify(warnings)}`);
  return rest;
}

/**
 * Inventory: `completeness.missingBasicPlusRows` (docs/inventory-file.md) lists the BASIC+ rows with neither data
 * nor a notation key beside `missingBasicRows`; it must be a list of BASIC+ rows, and is dropped.
 */
function dropBasicPlusCompleteness(now: unknown): unknown {
  const inventory = record(now);
  const { missingBasicPlusRows, ...completeness } = record(inventory.completeness);
  if (!Array.isArray(missingBasicPlusRows) || !missingBasicPlusRows.every((row) => typeof row === 'string' && /^(I|II|IV|V)\.\d+(\.\d+)?$/.test(row))) {
    throw new Error(`expected a list of BASIC+ rows, got ${JSON.stringify(missingBasicPlusRows)}`);
  }
  return { ...inventory, completeness };
}

/** By output kind: the file name's first word in test/golden (inventory, worked, pathway, plan). */
export const DOCUMENTED_CHANGES: Readonly<Record<string, Undo>> = {
  plan: (now) => [dropEmptyWarnings, undoPlanAbatementNames, undoPlanPollutantSpelling, yesNoBackToLumpy, undoSolutionGap].reduce((json, undo) => undo(json), now),
  inventory: (now) => inventoryVersion1(dropBasicPlusCompleteness(dropEmptyWarnings(now))),
  worked: (now) => inventoryVersion1(dropBasicPlusCompleteness(dropEmptyWarnings(now))),
  pathway: dropEmptyWarnings,
};
