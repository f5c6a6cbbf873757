import { writeFile } from 'node:fs/promises';
import { importEnergyBalance, type BalanceProblem, type Lang } from '@peakpath/core';
import { InputFileError, readSpreadsheet } from '@peakpath/node';
import type { CommandOutput } from '../output.ts';

export interface ImportEnergyBalanceOptions {
  readonly year: string;
  readonly sheet?: string | undefined;
  readonly out?: string | undefined;
  readonly city?: string | undefined;
  readonly grid?: string | undefined;
  readonly allowUnmapped: boolean;
  readonly lang: Lang;
}

/** One problem with its cell, in the output's language only. */
const problemLine = (problem: BalanceProblem, lang: Lang): string => (lang === 'zh' ? `${problem.cell}：${problem.zh}\n` : `${problem.cell}: ${problem.en}\n`);

/**
 * `peakpath import energy-balance FILE --year Y`: the inventory file (YAML) on standard output or in
 * --out; what could not be mapped on standard error, cell by cell: exit 2 unless --allow-unmapped.
 */
export async function importEnergyBalanceCommand(file: string, options: ImportEnergyBalanceOptions): Promise<CommandOutput> {
  const year = Number(options.year);
  if (!/^\d{4}$/.test(options.year) || year < 1900 || year > 2100) {
    throw new InputFileError(options.lang === 'zh' ? `--year："${options.year}" 不是有效年份（1900–2100）` : `--year: "${options.year}" is not a year (1900–2100)`);
  }
  const grid = await readSpreadsheet(file, { sheet: options.sheet });
  const result = importEnergyBalance(grid, { year, file, city: options.city, grid: options.grid });
  const zh = options.lang === 'zh';
  const problems = result.problems.map((problem) => problemLine(problem, options.lang)).join('');
  const fatal = result.problems.filter((problem) => problem.code !== 'unmapped-row' && problem.code !== 'unmapped-column');
  if (fatal.length > 0 || (result.problems.length > 0 && !options.allowUnmapped)) {
    const heading = zh
      ? `${file}：${result.problems.length} 处无法导入，未写出清单${fatal.length === 0 ? '（--allow-unmapped 可跳过未映射的行和列，并列出它们）' : ''}。\n`
      : `${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; no inventory written${fatal.length === 0 ? ' (--allow-unmapped skips unmapped rows and columns and lists them)' : ''}.\n`;
    return { status: 2, stderr: heading + problems };
  }
  const skipped = result.problems.length === 0 ? '' : `${zh ? '已跳过未映射的行和列（--allow-unmapped）：' : 'Skipped, unmapped (--allow-unmapped):'}\n${problems}`;
  const notes = result.statements.map((statement) => `${statement[options.lang]}\n`).join('');
  if (options.out !== undefined) {
    try {
      await writeFile(options.out, result.yaml);
    } catch (error) {
      throw new InputFileError(`${options.out}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)}) / 无法写入文件`);
    }
    const wrote = zh ? `已写出 ${options.out}：${result.lines.length} 行活动数据\n` : `wrote ${options.out}: ${result.lines.length} activity lines\n`;
    return { status: 0, stderr: `${wrote}${notes}${skipped}` };
  }
  return { status: 0, stdout: result.yaml, stderr: `${notes}${skipped}` || undefined };
}
