import { toNumber, type Queryable, type Row } from './db.ts';
import { StoreError, type Page, type PageRequest } from './store.ts';
import { bilingual } from './messages.ts';

/**
 * Pages of a list. The cursor is the offset of the next page, opaque to clients (base64url of JSON),
 * so the paging scheme can change without changing the API.
 */
export interface PageWindow {
  readonly limit: number;
  readonly offset: number;
}

export function pageWindow(request: PageRequest | undefined): PageWindow {
  const limit = request?.limit ?? 50;
  const problems: string[] = [];
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) problems.push(bilingual(`limit 应为 1–200 的整数，收到 ${String(limit)}`, `limit: expected an integer from 1 to 200, got ${String(limit)}`));
  let offset = 0;
  if (request?.cursor !== undefined) {
    offset = decodeCursor(request.cursor) ?? -1;
    if (offset < 0) problems.push(bilingual('cursor 无效：请使用上一页返回的 next', 'cursor: not a cursor this store gave out; pass the previous page\'s next'));
  }
  if (problems.length > 0) throw new StoreError('invalid', problems.join('\n'));
  return { limit, offset };
}

function decodeCursor(cursor: string): number | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    return typeof value.o === 'number' && Number.isSafeInteger(value.o) && value.o >= 0 ? value.o : null;
  } catch {
    return null;
  }
}

const encodeCursor = (offset: number): string => Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');

/**
 * One page of `from` (a FROM … WHERE … clause with its parameters), ordered by `orderBy`, mapped by `map`.
 */
export async function selectPage<T>(tx: Queryable, select: string, from: string, params: readonly unknown[], orderBy: string, request: PageRequest | undefined, map: (row: Row) => T): Promise<Page<T>> {
  const window = pageWindow(request);
  const n = params.length;
  const rows = await tx.query(`SELECT ${select} ${from} ORDER BY ${orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, window.limit, window.offset]);
  const [count] = await tx.query<{ total: unknown }>(`SELECT count(*) AS total ${from}`, params);
  const total = toNumber(count?.total ?? 0);
  const nextOffset = window.offset + rows.length;
  return { items: rows.map(map), next: nextOffset < total && rows.length > 0 ? encodeCursor(nextOffset) : null, total };
}
