import { randomUUID } from 'node:crypto';
import { appendAudit } from './audit.ts';
import type { StoreContext } from './context.ts';
import { toIso, toNumber } from './db.ts';
import { identityOf, isUuid, notFound, requireAdmin, requireUser } from './guard.ts';
import { userFromRow } from './rows.ts';
import { StoreError, type Actor, type Session, type User } from './store.ts';
import { Problems } from './validate.ts';
import { bilingual } from './messages.ts';

/** Users, sessions and API tokens. The server hashes passwords and tokens; the store never sees either. */
export async function createUser(ctx: StoreContext, actor: Actor, input: { email: string; name: string; passwordHash: string; admin?: boolean }): Promise<User> {
  const problems = new Problems();
  if (typeof input.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(input.email) || input.email.length > 254) problems.add('email', '电子邮件地址', 'an e-mail address', input.email);
  problems.text('name', input.name);
  problems.text('passwordHash', input.passwordHash, { max: 1000 });
  problems.throwIfAny();
  return ctx.db.transaction('system', async (tx) => {
    // The first user of a workspace is created before anyone can sign in: it needs no admin.
    const [count] = await tx.query<{ n: unknown }>('SELECT count(*) AS n FROM users');
    if (toNumber(count?.n ?? 0) > 0) requireAdmin(actor, '创建用户', 'create users');
    const email = input.email.toLowerCase();
    if ((await tx.query('SELECT 1 FROM users WHERE email = $1', [email])).length > 0) {
      throw new StoreError('conflict', bilingual(`email：${email} 已有账户`, `email: ${email} already has an account`));
    }
    const id = randomUUID();
    const at = ctx.now();
    const [row] = await tx.query('INSERT INTO users (id, email, name, password_hash, admin, disabled, created_at) VALUES ($1, $2, $3, $4, $5, false, $6) RETURNING *', [id, email, input.name, input.passwordHash, input.admin === true, at]);
    await appendAudit(tx, { actorId: actor.kind === 'user' ? actor.userId : null, action: 'user.create', target: `user:${id}`, detail: { email, admin: input.admin === true } }, at);
    return userFromRow(row!);
  });
}

export async function userByEmail(ctx: StoreContext, email: string): Promise<(User & { readonly passwordHash: string }) | null> {
  const rows = await ctx.db.transaction('system', (tx) => tx.query('SELECT * FROM users WHERE email = $1', [email.toLowerCase()]), { readOnly: true });
  return rows[0] === undefined ? null : { ...userFromRow(rows[0]), passwordHash: rows[0]['password_hash'] as string };
}

export async function userById(ctx: StoreContext, id: string): Promise<User | null> {
  if (!isUuid(id)) return null;
  const rows = await ctx.db.transaction('system', (tx) => tx.query('SELECT * FROM users WHERE id = $1', [id]), { readOnly: true });
  return rows[0] === undefined ? null : userFromRow(rows[0]);
}

export async function setPasswordHash(ctx: StoreContext, actor: Actor, userId: string, passwordHash: string): Promise<void> {
  requireUser(actor);
  if (actor.userId !== userId) requireAdmin(actor, '修改他人的密码', "change another user's password");
  const problems = new Problems();
  problems.text('passwordHash', passwordHash, { max: 1000 });
  problems.throwIfAny();
  await ctx.db.transaction('system', async (tx) => {
    const changed = await tx.query('UPDATE users SET password_hash = $1 WHERE id = $2 RETURNING id', [passwordHash, userId]);
    if (changed.length === 0) throw notFound('user', userId);
    // Sessions die with the old password.
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    await appendAudit(tx, { actorId: actor.userId, action: 'user.password', target: `user:${userId}`, detail: {} }, ctx.now());
  });
}

export async function countUsers(ctx: StoreContext): Promise<number> {
  const [row] = await ctx.db.transaction('system', (tx) => tx.query<{ n: unknown }>('SELECT count(*) AS n FROM users'), { readOnly: true });
  return toNumber(row?.n ?? 0);
}

export async function createSession(ctx: StoreContext, userId: string, tokenHash: string, expiresAt: string): Promise<void> {
  await ctx.db.transaction('system', (tx) => tx.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, userId, expiresAt]));
}

export async function sessionByHash(ctx: StoreContext, tokenHash: string, now: string): Promise<Session | null> {
  const rows = await ctx.db.transaction(
    'system',
    (tx) => tx.query('SELECT s.user_id, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled', [tokenHash, now]),
    { readOnly: true },
  );
  const row = rows[0];
  return row === undefined ? null : { userId: row['user_id'] as string, expiresAt: toIso(row['expires_at']) };
}

export async function deleteSession(ctx: StoreContext, tokenHash: string): Promise<void> {
  await ctx.db.transaction('system', (tx) => tx.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]));
}

export async function createApiToken(ctx: StoreContext, actor: Actor, name: string, tokenHash: string): Promise<{ id: string }> {
  requireUser(actor);
  const problems = new Problems();
  problems.text('name', name);
  problems.text('tokenHash', tokenHash, { max: 200 });
  problems.throwIfAny();
  return ctx.db.transaction('system', async (tx) => {
    const id = randomUUID();
    const at = ctx.now();
    await tx.query('INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [id, actor.userId, name, tokenHash, at]);
    await appendAudit(tx, { actorId: actor.userId, action: 'token.create', target: `token:${id}`, detail: { name } }, at);
    return { id };
  });
}

export async function apiTokenByHash(ctx: StoreContext, tokenHash: string): Promise<{ id: string; userId: string } | null> {
  const rows = await ctx.db.transaction(
    'system',
    (tx) => tx.query('SELECT t.id, t.user_id FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled', [tokenHash]),
    { readOnly: true },
  );
  const row = rows[0];
  return row === undefined ? null : { id: row['id'] as string, userId: row['user_id'] as string };
}

export async function revokeApiToken(ctx: StoreContext, actor: Actor, id: string): Promise<void> {
  requireUser(actor);
  if (!isUuid(id)) throw notFound('token', id);
  await ctx.db.transaction(identityOf(actor), async (tx) => {
    const at = ctx.now();
    // Users revoke their own tokens; an admin revokes anyone's.
    const changed = await tx.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL AND (user_id = $3 OR $4) RETURNING id', [at, id, actor.userId, actor.admin]);
    if (changed.length === 0) throw notFound('token', id);
    await appendAudit(tx, { actorId: actor.userId, action: 'token.revoke', target: `token:${id}`, detail: {} }, at);
  });
}

export async function auditSignIn(ctx: StoreContext, userId: string | null, email: string, ok: boolean): Promise<void> {
  await ctx.db.transaction('system', async (tx) => {
    await appendAudit(tx, { actorId: userId, action: ok ? 'user.sign-in' : 'user.sign-in-failed', target: userId === null ? `email:${email.toLowerCase()}` : `user:${userId}`, detail: { email: email.toLowerCase() } }, ctx.now());
  });
}
