/**
 * `peakpath track` as users run it: the demo city's tracking file at a date in both languages and as JSON (the
 * statuses the core computes), the starter indicators, and bad files and dates refused with the field named.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTracking, parseTracking, progressText, starterIndicators, TRACKING_AREA_NAMES, type TrackingResult } from '@peakpath/core';
import { peakpath, ROOT } from './support/cli.ts';

const DEMO = join('examples', 'demo-city', 'tracking.yaml');
const DEMO_BODY = parse(readFileSync(join(ROOT, DEMO), 'utf8')) as Record<string, unknown>;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakpath-track-'));
  copyFileSync(join(ROOT, 'examples', 'demo-city', 'plan.yaml'), join(dir, 'plan.yaml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the demo tracking file next to a copy of its plan, with `change` applied. */
function copyWith(name: string, change: (body: Record<string, unknown>) => void): string {
  const body = structuredClone(DEMO_BODY);
  change(body);
  const file = join(dir, name);
  writeFileSync(file, stringify(body));
  return file;
}

describe('peakpath track FILE', () => {
  const core = (): TrackingResult => {
    const parsed = parseTracking(DEMO_BODY);
    if (!parsed.ok) throw new Error('demo tracking');
    return computeTracking(parsed.tracking, '2025-06-30');
  };

  it('--json: the date, where it came from, the rules, and the statuses computeTracking gives', () => {
    const run = peakpath(['track', DEMO, '--as-of', '2025-06-30', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout) as { asOf: string; asOfFrom: string; rules: unknown; result: TrackingResult; warnings: unknown[] };
    const expected = JSON.parse(JSON.stringify(core())) as TrackingResult;
    expect(answer).toEqual({ asOf: '2025-06-30', asOfFrom: 'option', rules: expected.rules, result: expected, warnings: [] });
    expect(answer.result.summary.actions).toEqual({ 'not-started': 1, 'in-progress': 1, 'on-time': 3, late: 1, completed: 1, postponed: 1, cancelled: 1, merged: 1 });
  });

  it.each(['en', 'zh'] as const)('tables in %s: every target, indicator (under its area), action and hazard with its status; the rules and the date', (lang) => {
    const run = peakpath(['track', DEMO, '--as-of', '2025-06-30', '--lang', lang]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = core();
    const lines = run.stdout.split('\n');
    const row = (id: string): string => {
      const found = lines.find((line) => line.includes(lang === 'zh' ? `（${id}）` : `(${id})`));
      if (found === undefined) throw new Error(`no row for ${id}`);
      return found;
    };
    expect(lines[0]).toContain('2025-06-30');
    expect(lines[0]).toContain('--as-of');
    const statusName = { en: { achieved: 'achieved', 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track', 'no-data': 'no data' }, zh: { achieved: '已完成', 'on-track': '进度正常', 'at-risk': '存在风险', 'off-track': '进度滞后', 'no-data': '暂无数据' } }[lang];
    for (const target of result.targets) {
      expect(row(target.target)).toContain(statusName[target.status]);
      expect(row(target.target)).toContain(progressText(target.progress!, lang));
    }
    // co2-intensity-2025: (0.70 − 0.80)/(0.656 − 0.80) = 0.694 → 完成69%.
    expect(row('co2-intensity-2025')).toContain(lang === 'zh' ? '完成69%' : '69% achieved');
    for (const indicator of result.indicators) {
      const line = row(indicator.indicator);
      expect(line).toContain(statusName[indicator.status]);
      // Each indicator sits under its area's heading: the nearest heading above it is its area's name.
      const at = lines.indexOf(line);
      const areaNames = Object.values(TRACKING_AREA_NAMES).map((names) => names[lang]);
      const heading = lines.slice(0, at).reverse().find((candidate) => areaNames.includes(candidate));
      expect(heading).toBe(TRACKING_AREA_NAMES[indicator.area][lang]);
    }
    expect(row('energy-co2')).toContain(lang === 'zh' ? '逾期未更新' : 'overdue');
    expect(row('insulation')).toContain(lang === 'zh' ? '滞后（自动判定）' : 'late (derived)');
    expect(row('wind')).toContain(lang === 'zh' ? '已取消（填报）' : 'cancelled (stated)');
    expect(row('rooftop-pv')).toMatch(/1\/2/u);
    expect(row('rooftop-pv')).toContain('33%'); // 6,500 of 20,000 万元
    expect(row('heat')).toContain('cooling-corridors');
    expect(run.stdout).toContain(lang === 'zh' ? '所用规则（文件中的 `rules`）' : "Rules used (the file's `rules`)");
  });

  it("without --as-of, today's date, and the output says it is today's", () => {
    const run = peakpath(['track', DEMO, '--json']);
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout) as { asOf: string; asOfFrom: string };
    expect(answer.asOfFrom).toBe('today');
    expect(answer.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(peakpath(['track', DEMO, '--lang', 'en']).stdout.split('\n')[0]).toContain("today's date by this computer's clock");
  });
});

describe('peakpath track --starter', () => {
  it.each(['en', 'zh'] as const)('every starter indicator under its area, with unit and definition source (%s)', (lang) => {
    const run = peakpath(['track', '--starter', '--lang', lang]);
    expect(run.status).toBe(0);
    for (const indicator of starterIndicators()) {
      const line = run.stdout.split('\n').find((candidate) => candidate.startsWith(`${indicator.id} `));
      expect(line, indicator.id).toBeDefined();
      expect(line).toContain(indicator.name[lang]);
      expect(line).toContain(indicator.unit);
      expect(line).toContain(indicator.definitionSource.slice(0, 20));
    }
    for (const names of Object.values(TRACKING_AREA_NAMES)) expect(run.stdout.split('\n')).toContain(names[lang]);
  });

  it('--json: the core’s starter records', () => {
    const run = peakpath(['track', '--starter', '--json']);
    expect(JSON.parse(run.stdout)).toEqual({ starter: JSON.parse(JSON.stringify(starterIndicators())) });
  });

  it('neither a file nor --starter, or both, or --starter with a date: exit 2, saying why', () => {
    for (const args of [['track'], ['track', DEMO, '--starter']]) {
      const run = peakpath([...args, '--lang', 'zh']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--starter');
    }
    const dated = peakpath(['track', '--starter', '--as-of', '2025-06-30']);
    expect(dated.status).toBe(2);
    expect(dated.stderr).toContain('--as-of');
  });
});

describe('bad input: every problem at once, the field named, exit 2', () => {
  it.each(['en', 'zh'] as const)("a measure neither in the plan nor the catalogue, and a status without its reason (%s)", (lang) => {
    const file = copyWith('wrong-measure.yaml', (body) => {
      const actions = body['actions'] as Record<string, Record<string, unknown>>;
      actions['rooftop-pv']!['measure'] = 'pv-roof';
      actions['wind']!['status'] = { value: 'cancelled' };
    });
    const run = peakpath(['track', file, '--as-of', '2025-06-30', '--lang', lang]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(lang === 'zh' ? '发现 2 处输入问题' : '2 input problems');
    expect(run.stderr).toContain('actions.rooftop-pv.measure');
    expect(run.stderr).toContain('pv-roofs'); // the nearest measure of the plan
    expect(run.stderr).toContain('actions.wind.status.reason');
  });

  it("a plan that cannot be read: the reference's problem with the file's own", () => {
    const file = copyWith('no-plan.yaml', (body) => {
      body['plan'] = 'missing-plan.yaml';
      (body['rules'] as Record<string, unknown>)['atRisk'] = 2;
    });
    const run = peakpath(['track', file, '--as-of', '2025-06-30']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('plan');
    expect(run.stderr).toContain('missing-plan.yaml');
    expect(run.stderr).toContain('rules.atRisk');
  });

  it.each([
    ['en', 'is not a real date'],
    ['zh', '不是有效日期'],
  ] as const)('a date that is not real: exit 2 at --as-of (%s)', (lang, words) => {
    for (const asOf of ['2025-02-30', '30-06-2025']) {
      const run = peakpath(['track', DEMO, '--as-of', asOf, '--lang', lang]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`--as-of`);
      expect(run.stderr).toContain(asOf);
      expect(run.stderr).toContain(words);
    }
  });

  it('a file that is not YAML: exit 2 with the line', () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'city: [unclosed\n');
    const run = peakpath(['track', file, '--as-of', '2025-06-30']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not valid YAML.*line \d+, column \d+/u);
  });
});
