import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { ApiError, forbidden, unauthenticated } from '../errors.ts';
import { clearSessionCookie, SESSION_COOKIE } from './cookie.ts';
import { csrfToken, sameSecret, tokenHash } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

const badToken = (): ApiError =>
  new ApiError(401, 'unauthenticated', { en: 'The API token is unknown or revoked (Authorization: Bearer …).', zh: 'API 令牌无效或已撤销（Authorization: Bearer …）。' });

/**
 * Finds who is asking (an API token, else the session cookie, else the public), refuses early what the
 * route's access level forbids, and checks the CSRF token of cookie-authenticated writes. The store
 * checks every record again; this is the first of the two checks.
 */
export function authenticate(context: AppContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.actor = { kind: 'public' };
    request.authentication = { via: 'none' };
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw new ApiError(401, 'unauthenticated', { en: 'Authorization must be "Bearer <token>".', zh: 'Authorization 的格式应为 "Bearer <令牌>"。' });
      const token = await context.store.apiTokenByHash(tokenHash(match[1]!));
      const user = token ? await context.store.userById(token.userId) : null;
      if (!token || !user || user.disabled) throw badToken();
      request.actor = { kind: 'user', userId: user.id, admin: user.admin };
      request.authentication = { via: 'token', tokenId: token.id, user };
    } else {
      const sessionToken = request.cookies[SESSION_COOKIE];
      if (sessionToken) {
        const session = await context.store.sessionByHash(tokenHash(sessionToken), context.now().toISOString());
        const user = session ? await context.store.userById(session.userId) : null;
        if (session && user && !user.disabled) {
          request.actor = { kind: 'user', userId: user.id, admin: user.admin };
          request.authentication = { via: 'session', sessionToken, user };
        } else {
          // An expired or signed-out session: the request goes on as the public, and the cookie is dropped.
          clearSessionCookie(reply, context, request);
        }
      }
    }
    const auth = request.authentication;
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !sameSecret(given, csrfToken(auth.sessionToken))) {
        throw new ApiError(403, 'csrf', { en: `A signed-in change needs the ${CSRF_HEADER} header given at sign-in.`, zh: `登录后的修改请求须带登录时返回的 ${CSRF_HEADER} 请求头。` });
      }
    }
    const access = request.routeOptions.config.access;
    if (access === 'user' || access === 'admin') {
      if (request.actor.kind === 'public') throw unauthenticated();
      if (access === 'admin' && !request.actor.admin) throw forbidden({ en: 'Only an administrator may do this.', zh: '仅管理员可执行此操作。' });
    }
  };
}
