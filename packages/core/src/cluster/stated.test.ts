/**
 * Pairings stated on a member's line (`counterpart`, docs/clusters.md): the worked example with Beta's power pairing
 * on Beta's line (examples/cluster/beta-counterparts.yaml) adds up exactly as with it on the cluster; a single
 * inventory computes as without it; a city that names no member, or two, and a line paired in both places are refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createEngine, formatIssue, type InventoryResult } from '../index.ts';
import { ROOT } from '../../../../test/support/cli.ts';
import { aggregateCluster } from './aggregate.ts';
import type { ClusterMember, Pairing } from './types.ts';

const engine = createEngine();
function document(file: string): Record<string, unknown> {
  return parse(readFileSync(join(ROOT, 'examples', 'cluster', file), 'utf8')) as Record<string, unknown>;
}
function compute(input: unknown): InventoryResult {
  const run = engine.inventory(input);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}
const alpha = compute(document('alpha.yaml'));
const beta = compute(document('beta.yaml'));
const betaStating = compute(document('beta-counterparts.yaml'));

/** cluster.yaml's pairings without the first, which beta-counterparts.yaml states on its line. */
const REST: Pairing[] = [
  { line: { member: 'beta', index: 5 }, counterpart: { member: 'alpha', row: 'III.1.3' } },
  { line: { member: 'beta', index: 3 }, counterpart: { member: 'alpha' } },
];
const ALL: Pairing[] = [{ line: { member: 'beta', index: 0 }, counterpart: { member: 'alpha' }, share: 0.8, mwh: 400_000 }, ...REST];

/** Beta's document with `counterpart` on activities[index] set to `counterpart` (undefined: removed). */
function betaWith(index: number, counterpart: unknown): InventoryResult {
  const given = document('beta.yaml');
  const activities = (given['activities'] as Record<string, unknown>[]).map((line, at) => (at === index ? { ...line, counterpart } : line));
  return compute({ ...given, activities });
}

describe('a pairing stated on the line', () => {
  it('leaves a single inventory exactly as it computes without it (the field is carried on the line)', () => {
    expect(betaStating.totals).toEqual(beta.totals);
    expect(betaStating.official).toEqual(beta.official);
    expect(betaStating.lines.map(({ counterpart, ...line }) => line)).toEqual(beta.lines.map(({ counterpart, ...line }) => line));
    expect(betaStating.lines[0]!.counterpart).toEqual({ city: 'Alpha', share: 0.8, mwh: 400_000 });
    expect(beta.lines[0]!.counterpart).toBeUndefined();
  });

  it('gives the worked example the same totals and reconciliation as the cluster-stated pairing', () => {
    const onCluster = aggregateCluster([{ id: 'alpha', result: alpha }, { id: 'beta', result: beta }], ALL);
    const onLine = aggregateCluster([{ id: 'alpha', result: alpha }, { id: 'beta', result: betaStating }], REST);
    if (!onCluster.ok || !onLine.ok) throw new Error('the example does not aggregate');
    // 1,733,160 − 224,680 (0.8 × 280,850, Alpha's I.4.4) − 5,000 (trips) − 30,800 (waste) = 1,472,680.
    expect(onLine.value.totals).toEqual({ basic: 896_160, basicPlus: 900_160, scope1: 1_244_000, scope2: 224_680, scope3: 4_000, total: 1_472_680 });
    expect(onLine.value.totals).toEqual(onCluster.value.totals);
    expect(onLine.value.reconciliation.removed).toEqual(onCluster.value.reconciliation.removed);
    expect(onLine.value.unpaired).toEqual(onCluster.value.unpaired);
    const removals = onLine.value.reconciliation.rows[1]!.removals;
    expect(removals.map((r) => [r.index, r.stated, r.place, r.share, r.co2e])).toEqual([
      [0, 'line', 'members.beta.activities[0].counterpart', 0.8, 224_680],
      [3, 'cluster', 'pairings[1]', 1, 5_000],
      [5, 'cluster', 'pairings[0]', 1, 30_800],
    ]);
    expect(onLine.value.conventions.at(-1)!.en).toContain('on the member\'s line (`counterpart`)');
    expect(onCluster.value.conventions).toHaveLength(2);
  });

  it("matches the city by the member's id, its city name or its Chinese name, in any case", () => {
    for (const city of ['alpha', 'ALPHA', ' Alpha ', '阿尔法市']) {
      const run = aggregateCluster([{ id: 'alpha', result: alpha }, { id: 'beta', result: betaWith(0, { city, share: 0.8 }) }]);
      expect(run.ok && run.value.reconciliation.removed.scope2, city).toBe(224_680);
    }
  });

  it('checks a line-stated amount like a cluster-stated one: more than the counterpart exports removes nothing', () => {
    // Alpha exports 1,000,000 − 300,000 = 700,000 MWh net; the line says 800,000.
    const run = aggregateCluster([{ id: 'alpha', result: alpha }, { id: 'beta', result: betaWith(0, { city: 'Alpha', mwh: 800_000 }) }]);
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.value.problems.map(({ text, ...problem }) => problem)).toEqual([
      { code: 'exceeds-exports', member: 'alpha', carrier: 'electricity', unit: 'MWh', paired: 800_000, exports: 700_000, pairings: [], places: ['members.beta.activities[0].counterpart'] },
    ]);
    expect(run.value.problems[0]!.text.en).toContain('(members.beta.activities[0].counterpart)');
    expect(run.value.totals.scope2).toBe(449_360);
  });

  it('refuses a city that names no member, with the nearest name, and one that names two', () => {
    const gamma: ClusterMember = { id: 'gamma', result: { ...alpha, city: 'Alpha', entity: { name: 'Alpha' } } };
    const run = aggregateCluster([
      { id: 'alpha', result: alpha },
      { id: 'beta', result: betaWith(0, { city: 'Alpa' }) },
    ]);
    expect(!run.ok && run.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['members.beta.activities.0.counterpart.city', 'unknown-counterpart-city']]);
    expect(!run.ok && run.issues[0]!.text.en).toBe('"Alpa" names no member of the cluster: give another member\'s id, city name or Chinese name (did you mean "Alpha"?)');
    expect(!run.ok && run.issues[0]!.text.zh).toContain('不是城市群的任何成员');
    const twice = aggregateCluster([{ id: 'alpha', result: alpha }, gamma, { id: 'beta', result: betaWith(0, { city: 'Alpha' }) }]);
    expect(!twice.ok && twice.issues.map((issue) => [issue.path.join('.'), issue.code, issue.text.en])).toEqual([
      ['members.beta.activities.0.counterpart.city', 'ambiguous-counterpart-city', '"Alpha" names more than one member (alpha, gamma): give the member\'s id'],
    ]);
  });

  it('refuses a line paired both on the cluster and on the line, and a line naming its own city', () => {
    const run = aggregateCluster([{ id: 'alpha', result: alpha }, { id: 'beta', result: betaStating }], ALL);
    expect(!run.ok && run.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['pairings.0.line', 'stated-twice']]);
    expect(!run.ok && run.issues[0]!.text.en).toContain('members.beta.activities[0].counterpart');
    const own = aggregateCluster([{ id: 'alpha', result: alpha }, { id: 'beta', result: betaWith(0, { city: '贝塔市' }) }]);
    expect(!own.ok && own.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['members.beta.activities.0.counterpart.city', 'own-counterpart']]);
  });

  it('refuses, when the inventory is read, a counterpart on a line that is no flow between cities or with the wrong amount', () => {
    const given = document('beta.yaml');
    const activities = given['activities'] as Record<string, unknown>[];
    const run = engine.inventory({
      ...given,
      activities: [
        { ...activities[0], counterpart: { city: 'Alpha', tonnes: 5 } }, // electricity: mwh, not tonnes
        { ...activities[1], counterpart: { city: 'Alpha' } }, // I.3.1: no flow between cities
        { ...activities[2] },
        { ...activities[3], counterpart: { city: 'Alpha', row: 'III.1.3', share: 2 } }, // trips: II.1.1 only; share 0–1
        { ...activities[4] },
        { ...activities[5], counterpart: { share: 0.5, cty: 'Alpha' } }, // city missing, a misspelt field
      ],
    });
    expect(!run.ok && run.issues.map((issue) => formatIssue(issue))).toEqual([
      'activities[0].counterpart.tonnes: "tonnes" is not the amount of this line\'s flow: `mwh` goes with electricity, `gj` with heat, `tonnes` with waste (III.x.2), `vkm` with trips (II.x.3)',
      'activities[1].counterpart: "counterpart" applies only to a line that can be a flow between cities: grid electricity or heat (I.x.2, II.x.2), waste treated elsewhere (III.x.2), transboundary trips (II.x.3)',
      'activities[3].counterpart.share: 2 is out of range: expected 0 to 1',
      'activities[3].counterpart.row: "III.1.3" is not one of "II.1.1"',
      'activities[5].counterpart.cty: "cty" is not a known field (did you mean "city"?)',
      'activities[5].counterpart.city: is required',
    ]);
  });
});
