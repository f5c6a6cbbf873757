/**
 * A waste pairing's `tonnes` and a trips pairing's `vkm`, checked against what the counterpart's lines on the paired
 * row report (docs/clusters.md): more than they report → a problem with both numbers, nothing removed; lines that
 * give no such amount → a note, the pairing applied as stated. Numbers by hand.
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
function compute(input: unknown): InventoryResult {
  const run = engine.inventory(input);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}

/**
 * Tau treats waste and has roads: a landfill by methane commitment for others' waste (III.1.3, 10,000 t), and
 * road traffic by vehicle-km (II.1.1, trucks 1,000,000 km + 200,000 km = 1,200,000 vkm).
 */
const tau = compute({
  city: { name: 'Tau', country: 'CN' },
  year: 2022,
  gwp: 'AR5',
  grid: 'CN-east-2022',
  activities: [
    { gpc: 'III.1.3', method: 'solid-waste-commitment', waste: { value: 1, unit: '万吨' }, doc: 0.13, site: 'managed-semi-aerobic' },
    {
      gpc: 'II.1.1',
      method: 'road-vkt',
      vehicles: [
        { class: 'trucks', fuel: 'diesel', distance: { value: 100, unit: '万km' }, ef: { CO2: { value: 850, unit: 'g/km', source: 'test' } } },
        { class: 'vans', fuel: 'diesel', distance: { value: 200000, unit: 'km' }, ef: { CO2: { value: 500, unit: 'g/km', source: 'test' } } },
      ],
    },
  ],
});
/** Sigma sends its waste to Tau (III.1.2, 100 t CH4 = 2,800 tCO2e) and drives there (II.1.3, 500 tCO2). */
const sigma = compute({
  city: { name: 'Sigma', country: 'CN' },
  year: 2022,
  gwp: 'AR5',
  grid: 'CN-east-2022',
  activities: [
    { gpc: 'III.1.2', gas: 'CH4', amount: 100, unit: 't' },
    { gpc: 'II.1.3', gas: 'CO2', amount: 500, unit: 't' },
  ],
});

function cluster(pairings: readonly Pairing[], members: Readonly<Record<string, InventoryResult>> = { tau, sigma }): ClusterResult {
  const run = aggregateCluster(Object.entries(members).map(([id, result]) => ({ id, result })), pairings);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}
const WASTE = { line: { member: 'sigma', index: 0 }, counterpart: { member: 'tau' } };
const TRIPS = { line: { member: 'sigma', index: 1 }, counterpart: { member: 'tau' } };

describe('tonnes and vehicle-km of waste and trips pairings', () => {
  it('method lines carry the activity the check compares with', () => {
    expect(tau.lines.map((line) => line.activity)).toEqual([
      { quantity: 'waste', value: 10_000, unit: 't' },
      // 100 万km = 1,000,000 km; + 200,000 km.
      { quantity: 'distance', value: 1_200_000, unit: 'vkm' },
    ]);
    expect(sigma.lines.map((line) => line.activity)).toEqual([undefined, undefined]);
  });

  it('removes a pairing within what the counterpart treats and drives', () => {
    // 8,000 t ≤ 10,000 t; 1,200,000 vkm ≤ 1,200,000 vkm: removed, 2,800 + 500 = 3,300 tCO2e of scope 3.
    const result = cluster([{ ...WASTE, tonnes: 8_000 }, { ...TRIPS, vkm: 1_200_000 }]);
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.reconciliation.removed.scope3).toBe(3_300);
  });

  it('refuses waste pairings sending more than the row treats, and trips beyond the vehicle-km, with both numbers', () => {
    // Two pairings of Sigma's waste line, 0.5 each: 6,000 + 5,000 = 11,000 t > 10,000 t. Trips: 1,500,000 > 1,200,000 vkm.
    const result = cluster([
      { ...WASTE, share: 0.5, tonnes: 6_000 },
      { ...WASTE, share: 0.5, tonnes: 5_000 },
      { ...TRIPS, vkm: 1_500_000 },
    ]);
    expect(result.problems.map(({ text, ...problem }) => problem)).toEqual([
      { code: 'exceeds-activity', member: 'tau', kind: 'waste', row: 'III.1.3', unit: 't', paired: 11_000, reported: 10_000, pairings: [0, 1], places: ['pairings[0]', 'pairings[1]'] },
      { code: 'exceeds-activity', member: 'tau', kind: 'trips', row: 'II.1.1', unit: 'vkm', paired: 1_500_000, reported: 1_200_000, pairings: [2], places: ['pairings[2]'] },
    ]);
    expect(result.problems[0]!.text.en).toBe('members send 11,000 t of waste to tau (pairings[0], pairings[1]), but its III.1.3 lines treat 10,000 t; nothing removed for these pairings');
    expect(result.problems[0]!.text.zh).toBe('成员送往 tau 的废弃物 11,000 吨（pairings[0]、pairings[1]），而其 III.1.3 行仅处理 10,000 吨；这些配对未扣除');
    expect(result.problems[1]!.text.en).toContain('1,500,000 vehicle-km in tau');
    expect(result.problems[1]!.text.zh).toContain('仅报告 1,200,000 车公里');
    expect(result.reconciliation.removed.total).toBe(0);
    expect(result.unpaired.map((line) => [line.member, line.index, line.share])).toEqual([
      ['sigma', 0, 1],
      ['sigma', 1, 1],
    ]);
  });

  it("says when the counterpart's lines give no amount to check against, and applies the pairing as stated", () => {
    // The worked example: Alpha's III.1.3 and II.1.1 are measured gases (t CH4, t CO2), not tonnes of waste or vehicle-km.
    const document = (file: string): unknown => parse(readFileSync(join(ROOT, 'examples', 'cluster', file), 'utf8'));
    const result = cluster(
      [
        { line: { member: 'beta', index: 5 }, counterpart: { member: 'alpha', row: 'III.1.3' }, tonnes: 40_000 },
        { line: { member: 'beta', index: 3 }, counterpart: { member: 'alpha' }, vkm: 2_000_000 },
      ],
      { alpha: compute(document('alpha.yaml')), beta: compute(document('beta.yaml')) },
    );
    expect(result.problems).toEqual([]);
    expect(result.notes.map(({ text, ...note }) => note)).toEqual([
      { code: 'amount-unchecked', member: 'alpha', kind: 'waste', row: 'III.1.3', unit: 't', paired: 40_000, reported: 0, without: [4], places: ['pairings[0]'] },
      { code: 'amount-unchecked', member: 'alpha', kind: 'trips', row: 'II.1.1', unit: 'vkm', paired: 2_000_000, reported: 0, without: [2], places: ['pairings[1]'] },
    ]);
    expect(result.notes[0]!.text.en).toBe("pairings[0]: 40,000 t stated, not checked — alpha's III.1.3 lines activities[4] give no tonnes of waste treated; the pairing is applied as stated");
    expect(result.notes[1]!.text.zh).toBe('pairings[1]：所填 2,000,000 车公里 未能核对——alpha 的 II.1.1 行 activities[2] 未给出车公里数；按所填配对扣除');
    // Removed as without the amounts: 30,800 (waste) + 5,000 (trips) of scope 3.
    expect(result.reconciliation.removed.scope3).toBe(35_800);
  });

  it('refuses an amount of another kind of flow, at its place', () => {
    const run = aggregateCluster([{ id: 'tau', result: tau }, { id: 'sigma', result: sigma }], [{ ...WASTE, vkm: 5 }, { ...TRIPS, mwh: 5 }]);
    expect(!run.ok && run.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['pairings.0.vkm', 'amount-wrong-carrier'],
      ['pairings.1.mwh', 'amount-wrong-carrier'],
    ]);
    expect(!run.ok && run.issues[0]!.text.en).toContain('this line is waste: state tonnes');
  });
});
