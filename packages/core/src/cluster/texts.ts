import { formatFigure } from '../text/names.ts';
import type { ClusterIssue, ClusterProblem, RemovalReason, Text } from './types.ts';

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
        en: `pairings[${problem.pairing}]: ${problem.member} has no line on ${problem.rows.join(' or ')}, where the flow would be in its scope 1; nothing removed (the line stays counted)`,
        zh: `pairings[${problem.pairing}]：${problem.member} 没有 ${problem.rows.join(' 或 ')} 行，该流量不在其范围一中；未扣除（该行照常计入）`,
      };
    case 'counterpart-row-ambiguous':
      return {
        en: `pairings[${problem.pairing}]: ${problem.member} has lines on both ${problem.rows.join(' and ')}; say which holds the flow (\`counterpart.row\`); nothing removed`,
        zh: `pairings[${problem.pairing}]：${problem.member} 在 ${problem.rows.join(' 与 ')} 均有数据行；请用 \`counterpart.row\` 指明流量所在行；未扣除`,
      };
    case 'exceeds-exports':
      return {
        en: `members take ${n(problem.paired)} ${problem.unit} of ${problem.carrier} from ${problem.member} (pairings ${problem.pairings.join(', ')}), but it exports ${n(problem.exports)} ${problem.unit} net; nothing removed for these pairings`,
        zh: `成员从 ${problem.member} 取得${problem.carrier === 'electricity' ? '电力' : '热力'} ${n(problem.paired)} ${problem.unit}（pairings ${problem.pairings.join('、')}），而其净调出仅 ${n(problem.exports)} ${problem.unit}；这些配对未扣除`,
      };
    default: {
      const unhandled: never = problem;
      throw new Error(`unhandled cluster problem ${JSON.stringify(unhandled)}`);
    }
  }
}

type IssueParams = { got?: string | number; member?: string; index?: number; row?: string; rows?: readonly string[]; shares?: number };

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
      return { en: `mwh goes with electricity lines and gj with heat lines (this line is ${String(p.got)})`, zh: `mwh 用于电力行，gj 用于热力行（该行为 ${String(p.got)}）` };
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
