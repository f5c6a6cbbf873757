import type { Path } from '../issues/issue.ts';
import { closest } from '../text/closest.ts';
import { compareIds } from './pairings.ts';
import type { PAIRING_AMOUNT_FIELDS } from '../gpc/flows.ts';
import { issue } from './texts.ts';
import type { ClusterIssue, ClusterMember, Pairing, PairingStated } from './types.ts';

/** The fields of a pairing an issue can be about. */
export type PairingField = 'line.member' | 'line.index' | 'line' | 'counterpart.member' | 'counterpart.row' | 'share' | (typeof PAIRING_AMOUNT_FIELDS)[number];

/** A pairing with where it was stated: the issue paths and the place its problems and removals name. */
export interface StatedPairing {
  readonly pairing: Pairing;
  readonly stated: PairingStated;
  /** Its index in the cluster's `pairings`; undefined for a pairing stated on a line. */
  readonly index?: number | undefined;
  /** `pairings[2]`, `members.beta.activities[3].counterpart`. */
  readonly place: string;
  /** The path of one of its fields, for an issue. */
  readonly path: (field: PairingField) => Path;
}

/**
 * The cluster's pairings and those stated on its members' lines (`counterpart: { city, … }`), as one list: the
 * cluster's first, in their order, then the lines', member by member in id order. A line's `city` names another
 * member by its id in the cluster, its inventory's city name or Chinese name (case and surrounding spaces aside);
 * a name that names no member, or two, is refused with the names it could be. A line paired on the cluster and
 * on the line itself is refused: which share and amount are meant is for the user to say, in one place.
 */
export function statedPairings(members: ReadonlyMap<string, ClusterMember>, pairings: readonly Pairing[]): { ok: true; value: StatedPairing[] } | { ok: false; issues: ClusterIssue[] } {
  const issues: ClusterIssue[] = [];
  const stated: StatedPairing[] = pairings.map((pairing, index) => ({ pairing, stated: 'cluster', index, place: `pairings[${index}]`, path: (field) => ['pairings', index, ...field.split('.')] }));

  const names = new Map<string, Set<string>>();
  for (const [id, member] of members) {
    const { result } = member;
    for (const name of [id, member.name, member.nameZh, result.city, result.entity.name, result.entity.nameZh]) {
      if (name === undefined || name.trim() === '') continue;
      const key = nameKey(name);
      names.set(key, (names.get(key) ?? new Set()).add(id));
    }
  }
  const spellings = [...new Set([...members].flatMap(([id, member]) => [id, member.name ?? member.result.city, member.nameZh ?? member.result.entity.nameZh].filter((name): name is string => name !== undefined)))];

  for (const id of [...members.keys()].sort(compareIds)) {
    for (const line of members.get(id)!.result.lines) {
      const given = line.counterpart;
      if (given === undefined) continue;
      const base: Path = ['members', id, 'activities', line.index, 'counterpart'];
      const at = (field: PairingField): Path => {
        switch (field) {
          case 'counterpart.member':
            return [...base, 'city'];
          case 'counterpart.row':
            return [...base, 'row'];
          case 'line.member':
          case 'line.index':
          case 'line':
            return base;
          default:
            return [...base, field];
        }
      };
      const matched = names.get(nameKey(given.city));
      if (matched === undefined) {
        issues.push(issue(at('counterpart.member'), 'unknown-counterpart-city', { got: given.city, suggestion: closest(given.city, spellings) }));
        continue;
      }
      if (matched.size > 1) {
        issues.push(issue(at('counterpart.member'), 'ambiguous-counterpart-city', { got: given.city, rows: [...matched].sort(compareIds) }));
        continue;
      }
      const [counterpart] = [...matched] as [string];
      const twice = pairings.findIndex((pairing) => pairing.line.member === id && pairing.line.index === line.index);
      if (twice >= 0) {
        issues.push(issue(['pairings', twice, 'line'], 'stated-twice', { member: id, index: line.index, got: `pairings[${twice}]` }));
        continue;
      }
      const { row, share, mwh, gj, tonnes, vkm } = given;
      stated.push({
        pairing: { line: { member: id, index: line.index }, counterpart: { member: counterpart, ...(row === undefined ? {} : { row }) }, share, mwh, gj, tonnes, vkm },
        stated: 'line',
        place: `members.${id}.activities[${line.index}].counterpart`,
        path: at,
      });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: stated };
}

/** A city name as a line's `counterpart.city` is compared: trimmed, in lower case. */
function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
