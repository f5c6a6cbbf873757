import type { DocumentIssue } from '@peakpath/core';
import { formatIssue } from '@peakpath/core';
import { StoreError, type StoredDocument } from '@peakpath/store';

/** A message users read: every error the API returns says it in both languages. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** One problem of the request (a field of the body, the query, a path parameter) or of a stored document. */
export interface ApiIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: Bilingual;
  /** For engine issues: the stored document the problem is in (`inventory`, `pathway`, `plan`, with its id). */
  readonly document?: { readonly kind: string; readonly id: string } | undefined;
  readonly [detail: string]: unknown;
}

export type ErrorCode =
  | 'bad-request'
  | 'unauthenticated'
  | 'csrf'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'version-conflict'
  | 'precondition-required'
  | 'invalid-document'
  | 'rate-limited'
  | 'locked'
  | 'internal';

/** The one error body of the API: `{ error: { code, message: { en, zh }, issues?, current? } }`. */
export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: Bilingual;
    readonly issues?: readonly ApiIssue[] | undefined;
    readonly current?: unknown;
  };
}

/** An error a route throws on purpose: its status, code and message go to the client as they are. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly bilingual: Bilingual,
    readonly issues?: readonly ApiIssue[],
    readonly current?: unknown,
  ) {
    super(bilingual.en);
    this.name = 'ApiError';
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.bilingual, ...(this.issues ? { issues: this.issues } : {}), ...(this.current === undefined ? {} : { current: this.current }) } };
  }
}

export const unauthenticated = (): ApiError =>
  new ApiError(401, 'unauthenticated', { en: 'Sign in first (session cookie or Authorization: Bearer token).', zh: '请先登录（会话 Cookie 或 Authorization: Bearer 令牌）。' });

export const forbidden = (what: Bilingual = { en: 'You may not do this.', zh: '您无权执行此操作。' }): ApiError => new ApiError(403, 'forbidden', what);

/** 429, with how long to wait (`ttlMs`, the rate limiter's). */
export const tooManyAttempts = (ttlMs: number): ApiError =>
  new ApiError(429, 'rate-limited', { en: `Too many attempts: try again in ${Math.ceil(ttlMs / 1000)} s.`, zh: `尝试次数过多，请 ${Math.ceil(ttlMs / 1000)} 秒后再试。` });

export const notFound = (what: Bilingual): ApiError => new ApiError(404, 'not-found', what);

/** The engine's issues of a stored document: 422, each with its document, path and sentence in both languages. */
export function invalidDocument(issues: readonly DocumentIssue[]): ApiError {
  return new ApiError(
    422,
    'invalid-document',
    { en: `The document has ${issues.length} problem(s); each is listed with its path.`, zh: `文档有 ${issues.length} 处问题，逐条列出并注明位置。` },
    issues.map((issue) => ({ ...issue, path: issue.path, message: { en: formatIssue(issue, 'en'), zh: formatIssue(issue, 'zh') } })),
  );
}

/** A document in the shape the API returns it (the `current` of a 412). */
export const documentJson = (document: StoredDocument): StoredDocument => ({ ...document });

/**
 * The store's refusals as statuses: access is decided by the store (the one place of the rules), so a
 * refusal there is never a 500. `current` of a version conflict goes to the client to reload and retry.
 */
export function fromStoreError(error: StoreError): ApiError {
  // The store writes its messages Chinese first, then English, on two lines.
  const [zh = error.message, en = zh] = error.message.split('\n');
  const said = { en, zh };
  switch (error.code) {
    case 'not-found':
      return new ApiError(404, 'not-found', said);
    case 'forbidden':
      return new ApiError(403, 'forbidden', said);
    case 'unsafe-role':
      return new ApiError(403, 'forbidden', { en: `This role cannot be granted this way: ${said.en}`, zh: `不能以此方式授予该角色：${said.zh}` });
    case 'conflict':
      return new ApiError(409, 'conflict', said);
    case 'version-conflict':
      return new ApiError(
        412,
        'version-conflict',
        { en: 'The document changed since you read it: reload the current version and apply your change again.', zh: '文档在您读取后已被修改：请重新加载当前版本后再修改。' },
        undefined,
        error.current ? documentJson(error.current) : undefined,
      );
    case 'invalid':
      return new ApiError(400, 'bad-request', said);
    case 'locked':
      return new ApiError(503, 'locked', { en: `The workspace is locked: ${said.en}`, zh: `工作区被锁定：${said.zh}` });
    default: {
      const never: never = error.code;
      throw new Error(`unknown store error code ${String(never)}`);
    }
  }
}

export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreError) return fromStoreError(error);
  return undefined;
}
