import type { Reader } from '../reading/reader.ts';
import type { ActivityLine } from './types.ts';

const FIGURES = ['co2', 'ch4', 'n2o', 'co2e', 'otherCo2e', 'tce', 'tceCalorific'] as const;
/** How many lines an overflowing sum names at most. */
const NAMED_LINES = 10;

/**
 * Amounts so large that a line's figure or a total is not a finite number are input errors, not an
 * ∞ in a table (or `null` in JSON). A line's figures are amount × recipe; a total is a sum of them,
 * which stays finite when the sum of their magnitudes does. When it does not, some line is at least
 * the largest number over the count of lines (else the sum could not overflow): those are named.
 */
export function reportOverflow(reader: Reader, lines: readonly ActivityLine[]): void {
  const magnitude: Record<(typeof FIGURES)[number], number> = { co2: 0, ch4: 0, n2o: 0, co2e: 0, otherCo2e: 0, tce: 0, tceCalorific: 0 };
  let lineOverflows = false;
  for (const line of lines) {
    if (line.form === 'notation') continue;
    let finite = true;
    for (const figure of FIGURES) {
      const value = Math.abs(line.amount * line.recipe[figure]);
      if (!Number.isFinite(value)) finite = false;
      else magnitude[figure] += value;
    }
    if (!finite) {
      lineOverflows = true;
      reader.report(['activities', line.index], { code: 'overflow' });
    }
  }
  if (lineOverflows) return;
  const overflowing = FIGURES.find((figure) => !Number.isFinite(magnitude[figure]));
  if (overflowing === undefined) return;
  const computing = lines.filter((line) => line.form !== 'notation');
  const large = Number.MAX_VALUE / computing.length;
  const named = computing.filter((line) => Math.abs(line.amount * line.recipe[overflowing]) >= large).map((line) => line.index);
  reader.report(['activities'], { code: 'overflow', lines: named.slice(0, NAMED_LINES) });
}
