/** Database rows to the store's records: snake_case to camelCase, bigint and times normalised. */
import { toIso, toIsoOrNull, toNumber, type Row } from './db.ts';
import type { Comment, DocumentVersion, Entity, EntityKind, Job, Network, NetworkKind, StoredDocument, StoredDocumentKind, User } from './store.ts';

const text = (row: Row, key: string): string => row[key] as string;
const textOrNull = (row: Row, key: string): string | null => (row[key] as string | null) ?? null;
const numberOrNull = (row: Row, key: string): number | null => (row[key] === null || row[key] === undefined ? null : toNumber(row[key]));

export const userFromRow = (row: Row): User => ({
  id: text(row, 'id'),
  email: text(row, 'email'),
  name: text(row, 'name'),
  admin: row['admin'] === true,
  createdAt: toIso(row['created_at']),
  disabled: row['disabled'] === true,
});

export const networkFromRow = (row: Row): Network => ({
  id: text(row, 'id'),
  slug: text(row, 'slug'),
  kind: text(row, 'kind') as NetworkKind,
  name: text(row, 'name'),
  nameZh: textOrNull(row, 'name_zh'),
});

export const entityFromRow = (row: Row): Entity => ({
  id: text(row, 'id'),
  slug: text(row, 'slug'),
  kind: text(row, 'kind') as EntityKind,
  name: text(row, 'name'),
  nameZh: textOrNull(row, 'name_zh'),
  country: text(row, 'country'),
  parentId: textOrNull(row, 'parent_id'),
  createdAt: toIso(row['created_at']),
});

export const documentFromRow = (row: Row): StoredDocument => ({
  id: text(row, 'id'),
  entityId: text(row, 'entity_id'),
  kind: text(row, 'kind') as StoredDocumentKind,
  name: text(row, 'name'),
  currentVersion: toNumber(row['current_version']),
  publishedVersion: numberOrNull(row, 'published_version'),
  createdAt: toIso(row['created_at']),
  updatedAt: toIso(row['updated_at']),
});

export const versionMetaFromRow = (row: Row): Omit<DocumentVersion, 'body'> => ({
  documentId: text(row, 'document_id'),
  version: toNumber(row['version']),
  authorId: text(row, 'author_id'),
  createdAt: toIso(row['created_at']),
  comment: text(row, 'comment'),
  bodyHash: text(row, 'body_hash'),
  restoredFrom: numberOrNull(row, 'restored_from'),
});

export const versionFromRow = (row: Row): DocumentVersion => ({ ...versionMetaFromRow(row), body: row['body'] });

export const commentFromRow = (row: Row): Comment => ({
  id: text(row, 'id'),
  documentId: text(row, 'document_id'),
  version: toNumber(row['version']),
  authorId: text(row, 'author_id'),
  text: text(row, 'text'),
  createdAt: toIso(row['created_at']),
});

export const jobFromRow = (row: Row): Job => ({
  id: text(row, 'id'),
  kind: text(row, 'kind') as Job['kind'],
  documentId: text(row, 'document_id'),
  version: toNumber(row['version']),
  status: text(row, 'status') as Job['status'],
  progress: toNumber(row['progress']),
  result: row['result'] ?? null,
  error: textOrNull(row, 'error'),
  createdBy: text(row, 'created_by'),
  createdAt: toIso(row['created_at']),
  finishedAt: toIsoOrNull(row['finished_at']),
});
