import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiIssue, Bilingual } from './errors.ts';
import { ApiError } from './errors.ts';

/** The zod issue as the provider hands it over (zod 4's final issue: code, path, message and the code's details). */
interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly origin?: string;
  readonly format?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
}

/** One request problem in both languages; zod says it in English, the Chinese is ours. */
function describe(issue: ZodIssueLike): Bilingual {
  const size = (bound: number | bigint | undefined) => String(bound);
  const unit = issue.origin === 'string' ? { en: ' characters', zh: ' 个字符' } : issue.origin === 'array' ? { en: ' items', zh: ' 项' } : { en: '', zh: '' };
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected ? { en: `expected ${issue.expected}`, zh: `应为 ${issue.expected}` } : { en: issue.message, zh: '类型不对' };
    case 'too_small':
      return { en: `must be at least ${size(issue.minimum)}${unit.en}`, zh: `不得少于 ${size(issue.minimum)}${unit.zh}` };
    case 'too_big':
      return { en: `must be at most ${size(issue.maximum)}${unit.en}`, zh: `不得超过 ${size(issue.maximum)}${unit.zh}` };
    case 'invalid_format':
      return { en: `must be a valid ${issue.format ?? 'value'}`, zh: `格式应为 ${issue.format ?? '有效值'}` };
    case 'invalid_value':
      return { en: `must be one of ${JSON.stringify(issue.values ?? [])}`, zh: `应为以下之一：${JSON.stringify(issue.values ?? [])}` };
    case 'unrecognized_keys':
      return { en: `unknown field(s): ${(issue.keys ?? []).join(', ')}`, zh: `未知字段：${(issue.keys ?? []).join('、')}` };
    default:
      return { en: issue.message, zh: `无效：${issue.message}` };
  }
}

/**
 * A request that does not match its route's schema: 400 with every problem, each with its place
 * (`body`, `querystring`, `params`, `headers`, then the field's path).
 */
export function requestValidationError(error: FastifyError): ApiError | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  const where = error.validationContext ?? 'request';
  const issues: ApiIssue[] = error.validation.map((problem) => {
    // The provider flattens zod's issue: its code is `keyword`, its path `instancePath`, its details `params`.
    const fields = problem.instancePath.split('/').filter((key) => key !== '');
    const issue: ZodIssueLike = { ...(problem.params as Omit<ZodIssueLike, 'code' | 'path' | 'message'>), code: problem.keyword, path: fields, message: problem.message ?? problem.keyword };
    const path = [where, ...fields.map((key) => (/^\d+$/.test(key) ? Number(key) : key))];
    const text = describe(issue);
    return { path, code: issue.code, message: { en: `${path.join('.')}: ${text.en}`, zh: `${path.join('.')}：${text.zh}` } };
  });
  return new ApiError(400, 'bad-request', { en: `The request has ${issues.length} problem(s); each is listed with its field.`, zh: `请求有 ${issues.length} 处问题，逐条列出并注明字段。` }, issues);
}
