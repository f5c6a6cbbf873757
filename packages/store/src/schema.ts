/**
 * The workspace's one schema (drizzle-orm), the source of the migrations in `packages/store/drizzle/`
 * (`npx drizzle-kit generate` from packages/store). Row-level security policies, their helper
 * functions and the audit head's single row are in a custom migration beside the generated one, since
 * they are SQL the schema builder does not express.
 *
 * Times are timestamptz written from the store's clock in milliseconds, so they read back exactly
 * (the audit chain hashes them). Bodies and details are jsonb; hashes are over canonical JSON, so
 * jsonb's key order does not matter.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  admin: boolean('admin').notNull(),
  disabled: boolean('disabled').notNull(),
  createdAt: at('created_at').notNull(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  expiresAt: at('expires_at').notNull(),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: at('created_at').notNull(),
  revokedAt: at('revoked_at'),
});

export const networks = pgTable('networks', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  nameZh: text('name_zh'),
});

export const entities = pgTable(
  'entities',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    nameZh: text('name_zh'),
    country: text('country').notNull(),
    parentId: uuid('parent_id'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('entities_parent').on(t.parentId)],
);

export const networkMembers = pgTable(
  'network_members',
  {
    networkId: uuid('network_id').notNull().references(() => networks.id),
    entityId: uuid('entity_id').notNull().references(() => entities.id),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.entityId] }), index('network_members_entity').on(t.entityId)],
);

export const clusterMembers = pgTable(
  'cluster_members',
  {
    clusterId: uuid('cluster_id').notNull().references(() => entities.id),
    memberId: uuid('member_id').notNull().references(() => entities.id),
  },
  (t) => [primaryKey({ columns: [t.clusterId, t.memberId] }), index('cluster_members_member').on(t.memberId)],
);

export const grants = pgTable(
  'grants',
  {
    userId: uuid('user_id').notNull().references(() => users.id),
    role: text('role').notNull(),
    entityId: uuid('entity_id').references(() => entities.id),
    networkId: uuid('network_id').references(() => networks.id),
  },
  (t) => [
    unique('grants_once').on(t.userId, t.role, t.entityId, t.networkId).nullsNotDistinct(),
    check('grants_one_target', sql`(${t.entityId} IS NULL) <> (${t.networkId} IS NULL)`),
    index('grants_user').on(t.userId),
  ],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id').notNull().references(() => entities.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    currentVersion: integer('current_version').notNull(),
    publishedVersion: integer('published_version'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [unique('documents_name').on(t.entityId, t.kind, t.name)],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    documentId: uuid('document_id').notNull().references(() => documents.id),
    version: integer('version').notNull(),
    body: jsonb('body').notNull(),
    authorId: uuid('author_id').notNull().references(() => users.id),
    createdAt: at('created_at').notNull(),
    comment: text('comment').notNull(),
    bodyHash: text('body_hash').notNull(),
    restoredFrom: integer('restored_from'),
  },
  // The author index serves the foreign key (a user's removal checks it) and "what did this person change".
  (t) => [primaryKey({ columns: [t.documentId, t.version] }), index('document_versions_author').on(t.authorId)],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey(),
    documentId: uuid('document_id').notNull().references(() => documents.id),
    version: integer('version').notNull(),
    authorId: uuid('author_id').notNull().references(() => users.id),
    text: text('text').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('comments_document').on(t.documentId)],
);

export const resultCache = pgTable(
  'result_cache',
  {
    documentId: uuid('document_id').notNull().references(() => documents.id),
    version: integer('version').notNull(),
    engineVersion: text('engine_version').notNull(),
    kind: text('kind').notNull(),
    result: jsonb('result').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.version, t.engineVersion, t.kind] })],
);

export const jobs = pgTable('jobs', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  documentId: uuid('document_id').notNull().references(() => documents.id),
  version: integer('version').notNull(),
  status: text('status').notNull(),
  progress: doublePrecision('progress').notNull(),
  result: jsonb('result'),
  error: text('error'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: at('created_at').notNull(),
  finishedAt: at('finished_at'),
}, (t) => [index('jobs_document').on(t.documentId), index('jobs_created_by').on(t.createdBy)]);

/** Append-only; the app role may not UPDATE or DELETE it (setup-postgres.ts). */
export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: at('at').notNull(),
  actorId: uuid('actor_id'),
  action: text('action').notNull(),
  target: text('target').notNull(),
  detail: jsonb('detail').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** One row: the chain's last seq and hash. Appends lock it (SELECT … FOR UPDATE), which serialises them. */
export const auditHead = pgTable(
  'audit_head',
  {
    id: smallint('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('audit_head_one_row', sql`${t.id} = 1`)],
);
