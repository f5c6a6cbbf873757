/**
 * `peakpath pathway` as users run it: a child process on the demo city's pathway file, and on broken
 * copies of it in a temporary directory. Monte Carlo results must not depend on the thread count.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBar, ProgressBar } from '../packages/cli/src/pathway/progress.ts';
import { peakpath as cli } from './support/cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO = join('examples', 'demo-city', 'pathway.yaml');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakpath-pathway-'));
  copyFileSync(join(ROOT, 'examples', 'demo-city', 'inventory.yaml'), join(dir, 'inventory.yaml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function demoWith(change: (document: Record<string, unknown>) => void, name: string): string {
  const document = parse(readFileSync(join(ROOT, DEMO), 'utf8')) as Record<string, unknown>;
  change(document);
  const file = join(dir, name);
  writeFileSync(file, stringify(document));
  return file;
}

describe('peakpath pathway', () => {
  it('prints every scenario side by side, then the default scenario in detail', () => {
    const run = peakpath('pathway', DEMO);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    for (const text of ['Business as usual', 'Current policies', 'Accelerated transition', 'Peak', 'Targets:', 'Decomposition 2022→2030', 'Electric share of new cars']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('in Chinese: the city’s Chinese name, official indicator names, full-width punctuation, summary amounts in 万吨', () => {
    const run = peakpath('pathway', DEMO, '--lang', 'zh', '--scenario', 'policy');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('示例市碳达峰碳中和路径（示例） — 示例市，2022–2060 年');
    expect(lines).toContain('政策情景（`policy`）：分部门 BASIC 排放（万吨 CO2e）');
    // The peak line of the table above it: 3,793 (万吨) in the table, 3,793.1 万吨 CO2e in the line.
    expect(lines).toContain('达峰：2030 年（3,793.1 万吨 CO2e）');
    expect(lines).toContain('能源活动二氧化碳排放达峰：2030 年（3,978.1 万吨 CO2）');
    expect(run.stdout).toMatch(/^碳排放强度：单位GDP二氧化碳排放（吨 CO2\/万元，2022 年价） +0\.768 /mu);
    expect(run.stdout).toMatch(/^能耗强度：单位GDP能耗（吨标准煤\/万元，2022 年价） +0\.372 /mu);
    expect(run.stdout).toMatch(/^非化石能源占比 +11\.5% /mu);
    // A target the file names keeps its name; one it does not is named by its kind. A gap is in 万吨, headroom is 余量.
    expect(lines).toContain('  ✗ 未达成  intensity-2030（排放强度下降）［BASIC 口径］；2030 年差距 226.3 万吨 CO2e');
    expect(lines).toContain('  ✗ 未达成  non-fossil-2030（非化石能源占比）［官方口径］；2030 年差距 216.2 万吨标准煤');
    expect(lines).toContain('  ✓ 达成  energy-per-gdp-fyp（单位GDP能耗下降 13.5%（十四五））［官方口径］，累计下降 13.50%；2025 年余量 47.9 万吨标准煤');
    expect(lines).toContain('熟料替代（仅 BASIC+）              29%         86,632         96,096   3,884,851                              0');
    // Statements name carriers and sources in Chinese, with figures grouped.
    expect(lines).toContain('假设：`sectors.industry.shares.electricity`：基年值取自清单（电力占该部门能耗 48.8%）');
    expect(lines).toContain('假设：`supply.electricity.coal`：基年值取自清单（煤电 12,200,000 兆瓦时）');
    expect(lines).toContain('假设：`drivers.gdp`：基年值取自清单（GDP 4,800 亿元）');
    expect(lines).toContain('假设：热电联产燃料按效率法分摊（参考效率：发电 0.35，供热 0.80）：气电：发电 96.9%，供热 3.1%');
  });

  it('prints the contract fields with --json, the base year equal to the inventory', () => {
    const run = peakpath('pathway', DEMO, '--json', '--scenario', 'bau');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown> & { years: number[]; total: number[]; bySector: Record<string, number[]>; peak: { year: number | null; value: number | null }; targets: { id: string; met: boolean; gap: (number | null)[] }[] };
    expect(result.years[0]).toBe(2022);
    expect(result.years.at(-1)).toBe(2060);
    expect(result.total).toHaveLength(39);
    const inventory = JSON.parse(peakpath('inventory', 'examples/demo-city/inventory.yaml', '--json').stdout) as { totals: { basic: number } };
    expect(result.total[0]).toBeCloseTo(inventory.totals.basic, 3);
    const sectorSum = Object.values(result.bySector).reduce((sum, series) => sum + series[10]!, 0);
    expect(sectorSum).toBeCloseTo(result.total[10]!, 3);
    expect(result.peak.year === null || result.total[result.peak.year - 2022] === result.peak.value).toBe(true);
    expect(result.targets.map((target) => target.id)).toEqual(['peak-2030', 'intensity-2030', 'cap-2035', 'neutral-2060', 'peak-2030-official', 'co2-per-gdp-fyp', 'energy-per-gdp-fyp', 'non-fossil-2030']);
    // The official basis in the JSON, its base year equal to the inventory's official figures.
    const official = (result as unknown as { official: { energyCo2: number[]; energy: { method: string; tce: number[] } } }).official;
    const inventoryOfficial = (JSON.parse(peakpath('inventory', 'examples/demo-city/inventory.yaml', '--json').stdout) as { official: { energyCo2: { total: number }; energy: { coalEquivalent: { total: number } } } }).official;
    expect(official.energyCo2[0]).toBeCloseTo(inventoryOfficial.energyCo2.total, 3);
    expect(official.energy.method).toBe('coal-equivalent');
    expect(official.energy.tce[0]).toBeCloseTo(inventoryOfficial.energy.coalEquivalent.total, 3);
    for (const target of result.targets) {
      expect(typeof target.met).toBe('boolean');
      expect(target.gap).toHaveLength(39);
    }
    expect(result['mc']).toBeUndefined();
  });

  it('gives the same Monte Carlo numbers on one thread and on two', () => {
    const one = peakpath('pathway', DEMO, '--json', '--mc', '3000', '--seed', '11', '--threads', '1');
    const two = peakpath('pathway', DEMO, '--json', '--mc', '3000', '--seed', '11', '--threads', '2');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    const mcOne = (JSON.parse(one.stdout) as { mc: { runs: number; seed: number; percentiles: { p5: number[]; p50: number[]; p95: number[] }; peakedBy: Record<string, number> } }).mc;
    const mcTwo = (JSON.parse(two.stdout) as { mc: unknown }).mc;
    expect(mcOne.runs).toBe(3000);
    expect(mcOne.seed).toBe(11);
    expect(mcTwo).toEqual(mcOne);
    expect(mcOne.percentiles.p5[20]!).toBeLessThan(mcOne.percentiles.p50[20]!);
    expect(mcOne.percentiles.p50[20]!).toBeLessThan(mcOne.percentiles.p95[20]!);
    expect(mcOne.peakedBy['2060']).toBeGreaterThanOrEqual(mcOne.peakedBy['2030']!);
    const other = peakpath('pathway', DEMO, '--json', '--mc', '3000', '--seed', '12', '--threads', '1');
    expect((JSON.parse(other.stdout) as { mc: { percentiles: { p50: number[] } } }).mc.percentiles.p50).not.toEqual(mcOne.percentiles.p50);
  });

  it('reports every problem of a pathway file with its path, exit status 2', () => {
    const file = demoWith((document) => {
      const sectors = document['sectors'] as Record<string, Record<string, unknown>>;
      sectors['road']!['driver'] = 'carz';
      const drivers = document['drivers'] as Record<string, Record<string, unknown>>;
      drivers['gdp']!['growth'] = { 2023: 'fast' };
    }, 'broken.yaml');
    const run = peakpath('pathway', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('2 input problems');
    expect(run.stderr).toContain('sectors.road.driver: "carz" is not a driver defined in the file (did you mean "cars"?)');
    expect(run.stderr).toContain('drivers.gdp.growth.2023: expected number, got "fast"');
  });

  it('reports problems of the inventory against the inventory file', () => {
    writeFileSync(join(dir, 'bad-inventory.yaml'), 'city: X\nyear: 2022\nactivities:\n  - { gpc: I.1.1, fuel: diesel, amount: 1, unit: kWhh }\n');
    const file = demoWith((document) => {
      document['inventory'] = 'bad-inventory.yaml';
    }, 'uses-bad-inventory.yaml');
    const run = peakpath('pathway', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bad-inventory.yaml: 1 input problem');
    expect(run.stderr).toContain('activities[0].unit');
  });

  it('refuses a scenario the file does not have and a bad --mc', () => {
    expect(peakpath('pathway', DEMO, '--scenario', 'nope').status).toBe(2);
    const mc = peakpath('pathway', DEMO, '--mc', '-5');
    expect(mc.status).toBe(2);
    expect(mc.stderr).toBe('--mc: expected a whole number from 1 to 10000000, got "-5"\n');
    const zh = peakpath('pathway', DEMO, '--mc', '0', '--lang', 'zh');
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe('--mc：应为 1–10,000,000 的整数，实为 "0"\n');
  });
});

describe('progress bar', () => {
  it('draws the share done', () => {
    expect(renderBar('MC', 5, 10)).toBe(`MC [${'#'.repeat(15)}${'-'.repeat(15)}] 50% (5/10)`);
  });

  it('appears only on a terminal, and only after a second', () => {
    let clock = 0;
    const written: string[] = [];
    const terminal = { isTTY: true, write: (text: string) => written.push(text) > 0 };
    const bar = new ProgressBar(terminal, 'MC', () => clock);
    bar.update(1, 10);
    expect(written).toEqual([]);
    clock = 1500;
    bar.update(2, 10);
    bar.done();
    expect(written).toEqual([`\r${renderBar('MC', 2, 10)}`, '\n']);
    const pipe: string[] = [];
    const quiet = new ProgressBar({ isTTY: false, write: (text: string) => pipe.push(text) > 0 }, 'MC', () => clock + 5000);
    quiet.update(1, 2);
    quiet.done();
    expect(pipe).toEqual([]);
  });
});

/** `peakpath ARGS` in the repository. */
function peakpath(...args: string[]): ReturnType<typeof cli> {
  return cli(args);
}
