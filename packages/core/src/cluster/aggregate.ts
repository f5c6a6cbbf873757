import { GPC_SECTORS, gpcRow } from '../gpc/structure.ts';
import type { InventoryResult, ScopeTotals } from '../inventory/types.ts';
import { isChinese } from '../official/compute.ts';
import { compareIds, resolvePairings } from './pairings.ts';
import { statedPairings } from './stated.ts';
import { clusterTexts, issue } from './texts.ts';
import { BASES, type Bases, type ClusterIssue, type ClusterMember, type ClusterOfficial, type ClusterRun, type Pairing, type ReconciliationRow, type Removal } from './types.ts';

const zero = (): Bases => ({ basic: 0, basicPlus: 0, scope1: 0, scope2: 0, scope3: 0, total: 0 });

/** What a member reports on each basis (its inventory's totals; the scopes total is scope 1 + 2 + 3). */
export function memberBases(result: InventoryResult): Bases {
  const { basic, basicPlus, scope1, scope2, scope3 } = result.totals;
  return { basic, basicPlus, scope1, scope2, scope3, total: scope1 + scope2 + scope3 };
}

/**
 * A cluster's inventory from its members' (docs/clusters.md): the GPC totals with each flow between members counted
 * once (rules.ts), China's energy-activity CO2 where every member has it, and the reconciliation — per member what it
 * reports, what the cluster removes as internal and why. On every basis, cluster = Σ members − Σ removed, exactly:
 * the cluster's figure is computed as that difference. Sums run in member-id order and removals in a fixed order,
 * so the order in which members and pairings are given changes nothing.
 */
export function aggregateCluster(members: readonly ClusterMember[], pairings: readonly Pairing[] = []): ClusterRun {
  const issues: ClusterIssue[] = [];
  if (members.length === 0) issues.push(issue(['members'], 'no-members'));
  const byId = new Map<string, ClusterMember>();
  members.forEach((member, at) => {
    if (byId.has(member.id)) issues.push(issue(['members', at, 'id'], 'duplicate-member', { got: member.id }));
    byId.set(member.id, member);
  });
  const years = [...new Set(members.map((member) => member.result.year))].sort((a, b) => a - b);
  if (years.length > 1) issues.push(issue(['members'], 'different-years', { got: years.join(', ') }));
  if (issues.length > 0) return { ok: false, issues };

  // Pairings stated on the members' lines (`counterpart`) join the cluster's, each with its place (stated.ts).
  const stated = statedPairings(byId, pairings);
  if (!stated.ok) return stated;
  const resolved = resolvePairings(byId, stated.value);
  if (!resolved.ok) return resolved;
  const { removals, unpaired, problems, notes } = resolved.value;
  const onLines = stated.value.some((entry) => entry.stated === 'line');

  const ordered = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  const chinese = ordered.every((member) => isChinese(member.result));
  const rows: ReconciliationRow[] = ordered.map((member) => {
    const reports = memberBases(member.result);
    const own = removals.filter((removal) => removal.member === member.id);
    const removed = removedBases(own);
    const counted = zero();
    for (const basis of BASES) counted[basis] = reports[basis] - removed[basis];
    return {
      member: member.id,
      name: member.name ?? member.result.city,
      nameZh: member.nameZh ?? member.result.entity.nameZh,
      reports: chinese ? { ...reports, energyCo2: member.result.official.energyCo2.total } : reports,
      removed,
      counted,
      removals: own,
    };
  });

  const sum = zero();
  for (const row of rows) for (const basis of BASES) sum[basis] += row.reports[basis];
  const removed = removedBases(removals);
  const totals = zero();
  for (const basis of BASES) totals[basis] = sum[basis] - removed[basis];

  return {
    ok: true,
    value: {
      year: years[0]!,
      members: rows.map((row) => ({ id: row.member, name: row.name, nameZh: row.nameZh })),
      totals,
      bySector: sectorTotals(ordered, removals),
      official: clusterOfficial(ordered, chinese),
      reconciliation: { rows, members: sum, removed },
      unpaired,
      problems,
      notes,
      conventions: [clusterTexts.scope1, clusterTexts.pairedOnly, ...(onLines ? [clusterTexts.statedWhere] : [])],
    },
  };
}

/** Σ removed on each basis a removal leaves, in the removals' (fixed) order. */
function removedBases(removals: readonly Removal[]): Bases {
  const removed = zero();
  for (const removal of removals) for (const basis of removal.bases) removed[basis] += removal.co2e;
  return removed;
}

/** The members' sector totals less the removals, on the same bases (a sector's `territorial` is never removed). */
function sectorTotals(ordered: readonly ClusterMember[], removals: readonly Removal[]): Record<string, ScopeTotals> {
  const bySector: Record<string, ScopeTotals> = {};
  for (const sector of GPC_SECTORS) {
    const totals: ScopeTotals = { basic: 0, basicPlus: 0, territorial: 0, scope1: 0, scope2: 0, scope3: 0 };
    for (const member of ordered) {
      const own = member.result.bySector[sector.id];
      if (own === undefined) continue;
      for (const key of ['basic', 'basicPlus', 'territorial', 'scope1', 'scope2', 'scope3'] as const) totals[key] += own[key];
    }
    bySector[sector.id] = totals;
  }
  for (const removal of removals) {
    const sector = bySector[gpcRow(removal.gpc)!.sector]!;
    for (const basis of removal.bases) if (basis !== 'total') sector[basis] -= removal.co2e;
  }
  return bySector;
}

/**
 * Energy-activity CO2 (能源活动二氧化碳) of the cluster: combustion in every member plus the net imported electricity
 * (and heat, when counted) across the cluster's outer boundary (reference/china-accounting.md §7: a cluster takes net
 * import at its outer boundary). The members' net imports in MWh add up to exactly that — power one member exports
 * to another is the other's import — so with one grid factor the cluster's figure is the members' sum; with
 * different factors it is not computed, and says why.
 */
function clusterOfficial(ordered: readonly ClusterMember[], chinese: boolean): ClusterOfficial {
  if (!chinese) {
    const others = ordered.filter((member) => !isChinese(member.result)).map((member) => member.id);
    return { computed: false, reason: 'not-all-chinese', text: clusterTexts.notAllChinese(others) };
  }
  const official = ordered.map((member) => ({ id: member.id, value: member.result.official }));
  const factors = new Set(official.map(({ value }) => value.electricity.factor?.id ?? '(none)'));
  if (factors.size > 1) {
    return { computed: false, reason: 'different-factors', text: clusterTexts.differentFactors(official.map(({ id, value }) => `${id}: ${value.electricity.factor?.id ?? '(none)'}`)) };
  }
  const heat = new Set(official.map(({ value }) => `${value.heat.counted ? 'net-imports' : 'excluded'} ${value.heat.factor?.id ?? ''}`.trim()));
  if (heat.size > 1) {
    return { computed: false, reason: 'different-heat-options', text: clusterTexts.differentHeat(official.map(({ id, value }) => `${id}: ${value.heat.counted ? `net-imports ${value.heat.factor?.id ?? ''}`.trim() : 'excluded'}`)) };
  }
  let energyCo2 = 0;
  let combustion = 0;
  let electricityNetImports = 0;
  let electricityCo2 = 0;
  let heatCo2 = 0;
  const part = (components: readonly { id: string; value: number }[], id: string): number => components.find((component) => component.id === id)?.value ?? 0;
  for (const { value } of official) {
    energyCo2 += value.energyCo2.total;
    combustion += part(value.energyCo2.components, 'combustion');
    electricityCo2 += part(value.energyCo2.components, 'electricity-net-imports');
    heatCo2 += part(value.energyCo2.components, 'heat-net-imports');
    electricityNetImports += value.electricity.netImports;
  }
  const gridFactor = official[0]?.value.electricity.factor?.id;
  return { computed: true, energyCo2, combustion, electricityNetImports, electricityCo2, heatCo2, gridFactor, text: clusterTexts.official(gridFactor) };
}
