import type { ClimatePositiveResult, DistrictFileRun, Lang, NearZeroResult, PartKind, PartsReconciliation, SectorBasis, TotalBasis } from '@peakpath/core';
import { formatNumber, formatSignificant, renderTable } from '../format/table.ts';

/**
 * `peakpath district` as text: the city against its parts and remainder on each basis, the differences with their
 * GPC rows, the convention mismatches, and each assessment asked for (climate positive, near zero).
 */

const TOTAL = {
  en: { basic: 'BASIC', basicPlus: 'BASIC+', scope1: 'Scope 1', scope2: 'Scope 2', scope3: 'Scope 3' },
  zh: { basic: 'BASIC', basicPlus: 'BASIC+', scope1: '范围一', scope2: '范围二', scope3: '范围三' },
} as const satisfies Record<Lang, Record<TotalBasis, string>>;

const SECTOR = {
  en: { basic: 'BASIC', basicPlus: 'BASIC+', territorial: 'territorial', scope1: 'scope 1', scope2: 'scope 2', scope3: 'scope 3' },
  zh: { basic: 'BASIC', basicPlus: 'BASIC+', territorial: '属地', scope1: '范围一', scope2: '范围二', scope3: '范围三' },
} as const satisfies Record<Lang, Record<SectorBasis, string>>;

const KIND = {
  en: { district: 'district', park: 'park', community: 'community' },
  zh: { district: '区县', park: '园区', community: '社区' },
} as const satisfies Record<Lang, Record<PartKind, string>>;

const LABELS = {
  en: {
    title: (name: string, year: number, parts: number) => `${name} — the city and its ${parts} part${parts === 1 ? '' : 's'}, ${year}`,
    unit: 'All emissions in tCO2e.',
    partList: (parts: readonly string[]) => `Parts: ${parts.join(', ')}`,
    partKind: (id: string, kind: string) => `${id} (${kind})`,
    remainderStated: (document: string) => `Remainder: stated, the inventory ${document}`,
    remainderFigures: 'Remainder: stated as figures (bases without a figure are computed as city − parts)',
    remainderComputed: 'Remainder: not stated, computed as city − parts',
    reconciliation: 'Reconciliation (city − parts − remainder = difference)',
    basis: 'Basis',
    city: 'City',
    sum: 'Parts (Σ)',
    remainder: 'Remainder',
    kind: 'Remainder is',
    difference: 'Difference',
    stated: 'stated',
    computed: 'computed',
    zeroBases: (count: number) => `(${count} sector bases where every figure is 0 are not shown; --json lists them)`,
    differences: 'Differences beyond the tolerance',
    noDifferences: (tolerance: string) => `None: every basis adds up within ${tolerance} tCO2e.`,
    row: 'GPC row',
    mismatches: 'Convention mismatches (nothing converted)',
    noMismatches: 'None: every part is computed on the city’s conventions.',
    conventions: 'Rules',
    climate: (part: string) => `${part}: climate positive (C40), net operational emissions below zero`,
    area: 'Operational emissions',
    energy: 'energy',
    transport: 'transport',
    waste: 'waste',
    total: 'total',
    abatement: 'Abatement',
    abatementKind: 'Kind',
    onSite: 'on-site',
    outside: 'from outside',
    evidence: 'Evidence',
    counted: 'Counted',
    yes: 'yes',
    noEvidence: 'no: no evidence',
    none: '—',
    withCredits: (value: string) => `Net with credits from outside: ${value} tCO2e`,
    withoutCredits: (value: string) => `Net without credits from outside: ${value} tCO2e`,
    verdict: (pass: boolean, passWithout: boolean) =>
      pass ? (passWithout ? 'Verdict: climate positive, with or without credits from outside' : 'Verdict: climate positive only with its credits from outside') : 'Verdict: not climate positive',
    criterion: (source: string, marker: string) => `Criterion: ${source} [${marker}]`,
    nearZero: (part: string, set: string) => `${part}: near-zero-carbon criteria "${set}"`,
    published: (citation: string, marker: string) => `Source: ${citation} [${marker}]`,
    userInput: 'Source: user input, unverified — no published set is cited',
    setInFile: 'The set is written in the district file.',
    criterionColumn: 'Criterion',
    value: 'Value',
    required: 'Required',
    result: 'Result',
    pass: 'pass',
    fail: 'fail',
    gross: 'gross',
    net: 'net',
    nearZeroVerdict: (pass: boolean) => (pass ? 'Verdict: every criterion met' : 'Verdict: not every criterion met'),
  },
  zh: {
    title: (name: string, year: number, parts: number) => `${name} — 城市及其 ${parts} 个组成部分，${year} 年`,
    unit: '排放单位均为 tCO2e。',
    partList: (parts: readonly string[]) => `组成部分：${parts.join('、')}`,
    partKind: (id: string, kind: string) => `${id}（${kind}）`,
    remainderStated: (document: string) => `其余部分：已给出，清单 ${document}`,
    remainderFigures: '其余部分：以数值给出（未给数值的口径按城市 − 各部分计算）',
    remainderComputed: '其余部分：未给出，按城市 − 各部分计算',
    reconciliation: '核对表（城市 − 各部分 − 其余部分 = 差异）',
    basis: '口径',
    city: '城市',
    sum: '各部分合计',
    remainder: '其余部分',
    kind: '其余部分来源',
    difference: '差异',
    stated: '已给出',
    computed: '计算所得',
    zeroBases: (count: number) => `（另有 ${count} 个各项数值均为 0 的部门口径未列出；--json 中全部列出）`,
    differences: '超出容差的差异',
    noDifferences: (tolerance: string) => `无：各口径均在 ${tolerance} tCO2e 容差内相符。`,
    row: 'GPC 行',
    mismatches: '口径不一致（未作换算）',
    noMismatches: '无：各部分均按城市口径计算。',
    conventions: '规则',
    climate: (part: string) => `${part}：气候正效益（C40），运营净排放须低于零`,
    area: '运营排放',
    energy: '能源',
    transport: '交通',
    waste: '废弃物',
    total: '合计',
    abatement: '减排或抵消',
    abatementKind: '类型',
    onSite: '场内',
    outside: '边界外',
    evidence: '证明材料',
    counted: '是否计入',
    yes: '计入',
    noEvidence: '不计入：无证明材料',
    none: '—',
    withCredits: (value: string) => `计入边界外抵消的净排放：${value} tCO2e`,
    withoutCredits: (value: string) => `不计边界外抵消的净排放：${value} tCO2e`,
    verdict: (pass: boolean, passWithout: boolean) =>
      pass ? (passWithout ? '结论：无论是否计入边界外抵消，均达到气候正效益' : '结论：仅在计入边界外抵消后达到气候正效益') : '结论：未达到气候正效益',
    criterion: (source: string, marker: string) => `标准：${source} [${marker}]`,
    nearZero: (part: string, set: string) => `${part}：近零碳排放标准"${set}"`,
    published: (citation: string, marker: string) => `出处：${citation} [${marker}]`,
    userInput: '出处：用户输入，未经核实——未引用任何已发布的标准',
    setInFile: '该标准写在本区县园区文件中。',
    criterionColumn: '指标',
    value: '数值',
    required: '要求',
    result: '结果',
    pass: '达标',
    fail: '未达标',
    gross: '总量',
    net: '净值',
    nearZeroVerdict: (pass: boolean) => (pass ? '结论：全部指标达标' : '结论：并非全部指标达标'),
  },
} as const;

/** A basis of the reconciliation (`basic`, `I.scope2`); core's `Basis` at the top level is the pathway's. */
type Basis = PartsReconciliation['bases'][number]['basis'];

/** A basis in words: `I.scope2` as "I scope 2" / "I 范围二". */
export function basisLabel(basis: Basis, lang: Lang): string {
  const dot = basis.indexOf('.');
  if (dot < 0) return TOTAL[lang][basis as TotalBasis];
  return `${basis.slice(0, dot)} ${SECTOR[lang][basis.slice(dot + 1) as SectorBasis]}`;
}

export function renderDistrict(run: DistrictFileRun, lang: Lang): string {
  const t = LABELS[lang];
  const { district, reconciliation } = run;
  const out: string[] = [t.title(district.name[lang], reconciliation.year, reconciliation.parts.length), t.unit, ''];
  out.push(t.partList(run.parts.map((part) => (part.kind === undefined ? part.id : t.partKind(part.id, KIND[lang][part.kind])))));
  const remainder = district.remainder;
  out.push(remainder === undefined ? t.remainderComputed : 'inventory' in remainder ? t.remainderStated(run.remainder?.document ?? remainder.inventory) : t.remainderFigures, '');
  out.push(...renderReconciliation(reconciliation, lang));
  for (const assessment of run.assessments) {
    if (assessment.climatePositive) out.push('', ...renderClimatePositive(assessment.climatePositive, lang));
    if (assessment.nearZero) out.push('', ...renderNearZero(assessment.part, assessment.nearZero, lang));
  }
  return `${out.join('\n')}\n`;
}

function renderReconciliation(value: PartsReconciliation, lang: Lang): string[] {
  const t = LABELS[lang];
  const n = (figure: number): string => formatNumber(figure, lang);
  const out: string[] = [t.reconciliation];
  // A sector no inventory reports has every figure 0 on each of its bases: left out of the table, counted below it.
  const shown = value.bases.filter((line) => line.city !== 0 || line.parts !== 0 || line.remainder !== 0 || line.difference !== 0 || !line.basis.includes('.'));
  out.push(
    renderTable(
      [t.basis, t.city, ...value.parts, t.sum, t.remainder, t.kind, t.difference],
      shown.map((line) => [basisLabel(line.basis, lang), n(line.city), ...value.parts.map((part) => n(line.byPart[part] ?? 0)), n(line.parts), n(line.remainder), line.remainderKind === 'stated' ? t.stated : t.computed, n(line.difference)]),
      ['left', 'right', ...value.parts.map(() => 'right' as const), 'right', 'right', 'left', 'right'],
    ),
  );
  if (shown.length < value.bases.length) out.push(t.zeroBases(value.bases.length - shown.length));
  out.push('', t.differences);
  if (value.differences.length === 0) out.push(`  ${t.noDifferences(formatSignificant(value.tolerance, lang, 6))}`);
  for (const difference of value.differences) {
    out.push(`  ${difference.text[lang]}`);
    const rows = difference.rows.map((row) => [row.gpc, n(row.city), ...value.parts.map((part) => n(row.parts[part] ?? 0)), row.remainder === undefined ? t.none : n(row.remainder), n(row.difference)]);
    const table = renderTable([t.row, t.city, ...value.parts, t.remainder, t.difference], rows, ['left', 'right', ...value.parts.map(() => 'right' as const), 'right', 'right']);
    if (rows.length > 0) out.push(...table.split('\n').map((line) => `    ${line}`));
  }
  out.push('', t.mismatches);
  if (value.mismatches.length === 0) out.push(`  ${t.noMismatches}`);
  for (const mismatch of value.mismatches) out.push(`  ${mismatch.text[lang]}`);
  out.push('', t.conventions, ...value.conventions.map((text) => `  ${text[lang]}`));
  return out;
}

function renderClimatePositive(value: ClimatePositiveResult, lang: Lang): string[] {
  const t = LABELS[lang];
  const n = (figure: number): string => formatNumber(figure, lang);
  const { operational } = value;
  const out: string[] = [t.climate(value.district)];
  out.push(
    renderTable(
      [t.area, 'tCO2e'],
      [
        [t.energy, n(operational.energy)],
        [t.transport, n(operational.transport)],
        [t.waste, n(operational.waste)],
        [t.total, n(operational.total)],
      ],
      ['left', 'right'],
    ),
    '',
  );
  const refused = new Set(value.refused.map((entry) => entry.abatement.id));
  const abatements = [...value.counted, ...value.refused.map((entry) => entry.abatement)];
  if (abatements.length > 0) {
    out.push(
      renderTable(
        [t.abatement, t.abatementKind, 'tCO2e', t.evidence, t.counted],
        abatements.map((abatement) => [
          abatement.id,
          abatement.kind === 'on-site' ? t.onSite : t.outside,
          n(abatement.tco2e),
          abatement.evidence === undefined ? t.none : abatement.evidence.issuer === undefined ? abatement.evidence.document : `${abatement.evidence.document} (${abatement.evidence.issuer})`,
          refused.has(abatement.id) ? t.noEvidence : t.yes,
        ]),
        ['left', 'left', 'right', 'left', 'left'],
      ),
      '',
    );
    for (const entry of value.refused) out.push(`  ${entry.text[lang]}`);
  }
  out.push(`  ${value.text[lang]}`, t.withCredits(n(value.net)), t.withoutCredits(n(value.netWithoutCredits)), t.verdict(value.pass, value.passWithoutCredits));
  out.push(t.criterion(value.criterion.name[lang], value.criterion.verification), `  ${value.criterion.note[lang]}`);
  return out;
}

function renderNearZero(part: string, value: NearZeroResult & { readonly setGiven: 'shipped' | 'file' }, lang: Lang): string[] {
  const t = LABELS[lang];
  const out: string[] = [t.nearZero(part, value.set.name[lang])];
  const source = value.set.source;
  if (source.kind === 'published') out.push(t.published(source.citation, source.verification));
  else out.push(t.userInput, `  ${source.note[lang]}`);
  if (value.setGiven === 'file') out.push(t.setInFile);
  out.push(
    renderTable(
      [t.criterionColumn, t.value, t.required, t.result],
      value.criteria.map((criterion) => [
        `${criterion.label[lang]} (${criterion.basis === 'net' ? t.net : t.gross})`,
        `${formatSignificant(criterion.value, lang, 5)} ${criterion.unit}`,
        `${criterion.comparison === 'at-most' ? '≤' : '≥'} ${formatSignificant(criterion.threshold, lang, 5)}`,
        criterion.pass ? t.pass : t.fail,
      ]),
      ['left', 'right', 'right', 'left'],
    ),
  );
  for (const criterion of value.criteria) out.push(`  ${criterion.text[lang]}`);
  out.push(t.nearZeroVerdict(value.pass));
  return out;
}
