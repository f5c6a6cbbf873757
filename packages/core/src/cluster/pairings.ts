import { gpcRow } from '../gpc/structure.ts';
import type { LineResult } from '../inventory/types.ts';
import { flowRule, PAIRING_AMOUNT_FIELDS } from '../gpc/flows.ts';
import { removalOf } from './rules.ts';
import type { StatedPairing } from './stated.ts';
import { issue, noteText, problemText, removalText } from './texts.ts';
import type { ClusterIssue, ClusterMember, ClusterNote, ClusterProblem, FlowKind, Pairing, Removal, Text, UnpairedLine } from './types.ts';

/** Shares that add to 1 within this are the whole line (0.1 + 0.2 + 0.7 is 1.0000000000000002). */
const SHARE_SLACK = 1e-9;

interface Checked {
  readonly entry: StatedPairing;
  readonly pairing: Pairing;
  readonly line: LineResult;
  readonly kind: FlowKind;
  readonly counterpartRow: string;
  readonly share: number;
}

export interface Resolved {
  readonly removals: readonly Removal[];
  readonly unpaired: readonly UnpairedLine[];
  readonly problems: readonly (ClusterProblem & { readonly text: Text })[];
  readonly notes: readonly ClusterNote[];
}

/**
 * Checks the pairings — stated on the cluster or on the members' lines (stated.ts) — against the members and turns
 * each into the part of a line the cluster removes. Input that names nothing real (a member, a line, a row that
 * cannot hold the flow, shares above the whole line) is an issue at the place it was stated; a pairing the members'
 * own figures contradict is a problem, and nothing is removed for it.
 */
export function resolvePairings(members: ReadonlyMap<string, ClusterMember>, pairings: readonly StatedPairing[]): { ok: true; value: Resolved } | { ok: false; issues: ClusterIssue[] } {
  const issues: ClusterIssue[] = [];
  const problems: (ClusterProblem & { text: Text })[] = [];
  const linesOf = new Map<string, ReadonlyMap<number, LineResult>>();
  for (const [id, member] of members) linesOf.set(id, new Map(member.result.lines.map((line) => [line.index, line])));
  const rowsOf = (id: string): ReadonlySet<string> => new Set(members.get(id)!.result.lines.map((line) => line.gpc));

  const checked: Checked[] = [];
  for (const entry of pairings) {
    const { pairing, path } = entry;
    const { member, index } = pairing.line;
    const line = linesOf.get(member)?.get(index);
    if (!members.has(member)) issues.push(issue(path('line.member'), 'unknown-member', { got: member }));
    else if (line === undefined) issues.push(issue(path('line.index'), 'unknown-line', { member, index }));
    if (!members.has(pairing.counterpart.member)) issues.push(issue(path('counterpart.member'), 'unknown-member', { got: pairing.counterpart.member }));
    else if (pairing.counterpart.member === member) issues.push(issue(path('counterpart.member'), 'own-counterpart', { member }));
    const share = pairing.share ?? 1;
    if (!(share >= 0 && share <= 1)) issues.push(issue(path('share'), 'share-out-of-range', { got: share }));
    for (const field of PAIRING_AMOUNT_FIELDS) {
      const value = pairing[field];
      if (value !== undefined && !(Number.isFinite(value) && value >= 0)) issues.push(issue(path(field), 'amount-out-of-range', { got: value }));
    }
    if (line === undefined) continue;
    const row = gpcRow(line.gpc)!;
    const rule = flowRule(row, line.form);
    if (rule === undefined) {
      issues.push(issue(path('line'), 'not-cross-boundary', { member, index, row: line.gpc }));
      continue;
    }
    for (const field of PAIRING_AMOUNT_FIELDS) {
      if (pairing[field] !== undefined && field !== rule.amountField) issues.push(issue(path(field), 'amount-wrong-carrier', { got: rule.kind, row: rule.amountField }));
    }
    const givenRow = pairing.counterpart.row;
    if (givenRow !== undefined && !rule.counterpartRows.includes(givenRow)) {
      issues.push(issue(path('counterpart.row'), 'counterpart-row-invalid', { got: givenRow, rows: rule.counterpartRows }));
      continue;
    }
    if (!members.has(pairing.counterpart.member) || pairing.counterpart.member === member) continue;
    // The counterpart's row: as given, else the one candidate row it reports; never a guess between two.
    const reported = rowsOf(pairing.counterpart.member);
    const candidates = givenRow === undefined ? rule.counterpartRows.filter((ref) => reported.has(ref)) : [givenRow].filter((ref) => reported.has(ref));
    if (candidates.length === 0) {
      const problem: ClusterProblem = { code: 'counterpart-without-row', pairing: entry.index, place: entry.place, member: pairing.counterpart.member, rows: givenRow === undefined ? rule.counterpartRows : [givenRow] };
      problems.push({ ...problem, text: problemText(problem) });
      continue;
    }
    if (candidates.length > 1) {
      const problem: ClusterProblem = { code: 'counterpart-row-ambiguous', pairing: entry.index, place: entry.place, member: pairing.counterpart.member, rows: candidates };
      problems.push({ ...problem, text: problemText(problem) });
      continue;
    }
    checked.push({ entry, pairing, line, kind: rule.kind, counterpartRow: candidates[0]!, share });
  }

  // A line paired for more than itself is an error of the pairings, not of the members.
  const shareByLine = new Map<string, number>();
  for (const entry of checked) {
    const key = `${entry.pairing.line.member}\u0000${entry.line.index}`;
    shareByLine.set(key, (shareByLine.get(key) ?? 0) + entry.share);
  }
  for (const [key, shares] of shareByLine) {
    if (shares > 1 + SHARE_SLACK) {
      const [member, index] = key.split('\u0000');
      issues.push(issue(['pairings'], 'over-paired', { member: member!, index: Number(index), shares }));
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const refused = exportChecks(members, checked, problems);
  const notes: ClusterNote[] = [];
  for (const entry of activityChecks(members, checked, problems, notes)) refused.add(entry);
  const removals: Removal[] = [];
  const applied = new Map<string, number>();
  for (const entry of checked) {
    if (refused.has(entry.entry)) continue;
    const member = entry.pairing.line.member;
    const { reason, bases } = removalOf(entry.kind, entry.counterpartRow);
    const counterpart = { member: entry.pairing.counterpart.member, row: entry.counterpartRow };
    removals.push({
      member,
      index: entry.line.index,
      gpc: entry.line.gpc,
      kind: entry.kind,
      reason,
      counterpart,
      share: entry.share,
      stated: entry.entry.stated,
      place: entry.entry.place,
      co2e: entry.share * entry.line.co2e,
      bases,
      text: removalText(reason, { member, gpc: entry.line.gpc, share: entry.share }, counterpart),
    });
    const key = `${member}\u0000${entry.line.index}`;
    applied.set(key, (applied.get(key) ?? 0) + entry.share);
  }
  // A canonical order, so that neither the members' nor the pairings' order changes a sum.
  removals.sort((a, b) => compareIds(a.member, b.member) || a.index - b.index || compareIds(a.counterpart.member, b.counterpart.member) || a.share - b.share);
  return { ok: true, value: { removals, unpaired: unpairedLines(members, applied), problems, notes } };
}

/** Σ MWh (GJ) the pairings take from each member, against what it exports net: the pairings beyond it are refused. */
function exportChecks(members: ReadonlyMap<string, ClusterMember>, checked: readonly Checked[], problems: (ClusterProblem & { text: Text })[]): Set<StatedPairing> {
  const refused = new Set<StatedPairing>();
  for (const carrier of ['electricity', 'heat'] as const) {
    const byCounterpart = new Map<string, Checked[]>();
    for (const entry of checked) {
      const amount = carrier === 'electricity' ? entry.pairing.mwh : entry.pairing.gj;
      if (entry.kind !== carrier || amount === undefined) continue;
      const list = byCounterpart.get(entry.pairing.counterpart.member) ?? [];
      list.push(entry);
      byCounterpart.set(entry.pairing.counterpart.member, list);
    }
    for (const [member, entries] of byCounterpart) {
      const official = members.get(member)!.result.official;
      const exports = Math.max(0, -(carrier === 'electricity' ? official.electricity.netImports : official.heat.netImports));
      const paired = entries.reduce((sum, entry) => sum + ((carrier === 'electricity' ? entry.pairing.mwh : entry.pairing.gj) ?? 0), 0);
      if (paired <= exports) continue;
      const problem: ClusterProblem = {
        code: 'exceeds-exports',
        member,
        carrier,
        unit: carrier === 'electricity' ? 'MWh' : 'GJ',
        paired,
        exports,
        pairings: clusterIndices(entries),
        places: entries.map((entry) => entry.entry.place),
      };
      problems.push({ ...problem, text: problemText(problem) });
      for (const entry of entries) refused.add(entry.entry);
    }
  }
  return refused;
}

/**
 * Σ tonnes (vehicle-km) the pairings send to (drive in) each counterpart row, against what the counterpart's lines
 * on that row report treating (driving): more than a complete report → a problem, and nothing removed for them;
 * more than the lines that give an amount, when some lines on the row give none → a note, and the pairings stand
 * (nothing contradicts them). Returns the pairings refused.
 */
function activityChecks(members: ReadonlyMap<string, ClusterMember>, checked: readonly Checked[], problems: (ClusterProblem & { text: Text })[], notes: ClusterNote[]): StatedPairing[] {
  const refused: StatedPairing[] = [];
  const groups = new Map<string, Checked[]>();
  for (const entry of checked) {
    if ((entry.kind !== 'waste' || entry.pairing.tonnes === undefined) && (entry.kind !== 'trips' || entry.pairing.vkm === undefined)) continue;
    const key = `${entry.pairing.counterpart.member}\u0000${entry.counterpartRow}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  for (const entries of groups.values()) {
    const first = entries[0]!;
    const kind = first.kind === 'waste' ? 'waste' : 'trips';
    const member = first.pairing.counterpart.member;
    const row = first.counterpartRow;
    const quantity = kind === 'waste' ? 'waste' : 'distance';
    const unit = kind === 'waste' ? 't' : 'vkm';
    const paired = entries.reduce((sum, entry) => sum + ((kind === 'waste' ? entry.pairing.tonnes : entry.pairing.vkm) ?? 0), 0);
    const lines = members.get(member)!.result.lines.filter((line) => line.gpc === row);
    const given = lines.filter((line) => line.activity?.quantity === quantity);
    const reported = given.reduce((sum, line) => sum + line.activity!.value, 0);
    const without = lines.filter((line) => line.activity?.quantity !== quantity).map((line) => line.index);
    if (paired <= reported) continue;
    const pairings = clusterIndices(entries);
    const places = entries.map((entry) => entry.entry.place);
    if (without.length === 0) {
      const problem: ClusterProblem = { code: 'exceeds-activity', member, kind, row, unit, paired, reported, pairings, places };
      problems.push({ ...problem, text: problemText(problem) });
      refused.push(...entries.map((entry) => entry.entry));
    } else {
      const note = { code: 'amount-unchecked', member, kind, row, unit, paired, reported, without, places } as const;
      notes.push({ ...note, text: noteText(note) });
    }
  }
  return refused;
}

/** The indices in the cluster's `pairings` of those stated there. */
function clusterIndices(entries: readonly Checked[]): number[] {
  return entries.flatMap((entry) => (entry.entry.index === undefined ? [] : [entry.entry.index]));
}

function unpairedLines(members: ReadonlyMap<string, ClusterMember>, applied: ReadonlyMap<string, number>): UnpairedLine[] {
  const unpaired: UnpairedLine[] = [];
  for (const id of [...members.keys()].sort(compareIds)) {
    for (const line of members.get(id)!.result.lines) {
      const rule = flowRule(gpcRow(line.gpc)!, line.form);
      if (rule === undefined) continue;
      const share = Math.max(0, 1 - (applied.get(`${id}\u0000${line.index}`) ?? 0));
      if (share <= SHARE_SLACK) continue;
      unpaired.push({ member: id, index: line.index, gpc: line.gpc, kind: rule.kind, share, co2e: share * line.co2e });
    }
  }
  return unpaired;
}

/** Member ids in code-unit order: the same in every locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
