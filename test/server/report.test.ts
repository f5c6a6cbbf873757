/**
 * GET /api/entities/:id/report: the annual report from the city's stored documents, as the caller may read
 * them — the public the published versions, the city's editor its drafts too —, every figure marked with
 * the stored version it came from, the tracking judged at ?asOf=, a PDF from the same HTML, and bad
 * requests refused with a structured body in both languages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeTracking, parseTracking } from '@peakpath/core';
import { valueAt } from '@peakpath/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, targets, type Fixture } from './fixture.ts';

/** The figures of the report: `id → { source, text }`. */
function figures(html: string): Map<string, { source: string; text: string }> {
  const found = new Map<string, { source: string; text: string }>();
  for (const match of html.matchAll(/data-figure="([^"]+)" data-source="([^"]+)">([^<]*)</g)) found.set(match[1]!, { source: match[2]!, text: match[3]! });
  return found;
}

describe.each(targets)('the annual report from the store on %s', (target) => {
  let f: Fixture;
  let city: string;
  let ids: { inventory: string; tracking: string; plan: string };
  beforeAll(async () => {
    f = await openFixture(target);
    city = f.cities.A.id;
    const page = await f.store.documents(f.admin, city, { limit: 200 });
    const find = (kind: string, name?: string) => page.items.find((document) => document.kind === kind && (name === undefined || document.name === name))!.id;
    // The fixture's unpublished copy of the 2022 inventory would be a second inventory of 2022 for the city's
    // people: the report refuses to choose (tested below); these requests name the published one.
    ids = { inventory: f.documents.A.inventory.id, tracking: find('tracking'), plan: f.documents.A.plan.id };
  }, 240_000);
  afterAll(async () => f?.dispose());

  const url = (query: string) => `/api/entities/${city}/report?${query}&inventories=${encodeURIComponent(f.documents.A.inventory.name)}`;

  it('writes the HTML for the public from published versions, the tracking judged at ?asOf= as the core judges it', async () => {
    const response = await f.app.inject({ method: 'GET', url: url('year=2024&lang=zh&runs=200&seed=3&asOf=2025-06-30') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['x-peakpath-as-of']).toBe('2025-06-30');
    const html = response.body;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('状态判定日期 2025-06-30');
    // Nothing fetched: no link or source outside the document (an SVG's xmlns is a name, not a request).
    expect(html).not.toMatch(/(src|href|url)\s*[=(]\s*["']?https?:/i);
    const shown = figures(html);
    // Each figure names the stored document and version it came from.
    const sources = new Set([...shown.values()].map((figure) => figure.source.split('@')[0]));
    for (const id of Object.values(ids)) expect(sources, id).toContain(id);
    for (const figure of shown.values()) expect(figure.source).toMatch(/@v1$/);
    // The tracking's percentages are the core's, from the stored body at the same date.
    const body = (await f.store.version(f.admin, ids.tracking)).body;
    const parsed = parseTracking(body);
    if (!parsed.ok) throw new Error('the stored tracking does not parse');
    const computed = computeTracking(parsed.tracking, '2025-06-30');
    const percents = [...shown].filter(([id]) => /^tracking\..*\.(progress|expected)$/.test(id));
    expect(percents.length).toBeGreaterThan(10);
    for (const [id, figure] of percents) {
      const value = valueAt(computed, id.split('.').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part)));
      expect(figure.text, id).toBe(`${Math.round(value * 100)}%`);
    }
  });

  it('shows the editor the draft, and the public the published version', async () => {
    const current = await f.store.version(f.admin, ids.inventory);
    const draft = await f.store.saveVersion(f.users.editorA, ids.inventory, { body: current.body, expectedVersion: current.version, comment: 'draft for the report test' });
    const versionsShown = async (headers: Record<string, string>) => {
      const response = await f.app.inject({ method: 'GET', url: url('year=2022&lang=en&runs=0&asOf=2025-06-30'), headers });
      expect(response.statusCode).toBe(200);
      return new Set([...figures(response.body).values()].filter((figure) => figure.source.startsWith(`${ids.inventory}@`)).map((figure) => figure.source));
    };
    expect(await versionsShown(f.credentials.editorA.headers)).toEqual(new Set([`${ids.inventory}@v${draft.version}`]));
    expect(await versionsShown({})).toEqual(new Set([`${ids.inventory}@v${current.version}`]));
  });

  it('prints the PDF in Chinese with the CJK font embedded', async () => {
    const response = await f.app.inject({ method: 'GET', url: url('year=2024&lang=zh&format=pdf&runs=0&asOf=2025-06-30') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="report-demo-city-2024.zh.pdf"');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'peakpath-report-api-'));
    try {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, response.rawPayload);
      expect(execFileSync('pdftotext', ['-l', '1', file, '-'], { encoding: 'utf8' })).toContain('年度绿色低碳发展报告');
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim().length > 0);
      expect(fonts.length).toBeGreaterThan(0);
      // Every font embedded (the `emb` column).
      for (const line of fonts) expect(line, line).toMatch(/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad requests with every problem named, in both languages', async () => {
    const badQuery = await f.app.inject({ method: 'GET', url: `/api/entities/${city}/report?year=soon&format=docx` });
    expect(badQuery.statusCode).toBe(400);
    const badDate = await f.app.inject({ method: 'GET', url: url('year=2024&runs=0&asOf=2025-02-30') });
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json()).toMatchObject({ error: { code: 'invalid-document', issues: [{ path: ['asOf'], code: 'bad-date', message: { en: 'asOf: expected a real date YYYY-MM-DD, got "2025-02-30"' } }] } });
    // The city's people also read the unpublished inventory of the same year: the report will not pick one.
    const twice = await f.app.inject({ method: 'GET', url: `/api/entities/${city}/report?year=2022&runs=0&asOf=2025-06-30`, headers: f.credentials.editorA.headers });
    expect(twice.statusCode).toBe(422);
    const issue = (twice.json() as { error: { issues: { code: string; message: { en: string; zh: string } }[] } }).error.issues[0]!;
    expect(issue.code).toBe('duplicate-year');
    expect(issue.message.en).toContain('more than one inventory for 2022');
    expect(issue.message.zh).toContain('2022 年有多份清单');
    const unknown = await f.app.inject({ method: 'GET', url: `/api/entities/${city}/report?year=2022&runs=0&plan=no-such-plan` });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ error: { issues: [{ path: ['plan'], code: 'unresolved-reference' }] } });
  });
});
