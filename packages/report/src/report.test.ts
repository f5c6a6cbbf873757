import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { createNodeEngine, readDocument } from '@peakpath/node';
import type { Tracking, TrackingResult } from '@peakpath/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleReport, buildReport, PdfRenderer, sourcesFromFile, valueAt, type Figure, type ReportInput } from '@peakpath/report';

const RUNS = 300;
const SEED = 7;
let input: ReportInput;
/** The engine's results computed here, directly, not through the report. */
let expected: Record<string, unknown>;
const renderer = new PdfRenderer();

beforeAll(async () => {
  const engine = await createNodeEngine();
  const assembled = await assembleReport(engine, await sourcesFromFile('examples/demo-city/plan.yaml'), { year: 2022, runs: RUNS, seed: SEED });
  if (!assembled.ok) throw new Error(JSON.stringify(assembled.problems));
  input = { ...assembled.value, tracking: { ...handTracking(), source: { kind: 'tracking', id: 'tracking.yaml', name: 'tracking.yaml', version: 3, hash: 'sha256:00' } } };
  const inventory = engine.inventory(await readDocument('examples/demo-city/inventory.yaml'), { id: 'inventory' });
  const pathway = await engine.pathway(await readDocument('examples/demo-city/pathway.yaml'), { id: 'examples/demo-city/pathway.yaml' });
  const plan = await engine.plan(await readDocument('examples/demo-city/plan.yaml'), { id: 'examples/demo-city/plan.yaml' });
  if (!inventory.ok || !pathway.ok || !plan.ok) throw new Error('demo documents do not compute');
  const mc = await engine.monteCarlo(pathway.value.pathway, { runs: RUNS, seed: SEED });
  if (!mc.ok) throw new Error('monte carlo');
  expected = { 'inventory:2022': inventory.value, pathway: pathway.value.result, monteCarlo: mc.value, plan: plan.value, tracking: handTracking().result };
  for (const scenario of pathway.value.comparison) expected[`scenario:${scenario.scenario.id}`] = scenario;
}, 120_000);
afterAll(() => renderer.close());

/** The value a figure should have, from the results computed in this test. */
function engineValue(figure: Figure, figures: ReadonlyMap<string, Figure>): number {
  const at = figure.at;
  if ('path' in at) return valueAt(expected[at.root], at.path);
  if ('counted' in at) return (expected['pathway'] as { targets: { met: boolean }[] }).targets.filter((target) => target.met).length;
  const [a, b] = at.of.map((id) => engineValue(figures.get(id)!, figures)) as [number, number];
  return at.derived === 'change' ? b / a - 1 : a / b;
}

/** Every `data-figure` element of the HTML: its id, source and text. */
function figureElements(html: string): { id: string; source: string; text: string }[] {
  return [...html.matchAll(/<span class="fig" data-figure="([^"]+)" data-source="([^"]+)">([^<]*)<\/span>/g)].map((m) => ({ id: m[1]!, source: m[2]!, text: m[3]! }));
}

describe.each(['zh', 'en'] as const)('the demo city report in %s', (lang) => {
  it('shows every number as a figure equal to the engine computation, with its document version', () => {
    const report = buildReport(input, { lang, illustrative: true });
    const figures = new Map(report.figures.map((figure) => [figure.id, figure]));
    const elements = figureElements(report.html);
    expect(elements.length).toBeGreaterThan(100);
    for (const element of elements) {
      const figure = figures.get(element.id);
      expect(figure, element.id).toBeDefined();
      expect(element.text.replace(/&#39;|&amp;/g, '')).toBe(figure!.text.replace(/'|&/g, ''));
      expect(figure!.value, element.id).toBe(engineValue(figure!, figures));
      expect(element.source.startsWith(figure!.source.document)).toBe(true);
    }
    // Inventory figures cite the inventory file by its hash, the plan's by the plan file.
    const basic = figures.get('inventory:2022.totals.basic')!;
    expect(basic.source.document).toBe('examples/demo-city/inventory.yaml');
    expect(basic.source.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(figures.get('plan.totalCost')!.source.document).toBe('examples/demo-city/plan.yaml');
    expect(figures.get('tracking.targets.0.progress')!.source.version).toBe(3);
  });

  it('prints Chinese totals in 万/亿 as the core names them, and English in full', () => {
    const report = buildReport(input, { lang });
    const basic = report.figures.find((figure) => figure.id === 'inventory:2022.totals.basic')!;
    expect(basic.text).toBe(lang === 'zh' ? '3,552.2 万吨 CO2e' : '35,522,460 tCO2e');
  });

  it('is self-contained: no URL, inline SVG charts, every section', () => {
    const { html } = buildReport(input, { lang });
    expect(html).not.toMatch(/(?:src|href)=["'](?!#)/);
    // Only XML namespace names (never fetched) may look like URLs.
    expect(html.replace(/xmlns(?::\w+)?="http:\/\/www\.w3\.org\/[^"]+"/g, "")).not.toMatch(/https?:\/\//);
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(4);
    for (const id of ['summary', 'inventory', 'official', 'targets', 'pathway', 'actions', 'areas', 'adaptation', 'cooperation', 'sources']) expect(html).toContain(`<section id="${id}">`);
  });

  it('states the correlations the Monte Carlo drew with, and none when there are none', () => {
    const pathway = input.pathway!;
    const monteCarlo = { ...pathway.monteCarlo!, correlations: [{ between: ['drivers.gdp.growth.2026', 'drivers.gdp.growth.2031'] as const, rank: 0.6, copula: 0.618 }] };
    const { html } = buildReport({ ...input, pathway: { ...pathway, monteCarlo } }, { lang });
    expect(html).toContain('drivers.gdp.growth.2026 ~ drivers.gdp.growth.2031 0.6');
    expect(html).toContain(lang === 'zh' ? '共同抽样的参数' : 'Drawn together');
    expect(buildReport(input, { lang }).html).not.toContain(lang === 'zh' ? '共同抽样的参数' : 'Drawn together');
  });

  it('renders the tracking sections from a hand-written tracking result', () => {
    const { html } = buildReport(input, { lang });
    expect(html).toContain(lang === 'zh' ? '屋顶光伏' : 'Rooftop solar');
    expect(html).toContain(lang === 'zh' ? '能源管理' : 'Energy management');
    expect(html).toContain(lang === 'zh' ? '城市内涝' : 'Urban flooding');
    expect(html).toContain('C40');
  });

  it('prints a PDF whose pages are not blank, with an embedded font that carries the Chinese title', async () => {
    const report = buildReport(input, { lang, illustrative: true });
    const pdf = await renderer.render(report.html, { lang, header: 'Demo City 2022' });
    const dir = mkdtempSync(join(tmpdir(), 'peakpath-report-'));
    writeFileSync(join(dir, 'report.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '30', '-png', join(dir, 'report.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir).filter((name) => name.startsWith('page'));
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const page of pages) expect(inkShare(readFileSync(join(dir, page))), page).toBeGreaterThan(0.003);
    // Chromium embeds the CJK OpenType (CFF) glyphs as Type 3 fonts without a name: embedded ("emb yes"),
    // and their ToUnicode maps make the text extractable, which pdftotext shows.
    const fonts = execFileSync('pdffonts', [join(dir, 'report.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // Columns: name, type, encoding, emb, sub, uni: every font embedded.
    for (const line of fonts) expect(line.split(/\s{2,}|\s(?=yes|no)/).map((cell) => cell.trim()).filter((cell) => cell === 'yes' || cell === 'no')[0], line).toBe('yes');
    const text = execFileSync('pdftotext', ['-l', '1', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(lang === 'zh' ? '示例市 2022 年度绿色低碳发展报告' : 'Demo City: Annual Green and Low-Carbon Development Report 2022');
    if (lang === 'zh') expect(execFileSync('pdftotext', ['-f', '3', '-l', '3', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' })).toContain('万吨');
  }, 60_000);
});

/** Share of non-white pixels of an 8-bit RGB or grey PNG (pdftoppm's output), read without a library. */
function inkShare(png: Buffer): number {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colourType = png[25]!;
  const channels = colourType === 2 ? 3 : colourType === 0 ? 1 : colourType === 6 ? 4 : 0;
  if (channels === 0 || png[24] !== 8) throw new Error(`unexpected PNG colour type ${colourType}`);
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const previous = new Uint8Array(stride);
  const row = new Uint8Array(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const base = y * (stride + 1);
    const filter = raw[base]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[base + 1 + x]!;
      const left = x >= channels ? row[x - channels]! : 0;
      const up = previous[x]!;
      const upLeft = x >= channels ? previous[x - channels]! : 0;
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      row[x] = (value + [0, left, up, (left + up) >> 1, paeth][filter]!) & 0xff;
    }
    for (let x = 0; x < width; x++) if (row[x * channels]! < 235) ink++;
    previous.set(row);
  }
  return ink / (width * height);
}

/** A tracking document and its result written by hand (the tracking engine is issue 16's part A). */
function handTracking(): { tracking: Tracking; result: TrackingResult } {
  const rules = { atRisk: 0.8, updateDays: 90, staleDays: 180, from: 'default' } as const;
  const tracking: Tracking = {
    version: 1,
    city: { zh: '示例市', en: 'Demo City' },
    rules,
    targets: [{ id: 'solar', name: { zh: '屋顶光伏装机', en: 'Rooftop solar capacity' }, kind: 'sector', cdpType: 'fixed-level', boundary: 'basic', targetYear: 2025, form: 'level', value: 500, unit: 'MW', indicator: 'solar-mw' }],
    indicators: [
      { id: 'solar-mw', area: 'energy-management', name: { zh: '屋顶光伏装机', en: 'Rooftop solar capacity' }, unit: 'MW', direction: 'increase', base: { year: 2020, value: 100 }, goals: [{ year: 2025, value: 500 }], actuals: [{ year: 2022, value: 260, source: 'grid company' }] },
      { id: 'ev-share', area: 'transportation', name: { zh: '新能源汽车占比', en: 'Share of new-energy vehicles' }, unit: '%', direction: 'increase', base: { year: 2020, value: 5 }, goals: [{ year: 2025, value: 30 }], actuals: [{ year: 2022, value: 12.5, source: 'police registry' }] },
    ],
    actions: [
      { id: 'solar-roofs', name: { zh: '屋顶光伏推广', en: 'Rooftop solar programme' }, kind: 'mitigation', area: 'energy-management', hazards: [], lead: 'DRC', collaborators: [], phase: 'implementation', tasks: [{ name: { en: 'Survey' }, due: '2022-06-30', done: '2022-05-01' }, { name: { en: 'Tender' }, due: '2023-03-31' }], updates: [{ date: '2022-11-02', text: { en: 'Tender drafted' } }], budget: { planned: 1200, spent: 300, unit: '万元' }, indicators: ['solar-mw'] },
      { id: 'sponge', name: { zh: '海绵城市改造', en: 'Sponge-city retrofit' }, kind: 'adaptation', area: 'ecological-environment', hazards: ['flood'], lead: 'Water bureau', collaborators: [], phase: 'design', tasks: [], updates: [], indicators: [] },
    ],
    hazards: [{ id: 'flood', type: 'urban-flooding', name: { zh: '城市内涝', en: 'Urban flooding' }, probability: 'high', magnitude: 'medium', frequencyChange: 'increase', intensityChange: 'increase', timescale: 'current', sectors: ['water'], vulnerableGroups: [], adaptiveCapacity: 'medium' }],
    practices: [],
    cooperation: [{ year: 2022, text: { zh: '加入 C40 城市气候领导联盟工作组', en: 'Joined a C40 working group' }, partners: ['C40'] }],
  };
  const indicator = (id: string, area: 'energy-management' | 'transportation', latest: number, goal: number, base: number) => ({
    indicator: id, area, goal: { year: 2025, value: goal }, latest: { year: 2022, value: latest }, progress: (latest - base) / (goal - base), expected: 0.4,
    neededPerYear: (goal - latest) / 3, achievedPerYear: (latest - base) / 2, status: 'on-track' as const, overdue: false,
  });
  const solar = indicator('solar-mw', 'energy-management', 260, 500, 100);
  const result: TrackingResult = {
    asOf: '2022-12-31',
    rules,
    indicators: [solar, { ...indicator('ev-share', 'transportation', 12.5, 30, 5), status: 'at-risk' }],
    targets: [{ ...solar, target: 'solar', goalFrom: 'level' }],
    actions: [
      { action: 'solar-roofs', status: 'on-time', statusFrom: 'derived', tasks: { total: 2, done: 1, overdue: 0 }, lastUpdate: '2022-11-02', daysSinceUpdate: 59, freshness: 'on-time', budgetShare: 0.25 },
      { action: 'sponge', status: 'not-started', statusFrom: 'derived', tasks: { total: 0, done: 0, overdue: 0 }, lastUpdate: null, daysSinceUpdate: null, freshness: 'never', budgetShare: null },
    ],
    hazards: [{ hazard: 'flood', score: 6, rating: 'high', actions: ['sponge'] }],
    summary: {
      indicators: { achieved: 0, 'on-track': 1, 'at-risk': 1, 'off-track': 0, 'no-data': 0 },
      actions: { 'not-started': 1, 'in-progress': 0, 'on-time': 1, late: 0, completed: 0, postponed: 0, cancelled: 0, merged: 0 },
      freshness: { 'on-time': 1, late: 0, stale: 0, never: 1 },
    },
  };
  return { tracking, result };
}
