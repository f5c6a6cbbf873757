import type { Assumption } from '../accounting/statements.ts';
import type { Issue, Path } from '../issues/issue.ts';
import { describeIssue, formatIssue } from '../issues/messages.ts';
import { readCorrelations } from '../pathway/correlation.ts';
import type { CopulaGroup, CorrelationPair, Distribution, Pathway, ScenarioDefinition, UncertainParameter } from '../pathway/definitions.ts';
import { ParameterTable } from '../pathway/params.ts';
import { PathwayReader } from '../pathway/read-series.ts';
import { findScenario } from '../pathway/results.ts';
import { readUncertainty } from '../pathway/uncertainty.ts';
import { Reader, type Fields } from '../reading/reader.ts';
import { closest } from '../text/closest.ts';
import { formatFigure } from '../text/names.ts';
import { DEFAULT_CLUSTER_SCENARIO, type ClusterActionSpec, type ClusterPathwaysSpec } from './pathway-file.ts';
import type { ClusterResult, Text } from './types.ts';

/**
 * Cluster pathways (docs/clusters.md, "Cluster pathways"): the members' pathways run together — the parameters
 * they share (the grid factor, national parameters) at one value and one draw, the cluster's own actions added to
 * the members that take them, the flows between members removed year by year as the cluster inventory removes them
 * in the base year — giving the cluster's emissions, its peak and each member's contribution to it, and a Monte
 * Carlo analysis whose draws are correlated across members as the file says (cluster/pathway-mc.ts). This file
 * builds the model from the file and the members' pathways; pathway-run.ts runs its scenarios.
 */

/** The label of a member's parameter in the cluster (`alpha/drivers.gdp.growth.2031`), and of a shared one (`shared/grid.points.2030`). */
export const memberLabel = (member: string, path: string): string => `${member}/${path}`;
export const SHARED_PREFIX = 'shared';

/** A member as the cluster's pathways take it: its compiled pathway (cluster actions added) and its inventory's id. */
export interface ClusterPathwayMember {
  readonly id: string;
  readonly name: string;
  readonly nameZh?: string | undefined;
  readonly pathway: Pathway;
}

/** A parameter the members share: one value in every member, one draw per run. */
export interface SharedParameter {
  readonly path: string;
  readonly members: readonly string[];
  /** The value in base units, and in the unit the members' files give the number in. */
  readonly value: number;
  readonly valueInFileUnit: number;
  /** Where the value comes from: the cluster file (`value`), or the members' files, which agree. */
  readonly from: 'cluster' | 'members';
  readonly distribution: Distribution | undefined;
  /** Per member: its parameter's slot, its own value (file unit) and whether its own file made it uncertain. */
  readonly slots: readonly { readonly member: string; readonly slot: number; readonly own: number; readonly ownUncertain: boolean; readonly min: number; readonly max: number }[];
}

/** A cluster scenario: per member, its pathway's scenario with the cluster's actions on and the shared values set. */
export interface ClusterScenario {
  readonly id: string;
  readonly name: Text;
  readonly actions: readonly string[];
  /** Per member (in `members` order): the scenario of its pathway the cluster builds on, and the derived one it runs. */
  readonly members: readonly { readonly member: string; readonly from: string; readonly scenario: ScenarioDefinition }[];
}

/** A flow the base-year cluster inventory removes from BASIC or BASIC+, projected with its member's sector. */
export interface ProjectedRemoval {
  readonly member: number;
  readonly memberId: string;
  readonly gpc: string;
  readonly co2e: number;
  readonly basic: boolean;
  readonly basicPlus: boolean;
  /** The member pathway's sector holding the row (its BASIC+ emissions scale the flow); −1: not projected, held at the base year's. */
  readonly sector: number;
}

/** An uncertain parameter of the cluster: a member's (not shared) or a shared one. */
export interface ClusterUncertain {
  readonly label: string;
  readonly distribution: Distribution;
  /** A member's own parameter: the member's index and the index in its pathway's `uncertainty`. */
  readonly member?: { readonly index: number; readonly uncertain: number; readonly slot: number } | undefined;
  /** A shared parameter: its index in `shared`. */
  readonly shared?: number | undefined;
}

export interface ClusterPathwayModel {
  readonly name: Text;
  readonly baseYear: number;
  readonly endYear: number;
  readonly years: number;
  readonly members: readonly ClusterPathwayMember[];
  readonly scenarios: readonly ClusterScenario[];
  readonly defaultScenario: string;
  readonly shared: readonly SharedParameter[];
  readonly removals: readonly ProjectedRemoval[];
  /** The members' uncertain parameters (in member order, each in its path order; those a shared parameter replaces left out), then the shared ones. */
  readonly uncertainty: readonly ClusterUncertain[];
  /** Per member, per entry of its pathway's `uncertainty`: the index in `uncertainty`, or −1 when a shared parameter replaces it. */
  readonly uncertainIndex: readonly (readonly number[])[];
  /** Every pair drawn together: the members' own (labelled) and the cluster's. */
  readonly correlations: readonly CorrelationPair[];
  readonly copula: readonly CopulaGroup[];
  /** The base-year cluster inventory the pathways start from. */
  readonly aggregate: ClusterResult;
  readonly assumptions: readonly Assumption[];
}

export type ClusterPathwayIssueCode =
  | 'unknown-member'
  | 'member-without-pathway'
  | 'default-without-scenarios'
  | 'split-member'
  | 'split-incomplete'
  | 'split-sum'
  | 'split-required'
  | 'action-clash'
  | 'member-action'
  | 'pathway-required'
  | 'pathway-inventory'
  | 'shared-unknown'
  | 'shared-unit'
  | 'shared-values-differ'
  | 'shared-label';

const cluster = (path: Path, reason: ClusterPathwayIssueCode, text: Text): Issue => ({ path, code: 'cluster-input', reason, text });
const figure = (value: number): string => formatFigure(value, Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 4);

/** The effects whose size is an amount, not a rate: a cluster action taken by several members splits them. */
const ABSOLUTE_EFFECTS: Readonly<Record<string, string>> = { generation: 'value', removal: 'value', plant: 'amount' };

/**
 * A member's pathway document with the cluster actions it takes added to its `actions` (each absolute effect
 * times the member's `split`), or the problems: an action id the member's file already uses, a shared absolute
 * effect with no split. The member's scenarios are untouched: the cluster's scenarios turn the actions on.
 */
export function withClusterActions(document: unknown, member: string, actions: readonly ClusterActionSpec[]): { document: unknown; issues: Issue[] } {
  const taken = actions.filter((action) => action.members.includes(member));
  if (taken.length === 0 || typeof document !== 'object' || document === null || Array.isArray(document)) return { document, issues: [] };
  const fields = document as Fields;
  const own = typeof fields['actions'] === 'object' && fields['actions'] !== null && !Array.isArray(fields['actions']) ? (fields['actions'] as Fields) : {};
  const issues: Issue[] = [];
  const added: Fields = {};
  for (const action of taken) {
    const at: Path = ['pathways', 'actions', action.id];
    if (Object.hasOwn(own, action.id)) {
      issues.push(cluster(at, 'action-clash', { en: `member ${member}'s pathway has an action "${action.id}" of its own: give the cluster's action another id`, zh: `成员 ${member} 的路径已有行动 "${action.id}"：请为城市群行动另取标识` }));
      continue;
    }
    const effects = Array.isArray(action.definition['effects']) ? (action.definition['effects'] as unknown[]) : undefined;
    const absolute = (effects ?? []).some((effect) => typeof effect === 'object' && effect !== null && ABSOLUTE_EFFECTS[String((effect as Fields)['type'])] !== undefined);
    if (absolute && action.members.length > 1 && action.split === undefined) {
      if (action.members[0] === member) issues.push(cluster([...at, 'split'], 'split-required', { en: `the action has an effect of a fixed amount (generation, removal, plant) and ${action.members.length} members: give split, each member's part of it`, zh: `该行动含固定数量的作用（发电、碳汇、电厂），由 ${action.members.length} 个成员实施：请用 split 给出各成员承担的份额` }));
      continue;
    }
    const part = action.split?.[member] ?? 1;
    const scaled = effects?.map((effect) => {
      if (typeof effect !== 'object' || effect === null) return effect;
      const key = ABSOLUTE_EFFECTS[String((effect as Fields)['type'])];
      const amount = key === undefined ? undefined : (effect as Fields)[key];
      return key !== undefined && typeof amount === 'number' ? { ...(effect as Fields), [key]: amount * part } : effect;
    });
    added[action.id] = { ...action.definition, ...(scaled === undefined ? {} : { effects: scaled }) };
  }
  return { document: { ...fields, actions: { ...own, ...added } }, issues };
}

/**
 * An issue of a member's compiled pathway on a cluster action it was given: placed on the action in the cluster
 * file, saying which member's pathway refused it. Other issues are the member's own and keep their place.
 */
export function clusterActionIssue(issue: Issue, member: string, actionIds: ReadonlySet<string>): Issue | undefined {
  const [first, id, ...rest] = issue.path;
  if (first !== 'actions' || typeof id !== 'string' || !actionIds.has(id)) return undefined;
  const inner: Issue = { ...issue, path: rest };
  const where = rest.length === 0 ? (lang: 'en' | 'zh') => describeIssue(inner, lang) : (lang: 'en' | 'zh') => formatIssue(inner, lang);
  return cluster(['pathways', 'actions', id, ...rest], 'member-action', { en: `in member ${member}'s pathway: ${where('en')}`, zh: `在成员 ${member} 的路径中：${where('zh')}` });
}

/**
 * The cluster's pathways from its members' compiled pathways (every member with one, cluster actions added) and
 * its base-year aggregation: the scenarios, the shared parameters, the flows to remove, the uncertain parameters
 * and their correlations. Problems with their place in the cluster file.
 */
export function buildClusterPathways(
  name: Text,
  spec: ClusterPathwaysSpec | undefined,
  members: readonly ClusterPathwayMember[],
  aggregate: ClusterResult,
  unavailable: ReadonlySet<string> = new Set(),
): { ok: true; model: ClusterPathwayModel } | { ok: false; issues: Issue[] } {
  // With members whose pathways did not compile (`unavailable`, their problems reported by the caller), the section
  // is still checked against the members that did, so that every problem is listed at once; no model is built then.
  const reader = new Reader();
  const assumptions: Assumption[] = [];
  const baseYear = members[0]!.pathway.model.baseYear;
  const endYear = Math.min(...members.map((member) => member.pathway.model.endYear));
  if (members.some((member) => member.pathway.model.endYear !== endYear)) {
    const ends = members.map((member) => `${member.id} ${member.pathway.model.endYear}`).join(', ');
    assumptions.push({ code: 'cluster-horizon', text: { en: `the members' pathways end in different years (${ends}): the cluster's runs to ${endYear}, the earliest`, zh: `成员路径的展望年不同（${ends}）：城市群路径取最早的 ${endYear} 年` } });
  }
  const slotsOf = members.map((member) => new Map(member.pathway.parameters.flatMap((info, slot) => (info.addressable ? [[info.path, slot] as const] : []))));

  // Shared parameters: each member's slot, one unit, one value.
  const shared: SharedParameter[] = [];
  for (const given of spec?.shared ?? []) {
    const at: Path = ['pathways', 'shared', given.path];
    const sharing = (given.members ?? members.map((member) => member.id)).filter((id) => !unavailable.has(id));
    if (sharing.length === 0) continue;
    const slots: { member: string; slot: number; own: number; ownUncertain: boolean; min: number; max: number }[] = [];
    for (const id of sharing) {
      const m = members.findIndex((member) => member.id === id);
      const slot = slotsOf[m]!.get(given.path);
      if (slot === undefined) {
        const suggestion = closest(given.path, slotsOf[m]!.keys());
        reader.report(at, { code: 'cluster-input', reason: 'shared-unknown', text: { en: `member ${id}'s pathway has no parameter ${given.path}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`, zh: `成员 ${id} 的路径没有参数 ${given.path}${suggestion ? `（是否为 ${suggestion}？）` : ''}` } });
        continue;
      }
      const info = members[m]!.pathway.parameters[slot]!;
      slots.push({ member: id, slot, own: info.nominal / info.scale, ownUncertain: members[m]!.pathway.uncertainty.some((parameter) => parameter.slot === slot), min: info.min, max: info.max });
    }
    if (slots.length !== sharing.length) continue;
    const scales = sharing.map((id, i) => members.find((member) => member.id === id)!.pathway.parameters[slots[i]!.slot]!.scale);
    if (scales.some((scale) => Math.abs(scale - scales[0]!) > 1e-12 * Math.abs(scales[0]!))) {
      reader.report(at, { code: 'cluster-input', reason: 'shared-unit', text: { en: `the members give ${given.path} in different units: write it in one unit in every member's pathway`, zh: `各成员路径中 ${given.path} 的单位不同：请在各成员路径中使用同一单位` } });
      continue;
    }
    const scale = scales[0]!;
    const min = Math.max(...slots.map((slot) => slot.min));
    const max = Math.min(...slots.map((slot) => slot.max));
    const table = new ParameterTable();
    const values = new PathwayReader(reader, table, baseYear, endYear);
    let value: number | undefined;
    let from: 'cluster' | 'members' = 'cluster';
    if (given.value !== undefined) value = values.value(given.value, [...at, 'value'], { percent: true, min: min / scale, max: max / scale });
    else {
      from = 'members';
      const owns = slots.map((slot) => slot.own);
      if (owns.some((own) => Math.abs(own - owns[0]!) > 1e-12 * Math.max(1, Math.abs(owns[0]!)))) {
        const list = slots.map((slot) => `${slot.member} ${figure(slot.own)}`).join(', ');
        reader.report([...at, 'value'], { code: 'cluster-input', reason: 'shared-values-differ', text: { en: `the members' files give ${given.path} different values (${list}): give the shared value`, zh: `各成员文件中 ${given.path} 的取值不同（${list}）：请给出共同取值 value` } });
        continue;
      }
      value = owns[0]!;
    }
    if (value === undefined) continue;
    table.add(given.path, value * scale, { scale, min, max });
    let distribution: Distribution | undefined;
    if (given.uncertainty !== undefined) {
      const inner = new Reader();
      const read = readUncertainty(new PathwayReader(inner, table, baseYear, endYear), { [given.path]: given.uncertainty });
      for (const issue of inner.issues) reader.issues.push({ ...issue, path: [...at, 'uncertainty', ...issue.path.slice(2)] });
      distribution = read[0]?.distribution;
      if (distribution === undefined) continue;
    }
    shared.push({ path: given.path, members: sharing, value: value * scale, valueInFileUnit: value, from, distribution, slots });
  }
  if (shared.length > 0 && members.some((member) => member.id === SHARED_PREFIX)) {
    reader.report(['members', SHARED_PREFIX], { code: 'cluster-input', reason: 'shared-label', text: { en: `a member may not be called "${SHARED_PREFIX}" when the cluster shares parameters: correlations name shared parameters ${SHARED_PREFIX}/PATH`, zh: `城市群有共享参数时成员不能命名为 "${SHARED_PREFIX}"：相关性以 ${SHARED_PREFIX}/参数路径 指共享参数` } });
  }

  // Scenarios: per member, its pathway's scenario with the cluster's actions on and the shared values set.
  const given = spec?.scenarios.length ? spec.scenarios : [{ id: DEFAULT_CLUSTER_SCENARIO, name: { en: 'Default', zh: '默认情景' }, members: {}, actions: (spec?.actions ?? []).map((action) => action.id) }];
  if (!spec?.scenarios.length) {
    assumptions.push({ code: 'cluster-scenario', text: { en: `one cluster scenario: each member's default scenario${spec?.actions.length ? ', with every cluster action' : ''}`, zh: `城市群只有一个情景：各成员的默认情景${spec?.actions.length ? '，并实施全部城市群行动' : ''}` } });
  }
  const scenarios: ClusterScenario[] = [];
  for (const scenario of given) {
    const derived = members.map((member) => {
      const chosen = scenario.members[member.id];
      const ids = member.pathway.scenarios.map((candidate) => candidate.id);
      if (chosen !== undefined && !ids.includes(chosen)) {
        reader.report(['pathways', 'scenarios', scenario.id, 'members', member.id], { code: 'unknown-reference', kind: 'scenario', got: chosen, suggestion: closest(chosen, ids) });
        return undefined;
      }
      const base = findScenario(member.pathway, chosen ?? member.pathway.defaultScenario);
      const active = Uint8Array.from(base.active);
      member.pathway.model.actions.forEach((action, a) => {
        if (scenario.actions.includes(action.id) && (spec?.actions ?? []).some((candidate) => candidate.id === action.id && candidate.members.includes(member.id))) active[a] = 1;
      });
      const sharedSlots = new Map<number, number>();
      for (const parameter of shared) for (const slot of parameter.slots) if (slot.member === member.id) sharedSlots.set(slot.slot, parameter.value);
      for (const override of base.overrides) {
        if (!sharedSlots.has(override.slot)) continue;
        const path = member.pathway.parameters[override.slot]!.path;
        assumptions.push({ code: 'cluster-shared-set', text: { en: `member ${member.id}'s scenario ${base.id} sets ${path}; the cluster's shared value replaces it`, zh: `成员 ${member.id} 的情景 ${base.id} 设定了 ${path}；以城市群共享取值代替` } });
      }
      const overrides = [...base.overrides.filter((override) => !sharedSlots.has(override.slot)), ...[...sharedSlots].map(([slot, value]) => ({ slot, value }))];
      return { member: member.id, from: base.id, scenario: { id: `cluster:${scenario.id}`, name: scenario.name, active, overrides } };
    });
    if (derived.every((entry) => entry !== undefined)) scenarios.push({ id: scenario.id, name: scenario.name, actions: scenario.actions, members: derived as ClusterScenario['members'][number][] });
  }
  const defaultScenario = spec?.defaultScenario ?? given[0]!.id;

  // The members' own shared parameters' uncertainty gives way to the cluster's.
  for (const parameter of shared) {
    const replaced = parameter.slots.filter((slot) => slot.ownUncertain).map((slot) => slot.member);
    if (replaced.length > 0) {
      assumptions.push({ code: 'cluster-shared-uncertainty', text: { en: `${parameter.path}: the cluster's ${parameter.distribution ? 'distribution' : 'value'} replaces the distribution the pathway file of ${replaced.join(', ')} gives (one draw for every member)`, zh: `${parameter.path}：以城市群的${parameter.distribution ? '分布' : '取值'}代替 ${replaced.join('、')} 文件中的分布（各成员共用一次抽样）` } });
    }
  }

  // Uncertain parameters and their correlations, members' own and the cluster's.
  const uncertainty: ClusterUncertain[] = [];
  const uncertainIndex: number[][] = [];
  const replacedSlots = members.map((member) => new Set(shared.flatMap((parameter) => parameter.slots.filter((slot) => slot.member === member.id).map((slot) => slot.slot))));
  members.forEach((member, m) => {
    uncertainIndex.push(
      member.pathway.uncertainty.map((parameter: UncertainParameter, u) => {
        if (replacedSlots[m]!.has(parameter.slot)) return -1;
        uncertainty.push({ label: memberLabel(member.id, parameter.path), distribution: parameter.distribution, member: { index: m, uncertain: u, slot: parameter.slot } });
        return uncertainty.length - 1;
      }),
    );
  });
  shared.forEach((parameter, s) => {
    if (parameter.distribution) uncertainty.push({ label: memberLabel(SHARED_PREFIX, parameter.path), distribution: parameter.distribution, shared: s });
  });
  const own: { between: [string, string]; rank: number }[] = [];
  members.forEach((member, m) => {
    for (const pair of member.pathway.correlations) {
      const [a, b] = pair.between;
      const slotA = member.pathway.uncertainty.find((parameter) => parameter.path === a)?.slot;
      const slotB = member.pathway.uncertainty.find((parameter) => parameter.path === b)?.slot;
      if ((slotA !== undefined && replacedSlots[m]!.has(slotA)) || (slotB !== undefined && replacedSlots[m]!.has(slotB))) {
        assumptions.push({ code: 'cluster-correlation-dropped', text: { en: `member ${member.id}'s correlation ${a} ~ ${b} is not used: a shared parameter replaces one of them (give it between the shared parameter and the other at the cluster's level)`, zh: `成员 ${member.id} 的相关性 ${a} ~ ${b} 不再使用：其中一个参数已由共享参数代替（如需要，请在城市群层面给出）` } });
        continue;
      }
      own.push({ between: [memberLabel(member.id, a), memberLabel(member.id, b)], rank: pair.rank });
    }
  });
  const clusterItems = spec?.correlations;
  const list = [...own, ...(Array.isArray(clusterItems) ? clusterItems : [])];
  const table = new ParameterTable();
  for (const parameter of uncertainty) table.add(parameter.label, 0);
  const correlationReader = new Reader();
  const labelled: UncertainParameter[] = uncertainty.map((parameter, u) => ({ slot: u, path: parameter.label, distribution: parameter.distribution }));
  const read = readCorrelations(new PathwayReader(correlationReader, table, baseYear, endYear), clusterItems === undefined && own.length === 0 ? undefined : list, labelled, new Set(uncertainty.map((parameter) => parameter.label)));
  if (clusterItems !== undefined && !Array.isArray(clusterItems)) reader.report(['pathways', 'correlations'], { code: 'type', expected: 'array', got: typeof clusterItems });
  for (const issue of correlationReader.issues) {
    // The members' own pairs come first in the list: an item's place in the file is its index less theirs.
    const [first, index, ...rest] = issue.path;
    const item = first === 'correlations' && typeof index === 'number' ? index - own.length : undefined;
    // An item naming a member whose pathway is unavailable cannot be checked: it is not reported as unknown.
    if (item !== undefined && Array.isArray(clusterItems) && mentionsMember(clusterItems[item], unavailable)) continue;
    const path: Path = item !== undefined ? ['pathways', 'correlations', item, ...rest] : ['pathways', 'correlations', ...issue.path.slice(1)];
    reader.issues.push({ ...issue, path });
  }
  if (reader.issues.length > 0 || unavailable.size > 0) return { ok: false, issues: reader.issues };

  // The flows the base-year cluster removes from BASIC or BASIC+, each with its member's sector.
  const removals: ProjectedRemoval[] = [];
  for (const removal of aggregate.reconciliation.rows.flatMap((row) => row.removals)) {
    const basic = removal.bases.includes('basic');
    const basicPlus = removal.bases.includes('basicPlus');
    if (!basic && !basicPlus) continue;
    const m = members.findIndex((member) => member.id === removal.member);
    const lines = members[m]!.pathway.model.lines;
    let sector = -1;
    for (let l = 0; l < lines.count && sector < 0; l++) if (lines.rows[l]!.split(', ').includes(removal.gpc)) sector = lines.sector[l]!;
    removals.push({ member: m, memberId: removal.member, gpc: removal.gpc, co2e: removal.co2e, basic, basicPlus, sector });
    const sectorModel = sector >= 0 ? members[m]!.pathway.model.sectors[sector]! : undefined;
    assumptions.push(
      sectorModel
        ? { code: 'cluster-flow-projected', text: { en: `the flow ${removal.member} ${removal.gpc} → ${removal.counterpart.member} (${figure(removal.co2e)} tCO2e in ${baseYear}) is removed each year in proportion to the BASIC+ emissions of ${removal.member}'s sector ${sectorModel.id}`, zh: `${removal.member} ${removal.gpc} → ${removal.counterpart.member} 的流量（${baseYear} 年 ${figure(removal.co2e)} tCO2e）按 ${removal.member} 的 ${sectorModel.id} 部门 BASIC+ 排放的变化逐年扣除` } }
        : { code: 'cluster-flow-held', text: { en: `the flow ${removal.member} ${removal.gpc} → ${removal.counterpart.member} is on a row ${removal.member}'s pathway does not project: its ${figure(removal.co2e)} tCO2e of ${baseYear} is removed every year`, zh: `${removal.member} ${removal.gpc} → ${removal.counterpart.member} 的流量所在行未在其路径中推算：每年按 ${baseYear} 年的 ${figure(removal.co2e)} tCO2e 扣除` } },
    );
  }
  return {
    ok: true,
    model: {
      name,
      baseYear,
      endYear,
      years: endYear - baseYear + 1,
      members,
      scenarios,
      defaultScenario,
      shared,
      removals,
      uncertainty,
      uncertainIndex,
      correlations: read.correlations,
      copula: read.copula,
      aggregate,
      assumptions,
    },
  };
}

/** Whether a correlation item names a parameter of one of these members (`member/path`) anywhere in it. */
function mentionsMember(item: unknown, members: ReadonlySet<string>): boolean {
  if (members.size === 0) return false;
  if (typeof item === 'string') return members.has(item.split('/')[0]!);
  if (Array.isArray(item)) return item.some((entry) => mentionsMember(entry, members));
  if (item !== null && typeof item === 'object') return Object.values(item).some((entry) => mentionsMember(entry, members));
  return false;
}

/** A member's pathway with a cluster scenario among its scenarios, so the pathway's own functions run it. */
export function memberPathway(model: ClusterPathwayModel, scenario: ClusterScenario, m: number): Pathway {
  const { pathway } = model.members[m]!;
  return { ...pathway, scenarios: [...pathway.scenarios, scenario.members[m]!.scenario] };
}

export function clusterScenario(model: ClusterPathwayModel, id: string = model.defaultScenario): ClusterScenario {
  const scenario = model.scenarios.find((candidate) => candidate.id === id);
  if (!scenario) throw new Error(`no cluster scenario "${id}"`);
  return scenario;
}
