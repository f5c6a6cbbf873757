/**
 * The documented changes of the JSON output since the outputs recorded in test/golden (issue 10),
 * each as the step that turns today's JSON back into the recorded one. A change not undone here
 * makes test/golden.test.ts fail.
 */
type Undo = (now: unknown) => unknown;

/** Plan file version 2 and its JSON (docs/plans.md): a portfolio entry's `lumpy` is `yesNo`. */
function yesNoBackToLumpy(plan: unknown): unknown {
  const { portfolio, ...rest } = plan as { portfolio: Record<string, unknown>[] };
  return { ...rest, portfolio: portfolio.map(({ yesNo, ...entry }) => ({ ...entry, lumpy: yesNo })) };
}

/** By output kind: the file name's first word in test/golden (inventory, worked, pathway, plan). */
export const DOCUMENTED_CHANGES: Readonly<Record<string, Undo>> = {
  plan: yesNoBackToLumpy,
};
