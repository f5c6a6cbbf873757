/**
 * The workspace store: one interface, two implementations (embedded PGlite in a data folder, PostgreSQL
 * by URL) over one schema and one migrations folder. The server and the CLI see only this interface.
 *
 * Every call that reads or changes a city's records takes the `Actor` making it and checks access here
 * (`access.ts`, the one place the rules live); in PostgreSQL, row-level security is the second line.
 * Every change is written with its audit record in one transaction. Ids are UUID strings; times are
 * ISO 8601 strings (UTC); versions and audit sequence numbers are numbers on both databases.
 */

/** Roles a user holds on an entity or a network. `admin` is a user flag; `public` is no sign-in at all. */
export type GrantRole = 'editor' | 'viewer' | 'coordinator';
export type EntityKind = 'city' | 'district' | 'park' | 'community' | 'cluster';
export type NetworkKind = 'network' | 'programme';
export type StoredDocumentKind = 'inventory' | 'pathway' | 'plan' | 'tracking' | 'cluster' | 'district';

/** Who is asking: a signed-in user (with admin flag), or the public. */
export type Actor = { readonly kind: 'user'; readonly userId: string; readonly admin: boolean } | { readonly kind: 'public' };

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly admin: boolean;
  readonly createdAt: string;
  readonly disabled: boolean;
}

export interface Network {
  readonly id: string;
  readonly slug: string;
  readonly kind: NetworkKind;
  readonly name: string;
  readonly nameZh: string | null;
}

export interface Entity {
  readonly id: string;
  readonly slug: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly nameZh: string | null;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** The city a district, park or community belongs to. */
  readonly parentId: string | null;
  readonly createdAt: string;
}

export interface Grant {
  readonly userId: string;
  readonly role: GrantRole;
  /** Exactly one of the two. */
  readonly entityId: string | null;
  readonly networkId: string | null;
}

export interface StoredDocument {
  readonly id: string;
  readonly entityId: string;
  readonly kind: StoredDocumentKind;
  /** Unique within the entity and kind, e.g. "2022", "baseline". */
  readonly name: string;
  readonly currentVersion: number;
  /** The version the public sees, if any. */
  readonly publishedVersion: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DocumentVersion {
  readonly documentId: string;
  readonly version: number;
  /** The document as the engine reads it (parsed JSON). */
  readonly body: unknown;
  readonly authorId: string;
  readonly createdAt: string;
  readonly comment: string;
  /** SHA-256 of the canonical JSON of the body. */
  readonly bodyHash: string;
  /** The version this one restored, when it is a restore. */
  readonly restoredFrom: number | null;
}

export interface Comment {
  readonly id: string;
  readonly documentId: string;
  readonly version: number;
  readonly authorId: string;
  readonly text: string;
  readonly createdAt: string;
}

export interface AuditRecord {
  readonly seq: number;
  readonly at: string;
  /** Null for the system (seeding, migrations) and failed sign-ins of unknown users. */
  readonly actorId: string | null;
  /** e.g. "document.save", "document.restore", "user.sign-in", "user.sign-in-failed", "grant.add". */
  readonly action: string;
  /** What it acted on: "document:<id>@<version>", "entity:<id>", "user:<id>". */
  readonly target: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
}

/** How a chain breaks: a record missing, a link to the wrong hash, fields changed since hashed, records cut from the end. */
export type AuditFault = 'missing' | 'link' | 'hash' | 'truncated';
export type AuditVerdict =
  | { readonly ok: true; readonly records: number; readonly head: string }
  | { readonly ok: false; readonly records: number; readonly brokenAt: number; readonly fault: AuditFault; readonly reason: string };

export interface Session {
  readonly userId: string;
  readonly expiresAt: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export interface Job {
  readonly id: string;
  readonly kind: 'monte-carlo' | 'plan';
  readonly documentId: string;
  readonly version: number;
  readonly status: JobStatus;
  /** 0–1. */
  readonly progress: number;
  readonly result: unknown;
  readonly error: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; absent on the last page. */
  readonly next: string | null;
  readonly total: number;
}

export interface PageRequest {
  /** 1–200; default 50. */
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** Thrown by the store; the server maps `code` to a status (404, 403, 409, 412, 400). */
export class StoreError extends Error {
  constructor(
    readonly code: 'not-found' | 'forbidden' | 'conflict' | 'version-conflict' | 'invalid' | 'locked' | 'unsafe-role',
    message: string,
    /** For `version-conflict`: the current version, so the client can reload and retry. */
    readonly current?: StoredDocument,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  /** Closes the database and releases the data folder's lock. */
  close(): Promise<void>;

  // Users and sign-in (the server hashes passwords; the store keeps hashes only).
  createUser(actor: Actor, user: { email: string; name: string; passwordHash: string; admin?: boolean }): Promise<User>;
  userByEmail(email: string): Promise<(User & { readonly passwordHash: string }) | null>;
  userById(id: string): Promise<User | null>;
  setPasswordHash(actor: Actor, userId: string, passwordHash: string): Promise<void>;
  countUsers(): Promise<number>;
  /** Session ids and API tokens are stored as SHA-256 hashes only. */
  createSession(userId: string, tokenHash: string, expiresAt: string): Promise<void>;
  sessionByHash(tokenHash: string, now: string): Promise<Session | null>;
  deleteSession(tokenHash: string): Promise<void>;
  createApiToken(actor: Actor, name: string, tokenHash: string): Promise<{ id: string }>;
  apiTokenByHash(tokenHash: string): Promise<{ id: string; userId: string } | null>;
  revokeApiToken(actor: Actor, id: string): Promise<void>;
  /** Records a sign-in or failed sign-in in the audit chain. */
  auditSignIn(userId: string | null, email: string, ok: boolean): Promise<void>;

  // Networks, entities, memberships, grants.
  createNetwork(actor: Actor, network: Omit<Network, 'id'>): Promise<Network>;
  listNetworks(actor: Actor, page?: PageRequest): Promise<Page<Network>>;
  addMember(actor: Actor, networkId: string, entityId: string): Promise<void>;
  networkMembers(actor: Actor, networkId: string, page?: PageRequest): Promise<Page<Entity>>;
  createEntity(actor: Actor, entity: Omit<Entity, 'id' | 'createdAt'>): Promise<Entity>;
  entity(actor: Actor, id: string): Promise<Entity>;
  entityBySlug(actor: Actor, slug: string): Promise<Entity>;
  /** The entities the actor may read (public: those with a published document). */
  listEntities(actor: Actor, page?: PageRequest): Promise<Page<Entity>>;
  setClusterMembers(actor: Actor, clusterId: string, memberIds: readonly string[]): Promise<void>;
  clusterMembers(actor: Actor, clusterId: string): Promise<readonly Entity[]>;
  grant(actor: Actor, grant: Grant): Promise<void>;
  revoke(actor: Actor, grant: Grant): Promise<void>;
  grantsOf(actor: Actor, userId: string): Promise<readonly Grant[]>;

  // Documents and versions.
  createDocument(actor: Actor, input: { entityId: string; kind: StoredDocumentKind; name: string; body: unknown; comment: string }): Promise<{ document: StoredDocument; version: DocumentVersion }>;
  documents(actor: Actor, entityId: string, page?: PageRequest): Promise<Page<StoredDocument>>;
  document(actor: Actor, id: string): Promise<StoredDocument>;
  /** The current version when `version` is absent; the public reads the published version only. */
  version(actor: Actor, documentId: string, version?: number): Promise<DocumentVersion>;
  versions(actor: Actor, documentId: string, page?: PageRequest): Promise<Page<Omit<DocumentVersion, 'body'>>>;
  /**
   * A new immutable version, if `expectedVersion` is still the current one; otherwise StoreError
   * 'version-conflict' carrying the current document. The audit record is written in the same transaction,
   * and on PGlite the write is flushed to disk before this resolves.
   */
  saveVersion(actor: Actor, documentId: string, input: { expectedVersion: number; body: unknown; comment: string }): Promise<DocumentVersion>;
  /** A new version whose body is that of `version` (nothing is ever deleted). */
  restoreVersion(actor: Actor, documentId: string, input: { expectedVersion: number; version: number; comment: string }): Promise<DocumentVersion>;
  publish(actor: Actor, documentId: string, version: number): Promise<void>;
  addComment(actor: Actor, documentId: string, version: number, text: string): Promise<Comment>;
  comments(actor: Actor, documentId: string, page?: PageRequest): Promise<Page<Comment>>;

  // Results cached by document version and engine version: never stale, since versions are immutable.
  cachedResult(documentId: string, version: number, engineVersion: string, kind: string): Promise<unknown>;
  cacheResult(documentId: string, version: number, engineVersion: string, kind: string, result: unknown): Promise<void>;

  // Jobs (Monte Carlo, optimisation): rows so that any server process can report them.
  createJob(actor: Actor, input: { kind: Job['kind']; documentId: string; version: number }): Promise<Job>;
  updateJob(id: string, change: { status?: JobStatus; progress?: number; result?: unknown; error?: string | null }): Promise<Job>;
  job(actor: Actor, id: string): Promise<Job>;
  /** A document's jobs, newest first, without their results (`job` has each): `limit` 1–50, default 10. */
  jobs(actor: Actor, documentId: string, options?: { kind?: Job['kind']; limit?: number }): Promise<Omit<Job, 'result'>[]>;

  // Audit.
  audit(actor: Actor, page?: PageRequest): Promise<Page<AuditRecord>>;
  verifyAudit(): Promise<AuditVerdict>;
}
