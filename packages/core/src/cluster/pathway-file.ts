import type { Path } from '../issues/issue.ts';
import { bilingualName, entries, known } from '../pathway/read-fields.ts';
import { typeName, type Fields, type Reader } from '../reading/reader.ts';
import type { Text } from './types.ts';

/**
 * The `pathways` section of a cluster file (docs/clusters.md, "Cluster pathways"): how the members' pathways run
 * together. Read here for its shape — ids, lists, member names; what needs the members' compiled pathways (a
 * parameter path, a distribution in a parameter's unit, an action's effects) is checked when they are compiled
 * (pathway-model.ts), with the place in this file.
 */
export interface ClusterPathwaysSpec {
  /** The cluster's scenarios, in the file's order; empty: one scenario, `default`, of each member's default scenario and every cluster action. */
  readonly scenarios: readonly ClusterScenarioSpec[];
  readonly defaultScenario: string | undefined;
  /** Parameters the members share: one value and one draw for all of them. */
  readonly shared: readonly SharedSpec[];
  /** Actions taken at the cluster's level, each by the members it names. */
  readonly actions: readonly ClusterActionSpec[];
  /** `correlations` as written: checked against the members' uncertain parameters once they are compiled. */
  readonly correlations: unknown;
}

export interface ClusterScenarioSpec {
  readonly id: string;
  readonly name: Text;
  /** Member id → the member pathway's scenario; a member not listed runs its pathway's default. */
  readonly members: Readonly<Record<string, string>>;
  /** Cluster actions the scenario takes. */
  readonly actions: readonly string[];
}

export interface SharedSpec {
  /** A parameter path of the members' pathway files (`grid.points.2030`). */
  readonly path: string;
  /** The value as written (a number, or "5%"), read in the parameter's unit once the members are compiled. */
  readonly value: unknown;
  /** A distribution as a pathway's `uncertainty` gives one, read the same way. */
  readonly uncertainty: unknown;
  /** The members that share it; every member with a pathway when absent. */
  readonly members: readonly string[] | undefined;
}

export interface ClusterActionSpec {
  readonly id: string;
  readonly members: readonly string[];
  /** Member → the part of the action's absolute effects (generation, removal, a plant's amount) it takes; shares add to 1. */
  readonly split: Readonly<Record<string, number>> | undefined;
  /** The action as a member's pathway file writes one (`name`, `adoption`, `effects`, `note`, `source`): added to each member's pathway. */
  readonly definition: Readonly<Fields>;
}

const TOP_FIELDS: ReadonlySet<string> = new Set(['scenarios', 'default', 'shared', 'actions', 'correlations']);
const SCENARIO_FIELDS: ReadonlySet<string> = new Set(['name', 'members', 'actions']);
const SHARED_FIELDS: ReadonlySet<string> = new Set(['value', 'uncertainty', 'members']);
const ACTION_FIELDS: ReadonlySet<string> = new Set(['name', 'members', 'split', 'adoption', 'effects', 'note', 'source']);

/** A cluster scenario of this id runs when the file names none. */
export const DEFAULT_CLUSTER_SCENARIO = 'default';

/**
 * Reads `pathways`. `members` are the cluster's member ids; `withPathway` those that name a pathway, the only ones
 * the section may name (a member without one is in the inventory, not in the pathways).
 */
export function readClusterPathways(reader: Reader, value: unknown, members: readonly string[], withPathway: readonly string[]): ClusterPathwaysSpec | undefined {
  if (value === undefined) return undefined;
  const base: Path = ['pathways'];
  const top = reader.object(value, base);
  if (!top) return undefined;
  reader.onlyFields(top, TOP_FIELDS, base);
  const memberIn = (got: unknown, at: Path): string | undefined => {
    if (typeof got !== 'string') return void reader.report(at, { code: 'type', expected: 'string', got: typeName(got) });
    if (!members.includes(got)) return void reader.report(at, { code: 'cluster-input', reason: 'unknown-member', text: { en: `"${got}" is not a member of the cluster (members: ${members.join(', ')})`, zh: `"${got}" 不是城市群成员（成员：${members.join('、')}）` } });
    if (!withPathway.includes(got)) return void reader.report(at, { code: 'cluster-input', reason: 'member-without-pathway', text: { en: `member ${got} names no pathway (members.${got}.pathway)`, zh: `成员 ${got} 未指定路径文件（members.${got}.pathway）` } });
    return got;
  };
  const memberList = (raw: unknown, at: Path): string[] | undefined => {
    if (raw === undefined) return undefined;
    if (!Array.isArray(raw) || raw.length === 0) return void reader.report(at, { code: 'type', expected: 'array', got: Array.isArray(raw) ? 'an empty array' : typeName(raw) });
    const seen = new Map<string, Path>();
    const list: string[] = [];
    raw.forEach((item: unknown, i) => {
      const member = memberIn(item, [...at, i]);
      if (member !== undefined && reader.distinct(seen, member, [...at, i])) list.push(member);
    });
    return list;
  };

  const actions: ClusterActionSpec[] = [];
  for (const [id, raw] of entries(reader, top['actions'], [...base, 'actions'], false)) {
    const at: Path = [...base, 'actions', id];
    const fields = reader.object(raw, at);
    if (!fields) continue;
    reader.onlyFields(fields, ACTION_FIELDS, at);
    if (fields['members'] === undefined) reader.report([...at, 'members'], { code: 'required' });
    const list = memberList(fields['members'], [...at, 'members']);
    const split = readSplit(reader, fields['split'], [...at, 'split'], list ?? []);
    const { members: _members, split: _split, ...definition } = fields;
    if (list) actions.push({ id, members: list, split, definition });
  }
  const actionIds = actions.map((action) => action.id);

  const scenarios: ClusterScenarioSpec[] = [];
  for (const [id, raw] of entries(reader, top['scenarios'], [...base, 'scenarios'], false)) {
    const at: Path = [...base, 'scenarios', id];
    const fields = reader.object(raw, at);
    if (!fields) continue;
    reader.onlyFields(fields, SCENARIO_FIELDS, at);
    const chosen: Record<string, string> = {};
    for (const [member, scenario] of entries(reader, fields['members'], [...at, 'members'], false)) {
      if (memberIn(member, [...at, 'members', member]) === undefined) continue;
      if (typeof scenario !== 'string') reader.report([...at, 'members', member], { code: 'type', expected: 'string', got: typeName(scenario) });
      else chosen[member] = scenario;
    }
    const listed: string[] = [];
    const rawActions = fields['actions'];
    if (rawActions !== undefined && !Array.isArray(rawActions)) reader.report([...at, 'actions'], { code: 'type', expected: 'array', got: typeName(rawActions) });
    else {
      const seen = new Map<string, Path>();
      (rawActions ?? []).forEach((action: unknown, i: number) => {
        if (typeof action !== 'string') return reader.report([...at, 'actions', i], { code: 'type', expected: 'string', got: typeName(action) });
        if (known(reader, 'action', action, actionIds, [...at, 'actions', i]) && reader.distinct(seen, action, [...at, 'actions', i])) listed.push(action);
      });
    }
    scenarios.push({ id, name: bilingualName(reader, fields['name'], [...at, 'name'], id), members: chosen, actions: listed });
  }
  const defaultScenario = reader.string(top, 'default', base, false);
  if (defaultScenario !== undefined) {
    if (scenarios.length === 0) reader.report([...base, 'default'], { code: 'cluster-input', reason: 'default-without-scenarios', text: { en: '`default` names one of `scenarios`, and there are none', zh: '`default` 应为 `scenarios` 之一，但未定义任何情景' } });
    else known(reader, 'scenario', defaultScenario, scenarios.map((scenario) => scenario.id), [...base, 'default']);
  }

  const shared: SharedSpec[] = [];
  for (const [path, raw] of entries(reader, top['shared'], [...base, 'shared'], false)) {
    const at: Path = [...base, 'shared', path];
    const fields = reader.object(raw, at);
    if (!fields) continue;
    reader.onlyFields(fields, SHARED_FIELDS, at);
    const list = memberList(fields['members'], [...at, 'members']);
    if (fields['members'] !== undefined && list === undefined) continue;
    shared.push({ path, value: fields['value'], uncertainty: fields['uncertainty'], members: list });
  }
  return { scenarios, defaultScenario, shared, actions, correlations: top['correlations'] };
}

function readSplit(reader: Reader, raw: unknown, at: Path, members: readonly string[]): Record<string, number> | undefined {
  if (raw === undefined) return undefined;
  const fields = reader.object(raw, at);
  if (!fields) return undefined;
  const split: Record<string, number> = {};
  let sum = 0;
  for (const [member, share] of Object.entries(fields)) {
    if (!members.includes(member)) {
      reader.report([...at, member], { code: 'cluster-input', reason: 'split-member', text: { en: `"${member}" is not one of the action's members (${members.join(', ')})`, zh: `"${member}" 不是该行动的实施成员（${members.join('、')}）` } });
      continue;
    }
    const value = typeof share === 'number' ? share : typeof share === 'string' && /^-?\d+(\.\d+)?\s*%$/.test(share.trim()) ? Number(share.trim().replace('%', '').trim()) / 100 : undefined;
    if (value === undefined || !Number.isFinite(value) || value < 0 || value > 1) {
      reader.report([...at, member], { code: 'cluster-input', reason: 'split-sum', text: { en: `a share from 0 to 1 (or "0%"–"100%") is expected, got ${JSON.stringify(share)}`, zh: `应为 0 到 1 之间的份额（或 "0%"–"100%"），实为 ${JSON.stringify(share)}` } });
      continue;
    }
    split[member] = value;
    sum += value;
  }
  const missing = members.filter((member) => split[member] === undefined && fields[member] === undefined);
  if (missing.length > 0) reader.report(at, { code: 'cluster-input', reason: 'split-incomplete', text: { en: `split gives no share for ${missing.join(', ')}: give each member of the action its part`, zh: `split 未给出 ${missing.join('、')} 的份额：请为每个实施成员给出份额` } });
  else if (Math.abs(sum - 1) > 1e-9) reader.report(at, { code: 'cluster-input', reason: 'split-sum', text: { en: `the shares of split add to ${sum}, not 1`, zh: `split 的份额合计为 ${sum}，不等于 1` } });
  return split;
}
