/**
 * @peakpath/report — the bilingual annual report of issue 16: `assembleReport` runs the engine over a
 * city's documents (each with its provenance), `buildReport` renders self-contained HTML in Chinese or
 * English with every number registered as a figure, `renderPdf` prints it with Chromium.
 */
export { assembleReport, DEFAULT_RUNS, DEFAULT_SEED, type AssembleResult } from './assemble.ts';
export { buildReport, type BuildOptions } from './build.ts';
export { valueAt } from './context.ts';
export { CHROMIUM, PdfRenderer, renderPdf, type PdfOptions } from './pdf.ts';
export { problemText, type ReportProblem } from './problems.ts';
export { sourcesFromFile, sourcesFromStored, type StoredChoice, type StoredSource, type StoredSourcesResult } from './sources.ts';
export type { AssembleOptions, Figure, Provenance, Report, ReportInput, ReportInventory, ReportPathway, ReportPlan, ReportSources, SourceDocument, TrackingInput } from './types.ts';
