import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../auth/cookie.ts';
import { decoy, verifyPassword } from '../auth/passwords.ts';
import { csrfToken, newToken, tokenHash } from '../auth/tokens.ts';
import type { RouteModule } from '../context.ts';
import { ApiError, tooManyAttempts, unauthenticated } from '../errors.ts';

const signInBody = z.object({ email: z.email().max(320), password: z.string().min(1).max(1024) }).strict();

const wrongCredentials = (): ApiError =>
  new ApiError(401, 'unauthenticated', { en: 'Wrong email or password.', zh: '邮箱或密码错误。' });

/**
 * Sign-in, sign-out and who am I. A session is a random token in an HttpOnly, SameSite=Strict cookie,
 * stored hashed; sign-in also returns the session's CSRF token, which every cookie-authenticated write
 * must send back in `x-csrf-token`. Sign-in is rate-limited by IP (the route's limit) and by email (a
 * second limiter keyed on the address), so neither one address nor one machine can guess on.
 */
export const authRoutes: RouteModule = (app, context) => {
  const { signInLimit, signInWindowMs } = context.config;
  // A second counter, keyed by the address; the route's own limit (config.rateLimit) counts by IP.
  const byEmail = app.createRateLimit({
    max: signInLimit,
    timeWindow: signInWindowMs,
    keyGenerator: (request) => `email:${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
  });

  app.post('/api/auth/sign-in', {
    config: { access: 'public', rateLimit: { max: signInLimit, timeWindow: signInWindowMs, keyGenerator: (request) => `ip:${request.ip}` } },
    preHandler: async (request) => {
      const limit = await byEmail(request);
      if (!limit.isAllowed && limit.isExceeded) throw tooManyAttempts(limit.ttl);
    },
    schema: { tags: ['auth'], summary: 'Sign in with email and password / 邮箱密码登录', body: signInBody },
  }, async (request, reply) => {
    const email = request.body.email.toLowerCase();
    const user = await context.store.userByEmail(email);
    // The same argon2 work for an unknown email as for a wrong password: timing tells nothing.
    const ok = user ? await verifyPassword(user.passwordHash, request.body.password) : (await verifyPassword(await decoy(), request.body.password), false);
    if (!user || !ok || user.disabled) {
      await context.store.auditSignIn(user?.id ?? null, email, false);
      throw wrongCredentials();
    }
    const token = newToken();
    const expires = new Date(context.now().getTime() + context.config.sessionHours * 3_600_000);
    await context.store.createSession(user.id, tokenHash(token), expires.toISOString());
    await context.store.auditSignIn(user.id, email, true);
    setSessionCookie(reply, context, request, token, expires);
    const { passwordHash: _hash, ...shown } = user;
    return { user: shown, csrfToken: csrfToken(token), expiresAt: expires.toISOString() };
  });

  app.post('/api/auth/sign-out', {
    config: { access: 'user' },
    schema: { tags: ['auth'], summary: 'End this session / 退出登录' },
  }, async (request, reply) => {
    const auth = request.authentication;
    if (auth.via === 'session') await context.store.deleteSession(tokenHash(auth.sessionToken));
    clearSessionCookie(reply, context, request);
    return reply.code(204).send();
  });

  app.get('/api/me', {
    config: { access: 'user' },
    schema: { tags: ['auth'], summary: 'The signed-in user, their roles and (for a session) the CSRF token / 当前用户、角色与 CSRF 令牌' },
  }, async (request) => {
    const auth = request.authentication;
    if (auth.via === 'none') throw unauthenticated();
    const grants = await context.store.grantsOf(request.actor, auth.user.id);
    return { user: auth.user, grants, via: auth.via, ...(auth.via === 'session' ? { csrfToken: csrfToken(auth.sessionToken) } : {}) };
  });
};
