import type { Lang } from '@peakpath/core';
import { FONT } from './charts.ts';
import { ReportContext } from './context.ts';
import { escapeHtml, table } from './html-text.ts';
import { inventorySection, officialSection, pathwaySection, pathwayTargetsTable, planSection, summarySection } from './sections/engine-sections.ts';
import { adaptationSection, areasSection, cooperationSection, trackedActionsSection, trackedTargetsSection } from './sections/tracking-sections.ts';
import { formatIssue } from '@peakpath/core';
import type { Report, ReportInput } from './types.ts';

export interface BuildOptions {
  readonly lang: Lang;
  /** Marks every page as illustrative (invented data, like the demo city's). */
  readonly illustrative?: boolean | undefined;
}

/**
 * The annual report as one self-contained HTML document: inline CSS, charts as inline SVG, fonts from
 * the system (Noto Sans CJK), no URL of any kind. Every number is an element with `data-figure` (its id
 * in `figures`) and `data-source` (the document version it was computed from).
 */
export function buildReport(input: ReportInput, options: BuildOptions): Report {
  const ctx = new ReportContext(input, options.lang);
  const { t } = ctx;
  const city = ctx.name(input.city);
  const sections: [string, string, string][] = [
    ['summary', t.summary, summarySection(ctx)],
    ['inventory', t.inventory, inventorySection(ctx)],
    ['official', t.official, officialSection(ctx)],
    ['targets', t.targets, pathwayTargetsTable(ctx) + trackedTargetsSection(ctx)],
    ['pathway', t.pathway, pathwaySection(ctx)],
    ['actions', t.actions, planSection(ctx) + trackedActionsSection(ctx)],
    ['areas', t.areas, areasSection(ctx)],
    ['adaptation', t.adaptation, adaptationSection(ctx)],
    ['cooperation', t.cooperation, cooperationSection(ctx)],
    ['sources', t.appendix, appendix(ctx)],
  ];
  const banner = options.illustrative ? `<p class="illustrative">${escapeHtml(t.illustrative)}</p>` : '';
  const html = `<!DOCTYPE html>
<html lang="${options.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title(city, input.year))}</title>
<style>${CSS}</style>
</head>
<body>
<header class="cover">
<h1>${escapeHtml(t.title(city, input.year))}</h1>
<p class="subtitle">${escapeHtml(t.subtitle)}</p>
${banner}
<p class="note">${escapeHtml(t.generated(input.year, input.inventory.result.year))}</p>
<nav><h2>${escapeHtml(t.contents)}</h2><ol class="contents">${sections.map(([id, title]) => `<li><a href="#${id}">${escapeHtml(title)}</a></li>`).join('')}</ol></nav>
</header>
${sections.map(([id, title, body]) => `<section id="${id}">\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`).join('\n')}
</body>
</html>
`;
  return { html, figures: ctx.figures.figures };
}

function appendix(ctx: ReportContext): string {
  const { t, input } = ctx;
  const rows = input.sources.map((source) => [
    `<code>${escapeHtml(source.id)}</code>`,
    escapeHtml(t.kinds[source.kind]),
    escapeHtml(source.version === null ? t.file : `v${source.version}`),
    `<code class="hash">${escapeHtml(source.hash)}</code>`,
  ]);
  const inv = input.inventory.result;
  const out = [`<p>${escapeHtml(t.sourcesIntro)}</p>`, table([t.document, t.documentKind, t.version, t.hash], rows), `<p class="note">${escapeHtml(t.methodNote(inv.gwp, inv.factorLibrary.version))}</p>`];
  if (input.warnings.length > 0) {
    out.push(`<h3>${escapeHtml(t.warnings)}</h3><ul>${input.warnings.map((warning) => `<li><code>${escapeHtml(warning.document.id)}</code>: ${escapeHtml(formatIssue(warning, ctx.lang))}</li>`).join('')}</ul>`);
  }
  return out.join('\n');
}

/** Print CSS: A4, each section on a new page, table headers repeated, rows and charts kept whole. */
const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
html { font-family: ${FONT}; font-size: 10.5pt; color: #1d2a26; line-height: 1.5; }
body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; }
h1 { font-size: 22pt; color: #1f6f5c; margin: 0 0 4mm; line-height: 1.25; }
h2 { font-size: 15pt; color: #1f6f5c; border-bottom: 2px solid #1f6f5c; padding-bottom: 1mm; margin: 0 0 4mm; }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; }
.subtitle { font-size: 12pt; color: #3b4d47; }
.illustrative { border: 1px solid #d08c2e; background: #fff6e8; padding: 2mm 3mm; color: #7a4b05; }
.note { color: #52645e; font-size: 9pt; }
nav ol { padding-left: 0; list-style: none; } /* the titles carry their own numbers (一、 / 1.) */
nav a { color: inherit; text-decoration: none; }
section { break-before: page; page-break-before: always; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
caption { text-align: left; font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 1px solid #cfd8d5; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #eef4f2; font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-size: 8pt; }
code.hash { word-break: break-all; }
figure.chart { margin: 3mm 0; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #52645e; }
.status { padding: 0 1.5mm; border-radius: 1mm; white-space: nowrap; }
.status-on-track, .status-achieved, .status-completed, .status-on-time { background: #e3f2ea; }
.status-at-risk, .status-late, .status-postponed { background: #fff1d6; }
.status-off-track, .status-cancelled { background: #fbe3e1; }
@media screen { body { padding: 10mm; } }
`;
