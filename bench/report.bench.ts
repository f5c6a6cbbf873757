import { createNodeEngine, readDocument } from '@peakpath/node';
import { assembleReport, buildReport, PdfRenderer, sourcesFromFile } from '@peakpath/report';
import { medianAsync } from './measure.ts';

/**
 * The demo city's annual report from its tracking file: assembling it (inventory, pathway with 1,000 Monte
 * Carlo runs, plan, the tracking judged at 2025-06-30),
 * building its HTML in each language, printing its PDF (a reused Chromium), against one inventory compute
 * of the same demo inventory in the same process as the baseline.
 */
export async function benchReport(): Promise<void> {
  const engine = await createNodeEngine();
  const inventoryDocument = await readDocument('examples/demo-city/inventory.yaml');
  const time = (work: () => unknown, repeats: number): Promise<number> => medianAsync(async () => work(), repeats);
  const baseline = await time(() => engine.inventory(inventoryDocument, { id: 'inventory' }), 5);
  const sources = await sourcesFromFile('examples/demo-city/tracking.yaml');
  const options = { year: 2024, runs: 1_000, seed: 1, asOf: '2025-06-30' };
  const assembled = await assembleReport(engine, sources, options);
  if (!assembled.ok) throw new Error('the demo report does not assemble');
  const assemble = await time(() => assembleReport(engine, sources, options), 3);
  const renderer = new PdfRenderer();
  try {
    console.log('\nreport (demo city from tracking.yaml, 1,000 Monte Carlo runs)');
    console.log(`  one inventory compute (baseline)   ${baseline.toFixed(1)} ms`);
    console.log(`  assemble (engine runs)             ${assemble.toFixed(0)} ms  (${(assemble / baseline).toFixed(1)}× baseline)`);
    for (const lang of ['zh', 'en'] as const) {
      const html = await time(() => buildReport(assembled.value, { lang, illustrative: true }), 5);
      const page = buildReport(assembled.value, { lang, illustrative: true }).html;
      await renderer.render(page, { lang }); // the browser's start, once
      const pdf = await time(() => renderer.render(page, { lang }), 3);
      console.log(`  ${lang} HTML                            ${html.toFixed(0)} ms  (${(html / baseline).toFixed(1)}× baseline)`);
      console.log(`  ${lang} PDF (browser running)           ${pdf.toFixed(0)} ms  (${(pdf / baseline).toFixed(1)}× baseline)`);
    }
  } finally {
    await renderer.close();
  }
}
