import { createEngine, formatIssue, MAX_MONTE_CARLO_RUNS, type Engine, type Lang } from '@peakpath/core';
import { highsSolver } from '@peakpath/node';
import { assembleReport, buildReport, PdfRenderer, problemText, sourcesFromStored, type ReportProblem, type StoredSource } from '@peakpath/report';
import type { Actor } from '@peakpath/store';
import { z } from 'zod';
import type { AppContext, RouteModule } from '../context.ts';
import { ApiError } from '../errors.ts';
import { today } from '../results/compute.ts';
import { allPages, idParams } from './shared.ts';

const name = z.string().trim().min(1).max(100);

const reportQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2100),
  lang: z.enum(['zh', 'en']).default('zh'),
  format: z.enum(['html', 'pdf']).default('html'),
  /** The date the tracking's statuses are judged at; today (the server's calendar, UTC) when absent, stated in the report. */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').optional(),
  runs: z.coerce.number().int().min(0).max(Math.min(MAX_MONTE_CARLO_RUNS, 10_000)).default(1_000),
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
  pathway: name.optional(),
  plan: name.optional(),
  tracking: name.optional(),
  /** The inventories shown (names, comma-separated) when not all of the city's; the pathway's base inventory is always read. */
  inventories: z.string().max(2000).transform((names) => names.split(',').map((one) => one.trim()).filter((one) => one.length > 0)).optional(),
}).strict();

/** The report's HTML stands alone: inline styles and SVG, nothing fetched, no script. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * Every document of the entity the actor may read, at the version the actor sees (the public: the latest
 * published), of the kinds a report reads.
 */
async function storedSources(context: AppContext, actor: Actor, entityId: string): Promise<StoredSource[]> {
  const sources: StoredSource[] = [];
  for (const document of await allPages((cursor) => context.store.documents(actor, entityId, { limit: 200, cursor }))) {
    // A cluster's aggregation and a district file's reconciliation are no part of a city report.
    if (document.kind === 'cluster' || document.kind === 'district') continue;
    const version = await context.store.version(actor, document.id);
    sources.push({ id: document.id, kind: document.kind, name: document.name, version: version.version, bodyHash: version.bodyHash, body: version.body });
  }
  return sources;
}

const both = (text: (lang: Lang) => string) => ({ en: text('en'), zh: text('zh') });

function cannotAssemble(problems: readonly ReportProblem[]): ApiError {
  return new ApiError(
    422,
    'invalid-document',
    { en: `The report cannot be made from this city's documents: ${problems.length} problem(s), each listed.`, zh: `无法由本城市的文档生成报告：共 ${problems.length} 处问题，逐条列出。` },
    problems.map((problem) =>
      problem.kind === 'issue'
        ? { ...problem.issue, path: problem.issue.path, message: both((lang) => formatIssue(problem.issue, lang)) }
        : { path: problem.kind === 'bad-date' ? ['asOf'] : [], code: problem.kind, message: both((lang) => problemText(problem, lang)) },
    ),
  );
}

/**
 * Prints reports one at a time on one browser, started on the first PDF and closed with the server: a
 * PDF is about half a second of Chromium, and a queue keeps many requests from starting many browsers.
 */
class PdfQueue {
  #renderer = new PdfRenderer();
  #tail: Promise<unknown> = Promise.resolve();

  render(html: string, lang: Lang, header: string): Promise<Buffer> {
    const next = this.#tail.then(async () => {
      try {
        return await this.#renderer.render(html, { lang, header });
      } catch (error) {
        // A browser that failed or died is not kept: the next report starts a new one.
        await this.#renderer.close().catch(() => undefined);
        this.#renderer = new PdfRenderer();
        throw new ApiError(503, 'internal', { en: `The PDF could not be printed (Chromium): ${(error as Error).message}. The HTML report is available with format=html.`, zh: `无法打印 PDF（Chromium）：${(error as Error).message}。可用 format=html 获取 HTML 报告。` });
      }
    });
    this.#tail = next.catch(() => undefined);
    return next;
  }

  close(): Promise<void> {
    return this.#renderer.close();
  }
}

/** The annual report of a city from its stored documents (docs/reports.md): HTML or PDF, Chinese or English. */
export const reportRoutes: RouteModule = (app, context) => {
  const pdf = new PdfQueue();
  app.addHook('onClose', async () => pdf.close());
  // The report runs the plan, which needs the LP solver (HiGHS); the API's own engine has none (plans
  // optimise as jobs). Loaded on the first report; documents come with the request, nothing is resolved.
  let engine: Promise<Engine> | undefined;
  const reportEngine = () => (engine ??= highsSolver().then((solver) => createEngine({ solver, yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)) })));

  app.get('/api/entities/:id/report', {
    config: { access: 'public' },
    schema: {
      tags: ['reports'],
      summary: "A city's annual report from its stored documents, every figure with its document version (HTML or PDF) / 城市年度报告（HTML 或 PDF），每个数字注明其文档版本",
      params: idParams,
      querystring: reportQuery,
    },
  }, async (request, reply) => {
    const { year, lang, format, runs, seed } = request.query;
    const entity = await context.store.entity(request.actor, request.params.id);
    const picked = sourcesFromStored(await storedSources(context, request.actor, entity.id), { pathway: request.query.pathway, plan: request.query.plan, tracking: request.query.tracking, inventories: request.query.inventories });
    if (!picked.ok) {
      const names = picked.names.join(', ') || '—';
      const field = picked.kind === 'inventory' ? 'inventories' : picked.kind;
      throw new ApiError(422, 'invalid-document', picked.code === 'ambiguous'
        ? { en: `The city has several ${picked.kind} documents (${names}): name one with ?${field}=.`, zh: `本城市有多份${picked.kind}文档（${names}）：请用 ?${field}= 指定一份。` }
        : { en: `No ${picked.kind} document named "${picked.wanted ?? ''}" in this city (there are: ${names}).`, zh: `本城市没有名为"${picked.wanted ?? ''}"的${picked.kind}文档（现有：${names}）。` }, [
        { path: [field], code: picked.code === 'ambiguous' ? 'ambiguous-document' : 'unresolved-reference', names: picked.names, message: picked.code === 'ambiguous' ? { en: `${field}: one of ${names}`, zh: `${field}：应为 ${names} 之一` } : { en: `${field}: no such document`, zh: `${field}：无此文档` } },
      ]);
    }
    const asOf = request.query.asOf ?? today(context);
    const assembled = await assembleReport(await reportEngine(), picked.sources, { year, runs, seed, asOf });
    if (!assembled.ok) throw cannotAssemble(assembled.problems);
    const report = buildReport(assembled.value, { lang });
    const title = lang === 'zh' ? assembled.value.city.zh : assembled.value.city.en;
    const file = `report-${entity.slug}-${year}.${lang}.${format}`;
    reply
      .header('x-peakpath-sources', assembled.value.sources.map((source) => `${source.kind}:${source.id}@${source.version ?? source.hash}`).join(', '))
      .header('x-peakpath-as-of', `${asOf}${request.query.asOf ? '' : ' (today)'}`);
    if (format === 'html') {
      return reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', REPORT_CSP).header('content-disposition', `inline; filename="${file}"`).send(report.html);
    }
    const bytes = await pdf.render(report.html, lang, title);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${file}"`).send(bytes);
  });
};
