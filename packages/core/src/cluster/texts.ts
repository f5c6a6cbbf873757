import { formatFigure } from '../text/names.ts';
import type { ClusterIssue, ClusterNote, ClusterProblem, RemovalReason, Text } from './types.ts';

/** The bilingual texts of the cluster's reasons, problems, issues and conventions: the one place they are written. */

const n = (value: number): string => formatFigure(value, Number.isInteger(value) ? 0 : 3);
const percent = (share: number): string => `${formatFigure(share * 100, Number.isInteger(share * 100) ? 0 : 2)} %`;

export function removalText(reason: RemovalReason, line: { member: string; gpc: string; share: number }, counterpart: { member: string; row: string }): Text {
  const part = line.share === 1 ? { en: 'the line', zh: '该行' } : { en: `${percent(line.share)} of the line`, zh: `该行的 ${percent(line.share)}` };
  const { member, row } = counterpart;
  switch (reason) {
    case 'internal-grid-energy': {
      // Grid energy of buildings and industry is stationary energy (GPC ch. 6); of transport, transportation (ch. 7).
      const chapter = line.gpc.startsWith('II.') ? 7 : 6;
      return {
        en: `${part.en} (${line.gpc}, scope 2) is grid energy generated in ${member} (${row}, its scope 1): inside the cluster it is counted there; left out of scope 2 and the scopes total, kept in BASIC (which leaves ${row} out) — GPC ch. ${chapter}`,
        zh: `${part.zh}（${line.gpc}，范围二）为 ${member} 发电/供热（${row}，其范围一）：在城市群内已计入该处；不再计入范围二与三范围合计，BASIC 仍计入（BASIC 不含 ${row}）——GPC 第 ${chapter} 章`,
      };
    }
    case 'internal-waste-territorial':
      return {
        en: `${part.en} (${line.gpc}, scope 3) is waste treated in ${member}, which reports it on ${row} (scope 1, territorial only): left out of scope 3 and the scopes total; BASIC counts it once, here — GPC ch. 8`,
        zh: `${part.zh}（${line.gpc}，范围三）为在 ${member} 处理的废弃物，对方计入 ${row}（范围一，仅属地口径）：不再计入范围三与三范围合计；BASIC 只在此处计一次——GPC 第 8 章`,
      };
    case 'internal-waste-basic':
      return {
        en: `${part.en} (${line.gpc}, scope 3) is waste treated in ${member}, which reports it on ${row} (scope 1, BASIC): left out of scope 3, the scopes total, BASIC and BASIC+ — GPC ch. 8`,
        zh: `${part.zh}（${line.gpc}，范围三）为在 ${member} 处理的废弃物，对方计入 ${row}（范围一，BASIC）：不再计入范围三、三范围合计、BASIC 与 BASIC+——GPC 第 8 章`,
      };
    case 'internal-trips':
      return {
        en: `${part.en} (${line.gpc}, scope 3) is trips on the territory of ${member}, which reports them on ${row} (scope 1, BASIC): left out of scope 3, BASIC+ and the scopes total — GPC ch. 7`,
        zh: `${part.zh}（${line.gpc}，范围三）为在 ${member} 境内的出行，对方计入 ${row}（范围一，BASIC）：不再计入范围三、BASIC+ 与三范围合计——GPC 第 7 章`,
      };
    default: {
      const unhandled: never = reason;
      throw new Error(`unhandled removal reason ${String(unhandled)}`);
    }
  }
}

export function problemText(problem: ClusterProblem): Text {
  switch (problem.code) {
    case 'counterpart-without-row':
      return {
        en: `${problem.place}: ${problem.member} has no line on ${problem.rows.join(' or ')}, where the flow would be in its scope 1; nothing removed (the line stays counted)`,
        zh: `${problem.place}：${problem.member} 没有 ${problem.rows.join(' 或 ')} 行，该流量不在其范围一中；未扣除（该行照常计入）`,
      };
    case 'counterpart-row-ambiguous':
      return {
        en: `${problem.place}: ${problem.member} has lines on both ${problem.rows.join(' and ')}; say which holds the flow (\`counterpart.row\`); nothing removed`,
        zh: `${problem.place}：${problem.member} 在 ${problem.rows.join(' 与 ')} 均有数据行；请用 \`counterpart.row\` 指明流量所在行；未扣除`,
      };
    case 'exceeds-exports':
      return {
        en: `members take ${n(problem.paired)} ${problem.unit} of ${problem.carrier} from ${problem.member} (${problem.places.join(', ')}), but it exports ${n(problem.exports)} ${problem.unit} net; nothing removed for these pairings`,
        zh: `成员从 ${problem.member} 取得${problem.carrier === 'electricity' ? '电力' : '热力'} ${n(problem.paired)} ${problem.unit}（${problem.places.join('、')}），而其净调出仅 ${n(problem.exports)} ${problem.unit}；这些配对未扣除`,
      };
    case 'exceeds-activity':
      return problem.kind === 'waste'
        ? {
            en: `members send ${n(problem.paired)} t of waste to ${problem.member} (${problem.places.join(', ')}), but its ${problem.row} lines treat ${n(problem.reported)} t; nothing removed for these pairings`,
            zh: `成员送往 ${problem.member} 的废弃物 ${n(problem.paired)} 吨（${problem.places.join('、')}），而其 ${problem.row} 行仅处理 ${n(problem.reported)} 吨；这些配对未扣除`,
          }
        : {
            en: `members drive ${n(problem.paired)} vehicle-km in ${problem.member} (${problem.places.join(', ')}), but its ${problem.row} lines report ${n(problem.reported)} vehicle-km; nothing removed for these pairings`,
            zh: `成员在 ${problem.member} 境内行驶 ${n(problem.paired)} 车公里（${problem.places.join('、')}），而其 ${problem.row} 行仅报告 ${n(problem.reported)} 车公里；这些配对未扣除`,
          };
    default: {
      const unhandled: never = problem;
      throw new Error(`unhandled cluster problem ${JSON.stringify(unhandled)}`);
    }
  }
}

/** A stated tonnage or vehicle-km the counterpart's lines cannot confirm: the pairing stands, and this says so. */
export function noteText(note: Omit<ClusterNote, 'text'>): Text {
  const lines = note.without.map((index) => `activities[${index}]`).join(', ');
  const what = note.kind === 'waste' ? { en: 'tonnes of waste treated', zh: '处理的废弃物吨数' } : { en: 'vehicle-km', zh: '车公里数' };
  const unit = note.kind === 'waste' ? { en: 't', zh: '吨' } : { en: 'vehicle-km', zh: '车公里' };
  const known = note.reported === 0 ? { en: '', zh: '' } : { en: ` (its other lines there report ${n(note.reported)} ${unit.en})`, zh: `（该行其他数据行报告 ${n(note.reported)} ${unit.zh}）` };
  return {
    en: `${note.places.join(', ')}: ${n(note.paired)} ${unit.en} stated, not checked — ${note.member}'s ${note.row} lines ${lines} give no ${what.en}${known.en}; the pairing is applied as stated`,
    zh: `${note.places.join('、')}：所填 ${n(note.paired)} ${unit.zh} 未能核对——${note.member} 的 ${note.row} 行 ${lines} 未给出${what.zh}${known.zh}；按所填配对扣除`,
  };
}

type IssueParams = { got?: string | number; member?: string; index?: number; row?: string; rows?: readonly string[]; shares?: number; suggestion?: string | undefined };

export function issue(path: ClusterIssue['path'], code: ClusterIssue['code'], p: IssueParams = {}): ClusterIssue {
  return { path, code, text: issueText(code, p) };
}

function issueText(code: ClusterIssue['code'], p: IssueParams): Text {
  switch (code) {
    case 'no-members':
      return { en: 'a cluster needs at least one member', zh: '城市群至少需要一个成员' };
    case 'duplicate-member':
      return { en: `member id "${String(p.got)}" is used twice`, zh: `成员标识 "${String(p.got)}" 重复` };
    case 'different-years':
      return { en: `the members' inventories are of different years (${String(p.got)}); a cluster adds one year`, zh: `成员清单年份不同（${String(p.got)}）；城市群只能合计同一年份` };
    case 'unknown-member':
      return { en: `"${String(p.got)}" is not a member of the cluster`, zh: `"${String(p.got)}" 不是城市群成员` };
    case 'unknown-line':
      return { en: `${String(p.member)} has no computing line activities[${String(p.index)}]`, zh: `${String(p.member)} 没有计算行 activities[${String(p.index)}]` };
    case 'not-cross-boundary':
      return {
        en: `${String(p.member)} activities[${String(p.index)}] is on ${String(p.row)}, which is no flow between members (scope 2 I.x.2/II.x.2, waste III.x.2, trips II.x.3)`,
        zh: `${String(p.member)} activities[${String(p.index)}] 属 ${String(p.row)} 行，不是成员之间的流量（范围二 I.x.2/II.x.2、废弃物 III.x.2、跨界出行 II.x.3）`,
      };
    case 'own-counterpart':
      return { en: `a line's counterpart must be another member, not ${String(p.member)} itself`, zh: `配对对象须为其他成员，不能是 ${String(p.member)} 本身` };
    case 'share-out-of-range':
      return { en: `share must be a number from 0 to 1 (got ${String(p.got)})`, zh: `share 须为 0 到 1 之间的数（实际为 ${String(p.got)}）` };
    case 'amount-out-of-range':
      return { en: `the amount must be a finite number ≥ 0 (got ${String(p.got)})`, zh: `数量须为不小于 0 的有限数（实际为 ${String(p.got)}）` };
    case 'amount-wrong-carrier':
      return {
        en: `mwh goes with electricity lines, gj with heat, tonnes with waste (III.x.2), vkm with trips (II.x.3); this line is ${String(p.got)}: state ${String(p.row)}`,
        zh: `mwh 用于电力行，gj 用于热力行，tonnes 用于废弃物（III.x.2），vkm 用于跨界出行（II.x.3）；该行为 ${String(p.got)}：请填写 ${String(p.row)}`,
      };
    case 'over-paired':
      return {
        en: `${String(p.member)} activities[${String(p.index)}] is paired for more than the whole line (shares add to ${String(p.shares)})`,
        zh: `${String(p.member)} activities[${String(p.index)}] 的配对份额合计 ${String(p.shares)}，超过整行`,
      };
    case 'counterpart-row-invalid':
      return {
        en: `row "${String(p.got)}" cannot hold this flow; it is one of: ${(p.rows ?? []).join(', ')}`,
        zh: `"${String(p.got)}" 行不能承载该流量；可用：${(p.rows ?? []).join('、')}`,
      };
    case 'unknown-counterpart-city': {
      const hint = p.suggestion === undefined ? { en: '', zh: '' } : { en: ` (did you mean "${p.suggestion}"?)`, zh: `（是否为 "${p.suggestion}"？）` };
      return {
        en: `"${String(p.got)}" names no member of the cluster: give another member's id, city name or Chinese name${hint.en}`,
        zh: `"${String(p.got)}" 不是城市群的任何成员：请填写其他成员的标识、城市名称或中文名称${hint.zh}`,
      };
    }
    case 'ambiguous-counterpart-city':
      return {
        en: `"${String(p.got)}" names more than one member (${(p.rows ?? []).join(', ')}): give the member's id`,
        zh: `"${String(p.got)}" 对应多个成员（${(p.rows ?? []).join('、')}）：请填写成员标识`,
      };
    case 'stated-twice':
      return {
        en: `${String(p.member)} activities[${String(p.index)}] is paired here and by its own \`counterpart\` (members.${String(p.member)}.activities[${String(p.index)}].counterpart): state it in one place`,
        zh: `${String(p.member)} activities[${String(p.index)}] 既在此配对，又在该行的 \`counterpart\` 中配对（members.${String(p.member)}.activities[${String(p.index)}].counterpart）：请只在一处填写`,
      };
    default: {
      const unhandled: never = code;
      throw new Error(`unhandled cluster issue ${String(unhandled)}`);
    }
  }
}

export const clusterTexts = {
  scope1: {
    en: 'Scope 1 (territorial) is the members’ scope 1 summed: the GPC aggregates inventories whose boundaries do not overlap by their scope 1 (GPC executive summary, aggregating city inventories)',
    zh: '范围一（属地）为各成员范围一之和：GPC 以范围一合计边界互不重叠的清单（GPC 执行摘要，城市清单的合并）',
  },
  pairedOnly: {
    en: 'Only paired lines are removed as internal; cross-boundary lines no pairing names are counted in full and listed under `unpaired`',
    zh: '仅扣除已配对的行；未配对的跨边界行全额计入，并列于 `unpaired`',
  },
  statedWhere: {
    en: 'A pairing is stated on the cluster (`pairings`) or on the member\'s line (`counterpart`); each removal says where (`stated`, `place`)',
    zh: '配对可在城市群文件（`pairings`）或成员清单的数据行（`counterpart`）中填写；每项扣除注明填写位置（`stated`、`place`）',
  },
  official(factor: string | undefined): Text {
    const at = factor === undefined ? { en: 'no grid factor (no net imports)', zh: '无电网因子（无净调入）' } : { en: factor, zh: factor };
    return {
      en: `Energy-activity CO2: the members’ combustion plus the cluster’s net imported electricity at ${at.en}; power and heat moved between members cancel in the net imports (one’s export is the other’s import), so nothing is removed`,
      zh: `能源活动二氧化碳：成员的化石燃料燃烧加城市群净调入电力（${at.zh}）；成员之间调入调出的电力与热力在净调入中相互抵消（一方调出即另一方调入），无需扣除`,
    };
  },
  notAllChinese(members: readonly string[]): Text {
    return { en: `China's official quantities are not computed: ${members.join(', ')} are not Chinese inventories`, zh: `未计算国内官方口径：${members.join('、')} 不是中国城市清单` };
  },
  differentFactors(factors: readonly string[]): Text {
    return {
      en: `China's official quantities are not computed: the members price net imported electricity at different grid factors (${factors.join('; ')}); the cluster's net import needs one`,
      zh: `未计算国内官方口径：成员净调入电力所用电网因子不同（${factors.join('；')}）；城市群净调入须用同一因子`,
    };
  },
  differentHeat(members: readonly string[]): Text {
    return {
      en: `China's official quantities are not computed: the members treat net imported heat differently (${members.join('; ')})`,
      zh: `未计算国内官方口径：成员对净调入热力的处理不同（${members.join('；')}）`,
    };
  },
};
