import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Lang } from '@peakpath/core';
import { createNodeEngine, InputFileError } from '@peakpath/node';
import { assembleReport, buildReport, problemText, renderPdf, sourcesFromFile, sourcesFromStored, type ReportSources, type StoredSource } from '@peakpath/report';
import type { CommandOutput } from '../output.ts';
import { withStore } from './workspace.ts';
import { today } from '../today.ts';

export interface ReportOptions {
  readonly year: string;
  readonly lang: Lang;
  readonly format: 'html' | 'pdf';
  readonly out: string;
  readonly runs?: string | undefined;
  readonly seed?: string | undefined;
  readonly illustrative: boolean;
  readonly asOf?: string | undefined;
  readonly data: string;
}

function whole(name: string, value: string | undefined, min: number, max: number, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new InputFileError(lang === 'zh' ? `--${name}：应为 ${min}–${max} 的整数，实为 "${value}"` : `--${name}: expected a whole number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

/** A city of the workspace by its slug: its documents at their current versions, read as an administrator on the server's machine. */
async function citySources(slug: string, options: ReportOptions): Promise<ReportSources | CommandOutput> {
  const zh = options.lang === 'zh';
  return withStore<ReportSources>(options, async (store) => {
    const actor = { kind: 'user', userId: '00000000-0000-0000-0000-000000000000', admin: true } as const;
    const entity = await store.entityBySlug(actor, slug);
    const documents: StoredSource[] = [];
    for (const document of (await store.documents(actor, entity.id, { limit: 200 })).items) {
      // A cluster's aggregation and a district file's reconciliation are no part of a city report.
      if (document.kind === 'cluster' || document.kind === 'district') continue;
      const version = await store.version(actor, document.id);
      documents.push({ id: document.id, kind: document.kind, name: document.name, version: version.version, bodyHash: version.bodyHash, body: version.body });
    }
    const picked = sourcesFromStored(documents);
    if (!picked.ok) {
      const names = picked.names.join(', ');
      return { status: 2, stderr: zh ? `${slug}：${picked.code === 'ambiguous' ? `有多个${picked.kind}文档（${names}），无法确定使用哪一个` : `找不到${picked.kind}文档 "${picked.wanted ?? ''}"（现有：${names}）`}\n` : `${slug}: ${picked.code === 'ambiguous' ? `several ${picked.kind} documents (${names}); cannot tell which to report` : `no ${picked.kind} document "${picked.wanted ?? ''}" (there are: ${names})`}\n` };
    }
    return picked.sources;
  });
}

/** `peakpath report CITY_OR_FILE --year Y --lang zh|en --format html|pdf --out PATH`. */
export async function reportCommand(target: string, options: ReportOptions): Promise<CommandOutput> {
  const lang = options.lang;
  const year = whole('year', options.year, 1900, 2100, lang)!;
  const runs = whole('runs', options.runs, 0, 1_000_000, lang);
  const seed = whole('seed', options.seed, 0, 2 ** 31 - 1, lang);
  const sources = existsSync(target) ? await sourcesFromFile(target) : await citySources(target, options);
  if ('status' in sources) return sources;
  const engine = await createNodeEngine();
  const asOf = options.asOf ?? today();
  const assembled = await assembleReport(engine, sources, { year, runs, seed, asOf });
  if (!assembled.ok) return { status: 2, stderr: assembled.problems.map((problem) => `${problemText(problem, lang)}\n`).join('') };
  const report = buildReport(assembled.value, { lang, illustrative: options.illustrative });
  const city = lang === 'zh' ? assembled.value.city.zh : assembled.value.city.en;
  const body = options.format === 'pdf' ? await renderPdf(report.html, { lang, header: city }) : report.html;
  await writeFile(options.out, body);
  const size = Buffer.byteLength(body);
  const judged = !assembled.value.tracking ? '' : options.asOf ? (lang === 'zh' ? `；跟踪状态判定日期 ${asOf}` : `; tracking judged at ${asOf}`) : lang === 'zh' ? `；跟踪状态判定日期 ${asOf}（今天；可用 --as-of 指定）` : `; tracking judged at ${asOf} (today; --as-of names another date)`;
  return { status: 0, stderr: lang === 'zh' ? `已写入 ${options.out}（${size} 字节，${report.figures.length} 个数据${judged}）\n` : `Wrote ${options.out} (${size} bytes, ${report.figures.length} figures${judged})\n` };
}
