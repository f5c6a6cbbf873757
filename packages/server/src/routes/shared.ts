import { z } from 'zod';
import { ApiError } from '../errors.ts';

/** `?limit=&cursor=`: at most 200 a page (the store's limit), 50 when not given. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional().describe('items per page, 1–200 (default 50)'),
  cursor: z.string().min(1).max(512).optional().describe('the `next` of the previous page'),
}).strict();

export const idParams = z.object({ id: z.uuid() }).strict();

/** A version number in a path or a query: a positive integer. */
export const versionNumber = z.coerce.number().int().min(1).max(2_147_483_647);

/**
 * The version an `If-Match` header names: `"<version>"` as the ETag gave it (or W/"…", or bare digits).
 * Missing: 428, since a write without it could overwrite a change the client never saw.
 */
export function expectedVersion(ifMatch: string | string[] | undefined): number {
  if (ifMatch === undefined) {
    throw new ApiError(428, 'precondition-required', {
      en: 'Send If-Match with the ETag of the version you edited (GET the document first).',
      zh: '请在 If-Match 中给出您所修改版本的 ETag（先 GET 该文档）。',
    });
  }
  const text = Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch;
  const match = /^\s*(?:W\/)?"?(\d{1,10})"?\s*$/.exec(text);
  if (!match) {
    throw new ApiError(400, 'bad-request', { en: `If-Match must be a version ETag such as "3"; got ${JSON.stringify(text)}.`, zh: `If-Match 应为版本 ETag，如 "3"；收到 ${JSON.stringify(text)}。` }, [
      { path: ['headers', 'if-match'], code: 'invalid_format', message: { en: 'expected "<version>"', zh: '应为 "<版本号>"' } },
    ]);
  }
  return Number(match[1]);
}

export const etag = (version: number): string => `"${version}"`;

/** Every page of a paged store listing. */
export async function allPages<T>(list: (cursor: string | undefined) => Promise<{ items: readonly T[]; next?: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return items;
}
