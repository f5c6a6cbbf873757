import type { ClusterMonteCarloSummary, ClusterPathwayResult, Lang } from '@peakpath/core';
import { formatNumber, renderTable } from '../format/table.ts';

/** `peakpath cluster` on a file whose members name pathways: the cluster's pathways (docs/clusters.md, "Cluster pathways"). */

export type ClusterComparison = readonly { readonly id: string; readonly name: { readonly en: string; readonly zh: string }; readonly total: readonly number[]; readonly peak: ClusterPathwayResult['peak']; readonly officialPeak: ClusterPathwayResult['peak'] | null }[];

const LABELS = {
  en: {
    title: (name: string, scenario: string, members: string) => `${name} — cluster pathways, scenario ${scenario} (members: ${members})`,
    unit: 'BASIC emissions in tCO2e; each flow between members counted once.',
    scenarios: 'Cluster scenarios',
    scenario: 'Scenario',
    peak: 'Peak',
    officialPeak: 'Peak, energy-activity CO2',
    noPeak: 'none by the horizon',
    notComputed: 'not computed',
    peakCell: (year: number, value: string) => `${year} (${value})`,
    detail: 'The cluster and its members',
    row: 'Row',
    membersSum: 'Members’ sum',
    removed: 'Removed: flows between members',
    cluster: 'Cluster',
    counted: (member: string) => `  ${member}, counted`,
    basicPlus: 'Cluster BASIC+',
    peakLine: (year: number | null, value: string) => (year === null ? 'Peak: none by the horizon — the cluster’s emissions still rise in its last year.' : `Peak: ${year}, ${value} tCO2e.`),
    contributions: (year: number, peaked: boolean) => `Contributions to the cluster in ${year}${peaked ? ' (its peak year)' : ' (its last year: no peak)'}`,
    member: 'Member',
    at: 'Counted',
    share: 'Share',
    change: 'Change since the base year',
    ownPeak: 'Own peak',
    official: 'Energy-activity CO2 (China official basis), tCO2',
    actions: 'Cluster actions (BASIC tCO2e avoided, summed over the members that take them)',
    action: (name: string, id: string, members: string, cumulative: string, last: string, year: number) => `  ${name} (${id}; ${members}): ${cumulative} over the horizon, ${last} in ${year}`,
    shared: 'Shared parameters (one value, one draw in every member)',
    sharedLine: (path: string, value: string, from: 'cluster' | 'members', members: string, uncertain: boolean) => `  ${path} = ${value} (${from === 'cluster' ? 'the cluster’s value' : 'the members’ own value'}; ${members})${uncertain ? ', uncertain' : ''}`,
    mc: (runs: number, seed: number, scenario: string) => `Monte Carlo: ${runs} runs, seed ${seed}, scenario ${scenario}`,
    seeds: (members: string, shared: number) => `Seeds: ${members}; shared parameters ${shared}`,
    percentile: { p5: '5th percentile', p25: '25th', p50: 'median', p75: '75th', p95: '95th percentile' },
    peakedBy: 'Probability that the cluster has peaked by',
    memberPeakedBy: (member: string) => `  ${member}, peaked by`,
    correlations: 'Correlated parameters',
    correlation: (a: string, b: string, rank: string, copula: string) => `  ${a} ~ ${b}: rank ${rank} (copula ${copula})`,
    independent: 'Every parameter drawn independently.',
    clamped: (label: string, count: number) => `  ${label}: ${count} draws brought back to its bounds`,
    assumptions: 'Assumptions',
  },
  zh: {
    title: (name: string, scenario: string, members: string) => `${name} — 城市群路径，情景：${scenario}（成员：${members}）`,
    unit: 'BASIC 排放，单位 tCO2e；成员之间的流量只计一次。',
    scenarios: '城市群情景',
    scenario: '情景',
    peak: '达峰',
    officialPeak: '能源活动二氧化碳达峰',
    noPeak: '展望期内未达峰',
    notComputed: '未计算',
    peakCell: (year: number, value: string) => `${year} 年（${value}）`,
    detail: '城市群与成员',
    row: '项目',
    membersSum: '成员合计',
    removed: '扣除：成员之间的流量',
    cluster: '城市群',
    counted: (member: string) => `  ${member}（计入）`,
    basicPlus: '城市群 BASIC+',
    peakLine: (year: number | null, value: string) => (year === null ? '达峰：展望期内未达峰——城市群排放在最后一年仍在上升。' : `达峰：${year} 年，${value} tCO2e。`),
    contributions: (year: number, peaked: boolean) => `${year} 年各成员的贡献${peaked ? '（城市群达峰年）' : '（展望期最后一年：未达峰）'}`,
    member: '成员',
    at: '计入',
    share: '占比',
    change: '较基年变化',
    ownPeak: '自身达峰',
    official: '能源活动二氧化碳（国内官方口径），tCO2',
    actions: '城市群行动（BASIC 减排量 tCO2e，为各实施成员之和）',
    action: (name: string, id: string, members: string, cumulative: string, last: string, year: number) => `  ${name}（${id}；${members}）：展望期累计 ${cumulative}，${year} 年 ${last}`,
    shared: '共享参数（各成员同一取值、同一抽样）',
    sharedLine: (path: string, value: string, from: 'cluster' | 'members', members: string, uncertain: boolean) => `  ${path} = ${value}（${from === 'cluster' ? '城市群取值' : '成员文件的共同取值'}；${members}）${uncertain ? '，不确定' : ''}`,
    mc: (runs: number, seed: number, scenario: string) => `蒙特卡洛模拟：${runs} 次，随机种子 ${seed}，情景 ${scenario}`,
    seeds: (members: string, shared: number) => `随机种子：${members}；共享参数 ${shared}`,
    percentile: { p5: '第 5 百分位', p25: '第 25 百分位', p50: '中位数', p75: '第 75 百分位', p95: '第 95 百分位' },
    peakedBy: '城市群在该年及以前达峰的概率',
    memberPeakedBy: (member: string) => `  ${member}，已达峰`,
    correlations: '相关参数',
    correlation: (a: string, b: string, rank: string, copula: string) => `  ${a} ~ ${b}：秩相关 ${rank}（copula ${copula}）`,
    independent: '各参数独立抽样。',
    clamped: (label: string, count: number) => `  ${label}：${count} 次抽样超出取值范围，已取边界值`,
    assumptions: '假设',
  },
} as const;

/** The base year, every fifth year and the last. */
function milestones(result: ClusterPathwayResult): number[] {
  const years = result.years.filter((year) => year === result.baseYear || year === result.endYear || year % 5 === 0);
  return [...new Set(years)];
}

export function renderClusterPathways(result: ClusterPathwayResult, comparison: ClusterComparison, mc: ClusterMonteCarloSummary | undefined, lang: Lang): string {
  const t = LABELS[lang];
  const n = (value: number, digits = 0): string => formatNumber(value, lang, digits);
  const name = (text: { en: string; zh: string }): string => text[lang];
  const years = milestones(result);
  const at = (series: readonly number[], year: number): number => series[year - result.baseYear]!;
  const peakCell = (peak: ClusterPathwayResult['peak'] | null): string => (peak === null ? t.notComputed : peak.year === null ? t.noPeak : t.peakCell(peak.year, n(peak.value!)));
  const memberName = (member: ClusterPathwayResult['members'][number]): string => (lang === 'zh' ? `${member.id}（${member.nameZh ?? member.name}）` : `${member.id} (${member.name})`);
  const labelled = (text: { en: string; zh: string }, id: string): string => (lang === 'zh' ? `${text.zh}（${id}）` : `${text.en} (${id})`);
  const out: string[] = [t.title(name(result.name), labelled(result.scenario.name, result.scenario.id), result.members.map((member) => `${member.id} ${labelled(member.scenarioName, member.scenario)}`).join(lang === 'zh' ? '，' : ', ')), t.unit, ''];

  if (comparison.length > 1) {
    out.push(t.scenarios);
    out.push(
      renderTable(
        [t.scenario, ...years.map(String), t.peak, t.officialPeak],
        comparison.map((scenario) => [labelled(scenario.name, scenario.id), ...years.map((year) => n(at(scenario.total, year))), peakCell(scenario.peak), peakCell(scenario.officialPeak)]),
        ['left', ...years.map(() => 'right' as const), 'left', 'left'],
      ),
      '',
    );
  }

  out.push(t.detail);
  const rows = [
    [t.membersSum, ...years.map((year) => n(at(result.membersSum.basic, year)))],
    [t.removed, ...years.map((year) => (at(result.removed.basic, year) === 0 ? '0' : `−${n(at(result.removed.basic, year))}`))],
    [t.cluster, ...years.map((year) => n(at(result.total, year)))],
    ...result.members.map((member) => [t.counted(memberName(member)), ...years.map((year) => n(at(member.counted, year)))]),
    [t.basicPlus, ...years.map((year) => n(at(result.basicPlus, year)))],
  ];
  out.push(renderTable([t.row, ...years.map(String)], rows, ['left', ...years.map(() => 'right' as const)]), '');

  out.push(t.peakLine(result.peak.year, result.peak.value === null ? '' : n(result.peak.value)), '');
  out.push(t.contributions(result.contributionYear, result.peak.year !== null));
  out.push(
    renderTable(
      [t.member, t.at, t.share, t.change, t.ownPeak],
      result.contributions.map((contribution) => {
        const member = result.members.find((candidate) => candidate.id === contribution.member)!;
        return [memberName(member), n(contribution.atPeak), `${n(contribution.share * 100, 1)}%`, `${contribution.change >= 0 ? '+' : '−'}${n(Math.abs(contribution.change))}`, peakCell(contribution.ownPeak)];
      }),
      ['left', 'right', 'right', 'right', 'left'],
    ),
    '',
  );

  const official = result.official;
  if (official.computed) out.push(`${t.official}: ${years.map((year) => `${year} ${n(at(official.energyCo2, year))}`).join(', ')}; ${t.peak} ${peakCell(official.peak)}`);
  else out.push(`${t.official}: ${t.notComputed}`, `  ${official.text[lang]}`);
  out.push('');

  if (result.actions.length > 0) {
    out.push(t.actions);
    for (const action of result.actions) out.push(t.action(name(action.name), action.id, action.members.join(', '), n(action.cumulative), n(action.impact[action.impact.length - 1]!), result.endYear));
    out.push('');
  }
  if (result.shared.length > 0) {
    out.push(t.shared);
    for (const parameter of result.shared) out.push(t.sharedLine(parameter.path, n(parameter.value, 4).replace(/\.?0+$/, ''), parameter.from, parameter.members.join(', '), parameter.uncertain));
    out.push('');
  }

  if (mc) {
    out.push(t.mc(mc.runs, mc.seed, mc.scenario), t.seeds(Object.entries(mc.seeds.members).map(([member, seed]) => `${member} ${seed}`).join(', '), mc.seeds.shared));
    const percentiles = (['p5', 'p25', 'p50', 'p75', 'p95'] as const).map((p) => [t.percentile[p], ...years.map((year) => n(at(mc.percentiles[p], year)))]);
    out.push(renderTable([t.row, ...years.map(String)], percentiles, ['left', ...years.map(() => 'right' as const)]));
    const later = years.filter((year) => year > result.baseYear);
    const odds = [[t.peakedBy, ...later.map((year) => `${n((mc.peakedBy[String(year)] ?? 0) * 100)}%`)], ...mc.members.map((member) => [t.memberPeakedBy(member.id), ...later.map((year) => `${n((member.peakedBy[String(year)] ?? 0) * 100)}%`)])];
    out.push('', renderTable(['', ...later.map(String)], odds, ['left', ...later.map(() => 'right' as const)]));
    out.push('', mc.correlations.length === 0 ? t.independent : t.correlations);
    for (const pair of mc.correlations) out.push(t.correlation(pair.between[0], pair.between[1], n(pair.rank, 2), n(pair.copula, 3)));
    for (const [label, count] of Object.entries(mc.clamped)) out.push(t.clamped(label, count));
    out.push('');
  }

  if (result.assumptions.length > 0) out.push(t.assumptions, ...result.assumptions.map((assumption) => `  ${assumption.text[lang]}`));
  return `${out.join('\n')}\n`;
}
