/**
 * The API client every page uses: same-origin requests with the session cookie, the CSRF token on every
 * change, and the API's one error body turned into an `ApiFailure` whose message and issues are shown in
 * the user's language. Nothing here retries or hides an error.
 */

export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export interface ApiIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: Bilingual;
  readonly document?: { readonly kind: string; readonly id: string };
  readonly [detail: string]: unknown;
}

/** A refused or failed request: the status, the API's code, its bilingual message and issues. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly bilingual: Bilingual,
    readonly issues: readonly ApiIssue[] = [],
    readonly current?: unknown,
  ) {
    super(bilingual.en);
    this.name = 'ApiFailure';
  }
}

let csrf: string | null = null;

/** The session's CSRF token (from sign-in or /api/me): sent with every change. */
export const setCsrfToken = (token: string | null): void => {
  csrf = token;
};

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  /** Raw bytes (an upload), sent as they are with this content type. */
  readonly raw?: { readonly bytes: Blob | ArrayBuffer; readonly type: string };
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

export interface ApiResponse<T> {
  readonly status: number;
  readonly data: T;
  readonly headers: Headers;
}

async function failure(response: Response): Promise<ApiFailure> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not the API's JSON (a proxy's page): described below by its status.
  }
  const error = (body as { error?: { code?: string; message?: Bilingual; issues?: ApiIssue[]; current?: unknown } } | null)?.error;
  if (error?.code && error.message) return new ApiFailure(response.status, error.code, error.message, error.issues ?? [], error.current);
  return new ApiFailure(response.status, 'http', { en: `The server answered ${response.status} ${response.statusText}.`, zh: `服务器返回 ${response.status} ${response.statusText}。` });
}

/** One request; resolves with the parsed body (JSON, or text for other types), rejects with `ApiFailure`. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['content-type'] = options.raw.type;
    body = options.raw.bytes;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure(0, 'network', { en: 'The server cannot be reached.', zh: '无法连接服务器。' });
  }
  if (!response.ok) throw await failure(response);
  const type = response.headers.get('content-type') ?? '';
  const data = response.status === 204 ? null : type.includes('json') ? await response.json() : type.startsWith('text/') ? await response.text() : await response.blob();
  return { status: response.status, data: data as T, headers: response.headers };
}

export const get = async <T>(path: string, signal?: AbortSignal): Promise<T> => (await request<T>(path, signal ? { signal } : {})).data;
export const post = async <T>(path: string, body?: unknown): Promise<T> => (await request<T>(path, { method: 'POST', body })).data;
export const put = async <T>(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>> => request<T>(path, { method: 'PUT', body, ...(headers ? { headers } : {}) });
export const del = async <T>(path: string): Promise<T> => (await request<T>(path, { method: 'DELETE' })).data;

/** A list endpoint's every page (`{ items, next }`), for the small lists a page shows whole. */
export async function all<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: { items: T[]; next: string | null } = await get(`${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, signal);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}
