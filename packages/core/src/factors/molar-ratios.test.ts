/**
 * One constant for each mass ratio of a gas to its element (molar-ratios.ts):
 * their values from the molar masses, and no other copy of 44/12, 16/12 or 44/28 (or their inverses
 * or decimals) in the core's code, so a method cannot drift from the others.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CH4_PER_CARBON, CO2_PER_CARBON, N2O_PER_NITROGEN } from './molar-ratios.ts';

const CORE_SOURCES = fileURLToPath(new URL('..', import.meta.url));

const [C, N, O, H] = [12, 14, 16, 1];

/** The core's source files, tests and the constants' own file left out. */
function coreSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return coreSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && entry.name !== 'molar-ratios.ts' ? [path] : [];
  });
}

/** A ratio written as a fraction in code (formatted `44 / 12`; texts and comments write `44/12`) or as a decimal. */
const COPY = /^(?!\s*(\/\/|\*|\/\*)).*(\b(44|16)\s+\/\s+(12|28)\b|\b(12|28)\s+\/\s+(44|16)\b|\b3\.66+7?\b|\b0\.2727\d*\b)/;

describe('molar mass ratios', () => {
  it('CO2 per C, CH4 per C and N2O per N2O–N from the molar masses', () => {
    expect(CO2_PER_CARBON).toBe((C + 2 * O) / C);
    expect(CH4_PER_CARBON).toBe((C + 4 * H) / C);
    expect(N2O_PER_NITROGEN).toBe((2 * N + O) / (2 * N));
  });

  it('no other copy of them in the core', () => {
    const copies = coreSources(CORE_SOURCES).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (COPY.test(line) ? [`${relative(CORE_SOURCES, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(copies).toEqual([]);
  });
});
