/** Property tests of cluster aggregation, with a logged seed (replay: FC_SEED=<seed>). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../../../test/support/fast-check.ts';
import { runInventory, type InventoryResult } from '../index.ts';
import { aggregateCluster, memberBases } from './aggregate.ts';
import { flowRule } from '../gpc/flows.ts';
import { gpcRow } from '../gpc/structure.ts';
import { BASES, type ClusterMember, type ClusterResult, type Pairing } from './types.ts';

/** Lines of the rows a cluster reconciles (both ends of every flow) and a few others; amounts are drawn. */
const TEMPLATES: Record<string, unknown>[] = [
  { gpc: 'I.4.4', gas: 'CO2', unit: 't' },
  { gpc: 'I.3.1', gas: 'CO2', unit: 't' },
  { gpc: 'I.1.2', energy: 'electricity', unit: 'MWh' },
  { gpc: 'I.3.2', energy: 'electricity', unit: '万kWh' },
  { gpc: 'II.1.2', energy: 'electricity', unit: 'MWh' },
  { gpc: 'I.3.2', energy: 'heat', unit: 'GJ', ef: { CO2: { value: 100, unit: 'kg/GJ' } } },
  { gpc: 'II.1.1', gas: 'CO2', unit: 't' },
  { gpc: 'II.1.3', gas: 'CO2', unit: 't' },
  { gpc: 'II.4.3', gas: 'CO2', unit: 't' },
  { gpc: 'III.1.1', gas: 'CH4', unit: 't' },
  { gpc: 'III.1.2', gas: 'CH4', unit: 't' },
  { gpc: 'III.1.3', gas: 'CH4', unit: 't' },
  { gpc: 'III.4.2', gas: 'N2O', unit: 't' },
  { gpc: 'III.4.3', gas: 'N2O', unit: 't' },
  { gpc: 'IV.1.1', gas: 'CO2', unit: 't' },
];

const amount = fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true });
const line = fc.tuple(fc.constantFrom(...TEMPLATES), amount).map(([template, value]) => ({ ...template, amount: value }));
const memberDocument = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 12 }),
  generation: fc.option(amount, { nil: undefined }),
});

function compute(id: string, doc: { lines: Record<string, unknown>[]; generation: number | undefined }): ClusterMember {
  const run = runInventory({
    city: { name: id, country: 'CN' },
    year: 2022,
    grid: 'CN-east-2022',
    ...(doc.generation === undefined ? {} : { supply: { electricity: { generation: [{ source: 'coal', amount: doc.generation, unit: 'MWh' }] } } }),
    activities: doc.lines,
  });
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return { id, result: run.result };
}

/** Draws for pairings: which member, which of its cross-boundary lines, which other member, what share, and amounts. */
const pairingDraw = fc.record({
  member: fc.nat(),
  line: fc.nat(),
  counterpart: fc.nat(),
  share: fc.double({ min: 0, max: 1, noNaN: true }),
  amount: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: undefined }),
});

type PairingDraw = { member: number; line: number; counterpart: number; share: number; amount: number | undefined };

/** Valid pairings from the draws: each line paired at most once, with another member. */
function pairingsOf(members: readonly ClusterMember[], draws: readonly PairingDraw[]): Pairing[] {
  if (members.length < 2) return [];
  const used = new Set<string>();
  const pairings: Pairing[] = [];
  for (const draw of draws) {
    const member = members[draw.member % members.length]!;
    const crossing = member.result.lines.filter((l) => flowRule(gpcRow(l.gpc)!, l.form) !== undefined);
    if (crossing.length === 0) continue;
    const chosen = crossing[draw.line % crossing.length]!;
    const key = `${member.id} ${chosen.index}`;
    if (used.has(key)) continue;
    used.add(key);
    const others = members.filter((other) => other.id !== member.id);
    const counterpart = others[draw.counterpart % others.length]!;
    const kind = flowRule(gpcRow(chosen.gpc)!, chosen.form)!.kind;
    const row = kind === 'waste' ? { row: draw.counterpart % 2 === 0 ? `${chosen.gpc.slice(0, -2)}.3` : `${chosen.gpc.slice(0, -2)}.1` } : {};
    const energy = draw.amount === undefined ? {} : kind === 'electricity' ? { mwh: draw.amount } : kind === 'heat' ? { gj: draw.amount } : {};
    pairings.push({ line: { member: member.id, index: chosen.index }, counterpart: { member: counterpart.id, ...row }, share: draw.share, ...energy });
  }
  return pairings;
}

const clusterArbitrary = fc
  .tuple(fc.array(memberDocument, { minLength: 1, maxLength: 4 }), fc.array(pairingDraw, { maxLength: 8 }))
  .map(([docs, draws]) => {
    const members = docs.map((doc, at) => compute(`m${at}`, doc));
    return { docs, members, pairings: pairingsOf(members, draws) };
  });

/** The members with each pairing written on its line instead (`counterpart`, the counterpart named by its city name). */
function statedOnLines(docs: readonly { lines: Record<string, unknown>[]; generation: number | undefined }[], pairings: readonly Pairing[]): ClusterMember[] {
  return docs.map((doc, at) => {
    const id = `m${at}`;
    const lines = doc.lines.map((line, index) => {
      const pairing = pairings.find((candidate) => candidate.line.member === id && candidate.line.index === index);
      if (!pairing) return line;
      // A line's amount must be positive, as a cluster file's: an amount of 0 checks nothing (0 ≤ any export), so it is left out.
      const positive = (value: number | undefined) => (value !== undefined && value > 0 ? value : undefined);
      // The members' city names are their ids (compute), upper-cased here: names are matched regardless of case.
      const counterpart = { city: pairing.counterpart.member.toUpperCase(), row: pairing.counterpart.row, share: pairing.share, mwh: positive(pairing.mwh), gj: positive(pairing.gj) };
      return { ...line, counterpart };
    });
    return compute(id, { ...doc, lines: JSON.parse(JSON.stringify(lines)) as Record<string, unknown>[] });
  });
}

function aggregate(members: readonly ClusterMember[], pairings: readonly Pairing[] = []): ClusterResult {
  const run = aggregateCluster(members, pairings);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.value;
}

describe('cluster properties', () => {
  it('draws clusters with flows removed on every kind of rule (the properties below are not vacuous)', () => {
    const reasons = new Set<string>();
    const problems = new Set<string>();
    fc.assert(
      fc.property(clusterArbitrary, ({ members, pairings }) => {
        const result = aggregate(members, pairings);
        for (const row of result.reconciliation.rows) for (const removal of row.removals) reasons.add(removal.reason);
        for (const problem of result.problems) problems.add(problem.code);
      }),
      propertySettings('draws', 300),
    );
    expect([...reasons].sort()).toEqual(['internal-grid-energy', 'internal-trips', 'internal-waste-basic', 'internal-waste-territorial']);
    expect([...problems].sort()).toEqual(['counterpart-without-row', 'exceeds-exports']);
  });

  it('a cluster of one member changes nothing', () => {
    fc.assert(
      fc.property(memberDocument, (doc) => {
        const member = compute('only', doc);
        const result = aggregate([member]);
        const own: InventoryResult = member.result;
        expect(result.totals).toEqual(memberBases(own));
        expect(result.bySector).toEqual(own.bySector);
        expect(result.reconciliation.removed).toEqual({ basic: 0, basicPlus: 0, scope1: 0, scope2: 0, scope3: 0, total: 0 });
        expect(result.official.computed && result.official.energyCo2).toBe(own.official.energyCo2.total);
      }),
      propertySettings('cluster of one'),
    );
  });

  it('where a pairing is stated, on the cluster or on the line, changes no figure', () => {
    const withoutPlace = (result: ClusterResult) => ({
      totals: result.totals,
      bySector: result.bySector,
      rows: result.reconciliation.rows.map((row) => ({ ...row, removals: row.removals.map(({ stated, place, ...removal }) => removal) })),
      unpaired: result.unpaired,
      // Problems come in the order their pairings are checked (the cluster's, then the lines' by member): compared as a set.
      problems: result.problems.map((problem) => `${problem.code} ${problem.member} ${'paired' in problem ? problem.paired : ''}`).sort(),
    });
    let moved = 0;
    fc.assert(
      fc.property(clusterArbitrary, ({ docs, members, pairings }) => {
        moved += pairings.length;
        const onLines = aggregate(statedOnLines(docs, pairings));
        expect(withoutPlace(onLines)).toEqual(withoutPlace(aggregate(members, pairings)));
        for (const row of onLines.reconciliation.rows) for (const removal of row.removals) expect(removal.stated).toBe('line');
      }),
      propertySettings('stated on the line', 150),
    );
    expect(moved).toBeGreaterThan(0);
  });

  it('the order of the members changes nothing', () => {
    fc.assert(
      fc.property(clusterArbitrary, fc.nat(), ({ members, pairings }, rotation) => {
        const turned = [...members.slice(rotation % members.length), ...members.slice(0, rotation % members.length)].reverse();
        expect(aggregate(turned, pairings)).toEqual(aggregate(members, pairings));
      }),
      propertySettings('member order'),
    );
  });

  it("never exceeds the sum of its members' on any basis, and removes nothing of scope 1", () => {
    fc.assert(
      fc.property(clusterArbitrary, ({ members, pairings }) => {
        const result = aggregate(members, pairings);
        for (const basis of BASES) {
          let sum = 0;
          for (const member of [...members].sort((a, b) => (a.id < b.id ? -1 : 1))) sum += memberBases(member.result)[basis];
          expect(result.totals[basis]).toBeLessThanOrEqual(sum);
          expect(result.reconciliation.removed[basis]).toBeGreaterThanOrEqual(0);
        }
        expect(result.totals.scope1).toBe(result.reconciliation.members.scope1);
      }),
      propertySettings('never exceeds'),
    );
  });

  it('the reconciliation adds up exactly: members − removed = cluster, row by row and in sum', () => {
    fc.assert(
      fc.property(clusterArbitrary, ({ members, pairings }) => {
        const { totals, reconciliation } = aggregate(members, pairings);
        // Each removal is the stated share of the member's own line, and the line's part no pairing names is listed.
        for (const row of reconciliation.rows) {
          const lines = members.find((member) => member.id === row.member)!.result.lines;
          for (const removal of row.removals) expect(removal.co2e).toBe(removal.share * lines.find((l) => l.index === removal.index)!.co2e);
        }
        for (const basis of BASES) {
          expect(reconciliation.members[basis] - reconciliation.removed[basis]).toBe(totals[basis]);
          let reported = 0;
          let removed = 0;
          for (const row of reconciliation.rows) {
            reported += row.reports[basis];
            expect(row.reports[basis] - row.removed[basis]).toBe(row.counted[basis]);
            let own = 0;
            for (const removal of row.removals) if (removal.bases.includes(basis)) own += removal.co2e;
            expect(row.removed[basis]).toBe(own);
          }
          for (const row of reconciliation.rows) for (const removal of row.removals) if (removal.bases.includes(basis)) removed += removal.co2e;
          expect(reported).toBe(reconciliation.members[basis]);
          expect(removed).toBe(reconciliation.removed[basis]);
        }
      }),
      propertySettings('reconciliation adds up'),
    );
  });
});
