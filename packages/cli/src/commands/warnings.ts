import { formatIssue, type DocumentIssue, type Lang } from '@peakpath/core';
import type { CommandOutput } from '../output.ts';
import { issueReport, MAX_PRINTED_ISSUES } from './inventory.ts';

/**
 * The run's warnings after a table: a "Warnings" (警告) block, one line per warning with its file and
 * path; nothing at all when there are none, so a clean run prints what it always printed.
 */
export function warningBlock(warnings: readonly DocumentIssue[], lang: Lang): string {
  if (warnings.length === 0) return '';
  const heading = lang === 'zh' ? `警告：${warnings.length} 处（结果已计算；如确属实可保留，\`--strict\` 将其视为错误）` : `Warnings: ${warnings.length} (computed all the same; \`--strict\` makes them errors)`;
  const lines = warnings.slice(0, MAX_PRINTED_ISSUES).map((warning) => `${warning.document.id}${lang === 'zh' ? '：' : ': '}${formatIssue(warning, lang)}\n`);
  // As with problems, the first MAX_PRINTED_ISSUES are printed; `--json` lists every one.
  const more = warnings.length - MAX_PRINTED_ISSUES;
  if (more > 0) lines.push(lang === 'zh' ? `另有 ${more} 处警告未列出（\`--json\` 列出全部）\n` : `… and ${more} more warning${more === 1 ? '' : 's'} (\`--json\` lists every one)\n`);
  return `\n${heading}\n${lines.join('')}`;
}

/** With `--strict`, warnings are input problems: exit 2, printed as problems are. Undefined when the run may go on. */
export function strictFailure(warnings: readonly DocumentIssue[], strict: boolean | undefined, lang: Lang): CommandOutput | undefined {
  if (strict !== true || warnings.length === 0) return undefined;
  const note = lang === 'zh' ? '--strict：以下警告视为错误。\n' : '--strict: the warnings below are errors.\n';
  return { status: 2, stderr: `${note}${issueReport(warnings, lang)}` };
}
