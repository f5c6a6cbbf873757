import { readFileSync } from 'node:fs';
import { defaultLibrary, INVENTORY_OUTPUT_VERSION } from '@peakpath/core';

/**
 * The engine's version, part of every cached result's key: the server package's version, the factor
 * library's and the inventory output's. Any of them changing means results are computed anew.
 */
export function engineVersion(): string {
  // The same relative path from src/ (sources) and dist/ (compiled).
  const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return `${own.version}+library.${defaultLibrary.version}+output.${INVENTORY_OUTPUT_VERSION}`;
}
