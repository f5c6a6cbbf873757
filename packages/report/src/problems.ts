import { formatIssue, type DocumentIssue, type Lang } from '@peakpath/core';

/**
 * Why a report could not be assembled: an issue the engine found in a document (with its path), or a
 * problem of the set of documents itself, as a code with its details. Texts in both languages are made
 * here, at the edge, by `problemText`.
 */
export type ReportProblem =
  | { readonly kind: 'issue'; readonly issue: DocumentIssue }
  | { readonly kind: 'no-inventory'; readonly year: number; readonly years: readonly number[] }
  | { readonly kind: 'duplicate-year'; readonly year: number; readonly documents: readonly string[] }
  | { readonly kind: 'unknown-base-inventory'; readonly pathway: string; readonly inventory: string }
  | { readonly kind: 'plan-without-pathway'; readonly plan: string }
  | { readonly kind: 'bad-option'; readonly option: 'year' | 'runs' | 'seed'; readonly got: number }
  | { readonly kind: 'bad-date'; readonly option: 'asOf'; readonly got: string | undefined };

export function problemText(problem: ReportProblem, lang: Lang): string {
  const zh = lang === 'zh';
  switch (problem.kind) {
    case 'issue':
      return `${problem.issue.document.id}: ${formatIssue(problem.issue, lang)}`;
    case 'no-inventory': {
      const years = problem.years.length === 0 ? (zh ? '无' : 'none') : problem.years.join(', ');
      return zh ? `没有 ${problem.year} 年或更早的清单（现有清单年份：${years}）` : `no inventory for ${problem.year} or earlier (inventory years: ${years})`;
    }
    case 'duplicate-year':
      return zh ? `${problem.year} 年有多份清单：${problem.documents.join('、')}；每年只能用一份` : `more than one inventory for ${problem.year}: ${problem.documents.join(', ')}; a report takes one a year`;
    case 'unknown-base-inventory':
      return zh ? `${problem.pathway}：其基年清单 ${problem.inventory} 不在所给清单之中` : `${problem.pathway}: its base inventory ${problem.inventory} is not among the inventories given`;
    case 'plan-without-pathway':
      return zh ? `${problem.plan}：行动方案需要其路径文件` : `${problem.plan}: a plan needs its pathway`;
    case 'bad-option':
      return zh ? `${problem.option}：数值 ${problem.got} 不可用` : `${problem.option}: ${problem.got} is out of range`;
    case 'bad-date':
      return problem.got === undefined
        ? zh ? 'asOf：跟踪文档需要判断状态的日期（YYYY-MM-DD）' : 'asOf: a tracking document needs the date its statuses are judged at (YYYY-MM-DD)'
        : zh ? `asOf：应为真实日期 YYYY-MM-DD，实为 "${problem.got}"` : `asOf: expected a real date YYYY-MM-DD, got "${problem.got}"`;
    default: {
      const never: never = problem;
      return String(never);
    }
  }
}
