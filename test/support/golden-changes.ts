/**
 * The documented changes of the JSON output since the outputs recorded in test/golden (issue 10),
 * each as the step that turns today's JSON back into the recorded one. A change not undone here
 * makes test/golden.test.ts fail.
 */
type Undo = (now: unknown) => unknown;

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

/** By output kind: the file name's first word in test/golden (inventory, worked, pathway, plan). */
export const DOCUMENTED_CHANGES: Readonly<Record<string, Undo>> = {
  inventory: inventoryVersion1,
  worked: inventoryVersion1,
};
