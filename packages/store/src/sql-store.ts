import { auditFromRow, verifyChain } from './audit.ts';
import type { StoreContext } from './context.ts';
import type { Database } from './db.ts';
import * as docs from './documents.ts';
import * as entities from './entities.ts';
import { identityOf, requireAdmin } from './guard.ts';
import { selectPage } from './paging.ts';
import * as results from './results.ts';
import type { Actor, AuditRecord, AuditVerdict, Page, PageRequest, Store } from './store.ts';
import * as users from './users.ts';

/**
 * The Store over either database: the same SQL on PGlite and PostgreSQL. Each part lives in its own
 * module (users, entities, documents, results); this class only binds them to one database and clock.
 */
export class SqlStore implements Store {
  readonly kind: 'pglite' | 'postgres';
  readonly #ctx: StoreContext;

  constructor(
    readonly database: Database,
    now: () => string = () => new Date().toISOString(),
  ) {
    this.kind = database.kind;
    this.#ctx = { db: database, now };
  }

  close(): Promise<void> {
    return this.database.close();
  }

  createUser: Store['createUser'] = (actor, user) => users.createUser(this.#ctx, actor, user);
  userByEmail: Store['userByEmail'] = (email) => users.userByEmail(this.#ctx, email);
  userById: Store['userById'] = (id) => users.userById(this.#ctx, id);
  setPasswordHash: Store['setPasswordHash'] = (actor, userId, hash) => users.setPasswordHash(this.#ctx, actor, userId, hash);
  countUsers: Store['countUsers'] = () => users.countUsers(this.#ctx);
  createSession: Store['createSession'] = (userId, tokenHash, expiresAt) => users.createSession(this.#ctx, userId, tokenHash, expiresAt);
  sessionByHash: Store['sessionByHash'] = (tokenHash, now) => users.sessionByHash(this.#ctx, tokenHash, now);
  deleteSession: Store['deleteSession'] = (tokenHash) => users.deleteSession(this.#ctx, tokenHash);
  createApiToken: Store['createApiToken'] = (actor, name, tokenHash) => users.createApiToken(this.#ctx, actor, name, tokenHash);
  apiTokenByHash: Store['apiTokenByHash'] = (tokenHash) => users.apiTokenByHash(this.#ctx, tokenHash);
  revokeApiToken: Store['revokeApiToken'] = (actor, id) => users.revokeApiToken(this.#ctx, actor, id);
  auditSignIn: Store['auditSignIn'] = (userId, email, ok) => users.auditSignIn(this.#ctx, userId, email, ok);

  createNetwork: Store['createNetwork'] = (actor, network) => entities.createNetwork(this.#ctx, actor, network);
  listNetworks: Store['listNetworks'] = (actor, page) => entities.listNetworks(this.#ctx, actor, page);
  addMember: Store['addMember'] = (actor, networkId, entityId) => entities.addMember(this.#ctx, actor, networkId, entityId);
  networkMembers: Store['networkMembers'] = (actor, networkId, page) => entities.networkMembers(this.#ctx, actor, networkId, page);
  createEntity: Store['createEntity'] = (actor, entity) => entities.createEntity(this.#ctx, actor, entity);
  entity: Store['entity'] = (actor, id) => entities.entity(this.#ctx, actor, id);
  entityBySlug: Store['entityBySlug'] = (actor, slug) => entities.entityBySlug(this.#ctx, actor, slug);
  listEntities: Store['listEntities'] = (actor, page) => entities.listEntities(this.#ctx, actor, page);
  setClusterMembers: Store['setClusterMembers'] = (actor, clusterId, memberIds) => entities.setClusterMembers(this.#ctx, actor, clusterId, memberIds);
  clusterMembers: Store['clusterMembers'] = (actor, clusterId) => entities.clusterMembers(this.#ctx, actor, clusterId);
  grant: Store['grant'] = (actor, grant) => entities.grant(this.#ctx, actor, grant);
  revoke: Store['revoke'] = (actor, grant) => entities.revoke(this.#ctx, actor, grant);
  grantsOf: Store['grantsOf'] = (actor, userId) => entities.grantsOf(this.#ctx, actor, userId);

  createDocument: Store['createDocument'] = (actor, input) => docs.createDocument(this.#ctx, actor, input);
  documents: Store['documents'] = (actor, entityId, page) => docs.documents(this.#ctx, actor, entityId, page);
  document: Store['document'] = (actor, id) => docs.document(this.#ctx, actor, id);
  version: Store['version'] = (actor, documentId, version) => docs.version(this.#ctx, actor, documentId, version);
  versions: Store['versions'] = (actor, documentId, page) => docs.versions(this.#ctx, actor, documentId, page);
  saveVersion: Store['saveVersion'] = (actor, documentId, input) => docs.saveVersion(this.#ctx, actor, documentId, input);
  restoreVersion: Store['restoreVersion'] = (actor, documentId, input) => docs.restoreVersion(this.#ctx, actor, documentId, input);
  publish: Store['publish'] = (actor, documentId, version) => docs.publish(this.#ctx, actor, documentId, version);
  addComment: Store['addComment'] = (actor, documentId, version, text) => docs.addComment(this.#ctx, actor, documentId, version, text);
  comments: Store['comments'] = (actor, documentId, page) => docs.comments(this.#ctx, actor, documentId, page);

  cachedResult: Store['cachedResult'] = (documentId, version, engineVersion, kind) => results.cachedResult(this.#ctx, documentId, version, engineVersion, kind);
  cacheResult: Store['cacheResult'] = (documentId, version, engineVersion, kind, result) => results.cacheResult(this.#ctx, documentId, version, engineVersion, kind, result);
  createJob: Store['createJob'] = (actor, input) => results.createJob(this.#ctx, actor, input);
  updateJob: Store['updateJob'] = (id, change) => results.updateJob(this.#ctx, id, change);
  job: Store['job'] = (actor, id) => results.job(this.#ctx, actor, id);
  jobs: Store['jobs'] = (actor, documentId, options) => results.jobs(this.#ctx, actor, documentId, options);

  async audit(actor: Actor, page?: PageRequest): Promise<Page<AuditRecord>> {
    requireAdmin(actor, '查看审计记录', 'read the audit trail');
    return this.database.transaction(identityOf(actor), (tx) => selectPage(tx, '*', 'FROM audit_log', [], 'seq DESC', page, auditFromRow), { readOnly: true });
  }

  /** In one REPEATABLE READ snapshot, so appends running meanwhile do not make the chain look broken. */
  verifyAudit(): Promise<AuditVerdict> {
    return this.database.transaction('system', verifyChain, { isolation: 'repeatable read', readOnly: true });
  }
}
