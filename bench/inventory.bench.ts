import { computeInventory, defaultLibrary, parseInventory, runInventory } from '@peakpath/core';
import { baselineInventory } from './baseline.ts';
import { generateInventory } from './generate.ts';
import { median, report, time } from './measure.ts';

/** Inventory computation on a generated inventory of 1,000,000 activity lines (issue: ≥ 1,000,000 lines/s on one core). */
export function benchInventory(lines = 1_000_000, repeats = 5): void {
  const document = generateInventory(lines);
  // Warm up the JIT on a smaller file of the same mix.
  const warm = generateInventory(50_000, 7);
  for (let i = 0; i < 3; i++) {
    runInventory(warm);
    baselineInventory(warm);
  }

  const parseTimes: number[] = [];
  const computeTimes: number[] = [];
  const endToEnd: number[] = [];
  const materialize: number[] = [];
  const baselineTimes: number[] = [];
  let engineBasic = 0;
  let baselineBasic = 0;
  for (let i = 0; i < repeats; i++) {
    const parsed = time(() => parseInventory(document));
    if (!parsed.value.ok) throw new Error('generated inventory is invalid');
    const inventory = parsed.value.inventory;
    parseTimes.push(parsed.ms);
    const computed = time(() => computeInventory(inventory, defaultLibrary));
    computeTimes.push(computed.ms);
    endToEnd.push(parsed.ms + computed.ms);
    materialize.push(time(() => computed.value.lines.length).ms);
    engineBasic = computed.value.totals.basic;
    const baseline = time(() => baselineInventory(document));
    baselineTimes.push(baseline.ms);
    baselineBasic = baseline.value.basic;
  }
  const relativeDifference = Math.abs(engineBasic - baselineBasic) / Math.abs(baselineBasic);
  if (relativeDifference > 1e-9) throw new Error(`engine and baseline disagree: ${engineBasic} vs ${baselineBasic}`);

  const rate = (ms: number): number => lines / (ms / 1000);
  report(`inventory: ${lines.toLocaleString('en-US')} activity lines, median of ${repeats} runs, one thread`, [
    ['validate + resolve factors', median(parseTimes), rate(median(parseTimes))],
    ['compute lines and totals', median(computeTimes), rate(median(computeTimes))],
    ['end to end (validate, resolve, compute)', median(endToEnd), rate(median(endToEnd))],
    ['then build the per-line result objects', median(materialize), rate(median(materialize))],
    ['baseline: per-line lookups, no cache', median(baselineTimes), rate(median(baselineTimes))],
  ]);
  const ratio = (ms: number): string => `${(median(baselineTimes) / ms).toFixed(2)}×`;
  console.log(`  ratio to the baseline (baseline time / engine time): compute ${ratio(median(computeTimes))}; end to end, validation included ${ratio(median(endToEnd))}`);
  console.log(`  check: engine BASIC total ${engineBasic.toExponential(9)} tCO2e = baseline (relative difference ${relativeDifference.toExponential(1)})`);
}
