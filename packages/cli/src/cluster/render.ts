import { BASES, type Bases, type ClusterFileRun, type FlowKind, type Lang } from '@peakpath/core';
import { formatNumber, renderTable } from '../format/table.ts';

/** `peakpath cluster` as text: the cluster's totals on each basis, the reconciliation, unpaired lines, problems. */

const BASIS = {
  en: { basic: 'BASIC', basicPlus: 'BASIC+', scope1: 'Scope 1', scope2: 'Scope 2', scope3: 'Scope 3', total: 'Scopes 1+2+3' },
  zh: { basic: 'BASIC', basicPlus: 'BASIC+', scope1: '范围一', scope2: '范围二', scope3: '范围三', total: '三范围合计' },
} as const satisfies Record<Lang, Record<keyof Bases, string>>;

const FLOW = {
  en: { electricity: 'electricity', heat: 'heat', waste: 'waste', trips: 'trips' },
  zh: { electricity: '电力', heat: '热力', waste: '废弃物', trips: '出行' },
} as const satisfies Record<Lang, Record<FlowKind, string>>;

const LABELS = {
  en: {
    title: (name: string, year: number, members: number) => `${name} — cluster inventory ${year}, ${members} members; internal flows counted once`,
    unit: 'All emissions in tCO2e.',
    totals: 'Cluster totals',
    basis: 'Basis',
    members: 'Members (sum)',
    removed: 'Removed as internal',
    cluster: 'Cluster',
    official: 'Energy-activity CO2 (China official basis): ',
    officialValue: (value: string) => `${value} tCO2`,
    notComputed: 'not computed',
    reconciliation: 'Reconciliation (reported − removed as internal = counted)',
    member: 'Member',
    reported: 'Reported',
    removedShort: 'Removed',
    counted: 'Counted',
    removals: 'Removals',
    noRemovals: 'No line is removed: no pairing names a flow between members.',
    removal: (member: string, index: number, gpc: string, co2e: string) => `${member} activities[${index}] (${gpc}): −${co2e} tCO2e`,
    stated: (place: string) => ` (paired at ${place})`,
    unpaired: 'Cross-boundary lines no pairing names (counted in full)',
    noUnpaired: 'Every cross-boundary line is paired.',
    unpairedLine: (member: string, index: number, gpc: string, kind: string, share: string, co2e: string) => `${member} activities[${index}] (${gpc}, ${kind}): ${share}, ${co2e} tCO2e`,
    whole: 'the whole line',
    part: (percent: string) => `${percent} % of the line`,
    problems: 'Pairings that remove nothing (the members’ figures contradict them)',
    notes: 'Stated amounts not checked (the pairings are applied)',
    conventions: 'Rules',
  },
  zh: {
    title: (name: string, year: number, members: number) => `${name} — ${year} 年城市群合并清单，${members} 个成员；内部流量只计一次`,
    unit: '排放单位均为 tCO2e。',
    totals: '城市群合计',
    basis: '口径',
    members: '成员合计',
    removed: '内部流量扣除',
    cluster: '城市群',
    official: '能源活动二氧化碳（国内官方口径）：',
    officialValue: (value: string) => `${value} tCO2`,
    notComputed: '未计算',
    reconciliation: '对账表（报告 − 内部扣除 = 计入）',
    member: '成员',
    reported: '报告',
    removedShort: '扣除',
    counted: '计入',
    removals: '扣除明细',
    noRemovals: '未扣除任何活动行：没有配对指明成员之间的流量。',
    removal: (member: string, index: number, gpc: string, co2e: string) => `${member} activities[${index}]（${gpc}）：−${co2e} tCO2e`,
    stated: (place: string) => `（配对填写于 ${place}）`,
    unpaired: '未配对的跨界活动行（全额计入）',
    noUnpaired: '所有跨界活动行均已配对。',
    unpairedLine: (member: string, index: number, gpc: string, kind: string, share: string, co2e: string) => `${member} activities[${index}]（${gpc}，${kind}）：${share}，${co2e} tCO2e`,
    whole: '整行',
    part: (percent: string) => `该行的 ${percent} %`,
    problems: '未扣除的配对（与成员数据不符）',
    notes: '未能核对的所填数量（配对照常扣除）',
    conventions: '规则',
  },
} as const;

export function renderCluster(run: ClusterFileRun, lang: Lang): string {
  const t = LABELS[lang];
  const { cluster, result } = run;
  const n = (value: number): string => formatNumber(value, lang);
  const out: string[] = [t.title(cluster.name[lang], result.year, result.members.length), t.unit, ''];

  out.push(t.totals);
  const { members, removed } = result.reconciliation;
  out.push(
    renderTable(
      [t.basis, t.members, t.removed, t.cluster],
      BASES.map((basis) => [BASIS[lang][basis], n(members[basis]), removed[basis] === 0 ? '0' : `−${n(removed[basis])}`, n(result.totals[basis])]),
      ['left', 'right', 'right', 'right'],
    ),
  );
  const official = result.official;
  out.push('', `${t.official}${official.computed ? t.officialValue(n(official.energyCo2)) : t.notComputed}`, `  ${official.text[lang]}`, '');

  out.push(t.reconciliation);
  // One row per member and basis: a member's line of six bases would not fit a terminal.
  const rows = result.reconciliation.rows.flatMap((row) => {
    const name = `${row.member} (${lang === 'zh' && row.nameZh ? row.nameZh : row.name})`;
    return BASES.map((basis, index) => [index === 0 ? name : '', BASIS[lang][basis], n(row.reports[basis]), row.removed[basis] === 0 ? '0' : `−${n(row.removed[basis])}`, n(row.counted[basis])]);
  });
  out.push(renderTable([t.member, t.basis, t.reported, t.removedShort, t.counted], rows, ['left', 'left', 'right', 'right', 'right']), '');

  out.push(t.removals);
  const removals = result.reconciliation.rows.flatMap((row) => row.removals);
  if (removals.length === 0) out.push(`  ${t.noRemovals}`);
  for (const removal of removals) out.push(`  ${t.removal(removal.member, removal.index, removal.gpc, n(removal.co2e))}${t.stated(removal.place)}`, `    ${removal.text[lang]}`);
  out.push('');

  out.push(t.unpaired);
  if (result.unpaired.length === 0) out.push(`  ${t.noUnpaired}`);
  for (const line of result.unpaired) {
    const percent = Math.round(line.share * 10_000) / 100;
    const share = line.share === 1 ? t.whole : t.part(formatNumber(percent, lang, Number.isInteger(percent) ? 0 : 2));
    out.push(`  ${t.unpairedLine(line.member, line.index, line.gpc, FLOW[lang][line.kind], share, n(line.co2e))}`);
  }
  if (result.problems.length > 0) {
    out.push('', t.problems);
    for (const problem of result.problems) out.push(`  ${problem.text[lang]}`);
  }
  if (result.notes.length > 0) {
    out.push('', t.notes);
    for (const note of result.notes) out.push(`  ${note.text[lang]}`);
  }
  out.push('', t.conventions, ...result.conventions.map((text) => `  ${text[lang]}`));
  return `${out.join('\n')}\n`;
}
