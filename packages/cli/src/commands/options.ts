import { availableParallelism } from 'node:os';
import type { Lang } from '@peakpath/core';
import { InputFileError } from '@peakpath/node';
import { formatNumber } from '../format/table.ts';

/** Numeric options the commands share (`--mc`, `--seed`, `--threads`). */

/** A whole-number option within [min, max]; a usage error (exit 2) in the output's language otherwise. */
export function integerOption(name: string, value: string | undefined, min: number, max: number, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new InputFileError(lang === 'zh' ? `--${name}：应为 ${formatNumber(min, 'zh')}–${formatNumber(max, 'zh')} 的整数，实为 "${value}"` : `--${name}: expected a whole number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

/**
 * --threads, at most one per core: each worker thread holds its own copy of the engine (100 threads
 * took 4.8 GB) and threads beyond the cores only wait their turn. A larger request is reduced, and
 * says so on standard error.
 */
export function threadsOption(value: string | undefined, lang: Lang): number | undefined {
  const requested = integerOption('threads', value, 1, 256, lang);
  const cores = availableParallelism();
  if (requested === undefined || requested <= cores) return requested;
  process.stderr.write(
    lang === 'zh'
      ? `--threads ${requested}：本机有 ${cores} 个核心，使用 ${cores} 个线程\n`
      : `--threads ${requested}: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores}\n`,
  );
  return cores;
}
