/**
 * Cancelling long work (a plan's optimisation, a Monte Carlo analysis) from outside: the caller's
 * `AbortSignal`, read through the two fields the core needs (so it needs no DOM or Node types), and
 * checked between steps — before each solve, between blocks of runs.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** The rejection of work its signal stopped; named `AbortError` as the platform names such rejections. */
export class Cancelled extends Error {
  override name = 'AbortError';
  constructor(readonly reason: unknown) {
    super('cancelled');
  }
}

/** Rejects (throws in an async function) when the signal asks to stop. */
export function checkCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw new Cancelled(signal.reason);
}
