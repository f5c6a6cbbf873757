/**
 * The worked cluster example of docs/clusters.md, by hand: Alpha's coal plant supplies Beta, Alpha's landfill takes
 * Beta's waste, and Beta's residents drive to Alpha (examples/cluster/alpha.yaml, beta.yaml, computed by the engine).
 * CN-east-2022 is 0.5617 tCO2/MWh; AR5 weighs CH4 at 28.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createEngine, type InventoryResult } from '../index.ts';
import { ROOT } from '../../../../test/support/cli.ts';
import { aggregateCluster } from './aggregate.ts';
import type { ClusterResult, Pairing } from './types.ts';

const engine = createEngine();
function member(file: string): InventoryResult {
  const run = engine.inventory(parse(readFileSync(join(ROOT, 'examples', 'cluster', file), 'utf8')));
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}
const alpha = member('alpha.yaml');
const beta = member('beta.yaml');

/** Beta's lines named by their counterpart in Alpha. */
const PAIRINGS: Pairing[] = [
  // Beta's I.1.2 (activities[0], 500,000 MWh): 400,000 MWh of it is Alpha's plant (I.4.4), 0.8 of the line.
  { line: { member: 'beta', index: 0 }, counterpart: { member: 'alpha' }, share: 0.8, mwh: 400_000 },
  // Beta's III.1.2 (activities[5]): the waste Alpha's landfill reports on III.1.3 (Alpha has III.1.1 too: the row is said).
  { line: { member: 'beta', index: 5 }, counterpart: { member: 'alpha', row: 'III.1.3' } },
  // Beta's II.1.3 (activities[3]): the part of its trips driven in Alpha, on Alpha's II.1.1.
  { line: { member: 'beta', index: 3 }, counterpart: { member: 'alpha' } },
];

function cluster(pairings: readonly Pairing[] = PAIRINGS): ClusterResult {
  const run = aggregateCluster([{ id: 'alpha', result: alpha }, { id: 'beta', result: beta }], pairings);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}

describe('worked example: two members, power, waste and trips between them', () => {
  it('computes each member as the file says', () => {
    // Alpha: scope 1 = 800,000 (I.4.4) + 100,000 (II.1.1) + 2,000 × 28 (III.1.1) + 1,000 × 28 (III.1.3) = 984,000;
    // scope 2 = 300,000 MWh × 0.5617 = 168,510; BASIC = 168,510 + 100,000 + 56,000 = 324,510 (I.4.4, III.1.3 territorial).
    expect(alpha.totals).toMatchObject({ basic: 324_510, basicPlus: 324_510, scope1: 984_000, scope2: 168_510, scope3: 0 });
    // Beta: scope 1 = 200,000 + 60,000 = 260,000; scope 2 = 500,000 × 0.5617 = 280,850;
    // scope 3 = 5,000 (II.1.3) + 4,000 (II.4.3) + 1,100 × 28 (III.1.2) = 39,800; BASIC = 260,000 + 280,850 + 30,800
    // = 571,650; BASIC+ adds the two .3 transport rows: 580,650.
    expect(beta.totals).toMatchObject({ basic: 571_650, basicPlus: 580_650, scope1: 260_000, scope2: 280_850, scope3: 39_800 });
  });

  it('removes each flow once and says why (the reconciliation table)', () => {
    const result = cluster();
    const rows = result.reconciliation.rows;
    expect(rows.map((row) => row.member)).toEqual(['alpha', 'beta']);
    // Alpha reports everything in its own territory: nothing of it is removed.
    expect(rows[0]!.removed).toEqual({ basic: 0, basicPlus: 0, scope1: 0, scope2: 0, scope3: 0, total: 0 });
    expect(rows[0]!.reports).toEqual({ basic: 324_510, basicPlus: 324_510, scope1: 984_000, scope2: 168_510, scope3: 0, total: 1_152_510, energyCo2: 506_810 });
    // Beta: 0.8 × 280,850 = 224,680 of scope 2 (Alpha's I.4.4); 30,800 of scope 3 (Alpha's III.1.3); 5,000 of
    // scope 3 and BASIC+ (Alpha's II.1.1). BASIC keeps all: I.4.4 and III.1.3 are outside it.
    expect(rows[1]!.removed).toEqual({ basic: 0, basicPlus: 5_000, scope1: 0, scope2: 224_680, scope3: 35_800, total: 260_480 });
    expect(rows[1]!.removals.map((r) => [r.index, r.gpc, r.reason, r.counterpart.row, r.share, r.co2e, r.bases])).toEqual([
      [0, 'I.1.2', 'internal-grid-energy', 'I.4.4', 0.8, 224_680, ['scope2', 'total']],
      [3, 'II.1.3', 'internal-trips', 'II.1.1', 1, 5_000, ['scope3', 'total', 'basicPlus']],
      [5, 'III.1.2', 'internal-waste-territorial', 'III.1.3', 1, 30_800, ['scope3', 'total']],
    ]);
    expect(rows[1]!.removals[0]!.text.en).toMatch(/^80 % of the line \(I\.1\.2, scope 2\) is grid energy generated in alpha \(I\.4\.4/);
    expect(rows[1]!.removals[0]!.text.zh).toContain('该行的 80 %');
    expect(rows[1]!.counted).toEqual({ basic: 571_650, basicPlus: 575_650, scope1: 260_000, scope2: 56_170, scope3: 4_000, total: 320_170 });
  });

  it('gives the cluster totals on every basis', () => {
    const result = cluster();
    // Σ members: BASIC 324,510 + 571,650 = 896,160; BASIC+ 905,160; scope 1 1,244,000; scope 2 449,360; scope 3 39,800;
    // total 1,733,160. Removed: BASIC+ 5,000; scope 2 224,680; scope 3 35,800; total 260,480.
    expect(result.reconciliation.members).toEqual({ basic: 896_160, basicPlus: 905_160, scope1: 1_244_000, scope2: 449_360, scope3: 39_800, total: 1_733_160 });
    expect(result.reconciliation.removed).toEqual({ basic: 0, basicPlus: 5_000, scope1: 0, scope2: 224_680, scope3: 35_800, total: 260_480 });
    // Cluster: total 1,733,160 − 260,480 = 1,472,680 = 1,244,000 + 224,680 + 4,000 (scope 1 + 2 + 3).
    expect(result.totals).toEqual({ basic: 896_160, basicPlus: 900_160, scope1: 1_244_000, scope2: 224_680, scope3: 4_000, total: 1_472_680 });
    // Sectors: I scope 2 = 449,360 − 224,680; II BASIC+ = 100,000 + 60,000 + 9,000 − 5,000; III scope 3 = 30,800 − 30,800.
    expect(result.bySector['I']).toMatchObject({ scope2: 224_680, basic: 649_360, territorial: 800_000 });
    expect(result.bySector['II']).toMatchObject({ basicPlus: 164_000, scope3: 4_000 });
    expect(result.bySector['III']).toMatchObject({ basic: 86_800, scope3: 0, territorial: 28_000 });
  });

  it("takes China's energy-activity CO2 at the cluster's outer boundary", () => {
    const official = cluster().official;
    // Alpha: 900,000 combustion (I.4.4, II.1.1) + (300,000 − 1,000,000) MWh × 0.5617 = 900,000 − 393,190 = 506,810.
    // Beta: 260,000 + 500,000 × 0.5617 = 540,850. Cluster: 1,160,000 + (800,000 − 1,000,000) × 0.5617 = 1,047,660 =
    // 506,810 + 540,850: Alpha's 400,000 MWh to Beta is its export and Beta's import, and cancels.
    expect(official).toMatchObject({ computed: true, energyCo2: 1_047_660, combustion: 1_160_000, electricityNetImports: -200_000, electricityCo2: -112_340, gridFactor: 'CN-east-2022' });
  });

  it("does not add energy-activity CO2 at different grid factors, and says so", () => {
    const document = parse(readFileSync(join(ROOT, 'examples', 'cluster', 'beta.yaml'), 'utf8')) as Record<string, unknown>;
    const run = engine.inventory({ ...document, grid: 'CN-national-2022' });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    const result = aggregateCluster([{ id: 'alpha', result: alpha }, { id: 'beta', result: run.value }], PAIRINGS);
    const official = result.ok ? result.value.official : undefined;
    expect(official).toMatchObject({ computed: false, reason: 'different-factors' });
    expect(official?.text.en).toContain('alpha: CN-east-2022; beta: CN-national-2022');
    expect(official?.text.zh).toContain('电网因子不同');
  });

  it('lists the cross-boundary lines no pairing names, counted in full', () => {
    expect(cluster().unpaired.map((line) => [line.member, line.index, line.gpc, line.kind, line.share, line.co2e])).toEqual([
      ['alpha', 1, 'I.1.2', 'electricity', 1, 168_510], // Alpha's homes: grid power, none of it named as another member's
      ['beta', 0, 'I.1.2', 'electricity', 0.19999999999999996, 0.19999999999999996 * 280_850], // the 100,000 MWh from outside
      ['beta', 4, 'II.4.3', 'trips', 1, 4_000], // flights out of the cluster
    ]);
  });

  it('refuses a pairing that takes more than the counterpart exports, with both numbers', () => {
    const pairings = [{ ...PAIRINGS[0]!, mwh: 800_000, share: 1 }, ...PAIRINGS.slice(1)];
    const result = cluster(pairings);
    // Alpha exports 1,000,000 − 300,000 = 700,000 MWh net: 800,000 cannot come from it; Beta's scope 2 stays whole.
    expect(result.problems.map(({ text, ...problem }) => problem)).toEqual([
      { code: 'exceeds-exports', member: 'alpha', carrier: 'electricity', unit: 'MWh', paired: 800_000, exports: 700_000, pairings: [0], places: ['pairings[0]'] },
    ]);
    expect(result.problems[0]!.text.en).toContain('800,000 MWh of electricity from alpha');
    expect(result.problems[0]!.text.zh).toContain('净调出仅 700,000 MWh');
    expect(result.totals.scope2).toBe(449_360);
  });

  it('asks which row when the counterpart has both III.1.3 and III.1.1', () => {
    const result = cluster([{ line: { member: 'beta', index: 5 }, counterpart: { member: 'alpha' } }]);
    expect(result.problems.map((p) => [p.code, 'rows' in p ? p.rows : undefined])).toEqual([['counterpart-row-ambiguous', ['III.1.3', 'III.1.1']]]);
    expect(result.totals.scope3).toBe(39_800);
  });

  it('removes waste from BASIC too when the treater reports it on III.x.1', () => {
    const result = cluster([{ line: { member: 'beta', index: 5 }, counterpart: { member: 'alpha', row: 'III.1.1' } }]);
    expect(result.reconciliation.removed).toEqual({ basic: 30_800, basicPlus: 30_800, scope1: 0, scope2: 0, scope3: 30_800, total: 30_800 });
  });

  it('reports pairings that name nothing real, with their places', () => {
    const run = aggregateCluster([{ id: 'alpha', result: alpha }, { id: 'beta', result: beta }], [
      { line: { member: 'gamma', index: 0 }, counterpart: { member: 'alpha' } },
      { line: { member: 'beta', index: 1 }, counterpart: { member: 'alpha' } },
      { line: { member: 'beta', index: 0 }, counterpart: { member: 'beta' }, share: 1.5 },
      { line: { member: 'beta', index: 3 }, counterpart: { member: 'alpha', row: 'III.1.3' } },
      { line: { member: 'beta', index: 99 }, counterpart: { member: 'alpha' } },
    ]);
    expect(!run.ok && run.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['pairings.0.line.member', 'unknown-member'],
      ['pairings.1.line', 'not-cross-boundary'],
      ['pairings.2.counterpart.member', 'own-counterpart'],
      ['pairings.2.share', 'share-out-of-range'],
      ['pairings.3.counterpart.row', 'counterpart-row-invalid'],
      ['pairings.4.line.index', 'unknown-line'],
    ]);
    expect(!run.ok && run.issues[1]!.text.zh).toContain('不是成员之间的流量');
  });
});
