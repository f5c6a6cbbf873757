import type { Assumption } from '../accounting/statements.ts';
import { PathwayWorkspace } from '../pathway/evaluate.ts';
import { runScenario, scenarioParameters, type PathwayResult } from '../pathway/results.ts';
import { findPeak } from '../pathway/targets.ts';
import { clusterScenario, memberPathway, type ClusterPathwayModel, type ClusterScenario } from './pathway-model.ts';
import type { Text } from './types.ts';

/**
 * Running the cluster's pathways (docs/clusters.md, "Cluster pathways"): a cluster scenario's members run with the
 * shared values set, the flows between members removed year by year, the cluster's peak and each member's part in
 * it; the model they run is built in pathway-model.ts.
 */

/** A member in a cluster scenario. */
export interface ClusterMemberPathway {
  readonly id: string;
  readonly name: string;
  readonly nameZh?: string | undefined;
  /** The member's scenario the cluster's builds on, and its name in the member's pathway. */
  readonly scenario: string;
  readonly scenarioName: Text;
  /** Its BASIC and BASIC+ emissions as its pathway gives them, tCO2e per year. */
  readonly total: number[];
  readonly basicPlus: number[];
  /** What the cluster removes of them as flows to other members. */
  readonly removed: { readonly basic: number[]; readonly basicPlus: number[] };
  /** What the cluster counts of it: total − removed. */
  readonly counted: number[];
  /** Its own peak. */
  readonly peak: { readonly year: number | null; readonly value: number | null };
  /** Its energy-activity CO2 (China's official basis), tCO2 per year. */
  readonly energyCo2: number[];
}

/** A member's part of the cluster's peak. */
export interface Contribution {
  readonly member: string;
  /** The member's counted emissions in the cluster's peak year (the last year when the cluster has not peaked), and its share of the cluster's. */
  readonly atPeak: number;
  readonly share: number;
  /** Its change from the base year to that year: the members' changes add up to the cluster's. */
  readonly change: number;
  /** Its own peak, which need not be the cluster's. */
  readonly ownPeak: { readonly year: number | null; readonly value: number | null };
}

export interface ClusterPathwayResult {
  readonly name: Text;
  readonly scenario: { readonly id: string; readonly name: Text };
  readonly baseYear: number;
  readonly endYear: number;
  readonly years: number[];
  /** BASIC tCO2e per year: the members' sum, what the cluster removes as flows between members, the cluster's. */
  readonly membersSum: { readonly basic: number[]; readonly basicPlus: number[] };
  readonly removed: { readonly basic: number[]; readonly basicPlus: number[] };
  readonly total: number[];
  readonly basicPlus: number[];
  readonly peak: { readonly year: number | null; readonly value: number | null };
  /** The year the contributions are taken in: the peak year, or the last year when there is no peak. */
  readonly contributionYear: number;
  readonly contributions: readonly Contribution[];
  readonly members: readonly ClusterMemberPathway[];
  /** Energy-activity CO2 of the cluster: the members' sum when one grid factor holds in every member and year (flows cancel in net imports). */
  readonly official: { readonly computed: true; readonly energyCo2: number[]; readonly peak: { readonly year: number | null; readonly value: number | null } } | { readonly computed: false; readonly text: Text };
  /** The cluster's actions: BASIC tCO2e each avoids per year, summed over the members that take it. */
  readonly actions: readonly { readonly id: string; readonly name: Text; readonly members: readonly string[]; readonly impact: number[]; readonly cumulative: number }[];
  readonly shared: readonly { readonly path: string; readonly members: readonly string[]; readonly value: number; readonly from: 'cluster' | 'members'; readonly uncertain: boolean }[];
  /** The members' own results in full, as `peakpath pathway` gives them. */
  readonly memberResults: readonly PathwayResult[];
  readonly assumptions: readonly Assumption[];
}

/** The flows removed in one member-year from BASIC and BASIC+, given that member's BASIC+ emissions by sector and year. */
export function projectRemovals(model: ClusterPathwayModel, m: number, sectorBasicPlus: (sector: number, y: number) => number, out: { basic: Float64Array; basicPlus: Float64Array }): void {
  out.basic.fill(0);
  out.basicPlus.fill(0);
  for (const removal of model.removals) {
    if (removal.member !== m) continue;
    for (let y = 0; y < model.years; y++) {
      let amount = removal.co2e;
      if (removal.sector >= 0) {
        const base = sectorBasicPlus(removal.sector, 0);
        if (base !== 0) amount *= sectorBasicPlus(removal.sector, y) / base;
      }
      if (removal.basic) out.basic[y]! += amount;
      if (removal.basicPlus) out.basicPlus[y]! += amount;
    }
  }
}

/** Whether the members' grid factors are one in every year (within 10⁻⁹): the condition for adding their energy-activity CO2. */
export function oneGrid(grids: readonly ArrayLike<number>[], years: number): boolean {
  for (let y = 0; y < years; y++) {
    const first = grids[0]![y]!;
    for (const grid of grids) if (Math.abs(grid[y]! - first) > 1e-9 * Math.max(1, Math.abs(first))) return false;
  }
  return true;
}

/** Runs a cluster scenario: every member's pathway, the flows removed, the cluster's peak and each member's part. */
export function runClusterScenario(model: ClusterPathwayModel, scenarioId: string = model.defaultScenario): ClusterPathwayResult {
  const scenario = clusterScenario(model, scenarioId);
  const years = model.years;
  const cut = (values: readonly number[]): number[] => values.slice(0, years);
  const membersSum = { basic: new Array<number>(years).fill(0), basicPlus: new Array<number>(years).fill(0) };
  const removed = { basic: new Array<number>(years).fill(0), basicPlus: new Array<number>(years).fill(0) };
  const memberResults: PathwayResult[] = [];
  const members: ClusterMemberPathway[] = [];
  const grids: Float64Array[] = [];
  model.members.forEach((member, m) => {
    const pathway = memberPathway(model, scenario, m);
    const workspace = new PathwayWorkspace(pathway.model);
    const result = runScenario(pathway, scenario.members[m]!.scenario.id, workspace);
    grids.push(Float64Array.from(workspace.grid));
    memberResults.push(result);
    const sectors = pathway.model.sectors.map((sector) => result.bySectorBasicPlus[sector.id]!);
    const out = { basic: new Float64Array(years), basicPlus: new Float64Array(years) };
    projectRemovals(model, m, (s, y) => sectors[s]![y]!, out);
    const total = cut(result.total);
    const counted = total.map((value, y) => value - out.basic[y]!);
    for (let y = 0; y < years; y++) {
      membersSum.basic[y]! += total[y]!;
      membersSum.basicPlus[y]! += result.basicPlus[y]!;
      removed.basic[y]! += out.basic[y]!;
      removed.basicPlus[y]! += out.basicPlus[y]!;
    }
    members.push({
      id: member.id,
      name: member.name,
      ...(member.nameZh === undefined ? {} : { nameZh: member.nameZh }),
      scenario: scenario.members[m]!.from,
      scenarioName: member.pathway.scenarios.find((candidate) => candidate.id === scenario.members[m]!.from)!.name,
      total,
      basicPlus: cut(result.basicPlus),
      removed: { basic: Array.from(out.basic), basicPlus: Array.from(out.basicPlus) },
      counted,
      peak: findPeak(total, model.baseYear),
      energyCo2: cut(result.official.energyCo2),
    });
  });
  const total = membersSum.basic.map((value, y) => value - removed.basic[y]!);
  const basicPlus = membersSum.basicPlus.map((value, y) => value - removed.basicPlus[y]!);
  const peak = findPeak(total, model.baseYear);
  const at = (peak.year ?? model.endYear) - model.baseYear;
  const contributions = members.map((member) => ({
    member: member.id,
    atPeak: member.counted[at]!,
    share: total[at] === 0 ? 0 : member.counted[at]! / total[at]!,
    change: member.counted[at]! - member.counted[0]!,
    ownPeak: member.peak,
  }));
  const official: ClusterPathwayResult['official'] = (() => {
    if (!model.aggregate.official.computed) return { computed: false, text: model.aggregate.official.text };
    if (!oneGrid(grids, years)) {
      return { computed: false, text: { en: "the members' grid factors differ in some year of the pathways: their energy-activity CO2 does not add up (share the grid factor's points in `pathways.shared`)", zh: '各成员路径的电网排放因子在部分年份不同：能源活动二氧化碳排放不能直接相加（可在 `pathways.shared` 中共享电网因子）' } };
    }
    const energyCo2 = new Array<number>(years).fill(0);
    for (const member of members) member.energyCo2.forEach((value, y) => (energyCo2[y]! += value));
    return { computed: true, energyCo2, peak: findPeak(energyCo2, model.baseYear) };
  })();
  const actionSpecs = new Map<string, Text>();
  for (const member of model.members) for (const action of member.pathway.model.actions) if (scenario.actions.includes(action.id)) actionSpecs.set(action.id, action.name);
  const actions = scenario.actions.map((id) => {
    const impact = new Array<number>(years).fill(0);
    const takers: string[] = [];
    memberResults.forEach((result, m) => {
      const own = result.actions.find((action) => action.id === id);
      if (!own) return;
      takers.push(model.members[m]!.id);
      own.impact.slice(0, years).forEach((value, y) => (impact[y]! += value));
    });
    return { id, name: actionSpecs.get(id) ?? { en: id, zh: id }, members: takers, impact, cumulative: impact.reduce((sum, value) => sum + value, 0) };
  });
  return {
    name: model.name,
    scenario: { id: scenario.id, name: scenario.name },
    baseYear: model.baseYear,
    endYear: model.endYear,
    years: Array.from({ length: years }, (_, y) => model.baseYear + y),
    membersSum,
    removed,
    total,
    basicPlus,
    peak,
    contributionYear: model.baseYear + at,
    contributions,
    members,
    official,
    actions,
    shared: model.shared.map((parameter) => ({ path: parameter.path, members: parameter.members, value: parameter.valueInFileUnit, from: parameter.from, uncertain: parameter.distribution !== undefined })),
    memberResults,
    assumptions: model.assumptions,
  };
}

/** Each cluster scenario side by side: its BASIC total, peak and official peak. */
export function compareClusterScenarios(model: ClusterPathwayModel): { id: string; name: Text; total: number[]; peak: ClusterPathwayResult['peak']; officialPeak: ClusterPathwayResult['peak'] | null }[] {
  return model.scenarios.map((scenario) => {
    const run = runClusterScenario(model, scenario.id);
    return { id: scenario.id, name: scenario.name, total: run.total, peak: run.peak, officialPeak: run.official.computed ? run.official.peak : null };
  });
}

/** The nominal parameters of each member in a cluster scenario (the shared values set). */
export function clusterParameters(model: ClusterPathwayModel, scenario: ClusterScenario): Float64Array[] {
  return model.members.map((_, m) => scenarioParameters(memberPathway(model, scenario, m), scenario.members[m]!.scenario));
}
