import { performance } from 'node:perf_hooks';

export function time<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median time of `repeats` runs of asynchronous work, in milliseconds. */
export async function medianAsync(work: () => Promise<unknown>, repeats: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Prints rows of [label, milliseconds, lines per second]. */
export function report(title: string, rows: readonly [string, number, number][]): void {
  console.log(title);
  for (const [label, ms, perSecond] of rows) {
    console.log(`  ${label.padEnd(42)} ${ms.toFixed(1).padStart(9)} ms  ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} lines/s`);
  }
}
