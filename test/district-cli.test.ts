/**
 * `peakpath district` as users run it: the worked examples of docs/districts.md (examples/district/) in both
 * languages and as JSON — Gamma split into North and South with the remainder computed (94,285 on BASIC), South on
 * the national grid factor against a stated remainder (1,757 on BASIC, row I.1.2), Eco Park climate positive only
 * with its credits (−1,023 with them, 5,977 without) — checked against the core's functions on the same inventories,
 * and bad district files refused, every problem at once with its field, exit 2.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessClimatePositive, createEngine, reconcileParts, type ClimatePositiveResult, type InventoryResult, type NearZeroResult, type PartsReconciliation } from '@peakpath/core';
import { peakpath, ROOT } from './support/cli.ts';

const FOLDER = join('examples', 'district');
const read = (file: string): Record<string, unknown> => parse(readFileSync(join(ROOT, FOLDER, file), 'utf8')) as Record<string, unknown>;

function inventory(file: string): InventoryResult {
  const run = createEngine().inventory(read(file));
  if (!run.ok) throw new Error(file);
  return run.value;
}

interface DistrictJson {
  name: { en: string; zh: string };
  city: { inventory: string };
  parts: { id: string; kind?: string; inventory: string }[];
  remainder: unknown;
  reconciliation: PartsReconciliation;
  assessments: { part: string; climatePositive?: ClimatePositiveResult; nearZero?: NearZeroResult & { setGiven: string } }[];
  warnings: unknown[];
}

function json(file: string): DistrictJson {
  const run = peakpath(['district', join(FOLDER, file), '--json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as DistrictJson;
}

const line = (value: PartsReconciliation, basis: string) => value.bases.find((entry) => entry.basis === basis)!;
/** The table row that starts with `label`, its cells split on the gaps between columns. */
const row = (stdout: string, label: string): string[] => stdout.split('\n').find((text) => text.startsWith(label))!.trim().split(/\s{2,}/);

describe('peakpath district: Gamma, North, South and the rest computed', () => {
  it('--json: the remainder computed as city − parts, 94,285 on BASIC, as reconcileParts gives it', () => {
    const answer = json('district.yaml');
    const { reconciliation } = answer;
    expect(reconciliation.parts).toEqual(['north', 'south']);
    expect(reconciliation.remainderKind).toBe('computed');
    expect(line(reconciliation, 'basic').city).toBeCloseTo(340_340, 6);
    expect(line(reconciliation, 'basic').parts).toBeCloseTo(246_055, 6);
    expect(line(reconciliation, 'basic').remainder).toBeCloseTo(94_285, 6);
    expect(line(reconciliation, 'scope1').remainder).toBeCloseTo(66_200, 6);
    expect(line(reconciliation, 'III.basic').remainder).toBeCloseTo(11_200, 6);
    expect(reconciliation.differences).toEqual([]);
    expect(reconciliation.mismatches).toEqual([]);
    const core = reconcileParts({ id: 'city', result: inventory('gamma.yaml') }, [
      { id: 'north', result: inventory('north.yaml') },
      { id: 'south', result: inventory('south.yaml') },
    ]);
    if (!core.ok) throw new Error('the worked example does not reconcile');
    expect(reconciliation).toEqual(JSON.parse(JSON.stringify(core.value)));
    expect(answer.parts.map((part) => [part.id, part.kind, part.inventory.endsWith(join('district', `${part.id}.yaml`))])).toEqual([
      ['north', 'district', true],
      ['south', 'district', true],
    ]);
    expect(answer.remainder).toBeNull();
    expect(answer.assessments).toEqual([]);
  });

  it('in English and in Chinese: the reconciliation per basis with the remainder labelled computed', () => {
    const en = peakpath(['district', join(FOLDER, 'district.yaml'), '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(row(en.stdout, 'BASIC ')).toEqual(['BASIC', '340,340', '164,936', '81,119', '246,055', '94,285', 'computed', '0']);
    expect(row(en.stdout, 'Scope 1 ')).toEqual(['Scope 1', '228,000', '120,000', '41,800', '161,800', '66,200', 'computed', '0']);
    expect(en.stdout).toContain('Remainder: not stated, computed as city − parts');
    expect(en.stdout).toContain('None: every basis adds up within 0.5 tCO2e.');
    const zh = peakpath(['district', join(FOLDER, 'district.yaml'), '--lang', 'zh']);
    expect(zh.status).toBe(0);
    expect(row(zh.stdout, 'BASIC ')).toEqual(['BASIC', '340,340', '164,936', '81,119', '246,055', '94,285', '计算所得', '0']);
    expect(row(zh.stdout, '范围一 ')).toEqual(['范围一', '228,000', '120,000', '41,800', '161,800', '66,200', '计算所得', '0']);
    expect(zh.stdout).toContain('组成部分：north（区县）、south（区县）');
    expect(zh.stdout).not.toMatch(/Scope|Remainder|computed|Parts/);
  });
});

describe('peakpath district: South on the national grid factor, the rest stated', () => {
  it('--json: 1,757 on BASIC and every basis the grid factor touches, row I.1.2, and the grid-factor mismatch', () => {
    const { reconciliation } = json('district-mismatch.yaml');
    expect(reconciliation.remainderKind).toBe('stated');
    expect(reconciliation.differences.map((difference) => difference.basis)).toEqual(['basic', 'basicPlus', 'scope2', 'I.basic', 'I.basicPlus', 'I.scope2']);
    for (const difference of reconciliation.differences) {
      // 340,340 − (164,936 + 37,562 + 25,000 + 16,800) − 94,285 = 1,757 = 70,000 MWh × (0.5617 − 0.5366).
      expect(difference.difference).toBeCloseTo(1_757, 6);
      expect(difference.rows.map((entry) => entry.gpc)).toEqual(['I.1.2']);
      expect(difference.rows[0]!.parts['south']).toBeCloseTo(37_562, 6);
      expect(difference.rows[0]!.remainder).toBeCloseTo(28_085, 6);
    }
    expect(Math.abs(line(reconciliation, 'scope1').difference)).toBeLessThan(1e-6);
    expect(reconciliation.mismatches).toEqual([expect.objectContaining({ part: 'south', code: 'grid-factor', city: 'CN-east-2022', partValue: 'CN-national-2022', rows: ['I.1.2'] })]);
    expect(reconciliation.conventions.map((text) => text.en)).toContain('Tolerance 0.5 tCO2e, as stated');
  });

  it('as tables: the difference with its row, the mismatch, in both languages', () => {
    const en = peakpath(['district', join(FOLDER, 'district-mismatch.yaml'), '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(row(en.stdout, 'BASIC ')).toEqual(['BASIC', '340,340', '164,936', '79,362', '244,298', '94,285', 'stated', '1,757']);
    expect(en.stdout).toContain('basic: city − parts − remainder = 1,757 tCO2e, beyond the tolerance of 0.5 tCO2e');
    expect(en.stdout).toMatch(/\n\s+I\.1\.2\s+112,340\s+44,936\s+37,562\s+28,085\s+1,757\n/);
    expect(en.stdout).toContain('south uses grid factor CN-national-2022 (rows I.1.2), the city CN-east-2022');
    const zh = peakpath(['district', join(FOLDER, 'district-mismatch.yaml'), '--lang', 'zh']);
    expect(zh.status).toBe(0);
    expect(row(zh.stdout, 'BASIC ')).toEqual(['BASIC', '340,340', '164,936', '79,362', '244,298', '94,285', '已给出', '1,757']);
    expect(zh.stdout).toContain('basic：城市 − 各部分 − 其余 = 1,757 tCO2e，超出容差 0.5 tCO2e');
    expect(zh.stdout).toContain('south 的电网排放因子为 CN-national-2022（I.1.2 行），城市为 CN-east-2022');
  });
});

describe('peakpath district: Eco Park, climate positive only with its credits', () => {
  it('--json: −1,023 with the credits, 5,977 without, the credit without evidence refused, as assessClimatePositive gives it', () => {
    const answer = json('district-eco-park.yaml');
    const [assessment] = answer.assessments;
    const climate = assessment!.climatePositive!;
    expect(climate.operational.total).toBeCloseTo(9_977, 6);
    expect(climate.net).toBeCloseTo(-1_023, 6);
    expect(climate.netWithoutCredits).toBeCloseTo(5_977, 6);
    expect([climate.pass, climate.passWithoutCredits]).toEqual([true, false]);
    expect(climate.refused.map((entry) => [entry.abatement.id, entry.reason])).toEqual([['tree-planting', 'no-evidence']]);
    const abatements = (read('district-eco-park.yaml')['assessments'] as Record<string, { climatePositive: { abatements: never[] } }>)['eco-park']!.climatePositive.abatements;
    const core = assessClimatePositive({ id: 'eco-park', result: inventory('eco-park.yaml') }, abatements);
    if (!core.ok) throw new Error('the worked example does not assess');
    expect(climate).toEqual(JSON.parse(JSON.stringify(core.value)));
    // Delta's remainder: homes 40,000 MWh × 0.5617 = 22,468 and road 6,000.
    expect(line(answer.reconciliation, 'basic').remainder).toBeCloseTo(28_468, 6);
    // The near-zero set shipped is the user's input: −1,023 / 5,000 residents = −0.2046; (30,000 + 1,023) / 30,000.
    const nearZero = assessment!.nearZero!;
    expect(nearZero.set.source.kind).toBe('user-input');
    expect(nearZero.criteria.map((criterion) => [criterion.id, criterion.pass])).toEqual([
      ['net-per-capita', true],
      ['reduction-from-baseline', true],
    ]);
    expect(nearZero.criteria[0]!.value).toBeCloseTo(-0.2046, 10);
    expect(nearZero.criteria[1]!.value).toBeCloseTo(31_023 / 30_000, 10);
  });

  it('as tables: counted and refused abatements, both nets, the verdict, each criterion with its source labelled user input', () => {
    const en = peakpath(['district', join(FOLDER, 'district-eco-park.yaml'), '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(row(en.stdout, 'total ')).toEqual(['total', '9,977']);
    expect(row(en.stdout, 'retrofit-neighbour ')).toEqual(['retrofit-neighbour', 'from outside', '7,000', 'verification report VR-2023-08 (third-party verifier)', 'yes']);
    expect(row(en.stdout, 'tree-planting ')).toEqual(['tree-planting', 'from outside', '2,000', '—', 'no: no evidence']);
    expect(en.stdout).toContain('Net with credits from outside: -1,023 tCO2e');
    expect(en.stdout).toContain('Net without credits from outside: 5,977 tCO2e');
    expect(en.stdout).toContain('Verdict: climate positive only with its credits from outside');
    expect(en.stdout).toContain('Criterion: C40 Climate Positive Development: net-negative operational emissions [V]');
    expect(en.stdout).toContain('Source: user input, unverified — no published set is cited');
    expect(row(en.stdout, 'net operational emissions per resident ')).toEqual(['net operational emissions per resident (net)', '-0.2046 tCO2e/person', '≤ 1', 'pass']);
    const zh = peakpath(['district', join(FOLDER, 'district-eco-park.yaml'), '--lang', 'zh']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('计入边界外抵消的净排放：-1,023 tCO2e');
    expect(zh.stdout).toContain('不计边界外抵消的净排放：5,977 tCO2e');
    expect(zh.stdout).toContain('结论：仅在计入边界外抵消后达到气候正效益');
    expect(zh.stdout).toContain('出处：用户输入，未经核实——未引用任何已发布的标准');
    expect(row(zh.stdout, 'tree-planting ')).toEqual(['tree-planting', '边界外', '2,000', '—', '不计入：无证明材料']);
  });
});

describe('peakpath district: bad files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'peakpath-district-'));
    for (const file of readdirSync(join(ROOT, FOLDER))) copyFileSync(join(ROOT, FOLDER, file), join(dir, file));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function copyWith(name: string, source: string, change: (body: Record<string, unknown>) => void): string {
    const body = read(source);
    change(body);
    const file = join(dir, name);
    writeFileSync(file, stringify(body));
    return file;
  }

  it('every problem of the file at once, each with its field, in the language asked, exit 2', () => {
    const file = copyWith('bad.yaml', 'district-eco-park.yaml', (body) => {
      body['parts'] = { 'eco-park': { inventroy: 'eco-park.yaml', kind: 'park' } };
      body['tolerance'] = -1;
      body['assessments'] = { 'eco-prak': { nearZero: { set: 'user-input-exampel' } } };
    });
    const en = peakpath(['district', file, '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('5 input problems; nothing computed.');
    expect(en.stderr).toContain('parts.eco-park.inventroy: "inventroy" is not a known field (did you mean "inventory"?)');
    expect(en.stderr).toContain('parts.eco-park.inventory: is required');
    expect(en.stderr).toContain('tolerance: -1 is out of range');
    expect(en.stderr).toMatch(/assessments\.eco-prak: "eco-prak" is not one of "eco-park" \(did you mean "eco-park"\?\)/);
    expect(en.stderr).toContain('(did you mean "user-input-example"?)');
    const zh = peakpath(['district', file, '--lang', 'zh']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('发现 5 处输入问题，未计算。');
    expect(zh.stderr).toContain('parts.eco-park.inventroy：未知字段 "inventroy"（是否应为 "inventory"？）');
  });

  it('what needs the inventories: a missing file, a remainder basis none has, a criterion without its figure — all at once', () => {
    const missing = copyWith('missing.yaml', 'district.yaml', (body) => {
      body['parts'] = { north: { inventory: 'north.yaml' }, south: { inventory: 'southh.yaml' } };
    });
    const absent = peakpath(['district', missing, '--lang', 'en']);
    expect(absent.status).toBe(2);
    expect(absent.stderr).toContain('parts.south.inventory: cannot get the base-year inventory "southh.yaml"');

    const figures = copyWith('figures.yaml', 'district-eco-park.yaml', (body) => {
      body['remainder'] = { figures: { basic: 28_468, 'VII.basic': 5 } };
      const assessments = body['assessments'] as Record<string, { nearZero: Record<string, unknown> }>;
      delete assessments['eco-park']!.nearZero['population'];
    });
    const run = peakpath(['district', figures, '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('2 input problems; nothing computed.');
    expect(run.stderr).toContain('remainder.figures.VII.basic: no inventory has this basis');
    expect(run.stderr).toContain('assessments.eco-park.nearZero.population: a criterion per person needs the population');
    const zh = peakpath(['district', figures, '--lang', 'zh']);
    expect(zh.stderr).toContain('assessments.eco-park.nearZero.population：人均指标需要给出人口');
  });
});
