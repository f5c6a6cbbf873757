import { createEngine, formatIssue, formatScaled, GPC_SECTORS, warningsJson, type DocumentIssue, type InventoryResult, type Lang } from '@peakpath/core';
import { inventoryJsonBytes } from '../format/inventory-json.ts';
import { formatNumber, formatSignificant, renderTable } from '../format/table.ts';
import { renderOfficial } from '../format/official.ts';
import { readDocument } from '@peakpath/node';
import type { CommandOutput } from '../output.ts';
import { strictFailure, warningBlock } from './warnings.ts';

export interface InventoryOptions {
  readonly json: boolean;
  /** Indented JSON; compact otherwise. */
  readonly pretty?: boolean | undefined;
  readonly lang: Lang;
  /** Warnings are errors (exit 2). */
  readonly strict?: boolean | undefined;
}

/** `peakpath inventory FILE`: the readable table, or with --json the contract's JSON (output version 2). */
export async function inventoryCommand(file: string, options: InventoryOptions): Promise<CommandOutput> {
  const document = await readDocument(file, { notice: (text) => process.stderr.write(`${text}\n`) });
  const run = createEngine().inventory(document, { id: file });
  if (!run.ok) return { status: 2, stderr: issueReport(run.issues, options.lang) };
  const strict = strictFailure(run.warnings, options.strict, options.lang);
  if (strict) return strict;
  if (options.json) return { status: 0, stdout: inventoryJsonBytes(run.value, { pretty: options.pretty, warnings: warningsJson(run.warnings) }) };
  return { status: 0, stdout: `${renderInventory(run.value, options.lang)}\n${warningBlock(run.warnings, options.lang)}` };
}

/**
 * Problems printed per document: a file with 100,000 of them is one mistake repeated, and a screenful
 * of it says so; the count of the rest follows. The engine's result keeps them all.
 */
export const MAX_PRINTED_ISSUES = 200;

/**
 * The engine's issues for people, file by file: a heading per document with its count, then one line
 * per problem with its path (the first MAX_PRINTED_ISSUES, then how many more). Problems with the
 * command's own options (the `request`) come first, as `--option: …`.
 */
export function issueReport(issues: readonly DocumentIssue[], lang: Lang): string {
  const byDocument = new Map<string, DocumentIssue[]>();
  const options: string[] = [];
  for (const issue of issues) {
    if (issue.document.kind === 'request') {
      options.push(`--${formatIssue(issue, lang)}`);
      continue;
    }
    const list = byDocument.get(issue.document.id) ?? [];
    list.push(issue);
    byDocument.set(issue.document.id, list);
  }
  const parts = [...options.map((line) => `${line}\n`)];
  for (const [file, list] of byDocument) {
    const heading = lang === 'zh' ? `${file}：发现 ${list.length} 处输入问题，未计算。` : `${file}: ${list.length} input problem${list.length === 1 ? '' : 's'}; nothing computed.`;
    parts.push(`${heading}\n`);
    for (const issue of list.slice(0, MAX_PRINTED_ISSUES)) parts.push(`${formatIssue(issue, lang)}\n`);
    const more = list.length - MAX_PRINTED_ISSUES;
    if (more > 0) parts.push(lang === 'zh' ? `另有 ${more} 处问题未列出\n` : `… and ${more} more problem${more === 1 ? '' : 's'}\n`);
  }
  return parts.join('');
}

/** The factor sets by the documents they follow; the id is what a file writes in `factorSet`. */
const FACTOR_SET_ZH: Readonly<Record<string, string>> = { cn: '国内指南', ipcc2006: 'IPCC 2006' };

const LABELS = {
  en: {
    title: (r: InventoryResult) =>
      `${r.entity.name}${r.entity.nameZh ? ` ${r.entity.nameZh}` : ''} — GPC inventory ${r.year} (GWP ${r.gwp}, factors ${r.factorSet}, library ${r.factorLibrary.version})`,
    header: ['Sector', 'Scope 1', 'Scope 2', 'Scope 3', 'BASIC', 'BASIC+', 'Territorial only'],
    total: 'Total',
    unit: 'All emissions in tCO2e.',
    territorial: 'Territorial total (all scope-1 lines, I.4.4 and III.x.3 included)',
    gases: 'Gases over BASIC+ lines (t)',
    energy: (r: InventoryResult) => `Energy (BASIC lines): ${formatNumber(r.energy.tce, 'en')} tce, ${r.energy.method === 'coal-consumption' ? 'electricity by the coal-consumption method' : 'calorific equivalent'}`,
    perCapita: (figure: string) => `${figure} tCO2e per person`,
    perGdp: (figure: string) => `${figure} tCO2e per 10,000 CNY GDP`,
    energyPerCapita: (figure: string) => `${figure} tce per person`,
    energyPerGdp: (figure: string) => `${figure} tce per 10,000 CNY GDP`,
    intensity: 'Intensity (BASIC)',
    noIntensity: 'Intensity: give `population` and `gdp` in the file to compute it',
    notation: 'Notation keys',
    missing: 'BASIC rows with neither data nor a notation key',
    missingPlus: 'BASIC+ rows with neither data nor a notation key',
    none: 'none',
    assumptions: (n: number) => `${n} line${n === 1 ? '' : 's'} rely on stated defaults or conventions; \`--json\` lists every line's factors, sources and assumptions.`,
    fileAssumptions: 'Assumed',
    counterparts: 'Lines naming another city (`counterpart`: read by a cluster as a pairing, not used in these figures)',
  },
  zh: {
    title: (r: InventoryResult) =>
      `${r.entity.nameZh ?? r.entity.name} — ${r.year} 年 GPC 温室气体清单（GWP ${r.gwp}，因子集 ${FACTOR_SET_ZH[r.factorSet] ?? `"${r.factorSet}"`}，因子库 ${r.factorLibrary.version}）`,
    header: ['领域', '范围一', '范围二', '范围三', 'BASIC', 'BASIC+', '仅属地口径'],
    total: '合计',
    unit: '单位：吨二氧化碳当量（tCO2e）。',
    territorial: '属地口径合计（全部范围一，含 I.4.4 与 III.x.3）',
    gases: 'BASIC+ 口径分气体排放',
    energy: (r: InventoryResult) => `能源消费（BASIC 行）：${formatScaled(r.energy.tce, 'tce', 'zh')}（${r.energy.method === 'coal-consumption' ? '电力按发电煤耗法' : '当量值'}）`,
    perCapita: (figure: string) => `人均排放 ${figure} 吨CO2e/人`,
    perGdp: (figure: string) => `单位GDP排放 ${figure} 吨CO2e/万元`,
    energyPerCapita: (figure: string) => `人均能耗 ${figure} 吨标准煤/人`,
    energyPerGdp: (figure: string) => `单位GDP能耗 ${figure} 吨标准煤/万元`,
    intensity: '强度（BASIC）',
    noIntensity: '强度：请在文件中填写 `population` 与 `gdp` 以计算',
    notation: '注释键',
    missing: '既无数据也无注释键的 BASIC 行',
    missingPlus: '既无数据也无注释键的 BASIC+ 行',
    none: '无',
    assumptions: (n: number) => `${n} 行采用了已声明的默认值或约定；\`--json\` 列出每行的因子、来源与假设。`,
    fileAssumptions: '假设',
    counterparts: '注明对方城市的行（`counterpart`：城市群合并时作为配对读取，不用于本清单的计算）',
  },
} as const;

/** China's official quantities are printed for a Chinese city (country CN or the cn factor set); the JSON has them always. */
function showsOfficial(result: InventoryResult): boolean {
  return result.entity.country === 'CN' || result.factorSet === 'cn';
}

export function renderInventory(result: InventoryResult, lang: Lang): string {
  const text = LABELS[lang];
  const n = (value: number): string => formatNumber(value, lang);
  const rows = GPC_SECTORS.map((sector) => {
    const totals = result.bySector[sector.id]!;
    const name = `${sector.id.padEnd(4)}${lang === 'zh' ? sector.name.zh : sector.name.en.replace(/ \(.*\)$/, '')}`;
    return [name, n(totals.scope1), n(totals.scope2), n(totals.scope3), n(totals.basic), n(totals.basicPlus), n(totals.territorial)];
  });
  const territorialOnly = Object.values(result.bySector).reduce((sum, sector) => sum + sector.territorial, 0);
  const { totals } = result;
  rows.push([text.total, n(totals.scope1), n(totals.scope2), n(totals.scope3), n(totals.basic), n(totals.basicPlus), n(territorialOnly)]);

  const out: string[] = [text.title(result), '', renderTable(text.header, rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right']), text.unit, ''];
  // Summary lines: a Chinese reader reads totals in 万吨 (the table above keeps full figures, in 吨).
  const zh = lang === 'zh';
  const colon = zh ? '：' : ': ';
  const list = zh ? '、' : ', ';
  out.push(`${text.territorial}${colon}${zh ? formatScaled(totals.scope1, 'tCO2e', 'zh') : n(totals.scope1)}`);
  const gas = (value: number, digits: number): string => (zh ? formatScaled(value, 't', 'zh') : formatNumber(value, lang, digits));
  out.push(`${text.gases}${colon}CO2 ${gas(result.gases.CO2, 0)}${list}CH4 ${gas(result.gases.CH4, 1)}${list}N2O ${gas(result.gases.N2O, 1)}`);
  out.push(text.energy(result));
  const { intensity } = result;
  const parts: string[] = [];
  if (intensity.perCapita !== undefined) parts.push(text.perCapita(formatSignificant(intensity.perCapita, lang)));
  if (intensity.perGdp !== undefined) parts.push(text.perGdp(formatSignificant(intensity.perGdp, lang)));
  if (intensity.energyPerCapita !== undefined) parts.push(text.energyPerCapita(formatSignificant(intensity.energyPerCapita, lang)));
  if (intensity.energyPerGdp !== undefined) parts.push(text.energyPerGdp(formatSignificant(intensity.energyPerGdp, lang)));
  out.push(parts.length > 0 ? `${text.intensity}${colon}${parts.join(zh ? '；' : '; ')}` : text.noIntensity);
  if (showsOfficial(result)) out.push('', ...renderOfficial(result.official, lang), '');

  const keys = result.notationKeys;
  if (keys.length > 0) out.push(`${text.notation}${colon}${keys.map((key) => `${key.gpc} ${key.key}`).join(list)}`);
  const named = result.lines.filter((line) => line.counterpart !== undefined);
  if (named.length > 0) {
    const part = (share: number | undefined): string => (share === undefined ? '' : zh ? `（${formatSignificant(share * 100, lang)} %）` : ` (${formatSignificant(share * 100, lang)} %)`);
    out.push(`${text.counterparts}${colon}${named.map((line) => `activities[${line.index}] ${line.gpc} → ${line.counterpart!.city}${part(line.counterpart!.share)}`).join(list)}`);
  }
  const missing = result.completeness.missingBasicRows;
  out.push(`${text.missing}${colon}${missing.length === 0 ? text.none : missing.join(list)}`);
  // The BASIC+ total is printed beside BASIC: its rows' gaps are stated as well (a file cut off after the
  // waste rows loses IPPU and AFOLU, and the BASIC line alone still reads "none").
  const missingPlus = result.completeness.missingBasicPlusRows;
  out.push(`${text.missingPlus}${colon}${missingPlus.length === 0 ? text.none : missingPlus.join(list)}`);
  for (const assumption of result.assumptions) out.push(`${text.fileAssumptions}${colon}${assumption.text[lang]}`);
  for (const convention of result.conventions) out.push(convention.text[lang]);
  const assumed = result.lines.filter((line) => line.assumptions.length > 0).length;
  out.push(text.assumptions(assumed));
  return out.join('\n');
}
