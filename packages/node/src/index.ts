/**
 * @peakpath/node — what the engines need from Node and core cannot do itself: the HiGHS solver
 * (WebAssembly), the Monte Carlo worker pool (worker threads), and documents read from files.
 * The CLI and the coming server build on it; the core stays pure.
 */
export { highsSolver } from './highs.ts';
export { defaultThreads, monteCarlo, MonteCarloPool } from './monte-carlo/pool.ts';
export type { MonteCarloOptions } from './monte-carlo/pool.ts';
export { InputFileError, MAX_INPUT_BYTES, readDocument } from './documents.ts';
