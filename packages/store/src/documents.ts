import { randomUUID } from 'node:crypto';
import type { AccessAction } from './access.ts';
import { appendAudit } from './audit.ts';
import { bodyHash } from './canonical.ts';
import type { StoreContext } from './context.ts';
import type { Queryable } from './db.ts';
import { identityOf, isUuid, notFound, requireAccess, requireUser, type Access } from './guard.ts';
import { bilingual } from './messages.ts';
import { selectPage } from './paging.ts';
import { commentFromRow, documentFromRow, versionFromRow, versionMetaFromRow } from './rows.ts';
import { StoreError, type Actor, type Comment, type DocumentVersion, type Page, type PageRequest, type StoredDocument, type StoredDocumentKind } from './store.ts';
import { Problems } from './validate.ts';

/**
 * Documents and their versions. Every save is a new immutable version (author, time, comment, body
 * hash), accepted only if the caller saw the current version (`expectedVersion`): the UPDATE that moves
 * current_version is conditional on it, so of two writers who saw the same version exactly one wins,
 * on both databases, and the other gets 'version-conflict' with the current document.
 */
const KINDS: readonly StoredDocumentKind[] = ['inventory', 'pathway', 'plan', 'tracking', 'cluster', 'district'];

/** The document, if the actor may do `action` to its entity; drafts hidden from those who read only published versions. */
export async function loadDocument(tx: Queryable, actor: Actor, id: string, action: AccessAction): Promise<{ document: StoredDocument; access: Access }> {
  const [row] = isUuid(id) ? await tx.query('SELECT * FROM documents WHERE id = $1', [id]) : [];
  if (row === undefined) throw notFound('document', id);
  const document = documentFromRow(row);
  let access: Access;
  try {
    access = await requireAccess(tx, actor, action, document.entityId);
  } catch (error) {
    // Not finding the entity means not finding the document, whose id then reveals nothing.
    if (error instanceof StoreError && error.code === 'not-found') throw notFound('document', id);
    throw error;
  }
  if (!access.drafts && document.publishedVersion === null) throw notFound('document', id);
  return { document, access };
}

export async function createDocument(ctx: StoreContext, actor: Actor, input: { entityId: string; kind: StoredDocumentKind; name: string; body: unknown; comment: string }): Promise<{ document: StoredDocument; version: DocumentVersion }> {
  requireUser(actor);
  const problems = new Problems();
  problems.oneOf('kind', input.kind, KINDS);
  problems.text('name', input.name, { max: 100 });
  problems.text('comment', input.comment, { max: 2000, allowEmpty: true });
  problems.json('body', input.body);
  problems.throwIfAny();
  return ctx.db.transaction(identityOf(actor), async (tx) => {
    await requireAccess(tx, actor, 'write', input.entityId);
    // A district file describes a city and its parts: only a city holds one (docs/districts.md).
    if (input.kind === 'district') {
      const [entity] = await tx.query<{ kind: string }>('SELECT kind FROM entities WHERE id = $1', [input.entityId]);
      if (entity?.kind !== 'city') throw new StoreError('invalid', bilingual(`kind：区县园区文档只能属于城市（kind: city），该实体为 ${entity?.kind ?? '—'}`, `kind: a district document belongs to a city (kind: city); this entity is a ${entity?.kind ?? '—'}`));
    }
    if ((await tx.query('SELECT 1 FROM documents WHERE entity_id = $1 AND kind = $2 AND name = $3', [input.entityId, input.kind, input.name])).length > 0) {
      throw new StoreError('conflict', bilingual(`name：该实体已有名为 ${input.name} 的${input.kind}文档`, `name: the entity already has a ${input.kind} document named ${input.name}`));
    }
    const id = randomUUID();
    const at = ctx.now();
    const [row] = await tx.query('INSERT INTO documents (id, entity_id, kind, name, current_version, published_version, created_at, updated_at) VALUES ($1, $2, $3, $4, 1, NULL, $5, $5) RETURNING *', [id, input.entityId, input.kind, input.name, at]);
    const version = await insertVersion(tx, actor.userId, { documentId: id, version: 1, body: input.body, comment: input.comment, restoredFrom: null, at, action: 'document.create' });
    return { document: documentFromRow(row!), version };
  });
}

export function documents(ctx: StoreContext, actor: Actor, entityId: string, page?: PageRequest): Promise<Page<StoredDocument>> {
  return ctx.db.transaction(
    identityOf(actor),
    async (tx) => {
      const access = await requireAccess(tx, actor, 'read', entityId);
      const published = access.drafts ? '' : ' AND published_version IS NOT NULL';
      return selectPage(tx, '*', `FROM documents WHERE entity_id = $1${published}`, [entityId], 'kind, name', page, documentFromRow);
    },
    { readOnly: true },
  );
}

export function document(ctx: StoreContext, actor: Actor, id: string): Promise<StoredDocument> {
  return ctx.db.transaction(identityOf(actor), async (tx) => (await loadDocument(tx, actor, id, 'read')).document, { readOnly: true });
}

export function version(ctx: StoreContext, actor: Actor, documentId: string, wanted?: number): Promise<DocumentVersion> {
  return ctx.db.transaction(
    identityOf(actor),
    async (tx) => {
      const { document, access } = await loadDocument(tx, actor, documentId, 'read');
      const number = wanted ?? (access.drafts ? document.currentVersion : document.publishedVersion!);
      if (!access.drafts && number !== document.publishedVersion) throw notFound('version', `${documentId}@${number}`);
      const [row] = await tx.query('SELECT * FROM document_versions WHERE document_id = $1 AND version = $2', [documentId, number]);
      if (row === undefined) throw notFound('version', `${documentId}@${number}`);
      return versionFromRow(row);
    },
    { readOnly: true },
  );
}

export function versions(ctx: StoreContext, actor: Actor, documentId: string, page?: PageRequest): Promise<Page<Omit<DocumentVersion, 'body'>>> {
  return ctx.db.transaction(
    identityOf(actor),
    async (tx) => {
      const { document, access } = await loadDocument(tx, actor, documentId, 'read');
      const where = access.drafts ? 'document_id = $1' : 'document_id = $1 AND version = $2';
      const params = access.drafts ? [documentId] : [documentId, document.publishedVersion];
      const columns = 'document_id, version, author_id, created_at, comment, body_hash, restored_from';
      return selectPage(tx, columns, `FROM document_versions WHERE ${where}`, params, 'version DESC', page, versionMetaFromRow);
    },
    { readOnly: true },
  );
}

export async function saveVersion(ctx: StoreContext, actor: Actor, documentId: string, input: { expectedVersion: number; body: unknown; comment: string }): Promise<DocumentVersion> {
  requireUser(actor);
  const problems = new Problems();
  problems.positiveInteger('expectedVersion', input.expectedVersion);
  problems.text('comment', input.comment, { max: 2000, allowEmpty: true });
  problems.json('body', input.body);
  problems.throwIfAny();
  return ctx.db.transaction(identityOf(actor), async (tx) => {
    await loadDocument(tx, actor, documentId, 'write');
    const next = await advance(ctx, tx, documentId, input.expectedVersion);
    return insertVersion(tx, actor.userId, { documentId, version: next.version, body: input.body, comment: input.comment, restoredFrom: null, at: next.at, action: 'document.save' });
  });
}

export async function restoreVersion(ctx: StoreContext, actor: Actor, documentId: string, input: { expectedVersion: number; version: number; comment: string }): Promise<DocumentVersion> {
  requireUser(actor);
  const problems = new Problems();
  problems.positiveInteger('expectedVersion', input.expectedVersion);
  problems.positiveInteger('version', input.version);
  problems.text('comment', input.comment, { max: 2000, allowEmpty: true });
  problems.throwIfAny();
  return ctx.db.transaction(identityOf(actor), async (tx) => {
    await loadDocument(tx, actor, documentId, 'write');
    const [old] = await tx.query<{ body: unknown }>('SELECT body FROM document_versions WHERE document_id = $1 AND version = $2', [documentId, input.version]);
    if (old === undefined) throw notFound('version', `${documentId}@${input.version}`);
    const next = await advance(ctx, tx, documentId, input.expectedVersion);
    return insertVersion(tx, actor.userId, { documentId, version: next.version, body: old.body, comment: input.comment, restoredFrom: input.version, at: next.at, action: 'document.restore' });
  });
}

/** Moves current_version on by one if it is still `expected`; otherwise the conflict, with the current document. */
async function advance(ctx: StoreContext, tx: Queryable, documentId: string, expected: number): Promise<{ version: number; at: string }> {
  const at = ctx.now();
  const [row] = await tx.query('UPDATE documents SET current_version = current_version + 1, updated_at = $1 WHERE id = $2 AND current_version = $3 RETURNING current_version', [at, documentId, expected]);
  if (row !== undefined) return { version: Number(row['current_version']), at };
  const [current] = await tx.query('SELECT * FROM documents WHERE id = $1', [documentId]);
  const document = documentFromRow(current!);
  throw new StoreError(
    'version-conflict',
    bilingual(`文档 ${documentId} 已被他人修改：你基于第 ${expected} 版编辑，当前是第 ${document.currentVersion} 版。请重新载入后再保存。`, `Document ${documentId} was changed meanwhile: you edited version ${expected}, it is now at version ${document.currentVersion}. Reload it and save again.`),
    document,
  );
}

async function insertVersion(tx: Queryable, authorId: string, input: { documentId: string; version: number; body: unknown; comment: string; restoredFrom: number | null; at: string; action: string }): Promise<DocumentVersion> {
  const hash = bodyHash(input.body);
  const [row] = await tx.query(
    'INSERT INTO document_versions (document_id, version, body, author_id, created_at, comment, body_hash, restored_from) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *',
    [input.documentId, input.version, JSON.stringify(input.body), authorId, input.at, input.comment, hash, input.restoredFrom],
  );
  const detail = input.restoredFrom === null ? { bodyHash: hash, comment: input.comment } : { bodyHash: hash, comment: input.comment, restoredFrom: input.restoredFrom };
  await appendAudit(tx, { actorId: authorId, action: input.action, target: `document:${input.documentId}@${input.version}`, detail }, input.at);
  return versionFromRow(row!);
}

export async function publish(ctx: StoreContext, actor: Actor, documentId: string, number: number): Promise<void> {
  requireUser(actor);
  await ctx.db.transaction(identityOf(actor), async (tx) => {
    await loadDocument(tx, actor, documentId, 'publish');
    if ((await tx.query('SELECT 1 FROM document_versions WHERE document_id = $1 AND version = $2', [documentId, number])).length === 0) throw notFound('version', `${documentId}@${number}`);
    const at = ctx.now();
    await tx.query('UPDATE documents SET published_version = $1, updated_at = $2 WHERE id = $3', [number, at, documentId]);
    await appendAudit(tx, { actorId: actor.userId, action: 'document.publish', target: `document:${documentId}@${number}`, detail: {} }, at);
  });
}

export async function addComment(ctx: StoreContext, actor: Actor, documentId: string, number: number, text: string): Promise<Comment> {
  requireUser(actor);
  const problems = new Problems();
  problems.text('text', text, { max: 10_000 });
  problems.positiveInteger('version', number);
  problems.throwIfAny();
  return ctx.db.transaction(identityOf(actor), async (tx) => {
    await loadDocument(tx, actor, documentId, 'comment');
    if ((await tx.query('SELECT 1 FROM document_versions WHERE document_id = $1 AND version = $2', [documentId, number])).length === 0) throw notFound('version', `${documentId}@${number}`);
    const id = randomUUID();
    const at = ctx.now();
    const [row] = await tx.query('INSERT INTO comments (id, document_id, version, author_id, text, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *', [id, documentId, number, actor.userId, text, at]);
    await appendAudit(tx, { actorId: actor.userId, action: 'comment.add', target: `document:${documentId}@${number}`, detail: { commentId: id } }, at);
    return commentFromRow(row!);
  });
}

export function comments(ctx: StoreContext, actor: Actor, documentId: string, page?: PageRequest): Promise<Page<Comment>> {
  return ctx.db.transaction(
    identityOf(actor),
    async (tx) => {
      const { access } = await loadDocument(tx, actor, documentId, 'read');
      if (!access.drafts) throw new StoreError('forbidden', bilingual('评论只对能读取该实体的用户可见', 'Comments are seen only by those who may read the entity.'));
      return selectPage(tx, '*', 'FROM comments WHERE document_id = $1', [documentId], 'created_at, id', page, commentFromRow);
    },
    { readOnly: true },
  );
}
